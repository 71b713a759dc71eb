"""``analyze()``: load, tokenize once, run every annotator on chunks of documents, cache each step.

Annotators are plain functions registered as :class:`~toolkit.annotator.Annotator` records:
they take the tables of one chunk of documents (``documents``, ``sentences``, ``tokens`` and
the tables of the steps they declare in ``requires``) and return new tables. They never mutate
their input. :func:`analyze` reads as its stages:

1. **check** the options at the door (:func:`toolkit.annotator.check_options`) and the output
   folder, before any work;
2. **load** the corpus (several input files are read a batch at a time when streaming);
3. **plan** each batch into chunks of whole documents (:mod:`toolkit.engine.plan`) and give
   every (chunk, step) its cache key (:mod:`toolkit.engine.keys`);
4. **probe** the cache (:mod:`toolkit.engine.store`): chunks with every step cached are not run;
5. **run** the other chunks (:mod:`toolkit.engine.workers`: this process, a warm local pool of
   worker processes, or Dask), each step of a chunk seeing exactly the tables its key names;
6. **collect** the parts into tables in memory (:mod:`toolkit.engine.collect`), or, with
   ``out=DIR``, stream them into ``DIR/<table>.parquet`` without holding them in memory.

The plan depends only on the corpus, never on the number of workers, so every engine computes
(and caches) the same chunks, and results are identical whatever the engine.
"""
from __future__ import annotations

import functools
import json
import numbers
import shutil
import sys
import time
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from ._workers import default_workers
from ._workers import start_forkserver as _start_forkserver
from .annotator import (ANNOTATOR_MODULES, BASE_TABLES, TOKENIZE, TOKENIZE_OUTPUTS,  # noqa: F401
                        Annotator, OptionError, check_options, registry, select)
from .corpus import Corpus
from .engine.chunk import Task, run_chunk
from .engine.collect import StreamedTable, combine_parts, gather_all, write_combined
from .engine.keys import chunk_digest, digest, file_digest, step_fingerprints, step_keys  # noqa: F401
from .engine.plan import CHUNK_CHARS, dedupe_across, input_batches, plan_chunks  # noqa: F401
from .engine.results import FORMATS, Analysis, ArrowTables, ParquetTables  # noqa: F401
from .engine.store import DamagedPart, Store, clear_cache, default_cache_dir  # noqa: F401
from .engine.transport import nulls_as_none
from .engine.workers import Engine, importable, shutdown_workers
from .lexicon import overlays_in_use, versions_in_use

ENGINES = ("processes", "dask")


@dataclass
class _Run:
    """One call of :func:`analyze`: its checked settings and what the stages found so far."""

    selected: list[Annotator]
    options: dict[str, dict]
    pos: bool
    workers: int
    engine: str
    chunk_size: int
    out_dir: Path | None
    store: Store | None
    scratch: Path | None              # the run's working folder inside out_dir (_scratch_dir)
    worker_store: str | None          # the store path workers use (None: the caller reads it)
    fingerprints: dict[str, str]
    cache: bool | str | Path = True
    progress: bool | None = None
    keys: list[dict[str, str]] = field(default_factory=list)      # per chunk, in corpus order
    results: dict[int, dict] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    ran: dict[str, int] = field(default_factory=dict)
    summaries: list[str] = field(default_factory=list)
    whole: Corpus | None = None
    empty_docs: pd.DataFrame | None = None
    n_docs: int = 0
    n_cached: int = 0
    load_seconds: float = 0.0
    bar: object = None
    seen_ids: dict[str, int] = field(default_factory=dict)
    seen_text: dict[str, str] = field(default_factory=dict)
    done: set[int] = field(default_factory=set)      # chunks whose every step is in the store
    streams: dict[str, StreamedTable] = field(default_factory=dict)   # tables written so far

    @property
    def keep(self) -> bool:
        """Tables are held in memory (no ``out`` folder)."""
        return self.out_dir is None

    @property
    def steps(self) -> list[str]:
        return [TOKENIZE] + [a.name for a in self.selected]

    @functools.cached_property
    def outputs(self) -> dict[str, tuple[str, ...]]:
        return {TOKENIZE: TOKENIZE_OUTPUTS, **{a.name: a.produces for a in self.selected}}

    @property
    def names(self) -> list[str]:
        return [t for s in self.steps for t in self.outputs[s]]


