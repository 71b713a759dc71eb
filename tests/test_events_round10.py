"""Events round 10: agreements reached, the content of an agreement, participles before their
noun, and the other rules of the tenth session (constructed sentences, new names)."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected, absent", [
    # "agree" reports an agreement (PLOVER AGREE), each party's to the other
    ("Laos and Vietnam agreed on Friday to build a railway between their capitals.",
     [("LAO", "agree", "VNM", "asserted"), ("VNM", "agree", "LAO", "asserted")], "offer"),
    # what they agree to do is the agreement's content, not an act of its own
    ("Bolivia and Paraguay agreed to reopen their border crossing at Infante Rivarola.",
     [("BOL", "agree", "PRY", "asserted"), ("PRY", "agree", "BOL", "asserted")], "yield"),
    ("Mongolia and Kazakhstan agreed to resume direct talks on transit fees.",
     [("MNG", "agree", "KAZ", "asserted"), ("KAZ", "agree", "MNG", "asserted")], "consult"),
])
def test_agreements_are_agreements(text, expected, absent):
    got = rows(run(text))
    assert got == expected and absent not in [r[1] for r in got], got


def test_agreed_act_naming_another_party_keeps_its_row():
    got = rows(run("Uruguay agreed to release three Brazilian fishermen held since May."))
    assert ("URY", "agree", "BRA", "asserted") in got or ("URY", "yield", "BRA", "future") in got, got


def test_participle_before_its_noun_is_no_speech_act():
    got = rows(run("Guatemala and Belize agreed to withdraw police from disputed border villages."))
    assert "deny" not in [r[1] for r in got], got


@pytest.mark.parametrize("text, expected", [
    # a verb of transfer no cue covers takes its act from what it sends (verb.transfer_object)
    ("Hungary sent troops to the border with Serbia on Friday.", ("HUN", "mobilize")),
    ("Norway will send 30 million euros in humanitarian aid to Yemen.", ("NOR", "aid", "YEM", "future")),
    ("Portugal sent 200 tonnes of relief to Mozambique after the cyclone.", ("PRT", "aid", "MOZ", "asserted")),
])
def test_what_is_sent_names_the_act(text, expected):
    got = rows(run(text))
    assert any(r[:len(expected)] == expected for r in got), got


def test_a_letter_sent_is_a_statement_not_a_transfer():
    # verb.transfer_object takes no act from a letter; the lexicon codes "sent ... letter" as a
    # statement (CAMEO 010, escalation 1.27.0)
    got = rows(run("Tanzania sent a letter to Uganda on Monday."))
    assert [r[1] for r in got] == ["statement"], got


def test_a_currency_names_no_party():
    got = rows(run("Canada pledged 40 million Canadian dollars to help Haiti rebuild its police."))
    assert ("CAN", "offer", "HTI", "asserted") in got and all(r[2] != "CAN" for r in got), got


@pytest.mark.parametrize("text, expected", [
    # a warning that one's own side will respond to another's act threatens that other (warn.own_side)
    ("Venezuela warned that Caracas would retaliate against any Guyanese incursion into the Essequibo.",
     ("VEN", "threaten", "GUY", "asserted")),
    ("Algeria's defence minister warned on Monday that Algiers would respond firmly to any Moroccan provocation.",
     ("DZA", "threaten", "MAR", "asserted")),
    # ... and with no one named it is still a threat, not an accusation of one's own state
    ("Eritrea warned that Asmara would respond to any provocation with force.", ("ERI", "threaten", None, "asserted")),
])
def test_own_side_response_is_a_threat(text, expected):
    got = rows(run(text))
    assert expected in got and not any(r[1] == "accuse" for r in got), got


@pytest.mark.parametrize("text, expected", [
    # an act noun's "by" doer is the one criticized, not the victim named in its "of" phrase
    ("Peru condemned the detention of its sailors by Chilean police.", ("PER", "criticize", "CHL", "asserted")),
    ("Jordan denounced the shooting of a Jordanian driver by Syrian border guards.",
     ("JOR", "denounce", "SYR", "asserted")),
])
def test_act_noun_doer_is_the_target(text, expected):
    got = rows(run(text))
    assert any(r[0] == expected[0] and r[2] == expected[2] for r in got) and all(r[2] != r[0] for r in got), got


@pytest.mark.parametrize("text, expected", [
    # a coordinated verb whose object names no one shares the earlier verb's target
    ("Chile condemned the raid by Bolivian police and demanded an inquiry.", ("CHL", "demand", "BOL", "asserted")),
    ("Bolivia expelled Peru's consul on Monday and ordered him to leave within 48 hours.", ("BOL", "expel", "PER", "asserted")),
])
def test_coordinated_verbs_share_a_target(text, expected):
    got = rows(run(text))
    assert got.count(expected) >= 1 and not any(r[1] == expected[1] and r[2] is None for r in got), got


def test_coordinated_verb_with_its_own_target_keeps_it():
    got = rows(run("Kenya welcomed the truce and urged Somalia to respect it."))
    assert ("KEN", "appeal", "SOM", "asserted") in got, got


@pytest.mark.parametrize("text, expected", [
    # a border shared with a party aims the act at that party (target.border_with)
    ("Armenia massed troops on its border with Azerbaijan on Sunday.", ("ARM", "mobilize", "AZE", "asserted")),
    ("Hungary sent troops to the border with Serbia on Friday.", ("HUN", "mobilize", "SRB", "asserted")),
])
def test_border_with_a_party(text, expected):
    assert expected in rows(run(text))


def test_own_border_alone_names_no_target():
    got = rows(run("Armenia massed troops on its border on Sunday."))
    assert got and all(r[2] is None for r in got), got


@pytest.mark.parametrize("text, expected", [
    # "there will be consequences" in what a party says is its threat (claim.existential_consequence)
    ('"If Tirana continues down this path, there will be consequences," Serbia\'s foreign minister said.',
     ("SRB", "threaten", "ALB", "asserted")),
    ('"There will be a response if Baku attacks," Armenia\'s defence ministry said.', ("ARM", "threaten", "AZE", "asserted")),
])
def test_existential_consequence_is_a_threat(text, expected):
    assert expected in rows(run(text))


def test_negated_existential_consequence_is_no_threat():
    got = rows(run('"There will not be consequences for anyone," the Chilean minister said.'))
    assert "threaten" not in [r[1] for r in got], got


def test_troops_sent_to_help_are_aid():
    got = rows(run("Rwanda is sending troops to the African Union peacekeeping mission in Somalia."))
    assert got and got[0][:2] == ("RWA", "aid"), got


@pytest.mark.parametrize("text, expected, absent", [
    # "called X 'illegal'": the namer criticizes X's doer; X is not the namer's own act (verb.naming)
    ('Belarus imposed tariffs on Lithuania. Vilnius called the tariffs "illegal and arbitrary".',
     ("LTU", "criticize", "BLR", "asserted"), ("LTU", "sanction")),
    ("Latvia expelled a Belarusian diplomat. Minsk described the expulsion as a provocation.",
     ("BLR", "criticize", "LVA", "asserted"), ("BLR", "expel")),
])
def test_naming_verbs_evaluate_their_object(text, expected, absent):
    got = rows(run(text))
    assert expected in got and not any(r[:2] == absent for r in got), got


def test_called_a_ceasefire_is_still_a_light_verb():
    got = rows(run("Chad called a ceasefire in the north on Monday."))
    assert got and got[0][:2] == ("TCD", "yield"), got


@pytest.mark.parametrize("text, expected", [
    # an attack another party reports, on an object naming no one, is aimed at the reporter
    ("Armenia's defence ministry said Azerbaijani troops had shelled a village overnight.", ("AZE", "attack", "ARM", "alleged")),
    ("Somalia said Ethiopian aircraft bombed two villages near Dolow on Sunday.", ("ETH", "attack", "SOM", "alleged")),
])
def test_reported_attack_is_on_the_reporter(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text", [
    "North Korea fired two missiles into the sea, Japan's defence ministry said.",   # a place, not a victim
    "Chad said its troops had shelled rebel positions in the north.",                 # its own act
])
def test_reported_act_without_victim_keeps_no_target(text):
    got = rows(run(text))
    assert all(r[2] is None for r in got if r[1] == "attack"), got


def test_act_object_for_a_party():
    got = rows(run("Norway suspended its development aid for Malawi on Tuesday."))
    assert any(r[0] == "NOR" and r[2] == "MWI" for r in got), got


def test_receiving_a_foreign_leader_hosts_a_visit():
    # events 0.20.0 (verb.hosted_guest): the guest visits the host (CAMEO 042), not the host the guest
    got = rows(run("Zambia's president received Malawian President Lazarus Chakwera in Lusaka on Monday."))
    assert ("MWI", "visit", "ZMB", "asserted") in got and ("ZMB", "visit", "MWI", "asserted") not in got, got


def test_receiving_refugees_hosts_no_visit():
    got = rows(run("Chad received thousands of Sudanese refugees last week."))
    assert "visit" not in [r[1] for r in got], got
