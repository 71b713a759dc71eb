"""reporting_verbs' ``quotes_only`` entries: verbs with a sense that is not speech ("attack",
"hit", "raise"), read by toolkit.quotes only in a frame of speech, and left to other steps'
own judgement (they must not read them as reporting verbs)."""
from __future__ import annotations

import pytest

from toolkit import lexicon
from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("kind", "speaker", "cue", "content"))


def test_column_is_boolean_text_and_marks_the_two_sense_verbs():
    e = lexicon.load("reporting_verbs").entries
    assert set(e["quotes_only"]) == {"true", "false"}
    only = set(e.loc[e["quotes_only"] == "true", "entry"])
    assert {"attack", "hit", "raise", "voice"} <= only
    assert not only & {"say", "warn", "accuse", "express", "fault"}


@pytest.mark.parametrize("text, expected", [
    ("Trump attacked Clinton for her support of the war.",
     ("indirect", "Trump", "attacked", "Clinton for her support of the war")),
    ("Warren grilled the bank's chief on Tuesday for his role in the scandal.",
     ("indirect", "Warren", "grilled", "the bank's chief on Tuesday for his role in the scandal")),
    ("Romney hit Trump for not releasing his tax returns.",
     ("indirect", "Romney", "hit", "Trump for not releasing his tax returns")),
    ("Trump is raising questions about his microphone problems.",
     ("indirect", "Trump", "is raising questions about", "his microphone problems")),
    ("The allies voiced doubts that the plan would work.",
     ("indirect", "The allies", "voiced doubts", "that the plan would work")),
    ("Several senators raised concerns about the nominee.",
     ("indirect", "Several senators", "raised concerns about", "the nominee")),
])
def test_speech_frames(text, expected):
    assert expected in rows(text)


@pytest.mark.parametrize("text", [
    "Russian forces attacked the town for the third day.",     # force: no reason after "for"
    "The missile hit the town for the second time.",           # force
    "Rebels attacked the convoy on Tuesday.",                  # force
    "The storm knocked out power for hours.",                  # physical
    "The government raised taxes on fuel.",                    # no noun of stance
    "The council raised 2 million dollars for the clinic.",    # money, not a stance
    "They raised their hands.",                                # a gesture
    "Those are the extreme voices who fear compromise.",       # the plural noun "voices"
])
def test_other_senses_are_no_cue(text):
    cues = [cue for _, _, cue, _ in rows(text)]
    assert not any(c and c.split()[0].lower().startswith(("attack", "hit", "knock", "rais", "voic"))
                   for c in cues), rows(text)
