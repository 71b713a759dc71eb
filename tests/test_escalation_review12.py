"""Escalation review 12: in reported speech a clause with a subject of its own is that subject's
act (no one's when the subject names no actor), an evaluation after a copula stays the speaker's
toward the subject, a cue in the reporting verb's of/against phrase stays the speaker's, and
cessation is a demand on the doer only. Constructed sentences with invented states."""
from __future__ import annotations

import pytest

from test_escalation import cue
from test_escalation_reported import reported_cue
from toolkit import escalation as esc

NAMES = ("Osterlich", "Valdonia", "Ruritania")


def _row(text, surface, content):
    names = {n: n[:3].upper() for n in NAMES if n in text}
    return reported_cue(text, surface, content, names, "RUR")


@pytest.mark.parametrize("text, surface, content, source, target", [
    # a subject that names no actor: nobody's act, not the speaker's
    ("Halden said nobody would threaten Valdonia's sovereignty.", "threaten",
     "nobody would threaten Valdonia's sovereignty", None, "VAL"),
    ("Halden said someone was trying to destabilise Valdonia.", "destabilise",
     "someone was trying to destabilise Valdonia", None, "VAL"),
    ("Halden said the unrest in Osterlich threatened the whole region.", "threatened",
     "the unrest in Osterlich threatened the whole region", None, None),
    # near miss: an actor subject is the doer
    ("Halden said Osterlich would threaten Valdonia's sovereignty.", "threaten",
     "Osterlich would threaten Valdonia's sovereignty", "OST", "VAL"),
    # an evaluation after a copula: the speaker's, toward the subject
    ("Halden said Osterlich's conduct was a provocation.", "provocation",
     "Osterlich's conduct was a provocation", "RUR", "OST"),
    # near miss: a verb after the copula is the subject's act
    ("Halden said Osterlich was provoking Valdonia.", "provoking",
     "Osterlich was provoking Valdonia", "OST", "VAL"),
    # the reporting verb's phrase: the speaker warns
    ("Ruritania warned Osterlich of retaliation.", "retaliation", "Osterlich of retaliation", "RUR", None),
])
def test_reported_clause_subject(text, surface, content, source, target):
    row = _row(text, surface, content)
    got = tuple(None if v is None or v != v else v for v in (row["source_actor"], row["target_actor"]))
    assert got == (source, target)


def test_material_act_takes_clause_subject_not_nearest_mention():
    text = "Osterlich struck Valdonia with glide bombs, the governor said."
    row = _row(text, "bombs", "Osterlich struck Valdonia with glide bombs")
    assert row["source_actor"] == "OST"


@pytest.mark.parametrize("text, surface", [
    ("Ruritania wants to stop the killing in Valdonia.", "killing"),
    ("Ruritania hopes the talks will end the fighting in Valdonia.", "fighting"),
    ("The truce is important because it will end the shelling.", "shelling"),
    ("Observers expect the truce to end the bombing.", "bombing"),
    ("The priority for Valdonia is to stop Osterlich's attacks.", "attacks"),
    ("Ruritania urged Osterlich to stop and Valdonia condemned Ruritania.", "condemned"),
])
def test_no_demand_on_the_doer_is_no_cessation(text, surface):
    assert cue(text, surface)["modality"] != "cessation"


@pytest.mark.parametrize("text, surface", [
    ("Ruritania urged Osterlich to stop its strikes on Valdonia.", "strikes"),
    ("Osterlich must stop its shelling of Valdonia.", "shelling"),
    ("Stop the bombing of Valdonia.", "bombing"),
])
def test_demand_on_the_doer_is_cessation(text, surface):
    assert cue(text, surface)["modality"] == "cessation"


def test_clause_role():
    assert esc._clause_role("the drills were a provocation", 0, 18) == "evaluation"
    assert esc._clause_role("that nobody would", 0, 17) == "subject"
    assert esc._clause_role("an AU-led process to end the", 0, 28) == ""
    assert esc._clause_role("we will", 0, 8) == ""
