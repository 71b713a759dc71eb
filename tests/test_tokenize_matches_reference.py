"""The fast tokenizer gives exactly the tables of the plain per-token loop it replaced.

``reference_tokenize`` below is the original implementation (one regex match at a time, ten
list appends per token); the toolkit's version batches the same work. Both must agree on real
speeches, on the hard cases listed here, and on arbitrary strings (hypothesis).
"""
from __future__ import annotations

import functools

import pandas as pd
import pipeline_helpers as H
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import tokenize as T

# The original regular expression, before the plain-word fast path was put in front.
REFERENCE_PATTERN = T.re.compile(T.TOKEN_PATTERN.pattern.split("\n", 2)[2].lstrip().removeprefix("| "),
                                 T.re.VERBOSE)


def reference_tokenize(doc_ids, texts):
    stop = T._stopwords()
    s_cols = {c: [] for c in T.SENTENCE_COLUMNS}
    t_cols = {c: [] for c in T.TOKEN_COLUMNS}
    for doc_id, text in zip(doc_ids, texts):
        tok_id = 0
        for sent_id, (a, b) in enumerate(T.sentence_spans(text)):
            for col, v in zip(T.SENTENCE_COLUMNS, (doc_id, sent_id, a, b, text[a:b])):
                s_cols[col].append(v)
            for m in REFERENCE_PATTERN.finditer(text, a, b):
                tok = m.group()
                low = tok.lower()
                for col, v in zip(T.TOKEN_COLUMNS, (doc_id, sent_id, tok_id, m.start(), m.end(), tok, low,
                                                    T.lemmatize(low), not any(ch.isalnum() for ch in tok), low in stop)):
                    t_cols[col].append(v)
                tok_id += 1
    sentences = pd.DataFrame(s_cols, columns=T.SENTENCE_COLUMNS)
    tokens = pd.DataFrame(t_cols, columns=T.TOKEN_COLUMNS)
    for df in (sentences, tokens):
        for col in ("sent_id", "start", "end", "tok_id"):
            if col in df:
                df[col] = df[col].astype("int64")
    return sentences, tokens


def assert_same_tables(doc_ids, texts):
    got = T.tokenize_documents(doc_ids, texts)
    exp = reference_tokenize(doc_ids, texts)
    for g, e, name in zip(got, exp, ("sentences", "tokens")):
        if len(e) == 0:
            # The one intended difference: empty tables keep their column types (the loop gave
            # float64/object columns for no rows).
            assert list(g.columns) == list(e.columns) and len(g) == 0
            assert g["doc_id"].dtype == "str" and g["start"].dtype == "int64"
            continue
        pd.testing.assert_frame_equal(g, e, obj=name)


def test_reference_pattern_is_the_original():
    assert REFERENCE_PATTERN.pattern.lstrip().startswith("(?:https?://|www")
    assert "fast path" in T.TOKEN_PATTERN.pattern.split("\n", 2)[1]


@pytest.mark.parametrize("text", [
    "Arland warned Borovia; talks (in Geneva) failed, officials said.",
    "Mr. Haldor didn't say it. The U.S. and the U.N. replied: no.",
    "https://example.org/a,b and www.example.org. Mail info@example.org now",
    "don't can't won't isn't we'll they're I'm O'Brien's long-range missiles",
    "No. 5 and no. 6; approx. 3,000 troops on 2024-09-11 at 9/11 etc. vs. al.",
    "J. R. Tolkien and Gen. Lee met Sen. Smith in Sept. 1990s",
    "Kyiv’s American‐supplied drones… ‘special’ “quoted” -- dash ... end",
    "UPPER CASE WORDS, MiXeD case, café naïve Zürich résumé",
    "word\tafter\ttabs\nand lines ) ; , end",
    "",
])
def test_hard_cases(text):
    assert_same_tables(["d"], [text])


def test_real_speeches():
    un = H.un_slice(15)
    if un is None:
        pytest.skip("UN corpus not in the shared folder (toolkit.config.shared_path('corpora'))")
    assert_same_tables(un["doc_id"].tolist(), un["text"].tolist())


def test_fictional_corpus():
    d = H.documents(24)
    assert_same_tables(d["doc_id"].tolist(), d["text"].tolist())


