"""toolkit.quotes: a noun modifier before a cue word makes it a noun ("little hope", "reasonable
doubt"): no subject, no cue. "called" followed by a name and nothing that labels it names a thing ("a
militia called the Northern Front", "The party, called Forward Velland, won") or is a phone
call ("called Lopes on Friday"): no cue; "called X a liar", "called X “a traitor”" and
"called X's plan reckless" still label X (issue 17)."""
from __future__ import annotations

import pytest
from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("speaker", "cue", "content"), scare=False)


@pytest.mark.parametrize("text", [
    "The blast was claimed by a militia called the Northern Front.",
    "The party, called Forward Velland, won 12 seats.",
    "The minister called Ilka Varro on Friday.",
    "Farmers along a river called Dalva Creek lost their crops.",
])
def test_naming_or_phoning_is_no_cue(text):
    assert [r for r in rows(text) if r[1] == "called"] == []


def test_a_named_group_speaks_with_its_name():
    assert rows("A group called Tarsian Voice said the vote was rigged.") == [
        ("A group called Tarsian Voice", "said", "the vote was rigged")]


@pytest.mark.parametrize("text, content", [
    ("The minister called Ilka Varro a liar.", "Ilka Varro a liar"),
    ('Ruiz called Dorsey "a coward" on Friday.', 'Dorsey "a coward" on Friday'),
    ("Ruiz called Dorsey's plan reckless.", "Dorsey's plan reckless"),
    ("Ruiz called Dorsey, the rival candidate, a liar.", "Dorsey, the rival candidate, a liar"),
])
def test_labelling_stays(text, content):
    assert [r[2] for r in rows(text) if r[1] == "called"] == [content]


def test_a_fronted_object_makes_the_name_a_label():
    assert [r[1] for r in rows("It was what General Ivo Marr called the Long Retreat.")] == ["called"]


@pytest.mark.parametrize("text", [
    "There is reasonable doubt the merger will survive.",
])
def test_a_modified_noun_is_no_cue(text):
    assert rows(text) == []


def test_a_modified_noun_a_verb_of_holding_takes_has_its_holder():
    # (rev13 review) "see little hope": the analysts hold it (quotes._held_noun), not "Analysts see little"
    assert rows("Analysts see little hope the Velland talks will resume.") == [
        ("Analysts", "hope", "the Velland talks will resume")]


@pytest.mark.parametrize("text, cue, content", [
    # a noun of saying with its clause and no owner: the allegation, its source unnamed
    ("Growing fears that the war would spread hit markets.", "fears", "that the war would spread"),
    ("Yet scandalous charges that Norvia shelled the port spread online.", "charges",
     "that Norvia shelled the port"),
])
def test_an_unowned_noun_of_saying_has_no_speaker(text, cue, content):
    got = quote_rows(text, ("speaker", "cue", "content", "rule"), scare=False)
    assert any(r[0] is None and r[1] == cue and r[2].startswith(content) and r[3] == "indirect_nominal" for r in got), got


@pytest.mark.parametrize("text, speaker", [
    ("A constable said the road to Orsk was shut.", "A constable"),
    ("Many fear the talks will fail.", "Many"),
    ("Few believe the ceasefire will hold.", "Few"),
])
def test_quantifier_and_noun_subjects_stay(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]