def analyze(source, *, annotators: Sequence[str | Annotator] | None = None, workers: int | None = None,
            chunk_size: int = 256, pos: bool = False, columns: Mapping[str, str] | None = None,
            strict: bool = False, progress: bool | None = None,
            options: Mapping[str, Mapping] | None = None, cache: bool | str | Path = True,
            out: str | Path | None = None, engine: str = "processes",
            lexicons: Mapping[str, object] | None = None) -> Analysis:
    """Load ``source`` and run the whole pipeline: the one call a notebook needs.

    Args:
        source: anything :func:`toolkit.load_corpus` accepts, or a loaded :class:`Corpus`.
        annotators: names of the annotators to run (default: all registered, in order), or
            :class:`Annotator` objects (e.g. :func:`lexicon_annotator`); dependencies are added
            automatically. ``[]`` runs tokenization only.
        workers: worker processes (default: one per CPU, at most 8; 1 runs in this process).
        chunk_size: at most this many documents per chunk of work (and about
            :data:`CHUNK_CHARS` characters).
        pos: add POS tags to the tokens table (slow).
        columns, strict: passed to :func:`toolkit.load_corpus`.
        progress: show a progress bar (default: when there is more than one chunk).
        options: per-annotator keyword options, e.g.
            ``{"actors": {"lexicons": ["data/actors_fictional.csv"]}}``, checked before any
            work: an unknown annotator or option raises :class:`OptionError` naming it. Every
            step names the lexicons it reads with ``lexicons`` (one meaning for all:
            :func:`toolkit.lexicon.choose`). A
            corpus's declared options come first (the bundled sample declares its gazetteer of
            fictional states, :func:`toolkit.datasets.analysis_options`); these override them.
        cache: ``True`` keeps every step's result under :func:`default_cache_dir` and reuses
            it when nothing it depends on changed (which also resumes an interrupted run); a
            folder keeps the cache there; ``False`` computes everything afresh.
        out: stream the results to this folder (``DIR/<table>.parquet`` + ``analysis.json``)
            chunk by chunk without holding the tables in memory (several input files are also
            read a batch at a time); the returned analysis reads its tables from there.
        engine: ``"processes"`` (a local pool) or ``"dask"`` (the current
            ``dask.distributed`` client, else a local cluster of ``workers`` processes).
        lexicons: overlays on bundled lexicons, by lexicon name: a small CSV (or DataFrame)
            of entries that add to, replace or remove bundled ones, e.g.
            ``{"escalation": "my_cues.csv"}`` (:func:`toolkit.lexicon.apply_overlay`); the
            run's metadata records each overlay's content hash.

    Returns:
        An :class:`Analysis` with ``documents``, ``sentences``, ``tokens``, ``load_report`` and one
        table per annotator output. ``meta["run"]`` records the chunks served from the cache and
        the seconds spent per step.

    Raises:
        OptionError: an unknown annotator, engine or option (before any work).

    Example:
        >>> a = analyze(pd.DataFrame({"text": ["The Kremlin warned Washington."]}), annotators=[],
        ...             cache=False)
        >>> len(a["sentences"]), len(a["tokens"])
        (1, 5)
    """
    dropped: set[Path] = set()
    while True:
        run = _check(source, annotators=annotators, workers=workers, chunk_size=chunk_size, pos=pos,
                     options=options, cache=cache, out=out, engine=engine, progress=progress,
                     lexicons=lexicons)
        try:
            return _analyze(run, source, columns=columns, strict=strict)
        except DamagedPart as exc:
            # Each attempt drops the damaged step it met and computes it again; the same part
            # damaged twice means something keeps damaging it, and that is reported.
            if run.store is None or exc.path in dropped:
                raise
            dropped.add(exc.path)
            warnings.warn(f"{exc}; computing that step again", stacklevel=2)
            run.store.drop(exc.path)


