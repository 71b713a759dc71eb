"""Escalation 1.28.0: calls to end a conflict act (modality ``cessation``), a negator that
cancels a negating verb, senses of `concern` that express none, and wire-copy act vocabulary.
Constructed sentences with invented states and people (none is a dev-set item)."""
from __future__ import annotations

import pytest

from test_escalation import cue, cues_of
from test_events import NEEDS_TAGGER, run
from toolkit import escalation as esc
from toolkit.tokenize import tokenize_documents


def sentence_class(text: str) -> str:
    """The ``event_class`` of a one-sentence text."""
    s, toks = tokenize_documents(["d"], [text])
    return esc.sentence_table(esc.find_cues(toks, {"d": text}), s)["event_class"].tolist()[0]


# --- cessation: the end of a conflict act called for is a demand on its doer -------------------

@pytest.mark.parametrize("text, surface", [
    ("The Lirean envoy called on Osmark to stop its bombardment of the harbour.", "bombardment"),
    ("Osmark must stop destabilizing the coastal provinces.", "destabilizing"),
    ("It is time for Pellas to cease its raids on the fishing villages.", "raids"),
    ("Delegates demanded an end to the shelling of Varne.", "shelling"),
    ("The minister told Corvath to end its occupation of the valley.", "occupation"),
])
def test_called_for_end_of_a_conflict_act_is_cessation(text, surface):
    assert cue(text, surface)["modality"] == "cessation"


@pytest.mark.parametrize("text", [
    "Osmark must stop destabilizing the coastal provinces.",
    "The Lirean envoy called on Osmark to stop its bombardment of the harbour.",
    "Delegates demanded an end to the shelling of Varne.",
])
def test_cessation_sentence_is_verbal_conflict(text):
    assert sentence_class(text) == "verbal_conflict"


@pytest.mark.parametrize("text, surface, modality, event_class", [
    # done, not called for: a yield (the past form stays a negated act; `end` is no negating
    # verb, `end in war`, so the past `ended` leaves the act as it was)
    ("Pellas rebels stopped their raids after the truce.", "raids", "negated", "material_cooperation"),
    ("Corvath ended its occupation of the valley in May.", "occupation", "asserted", None),
    # a danger named, no one's act: ending it is an appeal for peace
    ("The council called for an end to the violence in Varne.", "violence", "negated", "verbal_cooperation"),
    # refraining is no cessation of an act under way
    ("The envoy urged both armies to refrain from attacks on the dam.", "attacks", "negated", None),
])
def test_near_misses_of_cessation(text, surface, modality, event_class):
    assert cue(text, surface)["modality"] == modality
    if event_class:
        assert sentence_class(text) == event_class


def test_stopping_cooperation_is_no_cessation():
    # a cooperative act stopped is reduced relations (a negated cooperation), as before
    row = cue("Osmark must stop its cooperation with Pellas.", "cooperation")
    assert row["modality"] == "negated"


def test_cessation_keeps_the_sign_of_conflict():
    row = cue("Osmark must stop destabilizing the coastal provinces.", "destabilizing")
    assert row["score"] < 0


# --- a negator before a negating verb cancels it -----------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("Investigators cannot rule out assistance from Lirean engineers.", "assistance"),
    ("We cannot fail to express concern at the arrests in Varne.", "concern"),
    ("The Corvath army never stopped shelling the port of Tesk.", "shelling"),
])
def test_double_negation_asserts_the_act(text, surface):
    assert cue(text, surface)["modality"] != "negated"


@pytest.mark.parametrize("text, surface", [
    ("Pellas has no intention of implementing the accord.", "implementing"),
    ("The envoy said Osmark did not attack the convoy.", "attack"),
    ("Both sides pledged to prevent an escalation on the river.", "escalation"),
])
def test_single_negation_still_negates(text, surface):
    assert cue(text, surface)["modality"] == "negated"


# --- `concern` meaning `be about` or answered, not expressed -------------------------------------

@pytest.mark.parametrize("text", [
    "My second point concerns the budget of the electoral board.",
    "These are questions that concern us all in this chamber.",
    "The plan addresses the concerns of the smaller delegations.",
])
def test_concern_that_expresses_none(text):
    assert "disapprove" not in set(cues_of(text)["category"]), cues_of(text)[["text", "cue"]]


@pytest.mark.parametrize("text", [
    "Tesk is deeply concerned about the arrests of journalists.",
    "We note with concern the attacks on the border posts.",
    "Lirea expressed concern the fighting will spread.",
])
def test_concern_expressed_stays_disapproval(text):
    assert "disapprove" in set(cues_of(text)["category"])


