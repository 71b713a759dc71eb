"""The events table: minimal pairs (voice, claims, warnings, negation, conditions) and the seed article."""
from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest
from coded_article_events import SEED_ALLOWED, SEED_REQUIRED, SEED_SHA256

from toolkit import _native, actors, clauses, escalation, events
from toolkit.config import shared_path
from toolkit.tokenize import tokenize_documents

# The expected rows assume NLTK's perceptron tagger; without its data the fallback tagger is
# used (and says so), and these tables do not hold.
# These tables assume NLTK's tagger, not the fallback; test_events_acts and _patterns share it.
NEEDS_TAGGER = pytest.mark.skipif(clauses._perceptron() is None,
                                  reason="NLTK data 'averaged_perceptron_tagger_eng' not found (set NLTK_DATA)")
pytestmark = NEEDS_TAGGER


def run(text: str, *, with_quotes: bool = True, module=events) -> pd.DataFrame:
    """The events of one document as ``analyze()`` makes them: actors, quotes, escalation (which
    reads the quotes), then events. ``with_quotes=False`` leaves the quotes step out, for a test
    that says why it wants events without a quotes table (as a caller of ``find_events`` may)."""
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    s, t = tokenize_documents(["d"], [text])
    tb = {"documents": docs, "sentences": s, "tokens": t}
    tb["mentions"] = actors.mentions_from_tables(docs, t)
    if with_quotes:
        from toolkit import quotes

        tb.update(quotes.ANNOTATOR.func(tb))
    tb.update(escalation.annotate(tb))
    out = module.annotate(tb)["events"]
    assert all(text[a:b] == x for a, b, x in zip(out["start"], out["end"], out["text"]))
    return out


def quotes_gap(reason: str) -> pytest.MarkDecorator:
    """Marks a case whose rows hold for the events rules alone (``run(..., with_quotes=False)``)
    but not yet after the quotes step that ``analyze()`` runs before them: a known gap, strict so
    that the case fails loudly (and the mark is removed) once it is fixed."""
    return pytest.mark.xfail(strict=True, reason=f"with the quotes step analyze() runs: {reason}")


def rows(out: pd.DataFrame) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality"]].itertuples(index=False)]


@pytest.mark.parametrize("text, expected", [
    # voice: a passive keeps the dyad
    ("Russian artillery shelled Ukrainian towns.", ("RUS", "attack", "UKR", "asserted")),
    ("Ukrainian towns were shelled by Russian artillery.", ("RUS", "attack", "UKR", "asserted")),
    ("Moscow accused Kyiv of sabotage.", ("RUS", "accuse", "UKR", "asserted")),
    ("Kyiv was accused by Moscow of sabotage.", ("RUS", "accuse", "UKR", "asserted")),
    ("Poland expelled Russian diplomats.", ("POL", "expel", "RUS", "asserted")),
    ("Russian diplomats were expelled by Poland.", ("POL", "expel", "RUS", "asserted")),
    ("The United States sent military aid to Ukraine.", ("USA", "aid", "UKR", "asserted")),
    ("Ukraine received military aid from the United States.", ("USA", "aid", "UKR", "asserted")),
    # claims: the speech act and the alleged act
    ("Moscow said Kyiv had sabotaged the talks.", ("RUS", "accuse", "UKR", "asserted")),
    ("Moscow said Kyiv had sabotaged the talks.", ("UKR", "attack", None, "alleged")),
    # warnings
    # the threat is aimed at the party whose act it is conditional on (target.condition_subject)
    ("Russia warned of consequences if NATO expands.", ("RUS", "threaten", "NATO", "asserted")),
    ("Britain warned Russia against a military path.", ("GBR", "warn", "RUS", "asserted")),
    ("Britain warned that Russia poses a threat to Europe.", ("GBR", "accuse", "RUS", "asserted")),
    # negation, condition, future
    ("Russia did not attack Ukraine.", ("RUS", "attack", "UKR", "negated")),
    # force promised on a condition is a threat (CAMEO 138), round 5
    ("Russia will attack Ukraine if Kyiv joins NATO.", ("RUS", "threaten", "UKR", "conditional")),
    ("Russia will attack Ukraine.", ("RUS", "attack", "UKR", "future")),
    ("Russia could attack Ukraine.", ("RUS", "attack", "UKR", "hypothetical")),
    ("Will Russia attack Ukraine?", ("RUS", "attack", "UKR", "question")),
    ("Russia avoided attacking Ukraine.", ("RUS", "attack", "UKR", "negated")),
    ("Russia denied that its troops attacked Kyiv.", ("RUS", "attack", "UKR", "denied")),
    ("The UN urged Russia to withdraw its troops from Ukraine.", ("UN", "appeal", "RUS", "asserted")),
    ("The UN urged Russia to withdraw its troops from Ukraine.", ("RUS", "yield", "UKR", "requested")),
    ("The UN called on Russia to withdraw its troops.", ("RUS", "yield", None, "requested")),
    ("Russia reassured Kazakhstan that it would respect its borders.", ("RUS", "reassure", "KAZ", "asserted")),
    ("China warned the United States not to interfere in Taiwan.", ("CHN", "demand", "USA", "asserted")),
    ("Kyiv said Russian forces shelled Kharkiv.", ("UKR", "accuse", "RUS", "asserted")),
    ("Russian forces shelled Kharkiv, Kyiv said.", ("RUS", "attack", "UKR", "alleged")),
    # polarity: refusing a cooperative act is a rejection, not cooperation
    ("Moscow derailed the negotiations.", ("RUS", "reject", None, "asserted")),
    ("The proposal was rejected by Moscow.", ("RUS", "reject", None, "asserted")),
    ("Iran was threatened with sanctions by the United States.", ("USA", "threaten", "IRN", "asserted")),
])
def test_minimal_pairs(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text, act", [
    ("Analysts at the Institute for the Study of War published a report.", "attack"),
    ("Britain warned that Russia poses a threat to Europe.", "threaten"),
    ("Ukrainian towns were shelled by Russian artillery.", "mobilize"),
    ("The war in Ukraine has raised food prices.", "attack"),
    ("Russia withdrew its troops from Syria.", "attack"),
    ("A fund to fight malaria was set up by the WHO.", "attack"),
    ("The talks have reached a dead end.", "consult"),
    ("The talks have reached a dead end.", "unclassified"),
    ("1.65 million people were displaced, according to the United Nations.", "agree"),
    ("The production of publications countering extremist ideology continued.", "deny"),
])
def test_non_events(text, act):
    assert act not in [r[1] for r in rows(run(text))]


