"""Sentiment baselines, the diplomatic tone measure and rhetorical markers (toolkit.rhetoric)."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import need_shared

from toolkit import lexicon, pipeline, rhetoric
from toolkit.tokenize import tokenize_documents


def run(text: str) -> dict[str, pd.DataFrame]:
    sents, toks = tokenize_documents(["d"], [text])
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    return rhetoric.annotate({"documents": docs, "sentences": sents, "tokens": toks})


def markers(text: str) -> set[tuple[str, str | None, str]]:
    r = run(text)["rhetoric"]
    return set(zip(r["category"], r["subcategory"], r["text"]))


# --------------------------------------------------------------------------- lexicons


@pytest.mark.parametrize("name", [rhetoric.TONE_LEXICON, rhetoric.RHETORIC_LEXICON])
def test_lexicon_is_clean_and_documented(name):
    lex = lexicon.load(name)
    assert lexicon.validate(lex) == []
    assert str(lex.meta["changelog"][0]["version"]) == lex.version
    assert lex.meta["sources"] and lex.meta.get("provenance")
    assert set(lex.entries["category"]) == set(lex.categories)
    assert all(isinstance(v, str) and v for v in lex.categories.values())


def test_tone_weights_follow_their_category():
    e = lexicon.load("tone").entries
    assert e.loc[e["category"] == "negator", "weight"].isna().all()
    weighted = e[e["category"] != "negator"]
    assert weighted["weight"].notna().all() and weighted["weight"].between(-4, 4).all()
    negative = {"threat", "warning", "coercion", "hostility", "concern", "euphemism"}
    assert (weighted.loc[weighted["category"].isin(negative), "weight"] < 0).all()
    positive = {"reassurance", "deescalation", "cooperation"}
    assert (weighted.loc[weighted["category"].isin(positive), "weight"] > 0).all()
    assert (weighted.loc[weighted["category"] == "neutral", "weight"] == 0).all()


def test_annotator_is_registered_last():
    assert pipeline.ANNOTATOR_MODULES[-1] == "toolkit.rhetoric"
    ann = rhetoric.ANNOTATOR
    assert ann.produces == ("sentiment", "rhetoric")
    assert set(ann.lexicons) == {"tone", "rhetoric"}


# --------------------------------------------------------------------------- baselines

SENTENCES = [
    "The talks were a great success, and both delegations praised the outcome.",
    "The minister called the report a disgraceful and dishonest smear!",
    "It was not a bad proposal, but it was not a good one either.",
    "The Security Council met on Tuesday.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_baselines_identical_to_the_libraries(text):
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    pol, subj, comp, pos, neg, neu = rhetoric.baseline_scores(text)
    blob = TextBlob(text)
    assert (pol, subj) == tuple(blob.sentiment)
    v = SentimentIntensityAnalyzer().polarity_scores(text)
    assert (comp, pos, neg, neu) == (v["compound"], v["pos"], v["neg"], v["neu"])
    got = rhetoric.sentiment_assessments(text)
    want = blob.sentiment_assessments.assessments
    assert got["words"].tolist() == [" ".join(w) for w, *_ in want]
    assert got["polarity"].tolist() == [p for _, p, _, _ in want]


@pytest.mark.parametrize("text", SENTENCES[:3] + ["Mr. Smith arrived in the capital. He spoke briefly."])
def test_tone_equals_vader_when_no_entry_matches(text):
    s = rhetoric.score_texts([text])
    assert s["tone_cues"].iloc[0] == ""
    assert s["tone"].iloc[0] == s["vader_compound"].iloc[0]


def test_tone_equals_vader_without_matches_on_the_sample(sample_analysis):
    s = sample_analysis["sentiment"]
    untouched = s[s["tone_cues"] == ""]
    assert len(untouched) > 0 and len(untouched) < len(s)
    assert (untouched["tone"] == untouched["vader_compound"]).all()


# --------------------------------------------------------------------------- tone


@pytest.mark.parametrize("hostile, neutral, warm", [
    ("The ministry issued a stern warning to Tarsk.", "The ministry issued a statement on Tuesday.",
     "The ministry reassured its neighbours."),
    ("Any such step will not go unanswered.", "The delegation will arrive on Monday.",
     "We welcome the ceasefire and the peace talks."),
    ("Borovia threatened sanctions and retaliation.", "Borovia published its annual budget.",
     "Borovia praised the constructive dialogue."),
    ("All options are on the table.", "The documents are on the table.",
     "Our country poses no threat to its neighbours."),
])
def test_tone_orders_warning_neutral_reassurance(hostile, neutral, warm):
    t = rhetoric.score_texts([hostile, neutral, warm])["tone"].tolist()
    assert t[0] < t[1] < t[2]
    assert t[0] <= -rhetoric.NEUTRAL_BAND and t[2] >= rhetoric.NEUTRAL_BAND


@pytest.mark.parametrize("text, vader_wrong, tone_sign", [
    # euphemism: VADER reads "special" as positive
    ("The special military operation continues as planned.", lambda v: v > 0, -1),
    # negated threat: VADER flips "hesitate" to positive
    ("We will not hesitate to use force.", lambda v: v > 0, -1),
    ("Ardania does not rule out military action.", lambda v: v == 0, -1),
    # vague threat formula: VADER sees nothing
    ("Velmora will respond accordingly.", lambda v: v == 0, -1),
    # names: VADER reads "united" and "security" as positive
    ("The United Nations Security Council met on Tuesday.", lambda v: v > 0, 0),
    # diplomatic negation: avoiding conflict is not hostile
    ("The envoy seeks to avoid a direct conflict with Tarsk.", lambda v: v < 0, 1),
    ("We have no intention of attacking anyone.", lambda v: v < 0, 1),
])
def test_tone_corrects_known_baseline_failures(text, vader_wrong, tone_sign):
    s = rhetoric.score_texts([text]).iloc[0]
    assert vader_wrong(s["vader_compound"]), "the baseline no longer fails here; update the case"
    if tone_sign == 0:
        assert s["tone"] == 0
    else:
        assert s["tone"] * tone_sign >= rhetoric.NEUTRAL_BAND


def test_stern_warning_is_more_negative_than_a_warning():
    a, b = rhetoric.score_texts(["Borovia issued a warning.", "Borovia issued a stern warning."])["tone"]
    assert b < a < 0


@pytest.mark.parametrize("text, absent_cue", [
    ("Concerning the budget, the committee agreed.", "Concerning"),   # preposition, not concern
    ("The delegates made striking progress.", "striking"),            # remarkable, not a strike
    ("The ministers met in Geneva.", None),
])
def test_tone_lexicon_negatives(text, absent_cue):
    cues = rhetoric.score_texts([text])["tone_cues"].iloc[0]
    assert cues == "" or (absent_cue and absent_cue not in cues)


def test_negator_scope_stops_at_the_clause():
    e = rhetoric.explain_tone("They avoided talks, but war followed.")
    war = e[e["word"] == "war"]
    assert float(war["tone"].iloc[0]) < 0   # "but" ends the negator's clause
    e2 = rhetoric.explain_tone("They avoided a war.")
    assert float(e2.loc[e2["word"] == "war", "tone"].iloc[0]) > 0


def test_explain_tone_names_the_rule():
    e = rhetoric.explain_tone("The special military operation continues.")
    row = e[e["word"] == "operation"].iloc[0]
    assert row["rule"] == "euphemism: special military operation" and row["tone"] < 0
    assert float(e.loc[e["word"] == "special", "tone"].iloc[0]) == 0


# --------------------------------------------------------------------------- tables


def test_sentiment_table_columns_and_document_aggregate():
    text = "Moscow issued a stern warning. The talks resumed. We welcome the ceasefire."
    s = run(text)["sentiment"]
    assert list(s.columns) == rhetoric.SENTIMENT_COLUMNS
    assert s["tone_label"].tolist() == ["negative", "neutral", "positive"]
    assert s["source"].iloc[0] == lexicon.load("tone").tag
    d = rhetoric.document_sentiment(s)
    assert d["n_sentences"].iloc[0] == 3
    assert d["share_negative"].iloc[0] == pytest.approx(1 / 3)
    w = (s["end"] - s["start"])
    assert d["tone"].iloc[0] == pytest.approx((s["tone"] * w).sum() / w.sum())
    assert d["tone_min"].iloc[0] == s["tone"].min()


def test_marker_rates_by_the_documents_source_column():
    """Rhetoric rows carry their own `source` (lexicon@version); grouping by the documents'
    `source` (the outlet) must use the documents' values."""
    texts = {"a": "We hope for peace. They may refuse.", "b": "Clearly, we will win."}
    _, k = tokenize_documents(list(texts), list(texts.values()))
    docs = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Daily Wire Service", "Evening Post"]})
    r = rhetoric.marker_rates(rhetoric.rhetoric_table(k, texts), k, docs, by="source", categories=["hedge"])
    assert r.set_index("source")["n"].to_dict() == {"Daily Wire Service": 1, "Evening Post": 0}


