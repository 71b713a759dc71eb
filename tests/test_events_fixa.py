"""Review fixes to this session's speech rules (events 0.24.4): an announced "respond" threatens
only with a manner or a hostile object, "meet"/"bring" are consequences only after "warned
that", "no intention of" reassures only about a hostile act, and a "told reporters" obligation
needs a subject naming another party. Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, src", [
    ("Ghana said it would respond to Togo's request for assistance within a week.", "GHA"),
    ("Ottawa said it would respond to Mexico's trade proposal next month.", "CAN"),
    ("Chile said it would meet Argentina on the conflict next week.", "CHL"),
    ("Kenya said it would bring an end to war with Somalia.", "KEN"),
])
def test_an_answer_or_a_meeting_announced_is_no_threat(text, src):
    got = rows(run(text))
    assert any(r[0] == src and r[1] == "statement" for r in got), got
    assert not any(r[1] == "threaten" for r in got), got


@pytest.mark.parametrize("text, src, tgt", [
    ("Peru said it would respond in kind to the expulsion of its diplomats by Ecuador.", "PER", "ECU"),
    ("Malawi said it would respond firmly to the seizure of its trucks by Zambia.", "MWI", "ZMB"),
])
def test_a_response_with_a_manner_stays_a_threat(text, src, tgt):
    got = rows(run(text))   # the speech act's row, or the response's own conflict row
    assert any(r[:3] == (src, "threaten", tgt) for r in got), got


def test_no_intention_of_a_harmless_act_reassures_no_one():
    got = rows(run("Brazil said it had no intention of importing Argentine beef."))
    assert ("BRA", "statement", None, "asserted") in got, got
    assert not any(r[1] == "reassure" for r in got), got


def test_no_intention_of_a_hostile_act_still_reassures():
    assert ("BRA", "reassure", "URY", "asserted") in rows(run("Brazil said it had no intention of invading Uruguay."))


@pytest.mark.parametrize("text, src", [
    ("Ghana must act now, Ghana's finance minister told reporters.", "GHA"),
    ("Inflation must come down, Ghana's finance minister told reporters.", "GHA"),
    ("Talks should resume next week, Vietnam's foreign minister told reporters.", "VNM"),
])
def test_an_obligation_of_no_other_party_stays_a_statement(text, src):
    got = rows(run(text))
    assert any(r[0] == src and r[1] == "statement" for r in got), got
    assert not any(r[1] in ("demand", "appeal") for r in got), got


def test_an_obligation_of_another_party_stays_a_demand():
    got = rows(run("Chad must reopen the border, Sudan's minister told reporters."))
    assert ("SDN", "demand", "TCD", "asserted") in got, got