def test_passive_does_not_reverse():
    got = rows(run("Ukrainian towns were shelled by Russian artillery."))
    assert not [r for r in got if r[0] == "UKR" and r[2] == "RUS"]


def test_conditional_keeps_condition_span():
    out = run("Russia warned of consequences if NATO expands.")
    row = out[out["act"] == "threaten"].iloc[0]
    assert row["condition"] == "if NATO expands." or row["condition"].startswith("if NATO expands")


@pytest.mark.parametrize("tokens, voice, agent, patient", [
    ("Ukrainian towns were shelled by Russian artillery .", "passive", "artillery", "towns"),
    ("Russian artillery shelled Ukrainian towns .", "active", "artillery", "towns"),
    ("The towns were shelled overnight .", "passive", None, "towns"),
])
def test_clause_voice(tokens, voice, agent, patient):
    s = clauses.parse(tokens.split())
    p = s.predicates[0]
    head = lambda c: None if c is None else s.tokens[c.head]
    assert (p.voice, head(p.agent), head(p.patient)) == (voice, agent, patient)


def test_fallback_tagger_says_what_is_degraded():
    tags = clauses.fallback_tag(["Towns", "were", "shelled", "by", "Russia", "."])
    assert tags[1:4] == ["VBD", "VBN", "IN"]


# ----------------------------------------------------------------------------- the seed article
SEED = shared_path("seed")
needs_seed = pytest.mark.skipif(SEED is None or not (SEED / "article.txt").exists(),
                                reason="../shared/seed/article.txt is absent (the seed article is not part of the project)")


@pytest.fixture(scope="module")
def seed_events():
    text = (SEED / "article.txt").read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert digest.startswith(SEED_SHA256), (
        f"../shared/seed/article.txt is not the article tests/coded_article_events.py was coded on "
        f"(sha256 {digest[:16]}, expected {SEED_SHA256}): its offsets must be re-coded")
    s, _ = tokenize_documents(["d"], [text])
    return text, s, run(text, with_quotes=True)


def _matches(spec, row, text, sentences) -> bool:
    # The offset names the coder's sentence; it is looked up in the cue's paragraph, since a
    # quotation can be split into sentences apart from its "X quoted Y as saying".
    a, b = text.rfind("\n", 0, row["cue_start"]) + 1, text.find("\n", row["cue_end"])
    if not a <= spec["at"] < (b if b >= 0 else len(text)):
        return False
    val = lambda k: None if pd.isna(row[k]) else row[k]
    return (val("source_actor") == spec["source"] and row["act"] in spec["acts"]
            and val("target_actor") in spec["targets"] and row["factuality"] in spec["factuality"])


KNOWN_MISSING: dict[int, str] = {}  # the coder's events the rules do not find yet, and why


@needs_seed
@pytest.mark.parametrize("k", range(len(SEED_REQUIRED)))
def test_seed_required(seed_events, k):
    text, sentences, out = seed_events
    spec = SEED_REQUIRED[k]
    found = any(_matches(spec, r, text, sentences) for r in out.to_dict("records"))
    if k in KNOWN_MISSING:
        assert not found, f"now found: remove {k} from KNOWN_MISSING"
        pytest.xfail(KNOWN_MISSING[k])
    assert found, spec