def test_empty_sentiment_table_is_typed_and_has_no_disagreements():
    """A corpus with no sentence (nothing loaded, an empty filter) still gives float scores."""
    s = run("")["sentiment"]
    assert s.empty and list(s.columns) == rhetoric.SENTIMENT_COLUMNS
    for c in (*rhetoric.SCORE_NAMES, "tone"):
        assert s[c].dtype == "float64", c
    assert rhetoric.disagreements(s).empty
    # object columns (as a table read back from a file can have) are converted, not refused
    obj = run("Moscow issued a stern warning. The talks resumed.")["sentiment"].astype({"tone": object})
    assert rhetoric.disagreements(obj, n=1)["text"].tolist() == ["Moscow issued a stern warning."]


def _assert_offsets(analysis, table):
    texts = analysis.texts()
    df = analysis[table]
    assert len(df) > 0
    for d, a, b, t in zip(df["doc_id"], df["start"], df["end"], df["text"]):
        assert texts[d][a:b] == t


@pytest.mark.parametrize("table", ["sentiment", "rhetoric"])
def test_offsets_slice_back_on_the_sample(sample_analysis, table):
    _assert_offsets(sample_analysis, table)


@pytest.mark.parametrize("table", ["sentiment", "rhetoric"])
def test_offsets_slice_back_on_the_seed(seed_analysis, table):
    _assert_offsets(seed_analysis, table)