def _analyze(run: _Run, source, *, columns, strict) -> Analysis:
    """The stages of one attempt: load, plan, probe, run, collect."""
    t_start = time.perf_counter()
    try:
        with Engine(run.engine, run.workers) as runner:
            for corpus in _load(run, source, columns=columns, strict=strict):
                docs, spans, base = _plan(run, corpus)
                tasks = _probe(run, docs, spans, base)
                if not run.keep:   # before the chunks: the tail of a run is all on one process
                    _spill(run.scratch, len(run.summaries) - 1, docs, corpus.report)
                _run_chunks(run, runner, tasks, spans, base)
            run.workers = runner.workers
    except BaseException:
        for streamed in run.streams.values():   # half-written tables are not left behind
            streamed.abort()
        raise
    finally:
        if run.bar is not None:
            run.bar.close()
    meta = _meta(run, time.perf_counter() - t_start)
    if run.keep:
        return _collect(run, meta)
    shutdown_workers()   # a streamed (large) run gives their memory back before combining
    return _write_out(run, meta)


def _check(source, *, annotators, workers, chunk_size, pos, options, cache, out, engine,
           progress, lexicons=None) -> _Run:
    """Stage 1: every option checked, the steps, the store and the step fingerprints chosen."""
    if engine not in ENGINES:
        raise OptionError(f"`engine` value = {engine!r} is invalid; value must be one of {list(ENGINES)}")
    selected = select(annotators)
    checked = check_options(_all_options(source, options, lexicons, selected), selected)
    for name, value in (("workers", workers), ("chunk_size", chunk_size)):
        if (value is not None or name == "chunk_size") and (
                isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1):
            raise OptionError(f"`{name}` value = {value!r} is invalid; value must be a whole number >= 1"
                              + (" (or None: one per CPU, at most 8)" if name == "workers" else ""))
    workers = default_workers() if workers is None else int(workers)
    local = [a.name for a in selected if not importable(a)]
    if local and workers > 1:
        warnings.warn(f"annotators {local} are defined in __main__ or inside a function, which worker "
                      "processes cannot import; running in this process (workers=1). Define them "
                      "in a module to run in parallel.", stacklevel=3)
        workers = 1
    out_dir = Path(out) if out is not None else None
    scratch = None
    if out_dir is not None:
        _check_out_dir(out_dir)
        scratch = _scratch_dir(out_dir)
    if engine == "processes" and workers > 1 and not isinstance(source, (Corpus, pd.DataFrame)):
        # It loads WordNet and the selected steps' data while this process reads the input.
        registered = {a.name for a in registry()}
        _start_forkserver([a.name for a in selected if a.name in registered], pos=pos)
    if cache is True:
        root: Path | None = default_cache_dir()
    elif cache:
        root = Path(cache)
    else:
        root = scratch / "parts" if scratch is not None else None
    store = Store(root) if root is not None else None
    run = _Run(selected=selected, options=checked, pos=pos, workers=workers, engine=engine,
               chunk_size=int(chunk_size), out_dir=out_dir, store=store, scratch=scratch,
               # Dask workers may not see this machine's disk: there the caller reads the store.
               worker_store=str(store.root) if store is not None and engine == "processes" else None,
               fingerprints=step_fingerprints(selected, pos=pos, options=checked), cache=cache,
               progress=progress)
    run.seconds = dict.fromkeys(run.steps, 0.0)
    run.cpu = dict.fromkeys(run.steps, 0.0)
    run.ran = dict.fromkeys(run.steps, 0)
    return run


def _all_options(source, options, lexicons, selected) -> dict:
    """The corpus's declared options, the user's on top, and the lexicon overlays' on top of
    those (an overlay joins a step's ``lexicons`` rather than replacing them)."""
    from . import datasets
    from .lexicon import combine, overlay_options

    if options is not None and (not isinstance(options, Mapping)
                                or not all(isinstance(v, Mapping) for v in options.values())):
        return options            # check_options names the mistake
    merged = datasets.analysis_options(source, options, steps=[a.name for a in selected])
    for step, opts in overlay_options(lexicons).items():
        mine = merged.setdefault(step, {})
        mine["lexicons"] = combine(mine.get("lexicons"), opts["lexicons"])
    return merged


SCRATCH = ".toolkit-run"          # a streamed run's working folder inside `out`, removed at its end
_SCRATCH_MARK = "written-by-toolkit"


