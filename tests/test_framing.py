"""Framing: cue matching with negation and quotes, offsets, lexicons, profiles, validation."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.conftest import need_shared
from toolkit import framing, lexicon
from toolkit.pipeline import ANNOTATOR_MODULES, analyze, run_chunk
from toolkit.tokenize import tokenize_documents

SEMEVAL_FRAMES = [
    "Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation",
    "Crime_and_punishment", "Security_and_defense", "Health_and_safety", "Quality_of_life",
    "Cultural_identity", "Public_opinion", "Political", "External_regulation_and_reputation"]


def _frames(text: str, quotes: pd.DataFrame | None = None, **kw) -> pd.DataFrame:
    _, toks = tokenize_documents(["d"], [text])
    f = framing.find_frames(toks, {"d": text}, quotes=quotes, **kw)
    assert all(text[a:b] == t for a, b, t in zip(f["start"], f["end"], f["text"]))
    return f


def _hits(text, scheme):
    f = _frames(text)
    f = f[f["scheme"] == scheme]
    return [(r.frame, r.text, bool(r.negated)) for r in f.itertuples()]


@pytest.mark.parametrize("text, scheme, expected", [
    ("Arland warned of a direct confrontation with the alliance.", "diplomatic",
     [("escalation_risk", "direct confrontation", False)]),
    ("Escalating tensions worried the mediators.", "diplomatic",
     [("escalation_risk", "Escalating", False), ("negotiation_peace", "mediators", False)]),
    ("Carstan will respond to any strike accordingly.", "diplomatic",
     [("escalation_risk", "respond to any strike accordingly", False)]),
    ("Both states hold nuclear weapons.", "diplomatic",  # longest match inside a scheme
     [("nuclear_danger", "nuclear weapons", False)]),
    ("Borvia does not want a wider war.", "diplomatic", [("escalation_risk", "wider war", True)]),
    ("They back Arland while avoiding a direct conflict.", "diplomatic",
     [("escalation_risk", "direct conflict", True)]),
    ("There was no ceasefire.", "diplomatic", [("negotiation_peace", "ceasefire", True)]),
    ("It is not only about sovereignty.", "diplomatic",  # pseudo-negation "not only"
     [("sovereignty_integrity", "sovereignty", False)]),
    ("They did not stop, but the ceasefire held.", "diplomatic",  # "but" ends the scope
     [("negotiation_peace", "ceasefire", False)]),
    ("Western military aid reached the front.", "diplomatic",
     [("western_involvement", "Western", False), ("western_involvement", "military aid", False)]),
    ("Prices and taxes rose again.", "pfc", [("Economic", "Prices", False), ("Economic", "taxes", False)]),
    ("The vaccine reached every clinic.", "pfc",
     [("Health_and_safety", "vaccine", False), ("Health_and_safety", "clinic", False)]),
    ("The court overturned the law.", "pfc",
     [("Legality_Constitutionality_and_jurisprudence", "court", False),
      ("Legality_Constitutionality_and_jurisprudence", "law", False)]),
    ("Critics accused the ministry.", "semetko_valkenburg",
     [("conflict", "Critics", False), ("conflict", "accused", False)]),
    ("The weather was pleasant on Sunday.", "diplomatic", []),
    ("He walked to the shop.", "pfc", []),
    ("She went home.", "semetko_valkenburg", [("human_interest", "home", False)]),
])
def test_cues(text, scheme, expected):
    assert _hits(text, scheme) == expected


def test_same_words_count_in_each_scheme():
    f = _frames("Both states hold nuclear weapons.")
    assert set(zip(f["scheme"], f["frame"])) == {("diplomatic", "nuclear_danger"),
                                                 ("pfc", "Security_and_defense")}


QUOTED = 'The envoy said: "This is a proxy war." Critics disagreed with the \'special military operation\'.'


def _quote_table(text):
    a = text.index("This")
    b = text.index('."') + 1
    s = text.index("special")
    e = text.index("operation") + len("operation")
    return pd.DataFrame({"doc_id": ["d", "d"], "quote_id": [0, 1], "kind": ["direct", "scare"],
                         "speaker_actor": ["ENVOY", None], "content_start": [a, s],
                         "content_end": [b, e]})


@pytest.mark.parametrize("cue, in_quote, speaker, scare", [
    ("proxy war", True, "ENVOY", False),                # voiced inside a quote: the envoy's frame
    ("disagreed", False, None, False),                  # the reporter's words
    ("special military operation", False, None, True),  # scare quotes are not speech
])
def test_quoted_frames_belong_to_the_speaker(cue, in_quote, speaker, scare):
    f = _frames(QUOTED, quotes=_quote_table(QUOTED))
    row = f[f["text"] == cue].iloc[0]
    assert bool(row["in_quote"]) is in_quote
    assert bool(row["scare_quoted"]) is scare
    assert (row["speaker_actor"] if pd.notna(row["speaker_actor"]) else None) == speaker


def test_without_quotes_table_quote_columns_are_unknown():
    f = _frames(QUOTED)
    assert list(f.columns) == framing.FRAME_COLUMNS
    assert f["in_quote"].isna().all() and f["speaker_actor"].isna().all()
    assert f["scare_quoted"].isna().all()


@pytest.mark.parametrize("name, n_frames", [("framing_pfc", 14), ("framing_sv", 5),
                                            ("framing_diplomatic", 9)])
def test_lexicons_are_clean(name, n_frames):
    lex = lexicon.load(name)
    assert lexicon.validate(lex) == []
    assert len(lex.categories) == n_frames
    assert set(lex.entries["category"]) == set(lex.categories)  # every frame has cues
    assert lex.meta["sources"] and lex.meta["provenance"]
    assert (lex.entries["weight"] > 0).all() and (lex.entries["weight"] <= 1).all()


@pytest.mark.parametrize("lemmas", ["installed", "data-free"])
@pytest.mark.parametrize("name", framing.DEFAULT_LEXICONS)
def test_no_two_entries_share_a_matching_key(name, lemmas):
    """Entries that lemmatize alike ("arms supply", "arm supply") would count one cue twice,
    with the lemmatizer in use and with the one used without WordNet data."""
    from toolkit.lexicon import _norm, key_of
    from toolkit.tokenize import _lemminflect_morphy, lemma_key, token_spans

    def key(tok: str) -> str:
        if lemmas == "installed":
            return key_of(tok, "lemma")
        return lemma_key(_norm(tok.lower()), _lemminflect_morphy())

    lex = lexicon.load(name)
    keys = [" ".join(key(e[a:b]) for a, b in token_spans(e)) for e in lex.entries["entry"]]
    dup = pd.Series(list(zip(keys, lex.entries["category"])))
    assert dup[dup.duplicated()].tolist() == []


def test_pfc_frames_are_named_as_in_semeval():
    assert list(lexicon.load("framing_pfc").categories) == SEMEVAL_FRAMES


@pytest.mark.parametrize("name", framing.DEFAULT_LEXICONS)
def test_every_entry_matches_its_own_words(name):
    """Each entry, written out as text, is found by the matcher (catches lemma mismatches)."""
    lex = lexicon.load(name)
    ents = lex.entries[~lex.entries["entry"].str.contains(r"\.\.\.", regex=True)]
    texts = [e + " ." for e in ents["entry"]]
    ids = [str(i) for i in range(len(texts))]
    _, toks = tokenize_documents(ids, texts)
    hits = lex.find(toks, dict(zip(ids, texts)), overlaps="all")
    found = set(zip(hits["doc_id"], hits["entry_id"]))
    missing = [e for i, (eid, e) in enumerate(zip(ents["entry_id"], ents["entry"]))
               if (str(i), eid) not in found]
    assert missing == []


def test_diplomatic_codebook_has_an_entry_per_frame():
    from toolkit.config import LEXICON_DIR

    book = (LEXICON_DIR / "framing_diplomatic.md").read_text(encoding="utf-8")
    for frame in lexicon.load("framing_diplomatic").categories:
        section = book.split(f"## {frame}:")[1].split("\n## ")[0]
        assert "- Definition:" in section and "- Cues:" in section and "- Example:" in section


def test_user_scheme_from_a_file(tmp_path):
    (tmp_path / "mine.csv").write_text("entry,category,weight\ngreen transition,green,1\n")
    (tmp_path / "mine.yaml").write_text(
        "name: mine\nversion: 0.1.0\ndescription: d\ncategories: {green: g}\nmatch_on: lemma\n"
        "sources: [me]\nchangelog: [{version: 0.1.0, date: 2026-01-01, changes: new}]\n")
    text = "The green transition costs money."
    _, toks = tokenize_documents(["d"], [text])
    out = framing.annotate({"documents": pd.DataFrame({"doc_id": ["d"], "text": [text]}),
                            "tokens": toks}, lexicons={"mine": tmp_path / "mine.yaml"}, min_cues=1)
    assert ("mine", "green") in set(zip(out["frames"]["scheme"], out["frames"]["frame"]))
    assert out["document_frames"].query("scheme == 'mine'")["present"].tolist() == [True]


@pytest.mark.parametrize("cues, words, min_cues, present", [
    (["nuclear", "warhead"], 500, 2, True),
    (["nuclear", "nuclear"], 500, 2, False),   # one cue repeated is not enough
    (["nuclear"], 20, 1, True),                # sentence-level rule
    (["nuclear", "warhead"], 5000, 2, False),  # 0.4 per 1,000 words < min_rate
])
def test_presence_rule(cues, words, min_cues, present):
    f = pd.DataFrame({"doc_id": "a", "scheme": "diplomatic", "frame": "nuclear_danger",
                      "cue": cues, "weight": 1.0, "negated": False})
    d = framing.document_frames(f, pd.Series({"a": words}), lexicons=["framing_diplomatic"],
                                min_cues=min_cues)
    row = d[d["frame"] == "nuclear_danger"].iloc[0]
    assert row["score"] == pytest.approx(1000 * len(cues) / words)
    assert bool(row["present"]) is present
    assert len(d) == 9 and (d.loc[d["frame"] != "nuclear_danger", "score"] == 0).all()


@pytest.fixture(scope="session")
def seed_frames():
    need_shared("seed", "article.txt")
    from toolkit import datasets

    return analyze(datasets.seed(), annotators=["framing"], workers=1)


def test_seed_offsets_and_frames(seed_frames):
    text = seed_frames.texts()["seed"]
    f = seed_frames["frames"]
    assert all(text[a:b] == t for a, b, t in zip(f["start"], f["end"], f["text"]))
    present = seed_frames["document_frames"].query("present")
    got = set(zip(present["scheme"], present["frame"]))
    assert {("pfc", "Security_and_defense"), ("diplomatic", "escalation_risk"),
            ("diplomatic", "western_involvement"), ("semetko_valkenburg", "conflict")} <= got
    assert ("pfc", "Health_and_safety") not in got


@pytest.mark.parametrize("frame, evidence, negated", [
    ("escalation_risk", "direct confrontation", False),
    ("escalation_risk", "direct conflict", True),         # "avoiding a direct conflict"
    ("western_involvement", "NATO expansion", False),
    ("western_involvement", "American-supplied", False),
    ("western_involvement", "military aid", False),
    ("aggression_self_defence", "special military operation", False),
    ("nuclear_danger", "nuclear powers", False),
])
def test_seed_evidence(seed_frames, frame, evidence, negated):
    f = seed_frames["frames"].query("scheme == 'diplomatic' and frame == @frame")
    rows = f[f["text"] == evidence]
    assert len(rows) >= 1, f["text"].tolist()
    assert bool(rows["negated"].iloc[0]) is negated


@pytest.mark.slow
def test_offsets_on_real_speeches(ungdc_slice):
    docs = ungdc_slice.documents.head(12)
    t = run_chunk(docs, [framing.ANNOTATOR])
    texts = dict(zip(docs["doc_id"], docs["text"]))
    f = t["frames"]
    assert len(f) > 500
    assert all(texts[d][a:b] == s for d, a, b, s in zip(f["doc_id"], f["start"], f["end"], f["text"]))
    assert set(t["document_frames"]["doc_id"]) == set(docs["doc_id"])


def test_registered_and_saved(tmp_path):
    assert "toolkit.framing" in ANNOTATOR_MODULES
    a = analyze(pd.DataFrame({"text": ["Arland and Borvia resumed peace talks.", "Prices rose."]}),
                annotators=["framing"], workers=1)
    assert {"frames", "document_frames"} <= set(a.tables)
    assert len(a["document_frames"]) == 2 * 28
    a.save(tmp_path)
    back = pd.read_parquet(tmp_path / "frames.parquet")
    assert list(back.columns) == framing.FRAME_COLUMNS


def _toy_tables():
    rng = np.random.default_rng(1)
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "country": ["X"] * 20 + ["Y"] * 20,
                         "date": pd.to_datetime(["2020-01-01"] * 10 + ["2021-01-01"] * 10
                                                + ["2020-01-01"] * 20, utc=True)})
    df = pd.DataFrame({"doc_id": docs["doc_id"], "scheme": "s", "frame": "f",
                       "score": np.r_[rng.gamma(2, 2, 20) + 4, rng.gamma(2, 2, 20)]})
    df["present"] = df["score"] > 3
    return {"documents": docs, "document_frames": df}


def test_frame_profile_bootstrap():
    t = _toy_tables()
    p = framing.frame_profile(t, by="country", n_boot=500, seed=0)
    assert p["country"].tolist() == ["X", "Y"]
    assert (p["ci_low"] < p["value"]).all() and (p["value"] < p["ci_high"]).all()
    assert p.equals(framing.frame_profile(t, by="country", n_boot=500, seed=0))  # seeded
    by_year = framing.frame_profile(t, by=["country", "year"], value="present", n_boot=100)
    assert by_year[["country", "year"]].values.tolist() == [["X", 2020], ["X", 2021], ["Y", 2020]]
    assert by_year["value"].between(0, 1).all()
    with pytest.raises(KeyError, match="outlet"):
        framing.frame_profile(t, by="outlet")


def test_compare_frames():
    c = framing.compare_frames(_toy_tables(), by="country", a="X", b="Y", n_boot=300)
    row = c.iloc[0]
    assert row["diff"] > 0 and row["ci_low"] > 0 and row["p_value"] < 0.01


def test_speaker_profile():
    tables = {"documents": pd.DataFrame({"doc_id": ["d"], "text": [QUOTED]})}
    _, tables["tokens"] = tokenize_documents(["d"], [QUOTED])
    tables["quotes"] = _quote_table(QUOTED)
    tables["frames"] = framing.find_frames(tables["tokens"], {"d": QUOTED}, quotes=tables["quotes"])
    p = framing.frame_profile(tables, by="speaker_actor", scheme="diplomatic", n_boot=0)
    row = p[p["frame"] == "western_involvement"].iloc[0]
    assert row["speaker_actor"] == "ENVOY" and row["value"] == pytest.approx(1000 * 1 / 5)


def test_top_cues_and_highlight_escape():
    text = "<script>x</script> The ceasefire held; talks on a ceasefire resumed."
    f = _frames(text)
    cues = framing.top_cues(f, scheme="diplomatic")
    assert cues.iloc[0][["frame", "cue", "hits"]].tolist() == ["negotiation_peace", "ceasefire", 2]
    from toolkit import show  # the evidence view lives with the other views

    html = str(show.frames(text, f, scheme="diplomatic", legend=False))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count('class="tk-label') == 3 and 'type="checkbox"' not in html
    with_legend = str(show.frames(text, f, scheme="diplomatic"))
    assert with_legend.count('class="tk-chip') == f.query("scheme == 'diplomatic'")["frame"].nunique()


def test_train_classifier_cross_validates():
    texts = ["peace talks resumed", "ceasefire talks held", "talks on a truce", "a peace deal",
             "missile strike hit", "troops shelled town", "strike by missiles", "tanks advanced"] * 5
    labels = ["peace"] * 4 + ["war"] * 4
    clf = framing.train_classifier(texts, labels * 5, folds=5)
    assert clf.predict(["talks on peace"]) == ["peace"]
    assert clf.cv_scores.set_index("label").loc["macro", "f1"] > 0.8
    multi = framing.train_classifier(texts, [[x] for x in labels * 5], folds=5)
    assert multi.predict(["missile strike"]) == [["war"]]


def test_classifier_feature_sets_and_errors():
    texts = ["peace talks resumed", "a ceasefire was agreed", "missiles hit the town",
             "troops attacked"] * 5
    labels = ["peace", "peace", "war", "war"] * 5
    plain = framing.train_classifier(texts, labels, folds=5, features="tfidf")
    assert plain.cv_scores["label"].tolist() == ["peace", "war", "macro"]
    with pytest.raises(ValueError, match="features"):
        framing.train_classifier(texts, labels, features="bert")
    with pytest.raises(ValueError, match="labels has 1"):
        framing.train_classifier(texts, ["peace"])
    x = framing.cue_features(["Peace talks.", "Peace talks."], lexicons=["framing_diplomatic"])
    assert x.shape == (2, 9) and x.toarray()[0].max() > 0


@pytest.mark.parametrize("call, match", [
    (lambda t: framing.frame_profile(t, by="country", value="mean"), "value"),
    (lambda t: framing.compare_frames(t, by="country", a="X", b="Z", n_boot=0), "Z"),
    (lambda t: framing.load_schemes(["framing_sv", "framing_sv"]), "more than once"),
    (lambda t: framing.frame_profile(t, by="speaker_actor"), "quotes"),
])
def test_errors_say_what_is_valid(call, match):
    with pytest.raises((ValueError, KeyError), match=match):
        call(_toy_tables())


def test_validation_runs_on_eval_dev():
    d = need_shared("eval-dev", "frames")
    from toolkit.validation.framing import evaluate

    res = evaluate(d.parent, n_boot=0, limit=40)
    assert [r.dataset for r in res] == ["frac-dev", "narrative-frames-dev"]
    for r in res:
        macro = r.scores.query("label == 'macro' and metric == 'f1'")["value"]
        assert len(macro) >= 1 and macro.between(0, 1).all()


NOTEBOOK = __import__("pathlib").Path(__file__).resolve().parents[1] / "notebooks" / "3.0-framing.ipynb"


def test_notebook_is_committed_clean():
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert nb.cells[0].cell_type == "markdown"
    assert "parameters" in nb.cells[1].metadata.get("tags", [])
    assert "figures.set_theme()" in nb.cells[2].source
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert all("def " not in c.source for c in code)  # functions live in toolkit


@pytest.mark.slow
def test_notebook_figures_on_the_sample():
    """3.0 in the shared report build (tests/report_runs.py): the sample has several sources."""
    from report_runs import built

    out, run = built("sample")
    assert {r["name"]: r["status"] for r in run["notebooks"]}["3.0-framing"] == "ok"
    assert {"3.0-framing-article-profile.png", "3.1-framing-by-group.png",
            "3.3-framing-top-cues.png"} <= {p.name for p in (out / "figures").glob("3.*.png")}


def test_offsets_slice_back_for_any_text():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    words = st.sampled_from(["war", "peace", "not", "nuclear", "weapons", "the", "West", ",", ".",
                             "“", "”", "talks", "costs", "\n\n", "ceasefire", "never", "aggression"])

    @hypothesis.settings(max_examples=25, deadline=None)
    @hypothesis.given(st.lists(words, max_size=40), st.text(max_size=20))
    def check(parts, noise):
        text = " ".join(parts) + noise
        f = _frames(text)  # asserts text[start:end] == evidence
        assert f["negated"].dtype == bool and (f["start"] < f["end"]).all()

    check()


def _inside_by_pairs(hits: pd.DataFrame, q: pd.DataFrame) -> dict[int, int]:
    """Reference for framing._inside: every (hit, quote) pair tried, shortest span first, then
    the earlier quote row."""
    best: dict[int, tuple[int, int]] = {}
    for i, (d, s, e) in enumerate(zip(hits["doc_id"], hits["start"], hits["end"])):
        for k, (qd, a, b) in enumerate(zip(q["doc_id"], q["content_start"], q["content_end"])):
            if d is not None and d == qd and s >= a and e <= b and (i not in best or (b - a, k) < best[i]):
                best[i] = (b - a, k)
    return {i: k for i, (_, k) in best.items()}


def test_inside_picks_the_innermost_quote_of_the_same_document():
    rng = np.random.default_rng(7)
    docs = np.array(["Kestrel", "Varnholm", None], dtype=object)
    for _ in range(300):
        nh, nq = int(rng.integers(0, 25)), int(rng.integers(0, 10))
        start = rng.integers(0, 50, nh)
        hits = pd.DataFrame({"doc_id": docs[rng.integers(0, 3, nh)], "start": start,
                             "end": start + rng.integers(0, 6, nh)})
        a = rng.integers(0, 50, nq)
        q = pd.DataFrame({"doc_id": docs[rng.integers(0, 3, nq)], "content_start": a,
                          "content_end": a + rng.integers(0, 30, nq),
                          "quote_id": [f"q{k}" for k in range(nq)]})
        got = framing._inside(hits, q)
        want = _inside_by_pairs(hits, q)
        assert got.index.tolist() == sorted(want)
        assert got["quote_id"].tolist() == [f"q{want[i]}" for i in sorted(want)]


@pytest.mark.parametrize("known", [True, False])
def test_quote_context_columns_without_enclosing_quotes(known):
    """No hit inside a quote: flags all False when quotes were computed, all missing when not."""
    hits = pd.DataFrame({"doc_id": ["Ostrava-7", "Ostrava-7"], "start": [3, 40], "end": [9, 47]},
                        index=[5, 9])
    quotes = pd.DataFrame({"doc_id": ["Ostrava-7"], "content_start": [12], "content_end": [30],
                           "quote_id": ["q1"], "speaker_actor": ["Mirela Tanase"], "kind": ["direct"]})
    out = framing._quote_context(hits, quotes if known else None)
    assert out.index.tolist() == [5, 9]
    assert [str(t) for t in out.dtypes] == ["boolean", "object", "object", "boolean"]
    for c in ("in_quote", "scare_quoted"):
        assert (out[c].tolist() == [False, False]) if known else out[c].isna().all()
    assert out["quote_id"].isna().all() and out["speaker_actor"].isna().all()
