"""toolkit.quotes: words that open a reported clause without "that" (found on PolNeAR train,
never on the dev set): "said this was a mistake" has a clause, "said this week" does not."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit.quotes import find_quotes
from toolkit.tokenize import tokenize_documents


def rows(text: str) -> list[tuple]:
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks, None)
    return [(r.kind, r.speaker, r.cue, r.content) for r in q.itertuples() if r.kind != "scare"]


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
