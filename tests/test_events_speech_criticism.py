"""A speech verb that escalation codes as a criticism ("said the strikes were unacceptable",
escalation speech_frames) is aimed at the evaluated party, as the statement it was: the
reported subject's possessor or actor, the doer its "by" phrase names, or the doer of the
earlier act it names (target.reported_subject, target.act_object_by). Constructed sentences,
new names. Run with the quotes step, as the pipeline does: the speaker it resolves is the
evaluation cue's source (escalation._unframe_accusations reads it)."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected", [
    # the possessor of the thing evaluated
    ("Estonia said Latvia's new border fees were illegal.", ("EST", "criticize", "LVA")),
    # the doer of the act named before
    ("Senegal shelled a fishing village near the border. Gambia said the shelling was unacceptable.",
     ("GMB", "criticize", "SEN")),
    # the "by" phrase of the reported subject, the evaluation before or after the speech verb
    ("Cyprus said the drilling by Turkish ships was illegal.", ("CYP", "criticize", "TUR")),
    ("The arrests by Moldovan police were unacceptable, the Romanian foreign minister said.",
     ("ROU", "criticize", "MDA")),
])
def test_a_criticizing_speech_verb_is_aimed_at_the_evaluated_party(text, expected):
    got = [r[:3] for r in rows(run(text, with_quotes=True))]
    assert expected in got, got


@pytest.mark.parametrize("text, speaker", [
    # near-misses: nothing any party did, the speaker's own conduct, a "by" phrase of no actor
    ("Oman said the weather was unacceptable for shipping.", "OMN"),
    ("Chile said its own handling of the crisis was unacceptable.", "CHL"),
    ("Portugal said the delays by the airline were unacceptable.", "PRT"),
])
def test_a_criticism_of_no_other_party_has_no_target(text, speaker):
    got = [r[:3] for r in rows(run(text, with_quotes=True)) if r[0] == speaker]
    assert got and all(r[2] is None for r in got), got


@pytest.mark.parametrize("text, expected", [
    # a modal frame (escalation speech_frames) makes "said" a demand or an appeal of the obliged party
    ("Belarus must release the detained journalists, Lithuania's foreign minister said.",
     ("LTU", "demand", "BLR")),
    ("Moldova should reopen the border crossing, Romania said.", ("ROU", "appeal", "MDA")),
])
def test_a_demanding_speech_verb_is_aimed_at_the_obliged_party(text, expected):
    got = [r[:3] for r in rows(run(text, with_quotes=True))]
    assert expected in got, got
