"""Ordinary diplomatic and material acts the events table left `unclassified` (escalation 1.22.0).

A coverage pass on a seeded sample of real speeches (UN General Debate after 1990, US presidential
addresses; none of their sentences in the dev sets) counted the predicates of `verb.uncoded`
event rows. The frequent ones a CAMEO coder records got entries, each ambiguous verb only with
the objects that make it an act: thanks, congratulations and tribute (051 praise or endorse),
ratifying, acceding to or signing an instrument (057), closing a border, airspace or crossing
and suspending flights (163), flights resumed or restored (085). Every sentence below was
written for this test (real states, constructed events); each act has a twin that is no act.
The whole table goes through one ``toolkit.analyze`` call, as a user would run it.
"""
from __future__ import annotations

import pandas as pd
import pytest

import event_rows
from test_events import NEEDS_TAGGER

pytestmark = NEEDS_TAGGER

# text, act, CAMEO code, source, target (None: no actor)
ACTS = [
    ("Germany thanked Japan for its support during the crisis.", "praise", "051", "DEU", "JPN"),
    ("France congratulated Italy on its election to the Security Council.", "praise", "051", "FRA", "ITA"),
    ("Canada paid tribute to the Netherlands for its role in the liberation.", "praise", "051", "CAN", "NLD"),
    ("Brazil applauded Argentina's decision to join the pact.", "praise", "051", "BRA", "ARG"),
    ("Egypt expressed its gratitude to Saudi Arabia for the aid.", "praise", "051", "EGY", "SAU"),
    ("Spain extended its congratulations to Portugal.", "praise", "051", "ESP", "PRT"),
    ("Ghana expressed its thanks to Nigeria.", "praise", "051", "GHA", "NGA"),
    ("Chile offered special thanks to Peru for the rescue.", "praise", "051", "CHL", "PER"),
    ("Mexico appreciated Colombia's efforts to end the conflict.", "praise", "051", "MEX", "COL"),
    ("Sweden ratified the treaty with Finland.", "agree", "057", "SWE", "FIN"),
    ("The Ukrainian parliament ratified the agreement with Poland.", "agree", "057", "UKR", "POL"),
    ("Kazakhstan acceded to the convention on Monday.", "agree", "057", "KAZ", None),
    ("Turkey signed a memorandum with Azerbaijan.", "agree", "057", "TUR", "AZE"),
    ("Georgia signed a declaration with Armenia.", "agree", "057", "GEO", "ARM"),
    ("Hungary closed its border with Serbia.", "sanction", "163", "HUN", "SRB"),
    ("Poland closed its airspace to Russian aircraft.", "sanction", "163", "POL", "RUS"),
    ("Egypt closed the Rafah crossing to Gaza.", "sanction", "163", "EGY", "PSE"),
    ("Russia suspended flights to Georgia.", "sanction", "163", "RUS", "GEO"),
    ("Russia resumed flights to Egypt.", "yield", "085", "RUS", "EGY"),
    ("Qatar restored flights to Bahrain.", "yield", "085", "QAT", "BHR"),
    ("Turkey and Azerbaijan signed a joint declaration in Baku.", "agree", "057", "TUR", "AZE"),
    ("Germany signed a declaration of war against the United States in 1941.", "attack", "190", "DEU", "USA"),
]

# text, the act it must not get (the twin's verb or noun in another sense)
NON_ACTS = [
    ("Thanks to Norway, the talks resumed.", "praise"),
    ("Thanks to the rains, the harvest was good in Kenya.", "praise"),
    ("Thank God the storm has passed over Cuba.", "praise"),
    ("Thank you very much, and the delegation of Chile will now leave.", "praise"),
    ("China sent us the plague, thank you.", "praise"),
    ("We appreciate the fact that Chile has changed its policy.", "praise"),
    ("Peru expressed the view that Bolivia should wait.", "praise"),
    ("The president of Ghana signed the bill into law.", "agree"),
    ("The Kenyan court ratified the decision of the electoral commission.", "agree"),
    ("Belgian officials closed the meeting on border security.", "sanction"),
    ("The shop in Lisbon closed its doors after the holiday.", "sanction"),
    ("Austria suspended the minister over the scandal.", "sanction"),
    ("India restored the old temple in Delhi.", "yield"),
    # (1.22.1, a review of 1.22.0) other declarations, flights and closures
    ("Germany signed a declaration of war against the United States in 1941.", "agree"),
    ("Kosovo signed a declaration of independence in 2008.", "agree"),
    ("Iran resumed its flight tests of ballistic missiles.", "yield"),
    ("North Korea resumed missile flight tests.", "yield"),
    ("Ukraine suspended the investigation into flight MH17.", "sanction"),
    ("Russia halted the flight of capital.", "sanction"),
    ("Argentina closed its borders because of the pandemic.", "sanction"),
    ("Hungary closed its border to refugees on Monday.", "sanction"),
    ("I congratulate you, Mr. President, on your election to the presidency of the General Assembly.", "praise"),
    # a vocative after the courtesy formula is no predicate (the tagger can read "sir" as a verb)
    ("Thank you, sir. Thank you very much.", "unclassified"),
    ("Thank you, sir, for the question about Mexico.", "unclassified"),
]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return event_rows.analyze_texts([t for t, *_ in ACTS] + [t for t, _ in NON_ACTS])


def _rows(ev: pd.DataFrame, text: str) -> list[tuple]:
    return event_rows.rows(ev, text, ["act", "cameo", "source_actor", "target_actor"])


@pytest.mark.parametrize("text, act, cameo, source, target", ACTS)
def test_ordinary_acts_are_coded(events, text, act, cameo, source, target):
    got = _rows(events, text)
    assert (act, cameo, source, target) in got, got


@pytest.mark.parametrize("text, act", NON_ACTS)
def test_other_senses_stay_uncoded(events, text, act):
    got = _rows(events, text)
    assert not [g for g in got if g[0] == act], got
