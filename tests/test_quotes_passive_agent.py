"""toolkit.quotes: a by-agent passive cue with no clause after it reports its subject
("The ceasefire was confirmed by a UN spokesman": the spokesman speaks, the ceasefire is what
was said), rule ``indirect_passive_content_before``; an addressee subject ("X was asked by Y")
or an expletive one ("It was confirmed by ...") gives no such row (issue 17, passive voice)."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("speaker", "cue", "content", "rule"), scare=False)


@pytest.mark.parametrize("text, row", [
    ("The ceasefire was confirmed by a UN spokesman on Sunday.",
     ("a UN spokesman", "was confirmed", "The ceasefire", "indirect_passive_content_before")),
    ("The Halvik merger was announced by both companies in a joint statement.",
     ("both companies", "was announced", "The Halvik merger", "indirect_passive_content_before")),
    ("The Orsk plan was rejected by dozens of councillors in Tamber.",
     ("dozens of councillors", "was rejected", "The Orsk plan", "indirect_passive_content_before")),
    ("Mayor Ilse Varga was criticized by rivals for the delay.",
     ("rivals", "was criticized", "Mayor Ilse Varga", "indirect_passive_content_before")),
])
def test_passive_subject_is_the_content(text, row):
    assert row in rows(text), rows(text)


@pytest.mark.parametrize("text", [
    "Mayor Ilse Varga was asked by reporters about the plan.",
    "It was confirmed by the Tamber ministry.",
    "The truce, which was confirmed by officials in Tamber, expires in May.",
])
def test_no_passive_subject_content(text):
    assert not any(r[3] == "indirect_passive_content_before" for r in rows(text)), rows(text)


def test_a_clause_after_the_agent_stays_the_content():
    got = rows("It was announced by the Tamber health ministry that clinics would stay open.")
    assert ("the Tamber health ministry", "was announced", "that clinics would stay open", "indirect_passive") in got, got
