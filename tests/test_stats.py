"""Tests for toolkit.stats: every measure against a 2x2 table computed by hand in the test."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import chi2, chi2_contingency

import toolkit
from toolkit import datasets, stats
from toolkit.config import shared_path
from toolkit.tokenize import tokenize_documents


def _tables(texts: dict[str, str]):
    a = toolkit.analyze(pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())}),
                        annotators=[], workers=1)
    return a.tokens, a.documents


def _g2_by_hand(a, b, c, d):
    """Dunning's G² written out cell by cell."""
    n = a + b + c + d
    cells = [(a, (a + b) * (a + c) / n), (b, (a + b) * (b + d) / n),
             (c, (c + d) * (a + c) / n), (d, (c + d) * (b + d) / n)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0)


# ----------------------------------------------------------------------------- G²

@pytest.mark.parametrize("table", [
    (10, 90, 20, 880),
    (1, 0, 0, 1),
    (0, 5, 7, 100),
    (150, 10_000, 30, 12_000),
    (3, 3, 3, 3),            # independence: G² = 0
])
def test_g2_matches_hand_formula_and_scipy(table):
    expected = _g2_by_hand(*table)
    got = float(stats.g2(*table))
    assert got == pytest.approx(expected, rel=1e-12, abs=1e-12)
    if min(table[0] + table[1], table[2] + table[3], table[0] + table[2], table[1] + table[3]) > 0:
        ref = chi2_contingency(np.array(table).reshape(2, 2), correction=False, lambda_="log-likelihood")[0]
        assert got == pytest.approx(ref, rel=1e-9, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=10_000), min_size=4, max_size=4))
def test_g2_property_equals_scipy_and_is_symmetric(cells):
    a, b, c, d = cells
    got = float(stats.g2(a, b, c, d))
    ref = chi2_contingency(np.array([[a, b], [c, d]]), correction=False, lambda_="log-likelihood")[0]
    assert got == pytest.approx(ref, rel=1e-7, abs=1e-7)
    assert got == pytest.approx(float(stats.g2(a, c, b, d)), rel=1e-9, abs=1e-9)  # transpose
    assert got >= -1e-9


# ----------------------------------------------------------------------------- keyness

@pytest.mark.parametrize("a, b, n1, n2", [
    (20, 5, 1000, 2000),
    (0, 4, 1000, 2000),      # zero in the target: 0.5 adjustment for the effect sizes
    (7, 0, 500, 800),        # zero in the reference
    (12, 12, 3000, 3000),    # no difference
])
def test_keyness_scores_by_hand(a, b, n1, n2):
    k = stats.keyness_scores([a], [b], n1, n2).iloc[0]
    g = _g2_by_hand(a, b, n1 - a, n2 - b)
    aa, bb = (a or 0.5), (b or 0.5)
    assert k["g2"] == pytest.approx(g)
    assert k["p_value"] == pytest.approx(chi2.sf(g, 1))
    assert k["log_ratio"] == pytest.approx(math.log2((aa / n1) / (bb / n2)))
    assert k["pct_diff"] == pytest.approx(100 * (aa / n1 - bb / n2) / (bb / n2))
    assert k["zero_adjusted"] == (a == 0 or b == 0)
    assert k["per_1000_target"] == pytest.approx(1000 * a / n1)


def test_keyness_on_tokens_counts_words_only():
    # target: 8 words (period not counted), reference: 8 words
    toks_t, _ = _tables({"t": "war war war sanctions talks peace war threat."})
    toks_r, _ = _tables({"r": "peace peace talks talks peace war cooperation trade."})
    k = stats.keyness(toks_t, toks_r, min_freq=1).set_index("term")
    # "war": a=4 of N1=8, b=1 of N2=8
    assert k.loc["war", "freq_target"] == 4 and k.loc["war", "freq_reference"] == 1
    assert k.loc["war", "g2"] == pytest.approx(_g2_by_hand(4, 1, 4, 7))
    assert k.loc["war", "log_ratio"] == pytest.approx(math.log2(4 / 1))
    assert k.loc["war", "direction"] == "target"
    # "cooperation" never in the target: log ratio uses 0.5
    assert k.loc["cooperation", "log_ratio"] == pytest.approx(math.log2(0.5 / 1))
    assert k.loc["cooperation", "direction"] == "reference"
    assert "." not in k.index
    assert k["g2"].is_monotonic_decreasing


