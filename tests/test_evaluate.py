"""The evaluate command writes VALIDATION.md, JSON, error CSVs and the README summary."""
from __future__ import annotations

import json
import sys
import types

import pandas as pd

from toolkit import evaluate
from toolkit.metrics import EvalResult, classification_scores, error_table


def _fake_module(monkeypatch, tmp_path):
    mod = types.ModuleType("toolkit_fake_validation")

    def run(eval_dir, *, n_boot=1000, seed=0, limit=None):
        gold, pred = ["a", "a", "b", "b"], ["a", "b", "b", "b"]
        return [EvalResult("fake.measure", "toyset", 4, classification_scores(gold, pred, n_boot=n_boot),
                           error_table(["t1", "t2", "t3", "t4"], gold, pred, positive="b"), notes="toy")]

    mod.evaluate = run
    monkeypatch.setitem(sys.modules, "toolkit_fake_validation", mod)
    monkeypatch.setattr(evaluate, "EVAL_MODULES", ("toolkit_fake_validation", "toolkit.validation.nonexistent"))


def test_run_and_write(monkeypatch, tmp_path):
    _fake_module(monkeypatch, tmp_path)
    results, log = evaluate.run_all(tmp_path, n_boot=50)
    assert len(results) == 1 and "nonexistent: no validation module" in log[1]
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{evaluate.README_START}\nold\n{evaluate.README_END}\nrest\n")
    evaluate.write_reports(results, markdown=tmp_path / "V.md", json_path=tmp_path / "v.json",
                           errors_dir=tmp_path / "err", command="cmd", log=log, n_boot=50, limit=None)
    md = (tmp_path / "V.md").read_text()
    assert "## fake.measure — toyset (N = 4)" in md and "0.733" in md  # macro-F1 of the toy data
    payload = json.loads((tmp_path / "v.json").read_text())
    assert payload["results"][0]["measure"] == "fake.measure"
    errs = pd.read_csv(tmp_path / "err" / "fake.measure__toyset.csv")
    assert errs["kind"].tolist() == ["FP"]
    assert evaluate.update_readme(results, readme, command="cmd")
    text = readme.read_text()
    assert "old" not in text and "0.733" in text and text.endswith("rest\n")


def test_the_command_leaves_the_docs_alone_unless_asked(monkeypatch, tmp_path):
    from toolkit import cli

    _fake_module(monkeypatch, tmp_path)
    monkeypatch.chdir(tmp_path)
    readme = tmp_path / "README.md"
    before = f"intro\n{evaluate.README_START}\nold\n{evaluate.README_END}\n"
    readme.write_text(before)
    assert cli.main(["evaluate", "--eval-dir", str(tmp_path), "--n-boot", "20", "--limit", "3"]) == 0
    assert readme.read_text() == before and not (tmp_path / "docs").exists()
    assert "fake.measure" in (tmp_path / "evaluation" / "VALIDATION.md").read_text()
    assert cli.main(["evaluate", "--eval-dir", str(tmp_path), "--n-boot", "20", "--write-docs"]) == 0
    assert "old" not in readme.read_text() and (tmp_path / "docs" / "validation.json").exists()
