"""Tests for toolkit.quotes: table-driven sentences (fictional actors), negatives, offsets, seed."""
from __future__ import annotations

import importlib.util

import pandas as pd
import pytest

from toolkit import lexicon
from toolkit.quotes import KINDS, QUOTE_COLUMNS, find_quote_spans, find_quotes
from toolkit.tokenize import tokenize_documents

from conftest import need_shared

SPEECH = ("direct", "indirect", "mixed", "according_to")
PARTS = ("speaker", "cue", "content", "channel")


def run(text: str, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    sents, toks = tokenize_documents(["d"], [text])
    quotes, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks, mentions)
    check_offsets(quotes, {"d": text})
    return quotes


def check_offsets(quotes: pd.DataFrame, texts: dict[str, str]) -> None:
    """Every span column slices back to its text; null parts have null offsets."""
    for r in quotes.to_dict("records"):
        t = texts[r["doc_id"]]
        assert t[r["start"]:r["end"]] == r["text"]
        for p in PARTS:
            a, b = r[f"{p}_start"], r[f"{p}_end"]
            if r[p] is None:
                assert pd.isna(a) and pd.isna(b), (p, r)
            else:
                assert t[int(a):int(b)] == r[p], (p, r)
                assert r["start"] <= a and b <= r["end"]


def rows(quotes: pd.DataFrame) -> list[tuple]:
    return [(r.kind, r.speaker, r.cue, r.content) for r in quotes.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # direct, speaker after / before / inverted, curly, straight and single quotes
    ("“We will respond,” the minister said.",
     ("direct", "the minister", "said", "“We will respond,”")),
    ("The spokesman said: “There is no deal on the table.”",
     ("direct", "The spokesman", "said:", "“There is no deal on the table.”")),
    ("“We are ready for talks,” said Foreign Minister Ana Lopes.",
     ("direct", "Foreign Minister Ana Lopes", "said", "“We are ready for talks,”")),
    ('"It is over for now," she told reporters.',
     ("direct", "she", "told", '"It is over for now,"')),
    ("‘We stand firm on this,’ the ambassador insisted.",
     ("direct", "the ambassador", "insisted", "‘We stand firm on this,’")),
    ("''We will not sign,'' the envoy said.",
     ("direct", "the envoy", "said", "''We will not sign,''")),
    # indirect speech, with and without "that", content before the speaker
    ("The foreign ministry warned that any strike would be met with force.",
     ("indirect", "The foreign ministry", "warned", "that any strike would be met with force")),
    ("Officials said the talks had collapsed.",
     ("indirect", "Officials", "said", "the talks had collapsed")),
    ("The talks had collapsed, a senior diplomat said on Tuesday.",
     ("indirect", "a senior diplomat", "said", "The talks had collapsed")),
    ("The president told parliament that the reforms would continue.",
     ("indirect", "The president", "told", "that the reforms would continue")),
    ("It was announced by the ministry that the border would reopen.",
     ("indirect", "the ministry", "was announced", "that the border would reopen")),
    ("Ruritania accused Freedonia of violating the ceasefire.",
     ("indirect", "Ruritania", "accused", "Freedonia of violating the ceasefire")),
    ("The minister rejected the plan, arguing that it ignored the facts.",
     ("indirect", "The minister", "arguing", "that it ignored the facts")),
    ("Ana Lopes, the foreign minister, said the talks had failed.",
     ("indirect", "Ana Lopes, the foreign minister", "said", "the talks had failed")),
    ("Freedonia has repeatedly urged its neighbours to lift the blockade.",
     ("indirect", "Freedonia", "has repeatedly urged", "its neighbours to lift the blockade")),
    # speakers with appositives, parentheses, dashes; coordinated verbs; addressees
    ("“We are not there yet,” Mr. Ortiz, a senior adviser to the president, told reporters.",
     ("direct", "Mr. Ortiz, a senior adviser to the president", "told", "“We are not there yet,”")),
    ("“The vote is rigged,” Sen. Ana Cruz (D-Ore.) said.",
     ("direct", "Sen. Ana Cruz (D-Ore.)", "said", "“The vote is rigged,”")),
    ("“There is always resistance,” said Mr. Hale, who chairs the committee.",
     ("direct", "Mr. Hale, who chairs the committee", "said", "“There is always resistance,”")),
    ("Kall -- co-editor of a book on the debates -- said the candidate would win.",
     ("indirect", "Kall -- co-editor of a book on the debates", "said", "the candidate would win")),
    ("The governor toured the flooded district and said the army would help.",
     ("indirect", "The governor", "said", "the army would help")),
    ("Lopes told The Daily Record she was not worried.",
     ("indirect", "Lopes", "told", "she was not worried")),
    ("Officials have also said that the border will stay closed.",
     ("indirect", "Officials", "have also said", "that the border will stay closed")),
    # mixed quotes: reported clause with a quoted fragment
    ("The ministry warned it would respond “decisively” to any provocation.",
     ("mixed", "The ministry", "warned", "it would respond “decisively” to any provocation")),
    # according to
    ("According to the agency, the convoy was stopped at the border.",
     ("according_to", "the agency", "According to", "the convoy was stopped at the border")),
    ("The convoy was stopped at the border, according to local officials.",
     ("according_to", "local officials", "according to", "The convoy was stopped at the border")),
    # headline / transcript colon
    ("Lopes: Talks With Freedonia Have Failed", ("indirect", "Lopes", ":", "Talks With Freedonia Have Failed")),
    ("HOST: Thank you.\n\nLOPES: Well, look, it is serious. We will not sign.\n\nHOST: Why not?",
     ("indirect", "LOPES", ":", "Well, look, it is serious. We will not sign.")),
])
def test_attributions(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text, channel, speaker, cue", [
    ("“We will see,” the agency quoted the minister as saying.", "the agency", "the minister", "quoted"),
    ("Reuters quoted Minister Ana Lopes as saying the talks were over.", "Reuters", "Minister Ana Lopes", "quoted"),
])
def test_channel(text, channel, speaker, cue):
    q = run(text)
    r = q[q["kind"] != "scare"].iloc[0]
    assert (r["channel"], r["speaker"], r["cue"]) == (channel, speaker, cue)


