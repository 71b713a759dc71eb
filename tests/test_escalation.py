"""Escalation cues: lexicon, modality, intensity, actors, sentence classes, aggregates, seed."""
from __future__ import annotations

import importlib.util

import numpy as np
import pandas as pd
import pytest

from toolkit import escalation as esc
from toolkit import lexicon, resources
from toolkit.tokenize import tokenize_documents


def cues_of(text: str, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    _, toks = tokenize_documents(["d"], [text])
    return esc.find_cues(toks, {"d": text}, mentions=mentions)


def cue(text: str, surface: str, mentions=None) -> pd.Series:
    c = cues_of(text, mentions)
    rows = c[c["text"] == surface]
    assert len(rows) == 1, f"{surface!r} not found once in {c['text'].tolist()}"
    return rows.iloc[0]


# --- lexicon ---------------------------------------------------------------------------------

def test_lexicon_validates():
    lex = lexicon.load("escalation")
    assert lexicon.validate(lex) == []
    assert lex.tag.startswith("escalation@")


def test_lexicon_codes_weights_and_quad_classes_agree():
    e = lexicon.load("escalation").entries
    coded = e[(e["cameo"] != "") & ~e["category"].isin(["diplomatic_marker", "nuclear_signal"])]
    root = coded["cameo"].str[:2].astype(int)
    expected = np.select([root == 1, root <= 5, root <= 8, root <= 13], [
        "statement", "verbal_cooperation", "material_cooperation", "verbal_conflict"], "material_conflict")
    gold = pd.to_numeric(coded["goldstein"])
    # Quad class follows the CAMEO root, except where a documented note says otherwise.
    odd = coded[(coded["quad_class"] != expected) & (coded["note"] == "")]
    assert odd.empty, odd[["entry", "cameo", "quad_class"]]
    assert gold.between(-10, 10).all()
    assert (coded["cameo"].str.fullmatch(r"\d{3,4}")).all()
    roots = {"statement": 1, "appeal": 2, "consult": 4, "threaten": 13, "fight": 19, "assault": 18}
    for cat, r in roots.items():
        assert (coded.loc[coded["category"] == cat, "cameo"].str[:2].astype(int) == r).all(), cat


def test_references_are_entries_of_the_lexicon():
    lex = lexicon.load("escalation")
    refs = esc.modality_config(lex).references
    assert {"terrorist", "armed group", "threat", "war"} <= refs
    # a cue is named by an entry or, for an entry with `a|b` alternatives, by the spelling matched
    names = set(lex.entries["entry"]) | {n for p in lex.entries.get("pattern", []) if p
                                         for n, _ in lexicon._spellings(p)}
    assert refs <= names, refs - names


def test_modality_factors_are_in_the_yaml():
    cfg = esc.modality_config(lexicon.load("escalation"))
    assert set(esc.MODALITIES) <= set(cfg.factors)
    assert cfg.factors["negated"] < 0 < cfg.factors["hypothetical"] < cfg.factors["asserted"]


# --- modality --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, modality", [
    ("Ruritania will respond accordingly if Osterlich deploys troops.", "respond accordingly", "conditional"),
    ("Unless the blockade ends, the council will impose sanctions.", "impose sanctions", "conditional"),
    ("Ruritania will not back down.", "back down", "negated"),
    ("The government seeks to support its ally while avoiding a direct conflict.", "direct conflict", "negated"),
    ("Will the ministry impose sanctions on the importers?", "impose sanctions", "question"),
    ("Analysts say the dispute could end in war.", "war", "hypothetical"),
    ("The foreign minister will visit the capital next week.", "visit", "future"),
    ("Troops attacked the border post at dawn.", "attacked", "asserted"),
    ("“The aggressor has shelled our villages again,” the general told reporters.", "shelled", "reported"),
    ("Officials said the navy had seized the tanker.", "seized", "reported"),
    ("Should Osterlich attack, Ruritania will respond.", "attack", "conditional"),
    ("Members of the council, including Ruritania, should condemn the attack.", "attack", "asserted"),
    ("We did not provoke this war.", "war", "asserted"),  # the negation is on `provoke`
    ("We did not provoke this war.", "provoke", "negated"),
    ("There is no room for compromise.", "compromise", "negated"),  # `no` was read as YAML false
])
def test_modality(text, surface, modality):
    assert cue(text, surface)["modality"] == modality


def test_negation_flips_the_score():
    neg = cue("Ruritania is avoiding a direct confrontation.", "direct confrontation")
    pos = cue("Ruritania is risking a direct confrontation.", "direct confrontation")
    assert neg["score"] > 0 > pos["score"]


def test_opposing_a_cooperative_act_is_conflict():
    c = cue("Osterlich condemned the military aid to the rebels.", "military aid")
    assert c["modality"] == "negated" and c["score"] < 0


