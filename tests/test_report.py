"""report: corpus parameters, the report folder, index.html, failures that are reported."""
from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest
from report_runs import built, skip_reason

from toolkit import cli, report
from toolkit.corpus import load_corpus

XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


@pytest.mark.parametrize("years, expected", [
    (None, None), ("", None), (2022, [2022]), ([2020, 2022], [2020, 2022]), ("2020-2022", [2020, 2021, 2022]),
    ("2019..2020", [2019, 2020]), ("2014, 2016", [2014, 2016]),
])
def test_years(years, expected):
    assert report.filters_of(years=years).get("years") == expected


def test_bad_years_say_what_is_valid():
    with pytest.raises(ValueError, match="`years` value = 'last year' is invalid"):
        report.filters_of(years="last year")


@pytest.mark.parametrize("filters, expected", [
    ({}, "ungdc"), ({"countries": ["RUS", "USA"]}, "ungdc (countries=RUS,USA)"),
    ({"countries": ["RUS"], "years": [2020, 2021, 2022], "limit": 3}, "ungdc (countries=RUS; years=2020-2022; limit=3)"),
])
def test_describe(filters, expected):
    assert report.describe("ungdc", filters) == expected


def _corpus(texts, **cols):
    return load_corpus(pd.DataFrame({"text": texts, **cols}))


def test_open_corpus_filters_a_loaded_corpus():
    c = _corpus(["a b.", "c d.", "e f."], country=["RUS", "USA", "RUS"], year=[2020, 2021, 2022])
    out, what = report.open_corpus(c, countries="rus", years=[2022, 2020], limit=1)
    assert out.documents["year"].tolist() == [2020]
    assert what == "corpus (countries=RUS; years=2022,2020; limit=1)"


def test_open_corpus_needs_a_country_column():
    with pytest.raises(ValueError, match="no country column"):
        report.open_corpus(_corpus(["a."]), countries=["RUS"])


def test_declared_parameters_and_the_series_order():
    names = [p.name for p in report.notebooks()]
    assert names == sorted(names, key=lambda n: tuple(int(x) for x in n.split("-")[0].split(".")))
    assert {"corpus", "countries", "years", "limit", "tables_dir", "out_dir"} <= \
        report.declared_parameters(report.NOTEBOOK_DIR / "1.0-corpus-overview.ipynb")


def test_save_table_writes_csv_and_parquet(tmp_path):
    paths = report.save_table(pd.DataFrame({"a": [1, 2]}), "2.3-x", tmp_path)
    assert [p.name for p in paths] == ["2.3-x.csv", "2.3-x.parquet"]
    assert pd.read_parquet(paths[1])["a"].tolist() == [1, 2]


def _failing_notebook(folder):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 5.0 broken"),
                nbformat.v4.new_code_cell('corpus = "x"\nout_dir = "."\nfig_dir = "."', metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell(
                    "import matplotlib.pyplot as plt\nfrom toolkit import figures\nfigures.set_theme()\n"
                    "import os; os.makedirs('elsewhere', exist_ok=True)\n"
                    "fig, ax = plt.subplots(); ax.plot([1, 2]); fig.savefig('elsewhere/5.1-plain.png')\n"
                    "figures.save(fig, '5.2-with-sidecar', fig_dir)"),
                nbformat.v4.new_code_cell(f"raise RuntimeError({XSS!r})")]
    path = folder / "5.0-broken.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.slow
def test_a_failing_notebook_is_reported_and_fails_the_command(tmp_path, monkeypatch, capsys):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    _failing_notebook(nbdir)
    monkeypatch.setattr(report, "NOTEBOOK_DIR", nbdir)
    docs = tmp_path / "docs.csv"
    pd.DataFrame({"doc_id": ["x1"], "text": ["Ostrava warned Velmora."]}).to_csv(docs, index=False)
    code = cli.main(["report", str(docs), "--out", str(tmp_path / "reports"), "--workers", "1"])
    assert code == 1
    assert "1 step(s) FAILED" in capsys.readouterr().out
    out = tmp_path / "reports"
    run = json.loads((out / "run.json").read_text())
    nb = run["notebooks"][0]
    assert (nb["name"], nb["status"], nb["error_cell"]) == ("5.0-broken", "failed", 4)
    assert nb["error"].startswith("RuntimeError: <script>")
    index = (out / "index.html").read_text()
    assert 'class="failed"' in index and "RuntimeError: &lt;script&gt;window.__pwned" in index
    assert "<script" not in index
    assert (out / "notebooks" / "5.0-broken.html").exists()  # with the traceback, for the reader
    # the report's parameters reached the notebook; its relative writes stayed inside the report
    prov = json.loads((out / "figures" / "5.2-with-sidecar.json").read_text())
    assert prov["command"] == "notebooks/5.0-broken.ipynb" and prov["n_documents"] == 1
    assert (out / "notebooks" / "elsewhere" / "5.1-plain.png").exists()
    assert not (nbdir / "elsewhere").exists()
    assert "notebooks/elsewhere/5.1-plain.png" in index and "no provenance sidecar" in index
    assert nb["figures"] == ["5.2-with-sidecar"]


