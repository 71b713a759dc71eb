"""Notebooks 6.0 and 7.0 on the bundled sample, the seed and a UN slice (the shared report builds)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from report_runs import built

ROOT = Path(__file__).resolve().parents[1]
NB6 = ROOT / "notebooks" / "6.0-comparative-statistics.ipynb"
NB7 = ROOT / "notebooks" / "7.0-validate-on-your-corpus.ipynb"


def _text(nb: dict) -> str:
    parts = []
    for cell in nb["cells"]:
        for o in cell.get("outputs", []):
            parts.append("".join(o.get("text", "")))
            parts.append("".join(o.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


@pytest.mark.parametrize("nb", [NB6, NB7])
def test_notebooks_are_committed_clean_with_a_parameters_cell(nb):
    data = json.loads(nb.read_text(encoding="utf-8"))
    code = [c for c in data["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert data["cells"][0]["cell_type"] == "markdown"
    assert "parameters" in data["cells"][1]["metadata"].get("tags", [])
    assert "figures.set_theme()" in "".join(data["cells"][2]["source"])


def _executed(corpus: str, nb: Path) -> tuple[Path, dict]:
    """The report folder of the shared build (tests/report_runs.py) and the executed notebook."""
    out, run = built(corpus)
    assert {r["name"]: r["status"] for r in run["notebooks"]}[nb.stem] == "ok"
    return out, json.loads((out / "notebooks" / nb.name).read_text(encoding="utf-8"))


@pytest.mark.slow
def test_comparative_statistics_notebook_on_the_sample():
    out, nb = _executed("sample", NB6)
    for name in ("6.0-keyness", "6.1-collocates", "6.2-frequency-over-time"):
        assert (out / "figures" / f"{name}.png").exists()
    assert "(column source)" in _text(nb)  # the sample's outlets are compared
    key = pd.read_csv(out / "tables" / "6.0-keyness.csv")
    assert {"term", "g2", "log_ratio"} <= set(key.columns) and len(key)


@pytest.mark.slow
def test_comparative_statistics_notebook_on_a_un_slice():
    out, nb = _executed("ungdc", NB6)
    text = _text(nb)
    assert "RUS against" in text and "(column country)" in text
    assert (out / "figures" / "6.0-keyness.svg").exists()


@pytest.mark.slow
def test_comparative_statistics_notebook_on_one_article():
    out, nb = _executed("seed", NB6)
    assert "a single group: no keyness" in _text(nb)
    assert not (out / "figures" / "6.0-keyness.png").exists()
    assert (out / "figures" / "6.1-collocates.png").exists()


@pytest.mark.slow
def test_validation_notebook_on_the_sample():
    out, nb = _executed("sample", NB7)
    coding = out / "coding"
    assert (coding / "coding_sheet.xlsx").exists() and (coding / "coding_key.csv").exists()
    assert len(list((coding / "simulated").glob("*.xlsx"))) == 3
    for name in ("7.0-agreement", "7.1-confusion"):
        assert (out / "figures" / f"{name}.pdf").exists()
    assert "krippendorff_alpha" in _text(nb)
