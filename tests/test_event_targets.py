"""toolkit.event_targets: targets for rows whose object or phrase names no actor (issue 17).
Sentences written for this test (new names, wire-copy style)."""
from __future__ import annotations

import pytest
from event_rows import analyze_texts, rows
from test_events import NEEDS_TAGGER

from toolkit import event_targets

pytestmark = NEEDS_TAGGER

COLS = ["source_actor", "act", "target_actor", "rule"]

JOINT = ("Nepal and Bhutan agreed to resume direct flights and border trade through the Kakarbhitta "
         "crossing, their foreign ministries said on Friday.")

PARALLEL = ("Armenia shelled villages in Nakhchivan. Azerbaijan vowed to retaliate, and Turkey warned "
            "of a wider conflict.")
COSUBJ = "Rwanda killed a Congolese rebel commander in Goma. Congo and Burundi vowed to retaliate."
ANNEX = "Ethiopia seized a disputed district on paper. Eritrea and Sudan warned of consequences."

# (text, source, act, expected target, rule id that must give it, or None for no target)
CASES = [
    # target.event_doer_ref: the definite act noun stands for the earlier act's doer
    ("Georgian police broke up a protest in Tbilisi. The European Union condemned the crackdown.",
     "EU", "criticize", "GEO", "target.event_doer_ref"),
    # ... which events' own target.reacted_prior (run first) answers the same way for a reaction
    ("Norway said Russian trawlers had cut an undersea cable. Moscow condemned the accusation.",
     "RUS", "criticize", "NOR", "target.reacted_prior"),
    # target.prior_party: a warning of response with no object
    ("Azerbaijani forces fired on Armenian positions. Yerevan warned it would respond.",
     "ARM", "threaten", "AZE", "target.prior_party"),
    # target.location_only: a border named by an adjective is a place, not a party
    ("Colombian forces bombed a rebel camp near the Venezuelan border.", "COL", "attack", None,
     "target.location_only"),
    ("Pakistani troops killed six militants near the Afghan border.", "PAK", "attack", None,
     "target.location_only"),
    # target.joint_pair: the conjuncts of a joint act with no party named are each other's targets
    (JOINT, "NPL", "agree", "BTN", "target.joint_pair"),
    (JOINT, "BTN", "agree", "NPL", "target.joint_pair"),
    # target.claimant_party: a coercive act or deployment another party reports is aimed at it
    ("Lithuania's defence ministry said Russian warships had jammed radio signals in the Baltic Sea.",
     "RUS", "coerce", "LTU", "target.claimant_party"),
    ("Ghana said Togolese police detained three fishermen on Sunday.", "TGO", "coerce", "GHA",
     "target.claimant_party"),
    # target.prior_party: a parallel warner or a co-subject is no other party; the doer of the
    # earlier hostile act is
    (PARALLEL, "AZE", "threaten", "ARM", "target.prior_party"),
    (COSUBJ, "COD", "threaten", "RWA", "target.prior_party"),
    (COSUBJ, "BDI", "threaten", "RWA", "target.prior_party"),
    (ANNEX, "ERI", "threaten", "ETH", "target.prior_party"),
    (ANNEX, "SDN", "threaten", "ETH", "target.prior_party"),
    # ... but a threat in the clause the warning answers is the other party's act
    ("Uganda warned it would respond after Kenya threatened to close the border crossings.", "UGA",
     "threaten", "KEN", "target.prior_party"),
    # a border crossed, or one a deployment faces, names the state acted on
    ("Turkish jets struck targets across the Syrian border.", "TUR", "attack", "SYR", "named_oblique_across"),
    ("Belarus massed troops near the Lithuanian border.", "BLR", "mobilize", "LTU", "named_oblique_near"),
]

# negatives: rows that must keep their reading
KEEP = [
    ("Kazakhstan warned of a looming water crisis in the region.", "KAZ", None),
    ("Serbia's army moved armoured vehicles toward the frontier with Kosovo.", "SRB", "XKX"),
    ("Chile expelled two Bolivian diplomats. Santiago defended the decision.", "CHL", "BOL"),
    # a partner's condemnation is no act the other condemns; mediators act on others
    ("Germany and France condemned the attack.", "FRA", None),
    ("Germany and France condemned the attack.", "DEU", None),
    ("Kenya and Ethiopia mediated the talks.", "KEN", None),
    ("Kenya and Ethiopia mediated the talks.", "ETH", None),
    # a joint act aimed at a third party named after it
    ("The United States and Japan have cut development aid for Kim Jong-un's regime.", "JPN", "PRK"),
    # the doer's own report, and a news outlet's, aim at no one
    ("The Ugandan army said it had deployed more troops to the border region.", "UGA", None),
    ("Reuters reported that Turkish forces had seized two trucks.", "TUR", None),
    # the party of a feared outcome is not whom a warning is aimed at
    ("The Kremlin warned that sending troops would lead to a direct conflict with NATO.", "RUS", None),
    # an actor inside the source's own phrase is the source
    ("Yemen's Houthis warned they would respond.", "HOUTHI", None),
    # an attack near a border is no act on the state across it
    ("Nigerian troops killed militants near the Cameroonian border.", "NGA", None),
    # an NGO's or IGO's report names no one acted on
    ("Amnesty International said Egyptian police had detained three journalists.", "EGY", None),
    ("The United Nations said Sudanese troops had detained aid workers.", "SDN", None),
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
def test_no_self_or_invented_target(ev, text, src, tgt):
    got = rows(ev, text, COLS)
    assert all(x[2] != x[0] for x in got if x[0] is not None), got   # never a self-target
    mine = [x for x in got if x[0] == src and x[1] != "statement"]
    assert mine and all(x[2] == tgt for x in mine), got


def test_actor_type():
    assert event_targets._actor_type("OSCE") == "igo"
    assert event_targets._actor_type("SRB") == "state"


def test_event_like_nouns():
    assert event_targets._event_like("expulsion", frozenset(), frozenset())
    assert event_targets._event_like("crackdown", frozenset(), frozenset())
    assert not event_targets._event_like("government", frozenset(), frozenset())
    assert event_targets._event_like("drill", frozenset({"drill"}), frozenset())
