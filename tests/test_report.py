"""report: corpus parameters, the report folder, index.html, failures that are reported."""
from __future__ import annotations

import json

import nbformat
import pandas as pd
import pytest
from report_runs import built, skip_reason

from toolkit import cli, report, show
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
                f"articles/{show.file_stem('<b>x</b>')}.html", "run.json", "summary.txt", "manifest.json"):
        assert (tmp_path / sub).exists(), sub
    article = (tmp_path / "articles" / f"{show.file_stem('<b>x</b>')}.html").read_text()
    assert "&lt;script&gt;window.__pwned" in article and "<script" not in article


def test_report_takes_a_users_lexicon(tmp_path):
    """`report --lexicon escalation=my.csv` (build_report(options=...)): the tables the notebooks
    read carry the overlay's cue, and run.json names the overlay's version."""
    cues = tmp_path / "my_cues.csv"
    cues.write_text("entry,category\nissue an ultimatum,threaten\n", encoding="utf-8")
    from toolkit import lexicon

    corpus = _corpus(["Velmora decided to issue an ultimatum to Tarsk on Monday."])
    report.build_report(corpus, tmp_path / "r", workers=1, notebook_paths=[], progress=False,
                        options=lexicon.overlay_options({"escalation": cues}))
    esc = pd.read_parquet(tmp_path / "r" / "tables" / "escalation.parquet")
    assert "issue an ultimatum" in set(esc["cue"])
    run = json.loads((tmp_path / "r" / "run.json").read_text())
    assert "+overlay." in run["lexicons"]["escalation"]


