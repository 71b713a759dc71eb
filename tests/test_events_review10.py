"""Events, from the tenth session's adversarial review: calling something an act is an
evaluation, a disputed or entered place of one's own state is no target, a currency's adjective
is not the recipient, a "for" phrase of its own keeps a coordinated verb's target, and a
logophoric vow to send troops keeps its row (constructed sentences, new names)."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected, code, absent", [
    # verb.naming: the namer criticizes (111) or accuses (112); it does not do the act named
    ("Canberra called the missile test a threat to regional stability.", ("AUS", "criticize", None, "asserted"),
     "111", "threaten"),
    ("Peru seized a Chilean fishing boat. Santiago described the seizure as an act of war.",
     ("CHL", "criticize", "PER", "asserted"), "111", None),
    ("Ghana described Togo's crackdown as a massacre.", ("GHA", "accuse", "TGO", "asserted"), "112", "mass_violence"),
    ("Tehran called the assassination an act of terrorism.", ("IRN", "accuse", None, "asserted"), "112", None),
])
def test_naming_an_act_is_an_evaluation(text, expected, code, absent):
    out = run(text)
    got = rows(out)
    assert expected in got, got
    assert absent is None or absent not in [r[1] for r in got], got
    named = out[out["rule"].str.startswith("verb.naming")]
    assert named["cameo"].tolist() == [code], named[["act", "cameo"]]


@pytest.mark.parametrize("text, expected, absent", [
    # target.own_place: a disputed place of the source's own state, or one it only goes into
    ("Azerbaijani artillery shelled Stepanakert overnight.", ("AZE", "attack", None, "asserted"),
     ("AZE", "attack", "AZE", "asserted")),
    ("Ukrainian drones hit Sevastopol on Sunday.", ("UKR", "attack", None, "asserted"),
     ("UKR", "attack", "UKR", "asserted")),
    ("Ukrainian troops advanced near Bakhmut.", ("UKR", "unclassified", None, "asserted"),
     ("UKR", "unclassified", "UKR", "asserted")),
    # negatives: another state's forces, a domestic act in an undisputed place, people of a place
    ("Russian forces shelled Horlivka.", ("RUS", "attack", "UKR", "asserted"), None),
    ("Syrian forces shelled Aleppo.", ("SYR", "attack", "SYR", "asserted"), None),
    ("Ethiopia's government accused Tigray's leaders of treason.", ("ETH", "accuse", "ETH", "asserted"), None),
])
def test_a_disputed_place_of_ones_own_state_is_no_target(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got, got


@pytest.mark.parametrize("text, expected", [
    # actor.currency drops the currency's adjective only, not the recipient in the same chunk
    ("Qatar gave Lebanon 300 million Qatari riyals in grants.", ("QAT", "aid", "LBN", "asserted")),
    ("Norway granted Malawi 200 million Norwegian kroner.", ("NOR", "unclassified", "MWI", "asserted")),
    ("Japan gave Ukraine 100 billion yen in loans.", ("JPN", "aid", "UKR", "asserted")),
])
def test_a_currency_keeps_the_recipient(text, expected):
    assert expected in rows(run(text))


def test_a_currency_adjective_is_still_no_party():
    got = rows(run("Australia pledged 50 million Australian dollars to Fiji."))
    assert not any(r[2] == "AUS" for r in got), got


@pytest.mark.parametrize("text, expected, absent", [
    # target.coordinated: a "for" phrase of the verb's own asks no one named ...
    ("Bolivia condemned Chile and called for calm.", ("BOL", "appeal", None, "asserted"),
     ("BOL", "appeal", "CHL", "asserted")),
    ("Sweden expelled Russian diplomats and called for an inquiry.", ("SWE", "appeal", None, "asserted"),
     ("SWE", "appeal", "RUS", "asserted")),
    # ... unless the earlier target is an act its doer did; an object of its own still shares
    ("Peru condemned the shooting of a fisherman by Ecuadorian marines and called for an investigation.",
     ("PER", "appeal", "ECU", "asserted"), None),
    ("Denmark sent howitzers to Ukraine and pledged more shells.", ("DNK", "offer", "UKR", "asserted"), None),
])
def test_a_for_phrase_of_its_own_keeps_the_target(text, expected, absent):
    got = rows(run(text))
    assert expected in got and absent not in got, got


def test_a_logophoric_vow_to_send_troops_keeps_its_row():
    out = run("The commander said he would send more troops to Chad.")
    sent = out[out["cue_text"] == "send"]
    assert sent["act"].tolist() == ["mobilize"], out[["act", "rule"]]
    assert sent["source_text"].tolist() == ["The commander"] and sent["target_actor"].tolist() == ["TCD"]
