"""``analyze()``: load, tokenize once, run every annotator on chunks of documents.

Annotators are plain functions registered as :class:`Annotator` records: they take the tables
of one chunk of documents (``documents``, ``sentences``, ``tokens`` and whatever earlier
annotators produced) and return new tables. They never mutate their input. Chunks are whole
documents, so any within-document resolution (coreference, speakers) stays inside one chunk,
and chunks can run in parallel worker processes with identical results.
"""
from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from .corpus import Corpus, load_corpus
from .tokenize import tokenize_documents

BASE_TABLES = ("documents", "sentences", "tokens", "load_report")
FORMATS = ("parquet", "csv")
# Annotator modules in run order; each exposes ``ANNOTATOR`` (an :class:`Annotator`).
ANNOTATOR_MODULES: tuple[str, ...] = (
    "toolkit.actors",
    "toolkit.framing",
    "toolkit.rhetoric",
)


@dataclass(frozen=True)
class Annotator:
    """One analysis step: ``func(tables, **options) -> {table_name: DataFrame}``.

    ``options`` come from ``analyze(..., options={name: {...}})`` (e.g. a user's gazetteer).
    """

    name: str
    produces: tuple[str, ...]
    func: Callable[[Mapping[str, pd.DataFrame]], dict[str, pd.DataFrame]]
    requires: tuple[str, ...] = ("tokens",)
    lexicons: tuple[str, ...] = ()
    description: str = ""


def registry() -> list[Annotator]:
    """Return the registered annotators in run order.

    Example:
        >>> all(isinstance(a, Annotator) for a in registry())
        True
    """
    return [importlib.import_module(m).ANNOTATOR for m in ANNOTATOR_MODULES]


def _select(names: Sequence[str] | None) -> list[Annotator]:
    allowed = registry()
    if names is None:
        return allowed
    by_name = {a.name: a for a in allowed}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ValueError(f"`annotators` value = {unknown} is invalid; value must be among {list(by_name)}")
    wanted = set(names)
    # Keep run order, and pull in what the wanted ones depend on.
    produced_by = {t: a.name for a in allowed for t in a.produces}
    changed = True
    while changed:
        changed = False
        for a in allowed:
            if a.name in wanted:
                for req in a.requires:
                    dep = produced_by.get(req)
                    if dep and dep not in wanted:
                        wanted.add(dep)
                        changed = True
    return [a for a in allowed if a.name in wanted]


@dataclass
class Analysis:
    """The tables of one analysis, by name, plus metadata about the run.

    Example:
        >>> a = analyze(pd.DataFrame({"text": ["Moscow warned Kyiv."]}), annotators=[])
        >>> a["tokens"]["text"].tolist()
        ['Moscow', 'warned', 'Kyiv', '.']
    """

    tables: dict[str, pd.DataFrame]
    meta: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"no table {name!r}; tables are {list(self.tables)}") from None

    def __contains__(self, name: str) -> bool:
        return name in self.tables

    @property
    def documents(self) -> pd.DataFrame:
        return self.tables["documents"]

    @property
    def sentences(self) -> pd.DataFrame:
        return self.tables["sentences"]

    @property
    def tokens(self) -> pd.DataFrame:
        return self.tables["tokens"]

    @property
    def load_report(self) -> pd.DataFrame:
        return self.tables["load_report"]

    def texts(self) -> dict[str, str]:
        """``doc_id -> text`` for slicing annotation offsets."""
        d = self.documents
        return dict(zip(d["doc_id"], d["text"]))

    def summary(self) -> str:
        """One line per table with its row count."""
        return "\n".join(f"{k:<20} {len(v):>10,} rows" for k, v in self.tables.items())

    def __repr__(self) -> str:
        return f"<Analysis: {', '.join(f'{k}={len(v):,}' for k, v in self.tables.items())}>"

    def save(self, out_dir: str | Path, *, format: str = "parquet") -> list[Path]:
        """Write one file per table, ``DIR/<table>.parquet`` (or ``.csv``), plus ``analysis.json``.

        Example:
            >>> import tempfile
            >>> a = analyze(pd.DataFrame({"text": ["Kyiv replied."]}), annotators=[])
            >>> sorted(p.name for p in a.save(tempfile.mkdtemp()))[:2]
            ['analysis.json', 'documents.parquet']
        """
        if format not in FORMATS:
            raise ValueError(f"`format` value = {format!r} is invalid; value must be one of {list(FORMATS)}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, df in self.tables.items():
            path = out / f"{name}.{format}"
            if format == "parquet":
                df.to_parquet(path, index=False)
            else:
                df.to_csv(path, index=False)
            paths.append(path)
        meta_path = out / "analysis.json"
        meta_path.write_text(json.dumps(self.meta, indent=2, sort_keys=True, default=str) + "\n")
        paths.append(meta_path)
        return paths

    @classmethod
    def load(cls, out_dir: str | Path) -> Analysis:
        """Read the tables written by :meth:`save` (Parquet preferred over CSV).

        Example:
            >>> import tempfile
            >>> d = tempfile.mkdtemp()
            >>> _ = analyze(pd.DataFrame({"text": ["Kyiv replied."]}), annotators=[]).save(d)
            >>> len(Analysis.load(d)["tokens"])
            3
        """
        out = Path(out_dir)
        tables: dict[str, pd.DataFrame] = {}
        for path in sorted(out.glob("*.parquet")):
            tables[path.stem] = pd.read_parquet(path)
        for path in sorted(out.glob("*.csv")):
            if path.stem not in tables:
                tables[path.stem] = pd.read_csv(path, keep_default_na=False, na_values=[""])
        if "documents" not in tables:
            raise FileNotFoundError(f"{out}: no documents.parquet or documents.csv; is this an analysis folder?")
        meta_path = out / "analysis.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        return cls(tables=tables, meta=meta)


def lexicon_versions(annotators: Sequence[Annotator]) -> dict[str, str]:
    """``lexicon name -> version`` for the lexicons the given annotators use."""
    from .lexicon import load

    out = {}
    for a in annotators:
        for name in a.lexicons:
            lex = load(name)
            out[lex.name] = lex.version
    return out


def run_chunk(documents: pd.DataFrame, annotators: Sequence[Annotator], *,
              pos: bool = False, options: Mapping[str, Mapping] | None = None) -> dict[str, pd.DataFrame]:
    """Tokenize one chunk of documents and run the annotators on it.

    Example:
        >>> t = run_chunk(pd.DataFrame({"doc_id": ["d"], "text": ["Hi there."]}), [])
        >>> sorted(t)
        ['sentences', 'tokens']
    """
    sentences, tokens = tokenize_documents(documents["doc_id"].tolist(), documents["text"].tolist(), pos=pos)
    tables: dict[str, pd.DataFrame] = {"documents": documents, "sentences": sentences, "tokens": tokens}
    for ann in annotators:
        missing = [r for r in ann.requires if r not in tables]
        if missing:
            raise RuntimeError(f"annotator {ann.name!r} needs tables {missing}, which no earlier step made")
        produced = ann.func(tables, **dict((options or {}).get(ann.name, {})))
        for name in ann.produces:
            if name not in produced:
                raise RuntimeError(f"annotator {ann.name!r} did not return its table {name!r}")
        tables.update(produced)
    tables.pop("documents")
    return tables


def _chunks(n: int, size: int) -> list[tuple[int, int]]:
    return [(i, min(i + size, n)) for i in range(0, n, size)]


def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if p is not None]
    if not parts:
        return pd.DataFrame()
    non_empty = [p for p in parts if len(p)]
    return pd.concat(non_empty or parts[:1], ignore_index=True)