@pytest.mark.parametrize("text, surface, negated", [
    ("Osterlich pledged to combat piracy.", "piracy", True),
    ("The treaty calls for the suppression of piracy.", "piracy", True),
    ("The fight against violence continues.", "violence", True),
    ("Terrorism spread across the region.", "Terrorism", False),
    # an act countered keeps its class: only references are countered
    ("The army moved to counter the attack.", "attack", False),
])
def test_countering_a_reference_is_cooperation(text, surface, negated):
    c = cue(text, surface)
    assert (c["modality"] == "negated", bool(c["score"] > 0)) == (negated, negated)


@pytest.mark.parametrize("text, surface, hedge", [
    ("The rebels reportedly attacked the convoy.", "attacked", "hedged"),
    ("The rebels certainly attacked the convoy.", "attacked", "boosted"),
    ("The rebels attacked the convoy.", "attacked", ""),
])
def test_hedges(text, surface, hedge):
    assert cue(text, surface)["hedge"] == hedge


@pytest.mark.parametrize("text, surface, intensity", [
    ("The ministry issued a stern warning.", "warning", 1.3),
    ("The council strongly condemned the shelling.", "condemned", 1.2),
    ("The ministry issued a cautious warning.", "warning", 0.7),
    ("The ministry issued a warning.", "warning", 1.0),
    ("The shelling was condemned strongly.", "condemned", 1.2),
    ("Missiles can hit targets deep inside the country.", "hit targets", 1.0),
])
def test_intensity(text, surface, intensity):
    assert cue(text, surface)["intensity"] == pytest.approx(intensity)


@pytest.mark.parametrize("text", [
    "The weather in the capital was mild and sunny.",
    "The committee published its annual fisheries figures.",
    "She plays the violin in the city orchestra.",
    # non-events: a document's annex, perpetration read as a pledge, a policy area's name
    "The figures are given in the annex to the letter of 8 August.",
    "The crimes were committed by unidentified men.",
    "Banks screen payments for signs of terrorist financing.",
    # names of organisations, and the execution of a mandate
    "The Organization of Islamic Cooperation published its report.",
    "The mission continued the execution of its mandate.",
    # `beating` is matched lower-cased: its lemma `beat` is mostly figurative
    "I always beat him in the election.",
])
def test_negatives_have_no_cues(text):
    assert cues_of(text).query("quad_class != 'statement'").empty


@pytest.mark.parametrize("text, surface, category", [
    ("The minister warned Osterlich of grave consequences.", "warned Osterlich of grave consequences",
     "diplomatic_marker"),
    ("Crossing that red line would be a grave mistake.", "Crossing that red line", "diplomatic_marker"),
    ("They drew a red line around the port.", "red line", "diplomatic_marker"),
    ("The drills rehearsed a tactical nuclear strike.", "tactical nuclear", "nuclear_signal"),
    ("Osterlich struck a deal with the union.", "struck a deal", "diplomatic_cooperation"),
    ("Donors joined the fight against poverty.", "fight against poverty", "statement"),
    # denying an accusation is a denial of responsibility (016), not a rejection (12)
    ("The ministry rejected the accusations.", "rejected the accusations", "statement"),
    ("The ministry rejected the peace plan.", "rejected", "reject"),
    ("The group claimed responsibility for the blast.", "claimed responsibility", "statement"),
    ("Troops destroyed the bridge.", "destroyed", "fight"),  # an attack (19), not seizure (171)
    ("Customs returned the stolen paintings to Italy.", "returned the stolen paintings to", "yield"),
    ("Troops remained on alert near the border.", "on alert", "force_posture"),
    ("The junta outlawed the opposition party.", "outlawed", "coerce"),
])
def test_phrases_and_gaps(text, surface, category):
    assert cue(text, surface)["category"] == category


# --- who toward whom -------------------------------------------------------------------------

def mentions_for(text: str, names: dict[str, str]) -> pd.DataFrame:
    rows = []
    for name, actor in names.items():
        i = text.index(name)
        rows.append({"doc_id": "d", "sent_id": 0, "start": i, "end": i + len(name), "text": name,
                     "actor": actor, "actor_type": "state", "sector": None, "person": None,
                     "metonym": False})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("text, surface, source, target", [
    ("Ruritania warned Osterlich of serious consequences.", "warned Osterlich of serious consequences",
     "RUR", "OST"),
    ("Ruritania will respond accordingly if Osterlich lifts the ban.", "respond accordingly", "RUR", "OST"),
    ("In a letter to Osterlich, Ruritania threatened sanctions.", "threatened sanctions", "RUR", None),
    ("Osterlich accused Ruritania of aggression.", "accused", "OST", "RUR"),
    ("Pressure on Ruritania led to new sanctions.", "sanctions", None, None),  # `on` blocks a subject
    # The clause's subject is its first mention outside a prepositional phrase, not the nearest.
    ("Ruritania's build-up along Osterlich's border is a provocation.", "provocation", "RUR", None),
    ("Ruritania and Osterlich imposed sanctions against Valdonia.", "imposed sanctions", "RUR", "VAL"),
    ("Hamas used Palestinian civilians as human shields.", "human shields", "HAM", None),
    # ... in its own clause: a reported clause keeps its nearest subject.
    ("Ruritania said that Osterlich attacked Valdonia.", "attacked", "OST", "VAL"),
    ("Ruritania said Osterlich had sabotaged the talks.", "sabotaged", "OST", None),
    ("Despite Osterlich's appeals, the talks collapsed.", "talks collapsed", None, None),
    ("Through Osterlich, Ruritania sent aid.", "sent aid", "RUR", None),
])
def test_source_and_target(text, surface, source, target):
    names = {n: n[:3].upper() for n in ("Ruritania", "Osterlich", "Valdonia", "Hamas", "Palestinian")
             if n in text}
    c = cue(text, surface, mentions_for(text, names))
    got = tuple(None if pd.isna(c[k]) else c[k] for k in ("source_actor", "target_actor"))
    assert got == (source, target)