def _scratch_dir(out_dir: Path) -> Path:
    """The run's working folder inside ``out`` (batches, and the parts of ``cache=False``).

    The toolkit deletes only what it wrote: a leftover of an interrupted run carries the mark
    file and is replaced; a folder of that name without the mark is refused, never deleted.

    Example:
        >>> import tempfile
        >>> d = _scratch_dir(Path(tempfile.mkdtemp()))
        >>> d.name, (d / _SCRATCH_MARK).is_file()
        ('.toolkit-run', True)
    """
    d = out_dir / SCRATCH
    if d.exists():
        if not (d / _SCRATCH_MARK).is_file():
            raise OptionError(f"`out` folder {str(out_dir)!r} holds {SCRATCH}, which the toolkit did not "
                              "write; move it away or choose another folder")
        shutil.rmtree(d)
    d.mkdir()
    (d / _SCRATCH_MARK).write_bytes(b"")
    return d


def _check_out_dir(out_dir: Path) -> None:
    """The output folder can be written, checked before any work (not after the analysis)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OptionError(f"`out` value = {str(out_dir)!r} is a file; it must be a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".write-test-{time.time_ns()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OptionError(f"`out` value = {str(out_dir)!r} cannot be written "
                          f"({exc.strerror or exc})") from None


def _load(run: _Run, source, *, columns, strict):
    """Stage 2: the corpus in one piece, or batch by batch when streaming several files."""
    batches = input_batches(source, columns=columns, strict=strict, stream=not run.keep)
    while True:
        t0 = time.perf_counter()
        corpus = next(batches, None)
        run.load_seconds += time.perf_counter() - t0
        if corpus is None:
            return
        if not run.keep:
            corpus = dedupe_across(corpus, run.seen_ids, run.seen_text)
        run.summaries.append(corpus.summary())
        if run.keep:
            run.whole = corpus
        yield corpus


def _plan(run: _Run, corpus: Corpus):
    """Stage 3: chunks of whole documents and the cache key of each (chunk, step)."""
    from tqdm.auto import tqdm

    docs = corpus.documents.reset_index(drop=True)
    run.empty_docs = docs.iloc[0:0]
    spans = plan_chunks(docs, chunk_size=run.chunk_size, workers=run.workers)
    base = len(run.keys)
    run.keys += [step_keys(run.fingerprints, run.selected, chunk_digest(docs.iloc[a:b]))
                 for a, b in spans]
    run.n_docs += len(docs)
    if run.bar is None:
        show = run.progress if run.progress is not None else (len(spans) > 1 or not run.keep)
        run.bar = tqdm(total=len(docs), desc="analysing", unit="doc", disable=not show)
    elif run.bar.total is not None:
        run.bar.total += len(docs)
    return docs, spans, base


def _probe(run: _Run, docs: pd.DataFrame, spans, base: int) -> list[Task]:
    """Stage 4: chunks whose steps are all cached are done; the others become tasks."""
    store, tasks = run.store, []
    for i, (a, b) in enumerate(spans, start=base):
        keys = run.keys[i]
        cached = {s for s in run.steps if store is not None and store.has(s, keys[s])}
        if len(cached) == len(run.steps):
            run.n_cached += 1
            run.done.add(i)
            if run.keep:
                run.results[i] = {t: store.path(s, keys[s], t) for s in run.steps for t in run.outputs[s]}
            run.bar.update(b - a)
            continue
        given = {s: store.read(s, keys[s], run.outputs[s]) for s in cached} \
            if store is not None and run.worker_store is None else {}
        # The codec is read here, not by the workers: their environment is the server's.
        tasks.append(Task(i, docs.iloc[a:b], keys, run.selected, run.pos, run.options,
                          run.worker_store, run.keep or run.worker_store is None, given,
                          compression=store.compression if store is not None else "none"))
    run.bar.set_postfix(cached=run.n_cached, refresh=False)
    return tasks


def _run_chunks(run: _Run, runner: Engine, tasks: list[Task], spans, base: int) -> None:
    """Stage 5: the tasks on the engine; each finished chunk is stored and counted."""
    first = len(run.summaries) == 1
    runner.workers = min(run.workers, max(1, len(spans))) if first and run.keep else run.workers

    def on_done(d) -> None:
        a, b = spans[d.index - base]
        if run.store is not None and run.worker_store is None:
            from .engine.transport import as_frame

            for s in d.ran:
                run.store.write(s, run.keys[d.index][s], {t: as_frame(d.tables[t]) for t in run.outputs[s]})
        if run.keep:
            run.results[d.index] = d.tables
        run.done.add(d.index)
        for s in d.ran:
            run.ran[s] += 1
            run.seconds[s] += d.seconds.get(s, 0.0)
            run.cpu[s] += d.cpu.get(s, 0.0)
        run.bar.update(b - a)

    # A streamed run writes its tables while the last chunks run, on the CPU a finished
    # worker leaves idle, instead of after them (_write_out finishes them).
    runner.run(tasks, on_done, on_idle=None if run.keep else functools.partial(_stream_done, run))


def _stream_done(run: _Run) -> None:
    """Append to each table's file the parts of the chunks done so far, in chunk order."""
    ready = 0
    while ready in run.done:
        ready += 1
    from concurrent.futures import ThreadPoolExecutor

    jobs = []
    for s in run.steps:
        for t in run.outputs[s]:
            if t not in run.streams:
                run.streams[t] = StreamedTable(run.out_dir / f"{t}.parquet", run.scratch)
            out = run.streams[t]
            jobs.append((out, [run.store.path(s, keys[s], t) for keys in run.keys[:ready]]))
    # Side by side, as _write_out does: when the last chunk ends first, both CPUs are free.
    with ThreadPoolExecutor(max_workers=max(1, min(4, run.workers))) as ex:
        list(ex.map(lambda job: job[0].extend(job[1]), jobs))


