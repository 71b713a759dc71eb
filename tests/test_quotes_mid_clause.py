"""A direct quotation that opens mid-clause has the whole clause as content (PolNeAR's
convention; ``_stage_clause_starts``). Constructed sentences with fictional names."""
from __future__ import annotations

import pytest

from quote_rows import quote_table


def contents(text: str) -> list[tuple[str, str]]:
    q = quote_table(text)
    q = q[q["kind"] != "scare"]
    for r in q.itertuples():
        assert text[int(r.content_start):int(r.content_end)] == r.content
    return [(r.rule, r.content) for r in q.itertuples()]


@pytest.mark.parametrize("text, rule, content", [
    ("The harbour levy is “a tax on every family in Veltro,” Mayor Ilsa Brandvik said on Tuesday.",
     "direct_cue_after", "The harbour levy is “a tax on every family in Veltro,”"),
    ("Farm prices have been “falling for three straight seasons,” said Oren Matsuda.",
     "direct_said_x", "Farm prices have been “falling for three straight seasons,”"),
    ("Jobs are “coming back to Quenby,” Renata Holm said, citing new orders.",
     "direct_cue_after", "Jobs are “coming back to Quenby,”"),
])
def test_mid_clause_quotation_takes_its_clause(text, rule, content):
    assert (rule, content) in contents(text)


@pytest.mark.parametrize("text, content", [
    # opens its sentence: unchanged
    ("“We will not sign this treaty,” Foreign Minister Dalia Renko told reporters.", "“We will not sign this treaty,”"),
    # after a colon: the quotation is the clause
    ("Captain Elin Marsh put it simply: “The port is closed,” she said.", "“The port is closed,”"),
    # the second part of an interrupted quotation stays the quotation
    ("“This is,” Governor Paulo Vance said, “a dark day for Amberley.”", "“a dark day for Amberley.”"),
])
def test_quotation_that_opens_its_clause_is_unchanged(text, content):
    assert content in [c for _, c in contents(text)]


def test_clause_does_not_reach_back_over_an_earlier_attribution():
    text = "“The port is closed,” Elin Marsh said, and the ferries are “done for the winter.”"
    got = [c for _, c in contents(text)]
    assert "“The port is closed,”" in got
    assert not any(c.startswith("“The port") and c.endswith("winter.”") for c in got)
    assert not any("Marsh said" in c for c in got)


def test_unattributed_quotation_after_that_takes_the_clause_but_not_after_a_relative_that():
    got = contents("In Orvell the old view is that the tax plan is “a giveaway to developers who never paid "
                   "their share and never will.”")
    assert ("direct_unattributed", "that the tax plan is “a giveaway to developers who never paid their share "
            "and never will.”") in got
    got = contents("Marchers carried a banner that proclaimed “Hands off Orvell Bay, the harbour belongs to the "
                   "people of Kestrel and to nobody else.”")
    assert got and not any(c.startswith("that") for _, c in got)