@pytest.mark.slow
def test_offsets_slice_back_on_real_un_speeches(ungdc_slice):
    import toolkit

    docs = ungdc_slice.documents.head(3)
    a = toolkit.analyze(docs.assign(date=docs["date"].astype(str)), annotators=["rhetoric"], workers=1)
    for table in ("sentiment", "rhetoric"):
        _assert_offsets(a, table)


def test_seed_article(seed_analysis):
    s = seed_analysis["sentiment"]
    smo = s[s["tone_cues"].str.contains("special military operation")]
    assert len(smo) >= 2
    assert (smo["vader_compound"] >= 0).all() and (smo["tone"] < 0).all()
    warning = s[s["tone_cues"].str.contains("stern warning")].iloc[0]
    assert warning["tone"] < warning["vader_compound"] < 0
    avoid = s[s["tone_cues"].str.contains("avoiding")].iloc[0]
    assert avoid["vader_compound"] < 0 < avoid["tone"]
    r = seed_analysis["rhetoric"]
    acc = r[r["text"] == "accordingly"]
    assert acc["category"].tolist() == ["vagueness"]
    will = r[(r["sent_id"] == acc["sent_id"].iloc[0]) & (r["text"] == "will")]
    assert will["subcategory"].tolist() == ["commitment"]
    assert not ((r["category"] == "booster") & r["text"].str.lower().isin(["will", "must"])).any()


# --------------------------------------------------------------------------- rhetoric markers


@pytest.mark.parametrize("text, expected", [
    ("We will respond accordingly.", {("ingroup", "first_person_plural", "We"),
                                      ("modality", "commitment", "will"),
                                      ("vagueness", "unspecified_response", "accordingly")}),
    ("Such a move could lead to a wider war.", {("hedge", "calculated", "could lead to"),
                                                ("modality", "possibility", "could")}),
    ("This must have been a mistake.", {("booster", "epistemic_must", "must have been")}),
    ("The Drago regime ignored the appeal.", {("evaluative", "delegitimising", "regime")}),
    ("We must respond to the attack.", {("modality", "obligation", "must")}),
    ("Tarsk must withdraw its troops.", {("modality", "obligation", "must")}),
    ("The talks will take place on Monday.", {("modality", "prediction_volition", "will")}),
    ("They clearly violated the agreement.", {("outgroup", "third_person_plural", "They"),
                                              ("booster", "certainty_adverb", "clearly")}),
    ("The so-called referendum was organised by the junta.",
     {("evaluative", "delegitimising", "so-called"), ("evaluative", "delegitimising", "junta")}),
    ("Unfortunately, all options are on the table.",
     {("attitude", "regret", "Unfortunately"), ("vagueness", "open_options", "all options are on the table")}),
    ("Ardania will retaliate if attacked.", {("modality", "commitment", "will")}),
])
def test_markers(text, expected):
    assert expected <= markers(text)


