"""Sentiment, diplomatic tone and rhetorical markers, per sentence, with evidence spans.

Two tables, both written by ``python -m toolkit analyze``:

``sentiment``: one row per sentence with the two standard baselines and our tone measure:

* TextBlob's ``PatternAnalyzer`` polarity (-1..1) and subjectivity (0..1) (De Smedt &
  Daelemans 2012), as ``TextBlob(text).sentiment`` gives them. :mod:`toolkit._pattern` runs
  TextBlob's tokenizer rules and lexicon with less work per sentence (memoised punctuation
  splits, each word classified once): the numbers are identical (tested on real sentences and
  generated text) and it is several times as fast (``bench/bench_rhetoric.py``). Scores are
  cached per sentence text, since speeches repeat formulas.
* VADER compound, pos, neg, neu (Hutto & Gilbert 2014), as the authors' reference package
  ``vaderSentiment`` computes them (rather than NLTK's port): it is the implementation the
  published validation used. :mod:`toolkit._vader` runs the package's rules and data with less
  work per sentence (about 5x faster; the tests check every score equals the package's).
* ``tone``: our diplomatic tone measure (-1..1). Both baselines fail in known ways on
  diplomatic text: euphemisms score positive ("special military operation": VADER reads
  "special" +1.7), threats score neutral ("respond accordingly", "all options are on the
  table": 0), warnings barely negative ("stern warning" = "warning" -1.4), negated threats
  flip to positive ("will not hesitate": VADER negates "hesitate" -1.1 into +0.8), and names
  add sentiment ("United Nations", "Security Council": +1.8, +1.4). ``tone`` is VADER's
  algorithm (its lexicon, boosters, negation, "but" and normalisation, reused from the
  package) with three documented corrections driven by the ``tone`` lexicon
  (``toolkit/lexicons/tone.{csv,yaml}``), matched on lemmas with :mod:`toolkit.lexicon`:

  1. *Overrides and additions*: a matched entry replaces the VADER valences of the words it
     covers with the entry's weight (VADER scale, -4..+4), placed on its last word, so
     VADER's booster and negation rules still apply around it ("very grave consequences").
  2. *Negation owned by the phrase*: entries that contain a negation ("not hesitate", "will
     not go unanswered", "does not rule out") are not flipped by it.
  3. *Diplomatic negators*: ``negator`` entries ("avoid", "no intention of", "refrain from",
     "does not pose") flip the valence of the following words of the same clause (at most
     :data:`NEGATOR_SCOPE` words) with VADER's own scalar (-0.74): "avoiding a direct conflict"
     is de-escalation, not conflict.

  Sentences without any tone-lexicon match get exactly VADER's compound (the algorithm is
  the same and nothing is overridden), so only sentences with matches are scored twice.

``rhetoric``: one row per marker span: hedges, boosters, attitude markers (after Hyland
2005), strategic vagueness, modality, in-group/out-group pronouns, self-mention and
evaluative/loaded words, from the ``rhetoric`` lexicon. Each category is its own layer
(spans of one category never overlap; "could" is both a hedge and a modal). "Will" and bare
"must" are modality, never boosters; "will"/"shall" followed by a response or threat ("will
respond accordingly") are labelled ``commitment`` rather than prediction. ``blocker``
entries cancel markers inside names and fixed phrases ("International Criminal Court",
"sanctions regime", "I would like to").

Notes:
    Hutto, C.J. & Gilbert, E. (2014). VADER. ICWSM-14.
    De Smedt, T. & Daelemans, W. (2012). Pattern for Python. JMLR 13.
    Hyland, K. (2005). Metadiscourse. Continuum.
    Validation: :mod:`toolkit.validation.rhetoric` (NYT editorial ratings, NewsMTSC targets,
    conflict vs cooperation sentences from UN documents and news).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import N_SCALAR, SentimentIntensityAnalyzer

from . import _vader as _fast
from ._pattern import pattern_scores
from . import lexicon as lexmod
from .lexicon import Lexicon, load
from .annotator import Annotator, Chunk
from .tokenize import column_list, document_order, iter_rows, tokenize_documents

SENTIMENT_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "textblob_polarity",
                     "textblob_subjectivity", "vader_compound", "vader_pos", "vader_neg",
                     "vader_neu", "tone", "tone_label", "tone_cues", "source"]
RHETORIC_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "category", "subcategory", "cue",
                    "weight", "source"]
SCORE_NAMES = ["textblob_polarity", "textblob_subjectivity", "vader_compound", "vader_pos",
               "vader_neg", "vader_neu"]
TONE_LEXICON = "tone"
RHETORIC_LEXICON = "rhetoric"
# VADER's conventional cut-offs for a compound score (Hutto & Gilbert 2014, README).
NEUTRAL_BAND = 0.05
# Words after a diplomatic negator that it can flip: VADER looks three words back for its own
# negations; diplomatic negators govern an object phrase ("avoid a direct military conflict").
NEGATOR_SCOPE = 4
# Multiplier of the tone lexicon's weights. Chosen on the tuning half of the NYT editorial
# snippets (seeded split, toolkit.validation.rhetoric); the grid and the held-out result are
# reported there. 1.0 = the hand-set weights.
TONE_SCALE = 1.0
# Modal verbs that commit to an action when a response or threat follows.
# Volitional modals only: "we must respond" is an obligation (often a call on others), while
# "we will respond" commits the speaker.
COMMITMENT_MODALS = frozenset({"will", "'ll", "shall"})
RESPONSE_LEMMAS = frozenset({"respond", "retaliate", "react", "strike", "punish", "hit", "destroy",
                             "answer", "reply"})
THREAT_CATEGORIES = frozenset({"threat", "warning", "coercion", "hostility"})
COMMITMENT_WINDOW = 3   # tokens between the modal and the response verb

_WORD = re.compile(r"\S+")
_SPAN = re.Match.span
_MASK = "\x00"          # stands for a word whose valence an entry took over (never a VADER key)
_CLAUSE_END = re.compile(r"[,;:]$|^[—–]|^--$")
_CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "though", "however"})


# --------------------------------------------------------------------------- baselines


@functools.lru_cache(maxsize=1)
def _pattern():
    from textblob.en import sentiment

    return sentiment


@functools.lru_cache(maxsize=200_000)
def baseline_scores(text: str) -> tuple[float, float, float, float, float, float]:
    """TextBlob polarity, subjectivity and VADER compound, pos, neg, neu of one text (cached).

    Identical to ``TextBlob(text).sentiment`` and ``SentimentIntensityAnalyzer().polarity_scores``;
    cached per text because speeches repeat formulas ("Thank you, Mr. President.").

    Example:
        >>> [round(x, 2) for x in baseline_scores("The talks were a great success.")]
        [0.55, 0.38, 0.83, 0.66, 0.0, 0.34]
    """
    return _baselines(text)[0]


def _baselines(text: str) -> tuple[tuple[float, float, float, float, float, float],
                                   tuple[list[str], list[str]] | None]:
    """:func:`baseline_scores` (uncached) and VADER's words of ``text`` (see
    :func:`toolkit._vader.vader_score_split`)."""
    # one white-space split for all scorers (VADER's tokens stand for TextBlob's when the
    # text has no quote or apostrophe)
    vader, split = _fast.vader_score_split(text)
    pol, subj = pattern_scores(text, None if split is None else split[0])
    return (float(pol), float(subj), *vader), split


def sentiment_assessments(text: str) -> pd.DataFrame:
    """The words that drove TextBlob's polarity: one row per assessed word group.

    Same content as ``TextBlob(text).sentiment_assessments.assessments`` (one scoring pass
    instead of the two ``PatternAnalyzer`` makes). Works on a sentence or a whole document.

    Returns:
        Columns ``words`` (the group as a string, e.g. "not good"), ``polarity``,
        ``subjectivity``.

    Example:
        >>> sentiment_assessments("A special operation, not a good one.")["words"].tolist()
        ['special', 'not good']
    """
    rows = [{"words": " ".join(w), "polarity": float(p), "subjectivity": float(s)}
            for w, p, s, _ in _pattern()(text).assessments]
    return pd.DataFrame(rows, columns=["words", "polarity", "subjectivity"])


# --------------------------------------------------------------------------- tone


def _label(score: float) -> str:
    return "negative" if score <= -NEUTRAL_BAND else "positive" if score >= NEUTRAL_BAND else "neutral"


class ToneAnalyzer(SentimentIntensityAnalyzer):
    """VADER whose words can be overridden, masked or flipped for one call (the tone rules).

    Everything else (lexicon, boosters, negation, "but", normalisation) is VADER's algorithm,
    computed by :mod:`toolkit._vader` (the reference ``vaderSentiment``'s rules and data, the
    same numbers, done once per word; ``tests/test_vader.py`` checks these valences and scores
    against the reference-based implementation). Emoji are not described as VADER's
    ``polarity_scores`` does (diplomatic text); texts without tone matches never reach this
    class.

    Example:
        >>> ToneAnalyzer().score("A stern warning.", [(2, 15, -2.5, "warning")])["compound"]
        -0.5423
    """

    def words(self, text: str) -> tuple[list[tuple[int, int]], list[str]]:
        """VADER's words of ``text`` and their character spans."""
        spans = list(map(_SPAN, _WORD.finditer(text)))
        # VADER's own tokenisation: whitespace split, surrounding punctuation stripped (\S+ and
        # str.split() agree on white space).
        return spans, _fast.words(text)

    def _rules(self, text: str, hits: Sequence[tuple], scale: float,
               split: tuple[list[str], list[str]] | None = None
               ) -> tuple[list[str], list[str], dict[int, str], set[int]]:
        """The tone rules on VADER's words: the text's white-space tokens, VADER's lowercased
        words, the word positions an entry masks (-> mask or weight key), the positions a
        negator flips. ``split``: ``_fast.lower_words(text)`` when the caller has it (its
        lists are not changed)."""
        if split is None:
            toks, lw = _fast.lower_words(text)
        else:
            toks, lw = split[0], list(split[1])
        masks: dict[int, str] = {}
        flips: set[int] = set()
        n = len(toks)
        for (_, _, weight, category), idx in zip(hits, _hit_words(text, hits)):
            if not idx:
                continue
            # The entry owns all its words: VADER valences and negations inside it are masked
            # (so "not" in "will not hesitate" no longer flips anything).
            for i in idx[:-1]:
                masks[i] = _MASK
            if category == "negator":
                masks[idx[-1]] = _MASK
                j = idx[-1] + 1
                while j < n and j <= idx[-1] + NEGATOR_SCOPE:
                    if lw[j] in _CLAUSE_WORDS or _CLAUSE_END.search(toks[j - 1]):
                        break
                    flips.add(j)
                    j += 1
            else:
                # The weight sits on the last word, where VADER's look-back rules find the
                # boosters and negations before the phrase ("very grave consequences").
                key = f"{_MASK}{weight * scale:.4f}"
                self.lexicon.setdefault(key, weight * scale)
                masks[idx[-1]] = key
        return toks, lw, masks, flips

    @staticmethod
    def _sentiments(rules: tuple, lexicon: Mapping[str, float]) -> list:
        toks, lw, masks, flips = rules
        # The case of a word only matters through isupper(), which stripping punctuation
        # (uncased) does not change: the raw tokens stand for VADER's words.
        case = list(toks)
        for i, key in masks.items():
            lw[i] = case[i] = key
        sentiments = _fast.sentiments(lw, case, _fast.cap_differential(toks), lexicon)
        for i in flips:
            sentiments[i] = sentiments[i] * N_SCALAR
        _fast.but_check(lw, sentiments)
        return sentiments

    def _valences(self, text: str, hits: Sequence[tuple], scale: float):
        sentiments, orig, words = self.valences(text, hits, scale=scale)
        return sentiments, orig, words, self.words(text)[0]

    def valences(self, text: str, hits: Sequence[tuple], *, scale: float = 1.0):
        """Per-word valences (VADER's sentiments list) after the tone rules, and the words."""
        rules = self._rules(text, hits, scale)
        orig = _fast.words(text)
        words = list(orig)
        for i, key in rules[2].items():
            words[i] = key
        sentiments = self._sentiments(rules, self.lexicon)
        return sentiments, orig, words

    def score(self, text: str, hits: Sequence[tuple], *, scale: float = 1.0,
              split: tuple[list[str], list[str]] | None = None) -> dict:
        """VADER's ``neg/neu/pos/compound`` dict for ``text`` under the tone rules.

        ``split``, if given, must equal ``toolkit._vader.lower_words(text)``: it saves
        splitting the text again."""
        sentiments = self._sentiments(self._rules(text, hits, scale, split), self.lexicon)
        compound, pos, neg, neu = _fast.score_sentiments(sentiments, text)
        return {"neg": neg, "neu": neu, "pos": pos, "compound": compound}


