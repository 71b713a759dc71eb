"""Bounded work per sentence: the rhetoric step grows linearly with one long sentence.

The checks count work instead of timing it: the lines of toolkit code run (``sys.settrace``,
toolkit frames only) and the value comparisons VADER's "but" rule makes. Before, three parts
compared every item of a sentence (or document) with every other: the "but" rule's
``list.index`` look-ups, the commitment rule's scan of all response verbs in the sentence, and
the blocker rule's scan of all blockers in the document.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit import _vader, rhetoric
from toolkit.tokenize import tokenize_documents

TOOLKIT_DIR = str(Path(toolkit.__file__).parent)

# One sentence each, no full stop: what a scraped page without punctuation or a fuzzer gives.
PATHOLOGICAL = {
    "but and many valences": "the minister did not warn that very grave consequences would surely follow, "
                             "but we accept this great success and perhaps never fail ",
    "modals before responses": "we will respond and will strike ",
    "blockers": "as soon as possible, perhaps ",
}


def _sentence(unit: str, n_chars: int) -> dict:
    text = (unit * (n_chars // len(unit) + 1))[:n_chars].strip()
    sents, toks = tokenize_documents(["d"], [text])
    assert len(sents) == 1
    return {"documents": pd.DataFrame({"doc_id": ["d"], "text": [text]}), "sentences": sents, "tokens": toks}


def _lines_run(fn) -> int:
    """Lines of toolkit code executed by ``fn()`` (library code is not counted)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def enter(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(TOOLKIT_DIR) else None

    sys.settrace(enter)
    try:
        fn()
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("case", list(PATHOLOGICAL))
def test_one_long_sentence_costs_linear_work(case):
    rhetoric.annotate(_sentence(PATHOLOGICAL[case], 200))   # lexicons and models loaded once, here
    small, large = (_sentence(PATHOLOGICAL[case], n) for n in (8_000, 16_000))
    assert len(large["tokens"]) >= 1.9 * len(small["tokens"])
    lines = [_lines_run(lambda t=t: rhetoric.annotate(t)) for t in (small, large)]
    # Linear work doubles; the old quadratic parts made these ratios 3.2 to 3.8.
    assert lines[1] / lines[0] < 2.3, lines


class _Counted(float):
    """A valence that counts the comparisons made with it."""

    n = 0

    def __eq__(self, other):
        _Counted.n += 1
        return float.__eq__(self, other)

    def __ne__(self, other):
        _Counted.n += 1
        return float.__ne__(self, other)

    __hash__ = float.__hash__


def _comparisons(n: int) -> int:
    values = [_Counted(0.5 + i / 1000) for i in range(n)]   # all different: the worst case for list.index
    words = ["w"] * n
    words[n // 2] = "but"
    _Counted.n = 0
    _vader.but_check(words, values)
    return _Counted.n


def test_the_but_rule_compares_each_value_a_bounded_number_of_times():
    counts = [_comparisons(n) for n in (2_000, 4_000)]
    assert counts[1] <= 2.2 * counts[0] and counts[1] <= 8 * 4_000, counts


@pytest.mark.parametrize("words, values", [
    (["good", "but", "good"], [1.9, 0, 1.9]),
    (["good", "but", "fine"], [1.9, 0, 0.95]),                # 0.95 found at 0 first (the quirk)
    (["a", "b", "but", "c", "d", "e"], [2.0, 1.0, 0, 1.0, 2.0, 0.5]),
    (["but", "x", "but"], [0, 0, 0]),
    (["x", "y"], [1.0, 2.0]),                                 # no "but": unchanged
    (["x", "but", "y", "z"], [-0.0, 0.0, 0, 0.0]),            # zeros of every spelling
    (["x", "but", "y"], [float("nan"), 0, 1.0]),              # NaN: the reference loop
    (["a"] * 4 + ["but"] + ["b"] * 4, [1.0, 0.5, 0.25, 1.0, 0, 1.5, 2.25, 1.0, 0.5]),
])
def test_the_but_rule_gives_the_reference_values(words, values):
    expected = _vader._but_check_by_index(words.index("but"), list(values)) if "but" in words else values
    got = _vader.but_check(words, list(values))
    assert [repr(v) for v in got] == [repr(v) for v in expected]


@pytest.mark.parametrize("blocks, markers, dropped", [
    # (start, end, categories it blocks); (start, end, category); markers dropped
    ([(0, 10, "hedge")], [(2, 5, "hedge"), (2, 5, "booster"), (8, 12, "hedge")], [True, False, False]),
    ([(0, 10, "hedge"), (20, 30, "hedge;booster")], [(25, 30, "booster"), (12, 15, "hedge")], [True, False]),
    ([(0, 10, "hedge"), (5, 30, "hedge")], [(12, 15, "hedge"), (6, 9, "hedge")], [True, True]),   # overlapping
    ([(10, 20, "hedge")], [(0, 5, "hedge"), (10, 20, "hedge"), (19, 21, "hedge")], [False, True, False]),
])
def test_blockers_drop_what_they_contain(blocks, markers, dropped):
    rows = [{"doc_id": "d", "start": a, "end": b, "category": "blocker", "blocks": cats} for a, b, cats in blocks]
    rows += [{"doc_id": "d", "start": a, "end": b, "category": c, "blocks": None} for a, b, c in markers]
    kept = rhetoric._apply_blockers(pd.DataFrame(rows))
    survivors = {(a, b, c) for a, b, c in zip(kept["start"], kept["end"], kept["category"])}
    assert [(a, b, c) not in survivors for a, b, c in markers] == dropped
    assert (kept["category"] != "blocker").all()


@pytest.mark.parametrize("text, commitments", [
    ("We will respond.", ["will"]),
    ("We will, if necessary, respond.", []),                  # the verb is beyond the window
    ("They will meet and we will strike back.", ["will"]),
    ("We will not hesitate to act.", ["will"]),                # the threat entry "not hesitate"
    ("We will consider whether to respond.", []),
    ("We shall answer any aggression.", ["shall"]),
])
def test_commitments_look_only_inside_their_window(text, commitments):
    _, toks = tokenize_documents(["d"], [text])
    r = rhetoric.rhetoric_table(toks, {"d": text})
    assert r.loc[r["subcategory"] == "commitment", "text"].tolist() == commitments