@needs_seed
def test_seed_spurious(seed_events):
    text, sentences, out = seed_events
    specs = SEED_REQUIRED + SEED_ALLOWED
    spurious = [(r["cue"], r["source_actor"], r["act"], r["target_actor"], r["factuality"])
                for r in out.to_dict("records") if not any(_matches(s, r, text, sentences) for s in specs)]
    # Spurious rows are counted, not hidden: the bound is today's count and may only go down.
    assert len(spurious) <= MAX_SPURIOUS, spurious


# Today's count of rows a coder would not record in the seed article: 4 'unclassified' or
# plain main predicates ("gained momentum", "decisions have been made", "met with caution",
# "They aim"), 'seeks to support' as praise, and the alleged 'provoking' of "accusing the West
# of provoking" (the coder's list folds it into the accusation). ('destroy' is an attack since
# events.yaml 0.2.0, an actor's 'hit ... target' since 0.3.0, and Ukraine's "pushing for
# permission" is aimed at the US, who met the request, since 0.4.2.) It may only go down.
MAX_SPURIOUS = 6


# ----------------------------------------------------------------------------- the dev-set reader
def test_read_bio_spans_and_halves(tmp_path):
    from toolkit.validation.events import HALVES, read_bio

    p = tmp_path / "st.txt"
    p.write_text("Russian B-S\nartillery I-S\nshelled O\nKharkiv B-T\n. O\n\nKyiv B-R\nand O\nParis B-R\nmet O\n",
                 encoding="utf-8")
    d = read_bio(p)
    first = d.iloc[0]
    assert [first["text"][a:b] for a, b in first["S"]] == ["Russian artillery"]
    assert [first["text"][a:b] for a, b in first["T"]] == ["Kharkiv"]
    assert len(d.iloc[1]["R"]) == 2 and d.iloc[1]["S"] == []
    assert set(d["half"]) <= set(HALVES)