# Up to this many characters x hits, a hit's words are counted with str.split() on the text
# before it (fast on sentences); beyond, the words' spans are found once and bisected.
_SPLIT_COUNT_LIMIT = 20_000


def _hit_words(text: str, hits: Sequence[tuple]) -> list[range]:
    """For each hit ``(start, end, ...)``, the positions of the white-space words of ``text``
    that overlap ``[start, end)``: those ending after ``start`` and starting before ``end``.

    Example:
        >>> _hit_words("We avoid a war.", [(3, 8), (9, 15), (0, 0)])
        [range(1, 2), range(2, 4), range(0, 0)]
    """
    n = len(text)
    if len(hits) * n <= _SPLIT_COUNT_LIMIT and all(type(h[0]) is int and type(h[1]) is int for h in hits):
        out = []
        for h in hits:
            s, e = min(max(h[0], 0), n), min(max(h[1], 0), n)
            first = len(text[:s].split())
            if 0 < s < n and not text[s - 1].isspace() and not text[s].isspace():
                first -= 1    # the word that goes on past ``start`` overlaps it
            out.append(range(first, len(text[:e].split())))
        return out
    spans = list(map(_SPAN, _WORD.finditer(text)))
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    return [range(bisect.bisect_right(ends, h[0]), bisect.bisect_left(starts, h[1])) for h in hits]


