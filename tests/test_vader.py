"""toolkit._vader gives exactly the reference vaderSentiment scores, and tone is unchanged.

Every comparison is ``==`` on the four rounded scores (or the raw valence lists): on UN
speeches sentence by sentence and whole, the seed article, the bundled sample, hand-written
cases for each VADER rule, and generated text. The tone analyzer, now built on the fast core,
is compared with the previous implementation (VADER's own per-word method) on real tone-lexicon
hits and generated ones.
"""
from __future__ import annotations

from types import SimpleNamespace

import pipeline_helpers as H
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    allcap_differential,
)

from toolkit import rhetoric as R
from toolkit._vader import FastVader, vader_scores
from toolkit.tokenize import sentence_spans

REF = SentimentIntensityAnalyzer()
FAST = FastVader()


def assert_same(texts):
    for t in texts:
        assert FAST.polarity_scores(t) == REF.polarity_scores(t), t


def sentences(texts):
    return [t[a:b] for t in texts for a, b in sentence_spans(t)]


@pytest.mark.shared
def test_un_speeches_sentence_by_sentence_and_whole():
    un = H.un_slice(40)
    if un is None:
        pytest.skip("UN corpus not in the shared folder (toolkit.config.shared_path('corpora'))")
    texts = un["text"].tolist()
    sents = sentences(texts)
    assert len(sents) > 3000
    assert_same(sents)
    assert_same(texts[:10])


def test_seed_and_sample(seed_text):
    docs = H.documents(24)["text"].tolist() + [seed_text]
    assert_same(sentences(docs) + docs)


CASES = [
    "", "   ", "!!!", "VADER is smart, handsome, and funny.", "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is not smart, handsome, nor funny.", "At least it isn't a horrible book.",
    "The book was only kind of good.", "The plot was good, but the characters are uncompelling.",
    "Today SUX!", "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Not bad at all", "Sentiment analysis has never been good.",
    "Sentiment analysis has never been this good!", "With VADER, sentiment analysis is the shit!",
    "On the other hand, VADER is quite bad ass", "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling.", "It is the very least good.", "no no good", "no good",
    "no, or bad", "nothing or nor good", "good good good but bad bad", "but", "BUT good but",
    "kiss of death", "he is to die for", "a beating heart", "yeah right", "the bus stop is great",
    "sort of good", "just enough good", "kind of", "kind", "it's not that bad??", "why?? what??? good",
    "good!!!!!!", "GOOD", "good GOOD good", "I ❤ peace", "peace✌war", "©2024 great", "a\u00a0great\u2009day",
    "don't hate", "wasn't good", "uh-uh good", "ain't nothing but good", "never so good", "never this bad",
]


@pytest.mark.parametrize("text", CASES)
def test_every_rule(text):
    assert_same([text])


def test_non_string_input_fails_like_the_reference():
    for value in (3.5, 12):
        with pytest.raises(TypeError):
            REF.polarity_scores(value)
        with pytest.raises(TypeError):
            FAST.polarity_scores(value)


def test_tuple_helper():
    v = REF.polarity_scores("We welcome the ceasefire.")
    assert vader_scores("We welcome the ceasefire.") == (v["compound"], v["pos"], v["neg"], v["neu"])


WORDS = (["good", "bad", "great", "horrible", "love", "hate", "war", "peace", "kind", "of", "sort", "least",
          "at", "very", "no", "or", "nor", "never", "so", "this", "without", "doubt", "but", "BUT", "GOOD",
          "Bad", "just", "enough", "the", "shit", "bomb", "ass", "kiss", "death", "to", "die", "for",
          "beating", "heart", "yeah", "right", "bus", "stop", ":)", ":(", "!", "?", "??", ",", ".", "'",
          "😁", "💘", "isn't", "n't", "don't"]
         + sorted(BOOSTER_DICT)[:25] + NEGATE[:15] + sorted(SPECIAL_CASES))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.sampled_from([" ", "  ", "", ",", "!", "\n"]), max_size=25))
