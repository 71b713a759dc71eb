"""toolkit.quotes rule ``in_source``: a sentence-opening "In <poll/study/view>," attributes the
clause after it to that phrase, as PolNeAR does (cue "In"); found on PolNeAR train."""
from __future__ import annotations

import pytest
from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("rule", "kind", "speaker", "cue", "content"))


@pytest.mark.parametrize("text, expected", [
    ("In a Freedonia Times poll released Monday, the president led by 6 points.",
     ("in_source", "according_to", "a Freedonia Times poll released Monday", "In", "the president led by 6 points")),
    ("In the envoy's view, the truce will not hold.",
     ("in_source", "according_to", "the envoy's view", "In", "the truce will not hold")),
    ("In our view, there is no justification for the blockade.",
     ("in_source", "according_to", "our view", "In", "there is no justification for the blockade")),
    ("ORSK - In a recent survey, two thirds of farmers were in debt.",
     ("in_source", "according_to", "a recent survey", "In", "two thirds of farmers were in debt")),
])
def test_in_source(text, expected):
    got = rows(text)
    assert expected in got, got


@pytest.mark.parametrize("text", [
    "In other words, the deal is dead.",                           # a formula
    "In the wake of a new poll, the campaign changed course.",     # the poll is not the phrase's head
    "In view of the vote, the talks were postponed.",              # "in view of": because of
    "In March, the ministry closed the border.",                   # a time, no poll or view
    "She said that, in her view, the truce will not hold.",        # not sentence-opening
])
def test_no_in_source(text):
    assert all(r[0] != "in_source" for r in rows(text)), rows(text)


def test_clause_with_its_own_cue_keeps_its_speaker():
    # "In a poll, 52 percent said ...": the respondents speak; the poll phrase makes no second row
    got = rows("In a CNN poll, 52 percent said they backed the plan.")
    assert [r[0] for r in got] == ["indirect_subject"] and got[0][2] == "52 percent", got