def test_keyness_min_freq_and_significance_column():
    toks_t, _ = _tables({"t": "a " * 50 + "b " * 2})
    toks_r, _ = _tables({"r": "b " * 50 + "a " * 2 + "c"})
    k = stats.keyness(toks_t, toks_r, min_freq=2)
    assert set(k["term"]) == {"a", "b"}           # "c" (1 hit) dropped
    assert k["significant"].all()                 # 50 vs 2 is far beyond Bonferroni 0.05/2


def test_split_tokens_by_documents_column():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "country": ["RUS", "USA", "FRA"]})
    toks = pd.DataFrame({"doc_id": ["a", "b", "c", "c"], "lower": list("wxyz")})
    t, r = stats.split_tokens(toks, docs, "country", "RUS", "USA")
    assert t["lower"].tolist() == ["w"] and r["lower"].tolist() == ["x"]
    with pytest.raises(ValueError, match="values are"):
        stats.split_tokens(toks, docs, "country", "GBR")
    with pytest.raises(ValueError, match="must be one of"):
        stats.split_tokens(toks, docs, "speaker", "RUS")


# ----------------------------------------------------------------------------- collocations

def test_collocates_contingency_by_hand():
    # Words per document (punctuation dropped):
    # d1: nato allies met allies agreed            -> node at 0; window 2 -> {allies, met}
    # d2: rain fell nato allies                    -> node at 2; window 2 -> {rain, fell, allies}
    # d3: allies talked                            -> no node
    toks, _ = _tables({"d1": "NATO allies met allies agreed.",
                       "d2": "Rain fell. NATO allies.",
                       "d3": "Allies talked."})
    c = stats.collocates(toks, "nato", window=2, min_freq=1).set_index("collocate")
    n = 11 - 2          # 5 + 4 + 2 words, minus 2 node positions
    r1 = 2 + 3          # window positions (windows clipped at document edges)
    o11, c1 = 2, 4      # "allies": 2 in windows, 4 in the corpus
    e = r1 * c1 / n
    row = c.loc["allies"]
    assert (row["o11"], row["f_collocate"], row["window_size"], row["n"], row["f_node"]) == (o11, c1, r1, n, 2)
    assert row["expected"] == pytest.approx(e)
    assert row["mi"] == pytest.approx(math.log2(o11 / e))
    assert row["t_score"] == pytest.approx((o11 - e) / math.sqrt(o11))
    assert row["log_dice"] == pytest.approx(14 + math.log2(2 * o11 / (2 + c1)))
    g = _g2_by_hand(o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
    assert row["g2"] == pytest.approx(g)
    assert row["p_value"] == pytest.approx(chi2.sf(g, 1))
    assert "talked" not in c.index and "agreed" not in c.index   # outside every window
    assert "nato" not in c.index                                  # the node is not its own collocate


def test_collocates_asymmetric_window_and_overlapping_windows_count_once():
    toks, _ = _tables({"d": "x nato y nato z w"})
    # window (0, 1): right neighbours only -> y, z ; with (1,1): x, y (once, shared), z
    right = stats.collocates(toks, "nato", window=(0, 1), min_freq=1)
    assert sorted(right["collocate"]) == ["y", "z"]
    both = stats.collocates(toks, "nato", window=1, min_freq=1).set_index("collocate")
    assert both.loc["y", "o11"] == 1 and both["window_size"].iloc[0] == 3


@pytest.mark.parametrize("node, expected", [
    ("nuclear weapons", {"ban"}),   # phrase node
    ("nuclear *", {"ban"}),          # wildcard phrase
])
def test_collocates_phrase_node(node, expected):
    toks, _ = _tables({"d": "They ban nuclear weapons. Nuclear weapons ban talks stalled."})
    c = stats.collocates(toks, node, window=1, min_freq=2)
    assert set(c["collocate"]) == expected


def test_collocates_validates_options():
    toks, _ = _tables({"d": "a b c"})
    with pytest.raises(ValueError, match="must be one of"):
        stats.collocates(toks, "a", sort="dice")
    with pytest.raises(ValueError, match="must be one of"):
        stats.collocates(toks, "a", on="stem")
    assert stats.collocates(toks, "zzz").empty


# ----------------------------------------------------------------------------- dispersion

def test_dp_gries_2008_style_example_by_hand():
    # Five parts of sizes 9, 10, 10, 10, 11 (sum 50); a word with 1, 2, 3, 4, 5 hits (sum 15).
    sizes, freqs = [9, 10, 10, 10, 11], [1, 2, 3, 4, 5]
    expected = 0.5 * sum(abs(f / 15 - s / 50) for f, s in zip(freqs, sizes))
    dpv, dpn = stats.dp(freqs, sizes)
    assert dpv == pytest.approx(expected)
    assert dpn == pytest.approx(expected / (1 - 9 / 50))
    assert stats.dp([0, 0, 7], [1, 1, 1])[0] == pytest.approx(2 / 3)   # all in one of three equal parts


def test_dispersion_table_matches_dp_function():
    texts = {"a": "war peace war", "b": "peace talks", "c": "talks talks peace war"}
    toks, docs = _tables(texts)
    d = stats.dispersion(toks).set_index("term")
    sizes = [3, 2, 4]
    for term, freqs in {"war": [2, 0, 1], "peace": [1, 1, 1], "talks": [0, 1, 2]}.items():
        dpv, dpn = stats.dp(freqs, sizes)
        assert d.loc[term, "dp"] == pytest.approx(dpv)
        assert d.loc[term, "dp_norm"] == pytest.approx(dpn)
        assert d.loc[term, "range"] == sum(f > 0 for f in freqs)
    # parts from a documents column: a and b are one part
    docs = docs.assign(group=["x", "x", "y"])
    g = stats.dispersion(toks, ["War", "absent"], parts="group", documents=docs).set_index("term")
    assert g.loc["war", "dp"] == pytest.approx(stats.dp([2, 1], [5, 4])[0])
    assert g.loc["absent", "freq"] == 0 and np.isnan(g.loc["absent", "dp"])


# ----------------------------------------------------------------------------- frequency over time

def test_frequency_over_time_per_1000_by_hand():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"],
                         "text": ["Escalation now. Escalation later.", "Calm talks.", "An escalation risk."],
                         "date": ["1995-01-01", "1999-06-01", "2004-03-03"],
                         "country": ["X", "Y", "X"]})
    a = toolkit.analyze(docs, annotators=[], workers=1)
    f = stats.frequency_over_time(a.tokens, a.documents, ["escalation"], period="decade")
    assert f[["period", "count", "words"]].values.tolist() == [[1990, 2, 6], [2000, 1, 3]]
    assert f["per_1000"].tolist() == pytest.approx([1000 * 2 / 6, 1000 / 3])
    by = stats.frequency_over_time(a.tokens, a.documents, ["escalation"], period="year", by="country")
    assert by.set_index(["period", "country"]).loc[(1999, "Y"), "count"] == 0
    months = stats.frequency_over_time(a.tokens, a.documents, ["escalation"], period="month")
    assert months["period"].tolist() == ["1995-01", "1999-06", "2004-03"]
    assert months["count"].tolist() == [2, 0, 1]
    with pytest.raises(ValueError, match="period"):
        stats.frequency_over_time(a.tokens, a.documents, ["x"], period="century")