def test_quote_speaker_is_the_source():
    text = "“Osterlich will face consequences,” Ruritania said. Critics called it a “stunt”."
    names = {"Ruritania": "RUR", "Osterlich": "OST"}
    quotes = pd.DataFrame({"doc_id": ["d", "d"], "quote_id": [0, 1], "kind": ["direct", "scare"],
                           "speaker_actor": ["RUR", None],
                           "content_start": [0, text.index("“stunt")],
                           "content_end": [text.index(" Ruritania"), text.index("”.") + 1]})
    _, toks = tokenize_documents(["d"], [text])
    c = esc.find_cues(toks, {"d": text}, mentions=mentions_for(text, names), quotes=quotes)
    row = c[c["text"] == "face consequences"].iloc[0]
    assert row["modality"] in ("reported", "future") and bool(row["reported"])
    assert row["source_actor"] == "RUR"


def test_no_mentions_means_null_actors():
    c = cues_of("Ruritania warned Osterlich.")
    assert c["source_actor"].isna().all() and c["target_actor"].isna().all()


# --- sentence classes ------------------------------------------------------------------------

@pytest.mark.parametrize("text, event_class", [
    ("Troops shelled the town overnight.", "material_conflict"),
    ("The two states signed a peace agreement.", "verbal_cooperation"),
    ("Donors delivered humanitarian aid to the region.", "material_cooperation"),
    ("The ministry accused its neighbour of lying.", "verbal_conflict"),
    ("The spokesman said nothing new.", "statement"),
    ("The orchestra played until midnight.", "none"),
    ("Ruritania is avoiding a direct confrontation.", "verbal_cooperation"),
    # A material act announced or offered, not done, is the verbal act of its side (CAMEO 03, 13).
    ("The rebels said they will release the hostages.", "verbal_cooperation"),
    ("Osterlich is willing to withdraw its troops from the border.", "verbal_cooperation"),
    ("The army will attack the port tomorrow.", "verbal_conflict"),
    ("The rebels released the hostages.", "material_cooperation"),
    ("Officials said the rebels had released the hostages.", "material_cooperation"),
    ("The army completed the planned withdrawal of its troops.", "material_cooperation"),  # not intent
    ("Ruritania annexed the peninsula in March.", "material_conflict"),
    ("Both governments remain committed to the peace talks.", "verbal_cooperation"),
    # yielding (CAMEO 08): undoing a conflict act, releasing, surrendering, resigning
    ("Ruritania lifted its blockade of the port.", "material_cooperation"),
    ("The court lifted the travel ban on the journalist.", "material_cooperation"),
    ("The unions called off the strike on Friday.", "material_cooperation"),
    ("The rebel commander surrendered to the army.", "material_cooperation"),
    ("The president resigned on Thursday.", "material_cooperation"),
    ("The authorities freed three activists.", "material_cooperation"),
    ("The port remained under a blockade.", "material_conflict"),
    ("Free and fair elections were held.", "none"),
    # failing or declining to act negates the act
    ("The two parties failed to reach an agreement.", "verbal_conflict"),
    ("The envoy declined to comment.", "statement"),
    # not doing a cooperative act is a refusal (CAMEO 12), not doing a hostile one stays material
    ("Ruritania will not lift the embargo.", "verbal_conflict"),
    ("The rebels will not release the hostages.", "verbal_conflict"),
    # a claim or denial of responsibility is the event of the sentence that names the act
    ("The group claimed responsibility for the attack on the convoy.", "statement"),
    ("The ministry rejected accusations of genocide.", "statement"),
    ("Osterlich accused Ruritania of genocide.", "verbal_conflict"),
    ("The rebels claimed that they had attacked the convoy.", "statement"),
    ("Kyiv claimed that Russian troops had attacked the convoy.", "material_conflict"),
    # countering terrorism is security cooperation (06), not a terrorist act
    ("Regional bodies joined the fight against terrorism.", "material_cooperation"),
    ("The unit was set up to counter the financing of terrorism.", "material_cooperation"),
    ("A terrorist attack killed four people.", "material_conflict"),
    # undoing or failing cooperation (CAMEO 12, 16), and its negative case
    ("The prime minister cancelled a planned visit to Washington.", "verbal_conflict"),
    ("Washington reduced military aid to the army.", "verbal_conflict"),
    ("Moscow derailed the negotiations.", "verbal_conflict"),
    ("The talks have reached a dead end.", "verbal_conflict"),
    ("There is no room for compromise.", "verbal_conflict"),
    ("The talks resumed on Monday.", "verbal_cooperation"),
    ("The two foreign ministers met in Geneva.", "verbal_cooperation"),  # `met` has the lemma `meet`
    pytest.param("The UN withdrew peacekeepers from the buffer zone.", "material_conflict",
                 marks=pytest.mark.skipif(not resources.available("wordnet"), reason=(
                     "without WordNet, LemmInflect's dictionary has no 'peacekeepers', so its "
                     "lemma stays plural and 'withdraw ... peacekeeper' is not matched (a documented "
                     "degradation of the data-free lemmas)"))),
    # UN register (QuadClass tune half): carrying out measures, counter-terrorism, calls for action
    ("Most States have implemented the measures.", "material_cooperation"),
    ("The implementation of the road map has begun.", "material_cooperation"),
    ("Seven States have adopted counter-terrorism legislation.", "material_cooperation"),
    ("The Council reaffirms the need to combat terrorism by all means.", "verbal_cooperation"),
    ("There is a need for more steps to criminalize recruitment.", "verbal_cooperation"),
    ("The Security Council stresses the importance of a political settlement.", "verbal_cooperation"),
    # negative: a need fulfilled is no call for action, the plural noun no cue
    ("The programme meets the needs of refugees.", "statement"),
    ("Humanitarian needs remain high.", "none"),
    ("There is no need to expect a reply from either side.", "none"),
    # material acts of UN reports (QuadClass tune half), and their figurative or other senses
    ("Two vehicles were burned.", "material_conflict"),
    ("Soldiers fired on the crowd.", "material_conflict"),
    ("The rebels pillaged the market.", "material_conflict"),
    ("The attackers damaged the gate.", "material_conflict"),
    ("The forced displacement of the population was systematic.", "material_conflict"),
    ("The Team worked closely with the Government.", "material_cooperation"),
    ("The president fired the minister.", "none"),
    ("The burning issue is debt.", "none"),
    ("Displaced persons returned home.", "none"),
    # the closing formula of resolutions is no seizure; a seizure is
    ("The Council remains seized of the matter.", "statement"),
    ("Police seized two tonnes of cocaine.", "material_conflict"),
    # warnings that are not threats
    ("Ruritania warned Osterlich against joining the alliance.", "verbal_cooperation"),
    ("Ruritania warned Osterlich not to interfere.", "verbal_conflict"),
    ("Ruritania warned Osterlich of grave consequences.", "verbal_conflict"),
    # material cooperation the lexicon missed
    ("Croatia opened its borders to refugees.", "material_cooperation"),
    ("The ministry shared evidence with its counterparts.", "material_cooperation"),
    ("Ecuador granted political asylum to the journalist.", "material_cooperation"),
    # an appeal for a conflict act is a demand (verbal conflict); for its end, an appeal
    ("The EU called for sanctions against the regime.", "verbal_conflict"),
    ("The council called for an end to the violence.", "verbal_cooperation"),
    ("The council called on the parties to resume the talks.", "verbal_cooperation"),
    # non-events (issue 17, pattern 4): a background setting, attribution, fulfilment
    ("Children in armed conflict need protection.", "statement"),
    ("The war in Ukraine entered its third year.", "statement"),
    ("According to the ministry, the talks resumed.", "verbal_cooperation"),
    ("The plan meets the needs of the refugees.", "statement"),
    # practical cooperation is material (06); acts of violence the lexicon missed
    ("Police cooperation between the two states improved.", "material_cooperation"),
    ("Regime warplanes carried out five airstrikes on the town.", "material_conflict"),
    ("Many detainees were summarily executed.", "material_conflict"),
    ("Militiamen burned several villages.", "material_conflict"),
    # a document's annex and procedure are no acts; annexing territory and opening an inquiry are
    ("The strength of the force is given in the table (see annex).", "none"),
    ("Moscow plans to annex the region.", "verbal_conflict"),
    ("The meeting was called to order at 10.15 a.m.", "statement"),
    ("Investigations and prosecutions must be impartial.", "material_cooperation"),
    ("Prosecutors opened an investigation into the bank.", "verbal_conflict"),
    # conflict prevention is a cooperative programme; the verb still negates the act after it
    ("The office works on conflict prevention in the region.", "material_cooperation"),
    ("Police prevented an attack on the embassy.", "material_cooperation"),
    # support in kind is aid (07); speaking or voting for a cause is verbal support (051)
    ("UNDP runs programmes in support of peacebuilding.", "material_cooperation"),
    ("The agency gave technical and legal support to the ministry.", "material_cooperation"),
    ("We have always spoken out in support of such causes.", "verbal_cooperation"),
    ("The council reiterated its support for the envoy.", "verbal_cooperation"),
    # countering a danger the lexicon names as a reference is cooperation against it;
    # countering an act stays conflict
    ("States must step up their efforts to tackle piracy.", "material_cooperation"),
    ("The navies agreed on the suppression of piracy.", "verbal_cooperation"),
    ("The plan aims at the eradication of violence.", "material_cooperation"),
    ("Terrorism remains a scourge.", "material_conflict"),
    ("The army moved to counter the attack on the town.", "material_conflict"),
    # a refusal spelled with its negator; a ban; force posture and peacekeeping deployments
    ("Hungary says it will not accept the proposal.", "verbal_conflict"),
    ("Ruritania won't accept any more refugees.", "verbal_conflict"),
    ("The court banned the opposition newspaper.", "material_conflict"),
    ("The court lifted the ban on the newspaper.", "material_cooperation"),
    ("The European Union deployed election observers in the country.", "material_cooperation"),
    ("Russia deployed troops along the border.", "material_conflict"),
    ("Russian troops are deployed in the east of the country.", "material_conflict"),
    ("The government ramped up its military deployments in the region.", "material_conflict"),
    ("Russia plans the deployment of missiles near the border.", "material_conflict"),
    ("The weapons were impounded by the coast guard.", "material_conflict"),
    ("The army fired mortars at the village.", "material_conflict"),
    # recognition, joint exercises, cyber warfare, cutting aid, a curfew extended, donations
    ("Ruritania has established diplomatic relations with Osterlich.", "verbal_cooperation"),
    ("The two states will exchange ambassadors next year.", "verbal_cooperation"),
    ("The two navies began a joint military exercise.", "material_cooperation"),
    ("The navy began a military exercise near the strait.", "material_conflict"),
    ("The allies held joint military exercises against the North.", "material_conflict"),
    ("China deployed an aircraft carrier into the strait.", "material_conflict"),
    ("Chemical weapons were deployed by the regime.", "material_conflict"),
    ("The state deployed doctors and nurses to the hospitals.", "material_cooperation"),
    ("Osterlich has launched cyber warfare against Ruritania.", "material_conflict"),
    ("Denmark announced a suspension of aid to the government.", "material_conflict"),
    ("The government extended the curfew in the capital.", "material_conflict"),
    ("The government will extend the curfew in the capital.", "verbal_conflict"),
    ("Donations reached the flood victims.", "material_cooperation"),
    # martial law and sieges; sanctions and curbs lifted; aid handed over
    ("The president declared a state of siege in the province.", "material_conflict"),
    ("Sanctions against the country were lifted in January.", "material_cooperation"),
    ("Japan lifted travel curbs on its neighbour.", "material_cooperation"),
    ("The embassy handed over medical equipment to the ministry.", "material_cooperation"),
    # an act one is willing or offers to do is an intent (CAMEO 03)
    ("Ruritania is willing to withdraw its troops from the border.", "verbal_cooperation"),
    ("Ruritania withdrew its troops from the border.", "material_cooperation"),
])
def test_event_class(text, event_class):
    s, toks = tokenize_documents(["d"], [text])
    table = esc.sentence_table(esc.find_cues(toks, {"d": text}), s)
    assert table["event_class"].tolist() == [event_class]


