"""Events round 15: reactions aimed at the doer of the act their object names
(target.reacted_prior) and "both sides" read from the rows before when no pair joined by "and"
names them (actor.coref_pair_dyad). Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected", [
    # the act's doer is aimed at the reacting party ...
    ("Mauritania detained two Senegalese fishermen on Monday. Dakar condemned the detention.",
     ("SEN", "criticize", "MRT")),
    ("Bhutan freed four Nepali traders, officials in Thimphu said. Nepal welcomed the release.",
     ("NPL", "praise", "BTN")),
    # ... or, when none is, the latest coded act of another party
    ("Paraguay said it had arrested three Bolivian smugglers. La Paz rejected the accusation.",
     ("BOL", "deny", "PRY")),
])
def test_a_reaction_to_a_named_act_is_aimed_at_its_doer(text, expected):
    got = [r[:3] for r in rows(run(text))]
    assert expected in got, got


@pytest.mark.parametrize("text, reactor", [
    # negative: no other party acted before, or the object names a party itself
    ("Iceland criticised the decision.", "ISL"),
    ("Malta recalled its envoy from Tunis. Valletta defended the decision.", "MLT"),
])
def test_a_reaction_with_no_other_doer_has_no_target(text, reactor):
    got = [r[:3] for r in rows(run(text)) if r[0] == reactor and r[1] in ("criticize", "praise", "reject", "deny")]
    assert all(r[2] is None for r in got), got


def test_both_sides_are_the_pair_the_rows_before_oppose():
    got = [r[:3] for r in rows(run("Guyana accused Venezuela of massing troops near the border. Caracas rejected "
                                   "the charge. Brazil urged both sides to avoid escalation."))]
    assert ("BRA", "appeal", "GUY") in got and ("BRA", "appeal", "VEN") in got, got


def test_both_sides_without_an_opposed_pair_stay_unresolved():
    got = [r[:3] for r in rows(run("Jamaica urged both sides to show restraint."))]
    assert [r for r in got if r[0] == "JAM" and r[2] is not None] == [], got


@pytest.mark.parametrize("text, expected", [
    # a verb of exchange with an act noun: the coordinated parties do the act to each other
    ("Burundi and Rwanda traded accusations on Friday over the border closure.",
     {("BDI", "accuse", "RWA"), ("RWA", "accuse", "BDI")}),
    # ... or the subject to the party of a "with" phrase
    ("Chile traded accusations with Peru over the fishing dispute.", {("CHL", "accuse", "PER")}),
])
def test_traded_accusations_are_mutual_accusations(text, expected):
    got = {r[:3] for r in rows(run(text))}
    assert expected <= got, got


def test_traded_goods_are_no_act():
    got = [r[:3] for r in rows(run("Uruguay and Paraguay traded soybeans worth millions last year."))]
    assert all(r[1] not in ("accuse", "threaten", "attack", "criticize") for r in got), got


def test_a_reported_act_naming_no_one_is_no_row():
    # drop.doerless_report: the killing names neither side; the speech row stays
    got = [r[:4] for r in rows(run("Gabon's interior ministry said three people were killed on Sunday."))]
    assert ("GAB", "statement", None, "asserted") in got and all(r[1] != "attack" for r in got), got


def test_a_reported_act_with_a_doer_phrase_stays():
    # an unknown doer keeps its row ("the Zorvani militia": no actor of the lexicon)
    ev = run("Gabon said the Zorvani militia had attacked a village near Oyem.")
    assert "attack" in ev["act"].tolist(), ev[["source_text", "act"]].values.tolist()


def test_an_attack_blamed_on_a_party_is_its_alleged_act():
    # source.blamed_on: the act noun's doer is the party it is blamed on; no blaming row by no one
    got = [r[:4] for r in rows(run("A drone attack blamed on Houthi rebels struck a Saudi oil facility on Sunday."))]
    assert ("HOUTHI", "attack", "SAU", "alleged") in got and all(r[1] != "accuse" for r in got), got


def test_blamed_on_with_an_object_stays_an_accusation():
    got = [r[:3] for r in rows(run("Moscow blamed the bridge attack on Kyiv."))]
    assert ("RUS", "accuse", "UKR") in got, got


@pytest.mark.parametrize("text, expected", [
    ("Hamas claimed responsibility for a rocket attack on Israel.", ("HAMAS", "attack", "ISR")),
    ("The Islamic State claimed responsibility on Saturday for the bombing of a Kenyan police post.",
     ("ISIL", "attack", "KEN")),
])
def test_claiming_responsibility_for_an_attack_is_the_attack(text, expected):
    got = [r[:3] for r in rows(run(text))]
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "No group has claimed responsibility for the attack on the Tunisian border post.",
    "Senegal claimed credit for the peace deal.",
])
def test_no_claimed_attack_when_no_one_claims_it_or_it_is_no_force(text):
    got = [r[:3] for r in rows(run(text))]
    assert all(r[1] != "attack" and r[1] != "agree" for r in got), got


def test_welcoming_a_joint_act_praises_both_parties():
    got = [r[:3] for r in rows(run("Bolivia and Chile agreed to reopen their border crossing. Peru welcomed the deal."))]
    assert ("PER", "praise", "BOL") in got and ("PER", "praise", "CHL") in got, got


def test_both_sides_agreeing_agree_with_each_other():
    # target.reciprocal_pair: an act done to each other, its pair named before by "and"
    got = [r[:3] for r in rows(run("Bolivia and Chile held border talks in Arica. The two sides agreed to "
                                   "open a second crossing."))]
    assert ("BOL", "agree", "CHL") in got and ("CHL", "agree", "BOL") in got, got


@pytest.mark.parametrize("text, expected", [
    # target.retaliation for a warning of one's own response
    ("Cameroon expelled four Gabonese diplomats. Gabon warned that it would retaliate.", ("GAB", "threaten", "CMR")),
    # ... also after an act the warner itself reported
    ("Gabon said Cameroon had expelled four Gabonese diplomats. Gabon warned that it would retaliate.",
     ("GAB", "threaten", "CMR")),
])
def test_a_warning_of_retaliation_is_aimed_at_who_acted(text, expected):
    got = [r[:3] for r in rows(run(text))]
    assert expected in got, got


def test_a_warning_of_retaliation_after_help_has_no_target():
    got = [r[:3] for r in rows(run("Chad sent aid to Gabon. Gabon warned that it would retaliate."))]
    assert ("GAB", "threaten", "TCD") not in got, got
