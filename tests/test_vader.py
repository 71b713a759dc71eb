"""toolkit._vader returns exactly what the reference vaderSentiment returns; the tone measure
on the fast core returns exactly what the reference-based ToneAnalyzer returned.

"Exactly" is checked on ``repr``: the same keys in the same order and the same floats bit for
bit (``-0.0`` vs ``0.0``, ints vs floats in valence lists included), not approximately.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Sequence
from itertools import islice
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from conftest import need_shared
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    allcap_differential,
)

from toolkit import _vader, rhetoric
from toolkit.rhetoric import _CLAUSE_END, _CLAUSE_WORDS, _MASK, _WORD, NEGATOR_SCOPE
from toolkit.tokenize import tokenize_documents

REF = SentimentIntensityAnalyzer()


def reference_valences(text: str) -> list:
    """The reference's per-word valences (polarity_scores' loop over its own methods)."""
    senti = SentiText(text)
    words = senti.words_and_emoticons
    sentiments: list = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (i < len(words) - 1 and item.lower() == "kind"
                                            and words[i + 1].lower() == "of"):
            sentiments.append(0)
            continue
        sentiments = REF.sentiment_valence(0, senti, item, i, sentiments)
    return REF._but_check(words, sentiments)


def same(text) -> None:
    """The fast scores of ``text`` are the reference's, bit for bit, and so are the unrounded
    per-word valences behind them."""
    want = REF.polarity_scores(text)
    got = _vader.polarity_scores(text)
    assert repr(got) == repr(want), text
    c, p, n, u = _vader.vader_score(text)
    assert repr((c, p, n, u)) == repr((want["compound"], want["pos"], want["neg"], want["neu"]))
    values, _, described = _vader.valences(text)
    if isinstance(text, str):
        assert repr(values) == repr(reference_valences(described.strip())), text
        # the split scorer: the same scores, and the tokens it scored when they are the text's
        scores, split = _vader.vader_score_split(text)
        assert repr(scores) == repr((c, p, n, u)), text
        assert split is None if described != text else split == _vader.lower_words(text), text


# --------------------------------------------------------------------------- assumptions


def test_assumptions_about_unicode_and_the_data():
    """What the fast path relies on, checked on every code point and on the package's tables."""
    import re

    not_idempotent, spaces = [], []
    space_re = re.compile(r"\s")
    for c in map(chr, range(sys.maxunicode + 1)):
        low = c.lower()
        # the reference lowercases words it lowercased before ("negated", the idiom check)
        if low.lower() != low:
            not_idempotent.append(c)
        # ToneAnalyzer.words: re's \S+ spans and str.split() tokens are the same words
        if c.isspace() != bool(space_re.match(c)):
            spaces.append(c)
    assert not_idempotent == [] and spaces == []
    # multiword keys are words joined by single spaces
    for key in [*SPECIAL_CASES, *BOOSTER_DICT]:
        assert key.split(" ") == key.split() and key == key.lower()
    assert all(len(k.split()) == 2 for k in BOOSTER_DICT if " " in k)
    # the emoji superset test finds every emoji character
    assert all(_vader._EMOJI_HINT.match(c) for c in _vader._EMOJI_CHARS)
    assert _vader.LEXICON == REF.lexicon and _vader.EMOJIS == REF.emojis


def test_the_check_can_fail():
    """A deliberately wrong scorer is caught: "same" compares the floats, not a rounding."""
    assert _vader.polarity_scores("good") == REF.polarity_scores("good")
    assert _vader.polarity_scores("good") != REF.polarity_scores("good!")
    saved = _vader.LEXICON["good"]
    try:
        _vader.LEXICON["good"] = saved + 1e-12   # invisible in the rounded scores
        assert _vader.polarity_scores("very good") == REF.polarity_scores("very good")
        with pytest.raises(AssertionError):
            same("This is very good, is it not?")
    finally:
        _vader.LEXICON["good"] = saved


# --------------------------------------------------------------------------- hand-written

