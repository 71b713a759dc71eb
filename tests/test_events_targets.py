"""Target choice of the events table for acts whose object names no actor: the party in a
prepositional phrase after the object is acted on. Sentences written for this test."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def main_target(text: str) -> tuple:
    out = run(text)
    m = out[out["main"].astype(bool)]
    assert len(m), out
    r = m.iloc[0]
    actor = None if r["target_actor"] != r["target_actor"] else r["target_actor"]
    return r["target_text"], actor


# A quantity word between the preposition and its noun phrase keeps the phrase.
@pytest.mark.parametrize("text, target", [
    ("Washington removed sanctions on nearly five dozen shipping companies.", "five dozen shipping companies"),
    ("The EU lifted restrictions on about 40 Iranian banks.", "40 Iranian banks"),
    ("Canada imposed sanctions on roughly 30 Russian officials.", "30 Russian officials"),
    # negatives: no quantity word, same reading as before; an object that is an actor keeps it
    ("Washington removed sanctions on shipping companies.", "shipping companies"),
    ("Russia attacked Ukraine on Monday.", "Ukraine"),
    ("Russia attacked Ukraine on nearly every front.", "Ukraine"),
])
def test_quantity_word_after_preposition(text, target):
    assert main_target(text)[0] == target
