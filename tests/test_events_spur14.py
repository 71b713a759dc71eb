"""Held-out and requested acts (events.yaml 0.22.3, escalation 1.32.1): rules fact.intent_noun
source.ultimatum_addressee and target.restricted_for.

An act held out by a threat noun ("its threat to suspend visa-free travel") is not done, and
its doer is the noun's possessor, not the main clause's subject; "gave X 48 hours to withdraw"
is a demand aimed at X, and the withdrawal is requested of X, not the giver's own act. Each
sentence was written for this test (constructed wire copy, names not used in the lexicons'
notes) and goes through one ``toolkit.analyze`` call.
"""
from __future__ import annotations

import pytest

import event_rows
from test_events import NEEDS_TAGGER

pytestmark = NEEDS_TAGGER

COLS = ["source_actor", "act", "target_actor", "factuality"]

# text, rows that must be there, rows that must not (None in a pattern: any value)
CASES = [
    ("Kazakhstan gave Kyrgyzstan 72 hours to withdraw its troops from the border village.",
     [("KAZ", "demand", "KGZ", "asserted"), ("KGZ", "yield", None, "requested")],
     [("KAZ", "yield", None, None)]),
    ("Tunisia gave Libya 48 hours to release the detained fishermen.",
     [("TUN", "demand", "LBY", "asserted")],
     [("TUN", "yield", None, None), ("LBY", "yield", None, "asserted")]),
    ("Turkey gave Greece until Friday to withdraw its warships from the area.",
     [("TUR", "demand", "GRC", "asserted")],
     [("TUR", "yield", None, None)]),
    # the deadline of an expulsion is no ultimatum of its own
    ("Mali expelled the Swiss envoy, giving him 48 hours to leave.",
     [("MLI", "expel", "CHE", "asserted")],
     [(None, "demand", None, None)]),
    ("The foreign ministry said the Belarusian diplomat had been given 72 hours to leave.",
     [],
     [(None, "demand", None, None)]),
    # a threatened act is future, and the noun's possessor does it
    ("Bolivia criticised Peru over its threat to halt gas imports.",
     [("BOL", "criticize", "PER", "asserted")],
     [("BOL", "sanction", None, None), (None, "sanction", None, "asserted")]),
    ("Georgian officials condemned the European Union's threat to suspend visa-free travel.",
     [("EU", "reduce_relations", None, "future")],
     [("GEO", "reduce_relations", None, None), (None, "reduce_relations", None, "asserted")]),
    # a verb before "to" keeps its own reading
    ("Lithuania threatened to suspend visa-free travel for Belarusian citizens.",
     [("LTU", "threaten", None, "asserted")],
     [(None, "reduce_relations", None, "asserted")]),
    # target.restricted_for: the "for" phrase after a right or access names who loses it
    ("Azerbaijan suspended visa-free travel for Iranian citizens.",
     [("AZE", "reduce_relations", "IRN", "asserted")], []),
    ("Norway suspended visa-free travel for a month.",
     [("NOR", "reduce_relations", None, "asserted")], []),
    # a decision is no held-out act: it was taken
    ("Greece welcomed Albania's decision to reopen the border crossing.",
     [],
     [("GRC", None, None, "future"), (None, None, None, "future")]),
]


@pytest.fixture(scope="module")
def events():
    return event_rows.analyze_texts([c[0] for c in CASES])


@pytest.mark.parametrize("text,wanted,unwanted", CASES, ids=[c[0][:40] for c in CASES])
def test_held_out_and_requested_acts(events, text, wanted, unwanted):
    event_rows.assert_wanted(event_rows.rows(events, text, COLS), wanted, unwanted)
