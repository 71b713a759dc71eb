"""toolkit.event_targets (1.3): targets for rows whose object names means, goods or a topic
(target.counterpart_phrase), answers to an earlier act (target.answered_party) and denials of
"any involvement" (target.denial_prior_accuser), issue 17. Sentences written for this test (new
names, wire-copy style)."""
from __future__ import annotations

import pytest
from event_rows import analyze_texts, rows
from test_events import NEEDS_TAGGER

from toolkit import event_targets

pytestmark = NEEDS_TAGGER

COLS = ["source_actor", "act", "target_actor", "rule"]

# (text, source, act, expected target, rule id that must give it)
CASES = [
    # the counterpart of talks, the state a measure falls on, the party fired at
    ("Bolivia suspended talks on a lithium venture with Santiago on Tuesday.",
     "BOL", "reduce_relations", "CHL", "target.counterpart_phrase"),
    ("A Sri Lankan patrol boat fired warning shots at an Indian-flagged trawler.",
     "LKA", "warn", "IND", "target.counterpart_phrase"),
    ("Bahrain froze its participation in the Arab League.",
     "BHR", "reduce_relations", "ARL", "target.counterpart_phrase"),
    # a demand or a climb-down answers the latest earlier act on the source
    ("Tunisian coast guards detained a Libyan fishing boat. Tripoli demanded the crew's release.",
     "LBY", "demand", "TUN", "target.answered_party"),
    ("Ecuador threatened to close the border unless Lima extradited the suspects. Peru backed down "
     "on Monday.", "PER", "yield", "ECU", "target.answered_party"),
    # a denial of "any involvement" answers the earlier accuser
    ("Niger accused Benin of sheltering rebels. Benin denied any involvement.",
     "BEN", "deny", "NER", "target.denial_prior_accuser"),
    # the party of the noun phrase an attacker says it struck
    ("Israeli jets struck what the military said were Hamas rocket launchers.",
     "ISR", "attack", "HAMAS", "target.what_said_object"),
    # a concession reported by the state that says so
    ("Kenya said Somalia had released three fishermen.", "SOM", "yield", "KEN", "target.claimant_party"),
]

# rows that must keep no target (or the one given)
KEEP = [
    # a topic and a phrase naming no party
    ("Kenya suspended talks on fuel prices with trade unions.", "KEN", None),
    # nothing earlier to answer or to deny
    ("Chile demanded an explanation.", "CHL", None),
    ("Algeria denied any involvement.", "DZA", None),
    # a border after "on" is a place (target.location_only)
    ("Chadian troops seized weapons on the Sudanese border.", "TCD", None),
    # a concession an IGO reports names no one acted on; a pair's reporter is no party to it
    ("The United Nations said Sudan had agreed to open the Adre crossing.", "SDN", None),
    ("Ethiopia and Eritrea agreed to reopen the border, Sudan said.", "ETH", "ERI"),
    # the object's own name read as the source's: no self-target when no party is known there
    ("Turkish jets bombed what Ankara said were Zarqa Front positions.", "TUR", None),
    # a denier that nobody accused: its own partner's accusation of France is no claim about it
    ("Mali and Burkina Faso accused France of backing rebels. Burkina Faso denied any involvement.",
     "BFA", None),
]


@pytest.fixture(scope="module")
def ev():
    return analyze_texts(list(dict.fromkeys([c[0] for c in CASES] + [k[0] for k in KEEP])))


@pytest.mark.parametrize("text, src, act, tgt, rule", CASES)
def test_resolved_target(ev, text, src, act, tgt, rule):
    got = [x for x in rows(ev, text, COLS) if x[0] == src and x[1] == act]
    assert got, rows(ev, text, COLS)
    assert got[-1][2] == tgt and rule in got[-1][3], got


@pytest.mark.parametrize("text, src, tgt", KEEP)
def test_no_invented_target(ev, text, src, tgt):
    got = rows(ev, text, COLS)
    assert all(x[2] != x[0] for x in got if x[0] is not None), got   # never a self-target
    mine = [x for x in got if x[0] == src and x[1] not in ("statement", "accuse")]
    assert mine and all(x[2] == tgt for x in mine), got


def test_rules_refuse_boolean_entries(tmp_path):
    """A bare on/off in a word list is a YAML boolean, not a word: loading it fails loudly."""
    text = event_targets.RULES_FILE.read_text(encoding="utf-8")
    bad = tmp_path / "event_targets.yaml"
    bad.write_text(text.replace('direction_preps: [at,', "direction_preps: [on, at,"), encoding="utf-8")
    with pytest.raises(ValueError, match="direction_preps"):
        event_targets.target_rules(str(bad))
    assert "on" in event_targets.target_rules().counterpart_preps