def _meta(run: _Run, seconds: float) -> dict:
    """What the run did, for ``analysis.json`` and ``Analysis.meta``."""
    load_summary = run.summaries[0] if len(run.summaries) == 1 else \
        f"{run.n_docs} documents loaded in {len(run.summaries)} batches: " + " | ".join(run.summaries)
    return {"toolkit_version": __version__, "annotators": [a.name for a in run.selected],
            "lexicons": versions_in_use(run.selected, run.options),
            "lexicon_overlays": overlays_in_use(run.selected, run.options),
            "n_documents": int(run.n_docs),
            "options": run.options, "load_summary": load_summary,
            "run": {"engine": run.engine, "workers": run.workers, "chunks": len(run.keys),
                    "chunks_from_cache": run.n_cached, "steps_run": run.ran,
                    "step_seconds": {k: round(v, 4) for k, v in run.seconds.items()},
                    "step_cpu_seconds": {k: round(v, 4) for k, v in run.cpu.items()},
                    "load_seconds": round(run.load_seconds, 4),
                    "analysis_seconds": round(seconds - run.load_seconds, 4),
                    "cache": str(run.store.root) if run.cache and run.store is not None else None}}


def _collect(run: _Run, meta: dict) -> Analysis:
    """Stage 6 in memory: the parts of each table, concatenated when first used."""
    # Missing text as None, as the streamed tables read back (engine.results.ParquetTables).
    docs = nulls_as_none(run.whole.documents.reset_index(drop=True).copy())
    tables: dict[str, object] = {"documents": docs}
    if run.results:
        tables.update(gather_all({name: [run.results[i].get(name) for i in sorted(run.results)]
                                  for name in run.names}))
    else:   # no documents: the empty tables, typed as the steps make them
        empty = run_chunk(docs.iloc[0:0], run.selected, pos=run.pos, options=run.options)
        tables.update({name: empty.get(name, pd.DataFrame()) for name in run.names})
    tables["load_report"] = nulls_as_none(run.whole.report.copy())
    return Analysis(tables=ArrowTables(tables), meta=meta)