# A reference (a weapon, a kind of actor, a phenomenon named) gives way to the sentence's act,
# wherever it stands; it decides only when the sentence has no act.
@pytest.mark.parametrize("text, event_class, top_cue", [
    ("The attackers were denounced by the government.", "verbal_conflict", "denounce"),
    ("Terrorists were condemned by the Council.", "verbal_conflict", "condemn"),
    ("Efforts against armed groups have our full support.", "verbal_cooperation", "support"),
    ("The threat of terrorism requires close cooperation.", "material_cooperation", "cooperation"),
    ("Violence against women was discussed at the meeting.", "verbal_cooperation", "meet"),
    ("Our allies condemned the missile strike.", "verbal_conflict", "condemn"),
    ("Rockets were fired at the town.", "material_conflict", "fire at"),
    ("Peacekeepers were attacked near the border.", "material_conflict", "attack"),
    # no act: the reference decides, as before
    ("Terrorism remains a scourge.", "material_conflict", "terrorism"),
    ("Armed groups are present in the north.", "material_conflict", "armed group"),
    ("Their nuclear arsenal is large.", "verbal_conflict", "nuclear arsenal"),
    # an act first keeps its place before a later reference
    ("Troops attacked the town with rockets.", "material_conflict", "attack"),
])
def test_first_act_outranks_a_reference(text, event_class, top_cue):
    s, toks = tokenize_documents(["d"], [text])
    row = esc.sentence_table(esc.find_cues(toks, {"d": text}), s).iloc[0]
    assert (row["event_class"], row["top_cue"]) == (event_class, top_cue)