PIECES = list("abcXYZ éü'’-‐.,;:)(\"“”\n\t 0123456789@/…") + ["n't", "Mr.", "U.S.", "www.", "http://", "\n\n"]
# Unicode white space the offsets must step over: no-break, thin, ideographic space, separators.
PIECES += ["\u00a0", "\u2009", "\u3000", "\r\n", "\x0b", "\x1c", "\u2028", "\u200b", "🙂"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), min_size=1, max_size=3))
def test_arbitrary_text(texts):
    assert_same_tables([f"d{i}" for i in range(len(texts))], texts)


def test_space_codes_cover_every_white_space_character():
    import sys

    every = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert T._SPACE_CODES.tolist() == every


@pytest.mark.slow  # loads NLTK's whole WordNet reader for the comparison (3-10 s)
def test_fast_morphy_matches_nltk_wordnet():
    if not T.resources.available("wordnet"):
        pytest.skip("WordNet data not installed")
    from nltk.corpus import wordnet

    fast = T._Morphy()
    words = set()
    for text in H.documents(24)["text"]:
        words.update(w.lower() for w in T.word_tokenize(text))
    words |= set(list(wordnet._lemma_pos_offset_map)[::50])
    words |= {w + suf for w in list(words) for suf in ("s", "es", "ed", "ing", "er", "est", "ies", "men")}
    words |= {"geese", "went", "better", "leaves", "axes", "ran", "hardest"}
    for w in words:
        for pos in ("v", "n", "a", "r", None):
            assert fast.morphy(w, pos) == wordnet.morphy(w, pos), (w, pos)


@pytest.fixture(scope="module")
def stock_punkt():
    if not T.resources.available("punkt_tab"):
        pytest.skip("punkt_tab data not installed")
    from nltk.tokenize.punkt import PunktTokenizer

    tok = PunktTokenizer("english")
    tok._params.abbrev_types.update(T.ABBREVIATIONS)
    return tok


def _paragraphs(texts):
    return [t[a:b] for t in texts for a, b in T._paragraph_spans(t)]


def test_punkt_runs_on_plain_regexes(stock_punkt):
    assert isinstance(T._punkt()._lang_vars._re_word_tokenizer, T.re.Pattern)


@pytest.mark.parametrize("text", [
    "“We will respond accordingly.” The spokesman left. He said (again) so! Did he? Yes.",
    "The U.S. envoy arrived at 3 p.m. on Jan. 5. Talks began… Then: silence.",
    "‘Special operation’ – so-called. Mr. Haldor’s aides said: “No.” End.",
])
def test_punkt_same_sentences_as_stock(stock_punkt, text):
    assert list(T._punkt().span_tokenize(text)) == list(stock_punkt.span_tokenize(text))


def test_punkt_same_sentences_on_real_text(stock_punkt):
    un = H.un_slice(15)
    texts = (un["text"].tolist() if un is not None else []) + H.documents(24)["text"].tolist()
    for para in _paragraphs(texts):
        assert list(T._punkt().span_tokenize(para)) == list(stock_punkt.span_tokenize(para))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["A", "The", ". ", "? ", "! ", "” ", "’ ", ".” ", "e.g. "]),
                max_size=60).map("".join))
def test_punkt_same_sentences_on_any_text(stock_punkt, text):
    assert list(T._punkt().span_tokenize(text)) == list(stock_punkt.span_tokenize(text))


# Characters where the tokenizer's alternatives and look-arounds decide: white space of every
# kind (U+001C-U+001F are white space to ``re`` and ``str.split``), periods after letters and
# capitals (initials, "No.", titles), apostrophes, hyphens, digits, URL and e-mail pieces.
_HOSTILE = list("aAZbN5o.,;:'’-‐ \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000()“”@/_…") + [
    "No.", "no. ", "J. ", "U.S.", "n't", "'s", "http://x.y", "www.", "Mr.", "etc.", "...", "--"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_HOSTILE), max_size=20).map("".join), st.data())
def test_tokens_after_space_pattern_is_the_token_pattern(text, data):
    # The tokenizer's findall takes the white space before each token into its match; the
    # tokens must be those of TOKEN_PATTERN for any bounds (a sentence may start after a word
    # character, which the look-behinds read).
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert T._TOKENS_AFTER_SPACE.findall(text, a, b) == T.TOKEN_PATTERN.findall(text, a, b)


def test_tokens_after_space_pattern_on_every_white_space_character():
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()]
    text = "x" + "".join(f"{s}No.{s}5{s}J.{s}R{s}a," for s in spaces) + " end"
    for a in range(0, len(text), 7):
        assert T._TOKENS_AFTER_SPACE.findall(text, a) == T.TOKEN_PATTERN.findall(text, a)