def test_report_without_notebooks_escapes_everything(tmp_path):
    corpus = _corpus([f"Ostrava warned Velmora. {XSS}"], title=[XSS], doc_id=["<b>x</b>"])
    a = report.build_report(corpus, tmp_path, description=f"test {XSS}", workers=1, notebook_paths=[],
                            progress=False)
    assert a.meta["report"]["failed"] == 0
    index = (tmp_path / "index.html").read_text()
    assert "<script" not in index and "<img src=x" not in index and "<b>x" not in index
    assert "test &lt;script&gt;" in index
    for sub in ("tables/documents.parquet", "tables/documents.csv", "tables/tokens.csv",
                "figures/1.1-corpus-overview.png", "figures/1.1-corpus-overview.json",
                "articles/b_x_b.html", "run.json", "summary.txt"):
        assert (tmp_path / sub).exists(), sub
    article = (tmp_path / "articles" / "b_x_b.html").read_text()
    assert "&lt;script&gt;window.__pwned" in article and "<script" not in article


@pytest.mark.slow
def test_sample_report_index_links_everything():
    out, run = built("sample")
    index = (out / "index.html").read_text()
    assert run["failed"] == 0, run["notebooks"]
    for nb in run["notebooks"]:
        assert f'notebooks/{nb["name"]}.html' in index
    for side in (out / "figures").glob("*.json"):
        for ext in ("png", "svg", "pdf", "json"):
            assert f"figures/{side.stem}.{ext}" in index
    for table in ("documents", "sentences", "tokens", "load_report"):
        assert f"tables/{table}.csv" in index and f"tables/{table}.parquet" in index
    assert "articles/" in index and run["articles"]


@pytest.mark.slow
def test_the_sample_is_analysed_with_its_fictional_states():
    """Notebooks (load_analysis) and the report (build_report) both add the sample's gazetteer."""
    if skip_reason("sample"):
        pytest.skip(skip_reason("sample"))
    fictional = set(pd.read_csv(report.FICTIONAL_GAZETTEER)["actor"].dropna())
    mine = set(report.load_analysis("sample", limit=2)["mentions"]["actor"])
    assert mine & fictional
    out, _ = built("sample")
    assert set(pd.read_parquet(out / "tables" / "mentions.parquet")["actor"]) & fictional


def test_skip_reasons_name_what_is_missing():
    assert skip_reason("sample") is None or "sample" in skip_reason("sample")


def test_load_analysis_ignores_tables_the_notebooks_derived(tmp_path):
    from toolkit import analyze

    analyze(pd.DataFrame({"text": ["Ostrava warned Velmora."]}), annotators=[]).save(tmp_path)
    report.save_table(pd.DataFrame({"doc_id": ["x"], "start": [0], "end": [1]}), "2.4-actor-network", tmp_path)
    a = report.load_analysis("sample", tables_dir=tmp_path, limit=1)
    assert sorted(a.tables) == ["documents", "load_report", "sentences", "tokens"]
    assert a.meta["filters"] == {"limit": 1}


def test_parameters_for_passes_what_the_notebook_declares(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('CORPUS = "sample"\nout_dir: str = "."\nFIG_DIR = "."  # figures\n'
                                          'YEARS = (2014, 2024)',
                                          metadata={"tags": ["parameters"]})]
    path = tmp_path / "4.0-x.ipynb"
    nbformat.write(nb, path)
    got = report.parameters_for(path, {"corpus": "ungdc", "out_dir": "/r", "fig_dir": "/r/figures",
                                       "tables_dir": "/r/tables", "years": [2022]})
    # YEARS is the notebook's own constant (start, end): not overridden by the report's list
    assert got == {"CORPUS": "ungdc", "out_dir": "/r", "FIG_DIR": "/r/figures"}


def test_a_second_run_replaces_the_previous_one(tmp_path):
    corpus = _corpus(["Ostrava warned Velmora."])
    report.build_report(corpus, tmp_path, workers=1, notebook_paths=[], progress=False)
    (tmp_path / "figures" / "0.9-stale.png").write_bytes(b"old")
    (tmp_path / "notes.txt").write_text("mine")
    report.build_report(corpus, tmp_path, workers=1, notebook_paths=[], progress=False)
    assert not (tmp_path / "figures" / "0.9-stale.png").exists()
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_never_clears_a_folder_that_is_not_a_report(tmp_path):
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "keep.png").write_bytes(b"x")
    report._clear_previous_report(tmp_path)
    assert (tmp_path / "figures" / "keep.png").exists()


def test_build_report_accepts_a_dataset_name(tmp_path):
    a = report.build_report("sample", tmp_path, workers=1, notebook_paths=[], progress=False)
    assert a.meta["report"]["corpus"] == "sample" and a.meta["report"]["n_documents"] == len(a.documents)