def test_event_rule_first_takes_the_main_predicate():
    text = "The council called on all states to fight terrorism."
    s, toks = tokenize_documents(["d"], [text])
    cues = esc.find_cues(toks, {"d": text})
    assert esc.sentence_table(cues, s, event_rule="first")["event_class"].iloc[0] == "verbal_cooperation"
    with pytest.raises(ValueError, match="event_rule"):
        esc.sentence_table(cues, s, event_rule="loudest")


# --- pipeline and aggregates -----------------------------------------------------------------

@pytest.fixture(scope="module")
def small_analysis():
    import toolkit

    df = pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "text": ["Ruritania threatened Osterlich. Troops attacked the border.",
                 "Ruritania shelled the port. The <b>talks</b> failed.",
                 "The two states signed a peace agreement.",
                 "Donors delivered humanitarian aid."],
        "date": ["2014-03-01", "2014-06-01", "2015-01-01", "2015-02-01"]})
    return toolkit.analyze(df, annotators=["escalation"], workers=1)


def test_tables_and_offsets(small_analysis):
    a = small_analysis
    texts = a.texts()
    for name in ("escalation", "sentence_escalation"):
        t = a[name]
        assert len(t)
        assert all(texts[d][s:e] == x for d, s, e, x in zip(t["doc_id"], t["start"], t["end"], t["text"]))
    assert set(a["sentence_escalation"]["event_class"]) <= set(esc.EVENT_CLASSES)
    assert (a["escalation"]["source"] == lexicon.load("escalation").tag).all()
    assert a["escalation"]["cameo"].map(type).eq(str).all()
    assert len(a["sentence_escalation"]) == len(a["sentences"])


