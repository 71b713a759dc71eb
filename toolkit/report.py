"""The headless main job: analyse a corpus, run the notebook series on it, write ``reports/``.

``python -m toolkit report [CORPUS] --out DIR`` (and ``make report``) does, in order:

1. load and analyse the corpus once (the default corpus unless one is given) and write every
   table to ``DIR/tables/`` as Parquet and CSV (+ ``analysis.json``, the run's metadata);
2. execute each notebook of ``notebooks/`` with papermill, passing the analysis as a
   parameter (``tables_dir``), so notebooks read the tables instead of re-analysing; figures
   land in ``DIR/figures/`` with their provenance sidecars, derived tables in ``DIR/tables/``;
3. convert each executed notebook to HTML (nbconvert) in ``DIR/notebooks/``, render a few
   articles with every annotation layer highlighted in ``DIR/articles/``;
4. write ``DIR/index.html``, which summarises the run and links everything, and ``run.json``.

A notebook that fails is not skipped silently: its error is shown in ``index.html`` and
the command exits non-zero. Nothing needs a network.

Notebook parameters (the ``parameters`` cell of every notebook in the series)::

    corpus = "sample"   # a dataset name (sample, seed, ungdc, presidential, nltk) or a path
    countries = None    # filters: ["RUS", "USA"] (corpora with a country column)
    years = None        # [2014, 2022] or "2014-2022"
    limit = None        # at most this many documents
    tables_dir = None   # an analysis folder (``analyze --out`` / report tables/) to reuse
    out_dir = "output"  # figures go to out_dir/figures, tables to out_dir/tables (beside the
                        # notebook; the report passes its own folder)

Notes:
    Parameterised notebooks follow papermill's convention (a cell tagged ``parameters``);
    notebooks are numbered ``<step>.<sub>-<slug>.ipynb`` as in cookiecutter-data-science.
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import json
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__, figures, show
from .cells import safe_frame
from .config import FICTIONAL_GAZETTEER, PROJECT_ROOT  # noqa: F401 (FICTIONAL_GAZETTEER: re-exported)
from .corpus import Corpus, load_corpus
from .pipeline import Analysis, analyze, shutdown_workers

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOK_NAME = re.compile(r"^(\d+)\.(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.ipynb$")
DATASETS = ("sample", "seed", "ungdc", "presidential", "nltk")
KERNEL_NAME = "discourse-toolkit"
DERIVED_TABLE = re.compile(r"^\d+\.\d+-")


# ----------------------------------------------------------------------------- corpus + params

def _years(years) -> list[int] | None:
    from .datasets import parse_years

    return parse_years(years)


def _countries(countries) -> list[str] | None:
    from .datasets import parse_countries

    return parse_countries(countries)


def filters_of(*, countries=None, years=None, limit=None) -> dict:
    """The normalised filter dict (``None`` values dropped) that provenance records.

    Example:
        >>> filters_of(countries="rus,usa", years="2021-2022")
        {'countries': ['RUS', 'USA'], 'years': [2021, 2022]}
    """
    out = {"countries": _countries(countries), "years": _years(years),
           "limit": int(limit) if limit not in (None, "") else None}
    return {k: v for k, v in out.items() if v is not None}


def open_corpus(corpus: str | Path | Corpus = "sample", *, countries=None, years=None,
                limit: int | None = None) -> tuple[Corpus, str]:
    """Load a corpus by dataset name or path and apply the notebook filters.

    Args:
        corpus: ``sample``, ``seed``, ``ungdc``, ``presidential``, ``nltk``, a path/glob that
            :func:`toolkit.load_corpus` reads, or a loaded :class:`Corpus`.
        countries: keep documents whose ``country`` is one of these (ISO3).
        years: keep documents of these years (``year`` column, else the date's year).
        limit: keep the first ``limit`` documents (after the other filters).

    Returns:
        ``(corpus, description)``, the description naming the corpus and its filters.

    Raises:
        ValueError: a filter names a column the corpus does not have, a country it does not
            have, or leaves no document (see :func:`toolkit.datasets.subset`).

    Example:
        >>> c, what = open_corpus("sample", limit=1)  # doctest: +SKIP
        >>> len(c.documents), what  # doctest: +SKIP
        (1, 'sample (limit=1)')
    """
    from . import datasets

    filt = filters_of(countries=countries, years=years, limit=limit)
    if isinstance(corpus, Corpus):
        c, name = corpus, "corpus"
    elif str(corpus) in DATASETS and not Path(str(corpus)).exists():
        name = str(corpus)
        if name == "ungdc":
            c = datasets.ungdc(countries=filt.get("countries"), years=filt.get("years"))
        else:
            c = {"sample": datasets.sample, "seed": datasets.seed, "presidential": datasets.presidential,
                 "nltk": datasets.nltk_speeches}[name]()
    else:
        name = str(corpus)
        c = load_corpus(corpus)
        c.options = datasets.declared_options(corpus)
    c = datasets.subset(c, **filt, name=name)
    return c, describe(name, filt)


def describe(name: str, filters: Mapping) -> str:
    """``"ungdc (countries=RUS,USA; years=2022)"``.

    Example:
        >>> describe("ungdc", {"countries": ["RUS"], "years": [2020, 2021, 2022]})
        'ungdc (countries=RUS; years=2020-2022)'
    """
    parts = []
    for k, v in filters.items():
        if k == "years" and len(v) > 2 and list(v) == list(range(v[0], v[-1] + 1)):
            parts.append(f"years={v[0]}-{v[-1]}")
        elif isinstance(v, (list, tuple)):
            parts.append(f"{k}={','.join(map(str, v))}")
        else:
            parts.append(f"{k}={v}")
    return name + (f" ({'; '.join(parts)})" if parts else "")


def analysis_options(corpus) -> dict:
    """The ``analyze(options=...)`` a corpus declares (see
    :func:`toolkit.datasets.analysis_options`): the bundled sample's fictional states
    (``data/actors_fictional.csv``) join the actor gazetteer, other corpora use the defaults.

    Example:
        >>> list(analysis_options("sample"))
        ['actors']
        >>> analysis_options("ungdc")
        {}
    """
    from .datasets import analysis_options as declared

    return declared(corpus)


def load_analysis(corpus: str | Path = "sample", *, countries=None, years=None, limit=None,
                  tables_dir: str | Path | None = None, workers: int | None = 1) -> Analysis:
    """The analysis a notebook works on: read from ``tables_dir``, or made now.

    This is the first call of every notebook in the series: the headless report passes
    ``tables_dir`` (the analysis it already made), a user in JupyterLab usually does not.
    ``analysis.meta`` gets ``corpus`` and ``filters`` for the figures' provenance.

    Example:
        >>> a = load_analysis("sample", limit=1)  # doctest: +SKIP
        >>> a.meta["corpus"]  # doctest: +SKIP
        'sample (limit=1)'
    """
    if tables_dir:
        analysis = Analysis.load(tables_dir)
        # Tables the notebooks derived (named after their step, "2.3-...") sit beside the
        # analysis tables in the report's tables/; they are results, not analysis input.
        analysis.tables = {k: v for k, v in analysis.tables.items() if not DERIVED_TABLE.match(k)}
        analysis.meta.setdefault("corpus", str(corpus))
        analysis.meta.setdefault("filters", filters_of(countries=countries, years=years, limit=limit))
        return analysis
    c, what = open_corpus(corpus, countries=countries, years=years, limit=limit)
    analysis = analyze(c, workers=workers, options=analysis_options(c))
    analysis.meta["corpus"] = what
    analysis.meta["filters"] = filters_of(countries=countries, years=years, limit=limit)
    return analysis


def save_table(df: pd.DataFrame, name: str, out_dir: str | Path = "reports/tables") -> list[Path]:
    """Write a derived table as ``out_dir/name.csv`` and ``name.parquet``; return the paths.

    Example:
        >>> import tempfile
        >>> [p.suffix for p in save_table(pd.DataFrame({"a": [1]}), "2.1-demo", tempfile.mkdtemp())]
        ['.csv', '.parquet']
    """
    if not re.fullmatch(r"[\w.\-]+", name):
        raise ValueError(f"`name` value = {name!r} is invalid; use letters, digits, '.', '-' and '_'")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    csv, pq = out / f"{name}.csv", out / f"{name}.parquet"
    safe_frame(df).to_csv(csv, index=False)   # text never becomes a spreadsheet formula
    df.to_parquet(pq, index=False)
    return [csv, pq]


def notebooks(folder: str | Path | None = None) -> list[Path]:
    """The notebook series in run order (``0.0-...`` first; numbers compared as numbers).

    Args:
        folder: default ``notebooks/`` of the project (``NOTEBOOK_DIR``).

    Example:
        >>> all(NOTEBOOK_NAME.match(p.name) for p in notebooks())
        True
    """
    folder = NOTEBOOK_DIR if folder is None else folder
    paths = [p for p in Path(folder).glob("*.ipynb") if NOTEBOOK_NAME.match(p.name)]
    return sorted(paths, key=lambda p: tuple(int(x) for x in NOTEBOOK_NAME.match(p.name).groups()[:2]))


# ----------------------------------------------------------------------------- execution

@dataclass
class NotebookRun:
    """What happened to one notebook of the series."""

    name: str
    status: str  # "ok" | "failed"
    seconds: float
    html: str | None = None
    ipynb: str | None = None
    error: str = ""
    error_cell: int | None = None
    figures: list[str] = field(default_factory=list)


@contextmanager
def kernel_of_this_python(name: str = KERNEL_NAME):
    """A temporary Jupyter kernel spec that runs this interpreter with this toolkit importable.

    Notebooks then run in the same environment as the command, whatever kernels the user has
    installed elsewhere (a user-level ``python3`` spec may point to another Python).

    Example:
        >>> with kernel_of_this_python() as k:
        ...     k
        'discourse-toolkit'
    """
    with tempfile.TemporaryDirectory(prefix="toolkit-kernel-") as tmp:
        spec_dir = Path(tmp) / "kernels" / name
        spec_dir.mkdir(parents=True)
        pythonpath = os.pathsep.join([str(PROJECT_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
        # log_level=ERROR: ipykernel's start-up notices would read as errors in the report log.
        spec = {"argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                         "--IPKernelApp.log_level=ERROR"],
                "display_name": f"discourse-toolkit ({Path(sys.executable).name})",
                "language": "python", "env": {"PYTHONPATH": pythonpath}}
        (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = os.pathsep.join([tmp, *filter(None, [old])])
        try:
            yield name
        finally:
            if old is None:
                os.environ.pop("JUPYTER_PATH", None)
            else:
                os.environ["JUPYTER_PATH"] = old


_ADDED_TAGS = {"injected-parameters", "papermill-error-cell-tag"}


def _error_of(nb) -> tuple[str, int | None]:
    """The first error of an executed notebook and its cell number (1-based) in the source
    notebook: cells papermill added (injected parameters, error banners) are not counted."""
    number = 0
    for cell in nb.get("cells", []):
        if _ADDED_TAGS & set(cell.get("metadata", {}).get("tags", [])):
            continue
        number += 1
        for out in cell.get("outputs", []) or []:
            if out.get("output_type") == "error":
                return f"{out.get('ename', 'Error')}: {out.get('evalue', '')}", number
    return "", None


def execute_notebook(path: str | Path, out_dir: str | Path, parameters: Mapping, *,
                     kernel_name: str | None = None, timeout: int = 900,
                     to_html: bool = True, provenance: Mapping | None = None,
                     cwd: str | Path | None = None) -> NotebookRun:
    """Execute one notebook with papermill; write the executed ``.ipynb`` and its ``.html``.

    Never raises for an error inside the notebook: the returned record has ``status="failed"``
    and the error; the executed notebook (with its traceback) is still written.
    ``provenance`` (corpus, filters, n_documents, lexicons, annotators) reaches the kernel as
    ``TOOLKIT_PROVENANCE`` so every figure it saves records it. The kernel runs in ``cwd``
    (default: ``out_dir``), so a relative path a notebook writes to lands in the report's
    folder, never in the project.

    Example:
        >>> run = execute_notebook("notebooks/1.0-corpus-overview.ipynb", "/tmp/r",
        ...                        {"corpus": "sample"})  # doctest: +SKIP
        >>> run.status  # doctest: +SKIP
        'ok'
    """
    import nbformat
    import papermill as pm

    path = Path(path).resolve()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ipynb = out / path.name
    parameters = parameters_for(path, parameters)
    t0 = time.perf_counter()
    status, error, cell = "ok", "", None
    saved_env = {k: os.environ.get(k) for k in ("TOOLKIT_NOTEBOOK", "TOOLKIT_PROVENANCE")}
    os.environ["TOOLKIT_NOTEBOOK"] = f"notebooks/{path.name}"
    os.environ["TOOLKIT_PROVENANCE"] = json.dumps(dict(provenance or {}), default=str)
    try:
        with _kernel(kernel_name) as kname:
            pm.execute_notebook(str(path), str(ipynb), parameters=dict(parameters), kernel_name=kname,
                                language="python", cwd=str(cwd or out), progress_bar=False, log_output=False,
                                execution_timeout=timeout, start_timeout=120)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded and reported, never hidden
        status = "failed"
        if ipynb.exists():
            error, cell = _error_of(nbformat.read(ipynb, as_version=4))
        if not error:
            error = f"{type(exc).__name__}: {exc}".strip()
            error = error.splitlines()[0] if error else type(exc).__name__
    finally:
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    html_path = None
    if to_html and ipynb.exists():
        try:
            html_path = notebook_html(ipynb)
        except Exception as exc:  # noqa: BLE001
            if status == "ok":
                status, error = "failed", f"HTML conversion failed: {type(exc).__name__}: {exc}"
    return NotebookRun(name=path.stem, status=status, seconds=round(time.perf_counter() - t0, 2),
                       html=str(html_path) if html_path else None,
                       ipynb=str(ipynb) if ipynb.exists() else None, error=error, error_cell=cell)


def parameters_for(path: str | Path, parameters: Mapping) -> dict:
    """The subset of ``parameters`` the notebook's parameters cell declares, by its spelling.

    Papermill warns about (and injects) names a notebook never uses; passing only declared
    names lets notebooks of the series take a subset of the common parameters. A notebook
    that spells ``corpus`` or its figure folder in capitals (``CORPUS``, ``FIG_DIR``) gets
    them so; its other capitalised names are its own constants (their meaning may differ,
    e.g. ``YEARS = (start, end)``) and keep their defaults.

    Example:
        >>> parameters_for("notebooks/0.0-quickstart.ipynb", {"corpus": "seed", "nope": 1})  # doctest: +SKIP
        {'corpus': 'seed'}
    """
    declared = declared_parameters(path)
    out = {}
    for k, v in parameters.items():
        if k in declared:
            out[k] = v
        elif k in _CAPITALISED_OK and k.upper() in declared:
            out[k.upper()] = v
    return out


_CAPITALISED_OK = ("corpus", "fig_dir", "figures_dir")
_ASSIGN = re.compile(r"^([A-Za-z_]\w*)\s*(?::[^=]+)?=", re.MULTILINE)


def declared_parameters(path: str | Path) -> set[str]:
    """The names assigned in the notebook's ``parameters``-tagged cell (empty if none).

    Example:
        >>> sorted(declared_parameters("notebooks/1.0-corpus-overview.ipynb"))[:2]  # doctest: +SKIP
        ['corpus', 'countries']
    """
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return set(_ASSIGN.findall(cell.source))
    return set()


@contextmanager
def _kernel(kernel_name: str | None):
    if kernel_name:
        yield kernel_name
    else:
        with kernel_of_this_python() as name:
            yield name


def notebook_html(ipynb: str | Path) -> Path:
    """Convert an executed notebook to ``.html`` beside it (nbconvert, images embedded).

    Example:
        >>> notebook_html("reports/notebooks/1.0-corpus-overview.ipynb")  # doctest: +SKIP
        PosixPath('reports/notebooks/1.0-corpus-overview.html')
    """
    import nbformat
    from nbconvert import HTMLExporter

    ipynb = Path(ipynb)
    nb = nbformat.read(ipynb, as_version=4)
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": ipynb.stem}})
    out = ipynb.with_suffix(".html")
    out.write_text(body, encoding="utf-8")
    return out


def run_series(paths: Sequence[str | Path], out_dir: str | Path, parameters: Mapping, *,
               kernel_name: str | None = None, timeout: int = 900, progress: bool = True,
               provenance: Mapping | None = None,
               on_done: Callable[[NotebookRun], None] | None = None) -> list[NotebookRun]:
    """Execute notebooks in order into ``out_dir/notebooks``; one :class:`NotebookRun` each.

    Each run records the figures (sidecars) that appeared in ``out_dir/figures`` while it ran;
    ``on_done(run)`` is called after each notebook (the report updates its manifest there).

    Example:
        >>> runs = run_series(notebooks()[:1], "reports", {"corpus": "sample"})  # doctest: +SKIP
    """
    say = print if progress else (lambda *a, **k: None)
    out = Path(out_dir)
    (out / "figures").mkdir(parents=True, exist_ok=True)
    runs = []
    for i, nb in enumerate(paths, 1):
        say(f"[report] notebook {i}/{len(paths)}: {Path(nb).name} ...", end=" ", flush=True)
        before = {p: p.stat().st_mtime_ns for p in _sidecars(out)}
        run = execute_notebook(nb, out / "notebooks", parameters, kernel_name=kernel_name,
                               timeout=timeout, provenance=provenance)
        after = {p: p.stat().st_mtime_ns for p in _sidecars(out)}
        run.figures = sorted(p.stem for p, t in after.items() if before.get(p) != t)
        runs.append(run)
        if on_done is not None:
            on_done(run)
        say(f"{run.status} ({run.seconds:.1f} s, {len(run.figures)} figures)"
            + (f"\n[report]   error: {run.error}" if run.error else ""), flush=True)
    return runs


def _sidecars(out_dir: str | Path) -> list[Path]:
    """Provenance sidecars anywhere under ``out_dir`` (``figures/`` first), so figures a
    notebook saved to another folder of the report are still found and linked."""
    out = Path(out_dir)
    found = []
    for side in sorted(out.rglob("*.json")):
        if side.parent.name in ("tables",) or side.name in ("run.json", "analysis.json"):
            continue
        if any(side.with_suffix(f".{ext}").exists() for ext in figures.FORMATS):
            found.append(side)
    return sorted(found, key=lambda p: (p.parent != out / "figures", p.name))


def _figure_stems(out_dir: str | Path) -> list[Path]:
    """Every figure under ``out_dir`` (PNG/SVG/PDF, with or without a sidecar) as a path
    without suffix; ``figures/`` first. Rendered articles and notebooks are not figures."""
    out = Path(out_dir)
    stems = set()
    for ext in figures.FORMATS:
        for f in out.rglob(f"*.{ext}"):
            if f.parent.name not in ("articles",):
                stems.add(f.with_suffix(""))
    return sorted(stems, key=lambda p: (p.parent != out / "figures", p.parent.as_posix(), p.name))


def _sibling(stem_path: Path, ext: str) -> Path:
    # not with_suffix(): "4.1-escalation" would lose its ".1-escalation"
    return stem_path.parent / f"{stem_path.name}.{ext}"


def figure_catalogue(figures_dir: str | Path) -> pd.DataFrame:
    """One row per saved figure, from its provenance sidecar.

    Example:
        >>> figure_catalogue("reports/figures").columns[:3].tolist()  # doctest: +SKIP
        ['figure', 'corpus', 'n_documents']
    """
    rows = []
    for side in sorted(Path(figures_dir).glob("*.json")):
        try:
            p = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        rows.append({"figure": p.get("figure", side.stem), "corpus": p.get("corpus"),
                     "n_documents": p.get("n_documents"), "filters": json.dumps(p.get("filters") or {}),
                     "lexicons": ", ".join(f"{k}@{v}" for k, v in sorted((p.get("lexicons") or {}).items())),
                     "command": p.get("command"), "date": p.get("date"),
                     "files": ", ".join(p.get("files", []))})
    return pd.DataFrame(rows, columns=["figure", "corpus", "n_documents", "filters", "lexicons",
                                       "command", "date", "files"])


# ----------------------------------------------------------------------------- the report

def _slug(doc_id: str) -> str:
    return show.file_stem(doc_id)


def write_articles(analysis: Analysis, out_dir: str | Path, *, n: int = 5) -> list[Path]:
    """Render the ``n`` documents with most annotations, every layer highlighted.

    Each page is named :func:`toolkit.show.file_stem` of its ``doc_id`` (readable part + a
    hash of the whole id), so ids like ``etc/x``, ``etc_x`` and ``../../etc/x`` get pages of
    their own, all inside ``out_dir``.

    Example:
        >>> from toolkit import analyze
        >>> import tempfile
        >>> a = analyze(pd.DataFrame({"doc_id": ["x"], "text": ["Hi."]}), annotators=[])
        >>> [p.name for p in write_articles(a, tempfile.mkdtemp())]
        ['x-11f6ad8ec5.html']
    """
    layers = show.default_layers(analysis)
    counts = pd.Series(0, index=analysis.documents["doc_id"].astype(str))
    for name in layers:
        counts = counts.add(analysis.tables[name]["doc_id"].astype(str).value_counts(), fill_value=0)
    chosen = counts.sort_values(ascending=False, kind="stable").index[:n]
    folder = Path(out_dir).resolve()
    paths, taken = [], set()
    for doc_id in chosen:
        stem = _slug(doc_id)
        while stem.casefold() in taken:   # ten hex digits alike: keep both, never overwrite
            stem += "_"
        taken.add(stem.casefold())
        path = folder / f"{stem}.html"
        if path.parent != folder:
            raise ValueError(f"article name {path.name!r} of doc_id {doc_id!r} leaves {folder}")
        art = show.article(analysis, doc_id, layers=layers)
        paths.append(art.save(path))
    return paths


def build_report(corpus, out_dir: str | Path = "reports", *, description: str = "",
                 workers: int | None = None, notebook_paths: Sequence[str | Path] | None = None,
                 filters: Mapping | None = None, corpus_name: str | None = None,
                 kernel_name: str | None = None, timeout: int = 900,
                 progress: bool = True, options: Mapping | None = None) -> Analysis:
    """Analyse ``corpus``, execute the notebook series on it, and write the report folder.

    Args:
        corpus: a :class:`Corpus`, a dataset name or anything :func:`toolkit.load_corpus` reads.
        out_dir: the report folder (``reports``).
        description: what the corpus is, for the index page and the provenance sidecars.
        workers: worker processes for the analysis.
        notebook_paths: the notebooks to execute (default: the series in ``notebooks/``;
            ``[]`` for none).
        filters: the filters already applied to ``corpus`` (recorded, not re-applied).
        corpus_name: the dataset name or path passed to the notebooks as ``corpus`` (with the
            filters), for notebooks that load the corpus themselves (default: ``corpus`` when
            it is a name or path, else ``description``).
        kernel_name: a Jupyter kernel to use (default: a temporary spec for this Python).
        timeout: seconds allowed per notebook cell.
        progress: print one line per step.
        options: ``analyze(options=...)`` on top of what the corpus declares, e.g. a user's
            lexicons: ``{"escalation": {"lexicons": ["my_escalation.csv"]}}``.

    Returns:
        The :class:`Analysis`; ``analysis.meta["report"]`` holds each notebook's status and
        ``analysis.meta["report"]["failed"]`` the number that failed.

    Example:
        >>> import tempfile, toolkit.datasets as ds
        >>> a = build_report(ds.sample(), tempfile.mkdtemp(), workers=1)  # doctest: +SKIP
        >>> a.meta["report"]["failed"]  # doctest: +SKIP
        0
    """
    out = Path(out_dir).resolve()
    dirs_before = _clear_previous_report(out)   # refuses before any work if a file is not ours
    try:
        for sub in REPORT_SUBDIRS:
            (out / sub).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportFolderError(f"--out {out}: cannot make the report's folders there "
                                f"({exc.strerror or exc})") from None
    record = functools.partial(write_manifest, out, dirs_before=dirs_before)
    try:
        return _build_into(out, corpus, description=description, workers=workers,
                           notebook_paths=notebook_paths, filters=filters, corpus_name=corpus_name,
                           kernel_name=kernel_name, timeout=timeout, progress=progress, record=record,
                           options=options)
    finally:
        record()   # even after an error: the next run may then remove what this one wrote


def _build_into(out: Path, corpus, *, description, workers, notebook_paths, filters, corpus_name,
                kernel_name, timeout, progress, record, options=None) -> Analysis:
    """:func:`build_report`'s work, in a folder already claimed; ``record()`` updates the manifest."""
    say = print if progress else (lambda *a, **k: None)
    t_start = time.perf_counter()
    started = _dt.datetime.now(_dt.UTC)
    if not isinstance(corpus, Corpus):
        if corpus_name is None:
            corpus_name = str(corpus)
        corpus, what = open_corpus(corpus)
        description = description or what
    description = description or "corpus"
    filters = dict(filters or {})

    say(f"[report] analysing {description} ...", flush=True)
    from .datasets import analysis_options as with_declared

    analysis = analyze(corpus, workers=workers, progress=progress or None,
                       options=with_declared(corpus, dict(options or {})))
    shutdown_workers()   # the notebooks run in kernels of their own: free the workers' memory
    analysis.meta.update({"corpus": description, "filters": filters})
    say(f"[report] {analysis.meta.get('load_summary', '')}", flush=True)
    tables_dir = out / "tables"
    analysis.save(tables_dir, format="parquet")
    analysis.save(tables_dir, format="csv")
    record()
    say(f"[report] wrote {len(analysis.tables)} tables to {tables_dir}", flush=True)

    paths = notebooks() if notebook_paths is None else [Path(p) for p in notebook_paths]
    runs: list[NotebookRun] = []
    if not paths:
        figures.set_theme()
        figures.provenance_context(analysis, corpus=description, filters=filters, command=_command())
        import matplotlib.pyplot as plt

        fig = figures.corpus_overview(analysis.documents, analysis.tokens)
        figures.save(fig, "1.1-corpus-overview", out / "figures")
        plt.close(fig)
    if corpus_name is None:
        corpus_name = description
    # Each notebook gets the ones its parameters cell declares (see execute_notebook).
    params = {"corpus": corpus_name, "tables_dir": str(tables_dir), "out_dir": str(out),
              "fig_dir": str(out / "figures"), "figures_dir": str(out / "figures"),
              # only filters that are set: None would override a notebook's own defaults
              **{k: filters[k] for k in ("countries", "years", "limit") if filters.get(k) is not None},
              "regenerate": False}  # 9.0 only collects the figure set this run just made
    prov = {"corpus": description, "filters": filters, "n_documents": len(analysis.documents),
            "lexicons": analysis.meta.get("lexicons", {}), "annotators": analysis.meta.get("annotators", [])}
    runs = run_series(paths, out, params, kernel_name=kernel_name, timeout=timeout, progress=progress,
                      provenance=prov, on_done=lambda run: record())

    try:
        articles = write_articles(analysis, out / "articles")
    except Exception as exc:  # noqa: BLE001 - the report still gets written, with the error
        articles = []
        runs.append(NotebookRun(name="articles", status="failed", seconds=0.0,
                                error=f"{type(exc).__name__}: {exc}"))
        traceback.print_exc()
    failed = sum(r.status != "ok" for r in runs)
    seconds = round(time.perf_counter() - t_start, 1)
    run_meta = {"started": started.isoformat(timespec="seconds"), "seconds": seconds,
                "command": _command(), "corpus": description, "filters": filters,
                "toolkit_version": __version__, "lexicons": analysis.meta.get("lexicons", {}),
                "annotators": analysis.meta.get("annotators", []),
                "n_documents": len(analysis.documents),
                "load_summary": analysis.meta.get("load_summary", ""),
                "notebooks": [asdict(r) for r in runs], "failed": failed,
                "articles": [p.name for p in articles]}
    analysis.meta["report"] = run_meta
    (out / "run.json").write_text(json.dumps(run_meta, indent=2, default=str) + "\n", encoding="utf-8")
    lines = [f"corpus: {description}", analysis.meta.get("load_summary", ""), "", analysis.summary(), "",
             *[f"notebook {r.name}: {r.status}" + (f" - {r.error}" if r.error else "") for r in runs]]
    (out / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_index(out, analysis, run_meta)
    say(f"[report] index: {out / 'index.html'} ({seconds} s; "
        f"{len(runs) - failed} ok, {failed} failed)", flush=True)
    return analysis


REPORT_SUBDIRS = ("tables", "figures", "notebooks", "articles")
# Where a report writes: its sub-folders (notebook 7.0 adds coding/) and its top-level files.
REPORT_FOLDERS = (*REPORT_SUBDIRS, "coding")
REPORT_FILES = ("index.html", "run.json", "summary.txt")
MANIFEST = "manifest.json"
MANIFEST_KIND = "discourse-toolkit report manifest"


class ReportFolderError(ValueError):
    """The report folder holds files the report did not write where it would write; nothing
    was changed. The message names the folder, how many such files and the first of them."""


def _clear_previous_report(out: Path) -> set[str]:
    """Remove the files a previous report in ``out`` recorded in its manifest, and nothing else.

    Refuses (:class:`ReportFolderError`, before anything is removed) when a report folder or
    file of ``out`` holds anything the manifest does not list as the report's own, unchanged:
    a user's file, a file edited since, a link, or files of a report older than manifests.

    Returns:
        The sub-folders (relative, POSIX) left in place, so the new manifest lists only the
        folders the new run makes.

    Example:
        >>> _clear_previous_report(Path(tempfile.mkdtemp()))
        set()
    """
    existing = next(p for p in (out, *out.parents) if os.path.lexists(p))
    if not existing.is_dir():
        raise ReportFolderError(f"--out {out}: {existing} is a file, not a folder; choose a folder for the report")
    previous = _read_manifest(out)
    ours, foreign = _survey(out, previous)
    if foreign:
        hint = (" (a report without manifest.json: made before reports kept one, or killed "
                "before it wrote one)" if not previous and (out / "run.json").exists() else "")
        raise ReportFolderError(
            f"--out {out} holds {len(foreign)} file(s) the report did not write where it writes "
            f"(first: {foreign[0]}){hint}; nothing was changed: move them away or choose another "
            "folder")
    for rel in ours:
        (out / rel).unlink()
    for rel in sorted(previous.get("dirs", []), key=lambda d: -d.count("/")):
        if _safe_rel(rel, dirs=True) and not (out / rel).is_symlink():
            try:
                (out / rel).rmdir()   # only when empty: a file put there since stays, with its folder
            except OSError:
                pass
    (out / MANIFEST).unlink(missing_ok=True)
    return set(_walk(out)[1])


def _survey(out: Path, manifest: Mapping) -> tuple[list[str], list[str]]:
    """``(ours, foreign)``: the files where the report writes, split by the manifest."""
    recorded = manifest.get("files", {})
    files, _, odd = _walk(out)
    files += [name for name in REPORT_FILES if os.path.lexists(out / name)]
    ours, foreign = [], list(odd)
    for rel in sorted(files):
        entry = recorded.get(rel)
        (ours if entry is not None and _unchanged(out / rel, entry) else foreign).append(rel)
    if os.path.lexists(out / MANIFEST) and not manifest:   # a file of that name, not ours
        foreign.append(MANIFEST)
    return ours, foreign


def _walk(out: Path) -> tuple[list[str], list[str], list[str]]:
    """``(files, dirs, odd)`` under the report's folders, relative POSIX paths; ``odd`` holds
    what the report never makes and so never removes: links, folders it cannot read, a report
    folder that is a file. Links are never followed."""
    files: list[str] = []
    dirs: list[str] = []
    odd: list[str] = []
    for name in REPORT_FOLDERS:
        top = out / name
        if not os.path.lexists(top):
            continue
        if top.is_symlink() or not top.is_dir():
            odd.append(name)
            continue
        for root, dnames, fnames in os.walk(top, onerror=lambda e: odd.append(_rel(out, e.filename))):
            for d in list(dnames):
                if os.path.islink(os.path.join(root, d)):
                    odd.append(_rel(out, os.path.join(root, d)))
                    dnames.remove(d)
                else:
                    dirs.append(_rel(out, os.path.join(root, d)))
            for f in fnames:
                path = os.path.join(root, f)
                (odd if os.path.islink(path) or not os.path.isfile(path) else files).append(_rel(out, path))
    return files, dirs, odd


def _rel(out: Path, path) -> str:
    return Path(os.fsdecode(path)).relative_to(out).as_posix()


def _safe_rel(rel: str, *, dirs: bool = False) -> bool:
    """A manifest path that stays inside the report's folders (a forged ``../x`` never does)."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
        return False
    inside = parts[0] in REPORT_FOLDERS and len(parts) > 1
    return inside if dirs else inside or rel in REPORT_FILES


def _unchanged(path: Path, entry: Mapping) -> bool:
    """Whether ``path`` is still the file the manifest recorded (size, then time or content)."""
    try:
        st = path.lstat()
    except OSError:
        return False
    if not path.is_file() or path.is_symlink() or st.st_size != entry.get("size"):
        return False
    return st.st_mtime_ns == entry.get("mtime_ns") or _sha256(path) == entry.get("sha256")


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _read_manifest(out: Path) -> dict:
    """The previous run's manifest; empty when there is none or it is not one (then nothing
    in ``out`` counts as the report's own)."""
    path = out / MANIFEST
    if not path.is_file() or path.is_symlink():
        return {}
    try:
        m = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(m, dict) or m.get("kind") != MANIFEST_KIND or not isinstance(m.get("files"), dict):
        return {}
    files = {k: v for k, v in m["files"].items() if isinstance(v, dict) and _safe_rel(k)}
    dirs = [d for d in m.get("dirs", []) if isinstance(d, str) and _safe_rel(d, dirs=True)]
    return {"files": files, "dirs": dirs}


def write_manifest(out_dir: str | Path, *, dirs_before: Iterable[str] = ()) -> Path:
    """Record every file in the report's folders (and its top-level files) as the report's own.

    The next :func:`build_report` into the same folder removes exactly these files (if they
    are unchanged) and the sub-folders this run made (if empty), and refuses to start while
    anything else sits where it writes. ``dirs_before``: sub-folders that existed before the
    run (never recorded, so never removed).

    Example:
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "run.json").write_text("{}")
        >>> sorted(json.loads(write_manifest(d).read_text())["files"])
        ['run.json']
    """
    out = Path(out_dir)
    files, dirs, _ = _walk(out)
    files += [name for name in REPORT_FILES if (out / name).is_file() and not (out / name).is_symlink()]
    known = _read_manifest(out).get("files", {})   # this run's last checkpoint: hash only what changed
    entries = {}
    for rel in sorted(files):
        st = (out / rel).stat()
        old = known.get(rel, {})
        same = (old.get("size"), old.get("mtime_ns")) == (st.st_size, st.st_mtime_ns) and old.get("sha256")
        entries[rel] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns,
                        "sha256": old["sha256"] if same else _sha256(out / rel)}
    before = set(dirs_before)
    manifest = {"kind": MANIFEST_KIND, "version": 1, "toolkit_version": __version__,
                "written": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
                "files": entries, "dirs": sorted(d for d in dirs if d not in before)}
    tmp = out / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, out / MANIFEST)   # never a half-written manifest
    return out / MANIFEST