# ----------------------------------------------------------------------------- KWIC

KWIC_TEXTS = {
    "d1": "The ministry warned of escalation. Escalation, it said, was avoidable.",
    "d2": "NATO allies met on Friday.\n\nNo escalation was reported by NATO's envoy.",
    "d3": "Nothing to see here.",
}


@pytest.fixture(scope="module")
def kwic_tables():
    return _tables(KWIC_TEXTS)


@pytest.mark.parametrize("query, kwargs, keywords", [
    ("escalation", {}, ["escalation", "Escalation", "escalation"]),
    ("Escalation", {"on": "text"}, ["Escalation"]),                 # case-sensitive
    ("escalat*", {}, ["escalation", "Escalation", "escalation"]),   # wildcard
    ("warned of", {}, ["warned of"]),                               # phrase
    ("was avoidable", {}, ["was avoidable"]),
    ("escalation escalation", {}, []),                              # never across a sentence
    ("nato", {}, ["NATO", "NATO"]),                                 # NATO's splits off 's
    ("warn", {"on": "lemma"}, ["warned"]),
    (r"escalat\w+", {"regex": True}, ["escalation", "Escalation", "escalation"]),
    (r"was (avoid|report)", {"regex": True}, ["was avoid", "was report"]),  # inside a token
    ("ceasefire", {}, []),                                          # negative
])
def test_kwic_queries(kwic_tables, query, kwargs, keywords):
    toks, docs = kwic_tables
    k = stats.kwic(toks, docs, query, **kwargs)
    assert k["keyword"].tolist() == keywords
    for r in k.itertuples():
        assert KWIC_TEXTS[r.doc_id][r.start:r.end] == r.keyword