def test_timeseries_intervals_bracket_the_index(small_analysis):
    ts = esc.timeseries(small_analysis, n_boot=200)
    assert ts["period"].tolist() == [2014, 2015]
    assert ts.loc[0, "index"] > 0 > ts.loc[1, "index"]  # conflict in 2014, cooperation in 2015
    assert (ts["ci_low"] <= ts["index"] + 1e-9).all() and (ts["index"] <= ts["ci_high"] + 1e-9).all()


def test_document_index_and_evidence(small_analysis):
    di = esc.document_index(small_analysis).set_index("doc_id")
    assert di.loc["b", "index"] > 0 > di.loc["c", "index"]
    ev = esc.evidence(small_analysis, year=2014)
    assert ev["score"].is_monotonic_increasing and ev["sentence"].notna().all()


def test_events_export(small_analysis, tmp_path):
    ev = esc.events(small_analysis)
    assert {"date", "source", "target", "code", "goldstein", "evidence"} <= set(ev.columns)
    assert ev["date"].str.fullmatch(r"\d{8}").all()
    path = tmp_path / "events.tsv"
    esc.write_events(ev, path)
    back = pd.read_csv(path, sep="\t", dtype={"code": str})
    assert back["code"].tolist() == ev["code"].tolist()


def test_dyads_with_speaker_column():
    import toolkit

    df = pd.DataFrame({"text": ["We condemn the aggression.", "We welcome the talks."],
                       "country": ["RUR", "OST"], "date": ["2014-01-01", "2014-01-01"]})
    a = toolkit.analyze(df, annotators=["escalation"], workers=1)
    # No actors table: targets stay null, so no dyads, even with the speaker filling sources.
    assert esc.dyad_index(a, speaker_column="country").empty
    with pytest.raises(ValueError, match="documents column"):
        esc.dyad_index(a, speaker_column="nation")


def test_highlight_escapes_html(small_analysis):
    a = small_analysis
    text = a.texts()["b"]
    from toolkit import show  # the evidence view lives with the other views

    out = show.escalation(text, a["escalation"].query("doc_id == 'b'"))
    assert "<b>talks</b>" not in out and "&lt;b&gt;" in out and 'class="tk-span' in out


# --- real text -------------------------------------------------------------------------------

@pytest.mark.slow
def test_offsets_on_real_text(ungdc_slice):
    import toolkit

    docs = ungdc_slice.documents.head(3)
    a = toolkit.analyze(docs, annotators=["escalation"], workers=1)
    t, texts = a["escalation"], a.texts()
    assert len(t) > 50
    assert all(texts[d][s:e] == x for d, s, e, x in zip(t["doc_id"], t["start"], t["end"], t["text"]))


# --- the seed article ------------------------------------------------------------------------

def _seed_sentence(analysis, *words: str) -> int:
    s = analysis["sentences"]
    hit = s[s["text"].apply(lambda x: all(w in x for w in words))]
    assert len(hit) >= 1, f"no seed sentence with {words}"
    return int(hit["sent_id"].iloc[0])


def test_seed_conditional_threat(seed_analysis):
    e = seed_analysis["escalation"]
    sid = _seed_sentence(seed_analysis, "Kremlin", "accordingly")
    row = e[(e["sent_id"] == sid) & (e["cue"] == "respond ... accordingly")].iloc[0]
    assert row["modality"] == "conditional" and row["quad_class"] == "verbal_conflict" and row["score"] < 0
    warning = e[(e["sent_id"] == sid) & (e["cue"] == "warn")].iloc[0]
    assert warning["intensity"] > 1  # stern


