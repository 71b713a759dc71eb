"""toolkit.quotes: adjuncts between a source and its cue (found on PolNeAR train, never on the
dev set): "X on Tuesday said", where the day is the reporter's and belongs to neither."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows




def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("kind", "speaker", "cue", "content"))


@pytest.mark.parametrize("text, expected", [
    ("Lopes on Tuesday said that the talks had failed.",
     ("indirect", "Lopes", "said", "that the talks had failed")),
    ("The ministry on Friday announced that it would appeal.",
     ("indirect", "The ministry", "announced", "that it would appeal")),
    ("Speaker Ana Ruiz on Monday called the remarks racist.",
     ("indirect", "Speaker Ana Ruiz", "called", "the remarks racist")),
    ("The Freedonian envoy on Sunday warned that the truce could collapse.",
     ("indirect", "The Freedonian envoy", "warned", "that the truce could collapse")),
])
def test_day_between_source_and_cue(text, expected):
    assert expected in rows(text)


@pytest.mark.parametrize("text, speaker", [
    ("The talks collapsed on Tuesday, said the minister.", "the minister"),   # the day ends the content
    ("Talks on Tuesday, the minister said, were cordial.", "the minister"),
])
def test_day_elsewhere_is_no_speaker(text, speaker):
    got = rows(text)
    assert got and all(s == speaker for _, s, _, _ in got), got


@pytest.mark.parametrize("text", [
    "The vote on Tuesday drew large crowds.",                  # no cue at all
    "Markets on Monday rose sharply.",                         # no cue
])
def test_day_without_cue_gives_no_row(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, expected", [
    # a participial cue set off by commas is an aside: the subject before it speaks through both
    ("Salceda, citing data from the State Department, said that four million people live there.",
     [("indirect", "Salceda", "citing", "data from the State Department"),
      ("indirect", "Salceda", "said", "that four million people live there")]),
    ("The Journal, citing internal documents, reported that the campaign is spending more.",
     [("indirect", "The Journal", "citing", "internal documents"),
      ("indirect", "The Journal", "reported", "that the campaign is spending more")]),
    # a party and state after a legislator's name stays in the appositive
    ("Sen. Ana Ruiz, R-Fla., said the bill would fail.",
     [("indirect", "Sen. Ana Ruiz, R-Fla.", "said", "the bill would fail")]),
    ("Sen. Ana Ruiz, D-Ill., appearing on television after the speech, said the bill would fail.",
     [("indirect", "Sen. Ana Ruiz, D-Ill.", "said", "the bill would fail")]),
])
def test_participial_aside_and_party_state(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative clause's cue speaks for its relative pronoun only; "left" is no cue
    ("The envoy, who said the talks had failed, left early.",
     [("indirect", "who", "said", "the talks had failed")]),
    # a participle that is no cue opens no row of its own
    ("The envoy, speaking in Geneva, left early.", []),
])
def test_participial_aside_negatives(text, expected):
    assert rows(text) == expected


def test_according_to_aside_is_not_a_participle():
    # "according to X" between commas names its own source; the subject before it is no speaker
    got = rows("The bodies, according to those who found them, show signs of torture.")
    assert all(s != "The bodies" for _, s, _, _ in got), got


@pytest.mark.parametrize("text, speaker", [
    # a poll's participle after its respondents belongs to the source
    ("Those surveyed say stricter border checks would help.", "Those surveyed"),
    ("By double digits, those surveyed say the tax is unfair.", "those surveyed"),
    ("Some 56 percent of voters polled said they would stay home.", "Some 56 percent of voters polled"),
    ("The 600 people interviewed said the economy was their top issue.", "The 600 people interviewed"),
])
def test_poll_participle_in_source(text, speaker):
    assert [s for _, s, _, _ in rows(text)] == [speaker]


@pytest.mark.parametrize("text", [
    "The votes surveyed.",                       # no cue
    "Polled voters are tired of the campaign.",  # a participle before its noun, no cue
])
def test_poll_participle_without_cue(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, expected", [
    # the splitter ends a sentence at "R-Mo." before ")": the quotes step joins it again
    ("Sen. Ana Ruiz (R-Mo.), facing a stiff challenge, noted that the bill would fail.",
     [("indirect", "Sen. Ana Ruiz (R-Mo.)", "noted", "that the bill would fail")]),
])
def test_sentence_split_before_closing_parenthesis(text, expected):
    assert rows(text) == expected


def test_real_sentence_break_is_kept():
    assert rows("The talks ended. The minister said the deal was off.") == [
        ("indirect", "The minister", "said", "the deal was off")]
