"""Misfires an adversarial review found in the quote rules of reporting_verbs 1.8.0 (verbs of
attack read as criticism in their military sense, "In X, ..." read as a source wherever a
source noun stood in X, a participial aside hiding the main verb), and the readings around
them that must keep working. Each sentence runs through ``toolkit.analyze`` once, so the
``mentions`` the quote rules read are the real ones."""
from __future__ import annotations

import pandas as pd
import pytest

import toolkit
from quote_rows import quote_table

# (text, (speaker, cue, content, rule) that must be there): readings that keep working.
KEEP = [
    ("Sanders attacked Clinton for her vote.", ("Sanders", "attacked", "Clinton for her vote", "indirect_subject")),
    ("The senator attacked Clinton for her vote on the war.",
     ("The senator", "attacked", "Clinton for her vote on the war", "indirect_subject")),
    ("Republicans hit Obama for his handling of the crisis.",
     ("Republicans", "hit", "Obama for his handling of the crisis", "indirect_subject")),
    ("Trump attacked China for its trade practices.",
     ("Trump", "attacked", "China for its trade practices", "indirect_subject")),
    ("The White House attacked Iran for its support of the Houthis.",
     ("The White House", "attacked", "Iran for its support of the Houthis", "indirect_subject")),
    ("Ryan on Tuesday called the remarks racist.", ("Ryan", "called", "the remarks racist", "indirect_subject")),
    ("The United States attacked Iran for its support of the Houthis, officials said.",
     ("officials", "said", "The United States attacked Iran for its support of the Houthis",
      "indirect_subject_content_before")),
]

# (text, cue words that must give no row): the misfires.
MISFIRE = [
    ("Turkey attacked Kurdish fighters for their role in the bombing.", {"attacked"}),
    ("Russia attacked Ukraine for its NATO ambitions.", {"attacked"}),
    ("The United States attacked Iran for its support of the Houthis, officials said.", {"attacked"}),
    ("The Pentagon attacked Iran for its support of the Houthis.", {"attacked"}),
    ("Israeli forces attacked Hamas militants for their rocket fire.", {"attacked"}),
    ("The Russian army attacked the rebels for their defiance.", {"attacked"}),
    ("Israel hit Hezbollah targets in Lebanon for their rocket fire.", {"hit"}),
]

TEXTS = sorted({t for t, _ in KEEP} | {t for t, _ in MISFIRE})


@pytest.fixture(scope="module")
def quotes() -> dict[str, list[tuple]]:
    df = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS})
    q = toolkit.analyze(df, workers=1, cache=False)["quotes"]
    out: dict[str, list[tuple]] = {t: [] for t in TEXTS}
    for r in q.itertuples():
        out[TEXTS[int(r.doc_id[1:])]].append((r.speaker, r.cue, r.content, r.rule))
    return out


@pytest.mark.parametrize("text, expected", KEEP)
def test_readings_that_keep_working(quotes, text, expected):
    assert expected in quotes[text], quotes[text]


@pytest.mark.parametrize("text, cues", MISFIRE)
def test_misfires_give_no_row(quotes, text, cues):
    assert not [r for r in quotes[text] if r[1] in cues], quotes[text]


def rows_without_mentions(text: str) -> list[tuple]:
    q = quote_table(text)
    return [(r.speaker, r.cue, r.content) for r in q.itertuples()]


@pytest.mark.parametrize("text, cue, keep", [
    ("They attacked Kurdish fighters for their role in the bombing.", "attacked", False),
    ("They hit rebel positions for their role in the raid.", "hit", False),
    ("They attacked Hamas targets in Gaza for their rocket fire.", "attacked", False),
    ("They attacked the senator for her vote.", "attacked", True),
])
def test_military_object_without_mentions(text, cue, keep):
    got = [r for r in rows_without_mentions(text) if r[1] == cue]
    assert bool(got) is keep, got


