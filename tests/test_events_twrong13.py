"""Rule ``target.accused_before_charge`` (events): an accusation verb's object before a gerund
charge is the accused and the accusation's target, even when it names no actor; a party inside
the charge ("of bringing arms from X") is the alleged act's, not the accusation's. Sentences
written for this test, with near misses (a named accused, a named "of" phrase, other verbs)."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, wrong", [
    ("Armenia's foreign ministry accused the mediators of ignoring Azerbaijani shelling.", "AZE"),
    ("Lebanon's army accused the smugglers of bringing arms from Syria.", "SYR"),
    ("Guyana's president accused the soldiers of crossing from Venezuela at night.", "VEN"),
    ("Sudan accused the observers of siding with Chadian militias.", "TCD"),
    ("Serbia's president blamed the protesters for attacking Kosovo police officers.", "XKX"),
])
def test_party_inside_the_charge_is_not_the_target(text, wrong):
    got = [g for g in rows(run(text)) if g[1] == "accuse"]
    assert got and all(g[2] != wrong for g in got), got


@pytest.mark.parametrize("text, expected", [
    ("Mali cut ties with Algeria on Sunday, accusing its neighbour of arming Tuareg rebels in the north.",
     ("MLI", "accuse", "DZA", "asserted")),
    ("Mali accused Algeria of arming Tuareg rebels in the north.", ("MLI", "accuse", "DZA", "asserted")),
    ("Armenia accused Azerbaijan on Monday of shelling border villages.", ("ARM", "accuse", "AZE", "asserted")),
    ("Kenya blamed Somalia for the attack on its border post.", ("KEN", "accuse", "SOM", "asserted")),
    ("Poland accused the government of Belarus of pushing migrants across the border.",
     ("POL", "accuse", "BLR", "asserted")),
    ("Ghana accused the leadership of Togo of harbouring plotters.", ("GHA", "accuse", "TGO", "asserted")),
    ("Vietnam accused Chinese coast guard ships of ramming its fishing boats.", ("VNM", "accuse", "CHN", "asserted")),
    ("Chile provided support to Peru after the floods.", ("CHL", "aid", "PER", "asserted")),
])
def test_accused_and_near_misses_keep_their_target(text, expected):
    got = rows(run(text))
    assert expected in got, got


def test_rule_is_recorded():
    out = run("Lebanon's army accused the smugglers of bringing arms from Syria.")
    rules = [r for r, a in zip(out["rule"], out["act"]) if a == "accuse"]
    assert rules and all("target.accused_before_charge" in r for r in rules), rules
