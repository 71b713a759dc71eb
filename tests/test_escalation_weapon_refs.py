"""Weapons named are references (escalation 1.33.0, events.yaml 0.24.2 ``named_only``); with
them the 1.33.0 twins `transfer|supply ... arm` (072) and `contribute ... million dollar` (070).

A weapon word on its own (`weapons`, `small arms`, `ammunition`, `firearms`) names no act: it
decides a sentence's class (material conflict) only when the sentence has no act, as
``artillery`` does, a negated or countered one reads as cooperation, and the events table makes
no row from it. Sentences written for this test (invented places and groups, UN-report register).
"""
from __future__ import annotations

import event_rows
import pandas as pd
import pytest
from test_events import NEEDS_TAGGER

from toolkit.validation.escalation import toolkit_classes

pytestmark = NEEDS_TAGGER

# text, class of sentence_escalation's first rule
CLASSES = [
    ("Fighters of the Orvek Brigade were seen carrying weapons near the Talmi market.", "material_conflict"),
    ("Large quantities of small arms and ammunition reached the port of Selvana last spring.", "material_conflict"),
    ("The patrol found three firearms in a farmhouse outside Drem.", "material_conflict"),
    # an act in the sentence decides, not the weapon named
    ("The Council condemned the transfer of weapons to the Orvek Brigade.", "verbal_conflict"),
    ("Donors provided training to customs officers at the Selvana border post.", "material_cooperation"),
    # a weapon negated by the verb before it: preventing their smuggling is cooperation
    ("Customs officers must detect and prevent the smuggling of small arms.", "material_cooperation"),
    # demobilizing: laying or putting down weapons is a yield (CAMEO 0873)
    ("The Orvek Brigade put down its weapons in Talmi on Sunday.", "material_cooperation"),
    # bare `arms` and the singular `weapon` are no references (the limb, figures of speech)
    ("The nurse in Drem held the newborn in her arms.", "none"),
    ("Patience is our most effective weapon, the mayor of Selvana said.", "statement"),
    # no weapon: no class
    ("The committee met twice in the Selvana town hall.", "verbal_cooperation"),
]


@pytest.mark.parametrize("text, cls", CLASSES)
def test_weapon_reference_decides_only_without_an_act(text, cls):
    assert toolkit_classes([text], rules=("first",))[0]["first"] == [cls]


def test_weapon_words_are_references():
    from toolkit import analyze

    t = "Regular officers of the Drem police carried only their weapons."
    cues = analyze(pd.DataFrame({"doc_id": ["d"], "text": [t]}), annotators=["escalation"], workers=1,
                   cache=False, progress=False)["escalation"]
    assert cues[["cue", "kind"]].values.tolist() == [["weapons", "reference"]]


NAMED_ONLY = [
    "Tarsk approved a $3 billion package of weapons and ammunition for Oveln last week.",
    "The children of Drem were seen carrying weapons near the rebel camp.",
]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return event_rows.analyze_texts(NAMED_ONLY + ["Tarsk sent weapons to Oveln."])


@pytest.mark.parametrize("text", NAMED_ONLY)
def test_a_weapon_named_makes_no_event(events, text):
    """No act from the weapon word (an uncoded verb between two actors may still give its
    ``unclassified`` row)."""
    got = event_rows.rows(events, text, ["act", "cameo"])
    assert [g for g in got if g[0] != "unclassified"] == [], got


def test_a_verb_sending_weapons_keeps_its_row(events):
    got = event_rows.rows(events, "Tarsk sent weapons to Oveln.", ["act", "cameo", "source_actor"])
    assert got, got


@pytest.mark.parametrize("text", [
    "Nine states in the region regulate the transfer of arms and explosives to private buyers.",
    "The panel traced the supply of arms to a trading firm in Velmora.",
])
def test_transfer_or_supply_of_arms_is_military_aid(text):
    """`transfer ... arm`, `supply ... arm` (072), as `arms transfer`: the act decides, not the
    weapon reference after it."""
    assert toolkit_classes([text], rules=("first",))[0]["first"] == ["material_cooperation"]


@pytest.mark.parametrize("text, cls", [
    ("Last year Norvania contributed 12 million dollars to the Central Emergency Response Fund.",
     "material_cooperation"),
    ("Palento has contributed $40 million to the reconstruction of Velmora.", "material_cooperation"),
    # a cause, not a gift: no money given
    ("Drought contributed to the deaths of two million head of cattle in Velmora.", "none"),
])
def test_money_contributed_is_aid(text, cls):
    """`contribute ... million dollar`, `contribute ... $ ... million` (070), as `give ...`."""
    assert toolkit_classes([text], rules=("first",))[0]["first"] == [cls]