@pytest.mark.parametrize("bad", ["Russia\n", "Russia X-S\n", " B-S\n"])
def test_read_bio_names_the_bad_line(tmp_path, bad):
    from toolkit.validation.events import read_bio

    p = tmp_path / "bad.txt"
    p.write_text("Kyiv O\n" + bad, encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.txt:2"):
        read_bio(p)


def test_half_is_a_stable_hash():
    from toolkit.validation.events import dev_half

    texts = [f"Sentence number {i} ." for i in range(200)]
    halves = [dev_half(t) for t in texts]
    assert halves == [dev_half(t) for t in texts] and 60 < halves.count("tune") < 140


def test_main_event_scoring_counts_missing_as_wrong():
    from toolkit.validation.events import predict, score_items

    items = pd.DataFrame({"text": ["Russia attacked Ukraine .", "The weather was fine ."],
                          "half": ["tune", "tune"], "S": [[(0, 6)], [(0, 11)]], "T": [[(16, 23)], []],
                          "R": [[], []]})
    sc = score_items(items, predict(items["text"].tolist()))
    got = {(r.item, r.role): r.toolkit for r in sc.itertuples()}
    assert got == {(0, "source"): True, (0, "target"): True, (1, "source"): False}


def test_events_table_conforms_to_a_declared_schema(monkeypatch):
    import pyarrow as pa

    from toolkit import schemas

    fields = [(c, {"int64": pa.int64(), "bool": pa.bool_()}.get(events.SCHEMA_TYPES.get(c), pa.large_string()))
              for c in events.COLUMNS]
    monkeypatch.setitem(schemas.SCHEMAS, "events", fields)
    out = run("Moscow said Kyiv had sabotaged the talks. Russia warned of consequences if NATO expands.")
    table = schemas.conform("events", out)
    assert table.schema.field("source_start").type == pa.int64() and table.num_rows == len(out)
    assert schemas.conform("events", out.iloc[0:0]).num_rows == 0


@pytest.mark.parametrize("text, expected", [
    ('"We will strike back against any aggressor," Peskov said.', ("RUS", "attack", None, "future")),
    ('Peskov said: "Ukraine attacked our border posts."', ("RUS", "accuse", "UKR", "asserted")),
    ('Peskov said: "Ukraine attacked our border posts."', ("UKR", "attack", "RUS", "alleged")),   # "our border posts": the speaker's (round 10)
    ('Peskov spoke. "Kyiv shelled our towns. We are calm," he said.', ("UKR", "attack", None, "alleged")),
])
def test_quotes(text, expected):
    assert expected in rows(run(text, with_quotes=True))


def test_dyads_keep_claims_apart_from_acts():
    out = run("Moscow said Kyiv had attacked Belgorod. Russian artillery shelled Kharkiv in Ukraine.")
    plain = events.dyads(out)
    assert "alleged" not in plain.columns and (plain["asserted"] >= 0).all()
    both = events.dyads(out, alleged=True)
    accuse = both[(both["source_actor"] == "RUS") & (both["act"] == "accuse")]
    assert accuse["asserted"].sum() == 1
    assert both["alleged"].sum() == len(out[(out["factuality"] == "alleged") & out["source_actor"].notna()
                                            & out["target_actor"].notna()])


@pytest.mark.parametrize("text, expected", [
    ("Moscow said Kyiv had sabotaged the talks.",
     [("RUS", "accuse", "UKR", "asserted"), ("UKR", "attack", None, "alleged")]),
    ("Ukrainian towns were shelled by Russian artillery.", [("RUS", "attack", "UKR", "asserted")]),
    ("Britain warned Russia against a military path.", [("GBR", "warn", "RUS", "asserted")]),
])
def test_exact_rows(text, expected):
    assert rows(run(text)) == expected


def test_runs_as_a_pipeline_step_on_the_sample():
    from pathlib import Path

    from toolkit.pipeline import analyze

    sample = Path(__file__).resolve().parents[1] / "data" / "sample"
    a = analyze(sample, annotators=["actors", "quotes", "escalation", events.ANNOTATOR], workers=1, cache=False)
    ev, docs = a.tables["events"], a.tables["documents"].set_index("doc_id")["text"]
    assert len(ev) > 0 and set(ev["factuality"]) <= set(events.FACTUALITY)
    assert all(docs[d][s:e] == x for d, s, e, x in zip(ev["doc_id"], ev["start"], ev["end"], ev["text"]))
    assert ev["rule"].notna().all()


@pytest.mark.parametrize("text, expected", [
    # target.named_oblique_<prep>: an act whose target names no actor is aimed at a later named actor
    ("Irish soldiers served in Lebanon.", ("IRL", "unclassified", "LBN", "asserted")),
    ("The bombings killed 300 people in Sri Lanka.", (None, "attack", "LKA", "asserted")),
    ("Britain is deploying 300 troops to the peacekeeping mission in Mali.", ("GBR", "mobilize", "MLI", "asserted")),
    # negative: an object that names an actor stays the target; so does a speech act's object
    ("Russian artillery shelled Ukrainian towns in Donbas.", ("RUS", "attack", "UKR", "asserted")),
    ("The European Commission accused the legislation of attacking civil society in Hungary.",
     ("EU", "accuse", None, "asserted")),
])
def test_named_oblique_targets(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text, expected, absent", [
    # target.purpose_beneficiary: aid or an appeal with no actor target is aimed at "to help X"
    ("The South Korean government is considering sending aid to help North Korea.", ("KOR", "aid", "PRK", "hypothetical"),
     ("KOR", "aid", None, "asserted")),
    ("The UN launched an appeal for $ 88 million to help Ethiopia.", ("UN", "appeal", "ETH", "asserted"),
     ("UN", "appeal", None, "asserted")),
    # negative: a named recipient stays the target; troops are no aid
    ("Germany provided funds to Poland to help Ukraine.", ("DEU", "aid", "POL", "asserted"),
     ("DEU", "aid", "UKR", "asserted")),
    ("Russia attacked the town to help the separatists.", ("RUS", "attack", None, "asserted"), None),
])
def test_purpose_beneficiary(text, expected, absent):
    got = rows(run(text))
    assert expected in got and (absent is None or absent not in got)


@pytest.mark.parametrize("text, expected", [
    # target.reported_subject: the reported clause's subject, even before an act of the speaker's
    # (a demand since escalation 1.31.0 reads the modal frame after the speech verb)
    ("President Trump said North Korea must disarm before he would lift sanctions.",
     ("USA", "demand", "PRK", "asserted")),
    # ... past the speaker's own reporting verb ("said it expects that ...")
    ("Britain said it expects that France will host the summit.", ("GBR", "statement", "FRA", "asserted")),
    # negative: the speaker's own act keeps that act's target
    ("Putin said his country will not lift the ban on the EU.", ("RUS", "statement", "EU", "asserted")),
])
def test_reported_subject(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text, expected, absent", [
    # verb.uncoded on a reporting verb used for an act, with an object and no reported clause
    ("Thousands of Syrians have sought refuge in Turkey.", (None, "unclassified", "TUR", "asserted"), None),
    # target.claimed_for: the act a claim of responsibility is about, aimed at the party that
    # act hit; since events 0.18.0 the row is the claimed attack itself
    # (act.claimed_responsibility), not a statement (CAMEO 015) about it
    ("The Taliban claimed responsibility for the attack on the Afghan army.",
     ("TALIBAN", "attack", "AFG", "asserted"), ("TALIBAN", "statement", "AFG", "asserted")),
    # negative: a reporting verb with a reported clause, or "quoted X as saying", stays a report
    ("Kyiv claimed that Russia shelled Kharkiv.", ("RUS", "attack", "UKR", "alleged"), ("UKR", "unclassified", None, "asserted")),
    ("Interfax quoted Lavrov as saying the talks had failed.", None, ("RUS", "unclassified", "RUS", "asserted")),
])
def test_uncoded_reporting_verbs(text, expected, absent):
    got = rows(run(text))
    assert (expected is None or expected in got) and absent not in got


