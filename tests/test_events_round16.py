"""Events round 16: a cooperative act a party offers or says it is ready to do is an offer
(rule offer.intent, CAMEO 03), aimed at the act's target or at the parties of talks "between"
two. Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize("text, expected", [
    ("Oman offered to host talks between Iran and Bahrain.",
     [("OMN", "offer", "IRN", "asserted"), ("OMN", "offer", "BHR", "asserted")]),
    ("Kazakhstan said it was willing to mediate between Kyrgyzstan and Tajikistan.",
     [("KAZ", "offer", "KGZ", "asserted"), ("KAZ", "offer", "TJK", "asserted")]),
    ("Vietnam said it was ready to meet Cambodia's leaders.", [("VNM", "offer", "KHM", "asserted")]),
    ("Morocco said it was prepared to send aid to Libya.", [("MAR", "offer", "LBY", "asserted")]),
    ("Indonesia offered to send peacekeepers to Sudan.", [("IDN", "offer", "SDN", "asserted")]),
])
def test_an_offered_cooperative_act_is_an_offer(text, expected):
    got = _rows(text)
    for e in expected:
        assert any(r[:4] == e and r[4].startswith("offer.intent") for r in got), got
    assert not any(r[1] in ("consult", "aid") and r[0] == expected[0][0] for r in got), got


@pytest.mark.parametrize("text, act", [
    # negatives: a hostile act after "ready", a negated offer, a plain future, an uncoded verb
    ("Eritrea said it was ready to strike Ethiopian positions.", "offer"),
    ("Canada said it would not send troops to Haiti.", "offer"),
    ("Peru said its president would visit Bolivia next week.", "offer"),
    ("The Zambian president is ready to open up the economy.", "offer"),
])
def test_no_offer_without_an_offered_cooperative_act(text, act):
    got = _rows(text)
    assert not any(r[1] == act for r in got), got


@pytest.mark.parametrize("text, expected", [
    ("Xi welcomed Lula to Beijing on Monday.", ("BRA", "visit", "CHN", "asserted")),
    ("The Greek prime minister welcomed the Turkish president to Athens.", ("TUR", "visit", "GRC", "asserted")),
    ("Egypt hosted Jordan's king for talks in Cairo.", ("JOR", "visit", "EGY", "asserted")),
])
def test_a_guest_welcomed_to_a_capital_visits_its_state(text, expected):
    got = _rows(text)
    # a host verb's own row becomes the guest's visit (verb.hosted_guest, events 0.20.0)
    assert any(r[:4] == expected and r[4].startswith(("coevent.welcomed_to", "verb.hosted_guest")) for r in got), got


@pytest.mark.parametrize("text", [
    # negatives: a document welcomed, no place phrase, a passive
    "Belarus welcomed the Minsk ceasefire agreement in Ukraine.",
    "Xi welcomed Lula on Monday.",
    "Lula was welcomed to Beijing by Xi.",
])
def test_no_visit_without_a_welcomed_guest_and_place(text):
    got = _rows(text)
    assert not any(r[4].startswith("coevent.welcomed_to") for r in got), got


@pytest.mark.parametrize("text, expected", [
    ("The Chilean foreign ministry announced it would recognise Palestine next month.",
     ("CHL", "cooperate", "PSE", "future")),
    ("Norway announced it would recognise a Palestinian state.", ("NOR", "cooperate", "PSE", "future")),
])
def test_recognising_a_party_is_the_speakers_own_act(text, expected):
    got = _rows(text)
    assert any(r[:3] == expected[:3] and r[4].startswith("verb.object_act") for r in got), got


@pytest.mark.parametrize("text", [
    # negatives: the object is no party, or a document of one
    "Lesotho said it recognised the need for reform.",
    "Malawi said it would never recognise such African Union resolutions.",
])
def test_recognising_no_party_stays_uncoded(text):
    got = _rows(text)
    assert not any(r[4].startswith("verb.object_act") for r in got), got


def test_a_reaction_after_an_offer_is_aimed_at_the_offerer():
    # the offer is an act made (asserted), so target.reacted_prior reads it as the decision criticised
    got = [r[:3] for r in _rows("Germany said it was ready to talk. Poland criticized the decision.")]
    assert ("DEU", "offer", None) in got and ("POL", "criticize", "DEU") in got, got