@pytest.mark.parametrize("text, source", [
    ("In the study area, troops patrolled the streets.", None),          # head "area", not "study"
    ("In the view from the hilltop, the city looked calm.", None),       # a view, but nobody's
    ("In the eyes of the law, all citizens are equal.", None),           # the law holds no view
    ("In a poll released Monday, Trump attacked the pollster for bias.", None),  # a verb in the clause
    ("In the days after the poll, the campaign changed course.", None),
    ("In Gaza, Israeli jets struck a school, killing 12 people.", None),
    ("In other words, the deal is dead.", None),
    ("In recent years, the study of history has declined.", None),
    ("In a CBS News poll last month, Biden led by six points.", "a CBS News poll last month"),
    ("In a Freedonia Times poll released Monday, the president led by 6 points.",
     "a Freedonia Times poll released Monday"),
    ("In the eyes of many voters, the president has failed.", "the eyes of many voters"),
    ("In the view of the Kremlin, the talks are over.", "the view of the Kremlin"),
    ("In the opinion of the court, the law is void.", "the opinion of the court"),
    ("In their view, the sanctions have failed.", "their view"),
    ("In Washington's view, Beijing is the main threat.", "Washington's view"),
])
def test_in_source_head(text, source):
    got = [r for r in rows_with_rule(text) if r[3] == "in_source"]
    assert [r[0] for r in got] == ([source] if source else []), got


@pytest.mark.parametrize("text, expected", [
    ("In a statement, the ministry said the strikes were illegal.",
     ("the ministry", "said", "the strikes were illegal", "indirect_subject")),
    ("In a poll, 52 percent said they backed the plan.",
     ("52 percent", "said", "they backed the plan", "indirect_subject")),
    ("In a speech, the president said the war would end.",
     ("the president", "said", "the war would end", "indirect_subject")),
])
def test_in_phrase_before_a_speaker_keeps_the_speaker(text, expected):
    assert rows_with_rule(text) == [expected]


def rows_with_rule(text: str) -> list[tuple]:
    q = quote_table(text)
    return [(r.speaker, r.cue, r.content, r.rule) for r in q.itertuples()]


@pytest.mark.parametrize("text, speaker, aside, content", [
    ("Lopez, citing intelligence reports, said the attack was imminent.",
     "Lopez", "intelligence reports", "the attack was imminent"),
    ("Mr. Lopez, citing intelligence reports, said that the attack was imminent.",
     "Mr. Lopez", "intelligence reports", "that the attack was imminent"),
    ("Lopez, citing intelligence data, said the attack was imminent.",
     "Lopez", "intelligence data", "the attack was imminent"),
    ("The ministry, citing security concerns, said the border would close.",
     "The ministry", "security concerns", "the border would close"),
    ("Salceda, citing data from the State Department, said that the numbers were rising.",
     "Salceda", "data from the State Department", "that the numbers were rising"),
])
def test_participial_aside_keeps_the_main_verb(text, speaker, aside, content):
    got = rows_with_rule(text)
    assert (speaker, "citing", aside, "indirect_participle") in got, got
    assert (speaker, "said", content, "indirect_subject") in got, got


@pytest.mark.parametrize("text, expected", [
    ("The spokesman said this morning's attack was a provocation.",
     ("The spokesman", "said", "this morning's attack was a provocation", "indirect_subject")),
    ("The spokesman said yesterday's vote was rigged.",
     ("The spokesman", "said", "yesterday's vote was rigged", "indirect_subject")),
    ("The spokesman said last night's strike killed 12 people.",
     ("The spokesman", "said", "last night's strike killed 12 people", "indirect_subject")),
    ("She told reporters this morning's strike was illegal.",
     ("She", "told", "this morning's strike was illegal", "indirect_subject")),
    # the time adverbial itself stays the reporter's
    ("The spokesman said this week the talks would resume.",
     ("The spokesman", "said", "the talks would resume", "indirect_subject")),
    ("The spokesman said this is the last warning.",
     ("The spokesman", "said", "this is the last warning", "indirect_subject")),
])
def test_time_phrase_owning_the_subject(text, expected):
    assert expected in rows_with_rule(text), rows_with_rule(text)