@pytest.mark.parametrize("name", ["events.yaml", "clauses.yaml"])
def test_rule_lists_are_words(name):
    # YAML 1.1 reads unquoted on/off/yes/no as booleans: a list of words must hold only strings.
    import yaml

    from toolkit.config import LEXICON_DIR

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                yield from walk(v)
        elif isinstance(x, list):
            for v in x:
                assert not isinstance(v, bool), f"{name}: {v!r} in a word list (quote it)"
                yield from walk(v)

    list(walk(yaml.safe_load((LEXICON_DIR / name).read_text(encoding="utf-8"))))


@pytest.mark.parametrize("text, act, target_text", [
    # clause.reduced_relative: "missiles fired by X struck Y" - the main act is the striking
    ("The missiles fired by the Israeli military struck the Syrian army.", "attack", "the Syrian army"),
    ("Hackers linked to the Iranian government attacked US banks.", "attack", "US banks"),
    # negative: a conjunction before the next verb keeps the first verb the main act
    ("Rebels attacked in the north and killed five soldiers.", "attack", "the north"),
    # np.base: a participle before a proper noun is inside the noun phrase ...
    ("US authorities have deported a convicted IRA bomber.", "expel", "a convicted IRA bomber"),
    # ... but not after a floating "both"
    ("India and the US have both indicted Sajid Mir.", "coerce", "Sajid Mir"),  # CAMEO 173 since escalation 1.24.0 (`indict`)
    # target.purpose_beneficiary for a strike or protest: what it protests
    # (a labour strike is CAMEO 143 since escalation 1.20.0: `on strike`)
    ("Workers went on strike to protest the Mexican government's decision.", "protest",
     "the Mexican government's decision"),
    ("A Kansas woman started a hunger strike, protesting the state's policy.", "protest", "the state's policy"),
])
def test_main_event_and_target_text(text, act, target_text):
    out = run(text)
    main = out[out["main"].astype(bool)].iloc[0]
    assert (main["act"], main["target_text"]) == (act, target_text)


@pytest.mark.parametrize("text, target_text", [
    # target.evaluated: the phrase a reported judgement is about
    ("The State Department said it is skeptical about Iranian motives.", "Iranian motives"),
    ("McConnell says that he is pessimistic about the possibility of a deal.", "the possibility"),
    # negative: a judgement with no phrase after it gives no target
    ("The ministry said it is confident.", None),
])
def test_evaluated_target(text, target_text):
    out = run(text)
    main = out[out["main"].astype(bool)].iloc[0]
    assert main["act"] == "statement" and main["target_text"] == target_text


@pytest.mark.parametrize("text, act, target_text", [
    # target.prep_for: material cooperation named by a noun is for its beneficiary (and seeking
    # a release is an appeal for it, noun.asked)
    ("Venezuela 's prosecutor seeks conditional release for Utah man held in jail .", "appeal", "Utah man"),
    # negative: a conflict noun's "for" phrase is a time or a reason, not a target
    ("Russia launched air strikes for weeks .", "attack", None),
])
def test_nominal_cooperation_for(text, act, target_text):
    out = run(text)
    main = out[out["main"].astype(bool)].iloc[0]
    assert (main["act"], main["target_text"]) == (act, target_text)


@pytest.mark.parametrize("text, expected, absent", [
    # lemma_classes: destroying property is an attack (PLOVER's CAMEO 1712 -> ASSAULT), seizing is not
    ("Russian forces destroyed Ukraine's power plants.", ("RUS", "attack", "UKR", "asserted"), None),
    ("Police seized weapons from the rebels.", (None, "coerce", None, "asserted"), (None, "attack", None, "asserted")),
    # actor.quote_speaker: the speaker of a quotation is not the doer of its agentless passive
    ('"All these decisions have already been made," Peskov said.', ("RUS", "statement", None, "asserted"),
     ("RUS", "unclassified", None, "alleged")),
])
def test_act_classes_and_quote_passives(text, expected, absent):
    got = rows(run(text, with_quotes=True))
    assert expected in got and absent not in got


