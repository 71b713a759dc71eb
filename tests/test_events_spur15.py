"""Side acts by no one (events.yaml 0.24.1): rule drop.sourceless_side.

A coded act that is not its sentence's main event and whose source names no actor, no person
and no name is left out of the events table ("Gunmen raided a checkpoint, killing six
gendarmes": the killing; "sanctions on traders accused of smuggling": an accusation read from
"sanctions"). The main event stays, a doer phrase with a name stays, and so does the coded act
of an uncoded main predicate's doer ("marched ... to protest the deal"). Each sentence was
written for this test (constructed wire copy) and goes through one ``toolkit.analyze`` call.
"""
from __future__ import annotations

import pytest

import event_rows
from test_events import NEEDS_TAGGER

pytestmark = NEEDS_TAGGER

COLS = ["source_actor", "act", "target_actor", "cue_text", "main"]

# text, rows that must be there, rows that must not (None in a pattern: any value)
CASES = [
    # an opening quotation mark does not make the opening word a name (review15)
    ('"Militants stormed the depot, killing nine guards," the Togolese army said.',
     [(None, "attack", None, None, True)],
     [(None, None, None, "killing", None)]),
    # the result of the main event by an uncoded doer is no second event
    ("Gunmen raided a checkpoint near Dosso on Monday, killing six gendarmes.",
     [(None, "attack", None, "raided", True)],
     [(None, None, None, "killing", None)]),
    # a thing read as the doer of a reduced relative
    ("Burundi imposed sanctions on two traders accused of smuggling gold to Tanzania.",
     [("BDI", "sanction", None, None, None)],
     [(None, "accuse", None, None, None)]),
    # an act of a description inside a report
    ("Ecuador's president said the two delegations would sign accords on shrimp exports.",
     [],
     [(None, "agree", None, None, None)]),
    # a doer phrase with a name stays, though the gazetteer lacks it
    ("Namibia's police said the Caprivi Liberation Army had attacked a police post near Katima.",
     [(None, "attack", None, "attacked", False)],
     []),
    # the coded act of an uncoded main predicate's doer stays
    ("Hundreds of fishermen marched through Dakar to protest the fisheries deal with Spain.",
     [(None, "protest", None, "protest", False)],
     []),
    # a sentence's first word is a name when tagged one and not inflected
    ("FOKAR claimed that it had ambushed an army convoy near Bunia on Monday.",
     [(None, "attack", None, "ambushed", False)],
     []),
    # the main event by an uncoded doer stays
    ("Rebels shelled the town of Kalehe overnight.",
     [(None, "attack", None, "shelled", True)],
     []),
    # a side act with a coded doer stays
    ("Poland expelled two Belarusian diplomats and accused Minsk of sending migrants across the border.",
     [("POL", "expel", "BLR", None, True), ("POL", "accuse", "BLR", None, False)],
     []),
]


@pytest.fixture(scope="module")
def events():
    return event_rows.analyze_texts([c[0] for c in CASES])


@pytest.mark.parametrize("text,wanted,unwanted", CASES, ids=[c[0][:40] for c in CASES])
def test_sourceless_side_rows(events, text, wanted, unwanted):
    event_rows.assert_wanted(event_rows.rows(events, text, COLS), wanted, unwanted)
