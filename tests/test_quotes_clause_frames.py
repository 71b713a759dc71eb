"""The clause a mid-clause quotation takes (``_stage_clause_starts``) stops at a spaced
hyphen used as a dash, and is not taken over a title or name frame ("a statement headlined
“...”") or a short prepositional frame ("In a statement ..."). Constructed sentences with
fictional names."""
from __future__ import annotations

import pytest

from quote_rows import quote_table


def contents(text: str) -> list[str]:
    q = quote_table(text)
    q = q[q["kind"] != "scare"]
    for r in q.itertuples():
        assert text[int(r.content_start):int(r.content_end)] == r.content
    return [r.content for r in q.itertuples()]


@pytest.mark.parametrize("text, content", [
    ("Vantoria's warning was blunt - Corlen's generals are \"courting disaster,\" a ministry spokeswoman said.",
     "Corlen's generals are \"courting disaster,\""),
    ("Relations are at a low ebb - the talks are \"on life support,\" a Corlen diplomat said.",
     "the talks are \"on life support,\""),
    ("The message from Esk was plain – the border posts are \"not negotiable,\" an aide to Dalby said.",
     "the border posts are \"not negotiable,\""),
    ("Talks have stalled; the offer is \"dead on arrival,\" a senior Pellan official said.",
     "the offer is \"dead on arrival,\""),
])
def test_clause_starts_after_a_dash_or_semicolon(text, content):
    assert content in contents(text)


@pytest.mark.parametrize("text, bad", [
    ("In a statement headlined \"End the siege now\", Marvonia accused its neighbour of shelling.",
     "In a statement headlined"),
    ("In an interview \"Never again\", Marvonia accused Brennic of shelling.", "In an interview"),
])
def test_no_clause_over_a_title_or_prepositional_frame(text, bad):
    assert not any(c.startswith(bad) for c in contents(text))


def test_unframed_mid_clause_quotation_still_takes_its_clause():
    text = "Fishing quotas are \"a matter of survival,\" a spokesman for the Tavel coast guard said."
    assert "Fishing quotas are \"a matter of survival,\"" in contents(text)


@pytest.mark.parametrize("text", [
    "The Tavel Gazette, headlined “A Harbour Adrift,” ran the story on its front page.",
    "The Pellan daily's column was headlined “Why Tavel Must Act Now.”",
])
def test_a_title_after_headlined_is_no_quotation(text):
    q = quote_table(text)
    assert q.empty
