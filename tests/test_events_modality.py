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
