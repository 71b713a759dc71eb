"""Wire-copy act vocabulary of escalation 1.27.0 (issue 17): constructed sentences with new
names, each checked for the cue and CAMEO code it takes, and in the events table for its act."""
from __future__ import annotations

import pytest

from test_escalation import cues_of
from test_events import NEEDS_TAGGER, run


def code_pairs(text: str) -> list[tuple[str, str]]:
    """``(surface, cameo)`` of every cue of ``text``."""
    c = cues_of(text)
    return list(zip(c["text"], c["cameo"].astype(str)))


@pytest.mark.parametrize("text, surface, cameo", [
    ("The summoning of the Ecuadorian envoy followed the raid.", "summoning of the Ecuadorian envoy", "110"),
    ("Kenya summoned Uganda's high commissioner over the arrests.", "summoned Uganda's high commissioner", "110"),
    ("Chile handed Peru's ambassador a protest note.", "protest note", "111"),
    ("The bloc suspended Mali's membership after the coup.", "suspended Mali's membership", "160"),
    ("Armenia froze its participation in the alliance.", "froze its participation", "160"),
    ("Niger ordered France to withdraw its soldiers.", "ordered France to withdraw", "100"),
    ("Moscow ordered its troops to withdraw from the town.", "ordered its troops to withdraw", "0874"),
    ("Two Turkish jets violated Greek airspace on Monday.", "violated Greek airspace", "150"),
    ("A Venezuelan patrol boat entered Guyana's territorial waters.", "entered Guyana's territorial waters", "150"),
    ("Belgrade moved troops to the Kosovo border.", "moved troops", "150"),
    ("Finland said Russia had jammed GPS signals near the border.", "jammed GPS signals", "176"),
    ("Paris called the election a sham.", "a sham", "111"),
    ("Qatar hosted talks between Sudan and Chad.", "hosted talks", "045"),
    ("Oslo sent a letter to the Israeli prime minister.", "sent a letter", "010"),
    ("Brazil sent an envoy to Caracas.", "sent an envoy", "040"),
    ("Japan gave Vietnam $40 million for flood relief.", "gave Vietnam $40 million", "070"),
    ("If they do not withdraw, we will use force, the minister said.", "will use force", "138"),
    ("Serbia will regret this decision, the minister said.", "will regret", "130"),
    ("Tehran said Baku would pay a heavy price.", "would pay a heavy price", "130"),
])
def test_wire_copy_acts(text, surface, cameo):
    assert (surface, cameo) in code_pairs(text), code_pairs(text)


@pytest.mark.parametrize("text, surface", [
    # a number of people, not a sum of money (golden corpus review)
    ("Congress should give one million children the same chance.", "give one million"),
    # the deployment of peacekeepers stays peacekeeping (074), not troops massed (154)
    ("About 2,000 soldiers were deployed as peacekeeping forces.", "deployed as peacekeeping forces"),
])
def test_wire_copy_non_acts(text, surface):
    assert surface not in [s for s, _ in code_pairs(text)], code_pairs(text)


def test_condolence_message_stays_sympathy():
    # `send ... message` was dropped: it outranked the sympathy of `condolence message` (018)
    assert ("condolence", "018") in code_pairs("The king sent a condolence message to Lima.")


@NEEDS_TAGGER
@pytest.mark.parametrize("text, act", [
    ("The African Union suspended Guinea's membership after the coup.", "reduce_relations"),
    ("Kenya summoned Uganda's high commissioner over the arrests.", "criticize"),
    ("Qatar hosted talks between Sudan and Chad.", "consult"),
    ("Finland said Russia had jammed GPS signals near the border.", "coerce"),
    ("Two Turkish jets violated Greek airspace on Monday.", "mobilize"),
])
def test_events_take_the_act(text, act):
    assert act in set(run(text)["act"]), run(text)[["act", "cue_text"]]