def test_speaker_inside_quote_gives_two_rows():
    q = run("“We will not retreat,” General Ivanov said, “and we will not negotiate.”")
    direct = q[q["kind"] == "direct"]
    assert direct["content"].tolist() == ["“We will not retreat,”", "“and we will not negotiate.”"]
    assert set(direct["speaker"]) == {"General Ivanov"}


def test_quote_across_paragraphs():
    text = "Mr Tan said:\n\n“The first paragraph of the statement.\n\n“The second paragraph ends here.”"
    q = run(text)
    assert rows(q) == [("direct", "Mr Tan", "said:", text[text.index("“"):])]
    assert q["problem"].isna().all()


def test_unbalanced_quote_is_recorded_not_raised():
    text = "The minister said: “We will never accept this.\n\nThe talks continue tomorrow."
    sents, toks = tokenize_documents(["d"], [text])
    q, problems = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks)
    off = text.index("“")
    assert q.iloc[0]["content"] == "“We will never accept this."
    assert q.iloc[0]["problem"] == f"unbalanced quote mark at offset {off}"
    assert problems["problem"].tolist() == [f"unbalanced quote mark at offset {off}"]


@pytest.mark.parametrize("text", [
    "She is reading the book “The Long Road Home” this week.",        # a title
    "He appeared on “Morning Edition” on Monday.",                     # a programme name
    "Kyiv’s allies don’t share the diplomats’ findings, and O'Brien isn't sure.",  # apostrophes
    "The warning followed comments from the president.",                # noun, not a cue
    "At a press conference in Geneva, the envoys discussed their plans.",
    "The ‘90s were a different era for the alliance.",                 # elided year
    "Each State must act according to its national circumstances.",    # in accordance with
    "We must maintain peace and security in the region.",              # maintain, no clause
    "If it is to remain credible, the Council must respond.",          # a condition, not content
])
def test_no_quotes(text):
    q = run(text)
    assert q.empty, rows(q)


@pytest.mark.parametrize("text, content", [
    ("The so-called “peace plan” was rejected by the assembly.", "“peace plan”"),
    ("The ‘special operation’ continued for a third week.", "‘special operation’"),
])
def test_scare_quotes(text, content):
    assert rows(run(text)) == [("scare", None, None, content)]


def test_fragment_in_reported_speech_is_mixed_and_scare():
    q = run("The ministry warned it would respond “decisively” to any provocation.")
    mixed = q[q["kind"] == "mixed"].iloc[0]
    scare = q[q["kind"] == "scare"].iloc[0]
    assert scare["content"] == "“decisively”"
    assert scare["in_quote"] == mixed["quote_id"]


def test_scare_quote_nested_in_direct_quote():
    q = run("“The so-called ‘buffer zone’ is a fiction,” the envoy said.")
    assert rows(q) == [("direct", "the envoy", "said", "“The so-called ‘buffer zone’ is a fiction,”"),
                       ("scare", None, None, "‘buffer zone’")]
    assert q.iloc[1]["in_quote"] == q.iloc[0]["quote_id"]


