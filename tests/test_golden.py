"""Every annotator's output on a fixed corpus equals the blessed golden tables.

A failure names each table and column that changed. If the change is intended, re-bless with
``make bless`` in a commit of its own that says why the output changed.
"""
from __future__ import annotations

import json

import pytest

import golden


@pytest.fixture(scope="module")
def current():
    missing = golden.missing_inputs()
    if missing:
        pytest.skip(f"golden tables need {', '.join(missing)} (they were blessed with them); CI has them")
    return golden.compute()


@pytest.mark.shared
@pytest.mark.slow
def test_tables_equal_the_golden_tables(current):
    blessed = json.loads(golden.GOLDEN.read_text())
    env = blessed.pop("_environment", {})
    diffs = []
    for name in sorted(set(blessed) | set(current)):
        if name not in current or name not in blessed:
            diffs.append(f"{name}: table {'added' if name in current else 'gone'}")
            continue
        b, c = blessed[name], current[name]
        if b["rows"] != c["rows"]:
            diffs.append(f"{name}: {c['rows']} rows, blessed {b['rows']}")
        if b.get("order") != c["order"]:
            diffs.append(f"{name}: columns {c['order']}, blessed {b.get('order')}")
        changed = [col for col in sorted(set(b["columns"]) | set(c["columns"]))
                   if b["columns"].get(col) != c["columns"].get(col)]
        if changed:
            diffs.append(f"{name}: columns changed: {', '.join(changed)}")
    now = golden.environment()
    note = "" if env == now else f"\n(blessed with {env}; this machine has {now})"
    assert not diffs, "output differs from the golden tables (re-bless with `make bless` if " \
                      "intended):\n" + "\n".join(diffs) + note


def test_digest_sees_a_one_value_change():
    import pandas as pd

    a = pd.DataFrame({"x": [1.0, 2.0], "t": ["a", None]})
    b = a.copy()
    b.loc[1, "x"] = 2.0000001
    assert golden.digest(a) == golden.digest(a.copy())
    assert golden.digest(a)["columns"]["x"] != golden.digest(b)["columns"]["x"]
    none = a.assign(t=pd.Series(["a", None], dtype=object))    # None and NaN told apart
    nan = a.assign(t=pd.Series(["a", float("nan")], dtype=object))
    assert golden.digest(nan)["columns"]["t"] != golden.digest(none)["columns"]["t"]
    ints = a.assign(x=[1, 2])                                    # 1.0 and 1: the dtype counts
    assert golden.digest(ints)["columns"]["x"] != golden.digest(a)["columns"]["x"]
    assert golden.digest(a[["t", "x"]])["order"] != golden.digest(a)["order"]
