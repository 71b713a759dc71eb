"""toolkit.quotes: regressions an adversarial review of session 13 found (issue 17), on wire
copy written for these tests. A noun of belief after a modifier that a verb of holding or
expressing takes ("held out little hope that ...") has that verb's subject as its holder; a
bare weekday or "overnight" that modifies a noun ("said Friday prayers would ...", "said overnight
shelling had ...") is no time adverbial."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("speaker", "cue", "content"), scare=False)


@pytest.mark.parametrize("text, speaker, content", [
    ("Negotiators held out little hope that Baku would sign.", "Negotiators", "that Baku would sign"),
    ("Mediators see little hope that the truce will hold.", "Mediators", "that the truce will hold"),
    ("The Chadian envoy has little hope that the border will reopen.", "The Chadian envoy",
     "that the border will reopen"),
])
def test_held_noun_has_its_holder(text, speaker, content):
    got = [r for r in rows(text) if r[1] == "hope"]
    assert got == [(speaker, "hope", content)], rows(text)


@pytest.mark.parametrize("text", [
    "They rejected libellous charges that soldiers looted the town.",   # no holder: the charges' source is unnamed
    "Growing fears that the dam will fail gripped the valley.",
])
def test_unowned_noun_keeps_no_speaker(text):
    assert all(r[0] is None for r in rows(text) if r[1] not in ("rejected",)), rows(text)


@pytest.mark.parametrize("text, content", [
    ("The imam said Friday prayers would move to the stadium.", "Friday prayers would move to the stadium"),
    ("The bishop said Sunday services would be cancelled.", "Sunday services would be cancelled"),
    ("The minister said Thursday the border would reopen.", "the border would reopen"),   # a time adverbial
    ("The governor said overnight shelling had cut the power.", "overnight shelling had cut the power"),
    ("The governor said overnight the power had been cut.", "the power had been cut"),   # a time adverbial
])
def test_weekday_before_a_noun_it_modifies(text, content):
    assert [r[2] for r in rows(text) if r[1] == "said"] == [content], rows(text)