def test_generated_text(words, seps):
    text = "".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))
    assert_same([text])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_string(text):
    assert_same([text])


# ------------------------------------------------------------------ tone on the fast core

class ReferenceTone(R.ToneAnalyzer):
    """The tone analyzer as it was: VADER's own per-word ``sentiment_valence``."""

    def valences(self, text, hits, *, scale=1.0):
        spans = [m.span() for m in R._WORD.finditer(text)]
        orig = [SentiText._strip_punc_if_word(text[a:b]) for a, b in spans]
        words = list(orig)
        flips = set()
        starts = [a for a, _ in spans]
        import numpy as np

        for s, e, weight, category in hits:
            lo = max(0, np.searchsorted(starts, s, side="right") - 1)
            idx = [i for i in range(lo, len(spans)) if spans[i][0] < e and s < spans[i][1]]
            if not idx:
                continue
            for i in idx[:-1]:
                words[i] = R._MASK
            if category == "negator":
                words[idx[-1]] = R._MASK
                j = idx[-1] + 1
                while j < len(words) and j <= idx[-1] + R.NEGATOR_SCOPE:
                    prev = text[spans[j - 1][0]:spans[j - 1][1]]
                    if orig[j].lower() in R._CLAUSE_WORDS or R._CLAUSE_END.search(prev):
                        break
                    flips.add(j)
                    j += 1
            else:
                key = f"{R._MASK}{weight * scale:.4f}"
                self.lexicon.setdefault(key, weight * scale)
                words[idx[-1]] = key
        senti = SimpleNamespace(words_and_emoticons=words, is_cap_diff=allcap_differential(orig))
        sentiments = []
        for i, item in enumerate(words):
            low = item.lower()
            if low in BOOSTER_DICT or (low == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"):
                sentiments.append(0)
                continue
            sentiments = SentimentIntensityAnalyzer.sentiment_valence(self, 0, senti, item, i, sentiments)
        for i in flips:
            sentiments[i] = sentiments[i] * R.N_SCALAR
        sentiments = self._but_check(words, sentiments)
        return sentiments, orig, words

    def score(self, text, hits, *, scale=1.0):
        sentiments, _, _ = self.valences(text, hits, scale=scale)
        return SentimentIntensityAnalyzer.score_valence(self, sentiments, text)


OLD_TONE, NEW_TONE = ReferenceTone(), R.ToneAnalyzer()


def assert_same_tone(text, hits):
    assert NEW_TONE.words(text)[1] == OLD_TONE.valences(text, [])[1]
    assert NEW_TONE.valences(text, hits) == OLD_TONE.valences(text, hits)
    assert NEW_TONE.score(text, hits) == OLD_TONE.score(text, hits)


def test_tone_on_real_hits(seed_text):
    un = H.un_slice(8)
    texts = sentences((un["text"].tolist() if un is not None else []) + [seed_text]
                      + H.documents(24)["text"].tolist())
    hits, _ = R.tone_hits(texts)
    with_hits = [(t, h) for t, h in zip(texts, hits) if h]
    assert len(with_hits) > 50
    for t, h in with_hits:
        assert_same_tone(t, h)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS[:40] + ["avoid", "hesitate", "respond", "grave", "consequences"]),
                min_size=1, max_size=15),
       st.lists(st.tuples(st.integers(0, 14), st.integers(1, 3), st.floats(-3.5, 3.5, allow_nan=False),
                          st.sampled_from(["warning", "negator", "cooperation", "neutral"])), max_size=3))
def test_tone_on_generated_hits(words, raw_hits):
    text = " ".join(words)
    offsets, pos = [], 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    hits = []
    for k, n, w, cat in raw_hits:
        if k < len(words):
            last = min(len(words), k + n) - 1
            hits.append((offsets[k][0], offsets[last][1], round(w, 2), cat))
    assert_same_tone(text, hits)