def test_seed_negated_direct_conflict(seed_analysis):
    e = seed_analysis["escalation"]
    row = e[e["cue"] == "direct conflict"].iloc[0]
    assert row["modality"] == "negated" and row["score"] > 0


def test_seed_force_posture_context(seed_analysis):
    e = seed_analysis["escalation"]
    sid = _seed_sentence(seed_analysis, "ATACMS", "kilometers")
    assert (e[e["sent_id"] == sid]["category"] == "force_posture").sum() >= 2


def test_seed_offsets(seed_analysis):
    t, texts = seed_analysis["escalation"], seed_analysis.texts()
    assert all(texts[d][s:e] == x for d, s, e, x in zip(t["doc_id"], t["start"], t["end"], t["text"]))


needs_actors = pytest.mark.skipif(importlib.util.find_spec("toolkit.actors") is None,
                                  reason="toolkit.actors not merged yet: actor expectations need mentions")


@needs_actors
def test_seed_dyads_with_actors(seed_analysis):
    e = seed_analysis["escalation"]
    sid = _seed_sentence(seed_analysis, "Kremlin", "accordingly")
    row = e[(e["sent_id"] == sid) & (e["cue"] == "respond ... accordingly")].iloc[0]
    assert (row["source_actor"], row["target_actor"]) == ("RUS", "USA")
    sid = _seed_sentence(seed_analysis, "Blinken", "warned")
    row = e[(e["sent_id"] == sid) & (e["cue"] == "warn")].iloc[0]
    assert row["quad_class"] == "verbal_conflict" and bool(row["reported"])
    assert (row["source_actor"], row["target_actor"]) == ("USA", "RUS")


# --- validation ------------------------------------------------------------------------------

@pytest.mark.slow
def test_validation_runs_with_baselines():
    from conftest import need_shared

    from toolkit.validation.escalation import evaluate

    res = evaluate(need_shared("eval-dev"), n_boot=0, limit=80)
    by = {r.measure: r for r in res}
    assert {"escalation.quadclass", "escalation.pentaclass", "escalation.unscon_negeval"} <= set(by)
    for name in ("escalation.quadclass", "escalation.pentaclass", "escalation.unscon_negeval"):
        assert {"toolkit", "vader", "bow_lr_cross", "bow_lr_cv"} <= set(by[name].scores["system"])
        assert by[name].n == 80
    if "escalation.unscon_target" in by:
        assert {"toolkit", "first_other_state"} <= set(by["escalation.unscon_target"].scores["system"])


@pytest.mark.slow
def test_notebook_figures_on_the_sample():
    """4.0 in the shared report build (tests/report_runs.py) writes the ladder and the dyads."""
    from report_runs import built

    out, run = built("sample")
    assert {r["name"]: r["status"] for r in run["notebooks"]}["4.0-escalation"] == "ok"
    assert {"4.1-escalation-ladder.png", "4.2-escalation-by-dyad.png"} <= {p.name for p in (out / "figures").glob("4.*")}
    assert (out / "tables" / "4.2-escalation-by-dyad.csv").exists()


def test_offsets_hold_for_any_text():
    """Property: whatever the text, every cue row slices back out of it (hypothesis)."""
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    words = st.sampled_from(["Ruritania", "will", "not", "respond", "accordingly", "if", "“", "”",
                             "stern", "warning", "attack", "?", ",", "talks", "red", "line", "...",
                             "\n\n", "Mr.", "sanctions", "could", "avoid", "direct", "conflict"])

    @hypothesis.settings(max_examples=15, deadline=None)
    @hypothesis.given(st.lists(words, max_size=30).map(" ".join))
    def check(text):
        s, toks = tokenize_documents(["d"], [text])
        c = esc.find_cues(toks, {"d": text})
        assert all(text[a:b] == x for a, b, x in zip(c["start"], c["end"], c["text"]))
        table = esc.sentence_table(c, s)
        assert len(table) == len(s) and set(table["event_class"]) <= set(esc.EVENT_CLASSES)

    check()


def test_indices_read_the_events_table_and_count_alleged_acts_apart():
    """With an events table, dyads come from events (passive voice already resolved there),
    and an act a claimant alleges is counted only when asked for."""
    text = "Moscow said Kyiv had attacked the convoy. Ukrainian towns were shelled by Russian artillery."
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})

    def ev(a, b, src, tgt, cameo, quad, fact):
        return {"doc_id": "d", "sent_id": 0, "start": a, "end": b, "text": text[a:b],
                "source_actor": src, "target_actor": tgt, "cameo": cameo, "quad_class": quad,
                "factuality": fact, "cue": text[a:b], "cue_start": a, "cue_end": b}

    i, j = text.index("said"), text.index("attacked")
    k = text.index("shelled")
    events = pd.DataFrame([ev(i, i + 4, "RUS", "UKR", "112", "verbal_conflict", "asserted"),
                           ev(j, j + 8, "UKR", None, "190", "material_conflict", "alleged"),
                           ev(k, k + 7, "RUS", "UKR", "195", "material_conflict", "asserted"),
                           # a main predicate no lexicon entry codes: structure, not an event
                           {**ev(k, k + 7, "RUS", "UKR", None, None, "asserted"), "act": "unclassified"}])
    events["act"] = events["act"].fillna("attack")
    for _, row in events.iterrows():
        assert text[row["start"]:row["end"]] == row["text"]
    tables = {"documents": docs, "events": events, "escalation": pd.DataFrame()}
    asserted = esc.dyad_index(tables)
    assert asserted["dyad"].tolist() == ["RUS→UKR"] and asserted["n_cues"].tolist() == [2]
    both = esc._cues_with_docs(tables, alleged=True)
    assert len(both) == 3 and both["reported"].tolist() == [False, True, False]
    assert (both["score"] < 0).all()