@pytest.mark.parametrize("text, forbidden", [
    # "will"/"must" in a threat are not epistemic boosters
    ("We will respond accordingly.", ("booster", "will")),
    ("Tarsk must withdraw its troops.", ("booster", "must")),
    # the country abbreviation is not the pronoun
    ("The US imposed sanctions.", ("ingroup", "US")),
    # "could" inside "could lead to" is one hedge, not two
    ("It could lead to escalation.", ("hedge", "could")),
    # no commitment without a response or threat after the modal
    ("The talks will take place on Monday.", ("commitment", "will")),
    ("We must respond to the attack.", ("commitment", "must")),
    # deontic passive "must be" is not an epistemic booster
    ("The agreement must be respected.", ("booster", "must be")),
    # blockers: politeness formulas, names and technical regimes
    ("I would like to thank the President.", ("hedge", "would")),
    ("The International Criminal Court opened a case.", ("evaluative", "Criminal")),
    ("We support the non-proliferation regime.", ("evaluative", "regime")),
    ("Talks should resume as soon as possible.", ("hedge", "possible")),
])
def test_marker_negatives(text, forbidden):
    got = markers(text)
    if forbidden[0] == "commitment":
        assert not any(s == "commitment" for _, s, _ in got)
    else:
        assert not any(c == forbidden[0] and t == forbidden[1] for c, _, t in got)


def test_blockers_are_never_output(sample_analysis):
    assert "blocker" not in set(sample_analysis["rhetoric"]["category"])
    assert "blocker" not in set(run("I would like to thank the International Criminal Court.")["rhetoric"]["category"])
    assert "blocker" not in rhetoric.marker_categories()


def test_us_pronoun_is_ingroup():
    assert ("ingroup", "first_person_plural", "us") in markers("They threatened us.")


def test_marker_rates_fill_zero_and_normalise():
    text = "We hope for peace. They may refuse."
    _, toks = tokenize_documents(["d"], [text])
    r = rhetoric.rhetoric_table(toks, {"d": text})
    rates = rhetoric.marker_rates(r, toks, categories=["hedge", "booster", "ingroup"])
    got = rates.set_index("category")["n"].to_dict()
    assert got == {"hedge": 1, "booster": 0, "ingroup": 1}
    assert rates["per_1000"].iloc[0] == pytest.approx(1000 / 7)
    with pytest.raises(ValueError, match="needs `documents`"):
        rhetoric.marker_rates(r, toks, by="author")


# --------------------------------------------------------------------------- target windows


@pytest.mark.parametrize("text, target, kwargs, expected", [
    ("Critics praised Smith, but Jones was accused of corruption.", "Jones", {},
     "Jones was accused of corruption."),
    ("Critics praised Smith, but Jones was accused of corruption.", "Smith", {},
     "Critics praised Smith"),
    ("Critics praised Smith, but Jones was accused of corruption.", "Smith",
     {"window": None, "clause": False}, "Critics praised Smith, but Jones was accused of corruption."),
    ("one two three four five six Target seven eight nine ten", "Target", {"window": 2, "clause": False},
     "five six Target seven eight"),
])
def test_target_window(text, target, kwargs, expected):
    a = text.index(target)
    s, e = rhetoric.target_window(text, a, a + len(target), **kwargs)
    assert text[s:e] == expected


@pytest.mark.parametrize("text, target, sign", [
    ("Critics praised Smith for years, while Jones was accused of corruption and fraud.", "Smith", 1),
    ("Critics praised Smith for years, while Jones was accused of corruption and fraud.", "Jones", -1),
    ("Borovia will not hesitate to strike Ardania.", "Borovia", -1),
    ("The ministers of Ardania met in Geneva.", "Ardania", 0),
])
def test_target_tone_prefers_words_near_the_mention(text, target, sign):
    a = text.index(target)
    hits = rhetoric.tone_hits([text])[0][0]
    got = rhetoric.target_tone(text, a, a + len(target), hits=hits, tau=4)
    assert got == 0 if sign == 0 else got * sign > 0


def test_target_tone_with_infinite_tau_is_the_sentence_sum():
    text = "We welcome the ceasefire."
    assert rhetoric.target_tone(text, 0, 2, tau=float("inf")) == pytest.approx(
        rhetoric.baseline_scores(text)[2], abs=1e-4)