def default_workers() -> int:
    """Worker processes by default: the CPUs available to this process, at most 8."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:
        n = os.cpu_count() or 1
    return max(1, min(8, n))


def analyze(source, *, annotators: Sequence[str] | None = None, workers: int | None = None,
            chunk_size: int = 64, pos: bool = False, columns: Mapping[str, str] | None = None,
            strict: bool = False, progress: bool | None = None,
            options: Mapping[str, Mapping] | None = None) -> Analysis:
    """Load ``source`` and run the whole pipeline: the one call a notebook needs.

    Args:
        source: anything :func:`toolkit.load_corpus` accepts, or a loaded :class:`Corpus`.
        annotators: names of the annotators to run (default: all registered, in order);
            dependencies are added automatically. ``[]`` runs tokenization only.
        workers: worker processes (default: one per CPU, at most 8; 1 runs in-process).
        chunk_size: documents per chunk of work.
        pos: add POS tags to the tokens table (slow).
        columns, strict: passed to :func:`toolkit.load_corpus`.
        progress: show a progress bar (default: when there is more than one chunk).
        options: per-annotator keyword options, e.g.
            ``{"actors": {"gazetteers": ["data/actors_fictional.csv"]}}``.

    Returns:
        An :class:`Analysis` with ``documents``, ``sentences``, ``tokens``, ``load_report`` and one
        table per annotator output.

    Example:
        >>> a = analyze(pd.DataFrame({"text": ["The Kremlin warned Washington."]}), annotators=[])
        >>> len(a["sentences"]), len(a["tokens"])
        (1, 5)
    """
    from tqdm.auto import tqdm

    corpus = source if isinstance(source, Corpus) else load_corpus(source, columns=columns, strict=strict)
    selected = _select(annotators)
    docs = corpus.documents
    spans = _chunks(len(docs), max(1, chunk_size))
    workers = default_workers() if workers is None else max(1, workers)
    workers = min(workers, max(1, len(spans)))
    if progress is None:
        progress = len(spans) > 1
    results: list[dict[str, pd.DataFrame]] = []
    bar = tqdm(total=len(docs), desc="analysing", unit="doc", disable=not progress)
    if workers == 1:
        for a, b in spans:
            results.append(run_chunk(docs.iloc[a:b], selected, pos=pos, options=options))
            bar.update(b - a)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(run_chunk, docs.iloc[a:b], selected, pos=pos, options=options)
                       for a, b in spans]
            for (a, b), fut in zip(spans, futures):
                results.append(fut.result())
                bar.update(b - a)
    bar.close()
    names = ["sentences", "tokens"] + [t for a in selected for t in a.produces]
    tables = {"documents": docs}
    for name in names:
        tables[name] = _concat([r.get(name) for r in results])
        if tables[name].empty and results == []:
            tables[name] = run_chunk(docs.iloc[0:0], selected).get(name, pd.DataFrame())
    tables["load_report"] = corpus.report
    meta = {"toolkit_version": __version__, "annotators": [a.name for a in selected],
            "lexicons": lexicon_versions(selected), "n_documents": int(len(docs)),
            "options": {k: dict(v) for k, v in (options or {}).items()},
            "load_summary": corpus.summary()}
    return Analysis(tables=tables, meta=meta)
