"""A document's escalation rows do not depend on the document before it in the batch.

Sentence ids restart in each document, so two one-sentence documents side by side both have
sentence 0: the speech frames (escalation._speech_frames) must not walk back over the
document's first token when they look for a copula or a modal of the reported clause.
Constructed documents, new names.
"""
from __future__ import annotations

import pytest

from toolkit.escalation import _after_copula, find_cues
from toolkit.tokenize import tokenize_documents


def _rows(texts: dict[str, str], doc: str) -> list[list]:
    _, toks = tokenize_documents(list(texts), list(texts.values()))
    cues = find_cues(toks, texts)
    return cues.loc[cues["doc_id"] == doc, ["text", "cameo", "category"]].values.tolist()


@pytest.mark.parametrize("before, text", [
    # a modal at the end of the document before, an act cue opening this one
    ("Mali must comply.", "Sanctions hurt Chad, Niger said."),
    ("Mali should act now", "Attacks continued near the border, Niger said."),
    # a copula ending the document before (a truncated headline)
    ("The talks were", "totally unacceptable, Niger said."),
])
def test_the_document_before_changes_no_row(before, text):
    alone = _rows({"b": text}, "b")
    assert _rows({"a": before, "b": text}, "b") == alone
    assert [r for r in alone if r[0] == "said"] == [["said", "010", "statement"]]


def test_the_frames_still_read_a_modal_in_the_same_document():
    # near miss: the same words in one document keep the demand
    text = "Mali must end the attacks, Niger said."
    assert ["said", "100", "demand"] in _rows({"a": "Togo met Benin.", "b": text}, "b")


def test_after_copula_stops_at_the_documents_first_row():
    lower = ["the", "talks", "were", "totally", "unacceptable"]
    cop, fill = frozenset({"were"}), frozenset({"totally"})
    assert _after_copula(lower, [0] * 5, 4, cop, fill, 3)
    assert not _after_copula(lower, [0] * 5, 4, cop, fill, 3, floor=3)