# --------------------------------------------------------------------------- validation


def test_split_half_is_seeded_and_disjoint():
    from toolkit.validation.rhetoric import split_half

    a, b = split_half(101, seed=3), split_half(101, seed=3)
    assert (a == b).all() and a.sum() == 50
    assert not (split_half(101, seed=4) == a).all()


def test_validation_returns_nothing_without_data(tmp_path):
    from toolkit.validation import rhetoric as v

    assert v.evaluate(tmp_path) == []


@pytest.mark.shared
def test_validation_on_small_slices():
    from toolkit.validation import rhetoric as v

    eval_dir = need_shared("eval-dev")
    results = v.evaluate(eval_dir, n_boot=0, limit=60)
    measures = {r.measure for r in results}
    assert {"rhetoric.tone.nyt_all", "rhetoric.tone.target",
            "rhetoric.tone.conflict_vs_cooperation"} <= measures
    for r in results:
        assert {"toolkit", "vader", "textblob"} <= set(r.scores["system"])
        if r.measure == "rhetoric.tone.target":
            assert {"toolkit_target", "vader_target"} <= set(r.scores["system"])
        assert r.scores["value"].notna().all()
    nyt = next(r for r in results if r.measure == "rhetoric.tone.nyt_all")
    assert nyt.n == 30   # the test half only


@pytest.mark.shared
def test_fast_textblob_path_is_identical_on_real_text():
    """The direct call gives the very numbers of ``TextBlob(text).sentiment`` on real sentences."""
    import csv

    from textblob import TextBlob

    path = need_shared("eval-dev", "sentiment", "nyt_editorial_snippets_dev.tsv")
    with path.open(encoding="utf-8") as fh:
        texts = [row["text"] for _, row in zip(range(300), csv.DictReader(fh, delimiter="\t"))]
    for text in texts:
        assert rhetoric.baseline_scores(text)[:2] == tuple(TextBlob(text).sentiment), text


@pytest.mark.slow
def test_notebook_figures_on_the_sample():
    """5.0 in the shared report build (tests/report_runs.py) writes its figures."""
    from report_runs import built

    out, run = built("sample")
    assert {r["name"]: r["status"] for r in run["notebooks"]}["5.0-rhetoric-sentiment"] == "ok"
    saved = {p.name for p in (out / "figures").glob("5.*.png")}
    assert {"5.1-tone-baselines.png", "5.2-tone-disagreements.png", "5.3-markers-by-document.png",
            "5.4-tone-by-group.png", "5.5-hedges-boosters-by-group.png"} <= saved


@pytest.mark.slow
def test_parallel_run_gives_the_same_tables():
    import toolkit
    from toolkit import datasets

    one = toolkit.analyze(datasets.sample(), annotators=["rhetoric"], workers=1)
    two = toolkit.analyze(datasets.sample(), annotators=["rhetoric"], workers=2, chunk_size=2)
    for table in ("sentiment", "rhetoric"):
        pd.testing.assert_frame_equal(one[table], two[table])


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - hypothesis is a dev dependency
    given = None

if given is not None:
    WORDS = st.sampled_from(["We", "will", "not", "hesitate", "could", "lead", "to", "the", "US",
                             "special", "military", "operation", "avoid", "war", "“", "”", ",",
                             ".", "accordingly", "Borovia", "sanctions", "\n", "  ", "!", "n't"])

    @settings(max_examples=40, deadline=None)
    @given(st.lists(WORDS, max_size=25).map(" ".join) | st.text(max_size=60))
    def test_offsets_slice_back_on_any_text(text):
        sents, toks = tokenize_documents(["d"], [text])
        out = rhetoric.annotate({"documents": pd.DataFrame({"doc_id": ["d"], "text": [text]}),
                                 "sentences": sents, "tokens": toks})
        for table in out.values():
            for a, b, t in zip(table["start"], table["end"], table["text"]):
                assert text[a:b] == t
        assert out["sentiment"]["tone"].between(-1, 1).all()


