"""One chunk's steps: tokenize once, then each annotator not cached yet, in this process or in
a worker. A chunk is a run of whole documents, so any within-document resolution (coreference,
speakers) stays inside one chunk.
"""
from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ..annotator import TOKENIZE, TOKENIZE_OUTPUTS, Annotator, Chunk
from ..tokenize import chunk_memo, tokenize_documents
from .store import Store
from .transport import Pending, resolved, to_wire


def run_step(ann: Annotator, chunk: Chunk,
             options: Mapping[str, Mapping] | None) -> dict[str, Pending]:
    """One annotator on one chunk: its tables, converted once to the engine's stored form.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["Hi."]})
        >>> ann = Annotator("n", ("n",), lambda t: {"n": t["documents"][["doc_id"]]}, requires=())
        >>> run_step(ann, Chunk({"documents": docs}), None)["n"].frame()["doc_id"].tolist()
        ['d']
    """
    missing = [r for r in ann.requires if r not in chunk]
    if missing:
        raise RuntimeError(f"annotator {ann.name!r} needs tables {missing}, which no earlier step made")
    visible = None if ann.reads is None else ("documents", *TOKENIZE_OUTPUTS, *ann.requires, *ann.reads)
    produced = ann.func(chunk.view(ann.name, visible), **dict((options or {}).get(ann.name, {})))
    if not isinstance(produced, Mapping):
        raise TypeError(f"annotator {ann.name!r} returned {type(produced).__name__}; expected a dict "
                        f"of tables {list(ann.produces)}")
    out = {}
    for name in ann.produces:
        if name not in produced:
            raise RuntimeError(f"annotator {ann.name!r} did not return its table {name!r}")
        out[name] = Pending(produced[name], ann.name, name)
    return out


def run_chunk(documents: pd.DataFrame, annotators: Sequence[Annotator], *,
              pos: bool = False, options: Mapping[str, Mapping] | None = None) -> dict[str, pd.DataFrame]:
    """Tokenize one chunk of documents and run the annotators on it (no cache, in this process).

    Example:
        >>> t = run_chunk(pd.DataFrame({"doc_id": ["d"], "text": ["Hi there."]}), [])
        >>> sorted(t)
        ['sentences', 'tokens']
    """
    return resolved(run_chunk_stored(documents, annotators, pos=pos, options=options))


def run_chunk_stored(documents: pd.DataFrame, annotators: Sequence[Annotator], *,
                     pos: bool = False, options: Mapping[str, Mapping] | None = None) -> dict[str, object]:
    """:func:`run_chunk`'s tables in the engine's stored form (a step's as :class:`Pending`),
    none converted back to pandas: for a caller that only needs the steps to have run (the
    workers' server warming up) or reads few of the tables.

    Example:
        >>> t = run_chunk_stored(pd.DataFrame({"doc_id": ["d"], "text": ["Hi there."]}), [])
        >>> len(t["tokens"])
        3
    """
    tables: dict[str, object] = {"documents": documents}
    chunk = Chunk(tables)                  # sees every table added to ``tables``
    with chunk_memo(chunk.columns):        # what the steps compute from the columns, shared
        sentences, tokens = tokenize_documents(documents["doc_id"].tolist(), documents["text"].tolist(), pos=pos)
        tables.update(sentences=sentences, tokens=tokens)
        for ann in annotators:
            tables.update(run_step(ann, chunk, options))
    tables.pop("documents")
    return tables
@dataclass
class Task:
    """One chunk of work, sent to a worker (only the rows of its documents travel)."""

    index: int
    documents: pd.DataFrame
    keys: dict[str, str]
    annotators: list[Annotator]
    pos: bool
    options: dict | None
    store: str | None            # where the worker reads cached steps and writes new ones
    keep: bool                   # return the tables (in-memory runs); else only write them
    given: dict = field(default_factory=dict)   # step -> tables read by the caller
    wire: bool = False           # return tables as Arrow IPC bytes (from worker processes)
    compression: str = "none"    # of the parts the worker writes to ``store``


