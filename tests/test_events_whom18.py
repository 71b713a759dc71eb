"""Events round 18 (events17 helper): who-to-whom of armed groups a state's possessive
introduces, and of denials whose claim is shifted after its judgement or names its accuser in a
reduced relative. Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text, with_quotes=True)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize("text, group, state, target", [
    ("Lebanon's Hezbollah fired rockets at northern Israel on Tuesday.", "HEZBOLLAH", "LBN", "ISR"),
    ("Yemen's Houthis threatened to attack ships bound for Israel.", "HOUTHI", "YEM", None),
    ("Sudan's paramilitary Rapid Support Forces shelled El Obeid in Kordofan.", "RSF", "SDN", None),
])
def test_a_group_a_state_possessive_introduces_is_the_group(text, group, state, target):
    got = _rows(text)
    mine = [r for r in got if r[0] == group and r[1] not in ("statement", "unclassified")]
    assert mine and (target is None or any(r[2] == target for r in mine)), got
    assert not any(r[0] == state for r in got), got


def test_a_state_possessive_before_an_envoy_keeps_the_state():
    got = _rows("Iran's envoy to the Houthis warned Riyadh against new strikes.")
    assert any(r[0] == "IRN" for r in got), got
    assert not any(r[0] == "HOUTHI" for r in got), got


@pytest.mark.parametrize("text, denier, accuser", [
    ("Tehran rejected as baseless the accusations made against it by Bahrain.", "IRN", "BHR"),
    ("Hanoi rejected as unfounded the allegations made against it by Manila.", "VNM", "PHL"),
    ("Nepal rejected the claims made against it by India on Friday.", "NPL", "IND"),
    ("Chile denied the accusations levelled against it by Bolivia.", "CHL", "BOL"),
])
def test_a_denial_aims_at_the_accuser_of_its_shifted_or_relative_claim(text, denier, accuser):
    got = _rows(text)
    assert any(r[0] == denier and r[1] in ("deny", "reject") and r[2] == accuser
               and "target.denial_accuser_by" in r[4] for r in got), got


def test_a_claim_with_a_participle_but_no_by_phrase_names_no_accuser():
    got = _rows("Chile denied the accusations published on Monday.")
    assert not any(r[0] == "CHL" and r[2] is not None for r in got), got


@pytest.mark.parametrize("text, makers, heeder", [
    ("Bhutan began building the road despite calls from Nepal and India to halt it.", ("NPL", "IND"), "BTN"),
    ("Latvia is weighing a request from Estonia to share radar data.", ("EST",), "LVA"),
    ("Ghana ignored an appeal from Togo on Benin to reopen the border.", ("TGO",), "BEN"),
])
def test_a_request_noun_is_its_makers_appeal_to_the_one_asked(text, makers, heeder):
    got = _rows(text)
    for m in makers:
        assert any(r[0] == m and r[1] == "appeal" and r[2] == heeder and r[4].startswith("nominal.request_from")
                   for r in got), got


def test_a_requester_is_no_target_of_the_act_done_despite_it():
    got = _rows("Malawi deported the refugees despite appeals from the United Nations.")
    assert not any(r[0] == "MWI" and r[2] == "UN" for r in got), got
    assert any(r[:3] == ("UN", "appeal", "MWI") for r in got), got


@pytest.mark.parametrize("text", [
    "The ruling follows a request by Zambia in 2021.",             # asked of whom: not said
    "Tonga deported the men despite appeals from the UN, a Tongan official said.",   # no list
    "Did Fiji ignore calls from Samoa?",                           # a question
])
def test_no_request_row_without_a_party_asked_or_in_a_question(text):
    got = _rows(text)
    assert not any(r[4].startswith("nominal.request_from") and r[2] is None for r in got), got
    assert not any(r[4].startswith("nominal.request_from") and r[0] in ("TON", "FJI") for r in got), got


def test_a_postposed_told_is_the_reporters_statement_about_the_reported_party():
    got = _rows("Uganda must reopen the crossing, Kenya's trade minister told reporters.")
    assert any(r[0] == "KEN" and r[2] == "UGA" and r[4].startswith("speech.reporting_verb") for r in got), got


@pytest.mark.parametrize("text, target, not_target", [
    ("The International Criminal Court issued an arrest warrant for Belarus's interior minister over deportations from Lithuania.", "BLR", "LTU"),
    ("Judges in The Hague approved an arrest warrant for a senior Houthi commander over attacks on Eritrea.", "HOUTHI", "ERI"),
])
def test_a_warrant_is_aimed_at_the_one_it_is_for(text, target, not_target):
    got = _rows(text)
    assert any(r[1] == "coerce" and r[2] == target and "target.sought_for" in r[4] for r in got), got
    assert not any(r[1] == "coerce" and r[2] == not_target for r in got), got


def test_peacekeepers_are_the_organisation_named_before_them():
    got = _rows("Bangui asked the U.N. mission MINUSCA to leave, accusing peacekeepers of ignoring attacks.")
    assert any(r[1] == "accuse" and r[2] == "UN" and "actor.igo_member" in r[4] for r in got), got


def test_peacekeepers_with_no_organisation_named_stay_unresolved():
    got = _rows("The Chadian government accused peacekeepers of standing by during the raid.")
    assert not any(r[1] == "accuse" and r[2] is not None for r in got), got


@pytest.mark.parametrize("text, backer", [
    ("Britain backed calls from Ukraine for more air defence.", "GBR"),
    ("The United Nations welcomed calls from Qatar for a truce.", "UN"),
])
def test_one_who_backs_a_request_is_not_the_one_asked(text, backer):
    got = _rows(text)
    assert not any(r[4].startswith("nominal.request_from") and r[2] == backer for r in got), got
