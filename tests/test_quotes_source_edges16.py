"""toolkit.quotes: two left edges of a subject source that PolNeAR marks whole (found by
grouping the source-boundary errors of PolNeAR train, where the toolkit's source started too
late): a name whose description holds a place with its own comma ("Ana Lopes, a farmer from
Orsk, Tver, said"), or that a reporter's aside follows ("..., for example, said"); and a
coordinated subject ("Neither X nor Y", "X, Y, and other leaders", "aides and allies")."""
from __future__ import annotations

import pandas as pd
import pytest

from quote_rows import quote_table


def speakers(text: str) -> list[str]:
    q = quote_table(text)
    return [r.speaker for r in q.itertuples() if r.kind != "scare"]


@pytest.mark.parametrize("text, speaker", [
    ("Dean Marsh, a 55-year-old farmer from Tilden, Nebraska, says the vote was rigged.",
     "Dean Marsh, a 55-year-old farmer from Tilden, Nebraska"),
    ("Olga Pirin, 71, a retiree in Dunmore, Pa., said the clinic should stay open.",
     "Olga Pirin, 71, a retiree in Dunmore, Pa."),
    ("Ines Korba, the chairwoman of the Harlow County party in Maine, for example, said the campaign had stalled.",
     "Ines Korba, the chairwoman of the Harlow County party in Maine"),
])
def test_name_before_a_description_with_a_place(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Farmers from Tilden, Nebraska, say the vote was rigged.", "Farmers from Tilden, Nebraska"),
    ("Others, however, say the vote was fair.", "Others"),
    ("Lopes, without naming him, said the vote was fair.", "Lopes"),
    ("Tomas Reed, a welder who lives outside Casper, said he would vote for the mayor.",
     "Tomas Reed, a welder who lives outside Casper"),
])
def test_description_edges_left_alone(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Neither Ortiz nor Kohl said the deal was dead.", "Neither Ortiz nor Kohl"),
    ("Mayor Ana Ruiz, Senator Li Wen, and other local leaders said the plant should stay open.",
     "Mayor Ana Ruiz, Senator Li Wen, and other local leaders"),
    ("Dock workers, truck drivers, and many small shippers say the port fees are too high.",
     "Dock workers, truck drivers, and many small shippers"),
    ("Her aides and allies say she will run again.", "Her aides and allies"),
    ("Local farmers and even some ministers say the subsidy is too small.",
     "Local farmers and even some ministers"),
    ("Former Ohio Gov. Ted Marsh (D) and former Iowa Gov. Kay Linn (R) announced they would quit.",
     "Former Ohio Gov. Ted Marsh (D) and former Iowa Gov. Kay Linn (R)"),
])
def test_coordinated_subject_is_one_source(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("The talks collapsed and officials said the deal was dead.", "officials"),
    ("We began the tour and I said the plant should stay open.", "I"),
    ("You became brothers and sisters pledging to defend the port.", None),
    ("After the floods, and the mayor said the aid came late.", "the mayor"),
])
def test_clause_before_a_conjunction_is_not_a_conjunct(text, speaker):
    got = speakers(text)
    assert (got[:1] == [speaker]) if speaker else all(s is None or "brothers" not in s for s in got)


def test_coordinated_subject_keeps_the_nearest_conjuncts_actor():
    # the span is the whole list; its actor stays the verb's nearest conjunct's, as before the
    # list was read whole, so the events and escalation rows that read it do not change
    import toolkit

    text = "Oman, Kuwait, and Bahrain have pledged to send food to Sudan."
    a = toolkit.analyze(pd.DataFrame({"doc_id": ["d"], "text": [text], "date": ["2024-01-01"]}),
                        workers=1, cache=False, progress=False)
    q = a["quotes"]
    row = q[q["kind"] != "scare"].iloc[0]
    assert row["speaker"] == "Oman, Kuwait, and Bahrain"
    assert row["speaker_actor"] == "BHR"


@pytest.mark.parametrize("text, speaker", [
    ("Only about 4 in 10 voters in each county say the economy is improving.",
     "Only about 4 in 10 voters in each county"),
    ("At least half of voters in each county say the economy is improving.",
     "At least half of voters in each county"),
    ("Many of you say the economy is improving.", "Many of you"),
    ("Men under 35 say they trust the mayor.", "Men under 35"),
    ("Those over 60 said they would vote early.", "Those over 60"),
])
def test_quantified_subject_is_whole(text, speaker):
    assert speakers(text) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("At the rally, officials in Tilden said the bridge would close.", "officials in Tilden"),
    ("You say the economy is improving.", "You"),
])
def test_quantified_subject_edges_left_alone(text, speaker):
    assert speakers(text) == [speaker]