@dataclass
class Done:
    index: int
    tables: dict[str, pd.DataFrame] | None
    ran: list[str]
    seconds: dict[str, float]
    cpu: dict[str, float] = field(default_factory=dict)


@contextlib.contextmanager
def _fewer_collections(gen0: int = 200_000):
    """Run the young-generation garbage collector less often while a chunk is analysed.

    A chunk allocates hundreds of thousands of short-lived lists, dicts and tuples, none of
    them in reference cycles; the default threshold (700) makes the collector walk them
    hundreds of times per chunk. At 200,000 it runs about once in ten chunks. The previous
    thresholds come back afterwards.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], gen0), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def execute(task: Task) -> Done:
    """Run the steps of one chunk that are not cached yet; the worker-side entry point."""
    with _fewer_collections():
        return _execute_steps(task)


def reads_of(ann: Annotator, annotators: Sequence[Annotator]) -> tuple[str, ...]:
    """The tables ``ann`` sees, as its cache key says: ``requires`` + ``reads``, or every
    table made before it when ``reads`` is ``None``. A step run from a partly cached chunk must
    be given all of them, never fewer than its key names.

    Example:
        >>> from toolkit.annotator import registry
        >>> anns = registry()
        >>> reads_of(anns[3], anns)   # escalation reads what it declares
        ('tokens', 'sentences', 'mentions', 'quotes')
        >>> reads_of(anns[5], anns)[-3:]   # rhetoric reads every earlier table
        ('escalation', 'sentence_escalation', 'events')
    """
    if ann.reads is not None:
        return (*ann.requires, *ann.reads)
    earlier = []
    for a in annotators:
        if a.name == ann.name:
            break
        earlier += a.produces
    return tuple(dict.fromkeys((*ann.requires, *earlier)))


def _execute_steps(task: Task) -> Done:
    store = Store(task.store, task.compression) if task.store else None
    steps = [TOKENIZE] + [a.name for a in task.annotators]
    outputs = {TOKENIZE: TOKENIZE_OUTPUTS, **{a.name: a.produces for a in task.annotators}}
    done = {s for s in steps if s in task.given or (store is not None and store.has(s, task.keys[s]))}
    todo = [a for a in task.annotators if a.name not in done]
    if task.keep:
        need = {t for s in steps for t in outputs[s]}
    else:
        need = {t for a in todo for t in (*TOKENIZE_OUTPUTS, *reads_of(a, task.annotators))}
    docs = task.documents.reset_index(drop=True)
    tables: dict[str, pd.DataFrame] = {"documents": docs}
    chunk = Chunk(tables)                  # sees every table added to ``tables``
    ran, seconds, cpu = [], {}, {}
    with chunk_memo(chunk.columns):        # what the steps compute from the columns, shared
        _steps(task, steps, outputs, done, need, tables, chunk, store, (ran, seconds, cpu))
    tables.pop("documents")
    if not task.keep:
        return Done(task.index, None, ran, seconds, cpu)
    if task.wire:
        tables = {name: to_wire(df, name) for name, df in tables.items()}
    return Done(task.index, tables, ran, seconds, cpu)


def _steps(task, steps, outputs, done, need, tables, chunk, store, record) -> None:
    """The chunk's steps in order: a cached one read as far as needed, the others run."""
    ran, seconds, cpu = record
    docs = tables["documents"]
    for step in steps:
        key = task.keys[step]
        if step in done:
            wanted = [t for t in outputs[step] if t in need]
            if step in task.given:
                tables.update({t: task.given[step][t] for t in wanted})
            elif wanted:
                tables.update(store.read(step, key, wanted))
            continue
        t0, c0 = time.perf_counter(), time.process_time()
        if step == TOKENIZE:
            sentences, tokens = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist(), pos=task.pos)
            out = {"sentences": sentences, "tokens": tokens}
        else:
            ann = next(a for a in task.annotators if a.name == step)
            out = run_step(ann, chunk, task.options)
        seconds[step] = time.perf_counter() - t0
        cpu[step] = time.process_time() - c0
        if store is not None:
            store.write(step, key, out)
        tables.update(out)
        ran.append(step)
