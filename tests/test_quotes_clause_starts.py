"""toolkit.quotes: words that open a reported clause without "that" (found on PolNeAR train,
never on the dev set): "said this was a mistake" has a clause, "said this week" does not."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("kind", "speaker", "cue", "content"), scare=False)


@pytest.mark.parametrize("text, expected", [
    ("Lopes said this was a “fatal miscalculation” and that the envoy had learned his lesson.",
     ("mixed", "Lopes", "said", "this was a “fatal miscalculation” and that the envoy had learned his lesson")),
    ("The envoy said this is the last chance for a deal.",
     ("indirect", "The envoy", "said", "this is the last chance for a deal")),
    ("She thinks this will end badly.", ("indirect", "She", "thinks", "this will end badly")),
])
def test_this_as_subject(text, expected):
    assert expected in rows(text)


@pytest.mark.parametrize("text, content", [
    ("The ministry said this week that the talks had failed.", "that the talks had failed"),
    ("The talks failed, the ministry said this week.", "The talks failed"),
])
def test_this_as_time_is_no_clause(text, content):
    got = rows(text)
    assert [c for _, _, _, c in got] == [content], got


def test_this_alone_is_no_clause():
    assert rows("The minister said this.") == []