def test_unattributed_quote_has_no_speaker():
    q = run("“We will never give up on our people.” The crowd cheered loudly.")
    assert rows(q) == [("direct", None, None, "“We will never give up on our people.”")]


def test_cue_class_comes_from_the_lexicon():
    q = run("Freedonia accused Ruritania of lying. Ruritania denied that it had troops there.")
    assert q["cue_class"].tolist() == ["accusatory", "denial"]
    assert (q["source"] == lexicon.load("reporting_verbs").tag).all()


def _mentions(text: str, items: list[tuple[str, str, str | None, str]]) -> pd.DataFrame:
    recs = []
    for surface, actor, person, sector in items:
        a = text.index(surface)
        recs.append({"doc_id": "d", "sent_id": 0, "start": a, "end": a + len(surface), "text": surface,
                     "actor": actor, "actor_type": "state", "sector": sector, "person": person,
                     "metonym": False})
    return pd.DataFrame(recs)


@pytest.mark.parametrize("second, speaker", [
    ("He said the talks were over.", "He"),
    ("The spokesman said the talks were over.", "The spokesman"),
])
def test_pronoun_and_role_speakers_resolve_to_the_last_person(second, speaker):
    text = "Dmitri Orlov spoke for Ruritania on Monday. " + second
    m = _mentions(text, [("Dmitri Orlov", "RUR", "Dmitri Orlov", "GOV"), ("Ruritania", "RUR", None, None)])
    r = run(text, m).iloc[0]
    assert (r["speaker"], r["speaker_person"], r["speaker_actor"], r["speaker_sector"]) == \
        (speaker, "Dmitri Orlov", "RUR", "GOV")


def test_metonym_speaker_takes_the_mention_actor():
    text = "The Kremlin warned that it would respond."
    m = _mentions(text, [("The Kremlin", "RUS", None, "GOV")])
    r = run(text, m).iloc[0]
    assert (r["speaker"], r["speaker_actor"], r["speaker_resolution"]) == ("The Kremlin", "RUS", "mention")


def test_columns_and_types():
    q = run("“We will respond,” the minister said. Critics called it a “stunt”.")
    assert list(q.columns) == QUOTE_COLUMNS
    assert set(q["kind"]) <= set(KINDS)
    for c in ("speaker_start", "cue_start", "content_start", "channel_start", "in_quote"):
        assert str(q[c].dtype) == "Int64"


def test_empty_input():
    q = run("")
    assert q.empty and list(q.columns) == QUOTE_COLUMNS


def test_quote_spans_nest_and_skip_apostrophes():
    text = "Kyiv’s envoy said: “They call it ‘peace’, we don’t.” Done."
    spans, problems = find_quote_spans(text)
    assert [(text[q.start:q.end], q.depth) for q in spans] == [
        ("“They call it ‘peace’, we don’t.”", 0), ("‘peace’", 1)]
    assert problems == []


try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover
    given = None

if given is not None:
    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.sampled_from(list("ab .,:\n\"'“”‘’«»") + ["said ", "He ", "that "]),
                    max_size=60).map("".join))
    def test_any_text_never_crashes_and_offsets_hold(text):
        run(text)


def test_lexicon_is_clean():
    lex = lexicon.load("reporting_verbs")
    assert lexicon.validate(lex) == []
    assert set(lex.entries["category"]) == set(lex.categories)
    assert len(lex.meta["sources"]) >= 3
    for cls in ("neutral", "emphatic", "accusatory", "warning", "directive", "hedged", "reassuring"):
        assert cls in lex.categories


# ----------------------------------------------------------------------------- seed article

@pytest.fixture(scope="module")
def seed_quotes():
    text = need_shared("seed", "article.txt").read_text(encoding="utf-8")
    if importlib.util.find_spec("toolkit.actors") is not None:
        import toolkit
        from toolkit import datasets

        a = toolkit.analyze(datasets.seed(), workers=1)
        q, texts = a["quotes"], a.texts()
    else:
        q, texts = run(text), {"d": text}
    check_offsets(q, texts)
    return q, next(iter(texts.values()))


def _one(q: pd.DataFrame, **where) -> pd.Series:
    m = pd.Series(True, index=q.index)
    for col, val in where.items():
        m &= q[col].fillna("").astype(str).str.contains(val, regex=False)
    hits = q[m]
    assert len(hits) == 1, (where, rows(q))
    return hits.iloc[0]


def _has_actors() -> bool:
    return importlib.util.find_spec("toolkit.actors") is not None


