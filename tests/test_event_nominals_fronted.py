"""event_nominals 1.3.0 (reviewer rev14): a request noun in a sentence-opening "Despite ... ,"
phrase is aimed at the subject after the phrase's comma; a noun compound ("phone calls") is no
request. Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text, with_quotes=True)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize("text, makers, act, heeder", [
    ("Despite calls from Indonesia and Malaysia to halt the executions, Singapore hanged two men.",
     ("IDN", "MYS"), "appeal", "SGP"),
    ("Despite pleas from the Vatican, Nicaragua expelled the bishop.", ("VAT",), "appeal", "NIC"),
    ("Ignoring calls from the United Nations for restraint, Myanmar's army shelled the town.",
     ("UN",), "appeal", "MMR"),
    ("Despite demands from Kenya that it withdraw, Uganda kept its troops on the island.",
     ("KEN",), "demand", "UGA"),
    # clauses tag.opening_preposition: "Amid" is tagged NNP and "calls" VBZ without it
    ("Amid calls from Norway to free the activists, Iran released one of them.", ("NOR",), "appeal", "IRN"),
])
def test_a_fronted_request_is_aimed_at_the_subject_after_the_comma(text, makers, act, heeder):
    got = _rows(text)
    for m in makers:
        assert any(r[0] == m and r[1] == act and r[2] == heeder and r[4].startswith("nominal.request_from")
                   for r in got), got


@pytest.mark.parametrize("text", [
    "Despite phone calls from Nigeria, Ghana closed its border.",   # a compound: no request
    "Despite calls from Uganda, the talks collapsed.",              # no party after the comma
    "The minister took phone calls from Nigeria and Ghana on Tuesday.",
])
def test_no_fronted_request_row_without_a_request_or_a_party_asked(text):
    got = _rows(text)
    assert not any(r[4].startswith("nominal.request_from") for r in got), got
