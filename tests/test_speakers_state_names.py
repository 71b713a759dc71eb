"""A state's name inside a speaker's own phrase gives the speaker's state only where the actors
step kept it for an actor: a person named like a state ("Chad Brennan", "Jordan Whitlock") or a
town before its US state is nobody's state; a state's body or a demonym still is (issue 17).
Wire copy written for these tests."""
from __future__ import annotations

import pytest
from test_speakers_offices import _speaker

CASES = [
    ("Chad Brennan, a grain trader in Kansas, said prices would fall.", "Chad Brennan, a grain trader in Kansas",
     None),
    ("Jordan Whitlock told reporters the strike had been called off.", "Jordan Whitlock", None),
    ("Georgia Lindqvist said the ferry service would resume in May.", "Georgia Lindqvist", None),
    # kept for an actor: a state's body, a possessive state, a demonym
    ("Jordan's interior minister Nabil Haddad said the crossing would reopen.",
     "Jordan's interior minister Nabil Haddad", "JOR"),
    ("Chadian Defence Minister Idriss Abakar said the border was calm.",
     "Chadian Defence Minister Idriss Abakar", "TCD"),
    ("Georgia's foreign ministry spokeswoman Nino Beridze said talks would go on.",
     "Georgia's foreign ministry spokeswoman Nino Beridze", "GEO"),
]


@pytest.mark.parametrize("text, span, actor", CASES)
def test_a_state_name_counts_only_where_the_actors_step_kept_it(text, span, actor):
    assert _speaker(text, span)[0] == actor
