"""Patterns found by an error analysis of the conflict dev sets' tune halves (escalation 1.23.0).

Each narrowed or added reading is checked on short sentences written for this test, with a twin
that keeps the act: ``provide`` stipulating (``the Agreement provides for``), as a condition
(``provided that``) or with an abstract object (``provides an opportunity``) is no aid given
(CAMEO 07); the noun ``violation of the ceasefire`` is CAMEO 196 as the verb is.
"""
from __future__ import annotations

import pandas as pd
import pytest
from test_escalation import cues_of

from toolkit import escalation as esc
from toolkit.tokenize import tokenize_documents


def acts_of(text: str) -> list[tuple[str, str, str]]:
    """``(surface, cameo, quad_class)`` of the cues that are not statements."""
    c = cues_of(text)
    c = c[~c["quad_class"].isin(["statement", "modifier"])]
    return list(zip(c["text"], c["cameo"].astype(str), c["quad_class"]))


def event_class(text: str) -> str:
    """The ``sentence_escalation`` class of a one-sentence text."""
    s, toks = tokenize_documents(["d"], [text])
    return esc.sentence_table(esc.find_cues(toks, {"d": text}), s)["event_class"].iloc[0]


@pytest.mark.parametrize("text, word", [
    ("The law provides that the unit may share records with foreign banks.", "provides"),
    ("Civilians are protected provided that they take no part in the hostilities.", "provided"),
    ("As provided for in article 5, the panel meets twice a year.", "provided"),
    ("The visit provided a timely opportunity to review the plan.", "provided"),
    ("Ukraine provided the Council with evidence of the shelling.", "provided"),
    ("The reform may provide an incentive for investors.", "provide"),
    ("The envoy provided a briefing on the talks in Geneva.", "provided"),
])
def test_provide_without_aid_is_no_act(text, word):
    assert not [a for a in acts_of(text) if word in a[0]], acts_of(text)


@pytest.mark.parametrize("text, cls", [
    ("Japan will provide humanitarian assistance to Syria.", "verbal_cooperation"),   # future: intent (03)
    ("The United States provided the Lebanese army with ammunition.", "material_cooperation"),
    ("Donors provided $100 million to the relief effort.", "material_cooperation"),
    ("The Mission provided support to the national police.", "material_cooperation"),
])
def test_provide_with_aid_stays_aid(text, cls):
    assert event_class(text) == cls


def test_the_act_a_text_stipulates_keeps_its_cue():
    acts = acts_of("The accord provides for the release of all prisoners.")
    assert ("release", "084", "material_cooperation") in acts
    assert not [a for a in acts if "provides" in a[0]]


@pytest.mark.parametrize("text, act", [
    ("Both sides reported violations of the ceasefire overnight.", ("violations of the ceasefire", "196")),
    ("Monitors recorded a violation of the truce near the airport.", ("violation of the truce", "196")),
])
def test_ceasefire_violation_noun(text, act):
    assert (act[0], act[1], "material_conflict") in acts_of(text)


def test_violation_of_a_norm_stays_verbal():
    assert ("violations", "128", "verbal_conflict") in acts_of("The report lists violations of the agreement.")


def test_new_entries_are_in_the_lexicon_with_notes():
    lex = esc._load(esc.LEXICON)[0]
    table = lex.table if hasattr(lex, "table") else pd.DataFrame(lex.entries)
    for entry in ("provide that", "provide for", "violation of ... ceasefire"):
        row = table[table["entry"] == entry]
        assert len(row) == 1 and str(row["note"].iloc[0]).startswith("(1.23.0)")


@pytest.mark.parametrize("text, surface", [
    ("The bank froze the assets of the group.", "froze the assets"),
    ("Frozen assets remain in the accounts.", "Frozen assets"),
    ("The funds were frozen by 32 States.", "funds were frozen"),
    ("States froze funds of listed individuals.", "froze funds"),
])
def test_assets_and_funds_frozen_are_sanctions(text, surface):
    assert (surface, "163", "material_conflict") in acts_of(text)


@pytest.mark.parametrize("text", [
    "Al-Qaida moves funds across borders.",
    "Cash and term deposits represent funds in bank accounts.",
    "The Peacebuilding Fund met in New York.",
])
def test_money_held_or_a_fund_named_is_no_aid(text):
    assert not [a for a in acts_of(text) if a[1].startswith("07")], acts_of(text)


@pytest.mark.parametrize("text, surface", [
    ("Japan funded the new school in Gaza.", "funded"),
    ("The project received funding from the European Union.", "funding"),
    ("Iran funds the militias in Yemen.", "funds the"),
    ("Japan will fund the new hospital.", "fund the"),
])
def test_money_given_stays_aid(text, surface):
    assert (surface, "071", "material_cooperation") in acts_of(text)


def test_a_modal_before_fund_stays_modality():
    c = cues_of("Japan will fund the new hospital.")
    assert c.loc[c["cue"] == "fund the", "modality"].tolist() == ["future"]


@pytest.mark.parametrize("text, surface, cameo", [
    ("Hackers launched cyberattacks on Estonian banks.", "cyberattacks", "190"),
    ("Two improvised explosive devices exploded near the base.", "explosive devices", "183"),
    ("Moscow summons the US ambassador over the strikes.", "summons the US ambassador", "110"),
    ("Police dispersed the protestors.", "protestors", "141"),
])
def test_plurals_the_lemmatizer_keeps(text, surface, cameo):
    assert surface in [a[0] for a in acts_of(text) if a[1] == cameo], acts_of(text)


def test_an_explosive_device_is_a_reference():
    refs = esc._load(esc.LEXICON)[1].references
    assert {"explosive device", "explosive devices", "protestors"} <= set(refs)
    # the act decides: the condemnation, not the weapon it names
    assert event_class("The Council condemned the use of explosive devices.") == "verbal_conflict"


@pytest.mark.parametrize("text, cls", [
    # the main clause's act decides, not one inside the opening prepositional phrase
    ("Despite the sanctions, UNESCO continued to work with its partners.", "material_cooperation"),
    ("In response to the attack, Kyiv summoned the Belarusian ambassador.", "verbal_conflict"),
    ("Despite the ceasefire, rebels shelled the town overnight.", "material_conflict"),
    ("With regard to disarmament talks, the mission will support the cantonment of forces.",
     "verbal_cooperation"),
    # an opening phrase with the only act still decides
    ("After the attack on the convoy, the streets were quiet.", "material_conflict"),
    # no opening preposition, or no comma: the leftmost act, as before
    ("Rebels attacked the convoy, the army said, and talks resumed.", "material_conflict"),
    ("In the talks the envoy condemned the strikes.", "verbal_cooperation"),
])
def test_an_opening_prepositional_phrase_yields_to_the_main_clause(text, cls):
    assert event_class(text) == cls


def test_opening_phrase_needs_a_preposition_and_a_comma():
    s = pd.DataFrame({"doc_id": ["a", "b", "c"], "sent_id": [0, 0, 0], "start": [0, 50, 100],
                      "text": ["“In 2014, troops left.", "When troops left, talks began.", "In May talks began."]})
    c = pd.DataFrame({"doc_id": ["a", "a", "b", "c"], "sent_id": [0, 0, 0, 0], "start": [3, 10, 51, 103]})
    assert esc.in_opening_phrase(c, s, frozenset({"in"})).tolist() == [True, False, False, False]
