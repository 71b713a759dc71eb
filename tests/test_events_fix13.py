"""Events fix13: a contested region recognised (no act toward its parent state), the destination
of deport/deploy (no target), a speaker's own obligation in a second speech verb (no target) and
the launcher of a weapon "from" a party (rule actor.origin_from). Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text, with_quotes=True)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize("text, src", [
    ("Russia recognized Abkhazia as an independent state on Tuesday.", "RUS"),
    ("Moscow formally recognised South Ossetia last year.", "RUS"),
    ("Russia recognized the independence of Abkhazia.", "RUS"),
])
def test_recognising_a_contested_region_is_no_act_toward_its_state(text, src):
    got = _rows(text)
    assert any(r[0] == src and r[1] == "cooperate" for r in got), got
    assert not any(r[2] == "GEO" for r in got), got
    assert any("target.status_region" in r[4] for r in got), got


def test_recognising_a_state_keeps_it():
    got = _rows("Norway will recognise Palestine next month.")
    assert any(r[:3] == ("NOR", "cooperate", "PSE") for r in got), got


@pytest.mark.parametrize("text, src", [
    ("Thailand deported refugees to Myanmar last week.", "THA"),
    ("Malaysia deported 300 migrants to Indonesia on Friday.", "MYS"),
])
def test_the_destination_of_a_deportation_is_no_target(text, src):
    got = _rows(text)
    assert any(r[0] == src and r[1] == "expel" and r[2] is None and "target.destination" in r[4] for r in got), got


@pytest.mark.parametrize("text, dyad", [
    ("Kenya deported three Ugandan nationals to Uganda.", ("KEN", "expel", "UGA")),
    ("Germany sent weapons to Ukraine.", ("DEU", "aid", "UKR")),
    ("India deployed soldiers to the border with China.", ("IND", "aid", "CHN")),
])
def test_people_acted_on_recipients_and_shared_borders_stay(text, dyad):
    assert dyad in [r[:3] for r in _rows(text)]


@pytest.mark.parametrize("text, speaker", [
    ("Iran condemned the strikes, adding that Iran must defend itself.", "IRN"),
    ("Chile said Peru must withdraw, adding that Chile must defend itself.", "CHL"),
])
def test_a_second_speech_verb_of_the_speakers_own_obligation_has_no_target(text, speaker):
    got = _rows(text)
    assert not any(r[0] == speaker and r[2] == speaker for r in got), got


def test_a_second_speech_verb_about_another_party_keeps_it():
    got = _rows("Chile said Peru must withdraw, adding that Peru must pay damages.")
    assert any(r[0] == "CHL" and r[2] == "PER" and "agent.subject.control" in r[4] for r in got), got


@pytest.mark.parametrize("text, src", [
    ("A drone from Iran struck a base in Iraq on Monday.", "IRN"),
    ("A shell from the Armenian side hit a village in Tavush.", "ARM"),
    ("Fire from Azerbaijani positions hit a school on Sunday.", "AZE"),
])
def test_a_weapon_from_a_party_names_its_launcher(text, src):
    got = _rows(text)
    assert any(r[0] == src and r[1] == "attack" and "actor.origin_from" in r[4] for r in got), got


@pytest.mark.parametrize("text", [
    "Smoke from a Liberian-flagged tanker drifted over the port.",
    "Debris from a Russian drone fell on a house in Romania.",
    "A rocket from Gaza hit a house in Sderot.",
    "Fighters from Syria attacked a checkpoint in Lebanon.",
])
def test_no_weapon_or_a_place_names_no_launcher(text):
    assert not any("actor.origin_from" in r[4] for r in _rows(text)), _rows(text)


def test_a_deployment_as_aid_keeps_its_recipient():
    got = _rows("Ghana will deploy 300 police officers to Liberia in March, its president said.")
    assert any(r[:3] == ("GHA", "aid", "LBR") for r in got), got