@functools.lru_cache(maxsize=1)
def _tone_analyzer() -> ToneAnalyzer:
    return ToneAnalyzer()


@functools.lru_cache(maxsize=200_000)
def _tone_cached(text: str, hits: tuple, scale: float) -> float:
    return _tone_analyzer().score(text, hits, scale=scale)["compound"]


@functools.lru_cache(maxsize=200_000)
def _scores_and_tone(text: str, hits: tuple, scale: float
                     ) -> tuple[tuple[float, float, float, float, float, float], float]:
    """:func:`baseline_scores` and the tone of a sentence with tone hits, from one split."""
    base, split = _baselines(text)
    return base, _tone_analyzer().score(text, hits, scale=scale, split=split)["compound"]


def _resolve(lexicon: str | Lexicon | None, default: str) -> Lexicon:
    if isinstance(lexicon, Lexicon):
        return lexicon
    return load(default if lexicon is None else lexicon)


def tone_lexicon(lexicon: str | Lexicon | None = None) -> Lexicon:
    """The ``tone`` lexicon: the bundled one, or a user's (name, path or :class:`Lexicon`).

    A user's tone lexicon needs ``entry``, ``category`` and ``weight`` (VADER scale), and may
    use the categories ``negator`` (no weight) and ``neutral`` (weight 0) with their meaning
    here.

    Example:
        >>> tone_lexicon().tag
        'tone@1.0.0'
    """
    return _resolve(lexicon, TONE_LEXICON)


def tone_from_hits(text: str, hits: Sequence[tuple[int, int, float, str]], *,
                   scale: float = TONE_SCALE, vader_compound: float | None = None) -> float:
    """Tone of ``text`` given the tone-lexicon matches inside it.

    Args:
        text: a sentence (or any span of text).
        hits: ``(start, end, weight, category)`` with offsets relative to ``text``.
        scale: multiplier of the lexicon weights.
        vader_compound: VADER's compound for ``text``, returned as is when there are no hits.

    Example:
        >>> tone_from_hits("They respond.", []) == baseline_scores("They respond.")[2]
        True
    """
    if not hits:
        return baseline_scores(text)[2] if vader_compound is None else vader_compound
    return _tone_cached(text, tuple(hits), float(scale))


def _hits_by_doc(tokens: pd.DataFrame, texts: Mapping[str, str], lexicon: Lexicon) -> pd.DataFrame:
    hits = lexicon.find(tokens, texts, overlaps="longest")
    if "weight" in hits:
        hits["weight"] = hits["weight"].fillna(0.0)
    return hits


def tone_hits(texts: Sequence[str], *, lexicon: str | Lexicon | None = None
              ) -> tuple[list[list[tuple]], list[str]]:
    """Tone-lexicon matches of each text, ``(start, end, weight, category)``, and the cue strings.

    One tokenizer pass and one lexicon pass over all texts; use it to score many windows of
    the same texts (:func:`tone_from_hits`).

    Example:
        >>> tone_hits(["A stern warning."])
        ([[(2, 15, -2.5, 'warning')]], ['stern warning'])
    """
    ids = [str(i) for i in range(len(texts))]
    _, tokens = tokenize_documents(ids, list(texts))
    hits = _hits_by_doc(tokens, dict(zip(ids, texts)), tone_lexicon(lexicon))
    by_doc: dict[str, list] = defaultdict(list)
    cues: dict[str, list] = defaultdict(list)
    for d, s, e, w, c, t in iter_rows(hits, "doc_id", "start", "end", "weight", "category", "text"):
        by_doc[d].append((int(s), int(e), float(w), c))
        cues[d].append(t)
    return [by_doc.get(i, []) for i in ids], ["; ".join(cues.get(i, [])) for i in ids]


