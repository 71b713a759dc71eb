"""Events round 13: an adversarial review of round 12's rules on constructed wire copy
(a gapped clause's party, topic phrases, a participle after a postposed report, a report of an
accusation counted twice, a comma list read as a subject). Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, wrong, right", [
    # target.gapped: "and Juba to halt ..." is the object of a left-out "urged", not of "arming"
    ("Cairo urged Nairobi to stop arming Somalia and Eritrea to halt its patrols.",
     ("KEN", "aid", "ERI"), ("EGY", "appeal", "ERI")),
    ("The US accused Iran of arming the Houthis and Russia of supplying drones to Sudan.",
     ("IRN", "aid", "RUS"), ("USA", "accuse", "RUS")),
])
def test_a_gapped_clause_names_the_governing_acts_target(text, wrong, right):
    got = [r[:3] for r in rows(run(text))]
    assert wrong not in got and right in got, got
    assert not any(r[0] == "HOUTHI" and r[1] == "aid" for r in got), got   # no conjunct subject either


@pytest.mark.parametrize("text, expected", [
    # negative: true coordinated targets keep a row each, also before "to"/"of"
    ("Kenya urged Ethiopia and Eritrea to talk.", [("KEN", "appeal", "ETH"), ("KEN", "appeal", "ERI")]),
    ("India accused Pakistan and China of backing militants.", [("IND", "accuse", "PAK"), ("IND", "accuse", "CHN")]),
    ("Ethiopia warned Egypt and Sudan over the dam.", [("ETH", "warn", "EGY"), ("ETH", "warn", "SDN")]),
    ("The European Union imposed sanctions on Iran, Syria and North Korea.",
     [("EU", "sanction", "IRN"), ("EU", "sanction", "SYR"), ("EU", "sanction", "PRK")]),
])
def test_coordinated_targets_still_give_a_row_each(text, expected):
    got = [r[:3] for r in rows(run(text))]
    assert all(x in got for x in expected), got


@pytest.mark.parametrize("text, not_target", [
    # target.conjunct_topic: the parties of a topic phrase are what the act is about
    ("Russia and China vetoed the resolution on Syria and Myanmar.", "MMR"),
    ("Britain criticised the report on Sudan and Chad.", "TCD"),
    ("The dispute concerns only Guyana and Venezuela.", "VEN"),
])
def test_no_conjunct_row_for_a_topic(text, not_target):
    got = rows(run(text))
    assert not any(r[2] == not_target for r in got), got


def test_an_act_named_in_the_object_keeps_its_coordinated_targets():
    # negative: "the attack on Mali and Burkina Faso" is an act aimed at both
    got = [r[:3] for r in rows(run("Ghana condemned the attack on Mali and Burkina Faso."))]
    assert ("GHA", "criticize", "MLI") in got and ("GHA", "criticize", "BFA") in got, got


@pytest.mark.parametrize("text, wrong, right", [
    # clause.participle_after_report: the participle goes with the reported clause
    ("Russia arms the separatists, Moldovan officials said, undermining Moldova's sovereignty.", "MDA", "RUS"),
    ("Pakistan shelled the border, Indian officials said, killing three soldiers.", "IND", "PAK"),
    ("Iran supports the Houthis, Saudi officials say, threatening regional stability.", "SAU", "IRN"),
])
def test_a_participle_after_a_postposed_report_is_not_the_reporters(text, wrong, right):
    got = [r for r in rows(run(text)) if r[1] in ("criticize", "attack", "threaten")]
    assert any(r[0] == right for r in got) and not any(r[0] == wrong for r in got), got


def test_a_participle_after_a_plain_clause_keeps_its_subject():
    # negative: no report between, the main clause's subject does it
    got = [r[:2] for r in rows(run("Turkey struck Kurdish positions in Syria, accusing the YPG of attacks."))]
    assert ("TUR", "accuse") in got, got


def test_a_report_of_an_accusation_is_no_second_accusation():
    # claim.own_charge: one CUB accuse USA row (the verb's), the report stays a statement
    got = rows(run("Cuba accused the United States of waging economic war, Foreign Minister Bruno Rodriguez said."))
    assert [r[:3] for r in got].count(("CUB", "accuse", "USA")) == 1, got


def test_a_report_of_an_attack_still_accuses():
    # negative: the report's content is the other party's act, not the speaker's own charge
    got = [r[:4] for r in rows(run("Russia shelled Kharkiv overnight, Ukrainian officials said."))]
    assert ("UKR", "accuse", "RUS", "asserted") in got, got


def test_a_list_before_a_comma_is_not_the_reporters_subject():
    # _conjuncts: "and" closes a list after its commas ("Argentina and Chile, the ministry said")
    got = rows(run("Brazil criticised Argentina and Chile, the foreign ministry said."))
    assert not any(r[0] in ("ARG", "CHL") for r in got), got
    both = rows(run("Bolivia, Peru and Ecuador condemned the coup."))
    assert {"BOL", "PER", "ECU"} <= {r[0] for r in both if r[1] == "criticize"}, both


def test_a_participle_after_those_has_no_subject():
    # subject.pronoun_participle: "all those committed to" modifies "those"; not the speaker's pledge
    got = rows(run("Kenya will work with all those committed to the peace plan."))
    assert not any(r[0] == "KEN" and r[1] == "offer" for r in got), got


def test_a_coordinated_participle_keeps_its_subject():
    # negative: after "and" the verb is coordinated with the one before
    got = rows(run("Kenya met the envoys and committed to the peace plan."))
    assert any(r[0] == "KEN" and r[1] == "offer" for r in got), got
