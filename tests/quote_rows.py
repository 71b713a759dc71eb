"""The quotes table of one short constructed document, for the quote-rule tests
(test_quotes_*): every row's speaker, cue and content slices are checked against the text."""
from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from toolkit.quotes import find_quotes
from toolkit.tokenize import tokenize_documents


def quote_table(text: str) -> pd.DataFrame:
    """The quotes of ``text`` (one document), each part's offsets checked against its text."""
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks, None)
    for r in q.itertuples():
        for part in ("speaker", "cue", "content"):
            v = getattr(r, part)
            if v is not None:
                assert text[int(getattr(r, f"{part}_start")):int(getattr(r, f"{part}_end"))] == v
    return q


def quote_rows(text: str, columns: Sequence[str] = ("kind", "speaker", "cue", "content"),
               *, scare: bool = True) -> list[tuple]:
    """The rows of ``text`` as tuples of ``columns``; ``scare=False`` leaves out scare quotes."""
    q = quote_table(text)
    if not scare:
        q = q[q["kind"] != "scare"]
    return [tuple(r) for r in q[list(columns)].itertuples(index=False)]
