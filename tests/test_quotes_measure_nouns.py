"""toolkit.quotes: a reporting word after a measure ("a 12-page report", "a 52-count
complaint", "the two-year review") is a noun, so "according to a 12-page report by X" keeps
its whole source instead of reading "report" as the verb (issue 17, quote structure)."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows


@pytest.mark.parametrize("text, row", [
    ("According to a 12-page report by the Orsk ombudsman, the guards beat inmates.",
     ("a 12-page report by the Orsk ombudsman", "According to", "the guards beat inmates")),
    ("The guards beat inmates, according to a two-year review by the Tamber ombudsman.",
     ("a two-year review by the Tamber ombudsman", "according to", "The guards beat inmates")),
    ("A 40-page report by the Velmar auditor said the port had overpaid contractors.",
     ("A 40-page report by the Velmar auditor", "said", "the port had overpaid contractors")),
])
def test_measure_before_a_reporting_noun(text, row):
    got = quote_rows(text, ("speaker", "cue", "content"), scare=False)
    assert row in got, got
