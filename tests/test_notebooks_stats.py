"""Notebooks 6.0 and 7.0 run headless with papermill, on the bundled sample and a UN slice."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from toolkit import datasets
from toolkit.config import shared_path

ROOT = Path(__file__).resolve().parents[1]
NB6 = ROOT / "notebooks" / "6.0-comparative-statistics.ipynb"
NB7 = ROOT / "notebooks" / "7.0-validate-on-your-corpus.ipynb"


def _run(nb: Path, tmp_path: Path, monkeypatch, **parameters) -> dict:
    pm = pytest.importorskip("papermill")
    # The kernel must import this checkout's toolkit, whatever is installed in the venv.
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / nb.name
    pm.execute_notebook(str(nb), str(out), parameters=parameters, kernel_name="python3",
                        cwd=str(tmp_path), progress_bar=False)
    return json.loads(out.read_text(encoding="utf-8"))


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


@pytest.mark.slow
def test_comparative_statistics_notebook_on_the_sample(tmp_path, monkeypatch):
    nb = _run(NB6, tmp_path, monkeypatch, corpus="sample", fig_dir=str(tmp_path / "figs"))
    for name in ("6.0-keyness", "6.1-collocates", "6.2-frequency-over-time"):
        assert (tmp_path / "figs" / f"{name}.png").exists()
    assert "2024 H1" in _text(nb)


@pytest.mark.slow
def test_comparative_statistics_notebook_on_a_un_slice(tmp_path, monkeypatch):
    if shared_path("corpora", datasets.UNGDC_FILE) is None:
        pytest.skip("shared/corpora UNGDC not found (set TOOLKIT_SHARED)")
    nb = _run(NB6, tmp_path, monkeypatch, corpus="ungdc", years=[2014, 2022], fig_dir=str(tmp_path / "figs"))
    text = _text(nb)
    assert "RUS" in text and "USA" in text and "using the bundled sample" not in text
    assert (tmp_path / "figs" / "6.0-keyness.svg").exists()


@pytest.mark.slow
def test_validation_notebook_on_the_sample(tmp_path, monkeypatch):
    out = tmp_path / "coding"
    nb = _run(NB7, tmp_path, monkeypatch, out_dir=str(out), fig_dir=str(tmp_path / "figs"), n_boot=50)
    assert (out / "coding_sheet.xlsx").exists() and (out / "coding_key.csv").exists()
    assert len(list((out / "simulated").glob("*.xlsx"))) == 3
    for name in ("7.0-agreement", "7.1-confusion"):
        assert (tmp_path / "figs" / f"{name}.pdf").exists()
    assert "krippendorff_alpha" in _text(nb)
