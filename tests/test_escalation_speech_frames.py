"""Speech verbs that perform the act of their reported clause (escalation.speech_frames) and
cues that open with a degree adverb (``firmly oppose``): constructed wire sentences with
invented names, each mechanism with near-misses where it must not fire."""
from __future__ import annotations

import pytest

from toolkit.escalation import find_cues
from toolkit.tokenize import tokenize_documents


def _cues(text):
    _, toks = tokenize_documents(["d"], [text])
    c = find_cues(toks, {"d": text})
    assert all(text[a:b] == t for a, b, t in zip(c.start, c.end, c.text))
    return c


def _speech(text):
    c = _cues(text)
    return [(r.text, r.cameo) for r in c.itertuples() if r.cue in ("say", "tell", "add")]


@pytest.mark.parametrize("text, expected", [
    # evaluative predicate after a copula: the speech is a criticism (CAMEO 111 / 110)
    ("Tarsk said the raids on its fishing fleet were unacceptable.", [("said", "111")]),
    ("The Velmar ministry said Orsk's decision was totally illegal.", [("said", "111")]),
    ("The new levies are illegal, the Brisna trade minister said.", [("said", "111")]),
    ('The Velmar embassy said the expulsion was "unfriendly" and promised a response.', [("said", "111")]),
    # modal frames: another party should / ought to / must act
    ("Orsk should consider reviving talks with Tarsk, the Velmar foreign minister said.", [("said", "020")]),
    ("Brisna ought to release the detained fishermen, the Kaldorian envoy said.", [("said", "020")]),
    # the speech verb first: the modal of its reported clause (the events step aims the appeal
    # or demand at the obliged party, as it aimed the statement)
    ("The Kaldorian envoy said Brisna ought to release the detained fishermen.", [("said", "020")]),
    ("The Orsk president said Velmar must withdraw its troops from the border.", [("said", "100")]),
    ("Tarsk added that Kessland should resume talks on the dam.", [("added", "020")]),
    ("Velmar must withdraw its troops from the border, the Orsk president said.", [("said", "100")]),
    # near-misses: stay plain statements
    ("The Kaldorian navy said the tanker had been transferring fuel illegally.", [("said", "010")]),
    ("Brisna said the weather should improve by Friday.", [("said", "010")]),
    ("We must resume talks with Orsk, the Velmar president said.", [("said", "010")]),
    ("Velmar should receive the first grain shipment next week, port officials said.", [("said", "010")]),
    ("It should be possible to reopen the crossing, Tarsk said.", [("said", "010")]),
    # ... and with the speech verb first: own side, no party, an epistemic modal, no act after it
    ("Norland said it must protect its fishing grounds.", [("said", "010")]),
    ("Norland said we must resume talks with Orsk.", [("said", "010")]),
    ("Velmar said the talks should take place in Orsk.", [("said", "010")]),
    ("Tarsk said the treaty must be ratified soon.", [("said", "010")]),
    ("Kessland said Orsk should receive the first grain shipment next week.", [("said", "010")]),
    ("Orsk said the illegal fishing had stopped.", [("said", "010")]),
])
def test_speech_takes_the_act_of_its_frame(text, expected):
    assert _speech(text) == expected


def test_framed_speech_adds_no_weight():
    c = _cues("Tarsk said the raids on its fishing fleet were unacceptable.")
    said = c[c["cue"] == "say"].iloc[0]
    assert (said["category"], said["weight"], said["score"]) == ("disapprove", 0.0, 0.0)
    assert c[c["cue"] == "unacceptable"]["weight"].tolist() == [-2.0]


@pytest.mark.parametrize("text, expected", [
    ("Tarsk firmly opposes any deployment of Velmar troops.", [("opposes", "firmly oppose")]),
    ("Kaldoria strongly opposed the Brisna proposal on Monday.", [("opposed", "strongly oppose")]),
])
def test_adverb_initial_cue_starts_at_its_verb(text, expected):
    c = _cues(text)
    assert [(r.text, r.cue) for r in c.itertuples() if r.category == "reject"] == expected


def test_adjective_initial_cue_keeps_its_span():
    c = _cues("Orsk said there would be serious consequences for Velmar.")
    assert ("serious consequences", "serious consequence") in list(zip(c["text"], c["cue"]))


@pytest.mark.parametrize("text, expected", [
    # a condition judged for someone, or a condition noun, is no criticism of conduct
    ("Velmar said the risk was unacceptable to shareholders.", [("said", "010")]),
    ("Orsk's central bank said the lira's slide was unacceptable for exporters.", [("said", "010")]),
    ("Tarsk said unemployment was unacceptable.", [("said", "010")]),
    ("Kessland said the cost of fuel was unacceptable to drivers.", [("said", "010")]),
    ("Norland said the rise in bread prices was unacceptable.", [("said", "010")]),
    # a progressive verb after the copula is the subject's act, not an evaluation
    ("Norland said Orsk was provoking a conflict.", [("said", "010")]),
    # acts and conduct stay criticisms, also with an experiencer when the act is a cue
    ("Velmar said the shelling of its villages was unacceptable.", [("said", "111")]),
    ("Velmar said the bombing of the hospital was unacceptable to the whole world.", [("said", "111")]),
    ("Kessland said the verdict against the journalist was unacceptable.", [("said", "111")]),
    ("The seizure of the tanker is an outrage, Kessland said.", [("said", "111")]),
    ("What happened at the border is a disgrace, Norland said.", [("said", "111")]),
])
def test_evaluation_needs_an_act_or_conduct(text, expected):
    assert _speech(text) == expected