@pytest.mark.parametrize("text, meeting", [
    # `met` that is no meeting: encountered resistance, a passive, a need or goal fulfilled
    ("They met resistance from the army.", False),
    ("The humanitarian needs were met.", False),
    ("The proposal has been met by strong opposition.", False),
    ("The government met its targets for the year.", False),
    # negative: a party met, "met with", "met to discuss" stay meetings (CAMEO 040)
    ("Putin met Erdogan in Ankara.", True),
    ("The ministers met with their counterparts.", True),
    ("They met to discuss the crisis.", True),
    # the lemma of `met` is `meet`: the present and the past are one set of rows
    ("Any such move is bound to meet the strong opposition of the people.", False),
    ("The costs must be met by the donors.", False),
    ("The Council is meeting in closed session today.", True),
    ("The envoys will meet by the end of the month.", True),
])
def test_met_is_a_meeting_only_with_a_party(text, meeting):
    assert ("040" in cues_of(text)["cameo"].tolist()) == meeting


@pytest.mark.parametrize("text", ["Putin met Erdogan in Ankara.", "Putin meets Erdogan in Ankara."])
def test_met_and_meet_are_one_entry(text):
    assert cues_of(text)["cue"].tolist() == ["meet"]


@pytest.mark.parametrize("file_id, speaker", [
    ("UNSC_2014_SPV.7219_spch006_United_States_Of_America_05.txt", "United States Of America"),
    ("UNSC_2014_SPV.7154_spch021_Russian_Federation2_07_GD.txt", "Russian Federation"),
    ("UNSC_2014_SPV.7154_spch006_United_States_Of_AmericaA_01_GD.txt", "United States Of America"),
    ("UNSC_2014_SPV.7219_spch025_Indonesia_neg%2000.txt", "Indonesia"),
    ("UNSC_2014_SPV.7138_spch007_Lithuania_pos_01.txt", "Lithuania"),
    ("UNSC_2016_SPV.7643_spch006_Venezuela_(Bolivarian_Republic_Of)_00.txt",
     "Venezuela (Bolivarian Republic Of)"),
    ("not a speech file", ""),
])
def test_unscon_speaker_comes_from_the_file_name(file_id, speaker):
    """The set's `country` column is not the speaker; the file name is (shared README)."""
    from toolkit.validation.escalation import unscon_speaker

    assert unscon_speaker(file_id) == speaker


@pytest.mark.parametrize("text, decided_by_reference", [
    # escalation 1.21.0: `threat of terrorism` names a danger (a statement), so terrorism alone decides
    ("Terrorism remains high in the region.", True),
    ("Armed groups are present in the east.", True),
    ("Rebels attacked the town.", False),
    ("We condemn the terrorist attack.", False),
    ("The meeting is on Monday.", False),
])
def test_negative_evaluation_needs_an_act(text, decided_by_reference):
    """UNSCon reading: a sentence whose class only a reference decides evaluates no party."""
    from toolkit.validation.escalation import toolkit_classes

    with_refs = toolkit_classes([text], rules=("first",))[0]["first"][0]
    acts_only = toolkit_classes([text], rules=("first",), references_decide=False)[0]["first"][0]
    assert (acts_only == "statement" and with_refs != "statement") == decided_by_reference
    if not decided_by_reference:
        assert acts_only == with_refs


@pytest.mark.parametrize("text, speaker, gold, right", [
    ("We condemn Russia for its aggression against Ukraine.", "United Kingdom", "russian_federation", True),
    ("Russia's build-up along Ukraine's border is a provocation.", "Australia", "russian_federation", True),
    ("We call on Russia to withdraw its troops from Ukraine.", "Lithuania", "russian_federation", True),
    ("Moscow said that Kyiv had shelled Donetsk.", "Russian Federation", "ukraine", True),
    # no party named: nothing to find
    ("No one believed it then, and we do not believe it today.", "France", "russian_federation", False),
])
def test_unscon_target_reads_the_criticised_party(text, speaker, gold, right):
    from toolkit.validation.escalation import NEG, evaluate_targets

    items = pd.DataFrame({"text": [text], "label": [NEG], "speaker": [speaker], "target": [gold],
                          "speech": ["s"]})
    res = evaluate_targets(items, n_boot=0)
    assert res is not None and (len(res.errors) == 0) == right