def score_texts(texts: Sequence[str], *, scale: float = TONE_SCALE,
                lexicon: str | Lexicon | None = None) -> pd.DataFrame:
    """Baselines and tone for whole texts (each text one unit, as VADER's own evaluation did).

    Returns:
        One row per text: ``text``, the six baseline scores, ``tone``, ``tone_cues``.

    Example:
        >>> s = score_texts(["The Kremlin issued a stern warning.", "We welcome the ceasefire."])
        >>> (s["tone"] < 0).tolist(), (s["tone"] > 0).tolist()
        ([True, False], [False, True])
    """
    hits, cues = tone_hits(texts, lexicon=lexicon)
    rows = []
    for text, h, cue in zip(texts, hits, cues):
        base = baseline_scores(text)
        rows.append((text, *base, tone_from_hits(text, h, scale=scale, vader_compound=base[2]), cue))
    return pd.DataFrame(rows, columns=["text", *SCORE_NAMES, "tone", "tone_cues"])


def tone(text: str, *, scale: float = TONE_SCALE) -> float:
    """Diplomatic tone of one text, -1 (hostile) .. +1 (conciliatory).

    Example:
        >>> tone("Moscow issued a stern warning.") < tone("The ministers met on Monday.") < tone("We welcome the ceasefire.")
        True
    """
    return float(score_texts([text], scale=scale)["tone"].iloc[0])


def explain_tone(text: str, *, scale: float = TONE_SCALE) -> pd.DataFrame:
    """Word by word: VADER's valence and the tone valence, and which tone entry changed it.

    Example:
        >>> e = explain_tone("It is a special military operation.")
        >>> e.loc[e["vader"] != 0, ["word", "vader"]].values.tolist()
        [['special', 1.7]]
    """
    ids = ["0"]
    _, tokens = tokenize_documents(ids, [text])
    hits = _hits_by_doc(tokens, {"0": text}, tone_lexicon())
    tuples = [(int(s), int(e), float(w), c) for s, e, w, c in
              iter_rows(hits, "start", "end", "weight", "category")]
    an = _tone_analyzer()
    vader_vals, words, _ = an.valences(text, [], scale=scale)
    tone_vals, _, _ = an.valences(text, tuples, scale=scale)
    spans, _ = an.words(text)
    rule = [""] * len(words)
    for (s, e, _, c), entry in zip(tuples, hits["entry"]):
        for i, (a, b) in enumerate(spans):
            if a < e and s < b:
                rule[i] = f"{c}: {entry}"
    return pd.DataFrame({"word": words, "vader": vader_vals, "tone": tone_vals, "rule": rule})