@pytest.mark.parametrize("text, expected, absent", [
    # actor.coref_plural: "they" after a coordinated pair is the pair (its first member), not the
    # last state or organisation named before it
    ("Blinken and Lammy met in London. They warned Russia against escalation.", ("USA", "warn", "RUS", "asserted"),
     (None, "appeal", "RUS", "asserted")),
    # ... one row for each of the pair (rule actor.coref_plural; events._sides)
    ("Russia attacked Kyiv. Germany and France condemned the strikes. They urged Moscow to stop.",
     ("FRA", "appeal", "RUS", "asserted"), (None, "appeal", "RUS", "asserted")),
    # negative: a single organisation is still the antecedent of "they"
    ("NATO met in Brussels. They warned Russia against escalation.", ("NATO", "warn", "RUS", "asserted"), None),
    # speech.reporting_verb on a claim with a reported clause: an accusation of the third party
    ("Russia claimed that Ukraine attacked Belgorod.", ("RUS", "accuse", "UKR", "asserted"), None),
    ("Russia insisted that the West provoked the conflict.", ("RUS", "accuse", "WEST", "asserted"), None),
    # target.reported_subject for an accusing verb with no object
    ("Moscow alleged that Kyiv had shelled Donetsk.", ("RUS", "accuse", "UKR", "asserted"), ("RUS", "accuse", None, "asserted")),
    # warn.that_consequence: a warning that sanctions will follow is a threat, conditional with its "if"
    ("Britain cautioned that sanctions would follow.", ("GBR", "threaten", None, "asserted"), ("GBR", "accuse", None, "asserted")),
    ("The EU warned that sanctions would follow if Russia invades.", ("EU", "threaten", None, "asserted"), None),
    ("The EU warned of sanctions.", ("EU", "threaten", None, "asserted"), None),
    # negative: a warning about a third party's act stays an accusation
    ("Germany warned that Russia could attack Poland.", ("DEU", "accuse", "RUS", "asserted"), ("DEU", "threaten", None, "asserted")),
])
def test_pronouns_claims_and_warnings(text, expected, absent):
    got = rows(run(text))
    assert expected in got and (absent is None or absent not in got)


@pytest.mark.parametrize("text, target_text", [
    # target.prep_over_object stops at a circumstance ("in the attack"): the object stays the target
    ("The police detained several suspects in the attack against the convoy of the Palestinian prime minister .",
     "several suspects"),
    # target.named_oblique prefers a direction to a place
    ("Isis fighters have surrendered their final scrap of territory in Syria to US - backed forces .",
     "US - backed forces"),
    # negative: an actor phrase right after the object is still the target
    ("The United States imposed sanctions on Russia .", "Russia"),
])
def test_oblique_target_order(text, target_text):
    out = run(text)
    main = out[out["main"].astype(bool)].iloc[0]
    assert main["target_text"] == target_text