def _write_out(run: _Run, meta: dict) -> Analysis:
    """Stage 6 streamed: each table's cached parts combined into ``DIR/<table>.parquet``."""
    from concurrent.futures import ThreadPoolExecutor

    t0 = time.perf_counter()
    out_dir, store = run.out_dir, run.store
    empty = run_chunk(run.empty_docs, run.selected, pos=run.pos, options=run.options) \
        if not run.keys else {}
    spill = run.scratch / "batches"
    jobs = []
    for t in ("documents", "load_report"):
        batches = [spill / f"{t}-{i:05d}.parquet" for i in range(len(run.summaries))]
        if len(batches) == 1:   # written as the combined table would be (_spill)
            batches[0].replace(out_dir / f"{t}.parquet")
        else:
            jobs.append((batches, out_dir / f"{t}.parquet", None, None))
    # A table whose parts are those of the previous run into this folder is already there.
    try:
        before = json.loads((out_dir / "analysis.json").read_text())["run"]["table_digests"]
    except (OSError, ValueError, KeyError, TypeError):
        before = {}
    digests = {}
    for s in run.steps:
        for t in run.outputs[s]:
            digests[t] = digest(s, *(keys[s] for keys in run.keys))
            streamed = run.streams.pop(t, None)
            if before.get(t) == digests[t] and (out_dir / f"{t}.parquet").exists():
                if streamed is not None:
                    streamed.abort()
                continue
            jobs.append(([store.path(s, keys[s], t) for keys in run.keys], out_dir / f"{t}.parquet",
                         empty.get(t), streamed))
    # Tables are combined side by side (Arrow releases the GIL); the most left to write first.
    jobs.sort(key=lambda j: -sum(p.stat().st_size for p in _unwritten(j) if p.exists()))
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(4, run.workers))) as ex:
            list(ex.map(_finish_table, jobs))
    except BaseException:
        for *_, streamed in jobs:
            if streamed is not None:
                streamed.abort()
        raise
    meta["run"]["table_digests"] = digests
    shutil.rmtree(run.scratch, ignore_errors=True)   # the batches, and the parts of cache=False
    meta["run"]["write_seconds"] = round(time.perf_counter() - t0, 4)
    (out_dir / "analysis.json").write_text(json.dumps(meta, indent=2, sort_keys=True, default=str) + "\n")
    return Analysis(tables=ParquetTables(out_dir, ["documents", *run.names, "load_report"]), meta=meta)


def _unwritten(job: tuple) -> list[Path]:
    """The parts of a table's job (paths, dest, empty, streamed) not written to its file yet."""
    paths, _, _, streamed = job
    return paths[len(streamed.info):] if streamed is not None else paths


def _finish_table(job: tuple) -> int:
    """One table's file: its streamed file finished, or all its parts combined now."""
    paths, dest, empty, streamed = job
    return streamed.finish(paths, empty) if streamed is not None else combine_parts(paths, dest, empty)


def _spill(scratch: Path, i: int, docs: pd.DataFrame, report: pd.DataFrame) -> None:
    """Write one batch's documents and load report, to be combined at the end (or, for a
    single batch, moved into place: they are written as :func:`combine_parts` writes them)."""
    spill = scratch / "batches"
    spill.mkdir(parents=True, exist_ok=True)
    write_combined("documents", docs, spill / f"documents-{i:05d}.parquet")
    write_combined("load_report", report, spill / f"load_report-{i:05d}.parquet")


# ----------------------------------------------------------------------------- lexicon step

def _lexicon_step(tables: Mapping[str, pd.DataFrame], *, lexicon: str, table: str,
                  overlaps: str = "longest") -> dict[str, pd.DataFrame]:
    from .lexicon import load

    docs = tables["documents"]
    hits = load(lexicon).find(tables["tokens"], dict(zip(docs["doc_id"], docs["text"])), overlaps=overlaps)
    return {table: hits}


def lexicon_annotator(lexicon: str | Path, *, name: str | None = None, table: str | None = None,
                      overlaps: str = "longest") -> Annotator:
    """An annotator that matches one lexicon (bundled name or a user's ``.yaml`` path).

    Its table holds one row per hit (see :meth:`toolkit.lexicon.Lexicon.find`); the lexicon's
    version and content are part of its cache key, so editing the lexicon re-runs only this step.

    Example:
        >>> ann = lexicon_annotator("my_terms.yaml", name="terms")  # doctest: +SKIP
        >>> analyze("data/sample", annotators=[ann])["terms"].head()  # doctest: +SKIP
    """
    stem = Path(str(lexicon)).stem
    name = name or stem
    table = table or name
    func = functools.partial(_lexicon_step, lexicon=str(lexicon), table=table, overlaps=overlaps)
    return Annotator(name=name, produces=(table,), func=func, requires=("tokens",), reads=(),
                     lexicons=(str(lexicon),), description=f"matches of lexicon {stem}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use `python -m toolkit analyze`")
