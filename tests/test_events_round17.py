"""Events round 17 (events 0.20.0): who-to-whom of hosts and guests, possessives inside a
reported obligation, joint speakers after a reported clause, proposals as offers, shifted
objects of judgements and infinitives after a noun with its own doer. Constructed sentences,
new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text, with_quotes=True)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize("text, host, guest", [
    ("The Polish president received Lithuania's prime minister in Warsaw on Tuesday.", "POL", "LTU"),
    ("Brazil hosted Argentina's foreign minister for talks on Monday.", "BRA", "ARG"),
    ("Qatar received a Pakistani delegation on Sunday.", "QAT", "PAK"),
])
def test_a_hosted_guest_visits_the_host(text, host, guest):
    got = _rows(text)
    assert any(r[:3] == (guest, "visit", host) and r[4].startswith("verb.hosted_guest") for r in got), got
    assert not any(r[:3] == (host, "visit", guest) for r in got), got
    assert any(r[:3] == (host, "consult", guest) for r in got), got


@pytest.mark.parametrize("text", [
    "Chad received thousands of Sudanese refugees last week.",
    "Qatar hosted talks between Iran and Saudi Arabia.",
    "Niger accused Benin of hosting French troops.",
])
def test_no_guest_no_visit(text):
    assert not any(r[4].startswith("verb.hosted_guest") for r in _rows(text))


def test_the_hosts_own_report_of_the_visit_is_asserted():
    got = _rows("Morocco's king received the Senegalese president in Rabat on Friday, the royal palace said.")
    assert ("SEN", "visit", "MAR", "asserted") in [r[:4] for r in got], got


@pytest.mark.parametrize("text, subj, speaker, act", [
    ("Serbia must withdraw its troops, Croatia's foreign minister said.", "SRB", "HRV", "demand"),
    ("Eritrea should stop its missile tests, Ethiopia's president said on Friday.", "ERI", "ETH", "appeal"),
])
def test_its_in_a_reported_obligation_is_the_obliged_partys(text, subj, speaker, act):
    got = _rows(text)
    assert any(r[:3] == (speaker, act, subj) for r in got), got
    assert not any(r[0] == subj and r[2] == speaker for r in got), got


def test_its_of_a_hostile_act_stays_the_claimants():
    got = _rows("Russian jets violated its airspace, Estonia said.")
    assert any(r[0] == "RUS" and r[2] == "EST" for r in got), got


@pytest.mark.parametrize("text, subj, a, b, act", [
    ("Myanmar should halt its drone flights, Thailand and Malaysia said.", "MMR", "THA", "MYS", "appeal"),
    ("Eritrea must end its blockade, Kenya and Uganda said in a joint statement.", "ERI", "KEN", "UGA", "demand"),
])
def test_joint_speakers_after_a_reported_clause(text, subj, a, b, act):
    got = _rows(text)
    assert (a, act, subj) in [r[:3] for r in got] and (b, act, subj) in [r[:3] for r in got], got
    assert not any(r[1] == act and r[0] in (None, subj) for r in got), got


@pytest.mark.parametrize("text, expected", [
    ("Guyana proposed talks with Venezuela on the disputed border.", ("GUY", "offer", "VEN")),
    ("Peru has proposed a ceasefire with Ecuador, the foreign ministry said.", ("PER", "offer", "ECU")),
])
def test_proposing_talks_or_a_ceasefire_is_an_offer(text, expected):
    got = _rows(text)
    assert any(r[:3] == expected and r[4].startswith("verb.proposed_offer") for r in got), got


@pytest.mark.parametrize("text, proposer", [
    ("Norway proposed a ceasefire between the warring parties in Sudan.", "NOR"),
    ("Turkey proposed a prisoner swap between Russia and Ukraine.", "TUR"),
    ("Indonesia proposed a meeting between the two Koreas.", "IDN"),
])
def test_a_proposal_between_two_others_stays_an_appeal(text, proposer):
    got = _rows(text)
    assert any(r[0] == proposer and r[1] == "appeal" for r in got), got
    assert not any(r[4].startswith("verb.proposed_offer") for r in got), got


def test_proposing_that_another_party_act_stays_an_appeal():
    got = _rows("Chile proposed that Bolivia return to the negotiating table.")
    assert ("CHL", "appeal", "BOL") in [r[:3] for r in got], got


def test_a_shifted_object_after_as_is_the_object():
    got = _rows("Senegal dismissed as baseless the accusations made by Mali.")
    assert ("SEN", "deny", "MLI") in [r[:3] for r in got], got


@pytest.mark.parametrize("text, doer, wrong", [
    ("Ghana criticised a decision by Togo to expel two diplomats.", "TGO", "GHA"),
    ("Greece welcomed Turkey's decision to lift sanctions.", "TUR", "GRC"),
])
def test_an_infinitive_after_a_noun_with_a_doer_is_the_doers(text, doer, wrong):
    got = _rows(text)
    assert any(r[0] == doer and r[4].startswith("verb.active;source:source.noun_agent") for r in got), got
    assert not any(r[0] == wrong and "agent.subject.control" in r[4] for r in got), got


def test_an_infinitive_after_a_plain_object_keeps_its_subject():
    got = _rows("Russia sent troops to help Syria.")
    assert ("RUS", "aid", "SYR") in [r[:3] for r in got], got