@pytest.fixture(scope="module")
def morphy_pair():
    if not T.resources.available("wordnet"):
        pytest.skip("WordNet data not installed")
    import nltk

    m = T._Morphy()
    # The restated code must be the one in use with the NLTK this project pins for its tests.
    assert m._restated or nltk.__version__ != "3.10.4"
    return m, lambda form, pos: m._morphy_public(m, form, pos)   # NLTK's own code


def _morphy_words():
    words = set()
    for text in H.documents(24)["text"]:
        words.update(w.lower() for w in T.word_tokenize(text))
    m = T._Morphy()
    for pos in ("n", "v", "a", "r"):
        words |= set(list(m._exception_map[pos])[::7])
        words |= set(sorted(m._lemma_pos_offset_map.of_pos(pos))[::97])
    words |= {w + suf for w in list(words)[::3] for suf in ("s", "es", "ed", "ing", "er", "est", "ies", "men")}
    return sorted(words | {"geese", "went", "better", "leaves", "axes", "ran", "hardest", "", "s", "es"})


def test_restated_morphy_is_nltks_on_the_same_data(morphy_pair):
    fast, nltk_code = morphy_pair
    for w in _morphy_words():
        for pos in ("v", "n", "a", "r", "s"):
            assert fast.morphy(w, pos) == nltk_code(w, pos), (w, pos)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="aeiouyrstnlmchvfxzdg-'.", max_size=10),
       st.sampled_from(["", "s", "es", "ies", "ed", "ing", "er", "est", "ves", "men", "ches"]),
       st.sampled_from(["v", "n", "a", "r", "s"]))
def test_restated_morphy_on_generated_forms(morphy_pair, stem, suffix, pos):
    fast, nltk_code = morphy_pair
    assert fast.morphy(stem + suffix, pos) == nltk_code(stem + suffix, pos)


def test_is_punct_is_no_alphanumeric_character():
    import sys

    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isalnum() == T._is_punct(c) or T._is_punct("." + c + "-") != (not c.isalnum()):
            raise AssertionError(hex(ord(c)))
    assert T._is_punct("") and T._is_punct("_") and T._is_punct("...") and not T._is_punct("_a_")


def _contexts(texts):
    """The candidate contexts Punkt decides on in these texts ("Nations. The", "para. 131],")."""
    tok = T._punkt()
    return [context for para in _paragraphs(texts)
            for _, context in tok._match_potential_end_contexts(para)]


def test_restated_sentbreak_guard_sees_nltks_code():
    """The hash was taken on NLTK 3.10.4; another version may or may not have the same code."""
    from nltk import __version__

    assert T._nltk_sentbreak_known() or __version__ != "3.10.4"


def test_restated_sentbreak_is_nltks_on_real_contexts(stock_punkt):
    if not T._nltk_sentbreak_known():
        pytest.skip("another NLTK: its own decision code runs")
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    un = H.un_slice(15)
    texts = (un["text"].tolist() if un is not None else []) + H.documents(24)["text"].tolist()
    contexts = _contexts(texts) + ["U.S. The", "p.m. on", "J. Bach", "5. Talks", "No. 5", "etc.) and",
                                   "e.g. the", "... Then", "end.\n\nThe", "A.\tB", "x. ?", "2.5. Next"]
    restated = T._restated_sentbreak(T._punkt())
    stock = functools.partial(PunktSentenceTokenizer.text_contains_sentbreak, T._punkt())
    assert len(contexts) > 50
    for c in contexts:
        assert restated(c) == stock(c) == stock_punkt.text_contains_sentbreak(c), repr(c)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["U.S.", "Mr.", "p.m.", "J.", "5.", "1990.", "No.", "etc.", "e.g.",
                                 "The", "the", "In", "in", "However", "and", "Bach", "...", "…",
                                 ".", "?", "!", ",", ";", ")", "(", "”", "“", "-", "A.", "x.",
                                 "Nations.", "para.", "131],", "\n", "\n\n", "\t", " ", "’s", "Ü."]),
                min_size=1, max_size=6).map(" ".join))
def test_restated_sentbreak_on_any_context(stock_punkt, text):
    if not T._nltk_sentbreak_known():
        pytest.skip("another NLTK: its own decision code runs")
    assert T._restated_sentbreak(T._punkt())(text) == stock_punkt.text_contains_sentbreak(text)