@pytest.mark.parametrize("spec, message", [
    ("escalation=/nope.csv", "error: lexicon overlay /nope.csv not found"),
    ("escalaton=x.csv", "error: `lexicon` value = 'escalaton' is invalid"),
])
def test_report_lexicon_misuse_is_one_line_before_any_work(tmp_path, capsys, spec, message):
    from toolkit.cli import main

    assert main(["report", "sample", "--lexicon", spec, "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / "r").exists()


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
    (tmp_path / "figures" / "0.9-stale.png").write_bytes(b"old")   # as a notebook of that run would
    (tmp_path / "notebooks" / "elsewhere").mkdir()
    (tmp_path / "notebooks" / "elsewhere" / "x.png").write_bytes(b"old")
    report.write_manifest(tmp_path)
    (tmp_path / "notes.txt").write_text("mine")                      # not where the report writes
    report.build_report(corpus, tmp_path, workers=1, notebook_paths=[], progress=False)
    assert not (tmp_path / "figures" / "0.9-stale.png").exists()
    assert not (tmp_path / "notebooks" / "elsewhere").exists()      # a folder it made, once empty
    assert (tmp_path / "notes.txt").read_text() == "mine"
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert "tables/documents.parquet" in manifest["files"] and "notes.txt" not in manifest["files"]


# ----------------------------------------------------------------------------- never destroy a user's file

def _previous_report(out):
    """A folder as a finished report leaves it (tables, a figure, an article, run.json, manifest)."""
    for rel, data in [("tables/documents.csv", "doc_id,text\nx,Hi.\n"), ("figures/1.1-a.png", "png"),
                      ("articles/x-11f6ad8ec5.html", "<p>x</p>"), ("run.json", "{}"), ("index.html", "<p>")]:
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(data)
    report.write_manifest(out)


def _files(out):
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() or p.is_symlink())


def _user_file_in_figures(out, outside):
    (out / "figures").mkdir(exist_ok=True)
    (out / "figures" / "my-chart.png").write_text("mine")


def _legacy_report(out, outside):   # the case: any folder with a run.json was emptied
    (out / "run.json").write_text("{}")
    _user_file_in_figures(out, outside)


def _edited_since(out, outside):
    (out / "tables" / "documents.csv").write_text("doc_id,text\nx,My corrected text.\n")


def _added_next_to_a_report(out, outside):
    (out / "tables" / "my-notes.csv").write_text("mine")


def _link_to_a_user_folder(out, outside):
    (out / "figures" / "data").symlink_to(outside, target_is_directory=True)


def _report_folder_is_a_link(out, outside):
    import shutil

    shutil.rmtree(out / "notebooks", ignore_errors=True)
    (out / "notebooks").symlink_to(outside, target_is_directory=True)


def _user_index(out, outside):
    (out / "index.html").write_text("<p>my home page</p>")


def _manifest_not_ours(out, outside):
    (out / "manifest.json").write_text('{"files": {"figures/1.1-a.png": {}}}')


def _forged_manifest(out, outside):
    m = json.loads((out / "manifest.json").read_text())
    for rel in ["../outside/keep.txt", "/etc/hostname", "tables/../../outside/keep.txt", "figures"]:
        m["files"][rel] = {"size": 4, "mtime_ns": 0, "sha256": ""}
    (out / "manifest.json").write_text(json.dumps(m))
    (out / "figures" / "my-chart.png").write_text("mine")


def _coding_sheets_of_a_coder(out, outside):
    (out / "coding").mkdir()
    (out / "coding" / "coding_sheet_ana.xlsx").write_bytes(b"PK filled by ana")


@pytest.mark.parametrize("make", [_user_file_in_figures, _legacy_report, _edited_since, _added_next_to_a_report,
                                  _link_to_a_user_folder, _report_folder_is_a_link, _user_index,
                                  _manifest_not_ours, _forged_manifest, _coding_sheets_of_a_coder])
def test_refuses_and_changes_nothing_when_a_file_is_not_the_reports(tmp_path, make):
    out, outside = tmp_path / "out", tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine")
    out.mkdir()
    if make not in (_user_file_in_figures, _legacy_report):
        _previous_report(out)
    make(out, outside)
    before = {p: (out / p).read_bytes() if (out / p).is_file() else None for p in _files(out)}
    with pytest.raises(report.ReportFolderError,
                       match=r"^--out .* holds \d+ file\(s\) the report did not write.*nothing was changed"):
        report._clear_previous_report(out)
    assert {p: (out / p).read_bytes() if (out / p).is_file() else None for p in _files(out)} == before
    assert (outside / "keep.txt").read_text() == "mine"


def test_the_project_itself_is_never_a_report_folder():
    with pytest.raises(report.ReportFolderError, match="first: notebooks/"):
        report._clear_previous_report(report.PROJECT_ROOT)


def test_removes_only_the_files_its_manifest_lists_unchanged(tmp_path):
    import shutil

    out = tmp_path / "out"
    out.mkdir()
    _previous_report(out)
    (out / "notes.txt").write_text("mine")
    (out / "figures" / "drafts").mkdir()                             # a user's empty folder: kept
    shutil.copytree(out, tmp_path / "copy")                          # a copy: same content, new times
    for folder in (out, tmp_path / "copy"):
        report._clear_previous_report(folder)
        assert _files(folder) == ["notes.txt"]
        assert (folder / "figures" / "drafts").is_dir() and (folder / "tables").is_dir()


def test_a_forged_manifest_never_reaches_outside_the_report(tmp_path):
    out, outside = tmp_path / "out", tmp_path / "outside"
    out.mkdir()
    outside.mkdir()
    keep = outside / "keep.txt"
    keep.write_text("mine")
    (out / "figures").mkdir()
    (out / "figures" / "inner").symlink_to(outside, target_is_directory=True)
    _previous_report(out)
    m = json.loads((out / "manifest.json").read_text())
    st = keep.stat()
    true = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": report._sha256(keep)}
    for rel in ["../outside/keep.txt", str(keep), "tables/../../outside/keep.txt", "figures/inner/keep.txt"]:
        m["files"][rel] = true                                       # "recorded", and unchanged
    m["dirs"] = ["..", "../outside", "figures/inner"]
    (out / "manifest.json").write_text(json.dumps(m))
    with pytest.raises(report.ReportFolderError, match="first: figures/inner"):   # a link is never the report's
        report._clear_previous_report(out)
    (out / "figures" / "inner").unlink()
    report._clear_previous_report(out)
    assert keep.read_text() == "mine" and _files(out) == []


def test_a_report_that_failed_still_records_what_it_wrote(tmp_path, monkeypatch):
    corpus = _corpus(["Ostrava warned Velmora."])

    def broken(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(report, "write_index", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        report.build_report(corpus, tmp_path, workers=1, notebook_paths=[], progress=False)
    recorded = json.loads((tmp_path / "manifest.json").read_text())["files"]
    assert "run.json" in recorded and "tables/documents.parquet" in recorded
    report._clear_previous_report(tmp_path)                          # so the next run may start
    assert _files(tmp_path) == []


@pytest.mark.parametrize("out_is", ["a folder with a user's figure", "a file", "inside a file"])
def test_report_cli_refuses_with_one_line_and_exit_2_before_any_work(tmp_path, capsys, out_is):
    docs = tmp_path / "docs.csv"
    pd.DataFrame({"doc_id": ["x1"], "text": ["Ostrava warned Velmora."]}).to_csv(docs, index=False)
    folder = tmp_path / "reports"
    out = folder
    if out_is == "a folder with a user's figure":
        folder.mkdir()
        _legacy_report(folder, None)
    else:
        folder.write_text("mine")
        out = folder / "sub" if out_is == "inside a file" else folder
    code = cli.main(["report", str(docs), "--out", str(out), "--workers", "1"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("error: --out "), err
    if folder.is_dir():
        assert _files(folder) == ["figures/my-chart.png", "run.json"]   # refused before the analysis
    else:
        assert folder.read_text() == "mine"


def test_article_names_are_unique_and_stay_in_their_folder(tmp_path):
    from toolkit import analyze

    ids = ["../../etc/x", "etc/x", "etc_x", "/abs/etc/x", "..", ".hidden", "CON", "con", "a" * 300, "é" * 200]
    a = analyze(pd.DataFrame({"doc_id": ids, "text": [f"Text {i}." for i in range(len(ids))]}), annotators=[])
    paths = report.write_articles(a, tmp_path / "articles", n=len(ids))
    assert len({p.name.casefold() for p in paths}) == len(ids)
    assert all(p.parent == (tmp_path / "articles").resolve() and not p.name.startswith(".") for p in paths)
    assert all(len(p.name.encode()) < 255 for p in paths)
    assert _files(tmp_path) == sorted(f"articles/{p.name}" for p in paths)
    pages = {p.read_text() for p in paths}
    assert all(any(f"Text {i}." in page for page in pages) for i in range(len(ids)))   # none overwritten


@pytest.mark.parametrize("doc_id", ["../../etc/x", "etc/x", "a/../../b", "\ud800x", "..", "", "x\x00y", "é" * 300,
                                    "C:\\Windows\\x", "~/.ssh/id", ".bashrc"])
def test_file_stem_is_one_safe_name(doc_id):
    stem = show.file_stem(doc_id)
    assert "/" not in stem and "\\" not in stem and "\x00" not in stem and not stem.startswith(".")
    assert len(f"{stem}.html".encode()) < 255 and stem.encode("utf-8")


def test_build_report_accepts_a_dataset_name(tmp_path):
    a = report.build_report("sample", tmp_path, workers=1, notebook_paths=[], progress=False)
    assert a.meta["report"]["corpus"] == "sample" and a.meta["report"]["n_documents"] == len(a.documents)