def sentiment_table(sentences: pd.DataFrame, tokens: pd.DataFrame, texts: Mapping[str, str], *,
                    scale: float = TONE_SCALE, lexicon: str | Lexicon | None = None,
                    tone_hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence: TextBlob, VADER and tone scores (see the module docstring).

    Args:
        sentences, tokens: tables from :func:`toolkit.tokenize.tokenize_documents`.
        texts: ``doc_id -> text``.
        scale: multiplier of the tone lexicon weights.
        lexicon: a tone lexicon other than the bundled one (see :func:`tone_lexicon`).
        tone_hits: tone-lexicon matches on ``tokens`` (computed when not given).

    Returns:
        Columns :data:`SENTIMENT_COLUMNS`; ``tone_cues`` lists the tone entries matched
        ("; "-separated surface text); ``source`` is the tone lexicon's ``name@version``.

    Example:
        >>> t = "Moscow issued a stern warning. Talks resumed."
        >>> s, k = tokenize_documents(["d"], [t])
        >>> sentiment_table(s, k, {"d": t})[["tone_label", "tone_cues"]].values.tolist()
        [['negative', 'stern warning'], ['neutral', '']]
    """
    lex = tone_lexicon(lexicon)
    hits = _hits_by_doc(tokens, texts, lex) if tone_hits is None else tone_hits
    by_row, cues = _hits_by_sentence(sentences, hits)
    text = column_list(sentences["text"])
    # A sentence without tone matches keeps VADER's compound (see tone_from_hits); one with
    # matches is scored by VADER, TextBlob and the tone rules on one split of its text.
    base: list = [None] * len(text)
    tones: dict[int, float] = {}
    for i, h in by_row.items():
        base[i], tones[i] = _scores_and_tone(text[i], tuple(h), float(scale))
    for i in itertools.compress(range(len(text)), [b is None for b in base]):
        base[i] = baseline_scores(text[i])
    cols = dict(zip(SCORE_NAMES, map(list, zip(*base))))
    tn = list(cols.get("vader_compound", ()))
    for i, t in tones.items():
        tn[i] = t
    cue = [""] * len(text)
    for i, found in cues.items():
        cue[i] = "; ".join(found)
    ints = {c: sentences[c].to_numpy().astype("int64") for c in ("sent_id", "start", "end")}
    if not text:
        out = pd.DataFrame([], columns=SENTIMENT_COLUMNS).astype(dict.fromkeys(ints, "int64"))
    else:
        out = pd.DataFrame({"doc_id": column_list(sentences["doc_id"]), **ints, "text": text, **cols,
                            "tone": tn, "tone_label": list(map(_label, tn)), "tone_cues": cue,
                            "source": [lex.tag] * len(text)}, columns=SENTIMENT_COLUMNS)
    # typed even when there is no sentence: an empty table must still sort, compare and aggregate
    for c in (*SCORE_NAMES, "tone"):
        out[c] = out[c].astype("float64")
    return out


def _hits_by_sentence(sentences: pd.DataFrame, hits: pd.DataFrame) -> tuple[dict[int, list], dict[int, list]]:
    """Each sentence's tone hits ``(start, end, weight, category)`` relative to the sentence
    and their surface texts, keyed by the sentence's row position (sentences with hits only)."""
    row = {k: i for i, k in enumerate(iter_rows(sentences, "doc_id", "sent_id"))}
    starts = sentences["start"].tolist()
    by_row: dict[int, list] = defaultdict(list)
    cues: dict[int, list] = defaultdict(list)
    for d, si, s, e, w, c, t in iter_rows(hits, "doc_id", "sent_id", "start", "end", "weight", "category", "text"):
        i = row[(d, si)]
        off = starts[i]
        by_row[i].append((int(s) - off, int(e) - off, float(w), c))
        cues[i].append(t)
    return by_row, cues


def document_sentiment(sentiment: pd.DataFrame, *, by: str | Sequence[str] = "doc_id") -> pd.DataFrame:
    """Aggregate the sentence table per document (or any grouping column of it).

    Means are weighted by sentence length in characters, so a one-word "Thank you." does not
    count as much as a long paragraph-sentence. ``share_negative``/``share_positive`` are the
    shares of sentences whose tone is beyond :data:`NEUTRAL_BAND`; ``tone_min`` is the most
    hostile sentence.

    Example:
        >>> t = "Moscow issued a stern warning. Talks resumed."
        >>> s, k = tokenize_documents(["d"], [t])
        >>> document_sentiment(sentiment_table(s, k, {"d": t}))[["n_sentences", "share_negative"]].values.tolist()
        [[2.0, 0.5]]
    """
    keys = [by] if isinstance(by, str) else list(by)
    df = sentiment.assign(_w=(sentiment["end"] - sentiment["start"]).clip(lower=1))
    cols = SCORE_NAMES + ["tone"]
    for c in cols:
        df[f"_x_{c}"] = df[c] * df["_w"]
    g = df.groupby(keys, sort=False)
    out = pd.DataFrame({c: g[f"_x_{c}"].sum() / g["_w"].sum() for c in cols})
    out.insert(0, "n_sentences", g.size().astype(float))
    out["tone_min"] = g["tone"].min()
    out["share_negative"] = g["tone"].apply(lambda s: float((s <= -NEUTRAL_BAND).mean()))
    out["share_positive"] = g["tone"].apply(lambda s: float((s >= NEUTRAL_BAND).mean()))
    return out.reset_index()


# --------------------------------------------------------------------------- target windows

_CLAUSE_BREAK = re.compile(r"[;:!?()\[\]—–]|\s--\s|,\s+(?=(?:but|while|whereas|although|though|"
                           r"however|which|who)\b)|\b(?:but|whereas)\b", re.IGNORECASE)


def target_window(text: str, start: int, end: int, *, window: int | None = 8,
                  clause: bool = True) -> tuple[int, int]:
    """Span of ``text`` around a target mention ``[start, end)`` to score sentiment toward it.

    Target-dependent sentiment is approximated locally: the clause containing the mention
    (cut at ; : ! ? brackets, dashes and "but"/"whereas" or ", while/which/who"), then at most
    ``window`` words either side of it. ``window=None, clause=False`` is the whole text.

    Example:
        >>> t = "Critics praised Smith, but Jones was accused of corruption."
        >>> a, b = target_window(t, 27, 32)
        >>> t[a:b]
        'Jones was accused of corruption.'
    """
    a, b = 0, len(text)
    if clause:
        for m in _CLAUSE_BREAK.finditer(text):
            if m.end() <= start:
                a = max(a, m.end())
            elif m.start() >= end:
                b = min(b, m.start())
                break
    if window is not None:
        left = [m.start() for m in _WORD.finditer(text, a, start)]
        right = [m.end() for m in _WORD.finditer(text, end, b)]
        if len(left) > window:
            a = left[-window]
        if len(right) > window:
            b = right[window - 1]
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


@functools.lru_cache(maxsize=20_000)
def _valences_cached(text: str, hits: tuple, scale: float) -> tuple[np.ndarray, list]:
    sentiments, _, _, spans = _tone_analyzer()._valences(text, hits, scale)
    return np.asarray(sentiments, dtype=float), spans


TARGET_TAU = 16.0   # words; chosen on the tune half of NewsMTSC (toolkit.validation.rhetoric)


def target_tone(text: str, start: int, end: int, *, hits: Sequence[tuple] = (),
                tau: float = TARGET_TAU, scale: float = TONE_SCALE) -> float:
    """Tone toward a mention ``text[start:end]``: word valences weighted by closeness to it.

    Each word's valence (VADER's, after the tone rules when ``hits`` are given) is weighted by
    ``exp(-d / tau)``, ``d`` its distance in words from the mention, then summed and
    normalised as VADER does (``x / sqrt(x^2 + 15)``; punctuation emphasis left out). With
    ``hits=()`` this is a distance-weighted VADER, the baseline it is validated against.

    Args:
        text: the sentence.
        start, end: the mention's character offsets in ``text``.
        hits: tone-lexicon matches in ``text`` (from :func:`tone_hits`).
        tau: decay length in words (``inf`` weighs all words equally).
        scale: multiplier of the tone lexicon weights.

    Example:
        >>> t = "Critics praised Smith for years, while Jones was accused of corruption and fraud."
        >>> target_tone(t, 16, 21, tau=4) > 0 > target_tone(t, 39, 44, tau=4)
        True
    """
    sentiments, spans = _valences_cached(text, tuple(hits), float(scale))
    inside = [i for i, (a, b) in enumerate(spans) if a < end and start < b]
    if not inside:  # a mention between words: the nearest word
        inside = [int(np.searchsorted([a for a, _ in spans], start))] if spans else []
    if not spans:
        return 0.0
    lo, hi = inside[0], inside[-1]
    idx = np.arange(len(spans))
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0))
    total = float(np.dot(sentiments, np.exp(-dist / tau)))
    return total / float(np.sqrt(total * total + 15))


