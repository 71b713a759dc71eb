"""toolkit._pattern gives exactly TextBlob's PatternAnalyzer polarity and subjectivity.

Compared with ``==`` against ``textblob.en.sentiment`` (what ``TextBlob(text).sentiment``
returns) on UN speeches sentence by sentence and whole, the seed article, the bundled sample,
hand-written cases for each tokenizer and scoring rule, and generated text.
"""
from __future__ import annotations

import pipeline_helpers as H
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import TextBlob, _text
from textblob.en import sentiment

from toolkit import _pattern
from toolkit._pattern import _engine, pattern_scores, pattern_scores_many
from toolkit.tokenize import sentence_spans


def assert_same(texts):
    for t in texts:
        want = tuple(sentiment(t))
        assert pattern_scores(t) == want, t
        # handed the text's white-space split (as rhetoric.baseline_scores does)
        assert pattern_scores(t, t.split()) == want, t


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
    # The exact fallback to TextBlob itself (emoticons, "(!)") stays rare on real text.
    assert sum(_engine().tokens(s) is None for s in sents) < 0.01 * len(sents)


def test_seed_and_sample(seed_text):
    docs = H.documents(24)["text"].tolist() + [seed_text]
    assert_same(sentences(docs) + docs)


def test_same_as_textblob_objects():
    for t in ("The talks were a great success.", "Not a very good deal, frankly!"):
        assert pattern_scores(t) == tuple(TextBlob(t).sentiment)


CASES = [
    "", " ", "!!!", "good", "GOOD", "not good", "not a good deal", "not very good", "very good",
    "really not good", "never good", "no good idea", "isn't good", "wasn't bad", "I'd say it's good",
    "we'll see, they're great, I've had enough, I'm happy", "don't", "n't good",
    "a good!!! deal", "good !", "the (!) remark", "what ( ! ) a plan", "great :)", "bad :(",
    "love <3 it", "grin :D", "so :-) happy", ": ) spaced", "o.O", "8) item", "(8) item",
    "e.g. good, etc. bad", "U.S. good", "Mr. Good", "T. De Smedt is nice", "well... good...",
    "“Good,” he said. ‘Bad’ she said.", "'quoted' good", '"good"', "line one good\n\nline two bad",
    "windows\r\n\r\nbreaks good", "tabs\tgood\tbad", "END-OF-SENTENCE good", "good.\n\nEND-OF-SENTENCE",
    "honestly good", "truly terribly bad", "slightly ok", "extremely nice", "nice-ly", "supergood",
    "a 5-star deal, 100% great", "café naïve résumé good", "ALL CAPS GOOD", "good?!", "bad...!",
    "(good) [bad] {nice}", "#good @bad", "good;bad:nice", "--good--", "‘’“”", "'''", "w/ good",
    "'END-OF-SENTENCE' good", "good\rbad great", "a (!good) deal", "good...... deal", "x D good",
    # words memoised as written and lower-cased: the same word in several cases, in one text
    "Not Good, NOT good, not GOOD", "Very Good. VERY bad. very Nice!", "Never GOOD; Hardly Bad",
    "GREAT Great great :) Really NOT Terrible", "Isn't Good, ISN'T good",
    # every Unicode white space character, where str.split() and TextBlob's pattern must agree
    "good" + "".join(c + "bad" for c in map(chr, range(0x3001)) if c.isspace()),
]


@pytest.mark.parametrize("text", CASES)
def test_every_rule(text):
    assert_same([text])


def test_many():
    assert pattern_scores_many(CASES) == [tuple(sentiment(t)) for t in CASES]


WORDS = ["good", "bad", "great", "not", "no", "never", "n't", "very", "really", "extremely", "truly",
         "a", "is", "it", "the", "deal", "!", "(!)", "(", ")", "!)", ":)", ":-(", "<3", ":D", "xD", "8)",
         "...", ".", ",", "'", '"', "“", "”", "’", "'s", "'d", "isn't", "e.g.", "U.S.", "Mr.", "T.",
         "\n\n", "\r\n", "GOOD", "Bad", "nicely", "slightly", "ok", "END-OF-SENTENCE", "etc.", "w/"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25),
       st.lists(st.sampled_from([" ", "", "  ", "\t"]), max_size=25))
def test_generated_text(words, seps):
    assert_same(["".join(w + (seps[i] if i < len(seps) else " ") for i, w in enumerate(words))])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_any_string(text):
    assert_same([text])


_EMOTICON_CHARS = "".join(sorted(set("".join(_text.TEMP_RE_EMOTICONS).replace("\\", "")) | set("ab xO.D\n")))


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_EMOTICON_CHARS, max_size=12))
def test_grouped_emoticon_pattern_matches_where_textblobs_does(text):
    grouped = _pattern._emoticon_search(_text)
    assert grouped is not _text.RE_EMOTICONS      # TextBlob's pattern is built as expected
    assert bool(grouped.search(text)) == bool(_text.RE_EMOTICONS.search(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join), min_size=2, max_size=6))
def test_scores_do_not_depend_on_what_was_scored_before(texts):
    forward = pattern_scores_many(texts)
    _engine().split_memo.clear()
    _engine().word_memo.clear()
    assert pattern_scores_many(texts[::-1]) == forward[::-1]
    assert forward == [tuple(sentiment(t)) for t in texts]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(_pattern._SPACED) + list("Ab z.,(\t")), max_size=12))
def test_spaced_is_a_character_of_the_set(text):
    """_spaced (substring tests) says what ``not _SPACED.isdisjoint(text)`` said."""
    assert _pattern._spaced(text) == (not _pattern._SPACED.isdisjoint(text))
