"""Coordinated parties and blame: two parties criticising, accusing or threatening together do
not do it to each other unless the text says so (events.yaml ``reciprocal_marked``)."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def dyads(text: str, act: str) -> set[tuple]:
    out = run(text)
    rows = out[out["act"] == act]
    return {(r.source_actor, None if r.target_actor != r.target_actor else r.target_actor)
            for r in rows.itertuples()}


@pytest.mark.parametrize("text, act, expected", [
    # together against something else: no dyad between them
    ("Germany and France condemned the attack.", "criticize", {("DEU", None), ("FRA", None)}),
    ("The United States and the European Union condemned the coup.", "criticize",
     {("USA", None), ("EU", None)}),
    # the text says it is mutual: a verb of exchange, or "each other"
    ("Israel and Hamas traded blame for the collapse of the talks.", "accuse",
     {("ISR", "HAMAS"), ("HAMAS", "ISR")}),
    ("Russia and Ukraine accused each other of shelling the plant.", "accuse",
     {("RUS", "UKR"), ("UKR", "RUS")}),
    ("Russia and Ukraine blamed each other for the dam's collapse.", "accuse",
     {("RUS", "UKR"), ("UKR", "RUS")}),
    # mediators act between others, not on each other
    ("Egypt and Qatar mediated the talks.", "consult", {("EGY", None), ("QAT", None)}),
    # acts parties do to each other stay mutual without a marker
    ("India and Pakistan held talks in Geneva.", "consult", {("IND", "PAK"), ("PAK", "IND")}),
    ("Russia and Ukraine cut ties.", "reduce_relations", {("RUS", "UKR"), ("UKR", "RUS")}),
    # a named target is the target of each
    ("Britain and Canada imposed sanctions on Iran.", "sanction", {("GBR", "IRN"), ("CAN", "IRN")}),
])
def test_blame_is_mutual_only_when_said(text, act, expected):
    assert dyads(text, act) == expected