def test_kwic_context_and_sort(kwic_tables):
    toks, docs = kwic_tables
    k = stats.kwic(toks, docs, "escalation", window=3)
    first = k.iloc[0]
    assert first["left"] == "ministry warned of" and first["right"] == ". Escalation,"
    assert (first["L1"], first["L2"], first["R1"], first["R2"]) == ("of", "warned", ".", "escalation")
    assert k.iloc[2]["left"] == "Friday. No"           # crosses the paragraph, white space collapsed
    by_r1 = stats.kwic(toks, docs, "escalation", window=3, sort="R1")
    assert by_r1["R1"].tolist() == sorted(k["R1"].tolist())
    by_l1 = stats.kwic(toks, docs, "escalation", window=3, sort="L1")
    assert by_l1["L1"].tolist() == [".", "no", "of"]
    with pytest.raises(ValueError, match="must be one of"):
        stats.kwic(toks, docs, "escalation", window=3, sort="R9")


def test_kwic_context_stops_at_document_edges(kwic_tables):
    toks, docs = kwic_tables
    k = stats.kwic(toks, docs, "nato", window=4)
    first = k.iloc[0]                      # "NATO" opens d2
    assert first["left"] == "" and (first[["L1", "L2", "L3", "L4"]] == "").all()
    last = stats.kwic(toks, docs, "envoy", window=4).iloc[0]
    assert last["right"] == "." and (last[["R2", "R3", "R4"]] == "").all()   # never into d3


def test_kwic_html_escapes_text():
    from toolkit import show  # the HTML view lives with the other views

    texts = {"d": "He said <script>alert('x')</script> & escalation followed."}
    toks, docs = _tables(texts)
    page = show.kwic(stats.kwic(toks, docs, "escalation", window=20))
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp;" in page


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200),
       st.integers(min_value=0, max_value=6))
def test_kwic_offsets_slice_back_for_any_text(text, window):
    _, toks = tokenize_documents(["d"], [text])
    texts = {"d": text}
    for query, regex in ((r"\w+", True), (r"\W", True)):
        k = stats.kwic(toks, texts, query, window=window, regex=regex)
        for r in k.itertuples():
            assert text[r.start:r.end] == r.keyword
            # left context ends where the keyword starts
            assert text[:r.start].split() == [] or " ".join(text[:r.start].split()).endswith(r.left)
    if len(toks):
        word = toks["lower"].iloc[0]
        if "*" not in word and "?" not in word and word.split() == [word]:
            k = stats.kwic(toks, texts, word)
            assert all(text[r.start:r.end].lower() == r.keyword.lower() for r in k.itertuples())


# ----------------------------------------------------------------------------- real text

def test_kwic_offsets_on_seed_article():
    if shared_path("seed", "article.txt") is None:
        pytest.skip("shared/seed/article.txt not found (set TOOLKIT_SHARED)")
    a = toolkit.analyze(datasets.seed(), annotators=[], workers=1)
    texts = a.texts()
    k = stats.kwic(a.tokens, a.documents, "warn*", window=4)
    assert len(k) >= 2
    assert all(texts[r.doc_id][r.start:r.end] == r.keyword for r in k.itertuples())
    assert stats.collocates(a.tokens, "kremlin", window=5, min_freq=1)["o11"].min() >= 1


@pytest.fixture(scope="session")
def un_slice():
    if shared_path("corpora", datasets.UNGDC_FILE) is None:
        pytest.skip("shared/corpora UNGDC not found (set TOOLKIT_SHARED)")
    corpus = datasets.ungdc(countries=["RUS", "USA"], years=[2014, 2022])
    return toolkit.analyze(corpus, annotators=[], workers=1)