def tone_toward(mentions: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame,
                texts: Mapping[str, str], *, tau: float = TARGET_TAU,
                lexicon: str | Lexicon | None = None) -> pd.DataFrame:
    """Add ``target_tone`` (see :func:`target_tone`) to any table of mentions.

    Args:
        mentions: rows with ``doc_id``, ``start``, ``end`` (e.g. the actors table, or lexicon
            hits of a few names); other columns are kept.
        sentences, tokens: the analysis tables; texts: ``doc_id -> text``.
        tau: decay length in words.
        lexicon: a tone lexicon other than the bundled one.

    Returns:
        ``mentions`` with ``sent_id`` (when absent) and ``target_tone`` columns.

    Example:
        >>> t = "Ardania praised Borovia. Tarsk issued a stern warning to Ardania."
        >>> s, k = tokenize_documents(["d"], [t])
        >>> m = pd.DataFrame({"doc_id": ["d", "d"], "start": [16, 58], "end": [23, 65]})
        >>> (tone_toward(m, s, k, {"d": t})["target_tone"] > 0).tolist()
        [True, False]
    """
    hits = _hits_by_doc(tokens, texts, tone_lexicon(lexicon))
    by_sent: dict[tuple, list] = defaultdict(list)
    for d, si, a, b, w, c in iter_rows(hits, "doc_id", "sent_id", "start", "end", "weight", "category"):
        by_sent[(d, si)].append((int(a), int(b), float(w), c))
    sent_by_doc = {d: g for d, g in sentences.groupby("doc_id", sort=False)}
    sent_ids, scores = [], []
    for d, a, b in iter_rows(mentions, "doc_id", "start", "end"):
        g = sent_by_doc.get(d)
        if g is None:
            sent_ids.append(-1)
            scores.append(np.nan)
            continue
        starts = g["start"].to_numpy()
        i = max(0, int(np.searchsorted(starts, a, side="right")) - 1)
        si, ss, se = int(g["sent_id"].iat[i]), int(starts[i]), int(g["end"].iat[i])
        local = [(x - ss, y - ss, w, c) for x, y, w, c in by_sent.get((d, si), ())]
        sent_ids.append(si)
        scores.append(target_tone(texts[d][ss:se], int(a) - ss, int(b) - ss, hits=local, tau=tau))
    out = mentions.copy()
    if "sent_id" not in out:
        out["sent_id"] = np.asarray(sent_ids, dtype="int64")
    out["target_tone"] = scores
    return out


# --------------------------------------------------------------------------- rhetoric


def rhetoric_lexicon(lexicon: str | Lexicon | None = None) -> Lexicon:
    """The ``rhetoric`` lexicon: the bundled one, or a user's (name, path or :class:`Lexicon`).

    A user's lexicon needs ``entry`` and ``category``; ``subcategory``, ``weight`` (default 1)
    and ``blocks`` are optional.

    Example:
        >>> sorted(rhetoric_lexicon().categories)[:3]
        ['attitude', 'blocker', 'booster']
    """
    return _resolve(lexicon, RHETORIC_LEXICON)


def marker_categories() -> list[str]:
    """The output categories of the rhetoric lexicon (all but ``blocker``).

    Example:
        >>> "blocker" in marker_categories(), "hedge" in marker_categories()
        (False, True)
    """
    return [c for c in rhetoric_lexicon().categories if c != "blocker"]


def _rank(column: pd.Series) -> np.ndarray:
    """Each value's rank among the column's distinct values (sorting by it sorts by the value)."""
    return pd.factorize(column, sort=True, use_na_sentinel=False)[0]


def _longest_per_category(hits: pd.DataFrame) -> pd.DataFrame:
    """Leftmost-longest non-overlapping spans within each (document, category) layer.

    Rows come out sorted by document, category, start, longest first, entry; the order is
    found on integer keys and the table taken once.
    """
    if hits.empty:
        return hits
    start, end = hits["start"].to_numpy(), hits["end"].to_numpy()
    doc, cat = _rank(hits["doc_id"]), _rank(hits["category"])
    order = np.lexsort((hits["entry_id"].to_numpy(), start - end, start, cat, doc))
    d, c, s, e = doc[order], cat[order], start[order], end[order]
    # A span that starts at or after every earlier end of its layer is kept whatever was kept
    # before it; only the layers where some span overlaps an earlier one need the greedy scan.
    new_layer = np.ones(len(order), dtype=bool)
    new_layer[1:] = (d[1:] != d[:-1]) | (c[1:] != c[:-1])
    layer = np.cumsum(new_layer) - 1
    # the largest end before each span within its layer (ends offset by layer so that one
    # running maximum serves all layers; -1 where the span is its layer's first)
    span = int(e.max()) + 2 if len(e) else 1
    prev_end = np.maximum.accumulate(e + layer * span)
    prev = np.full(len(order), -1, dtype=np.int64)
    prev[1:] = prev_end[:-1] - layer[1:] * span
    prev[new_layer] = -1
    clash = s < prev
    keep: np.ndarray = np.ones(len(order), dtype=bool)
    if clash.any():
        rows = np.flatnonzero(np.isin(layer, np.unique(layer[clash])))
        last: dict[int, int] = {}
        for i, g, a, b in zip(rows.tolist(), layer[rows].tolist(), s[rows].tolist(), e[rows].tolist()):
            if a >= last.get(g, -1):
                last[g] = b
            else:
                keep[i] = False
    return hits.take(order[keep])