# --- wire-copy act vocabulary -------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, cameo", [
    ("Lirean coast guard ships used water cannon against an Osmarki trawler.", "water cannon", "175"),
    ("The junta revoked the broadcasting licence of a Pellan radio station.",
     "revoked the broadcasting licence", "172"),
    ("Corvath stripped 60 exiles of their citizenship.", "stripped 60 exiles of their citizenship", "172"),
    ("Osmark had moved heavy artillery toward the border.", "moved heavy artillery", "150"),
    ("Tesk ended its military cooperation agreement with Lirea.",
     "ended its military cooperation agreement", "160"),
    ("The ministry paused some arms shipments to Varne.", "paused some arms shipments", "162"),
    ("Pellas suspended the purchase of Osmarki drones.", "suspended the purchase of Osmarki drones", "163"),
    ("The bloc agreed on a fresh package of sanctions against Corvath.",
     "agreed on a fresh package of sanctions", "163"),
    ("The embassy lodged stern representations with Lirea.", "lodged stern representations", "114"),
    ("Tesk hit back at Osmark's decision on Friday.", "hit back at", "111"),
    ("Varne and Pellas upgraded their ties to a strategic partnership.", "upgraded their ties", "050"),
    ("Lirea had raised the matter with Osmark, the ministry said.", "raised the matter with", "110"),
])
def test_wire_copy_acts(text, surface, cameo):
    c = cues_of(text)
    assert (surface, cameo) in list(zip(c["text"], c["cameo"].astype(str))), c[["text", "cameo"]]


@pytest.mark.parametrize("text, absent", [
    # an agreement to lift sanctions is a yield, not sanctions imposed
    ("The bloc agreed to lift sanctions on Corvath.", "163"),
    # ending a conflict through an agreement is an appeal for peace, not relations cut
    ("Both sides want to end the conflict through an agreement.", "160"),
    # a topic raised, not a complaint to a party
    ("The delegate raised the issue of funding for the mission.", "110"),
    # a unit moved in an office, not troops
    ("The ministry moved its archive to a new building.", "150"),
])
def test_wire_copy_near_misses(text, absent):
    assert absent not in set(cues_of(text)["cameo"].astype(str)), cues_of(text)[["text", "cameo"]]


@NEEDS_TAGGER
@pytest.mark.parametrize("text, act", [
    ("Lirean coast guard ships fired water cannon at an Osmarki trawler.", "coerce"),
    ("Pellas suspended the purchase of Osmarki drones.", "sanction"),
    ("The junta revoked the broadcasting licence of a Pellan radio station.", "coerce"),
])
def test_events_take_the_act(text, act):
    assert act in set(run(text)["act"]), run(text)[["act", "cue_text"]]


def test_far_appeal_for_a_cessation_is_a_demand():
    # the appeal is further than the usual reach from the act whose end it calls for
    text = "We urge the authorities in Pellas to work for calm and to cease their raids on Tesk."
    assert sentence_class(text) == "verbal_conflict"


def test_far_appeal_for_cooperation_stays_an_appeal():
    text = "We urge the authorities in Pellas to work for calm and to resume talks with Tesk."
    assert sentence_class(text) == "verbal_cooperation"


@pytest.mark.parametrize("text, surface, cameo", [
    ("Tesk gave 300 rifles and other weapons to the Varne police.", "gave 300 rifles and other weapons", "072"),
    ("The Pellan rebels gave up their weapons at the border.", "gave up their weapons", "0873"),
    ("Lirea rolled back tariffs on Osmarki steel.", "rolled back tariffs", "085"),
    ("Hackers launched cyber-attacks on Corvath's banks.", "cyber-attacks", "190"),
])
def test_more_wire_copy_acts(text, surface, cameo):
    c = cues_of(text)
    assert (surface, cameo) in list(zip(c["text"], c["cameo"].astype(str))), c[["text", "cameo"]]


@pytest.mark.parametrize("text, surface", [
    # a negator first keeps the act going
    ("Pellas will never stop fighting for its coast.", "fighting"),
    ("Osmark did not stop the raids on Tesk.", "raids"),
    # a gerund names a cessation that was done
    ("Lirea played a key role in stopping the hostilities in Varne.", "hostilities"),
    # a statement cue takes no modality of its own meaning
    ("Tesk must stop the spread of nuclear weapons.", "spread of nuclear weapons"),
])
def test_no_cessation(text, surface):
    assert cue(text, surface)["modality"] != "cessation"


@pytest.mark.parametrize("text, surface, cameo", [
    ("Pellas and the Varne militia signed a deal to merge their forces.", "signed a deal", "057"),
    ("Tesk renewed its contract with Lirea's security firm for a year.", "renewed its contract", "057"),
    ("An Osmarki patrol plane was harassed by Corvathi jets.", "harassed", "170"),
])
def test_agreements_and_harassment(text, surface, cameo):
    c = cues_of(text)
    assert (surface, cameo) in list(zip(c["text"], c["cameo"].astype(str))), c[["text", "cameo"]]


def test_refused_renewal_is_no_agreement():
    # a renewal declined counts negated (no agreement), as any refused cooperation
    assert cue("Tesk decided not to renew the contract with Lirea.", "renew the contract")["modality"] == "negated"
