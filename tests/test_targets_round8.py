"""Targets, round 8: the phrase after an object that names the act itself, partitive phrases and
time words that end a noun phrase."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def main_row(text: str, *columns: str) -> tuple:
    """The main event's values of ``columns`` (missing as None), then its target rule."""
    out = run(text)
    m = out[out["main"]]
    assert not m.empty, text
    r = m.iloc[0]
    rule = r["rule"].split("target:")[1].split("/")[0]
    return tuple(None if r[c] is None or r[c] != r[c] else r[c] for c in columns) + (rule,)


def main_target(text: str) -> tuple:
    """(source actor, act, target text, target actor, target rule) of the main event."""
    return main_row(text, "source_actor", "act", "target_text", "target_actor")


@pytest.mark.parametrize("text, target, actor", [
    # target.prep_after_named_act: a verb + noun cue ending on the object's head
    ("German prosecutors have launched an investigation into the business dealings of the firm .",
     "the business dealings", None),
    ("French prosecutors opened an investigation into the Russian oligarch .", "the Russian oligarch", "RUS"),
    ("The students staged a protest against the new curfew .", "the new curfew", None),
    ("Police opened fraud investigations against the top 25 providers .", "the top 25 providers", None),
    # negatives: the object is acted on (a named group), or nothing follows the act's name
    ("Poland expelled Russian diplomats to Belarus .", "Russian diplomats", "RUS"),
    ("Russia launched an investigation on Monday .", "an investigation", None),
    ("Yemen let free activists in the face of protests .", "free activists", None),
    ("Police opened an investigation in Paris .", "Paris", "FRA"),   # a place, by target.named_oblique_in
    ("The minister met this challenge with a focus on jobs .", "this challenge", None),
])
def test_phrase_after_named_act(text, target, actor):
    got = main_target(text)
    assert (got[2], got[3]) == (target, actor)


@pytest.mark.parametrize("text, target, actor", [
    # target.named_act_complement / target.noun_complement: what an attitude is about
    ("Prime Minister Justin Trudeau expressed optimism Wednesday that the federal government 's timeline could be "
     "accelerated .", "the federal government 's timeline", None),
    ("Japan voiced concern that North Korea could test a missile .", "North Korea", "PRK"),
    # target.prep_after_named_act_about
    ("The bank 's mission expressed optimism about the economic reforms .", "the economic reforms", None),
    # negatives: a pronoun subject names no one new; no clause, no target from it
    ("Japan voiced concern that it could be attacked .", None, None),
    ("Trudeau expressed optimism on Wednesday .", "optimism", None),
])
def test_what_an_attitude_is_about(text, target, actor):
    got = main_target(text)
    assert (got[2], got[3]) == (target, actor)


@pytest.mark.parametrize("text, target, actor", [
    # target.reported_obliged: a reported subject told what it must do, even the speaker's own state
    ("Indonesia 's donors Friday said that Indonesia must ensure security throughout the country .",
     "Indonesia", "IDN"),
    ("The former Prime Minister of Sri Lanka said the Sri Lankan government must provide basic amenities "
     "to the people .", "the Sri Lankan government", "LKA"),
    # negatives: no obligation keeps the act's own target; another state is the target anyway
    ("Putin said Russia will not lift the ban on the European Union .", "the European Union", "EU"),
    ("Russia said Ukraine must withdraw its troops .", "Ukraine", "UKR"),
])
def test_reported_subject_under_obligation(text, target, actor):
    got = main_target(text)
    assert (got[2], got[3]) == (target, actor)
