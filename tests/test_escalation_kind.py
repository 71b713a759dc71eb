"""The escalation table's ``kind`` column: acts, references (things named) and statements.

A researcher filtering the table for acts needs to drop the rows that only name a weapon, a kind
of actor or a danger ("the threat of terrorism", "armed groups"): they count in the scores but
are no act of anyone. ``kind`` says which rows those are, from the lexicon's ``references``.
"""
from __future__ import annotations

import pandas as pd
import pytest
from test_escalation import cues_of

from toolkit import escalation as esc
from toolkit.tokenize import tokenize_documents


def kinds(text: str) -> list[tuple[str, str]]:
    c = cues_of(text)
    return list(zip(c["text"], c["kind"]))


@pytest.mark.parametrize("text, surface, kind", [
    ("Russia attacked the port of Odesa.", "attacked", "act"),
    ("The minister warned Iran of consequences.", "warned Iran of consequences", "act"),
    ("The Council condemned the attack.", "condemned", "act"),
    ("Terrorism remains the gravest danger to the region.", "Terrorism", "reference"),
    ("Armed groups control the northern districts.", "Armed groups", "reference"),
    ("The militia is based near the border.", "militia", "reference"),
    ("Ballistic missiles were on display at the parade.", "Ballistic missiles", "reference"),
    ("The spokesman said nothing more.", "said", "statement"),
    ("Europe was divided during the Cold War.", "Cold War", "statement"),
])
def test_kind_of_a_cue(text, surface, kind):
    assert (surface, kind) in kinds(text), kinds(text)


def test_every_row_has_a_known_kind_and_acts_carry_the_scores_of_acts():
    text = ("Terrorists attacked a convoy. The United States imposed sanctions on Iran. "
            "The talks resumed in Geneva, officials said.")
    c = cues_of(text)
    assert set(c["kind"]) <= set(esc.KINDS) and c["kind"].notna().all()
    assert (c.loc[c["kind"] == "statement", "quad_class"] == "statement").all()
    assert set(c.loc[c["kind"] == "reference", "cue"]) <= set(esc._load(esc.LEXICON)[1].references)


def test_kind_is_a_column_of_the_table_and_of_an_empty_table():
    assert "kind" in esc.COLUMNS
    _, toks = tokenize_documents(["d"], ["The weather was mild."])
    empty = esc.find_cues(toks, {"d": "The weather was mild."})
    assert list(empty.columns) == esc.COLUMNS and empty.empty


def test_a_lexicon_without_references_has_only_acts_and_statements():
    c = pd.DataFrame({"entry": ["terrorism", "say"], "quad_class": ["material_conflict", "statement"]})
    assert esc.cue_kinds(c, frozenset()).tolist() == ["act", "statement"]
