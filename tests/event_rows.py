"""The events table of short constructed sentences, one document each, for the act-vocabulary
tests (test_escalation_acts, test_escalation_uncoded, test_escalation_vocab12,
test_escalation_senses14, test_events_spur14, test_events_spur15)."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

import toolkit


def analyze_texts(texts: Sequence[str]) -> pd.DataFrame:
    """The events of ``texts`` (one document each), with the document's text as ``text_of``."""
    docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": list(texts)})
    ev = toolkit.analyze(docs, annotators=["events"], workers=1, cache=False, progress=False)["events"]
    return ev.assign(text_of=ev["doc_id"].map(dict(zip(docs["doc_id"], docs["text"]))))


def rows(ev: pd.DataFrame, text: str, columns: Sequence[str]) -> list[tuple]:
    """The rows of the document ``text`` as tuples of ``columns``, missing values as None."""
    sub = ev[ev["text_of"] == text]
    return [tuple(None if pd.isna(v) else v for v in r)
            for r in sub[list(columns)].itertuples(index=False)]


def assert_act(got: Sequence[tuple], act: str, cameo: str, source: str | None) -> None:
    """``got`` (rows of act, cameo, source actor, ...) has the act with that CAMEO code, and, when
    ``source`` is given, a row of that code by ``source``."""
    assert any(g[0] == act and g[1] == cameo for g in got), got
    if source is not None:
        assert any(g[1] == cameo and g[2] == source for g in got), got


def assert_no_code(got: Sequence[tuple], cameo: str) -> None:
    """No row of ``got`` (rows of act, cameo, ...) has the CAMEO code ``cameo``."""
    assert not [g for g in got if g[1] == cameo], got


def assert_wanted(got: Sequence[tuple], wanted: Sequence[tuple], unwanted: Sequence[tuple]) -> None:
    """Each pattern of ``wanted`` matches a row of ``got`` and none of ``unwanted`` does; a
    pattern is a tuple of the row's values, None matching any value."""
    def match(pattern: tuple, row: tuple) -> bool:
        return all(p is None or p == v for p, v in zip(pattern, row))
    for w in wanted:
        assert any(match(w, r) for r in got), (w, got)
    for u in unwanted:
        assert not any(match(u, r) for r in got), (u, got)