def test_accusation_of_another_party_is_not_downgraded():
    # the evaluated clause holds another party's conflict act: the events step accuses it
    import pandas as pd
    import toolkit
    texts = ["Peru said the Bolivian border closure was disappointing.",
             "Kenya said the Ugandan raid was a violation of its sovereignty.",
             "Spain said the bombardment of the port was a disgrace."]
    a = toolkit.analyze(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": texts}),
                        annotators=["actors", "escalation"], workers=1, cache=False, progress=False)
    es = a["escalation"]
    said = es[es.cue == "say"].set_index("doc_id")["cameo"].to_dict()
    assert said == {"a": "010", "b": "010", "c": "111"}


@pytest.mark.skipif(not all(__import__("toolkit.resources", fromlist=["x"]).available(r) for r in
                           ("punkt_tab", "averaged_perceptron_tagger_eng", "wordnet")),
                    reason="the events table's agents and targets need NLTK's Punkt, tagger and WordNet data")
@pytest.mark.parametrize("text, expected", [
    ("Lesotho's foreign minister said Eswatini must withdraw its troops from the border.",
     ("LSO", "demand", "SWZ")),
    ("Suriname said Guyana should lift the blockade on fuel shipments.", ("SUR", "appeal", "GUY")),
])
def test_speech_first_modal_frame_is_aimed_at_the_obliged_party(text, expected):
    # the events table: the speaker's demand or appeal has the reported subject as its target
    import pandas as pd
    import toolkit
    a = toolkit.analyze(pd.DataFrame({"doc_id": ["d"], "text": [text]}), annotators=["events"],
                        workers=1, cache=False, progress=False)
    got = [tuple(r) for r in a["events"][["source_actor", "act", "target_actor"]].itertuples(index=False)]
    assert expected in got, got


def _said_codes(texts):
    import pandas as pd
    import toolkit
    a = toolkit.analyze(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}),
                        annotators=["escalation"], workers=1, cache=False, progress=False)
    es = a["escalation"]
    said = es[es["cue"] == "say"]
    return dict(zip(said["doc_id"], zip(said["cameo"], said["weight"])))


def test_speech_announcing_the_speakers_own_conflict_act_is_a_threat():
    # speech_frames.announced (CAMEO 13): the speaker's own actor, a future or hypothetical
    # modal before a material conflict act, the condition word after it
    got = _said_codes([
        "Ghana's president said Ghana would impose tariffs on Togolese goods if Lome raised its levies.",
        "Bolivia said it would expel Peruvian diplomats unless Lima apologised.",
        "Mongolia's defence ministry said Mongolia will deploy troops to the border if China moves.",
        "Malaysia said it would seize any Indonesian trawler that entered its waters unless Jakarta acted.",
    ])
    assert got == {f"d{i}": ("130", 0.0) for i in range(4)}, got


@pytest.mark.parametrize("text", [
    "Ghana said Togo would impose tariffs on its goods.",            # another party's act
    "Bolivia said it would not expel Peruvian diplomats.",           # negated
    "Malaysia said it had seized an Indonesian trawler.",            # done, not announced
    "Malaysia said it would seize any Indonesian trawler in its waters.",  # announced, no condition
    "Eritrea said it had no intention of going to war if talks failed.",   # a denied intent
    "Sudan has not said it would expel Chadian envoys if the raids go on.",  # the speech negated
    "Oman said it would send aid to Yemen if the fighting stopped.",  # the act is in the condition
    "Oman said it would consider sanctions on Yemen?",               # asked
])
def test_near_misses_of_the_announced_threat_stay_statements(text):
    assert _said_codes([text]) == {"d0": ("010", 0.0)}


@pytest.mark.parametrize("text", [
    # an adversarial review (rev13): the conflict cue is the object of another verb the modal
    # governs, so the announcement is a conditional promise, no threat
    "Norway said it would release frozen funds if Malawi met its reform conditions.",
    "Chile said it would unfreeze Bolivian assets if La Paz paid its debts.",
])
def test_conditional_promise_naming_a_conflict_noun_is_no_threat(text):
    assert _said_codes([text]) == {"d0": ("010", 0.0)}


def test_announced_threat_allows_auxiliaries_after_the_modal():
    # the modal's own verb, after an adverb or "be forced to", is still the announced act
    got = _said_codes(["Latvia said it would then expel Belarusian diplomats if Minsk refused.",
                       "Ecuador said it is going to close the crossings if Colombian troops stay."])
    assert got == {"d0": ("130", 0.0), "d1": ("130", 0.0)}, got


@pytest.mark.parametrize("text", [
    # (rev13 review) the speaker's own name after the speech verb is its own side, as "it" is
    "Norway said Norway must not extradite anyone for political reasons.",
    "Chile's president said Chile must protect its lithium reserves.",
])
def test_speakers_own_name_after_the_speech_verb_is_no_demand(text):
    assert _said_codes([text]) == {"d0": ("010", 0.0)}


def test_another_partys_name_after_the_speech_verb_is_still_a_demand():
    assert _said_codes(["Norway said Denmark must return the seized trawler."]) == {"d0": ("100", 0.0)}