def test_seed_interfax_quote(seed_quotes):
    q, _ = seed_quotes
    r = _one(q, channel="Interfax")
    assert (r["kind"], r["speaker"], r["cue"]) == ("direct", "Peskov", "quoted")
    assert r["content"].startswith("“There’s no need")
    if _has_actors():
        assert r["speaker_actor"] == "RUS"


def test_seed_peskov_added_quote_before(seed_quotes):
    q, _ = seed_quotes
    r = _one(q, cue="added")
    assert (r["kind"], r["speaker"]) == ("direct", "Peskov")
    assert r["content"].startswith("“All these decisions") and r["content_end"] < r["cue_start"]


def test_seed_peskov_accuses_washington(seed_quotes):
    q, _ = seed_quotes
    acc = _one(q, cue="accused")
    assert (acc["kind"], acc["speaker"], acc["cue_class"]) == ("indirect", "Peskov", "accusatory")
    assert acc["content"].startswith("Washington and its allies")
    arg = _one(q, cue="arguing", speaker="Peskov")
    assert arg["kind"] in ("indirect", "mixed") and arg["content"].startswith("that each new move")


def test_seed_blinken_warning(seed_quotes):
    q, _ = seed_quotes
    r = _one(q, cue="warned")
    assert (r["speaker"], r["cue_class"], r["kind"]) == ("Blinken", "warning", "indirect")
    if _has_actors():
        assert r["speaker_actor"] == "USA"


def test_seed_scare_quotes(seed_quotes):
    q, _ = seed_quotes
    scare = q[q["kind"] == "scare"]["content"].str.strip("“”‘’").tolist()
    assert scare.count("special military operation") == 2
    assert "accordingly" in scare
    # "signaling it will respond “accordingly”": also a mixed quote of the Kremlin
    acc = _one(q, kind="mixed", content="“accordingly”")
    assert acc["speaker"] == "The Kremlin"


def test_seed_peskov_rows_resolve_to_russia(seed_quotes):
    if not _has_actors():
        pytest.skip("toolkit.actors not merged yet: speaker actors need the mentions table")
    q, _ = seed_quotes
    peskov = q[q["speaker"].fillna("").str.contains("Peskov")]
    assert len(peskov) >= 4
    assert set(peskov["speaker_actor"]) == {"RUS"}


# ----------------------------------------------------------------------------- PolNeAR

def test_polnear_evaluation_runs_on_a_few_texts():
    eval_dir = need_shared("eval-dev", "quotes", "polnear", "dev").parents[2]
    from toolkit.validation.quotes import evaluate

    results = evaluate(eval_dir, n_boot=0, limit=4)
    assert [r.measure for r in results] == [f"quotes.{p}.{m}" for p in ("source", "cue", "content")
                                            for m in ("exact", "overlap")]
    for r in results:
        mine = r.scores[r.scores["system"] == "toolkit"].set_index("metric")
        assert 0.0 < mine.loc["f1", "value"] <= 1.0, r.measure
    content = results[4].scores
    assert set(content["system"]) == {"toolkit", "quote-marks baseline"}


def test_polnear_reader_keeps_one_annotator_and_fragments(tmp_path):
    from toolkit.validation.quotes import load_polnear

    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text("“Yes,” he said, “really.”", encoding="utf-8")
    for ann, cue in (("ef2d", "9 13"), ("4b22", "10 14")):
        (tmp_path / "attributions" / f"a_{ann}.ann").write_text(
            f"T1\tSource 7 9\the\nT2\tCue {cue}\tsaid\nT3\tContent 0 6;16 25\tx\n"
            "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n", encoding="utf-8")
    (doc,) = load_polnear(tmp_path)
    assert doc.annotator == "4b22"
    assert doc.gold["Content"] == {(0, 6), (16, 25)}


# ----------------------------------------------------------------------------- real text

def test_un_speeches_offsets_and_kinds(ungdc_slice):
    docs = ungdc_slice.documents
    sents, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    q, problems = find_quotes(docs, sents, toks)
    texts = dict(zip(docs["doc_id"], docs["text"]))
    check_offsets(q, texts)
    assert set(q["kind"]) <= set(KINDS)
    assert len(q) > 0
    for r in problems.itertuples():
        assert texts[r.doc_id][r.start:r.end] == r.text


def test_first_person_in_a_speech_resolves_to_the_document_country():
    text = "We urge all parties to return to the negotiating table."
    sents, toks = tokenize_documents(["d"], [text])
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text], "country": ["RUR"]})
    q, _ = find_quotes(docs, sents, toks)
    r = q.iloc[0]
    assert (r["speaker"], r["speaker_actor"], r["speaker_resolution"], r["cue_class"]) == \
        ("We", "RUR", "document", "directive")
