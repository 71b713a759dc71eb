"""Joint speakers and a state's delegates (issue 17, speakers rules ``joint`` and
``delegate_state``): "the two countries", "both governments", "they ... in a joint statement"
speak for the two states named before them (the first named stands for both in the one
``speaker_actor`` column); "both sides" of a dispute speak for neither; "Britain's UN
ambassador X" speaks for Britain, "UN envoy X" for the UN. Sentences written for these tests,
end to end (the gazetteer's mentions, then the speaker rules)."""
from __future__ import annotations

import pytest
from test_speakers_wire import _speaker


@pytest.mark.parametrize("text, span, actor, rule", [
    ("Chile and Peru agreed to reopen the Tacna crossing. The two governments said the crossing "
     "would open in May.", "The two governments", "CHL", "joint"),
    ("Ghana and Togo will share intelligence on militants, both countries said on Friday.",
     "both countries", "GHA", "joint"),
    ("Greek Prime Minister Kyriakos Mitsotakis met Turkish President Tayyip Erdogan in Ankara. They said "
     "in a joint declaration that talks would continue.", "They", "GRC", "joint"),
    ("Kenya and Tanzania signed a trade pact. The two nations said tariffs would fall.",
     "The two nations", "KEN", "joint"),
    # near misses: parties to a dispute, "they" with no joint text, no two states before
    ("Russia and Ukraine exchanged 90 prisoners each on Friday, both sides said.", "both sides", None, None),
    ("Russian troops shelled Kherson. They said the city was a target.", "They", None, None),
    ("Chile reopened the Tacna crossing. The two governments said trade would grow.",
     "The two governments", None, None),
])
def test_joint_speakers(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


@pytest.mark.parametrize("text, span, actor, rule", [
    ("Britain's UN ambassador Barbara Woodward said the veto was a disgrace.",
     "Britain's UN ambassador Barbara Woodward", "GBR", "delegate_state"),
    ("Ireland's UN ambassador Fergal Mythen said the resolution was long overdue.",
     "Ireland's UN ambassador Fergal Mythen", "IRL", "delegate_state"),
    # near misses: the organisation's own envoy; a state's envoy named as such already
    ("UN envoy Hans Grundberg said the talks had stalled.", "UN envoy Hans Grundberg", "UN", "mention"),
    ("Moscow's envoy Vassily Nebenzia said the text was unbalanced.", "Moscow's envoy Vassily Nebenzia",
     "RUS", "mention"),
])
def test_a_states_delegate_speaks_for_the_state(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


@pytest.mark.parametrize("text, span, actor, rule", [
    # "they": the group of people that spoke before (rule pronoun_group)
    ("Vietnamese ships blocked a Chinese survey vessel near the Paracels, Chinese officials said. "
     "They said the vessel had left.", "They", "CHN", "pronoun_group"),
    ("Ghanaian diplomats said on Monday that Togo had shut the border. They added that talks would follow.",
     "They", "GHA", "pronoun_group"),
    # near misses: a group that did not speak; no group
    ("Russian troops shelled Kherson overnight. They said the city was a target.", "They", None, None),
])
def test_they_is_the_group_that_spoke(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)