@pytest.mark.slow
def test_un_slice_keyness_and_kwic(un_slice):
    a = un_slice
    rus, usa = stats.split_tokens(a.tokens, a.documents, "country", "RUS", "USA")
    k = stats.keyness(rus, usa, min_freq=5)
    assert k["g2"].is_monotonic_decreasing and (k["p_value"].between(0, 1)).all()
    top = k[k["significant"]]
    assert {"target", "reference"} <= set(top["direction"])
    conc = stats.kwic(a.tokens, a.documents, "nato", window=5)
    texts = a.texts()
    assert all(texts[r.doc_id][r.start:r.end].lower() == "nato" for r in conc.itertuples())


@settings(max_examples=50, deadline=None)
@given(st.lists(st.sampled_from(["war", "peace", "Talks", "NATO", "sanctions", "the"]), min_size=1, max_size=25),
       st.data())
def test_phrase_query_finds_every_contiguous_token_sequence(words, data):
    text = " ".join(words)
    _, toks = tokenize_documents(["d"], [text])
    i = data.draw(st.integers(0, len(words) - 1))
    j = data.draw(st.integers(i, min(len(words), i + 3) - 1))
    query = " ".join(words[i:j + 1]).upper()           # case-insensitive on "lower"
    hits = stats.match_phrase(toks, query)
    start = len(" ".join(words[:i])) + (1 if i else 0)
    end = start + len(" ".join(words[i:j + 1]))
    assert (start, end) in set(zip(hits["start"], hits["end"]))
    k = stats.kwic(toks, {"d": text}, query, window=2)
    assert all(text[r.start:r.end].lower() == query.lower() for r in k.itertuples())


# ----------------------------------------------------------------------------- defaults for notebooks

GROUP_DOCS = pd.DataFrame({"doc_id": list("abcde"), "country": ["RUS", "USA", "RUS", "UKR", "USA"],
                           "author": ["x", "x", "x", "x", "x"]})


@pytest.mark.parametrize("docs, kwargs, expected", [
    (GROUP_DOCS, {}, ("country", "RUS", "USA")),                       # ties broken by value
    (GROUP_DOCS, {"target": "UKR"}, ("country", "UKR", "RUS")),
    (GROUP_DOCS, {"target": "USA", "reference": "UKR"}, ("country", "USA", "UKR")),
    (GROUP_DOCS.drop(columns="country"), {}, (None, None, None)),      # one author only
    (GROUP_DOCS.head(1), {}, (None, None, None)),                      # one document
    (pd.DataFrame({"doc_id": ["a", "b"], "country": ["", "RUS"], "source": ["p", "q"]}), {},
     ("source", "p", "q")),                                            # blank values do not count
])
def test_two_groups(docs, kwargs, expected):
    assert stats.two_groups(docs, **kwargs) == expected


@pytest.mark.parametrize("kwargs, message", [
    ({"by": "party"}, "`by` value = 'party'"),
    ({"target": "FRA"}, "`target` value = 'FRA'"),
])
def test_two_groups_names_what_is_valid(kwargs, message):
    with pytest.raises(ValueError, match=message):
        stats.two_groups(GROUP_DOCS, **kwargs)


def test_largest_groups():
    assert stats.largest_groups(GROUP_DOCS, "country", n=2) == ["RUS", "USA"]
    assert stats.largest_groups(GROUP_DOCS, "country") == ["RUS", "USA", "UKR"]
    with pytest.raises(ValueError, match="`column` value = 'party'"):
        stats.largest_groups(GROUP_DOCS, "party")


def test_frequent_words_skip_stop_words_punctuation_and_numbers():
    _, t = tokenize_documents(["d"], ["The talks, the talks and the war in 2024. Talks resumed."])
    assert stats.frequent_words(t, n=2) == ["talks", "resumed"]
    assert stats.frequent_words(t.head(0)) == []


@pytest.mark.parametrize("values, expected", [
    (pd.Series([1994, 2024, 2000]), "year"),
    (pd.Series([1946, 2024]), "decade"),
    (pd.to_datetime(pd.Series(["2024-01-05", "2024-11-30"]), utc=True), "quarter"),
    (pd.to_datetime(pd.Series(["2015-01-05", "2024-11-30"]), utc=True), "year"),
])
def test_auto_period(values, expected):
    assert stats.auto_period(values) == expected
