"""Acts a party weighs are options, not acts (issue 17, events 0.12.0): CAMEO 014 "consider
policy option" is the asserted row and the act weighed is hypothetical (rules
modality.deliberated in toolkit.clauses, verb.deliberation in toolkit.events). Constructed
sentences; each table holds the misfire and the cases that must keep working."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected, absent", [
    ("Slovakia is considering expelling two Hungarian diplomats.",
     [("SVK", "consider", "HUN", "asserted"), ("SVK", "expel", "HUN", "hypothetical")],
     ("SVK", "expel", "HUN", "asserted")),
    ("Chile is weighing whether to expel Bolivian diplomats.",
     [("CHL", "consider", "BOL", "asserted"), ("CHL", "expel", "BOL", "hypothetical")],
     ("CHL", "expel", "BOL", "asserted")),
    ("Portugal is mulling whether to impose sanctions on Nicaraguan officials.",
     [("PRT", "consider", "NIC", "asserted"), ("PRT", "sanction", "NIC", "hypothetical")],
     ("PRT", "sanction", "NIC", "asserted")),
    ("Ireland is discussing whether to impose sanctions on Eritrean officials.",
     [("IRL", "consider", "ERI", "asserted"), ("IRL", "sanction", "ERI", "hypothetical")],
     ("IRL", "sanction", "ERI", "asserted")),
    ("Latvia is weighing a ban on Belarusian trucks.", [("LVA", "consider", "BLR", "asserted")],
     ("LVA", "unclassified", "BLR", "asserted")),
    # held up: a plain discussion is no deliberation, an intention stays future, a done act asserted
    ("Chile and Peru discussed sanctions on Bolivia.", [], ("CHL", "consider", "BOL", "asserted")),
    ("Slovakia plans to expel two Hungarian diplomats.", [("SVK", "expel", "HUN", "future")],
     ("SVK", "expel", "HUN", "hypothetical")),
    ("Slovakia expelled two Hungarian diplomats after considering the matter.",
     [("SVK", "expel", "HUN", "asserted")], ("SVK", "expel", "HUN", "hypothetical")),
])
def test_a_weighed_act_is_hypothetical(text, expected, absent):
    got = rows(run(text))
    assert all(x in got for x in expected) and absent not in got, got


@pytest.mark.parametrize("text, expected, absent", [
    # a vow to do harm is a threat aimed at the vowed act's target; the act itself is future
    ("Bolivia vowed to expel the Chilean ambassador.",
     [("BOL", "threaten", "CHL", "asserted"), ("BOL", "expel", "CHL", "future")], ("BOL", "warn", None, "asserted")),
    # one threat, not a warning and a future threat
    ("Azerbaijan vowed to retaliate against Armenian forces.", [("AZE", "threaten", "ARM", "asserted")],
     ("AZE", "threaten", "ARM", "future")),
    # a gerund after the vowed infinitive is the vowed act, and future
    ("The Houthis vowed to keep attacking Israeli ships.",
     [("HOUTHI", "threaten", "ISR", "asserted"), ("HOUTHI", "attack", "ISR", "future")],
     ("HOUTHI", "attack", "ISR", "asserted")),
    # a threat's target is its infinitive's object, not a place phrase that names no actor
    ("Pyongyang threatened to strike American bases in Guam.", [("PRK", "threaten", "USA", "asserted")],
     ("PRK", "threaten", None, "asserted")),
    # held up: a promise to help is no threat; fighting for someone is on their side
    ("Kenya promised to send more police officers to Haiti.", [("KEN", "offer", "HTI", "asserted")],
     ("KEN", "threaten", "HTI", "asserted")),
    ("Zelensky promised to fight for every village.", [], ("UKR", "threaten", None, "asserted")),
    # a friendly vow is a promise, not a warning (events 0.12.2); a vow to punish is a threat
    ("Saudi Arabia vowed to help rebuild Yemen.", [("SAU", "offer", None, "asserted")], ("SAU", "warn", None, "asserted")),
    ("Modi vowed to strengthen ties with Japan.", [("IND", "offer", "JPN", "asserted")], ("IND", "warn", "JPN", "asserted")),
    ("Hungary vowed to continue talks with Serbia.", [("HUN", "offer", "SRB", "asserted")], ("HUN", "warn", "SRB", "asserted")),
    ("Germany vowed to stand by Israel.", [("DEU", "offer", None, "asserted")], ("DEU", "warn", None, "asserted")),
    ("Iran pledged to punish Israel.", [("IRN", "threaten", "ISR", "asserted")], ("IRN", "offer", "ISR", "asserted")),
    ("Tehran vowed to avenge the killing of its general.", [("IRN", "threaten", None, "asserted")],
     ("IRN", "warn", None, "asserted")),
])
def test_a_vow_to_do_harm_is_a_threat(text, expected, absent):
    got = rows(run(text))
    assert all(x in got for x in expected) and absent not in got, got


@pytest.mark.parametrize("text, expected", [
    # a reported "would" is the speaker's "will", backshifted: future, also when the toolkit
    # reads the complement as an indirect quote (rule claim.quote) rather than a claim
    ("The Danish government said on Monday it would provide 20 million euros in aid to Moldova.",
     ("DNK", "aid", "MDA", "future")),
    # a speaker's own "would", in quotation marks or after a transcript's colon, stays hypothetical
    ('"Norway would provide aid to Moldova," the minister said.',
     ("NOR", "aid", "MDA", "hypothetical")),
    ("THE MINISTER: Norway would provide aid to Moldova.", ("NOR", "aid", "MDA", "hypothetical")),
])
def test_a_reported_would_is_future(text, expected):
    got = rows(run(text, with_quotes=True))
    assert expected in got, got
