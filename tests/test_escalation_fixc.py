"""Escalation 1.33.3: a reviewer's misfires of this session's rows.

The currency row has no gap (`market ... rally` took protests that start at a market), and
weapons named in a peaceful sentence (inspectors, licensing, an amnesty hand-in) no longer
decide it as material conflict. Sentences written for this test (invented places and parties).
"""
from __future__ import annotations

import pandas as pd
import pytest
from test_events import NEEDS_TAGGER

from toolkit.validation.escalation import toolkit_classes

pytestmark = NEEDS_TAGGER

# text, class of sentence_escalation's first rule, the first cue's entry
CASES = [
    # a protest that starts at a market or an exchange is still a protest (CAMEO 141)
    ("Thousands of Orvek opposition supporters marched from the central market to a rally "
     "outside parliament in Talmi.", "material_conflict", "rally ... outside"),
    ("Traders left the Selvana stock exchange to join a rally against the Drem governor.",
     "material_conflict", "rally ... against"),
    # a currency rallying directly stays a statement
    ("The euro rallied against the rouble on Tuesday.", "statement", "euro rally"),
    ("Stocks rallied in Selvana after the announcement.", "statement", "stock rally"),
    # weapons named in a peaceful sentence
    ("UN weapons inspectors arrived in the Selvan capital on Monday.", "statement", "weapon inspector"),
    ("The Orvek parliament debated a bill on firearms licensing for hunters.", "statement", "firearm license"),
    ("Residents of Drem handed in 300 firearms during a police amnesty.", "material_cooperation",
     "hand in ... firearm"),
    ("About 300 firearms were handed in at the Drem police station.", "material_cooperation",
     "firearm ... hand in"),
    # a weapon reference alone still decides
    ("The patrol found three firearms in a farmhouse outside Talmi.", "material_conflict", "firearms"),
]


def _cues(text: str) -> pd.DataFrame:
    from toolkit import analyze

    return analyze(pd.DataFrame({"doc_id": ["d"], "text": [text]}), annotators=["escalation"],
                   workers=1, cache=False, progress=False)["escalation"]


@pytest.mark.parametrize("text, cls, cue", CASES)
def test_class_and_first_cue(text, cls, cue):
    assert toolkit_classes([text], rules=("first",))[0]["first"] == [cls]
    assert _cues(text)["cue"].tolist()[:1] == [cue]