def rhetoric_table(tokens: pd.DataFrame, texts: Mapping[str, str], *,
                   lexicon: str | Lexicon | None = None,
                   tone_hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per rhetorical marker span (see the module docstring).

    Args:
        tokens: tokens table.
        texts: ``doc_id -> text``.
        lexicon: a marker lexicon other than the bundled one (see :func:`rhetoric_lexicon`).
        tone_hits: tone-lexicon matches on the same tokens (computed when not given); used to
            label modals that introduce a threat as ``commitment``.

    Returns:
        Columns :data:`RHETORIC_COLUMNS`, ordered by document and position.

    Example:
        >>> t = "We will respond accordingly. It could lead to escalation."
        >>> _, k = tokenize_documents(["d"], [t])
        >>> r = rhetoric_table(k, {"d": t})
        >>> r[["text", "category", "subcategory"]].values.tolist()[:4]
        [['We', 'ingroup', 'first_person_plural'], ['will', 'modality', 'commitment'], ['accordingly', 'vagueness', 'unspecified_response'], ['could lead to', 'hedge', 'calculated']]
    """
    lex = rhetoric_lexicon(lexicon)
    hits = _apply_blockers(_longest_per_category(lex.find(tokens, texts, overlaps="all")))
    if tone_hits is None:
        tone_hits = _hits_by_doc(tokens, texts, tone_lexicon())
    hits = _label_commitments(hits, tokens, tone_hits)
    out = hits.rename(columns={"entry": "cue"})
    if "subcategory" not in out:
        out["subcategory"] = None
    if "weight" not in out:
        out["weight"] = 1.0
    # corpus order of the documents (not by id), then position, then category
    order = np.lexsort((_rank(out["category"]), out["start"].to_numpy(),
                        document_order(out["doc_id"], tokens)))
    out = out[RHETORIC_COLUMNS].take(order).reset_index(drop=True)
    out["subcategory"] = out["subcategory"].replace("", None)
    out["weight"] = out["weight"].astype(float)
    return out


def _apply_blockers(hits: pd.DataFrame) -> pd.DataFrame:
    """Drop markers inside a ``blocker`` span of a category the blocker names; drop blockers."""
    if hits.empty or "blocks" not in hits:
        return hits
    is_block = (hits["category"] == "blocker").to_numpy()
    if not is_block.any():
        return hits
    drop = is_block.copy()
    blocks = hits[is_block]
    by_doc = defaultdict(list)
    for d, a, b, cats in iter_rows(blocks, "doc_id", "start", "end", "blocks"):
        by_doc[d].append((a, b, set(str(cats).split(";"))))
    for d, spans in by_doc.items():
        spans.sort(key=lambda x: (x[0], x[1]))
    # Blockers do not overlap (the longest per category are kept), so only the last one
    # starting at or before a marker can contain it: one bisection per marker, where trying
    # every blocker of the document made long documents quadratic. A table whose blockers
    # overlap (a caller's own) is checked against all of them, as before.
    disjoint = {d: all(p[1] <= q[0] for p, q in itertools.pairwise(spans)) for d, spans in by_doc.items()}
    starts = {d: [x for x, _, _ in spans] for d, spans in by_doc.items()}
    for i, (d, a, b, c) in enumerate(iter_rows(hits, "doc_id", "start", "end", "category")):
        if drop[i] or d not in by_doc:
            continue
        if disjoint[d]:
            j = bisect.bisect_right(starts[d], a) - 1
            x, y, cats = by_doc[d][j] if j >= 0 else (0, -1, ())
            drop[i] = x <= a and b <= y and c in cats
        else:
            drop[i] = any(x <= a and b <= y and c in cats for x, y, cats in by_doc[d])
    return hits[~drop]


def _label_commitments(hits: pd.DataFrame, tokens: pd.DataFrame, tone_hits: pd.DataFrame) -> pd.DataFrame:
    """Modals followed closely by a response verb or a threat entry become ``commitment``."""
    if hits.empty:
        return hits
    modal = (hits["category"] == "modality") & hits["entry"].str.lower().isin(COMMITMENT_MODALS)
    if not modal.any():
        return hits
    # (doc, sent, token id) where a response verb or threat starts: each modal then looks up
    # the few token ids of its window, where scanning every target of its sentence was
    # quadratic in the sentence's length. Only the few response tokens' fields are taken.
    resp = np.flatnonzero(tokens["lemma"].isin(RESPONSE_LEMMAS).to_numpy())
    targets = set(zip(*(tokens[c].take(resp).tolist() for c in ("doc_id", "sent_id", "tok_id"))))
    th = tone_hits[tone_hits["category"].isin(THREAT_CATEGORIES)]
    targets.update(iter_rows(th, "doc_id", "sent_id", "tok_start"))
    sub = hits["subcategory"].to_numpy(dtype=object).copy()
    docs, sents, ends = (hits[c].tolist() for c in ("doc_id", "sent_id", "tok_end"))
    for i in np.flatnonzero(modal.to_numpy()).tolist():
        end, key = int(ends[i]), (docs[i], sents[i])
        if any((*key, t) in targets for t in range(end, end + COMMITMENT_WINDOW)):
            sub[i] = "commitment"
    return hits.assign(subcategory=sub)


def marker_rates(rhetoric: pd.DataFrame, tokens: pd.DataFrame, documents: pd.DataFrame | None = None,
                 *, by: str = "doc_id", categories: Sequence[str] | None = None) -> pd.DataFrame:
    """Markers per 1,000 words per group (document, speaker, country ...), long form.

    Args:
        rhetoric: the rhetoric table.
        tokens: the tokens table (words = non-punctuation tokens).
        documents: needed when ``by`` is a document column other than ``doc_id``.
        by: grouping column.
        categories: categories to keep (default: all in the lexicon).

    Returns:
        Columns ``by, category, n, words, per_1000``; groups with no marker of a category get 0.

    Example:
        >>> t = "We hope for peace. They may refuse."
        >>> _, k = tokenize_documents(["d"], [t])
        >>> r = marker_rates(rhetoric_table(k, {"d": t}), k, categories=["hedge"])
        >>> r[["category", "n", "words"]].values.tolist()
        [['hedge', 1, 7]]
    """
    cats = list(categories) if categories is not None else \
        marker_categories() + sorted(set(rhetoric["category"]) - set(marker_categories()))
    words = tokens.loc[~tokens["is_punct"]].groupby("doc_id").size().rename("words").reset_index()
    r = rhetoric[rhetoric["category"].isin(cats)]
    if by != "doc_id":
        if documents is None or by not in documents:
            raise ValueError(f"`by` value = {by!r} needs `documents` with that column")
        m = documents[["doc_id", by]]
        words = words.merge(m, on="doc_id")
        # the documents' column wins: by="source" must not meet the rows' own lexicon `source`
        r = r.drop(columns=[by], errors="ignore").merge(m, on="doc_id")
    w = words.groupby(by)["words"].sum()
    n = r.groupby([by, "category"]).size()
    idx = pd.MultiIndex.from_product([w.index, cats], names=[by, "category"])
    out = n.reindex(idx, fill_value=0).rename("n").reset_index()
    out["words"] = out[by].map(w).astype("int64")
    out["n"] = out["n"].astype("int64")
    out["per_1000"] = 1000 * out["n"] / out["words"].clip(lower=1)
    return out


def markers_by_speaker(rhetoric: pd.DataFrame, quotes: pd.DataFrame, tokens: pd.DataFrame, *,
                       speaker: str = "speaker", categories: Sequence[str] | None = None) -> pd.DataFrame:
    """Markers per 1,000 quoted words per speaker: only the words inside each quote's content.

    Args:
        rhetoric: the rhetoric table.
        quotes: a quotes table with ``doc_id``, ``content_start``, ``content_end`` and the
            ``speaker`` column (e.g. ``toolkit.quotes``' table; quotes without a speaker are
            grouped as ``"(unknown)"``).
        tokens: the tokens table.
        speaker: the quotes column naming the speaker.
        categories: categories to keep (default: all).

    Returns:
        Columns ``speaker, category, n, words, per_1000`` (long form, zeros filled).

    Example:
        >>> t = 'Orsk said: "We may respond." Nobody knows.'
        >>> _, k = tokenize_documents(["d"], [t])
        >>> q = pd.DataFrame({"doc_id": ["d"], "content_start": [12], "content_end": [26],
        ...                   "speaker": ["Orsk"]})
        >>> m = markers_by_speaker(rhetoric_table(k, {"d": t}), q, k, categories=["hedge"])
        >>> m[["speaker", "n", "words"]].values.tolist()
        [['Orsk', 1, 3]]
    """
    cats = list(categories) if categories is not None else \
        marker_categories() + sorted(set(rhetoric["category"]) - set(marker_categories()))
    q = quotes.dropna(subset=["content_start", "content_end"])
    q = q.assign(_speaker=q[speaker].fillna("(unknown)").astype(str).replace("", "(unknown)"))
    words = tokens.loc[~tokens["is_punct"], ["doc_id", "start", "end"]]
    r = rhetoric[rhetoric["category"].isin(cats)]
    n_words: dict[str, int] = defaultdict(int)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    w_by_doc = {d: g for d, g in words.groupby("doc_id", sort=False)}
    r_by_doc = {d: g for d, g in r.groupby("doc_id", sort=False)}
    for d, a, b, who in iter_rows(q, "doc_id", "content_start", "content_end", "_speaker"):
        w = w_by_doc.get(d)
        if w is not None:
            n_words[who] += int(((w["start"] >= a) & (w["end"] <= b)).sum())
        m = r_by_doc.get(d)
        if m is not None:
            inside = m[(m["start"] >= a) & (m["end"] <= b)]
            for c in inside["category"]:
                counts[(who, c)] += 1
    rows = [(who, c, counts.get((who, c), 0), n) for who, n in n_words.items() for c in cats]
    out = pd.DataFrame(rows, columns=["speaker", "category", "n", "words"])
    out["per_1000"] = 1000 * out["n"] / out["words"].clip(lower=1)
    return out


# --------------------------------------------------------------------------- reading aids

def disagreements(sentiment: pd.DataFrame, *, n: int = 10, baseline: str = "vader_compound") -> pd.DataFrame:
    """The sentences where tone and a baseline disagree most (to read, not to count).

    Example:
        >>> t = "The special military operation continues. Talks resumed."
        >>> s, k = tokenize_documents(["d"], [t])
        >>> disagreements(sentiment_table(s, k, {"d": t}), n=1)["tone_cues"].tolist()
        ['special military operation']
    """
    if baseline not in SCORE_NAMES:
        raise ValueError(f"`baseline` value = {baseline!r} is invalid; value must be one of {SCORE_NAMES}")
    # float, not object: a table read back or built from no sentences may carry object columns
    gap = (pd.to_numeric(sentiment["tone"]) - pd.to_numeric(sentiment[baseline])).abs().astype("float64")
    cols = [c for c in ("doc_id", "sent_id", "text", "textblob_polarity", "vader_compound", "tone",
                        "tone_cues") if c in sentiment]
    out = sentiment.assign(gap=gap)[gap > 0].nlargest(n, "gap")
    return out[cols + ["gap"]].reset_index(drop=True)


# --------------------------------------------------------------------------- annotator


def annotate(tables: Mapping[str, pd.DataFrame], *, scale: float = TONE_SCALE, lexicons=None,
             tone_lexicon_path: str | None = None,
             rhetoric_lexicon_path: str | None = None) -> dict[str, pd.DataFrame]:
    """Pipeline step: the ``sentiment`` and ``rhetoric`` tables of one chunk of documents.

    Options (``analyze(..., options={"rhetoric": {...}})``): ``scale`` multiplies the tone
    weights; ``lexicons`` puts a user's ``.yaml`` (+ ``.csv``) in place of the bundled
    ``tone`` or ``rhetoric`` lexicon (``{"tone": "mine.yaml"}``, or a file whose YAML name is
    ``tone``; see :func:`toolkit.lexicon.choose`). ``tone_lexicon_path`` and
    ``rhetoric_lexicon_path`` are its old spellings, read for one release.

    Example:
        >>> t = "We will respond accordingly."
        >>> s, k = tokenize_documents(["d"], [t])
        >>> out = annotate({"documents": pd.DataFrame({"doc_id": ["d"], "text": [t]}),
        ...                 "sentences": s, "tokens": k})
        >>> sorted(out), len(out["sentiment"])
        (['rhetoric', 'sentiment'], 1)
    """
    chunk = Chunk.of(tables)
    texts = chunk.texts
    tokens = chunk["tokens"]
    choice = lexmod.step_lexicons("rhetoric", (TONE_LEXICON, RHETORIC_LEXICON), lexicons,
                                  tone_lexicon_path=tone_lexicon_path,
                                  rhetoric_lexicon_path=rhetoric_lexicon_path)
    tlex = tone_lexicon(choice.get(TONE_LEXICON))
    tone_hits = _hits_by_doc(tokens, texts, tlex)
    sentiment = sentiment_table(chunk["sentences"], tokens, texts, scale=scale, lexicon=tlex,
                                tone_hits=tone_hits)
    markers = rhetoric_table(tokens, texts, lexicon=choice.get(RHETORIC_LEXICON), tone_hits=tone_hits)
    return {"sentiment": sentiment, "rhetoric": markers}


ANNOTATOR = Annotator(
    name="rhetoric",
    produces=("sentiment", "rhetoric"),
    func=annotate,
    requires=("sentences", "tokens"),
    lexicons=(TONE_LEXICON, RHETORIC_LEXICON),
    lexicon_policy="replace",
    description="per-sentence TextBlob/VADER sentiment and diplomatic tone; hedges, boosters, "
                "vagueness, modality, pronouns, evaluative markers",
)
