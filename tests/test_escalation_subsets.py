"""The escalation and events rows of a sentence do not depend on which annotators were asked for.

A cue inside a quotation takes its source from the quote's speaker (quotes) and a cue outside
one from the actor mentions (actors); escalation declares both, so ``annotators=["events"]``,
``["escalation"]`` and the whole pipeline run the same steps before it and give the same rows,
and the cache keys of escalation and events name the steps that fed them. Constructed
paragraphs with new names, quotations and pronoun speakers.
"""
from __future__ import annotations

import pandas as pd
import pytest

import toolkit
from toolkit.annotator import registry, select
from toolkit.engine.keys import step_fingerprints, step_keys

TEXTS = [
    'Norway warned Sweden on Tuesday. "We will respond with force if Stockholm closes the strait," '
    'she said.',
    '"Kenya must withdraw its troops from the border," the Ugandan foreign minister said. He accused '
    'Nairobi of shelling villages.',
    "Chile's president spoke to reporters. \"Peru has violated our waters and we condemn it,\" he "
    'said. "We will not negotiate under threats."',
    '"Bolivia should stop its blockade," Argentina\'s foreign ministry said in a statement. '
    '"Otherwise we will impose sanctions."',
]


def _docs() -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS})


def _table(a, name: str) -> pd.DataFrame:
    return a[name].reset_index(drop=True)


@pytest.fixture(scope="module")
def whole():
    return toolkit.analyze(_docs(), workers=1, cache=False, progress=False)


@pytest.mark.parametrize("subset", [["events"], ["escalation"], ["actors", "escalation"]])
def test_the_same_rows_whichever_annotators_are_asked_for(whole, subset):
    part = toolkit.analyze(_docs(), annotators=subset, workers=1, cache=False, progress=False)
    assert {"actors", "quotes", "escalation"} <= set(part.meta["annotators"])
    for name in ("escalation", "sentence_escalation", *(["events"] if "events" in subset else [])):
        pd.testing.assert_frame_equal(_table(part, name), _table(whole, name))


def test_quoted_cues_take_the_pronoun_speakers_state(whole):
    # the rows this file guards: without the quotes step these sources were null
    es = whole["escalation"]
    got = dict(zip(es["text"], es["source_actor"]))
    assert got["negotiate"] == "CHL" and got["impose sanctions"] == "ARG"


def test_escalation_and_events_keys_name_the_steps_that_fed_them():
    # one key for escalation whatever else runs (a run of escalation alone reuses the whole
    # pipeline's cached table and the other way round) ...
    full, alone = registry(), select(["escalation"])
    assert [a.name for a in alone] == ["actors", "quotes", "escalation"]
    k_full = step_keys(step_fingerprints(full), full, "docs")
    k_alone = step_keys(step_fingerprints(alone), alone, "docs")
    assert k_full["escalation"] == k_alone["escalation"]
    assert k_full["events"] == step_keys(step_fingerprints(select(["events"])), select(["events"]),
                                         "docs")["events"]
    # ... and another quotes result (another quotes step or options) is another key
    fp = dict(step_fingerprints(full))
    fp["quotes"] = "a different quotes step"
    other = step_keys(fp, full, "docs")
    assert other["escalation"] != k_full["escalation"] and other["events"] != k_full["events"]


def test_a_partial_cache_gives_the_whole_pipelines_tables(tmp_path, whole):
    first = toolkit.analyze(_docs(), annotators=["escalation"], workers=1, cache=tmp_path,
                            progress=False)
    again = toolkit.analyze(_docs(), workers=1, cache=tmp_path, progress=False)
    assert again.meta["run"]["chunks_from_cache"] == 0      # the other steps had to run
    for a in (first, again):
        pd.testing.assert_frame_equal(_table(a, "escalation"), _table(whole, "escalation"))
    pd.testing.assert_frame_equal(_table(again, "events"), _table(whole, "events"))