def test_user_lexicons_through_analyze_options(tmp_path):
    import toolkit

    (tmp_path / "mine.csv").write_text("entry,category,weight\nborder drill,provocation,-2.5\n",
                                       encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(
        "name: mine\nversion: 0.1.0\ndescription: test\ncategories: {provocation: drills}\n"
        "match_on: lemma\nsources: []\nchangelog: [{version: 0.1.0, date: 2026-01-01, changes: x}]\n",
        encoding="utf-8")
    text = "Borovia announced border drills."
    opts = {"rhetoric": {"lexicons": {"tone": str(tmp_path / "mine.yaml"),
                                      "rhetoric": str(tmp_path / "mine.yaml")}}}
    a = toolkit.analyze(pd.DataFrame({"text": [text]}), annotators=["rhetoric"], workers=1,
                        options=opts)
    s = a["sentiment"].iloc[0]
    assert s["tone_cues"] == "border drills" and s["tone"] < 0 == s["vader_compound"]
    assert s["source"] == "mine@0.1.0"
    r = a["rhetoric"]
    assert r[["text", "category", "source"]].values.tolist() == [["border drills", "provocation", "mine@0.1.0"]]
    assert "provocation" in set(rhetoric.marker_rates(r, a.tokens)["category"])


def test_tone_toward_keeps_columns_and_marks_unknown_documents():
    text = "Tarsk issued a stern warning to Ardania. Ardania welcomed the talks."
    sents, toks = tokenize_documents(["d"], [text])
    m = pd.DataFrame({"doc_id": ["d", "d", "zz"], "start": [32, 41, 0], "end": [39, 48, 5],
                      "actor": ["ARD", "ARD", "X"]})
    out = rhetoric.tone_toward(m, sents, toks, {"d": text})
    assert out["actor"].tolist() == ["ARD", "ARD", "X"]
    assert out["sent_id"].tolist() == [0, 1, -1]
    assert out["target_tone"].iloc[0] < 0 < out["target_tone"].iloc[1]
    assert pd.isna(out["target_tone"].iloc[2])


def _longest_by_scan(hits: pd.DataFrame) -> pd.DataFrame:
    """The greedy leftmost-longest choice, one span at a time (what _longest_per_category
    computes with its vectorised shortcut)."""
    h = hits.sort_values(["doc_id", "category", "start", "end", "entry_id"],
                         ascending=[True, True, True, False, True], kind="stable")
    keep, last = [], {}
    for d, c, s, e in zip(h["doc_id"], h["category"], h["start"], h["end"]):
        keep.append(s >= last.get((d, c), -1))
        if keep[-1]:
            last[(d, c)] = e
    return h[pd.Series(keep, index=h.index, dtype=bool)]


@pytest.mark.parametrize("spans", [
    [],                                                   # nothing
    [("d", "hedge", 0, 5)],                               # one span
    [("d", "hedge", 0, 5), ("d", "hedge", 6, 9)],         # disjoint: both kept
    [("d", "hedge", 0, 5), ("d", "hedge", 5, 9)],         # touching: both kept
    [("d", "hedge", 0, 9), ("d", "hedge", 2, 4), ("d", "hedge", 5, 12)],   # both inside the first
    [("d", "hedge", 0, 4), ("d", "hedge", 0, 9), ("d", "hedge", 3, 6)],    # longest first wins
    # a dropped span must not block the next: 0-9 kept, 8-12 dropped, 10-11 kept
    [("d", "hedge", 0, 9), ("d", "hedge", 8, 12), ("d", "hedge", 10, 11)],
    # layers are separate: the same spans in another category or document are kept
    [("d", "hedge", 0, 9), ("d", "booster", 2, 4), ("e", "hedge", 2, 4), ("d", "hedge", 2, 4)],
    [("b", "x", 100, 200), ("a", "x", 0, 150), ("a", "x", 120, 130), ("c", "x", 0, 0)],
])
def test_longest_per_category_is_the_greedy_scan(spans):
    hits = pd.DataFrame(spans, columns=["doc_id", "category", "start", "end"]).astype(
        {"start": "int64", "end": "int64"})
    hits["entry_id"] = range(len(hits))
    got = rhetoric._longest_per_category(hits)
    pd.testing.assert_frame_equal(got, _longest_by_scan(hits))


if given is not None:
    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from(["hedge", "booster"]),
                              st.integers(0, 30), st.integers(0, 8)), max_size=30))
    def test_longest_per_category_on_generated_spans(spans):
        hits = pd.DataFrame([(d, c, s, s + n) for d, c, s, n in spans],
                            columns=["doc_id", "category", "start", "end"]).astype(
            {"start": "int64", "end": "int64"})
        hits["entry_id"] = range(len(hits))
        pd.testing.assert_frame_equal(rhetoric._longest_per_category(hits), _longest_by_scan(hits))
