"""toolkit.quotes quote marks: NYT-style '' double quotes that close right after a nested single
quote ("''... 'old-school,''' said X"), found on PolNeAR train."""
from __future__ import annotations

import pytest

from toolkit.quotes import find_quote_spans
from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("rule", "speaker", "cue", "content"))


@pytest.mark.parametrize("text, spans", [
    ("''I would use the word 'old-school,''' said Ana Ruiz.",
     [("''I would use the word 'old-school,'''", 0), ("'old-school,'", 1)]),
    ("''We call it 'peace,''' he said.", [("''We call it 'peace,'''", 0), ("'peace,'", 1)]),
    ("''It is over,'' she said.", [("''It is over,''", 0)]),                      # no nested single
    ("''I hate the term 'poor,' '' she said.", [("''I hate the term 'poor,' ''", 0), ("'poor,'", 1)]),
])
def test_single_then_double_close(text, spans):
    qs, problems = find_quote_spans(text)
    assert [(text[q.start:q.end], q.depth) for q in qs] == spans
    assert problems == []


def test_attribution_after_triple_mark():
    got = rows("''I would use the word 'old-school,''' said Ana Ruiz, a former envoy.")
    assert ("direct_said_x", "Ana Ruiz, a former envoy", "said", "''I would use the word 'old-school,'''") in got