@pytest.mark.parametrize("text, expected, absent", [
    # noun.asked + target.asked_from: asking for aid is an appeal to the party asked
    ("Kyiv sought military aid from Washington.", ("UKR", "appeal", "USA", "asserted"), ("UKR", "aid", "USA", "asserted")),
    # negative: receiving aid is the giver's act (noun.converse)
    ("Ukraine received military aid from the United States.", ("USA", "aid", "UKR", "asserted"), ("UKR", "appeal", "USA", "asserted")),
])
def test_asking_for_cooperation(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got


@pytest.mark.parametrize("text, expected", [
    # target.reciprocal: coordinated parties acting with no other party act toward each other
    ("Turkey and Syria are violating the ceasefire agreement.", [("TUR", "SYR"), ("SYR", "TUR")]),
    # negative: a named other party stays the target of both
    ("Germany and France condemned Russia.", [("DEU", "RUS"), ("FRA", "RUS")]),
])
def test_reciprocal_targets(text, expected):
    got = [(r[0], r[2]) for r in rows(run(text))]
    assert all(x in got for x in expected)


@pytest.mark.parametrize("text, target_text", [
    # a comparison ("more than USD 4 million", "harder than the army") never names the target
    (("This week , the United States handed over more than USD $ 4 million worth of new medical equipment "
      "to the Ministry of Health of Ethiopia ."), "the Ministry"),
    ("Rebels fought harder than the army in the north .", "the north"),
])
def test_comparison_is_no_target(text, target_text):
    out = run(text)
    main = out[out["main"].astype(bool)].iloc[0]
    assert main["target_text"] == target_text


@pytest.mark.parametrize("order", ["sentences_interleaved", "documents_reversed"])
def test_token_row_order_does_not_change_the_table(order):
    """The tokens of a sentence are read as consecutive rows when they are (the tokenizer's
    order) and by their positions otherwise: both give the same events."""
    texts = ["Moscow said Kyiv had sabotaged the talks. Ukrainian towns were shelled by Russian artillery.",
             "Britain warned Russia against a military path. France and Germany agreed to send aid to Kyiv."]
    docs = pd.DataFrame({"doc_id": ["a", "b"], "text": texts})
    s, t = tokenize_documents(["a", "b"], texts)
    tb = {"documents": docs, "sentences": s, "tokens": t}
    tb["mentions"] = actors.mentions_from_tables(docs, t)
    tb.update(escalation.annotate(tb))
    want = events.annotate(tb)["events"]
    assert len(want) >= 4
    if order == "sentences_interleaved":   # each sentence's tokens keep their order, not their rows
        moved = t.sort_values(["doc_id", "tok_id", "sent_id"], kind="stable")
    else:
        moved = pd.concat([t[t["doc_id"] == "b"], t[t["doc_id"] == "a"]])
    got = events.annotate({**tb, "tokens": moved.reset_index(drop=True)})["events"]
    # Documents come in the order of the tokens table.
    got = got.sort_values(["doc_id", "event_id"], kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)


@pytest.mark.parametrize("text, expected, absent", [
    # cue_verb_tags: a verb-frame cue read as a noun or adjective in a headline-style clause
    ("Japan lifts sanctions against India .", ("JPN", "yield", "IND", "asserted"), None),
    ("China and Russia call on US to lift sanctions against Iran .", ("CHN", "appeal", "USA", "asserted"), None),
    ("In 2012 , the UNSC imposed sanctions on Guinea .", ("UNSC", "sanction", "GIN", "asserted"), None),
    # negative: a noun reading with a finite verb before it stays a noun (no yield by Japan)
    ("Japan said the lifts of sanctions against India were late .", None, ("JPN", "yield", "IND", "asserted")),
    # verb.predicative: the phrase after its verb is the act, and never its own target
    ("Indian troops remained on alert in New Delhi .", ("IND", "mobilize", None, "asserted"), None),
    # return ... to (CAMEO 084), outlaw (172): the recipient / the banned party is the target
    ("CBP returned prehistoric fossils to the Chinese government .", (None, "yield", "CHN", "asserted"), None),
    ("Iran outlawed the Kurdistan Workers ' Party .", ("IRN", "coerce", None, "asserted"), None),
])
def test_headline_verbs_and_predicative_cues(text, expected, absent):
    got = rows(run(text))
    assert expected is None or expected in got, got
    assert absent is None or absent not in got, got


def test_cue_verb_tags_leaves_single_word_cues():
    c = events.Cue(0, 1, 2, "attack", "180", "material_conflict", "attack")
    assert events.cue_verb_tags(["Russia", "attack", "Ukraine"], ["NNP", "NN", "NNP"], [c]) == ["NNP", "NN", "NNP"]


@pytest.mark.parametrize("text", [
    "Indian troops remained on alert Wednesday in New Delhi .",
    "Cambodian troops remained on alert .",
])
def test_predicative_cue_is_not_its_own_target(text):
    out = run(text)
    row = out[out["cue"] == "on alert"].iloc[0]
    assert row["rule"].startswith("verb.predicative") and row["target_text"] is None


@pytest.mark.parametrize("text, expected, absent", [
    # verb.visit: an official or a delegation arriving in a place visits it (CAMEO 042)
    ("A French delegation arrived in Beijing on Monday .", ("FRA", "visit", "CHN", "asserted"), None),
    ("US and UK diplomats arrived in Warsaw .", ("GBR", "visit", "POL", "asserted"), None),
    # negatives: troops and shipments arrive too; no place, no visit
    ("Russian troops arrived in Belarus for drills .", None, ("RUS", "visit", "BLR", "asserted")),
    ("A shipment of grain from Ukraine arrived in Egypt .", None, (None, "visit", "EGY", "asserted")),
])
def test_visit_by_arrival(text, expected, absent):
    got = rows(run(text))
    assert expected is None or expected in got, got
    assert absent is None or all(r[1] != "visit" for r in got), got


@pytest.mark.parametrize("text, expected, absent", [
    # lemma class hit: attack - an actor hitting targets, done or asked for
    ("Ukraine asked for permission to hit targets inside Russia .", ("UKR", "attack", "RUS", "requested"), None),
    # negative: a weapon's reach is no one's act (no row at all)
    ("The missiles can hit targets 300 kilometers away .", None, "attack"),
])
def test_hitting_targets(text, expected, absent):
    got = rows(run(text))
    assert expected is None or expected in got, got
    assert absent is None or all(r[1] != absent for r in got), got


@pytest.mark.parametrize("speaker, expected", [
    # a quote with no speaker actor: NaN / NA must not count as a speaker (NaN is true)
    (float("nan"), None),
    (pd.NA, None),
    (None, None),
    # negative: a real speaker actor is kept
    ("RUS", {"actor": "RUS", "person": "RUS", "sector": "RUS"}),
])
def test_quote_without_speaker_actor_has_no_speaker(speaker, expected):
    q = pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [30], "kind": ["direct"],
                      "content_start": [1], "content_end": [20], "speaker_actor": pd.Series([speaker], dtype=object),
                      "speaker_person": pd.Series([speaker], dtype=object),
                      "speaker_sector": pd.Series([speaker], dtype=object)})
    text = '"We will attack them," he said.'
    ctx = events.SentenceContext("d", text, [1, 4], [3, 8], [], [], events._quote_lists(q)["d"])
    st = clauses.parse(["We", "will"], lemma=["we", "will"])
    assert ctx.quote_speaker(events.Cue(0, 0, 1, "attack", "190", "MC", "attack"), st) == expected