def _command() -> str:
    argv = sys.argv
    if argv and argv[0].endswith(("__main__.py", "toolkit")):
        return "python -m toolkit " + " ".join(argv[1:])
    return " ".join([Path(sys.executable).name, *argv]) if argv and argv[0] else "python"


# ----------------------------------------------------------------------------- index.html

def write_index(out_dir: str | Path, analysis: Analysis, run: Mapping) -> Path:
    """Write ``index.html``: the run's summary and links to every table, figure and notebook.

    The page is :func:`toolkit.show.report_index` (the template ``templates/index.html.j2``):
    every value from the corpus or the run is escaped; the page has no script. Figures saved
    as illustrations (``figures.save(..., illustration=...)``) are marked as such.

    Example:
        >>> write_index("reports", analysis, run)  # doctest: +SKIP
    """
    from . import show

    out = Path(out_dir)
    meta_rows = [("corpus", run.get("corpus")),
                 ("filters", json.dumps(run.get("filters") or {}, sort_keys=True)),
                 ("run started (UTC)", run.get("started")), ("duration", f"{run.get('seconds')} s"),
                 ("command", run.get("command")), ("toolkit version", run.get("toolkit_version")),
                 ("annotators", ", ".join(run.get("annotators") or []) or "none installed"),
                 ("lexicons", ", ".join(f"{k}@{v}" for k, v in sorted((run.get("lexicons") or {}).items()))
                  or "none")]
    notebooks = []
    for nb in run.get("notebooks", []):
        where = f"cell {nb['error_cell']}: " if nb.get("error_cell") is not None else ""
        notebooks.append({"name": nb["name"], "status": nb["status"], "seconds": nb["seconds"],
                          "n_figures": len(nb.get("figures", [])),
                          "html": os.path.relpath(nb["html"], out) if nb.get("html") else "",
                          "ipynb": os.path.relpath(nb["ipynb"], out) if nb.get("ipynb") else "",
                          "error": where + nb["error"] if nb.get("error") else ""})
    tdir = out / "tables"
    tables = []
    for name in sorted({p.stem for p in tdir.glob("*.parquet")} | {p.stem for p in tdir.glob("*.csv")}):
        rows = len(analysis.tables[name]) if name in analysis.tables else _rows(tdir / f"{name}.parquet")
        tables.append({"name": name, "rows": rows,
                       "links": [(f"tables/{name}.{ext}", ext) for ext in ("csv", "parquet")
                                 if (tdir / f"{name}.{ext}").exists()]})
    page = show.report_index(
        corpus=str(run.get("corpus", "")), failed=int(run.get("failed", 0)),
        n_documents=str(run.get("n_documents")), load_summary=str(run.get("load_summary", "")),
        meta_rows=[(k, str(v)) for k, v in meta_rows], notebooks=notebooks,
        figures=[_figure_card(out, stem) for stem in _figure_stems(out)],
        articles=[("articles/" + a, a[:-5]) for a in run.get("articles") or []], tables=tables)
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def _figure_card(out: Path, stem_path: Path) -> dict:
    side = _sibling(stem_path, "json")
    try:
        prov = json.loads(side.read_text(encoding="utf-8")) if side.exists() else None
    except (OSError, ValueError):
        prov = None
    rel = stem_path.parent.relative_to(out).as_posix()
    png = _sibling(stem_path, "png")
    return {"stem": stem_path.name, "png": f"{rel}/{png.name}" if png.exists() else "",
            "links": [(f"{rel}/{stem_path.name}.{ext}", ext) for ext in ("png", "svg", "pdf", "json")
                      if _sibling(stem_path, ext).exists()],
            "provenance": prov, "illustration": (prov or {}).get("illustration", ""),
            "where": "" if rel == "figures" else rel}


def _rows(path: Path) -> int | None:
    try:
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # noqa: BLE001 - a count is optional in the index
        return None


def run_notebooks_for(corpus: str, out_dir: str | Path, *, countries=None, years=None, limit=None,
                      workers: int | None = None, notebook_paths: Iterable[str | Path] | None = None,
                      progress: bool = True) -> Analysis:
    """:func:`build_report` for a dataset name/path with notebook filters (the CLI's entry).

    Example:
        >>> a = run_notebooks_for("ungdc", "/tmp/r", countries=["RUS"], years=[2022])  # doctest: +SKIP
    """
    c, what = open_corpus(corpus, countries=countries, years=years, limit=limit)
    return build_report(c, out_dir, description=what, workers=workers, corpus_name=str(corpus),
                        notebook_paths=None if notebook_paths is None else list(notebook_paths),
                        filters=filters_of(countries=countries, years=years, limit=limit),
                        progress=progress)