ADVERSARIAL = [
    # empty, whitespace, punctuation only
    "", " ", "   \t\n ", "\xa0", "\u3000", ".", "!", "?", "!!!", "???", "?!?!?!", "....", ":)",
    ":-) :D :P xD <3 </3", "( '}{' )", "can't stand", "fed up",
    # punctuation stripping (string.punctuation, the two-character rule)
    "good!", "!good!", "(good)", '"good"', "'good'", "go", "ok!", "(ok)", "a:)", "--good--",
    "good.", "GOOD!!", "goo-d", "«good»", "“good”", "good’", "‘good’", "good…", "Good,bad",
    # the library's examples
    "VADER is smart, handsome, and funny.", "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.", "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.", "The book was good.",
    "At least it isn't a horrible book.", "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!", "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Not bad at all",
    "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.",
    "With VADER, sentiment analysis is the shit!", "Other sentiment analysis tools can be quite bad.",
    "On the other hand, VADER is quite bad ass", "VADER is such a badass!",
    "Without a doubt, excellent idea.", "Without a doubt, an excellent idea.",
    "Roger Dodger is one of the most compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Not such a badass after all.",
    # the first three words (fewer words to look back at)
    "good", "no good", "no no good", "no, good", "not good", "never good", "very good",
    "VERY good", "very GOOD", "VERY GOOD", "GOOD", "GOOD good", "no", "NO", "No", "no no",
    "least good", "at least good", "very least good", "the least good", "least", "kind of good",
    "kind of", "kind", "kind people", "sort of good", "so good", "this good", "doubt",
    "without doubt good", "without good", "never so good", "never this good",
    "never so very good", "never this bad", "so very bad", "this is so bad",
    # "no" rules
    "no problem", "no good no bad", "no or bad", "no nor good", "no, nor good", "no hope or joy",
    "there is no hope nor joy", "no one is happy", "no thanks no love", "NO love", "no LOVE",
    "No fear, no hate, no war.", "no no no no no no", "the end, no", "no way this is bad",
    # signed zeros: "no" before a lexicon word scores 0.0, a negation makes it -0.0
    "not no good", "a not no good", "a b not no good", "a b c not no good", "NOT no good",
    "no not no good", "very not no good", "not no good but not no good",
    # negations, n't, without, despite, booster + negation at each distance
    "not very good", "not really very good", "isn't good", "isnt good", "don't hate it",
    "wasn't ever good", "it is not that very good", "nothing good", "without peace",
    "despite the good news", "rarely good", "seldom bad", "uh-uh good", "ain't bad",
    "couldn't be very much worse", "cannot really hate", "hasn't n't good", "doesn'tgood",
    "NOT GOOD", "not GOOD at all", "Never really been this good", "never been so good",
    # boosters and dampeners, caps on the booster
    "EXTREMELY good", "extremely GOOD", "extremely good and EXTREMELY bad", "hardly good",
    "HARDLY good", "barely bad", "slightly BAD", "the most amazing deal", "more violence",
    "just enough good", "sort of bad", "sort-of bad", "kinda good", "kind of sort of good",
    "a kind of love", "kind of of good", "so sort of good", "just enough of good",
    "the very least good news", "least", "at least", "very least", "least least good",
    # special cases, backward and forward
    "the shit", "this is the shit", "it was the bomb", "bad ass", "what a bad ass day",
    "at the bus stop", "the bus stop was bad", "yeah right", "oh yeah right", "kiss of death",
    "a kiss of death to us", "to die for", "a cake to die for", "her beating heart",
    "the beating heart of it", "it is the bomb to die for", "shit the shit", "no bus stop",
    "a great bus stop", "the kiss of death for peace", "cut the mustard", "in the red",
    # "but", repeated valences (list.index picks the first equal value)
    "good but good", "good good but good", "good but", "but good", "but", "BUT good",
    "good, but bad", "good but bad but good", "fine good but fine", "good, but... good",
    "nice nice but nice nice", "bad but bad bad", "good but not good", "no but yes",
    "great, but war and war and war", "kind but kind of kind", "love but love. BUT love!",
    # punctuation emphasis
    "good!", "good!!", "good!!!!", "good!!!!!!", "good?", "good??", "good???", "good????",
    "bad!?!?", "bad ! ! ! ! !", "? good ?", "no!!!", "it is! fine", "hm!!!",
    # emoji: adjacent to words, at the start, consecutive, multi-character keys
    "💘", "😁😁", "I 💘 you", "I💘you", " 💘 x", "💘good", "good💘", "a 💘💘 b", "\t😁x",
    "😁!", "❤️ peace", "❤ peace", "☺ ok", "©2024 ®", "‼ bad", "⁉ good", "👍🏽 fine", "🇺🇳 talks",
    "x\u200d😁", "not 😁", "very 😁", "😁 but 😢", "🙂🙂🙂 BAD", "smile 😀 :)",
    # all caps mixes, non-ASCII, the one length-changing lower case
    "GREAT", "GREAT JOB", "Great JOB", "I LOVE it", "I love IT", "U.N. is GOOD", "ÉNORME good",
    "İ good", "İİ!", "GOOD İ", "İstanbul is great", "ĞOOD bad", "ΑΓΑΠΗ love", "Ǆ good",
    "ß GOOD", "ﬁne good", "good\u00a0bad", "good\u2003bad", "good\x1cbad", "good\x85bad",
    "Côte d’Ivoire welcomes the peace", "The Secretary-General’s “good offices” — welcome",
    # control characters and oddities
    "\x00good", "good\x00", "\x00", "kind\x00of good", "n't", "'", "''", "'''", "\\o/",
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial(text):
    same(text)


def test_adversarial_as_one_text_and_in_batch():
    same(" ".join(ADVERSARIAL))
    same("\n".join(ADVERSARIAL))
    want = [REF.polarity_scores(t) for t in ADVERSARIAL]
    got = _vader.vader_scores(ADVERSARIAL)
    assert [(w["compound"], w["pos"], w["neg"], w["neu"]) for w in want] == got


class Shouty(str):
    """A str subclass that iterates differently: the reference iterates it, so must we."""

    def __iter__(self):
        return iter(str.upper(self))


NON_STR = {
    "list": lambda: ["good", " ", "day"], "tuple": lambda: ("no", " ", "good"),
    "emoji list": lambda: ["💘", "x"], "multi-char emoji key": lambda: ["❤️", "peace"],
    "iterator": lambda: iter(["bad", "!"]), "empty list": list,
    "str subclass": lambda: Shouty("good day"), "empty str subclass": lambda: Shouty(""),
}


@pytest.mark.parametrize("make", NON_STR.values(), ids=NON_STR.keys())
def test_non_str_inputs_the_reference_accepts(make):
    assert repr(_vader.polarity_scores(make())) == repr(REF.polarity_scores(make()))


@pytest.mark.parametrize("value", [None, 3, 2.5, b"good", [1, 2], [["a"]]])
def test_non_str_inputs_the_reference_rejects(value):
    with pytest.raises(Exception) as ref_err:
        REF.polarity_scores(value)
    with pytest.raises(type(ref_err.value)):
        _vader.polarity_scores(value)


@given(st.lists(st.sampled_from([0, 0.0, -0.0, 1.5, -1.5, 0.75, 3.0, 2.0, 1.0, -0.5]),
                max_size=12), st.data())
@settings(max_examples=400, deadline=None)
def test_but_check_reproduces_the_list_index_quirk(values, data):
    words = data.draw(st.lists(st.sampled_from(["but", "BUT", "x", "good"]),
                               min_size=len(values), max_size=len(values)))
    lw = [w.lower() for w in words]
    want = SentimentIntensityAnalyzer._but_check(words, list(values))
    got = _vader.but_check(lw, list(values))
    assert repr(got) == repr(want)


@given(st.lists(st.sampled_from([0, 0.0, -0.0, 1.5, -1.5, 0.75, 3.0, 2.0, 1.0, -0.5]),
                min_size=_vader._BUT_INDEX_MAX + 1, max_size=3 * _vader._BUT_INDEX_MAX), st.data())
@settings(max_examples=200, deadline=None)
def test_but_check_on_long_lists_reproduces_the_quirk(values, data):
    # beyond _BUT_INDEX_MAX values but_check runs its heaps, not the reference's loop
    words = ["x"] * len(values)
    words[data.draw(st.integers(0, len(values) - 1))] = "but"
    want = SentimentIntensityAnalyzer._but_check(words, list(values))
    assert repr(_vader.but_check(words, list(values))) == repr(want)


# --------------------------------------------------------------------------- generated texts

_LEX_WORDS = sorted(_vader.LEXICON)
_RULE_WORDS = sorted({*BOOSTER_DICT, *NEGATE, *(w for k in SPECIAL_CASES for w in k.split()),
                      "but", "kind", "of", "least", "at", "very", "no", "or", "nor", "never",
                      "so", "this", "without", "doubt", "not", "n't", "the"})
_PUNCT = ["!", "?", "!!", "??", "???", ".", ",", ":", ";", "'", '"', "(", ")", "...", "-", "—",
          ":)", ":(", "<3", "…", "“", "”"]
_EMOJI = sorted(_vader._EMOJI_CHARS)[::7] + [k for k in _vader.EMOJIS if len(k) > 1][::50]


@st.composite
def words(draw):
    kind = draw(st.sampled_from(["lex", "rule", "rule", "punct", "emoji", "random"]))
    if kind == "lex":
        w = draw(st.sampled_from(_LEX_WORDS))
    elif kind == "rule":
        w = draw(st.sampled_from(_RULE_WORDS))
    elif kind == "punct":
        w = draw(st.sampled_from(_PUNCT))
    elif kind == "emoji":
        w = draw(st.sampled_from(_EMOJI))
    else:
        w = draw(st.text(max_size=4))
    case = draw(st.sampled_from(["", "", "upper", "title"]))
    w = w.upper() if case == "upper" else w.title() if case == "title" else w
    before = draw(st.sampled_from(["", "", "", "(", '"', "“", "'", "💘", "İ"]))
    after = draw(st.sampled_from(["", "", "", "!", "?", ",", ".", "!!", ")", "😁", "’"]))
    return before + w + after


texts = st.lists(st.tuples(words(), st.sampled_from([" ", " ", " ", "", "  ", "\t", "\n", "\xa0"])),
                 max_size=14).map(lambda ws: "".join(w + s for w, s in ws))


@given(texts)
@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("no no good but no good")
@example("kind of the shit never so good")
def test_generated_texts(text):
    same(text)


@given(st.text(max_size=40))
@settings(max_examples=400, deadline=None)
def test_random_unicode(text):
    same(text)


# --------------------------------------------------------------------------- real text


def _sentences(texts: list[str]) -> list[str]:
    ids = [str(i) for i in range(len(texts))]
    sents, _ = tokenize_documents(ids, texts)
    return sents["text"].tolist()


def test_bundled_sample_sentences_and_documents():
    from toolkit import datasets

    docs = datasets.sample().documents["text"].tolist()
    sents = _sentences(docs)
    assert len(sents) > 40
    for t in sents + docs:
        same(t)


@pytest.mark.shared
def test_seed_article():
    text = need_shared("seed", "article.txt").read_text(encoding="utf-8")
    for t in [*_sentences([text]), text]:
        same(t)


N_SPEECHES = 300      # every 30th speech of the corpus: all sessions and regions
N_WHOLE = 40          # whole speeches (the reference is quadratic in the text's length)


def _ungdc(n: int, step: int = 30) -> list[str]:
    path = need_shared("corpora", "ungdc_1946-2024.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in islice(f, 0, n * step, step)]


@pytest.fixture(scope="module")
def ungdc_sentences():
    return _sentences(_ungdc(N_SPEECHES))


@pytest.mark.shared
@pytest.mark.slow
def test_ungdc_sentences(ungdc_sentences):
    assert len(ungdc_sentences) > 30_000
    for t in ungdc_sentences:
        same(t)


@pytest.mark.shared
@pytest.mark.slow
def test_ungdc_whole_speeches():
    for t in _ungdc(N_WHOLE, step=270):
        same(t)


# --------------------------------------------------------------------------- tone


class ReferenceToneAnalyzer(SentimentIntensityAnalyzer):
    """ToneAnalyzer before the fast core (toolkit/rhetoric.py at 766d9d5, comments left out)."""

    def words(self, text: str) -> tuple[list[tuple[int, int]], list[str]]:
        spans = [m.span() for m in _WORD.finditer(text)]
        return spans, [SentiText._strip_punc_if_word(text[a:b]) for a, b in spans]

    def valences(self, text: str, hits: Sequence[tuple], *, scale: float = 1.0):
        spans, orig = self.words(text)
        words = list(orig)
        flips: set[int] = set()
        starts = [a for a, _ in spans]
        for s, e, weight, category in hits:
            lo = max(0, np.searchsorted(starts, s, side="right") - 1)
            idx = [i for i in range(lo, len(spans)) if spans[i][0] < e and s < spans[i][1]]
            if not idx:
                continue
            for i in idx[:-1]:
                words[i] = _MASK
            if category == "negator":
                words[idx[-1]] = _MASK
                j = idx[-1] + 1
                while j < len(words) and j <= idx[-1] + NEGATOR_SCOPE:
                    prev = text[spans[j - 1][0]:spans[j - 1][1]]
                    if orig[j].lower() in _CLAUSE_WORDS or _CLAUSE_END.search(prev):
                        break
                    flips.add(j)
                    j += 1
            else:
                key = f"{_MASK}{weight * scale:.4f}"
                self.lexicon.setdefault(key, weight * scale)
                words[idx[-1]] = key
        senti = SimpleNamespace(words_and_emoticons=words, is_cap_diff=allcap_differential(orig))
        sentiments: list[float] = []
        for i, item in enumerate(words):
            low = item.lower()
            if low in BOOSTER_DICT or (low == "kind" and i < len(words) - 1
                                       and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, senti, item, i, sentiments)
        for i in flips:
            sentiments[i] = sentiments[i] * N_SCALAR
        sentiments = self._but_check(words, sentiments)
        return sentiments, orig, words

    def score(self, text: str, hits: Sequence[tuple], *, scale: float = 1.0) -> dict:
        sentiments, _, _ = self.valences(text, hits, scale=scale)
        return self.score_valence(sentiments, text)

    # what rhetoric._valences_cached calls on the analyzer
    def _valences(self, text, hits, scale):
        return (*self.valences(text, hits, scale=scale), self.words(text)[0])


def same_tone(old, new, text, hits, scale=1.0):
    assert repr(new.valences(text, hits, scale=scale)) == repr(old.valences(text, hits, scale=scale))
    assert repr(new.score(text, hits, scale=scale)) == repr(old.score(text, hits, scale=scale))


BEFORE_FAST_TONE = "766d9d5"   # the last commit whose ToneAnalyzer ran on vaderSentiment's methods


def _methods(cls_src: str) -> dict[str, str]:
    import ast

    cls = ast.parse(cls_src).body[0]
    out = {}
    for f in cls.body:
        if isinstance(f, ast.FunctionDef):
            if ast.get_docstring(f) is not None:
                f.body = f.body[1:]
            out[f.name] = ast.unparse(f)
    return out


def test_reference_tone_analyzer_is_the_old_one():
    """The copy above is, method for method, the ToneAnalyzer the tone measure was validated with."""
    import inspect
    import subprocess

    try:
        src = subprocess.run(["git", "show", f"{BEFORE_FAST_TONE}:toolkit/rhetoric.py"],
                             capture_output=True, text=True, check=True,
                             cwd=rhetoric.__file__.rsplit("/", 2)[0]).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"commit {BEFORE_FAST_TONE} is not in this clone's history")
    old = src[src.index("class ToneAnalyzer"):src.index("@functools.lru_cache(maxsize=1)\ndef _tone_analyzer")]
    old_methods = _methods(old)
    copy = _methods(inspect.getsource(ReferenceToneAnalyzer))
    assert set(old_methods) == {"words", "valences", "score"}
    for name, body in old_methods.items():
        assert copy[name] == body, name


def _sentence_hits(docs: list[str]) -> list[tuple[str, list[tuple]]]:
    """(sentence, its tone hits) as sentiment_table builds them, for sentences with hits."""
    ids = [str(i) for i in range(len(docs))]
    sents, toks = tokenize_documents(ids, docs)
    hits = rhetoric._hits_by_doc(toks, dict(zip(ids, docs)), rhetoric.tone_lexicon())
    start = dict(zip(zip(sents["doc_id"], sents["sent_id"]), sents["start"]))
    by_sent: dict = {}
    for d, si, s, e, w, c in zip(hits["doc_id"], hits["sent_id"], hits["start"], hits["end"],
                                 hits["weight"], hits["category"]):
        off = start[(d, si)]
        by_sent.setdefault((d, si), []).append((int(s) - off, int(e) - off, float(w), c))
    text = dict(zip(zip(sents["doc_id"], sents["sent_id"]), sents["text"]))
    return [(text[k], h) for k, h in by_sent.items()]


def test_tone_on_the_bundled_sample():
    from toolkit import datasets

    pairs = _sentence_hits(datasets.sample().documents["text"].tolist())
    assert len(pairs) > 20 and any(c == "negator" for _, h in pairs for *_, c in h)
    old, new = ReferenceToneAnalyzer(), rhetoric.ToneAnalyzer()
    for text, hits in pairs:
        for scale in (1.0, rhetoric.TONE_SCALE, 0.5):
            same_tone(old, new, text, hits, scale)
        same_tone(old, new, text, [])


@pytest.mark.shared
@pytest.mark.slow
def test_tone_on_ungdc_sentences_with_their_hits():
    pairs = _sentence_hits(_ungdc(120))
    assert len(pairs) > 3000
    old, new = ReferenceToneAnalyzer(), rhetoric.ToneAnalyzer()
    for text, hits in pairs:
        same_tone(old, new, text, hits, rhetoric.TONE_SCALE)
        same_tone(old, new, text, hits, 0.7)


_TONE_WORDS = ["not", "will", "avoid", "hesitate", "but", "however", "grave", "very", "no",
               "conflict", "war", "peace", "welcome", "kind", "of", "least", "never", "so",
               "threat", "UN", "VERY", "GRAVE", "respond,", "accordingly;", "—", "--", "while",
               "good", "bad!", "?", "don't", "the", "shit", "without", "doubt", "sort"]


@st.composite
def tone_cases(draw):
    ws = draw(st.lists(st.sampled_from(_TONE_WORDS), max_size=12))
    text = draw(st.sampled_from(["", " ", "  "])) + " ".join(ws) + draw(st.sampled_from(["", ".", "!"]))
    if draw(st.integers(0, 4)) == 0:   # ALL CAPS: masking words changes VADER's caps differential
        text = text.upper()
    n = len(text)
    hit = st.tuples(st.integers(-2, n + 2), st.integers(-2, n + 2),
                    st.sampled_from([-2.5, -1.0, 0.0, 1.5, 3.0, 1.00001, 1.00002, -0.33333]),
                    st.sampled_from(["negator", "threat", "neutral", "cooperation", "warning"]))
    hits = draw(st.lists(hit, max_size=4))
    scale = draw(st.sampled_from([1.0, 0.5, 1.3]))
    return text, hits, scale


_OLD, _NEW = ReferenceToneAnalyzer(), rhetoric.ToneAnalyzer()   # lexicons grow alike


TONE_CASES = [
    ("VERY GRAVE THREAT", [(5, 17, -3.0, "threat")]),          # caps differential of the words
    ("WE WILL NOT HESITATE TO STRIKE", [(3, 20, -2.5, "threat")]),   # before masking
    ("We will NOT hesitate, BUT we avoid war", [(3, 20, -2.5, "threat"), (28, 33, 0, "negator")]),
    ("no no war but peace", [(3, 9, -2.0, "hostility")]),
    ("not no good", [(4, 6, 0.0, "neutral")]),
    ("", [(0, 3, 1.0, "threat")]), ("   ", [(0, 3, 1.0, "negator")]),
    ("kind of war", [(0, 4, 1.0, "cooperation")]), ("the shit war", [(4, 8, -1.0, "threat")]),
    ("avoid very grave war, now", [(0, 5, 0, "negator"), (6, 16, 1.00001, "threat"),
                                   (6, 16, 1.00002, "threat")]),
]


@pytest.mark.parametrize(("text", "hits"), TONE_CASES)
def test_tone_cases(text, hits):
    for scale in (1.0, 0.5):
        same_tone(ReferenceToneAnalyzer(), rhetoric.ToneAnalyzer(), text, hits, scale)


@given(tone_cases())
@settings(max_examples=1500, deadline=None)
def test_tone_on_generated_hits(case):
    text, hits, scale = case
    same_tone(_OLD, _NEW, text, hits, scale)


@pytest.fixture
def reference_tone(monkeypatch):
    """Run rhetoric's tone functions with the reference analyzer, then with the new one."""
    class Reference(ReferenceToneAnalyzer):
        def score(self, text, hits, *, scale=1.0, split=None):
            # the words handed by sentiment_table only save a split: ignored, the reference
            # computes them itself
            return super().score(text, hits, scale=scale)

    def run(fn):
        rhetoric._tone_cached.cache_clear()
        rhetoric._valences_cached.cache_clear()
        rhetoric._scores_and_tone.cache_clear()
        old = Reference()
        with monkeypatch.context() as m:
            m.setattr(rhetoric, "_tone_analyzer", lambda: old)
            want = fn()
        rhetoric._tone_cached.cache_clear()
        rhetoric._valences_cached.cache_clear()
        rhetoric._scores_and_tone.cache_clear()
        got = fn()
        return want, got
    return run


TONE_TEXTS = [
    "It is a special military operation.", "Moscow issued a stern warning.",
    "We will not hesitate to respond accordingly, but we avoid a direct military conflict.",
    "All options are on the table; the United Nations must not go unanswered!",
    "We refrain from any use of force, while they threaten very grave consequences.",
    "They do not pose a threat, and we have no intention of escalating the war.",
    "Critics praised Smith for years, while Jones was accused of corruption and fraud.",
]


@pytest.mark.parametrize("text", TONE_TEXTS)
def test_tone_functions_unchanged(reference_tone, text):
    want, got = reference_tone(lambda: rhetoric.explain_tone(text))
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert repr(got.to_dict("list")) == repr(want.to_dict("list"))
    hits, _ = rhetoric.tone_hits([text])
    for fn in (lambda: rhetoric.tone_from_hits(text, hits[0]),
               lambda: rhetoric.tone_from_hits(text, hits[0], scale=0.6),
               lambda: [rhetoric.target_tone(text, m.start(), m.end(), hits=hits[0], tau=t)
                        for m in _WORD.finditer(text) for t in (4.0, float("inf"))],
               lambda: [rhetoric.target_tone(text, m.start(), m.end())
                        for m in _WORD.finditer(text)]):
        want, got = reference_tone(fn)
        assert repr(got) == repr(want)


def test_sentiment_table_unchanged(reference_tone):
    from toolkit import datasets

    docs = datasets.sample().documents
    sents, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    want, got = reference_tone(lambda: rhetoric.sentiment_table(sents, toks, texts))
    pd.testing.assert_frame_equal(got, want, check_exact=True)