@pytest.mark.parametrize("text, expected", [
    # an actor hitting targets: act, cameo, root and quad_class agree (an attack, CAMEO 190)
    ("Russian missiles hit targets in Kyiv.", [("RUS", "attack", "190", "19", "material_conflict")]),
    ("Israel hit Hamas targets in Gaza overnight.", [("ISR", "attack", "190", "19", "material_conflict")]),
    # negative: a weapon's reach is nobody's act
    ("The missile can hit targets up to 300 km away.", []),
])
def test_hit_rows_are_attacks_throughout(text, expected):
    out = run(text)
    got = [tuple(None if pd.isna(v) else str(v) for v in r)
           for r in out[["source_actor", "act", "cameo", "root", "quad_class"]].itertuples(index=False)]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    # the writer's set phrases are nobody's statement
    ("Having said that, Russia attacked Ukraine.", [("RUS", "attack", "UKR", "asserted")]),
    ("Having said that, Russia said Ukraine had attacked.",
     [("RUS", "accuse", "UKR", "asserted"), ("UKR", "attack", None, "alleged")]),
    # negative: a party that said something still makes a statement
    ("Russia said that it attacked Ukraine.", [("RUS", "statement", "UKR", "asserted"),
                                               ("RUS", "attack", "UKR", "asserted")]),
])
def test_writer_formulas_are_no_statements(text, expected):
    assert rows(run(text)) == expected


@pytest.mark.parametrize("text, source, target", [
    # actor.relative_agent: the by-agent (or "linked to X") of a reduced relative on the subject
    ("Missiles fired by Russia struck Ukraine.", "RUS", "UKR"),
    ("The missiles fired by the Israeli military struck the Syrian army.", "ISR", "SYR"),
    ("Hackers linked to the Iranian government attacked US banks.", "IRN", "USA"),
    ("Militias backed by Iran attacked US troops.", "IRN", "USA"),
    # negative: a subject that names its actor keeps it
    ("Russian troops stationed near the border attacked Ukraine.", "RUS", "UKR"),
])
def test_reduced_relative_gives_the_source(text, source, target):
    out = run(text)
    main = out[out["main"].astype(bool)].iloc[0]
    assert (main["source_actor"], main["act"], main["target_actor"]) == (source, "attack", target)


@pytest.mark.parametrize("text", [
    "This is a historic moment. Russia is our neighbour. We have been there. It seems so.",
    "China is our partner. The Ukrainian delegation arrived in Geneva. Russia visited China.",
    "Ukraine has been a friend. Kyiv has been shelled again. Moscow called on Kyiv to withdraw.",
    "Russia has troops there. China is ready. They said so, and Turkey added that it was.",
    # a sentence with no act may still name who was asked in the one before (request_answered_by)
    "Ukraine has been pushing for more tanks. The plea has had no answer from Germany. Germany is big.",
])
def test_sentences_that_cannot_act_are_skipped_without_loss(text, monkeypatch):
    """Sentences without cues whose verbs are all inert (_may_act false) are not parsed: the
    table equals the one that parses every sentence, and such sentences exist in the table."""
    # A compiled events module calls its own _may_act directly: patch a pure copy of it instead.
    mod = _pure_events(monkeypatch) if _native.is_native(events) else events
    real, answers = mod._may_act, []
    monkeypatch.setattr(mod, "_may_act", lambda tags, lemmas: answers.append(real(tags, lemmas)) or answers[-1])
    got = run(text, module=mod)
    assert False in answers   # some sentence was skipped
    monkeypatch.setattr(mod, "_may_act", lambda tags, lemmas: True)
    pd.testing.assert_frame_equal(got, run(text, module=mod))


def _pure_events(monkeypatch):
    """The events module imported from its source under another name (its compiled copy, when
    loaded, cannot be patched), for one test; it shares the rest of the package."""
    spec = importlib.util.spec_from_file_location("toolkit._events_source", Path(events.__file__))
    mod = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, mod)   # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("text, cue, cue_text", [
    ("The European Union threatened Belarus with new sanctions.", None, "threatened"),
    ("Moscow accused Kyiv of sabotage.", "accuse", "accused"),
    ('"We will respond," said the Iranian foreign ministry.', "say", "said"),
])
def test_cue_text_is_the_surface_words_and_cue_the_entry(text, cue, cue_text):
    out = run(text)
    # every row: the surface slice of its offsets, next to the lexicon entry
    assert [text[a:b] for a, b in zip(out["cue_start"], out["cue_end"])] == out["cue_text"].tolist()
    assert cue_text in [t.split()[0] for t in out["cue_text"]], out[["cue", "cue_text"]].values.tolist()
    if cue is not None:
        assert (cue, cue_text) in list(zip(out["cue"], out["cue_text"]))
