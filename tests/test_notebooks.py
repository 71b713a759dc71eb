"""The notebook series: conventions (fast) and headless execution on every corpus (slow).

Execution is parameterised, not edited copies: each corpus's report build (tests/report_runs.py)
runs every notebook once with papermill; the tests below read those runs.
"""
from __future__ import annotations

import json
import re

import nbformat
import pytest
from report_runs import CORPORA, built, skip_reason

from toolkit import report

NOTEBOOKS = report.notebooks()
ALL_FILES = sorted(report.NOTEBOOK_DIR.glob("*.ipynb"))
OUTPUTS = {"out_dir", "fig_dir", "figures_dir"}


def test_the_series_exists():
    names = {p.name for p in NOTEBOOKS}
    for required in ("0.0-quickstart.ipynb", "1.0-corpus-overview.ipynb",
                     "2.0-actors-and-quotes.ipynb", "9.0-figures-for-the-report.ipynb"):
        assert required in names


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_notebook_name(path):
    assert report.NOTEBOOK_NAME.match(path.name), \
        f"{path.name}: notebooks are named <step>.<sub>-<slug>.ipynb, e.g. 4.0-escalation.ipynb"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_notebook_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.get("outputs") == [], f"{path.name} cell {i} has outputs: strip them"
            assert cell.get("execution_count") is None, f"{path.name} cell {i} has an execution count"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_notebook_layout(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    cells = nb.cells
    assert cells[0].cell_type == "markdown" and cells[0].source.lstrip().startswith("#"), \
        f"{path.name}: cell 1 is markdown stating the question, inputs and figures"
    tagged = [i for i, c in enumerate(cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert tagged == [1], f"{path.name}: cell 2 (and only it) is tagged `parameters`; found {tagged}"
    declared = {d.lower() for d in report.declared_parameters(path)}
    assert "corpus" in declared, f"{path.name}: the parameters cell must set `corpus` (name or path)"
    assert declared & OUTPUTS, f"{path.name}: the parameters cell must set an output folder: one of {OUTPUTS}"
    assert cells[2].cell_type == "code" and "set_theme()" in cells[2].source, \
        f"{path.name}: cell 3 holds the imports and figures.set_theme()"
    for i, cell in enumerate(cells):
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class)\s", cell.source, re.MULTILINE), \
                f"{path.name} cell {i}: a def in a notebook belongs in toolkit/ with a test"


COMMON = ("corpus", "countries", "years", "limit", "tables_dir", "out_dir")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_series_notebook_takes_the_common_parameters(path):
    """Every notebook of the series runs on any corpus the report is given: it declares the
    common parameters in their lowercase spelling and loads through report.load_analysis."""
    declared = report.declared_parameters(path)
    assert set(COMMON) <= declared, \
        f"{path.name}: the parameters cell must declare {COMMON}; missing {set(COMMON) - declared}"
    shouting = sorted(d for d in declared if d.lower() in COMMON + ("fig_dir", "figures_dir") and d != d.lower())
    assert not shouting, f"{path.name}: spell the common parameters in lowercase, not {shouting}"
    code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    assert "report.load_analysis(corpus, countries=countries, years=years, limit=limit" in code, \
        f"{path.name}: load the corpus with report.load_analysis(corpus, countries=..., years=..., limit=...)"
    loads = re.findall(r"\b(datasets\.\w+\(|load_corpus\(|toolkit\.analyze\()", code)
    assert not loads, f"{path.name}: load and analyse through report.load_analysis, not {loads}"


def test_no_figure_name_is_written_by_two_notebooks():
    owners: dict[str, str] = {}
    for path in NOTEBOOKS:
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r'figures\.save\([^,]+,\s*"([^"]+)"', text):
            assert name not in owners, f"figure {name} is written by {owners.get(name)} and {path.name}"
            assert name.split("-")[0].split(".")[0] == path.name.split(".")[0], \
                f"{path.name}: figure {name} should be named after the notebook's step"
            owners[name] = path.name


CASES = [(c, p.name) for c in CORPORA for p in NOTEBOOKS]


@pytest.mark.slow
@pytest.mark.parametrize("corpus, name", CASES, ids=[f"{c}-{n[:-6]}" for c, n in CASES])
def test_notebook_executes(corpus, name):
    out, run = built(corpus)
    runs = {r["name"]: r for r in run["notebooks"]}
    r = runs[name[:-6]]
    assert r["status"] == "ok", f"{name} on {corpus}: {r['error']} (see {r['ipynb']})"
    executed = nbformat.read(r["ipynb"], as_version=4)
    # papermill injected the corpus parameters after the tagged cell
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and "corpus" in injected[0].source.lower()
    assert (out / "notebooks" / f"{name[:-6]}.html").stat().st_size > 1000


@pytest.mark.slow
@pytest.mark.parametrize("corpus", list(CORPORA))
def test_report_figures_have_provenance(corpus):
    out, run = built(corpus)
    sidecars = sorted((out / "figures").glob("*.json"))
    assert sidecars, "the series wrote no figure"
    for side in sidecars:
        prov = json.loads(side.read_text())
        for ext in ("png", "svg", "pdf"):
            assert (out / "figures" / f"{side.stem}.{ext}").stat().st_size > 500
        # invented sentences (5.1) and simulated coders (7.x) are illustrations, not the corpus
        illustration = side.stem in ("5.1-tone-baselines", "7.0-agreement", "7.1-confusion")
        assert bool(prov.get("illustration")) == illustration, side.name
        if illustration:
            assert prov["corpus"].startswith("illustration: ") and prov["n_documents"] is None
            continue
        assert prov["n_documents"] == run["n_documents"]
        assert prov["corpus"] == run["corpus"]
        assert prov["command"].startswith("notebooks/") and prov["command"].endswith(".ipynb")
        assert set(prov["lexicons"]) == set(run["lexicons"])
        if CORPORA[corpus]:
            assert prov["filters"] == CORPORA[corpus]


@pytest.mark.slow
def test_ungdc_slice_is_the_slice():
    _, run = built("ungdc")
    assert run["n_documents"] == 3
    assert "countries=RUS,USA,UKR" in run["corpus"]


@pytest.mark.slow
def test_quickstart_analyses_by_itself(tmp_path):
    """Without ``tables_dir`` a notebook loads and analyses the corpus itself (a user's first run)."""
    reason = skip_reason("sample")
    if reason:
        pytest.skip(reason)
    nb = report.NOTEBOOK_DIR / "0.0-quickstart.ipynb"
    run = report.execute_notebook(nb, tmp_path, {"corpus": "sample", "limit": 1, "out_dir": str(tmp_path)},
                                  to_html=False)
    assert run.status == "ok", run.error
    pages = list((tmp_path / "articles").glob("0.0-quickstart-*.html"))
    assert len(pages) == 1 and "<script" not in pages[0].read_text()
