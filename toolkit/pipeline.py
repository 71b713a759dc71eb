"""``analyze()``: load, tokenize once, run every annotator on chunks of documents, cache each step.

Annotators are plain functions registered as :class:`Annotator` records: they take the tables
of one chunk of documents (``documents``, ``sentences``, ``tokens`` and the tables of the steps
they declare in ``requires``) and return new tables. They never mutate their input. Chunks are
whole documents, so any within-document resolution (coreference, speakers) stays inside one
chunk, and chunks can run in parallel worker processes, or on a Dask cluster, with identical
results.

How the work is organised, and why:

* **One tokenization pass** per chunk, reused by every annotator; lexicons are compiled once
  per process into an Aho-Corasick automaton (:mod:`toolkit.lexicon`).
* **Chunks** are runs of consecutive whole documents, at most ``chunk_size`` documents and about
  :data:`CHUNK_CHARS` characters, so long speeches and short articles give chunks of similar
  cost and two workers stay evenly loaded. The plan depends only on the corpus, never on the
  number of workers, so every engine computes (and caches) the same chunks.
* **Cache**: the result of every (chunk, step) is stored as an Arrow IPC file under
  ``toolkit.config.cache_dir()/pipeline``, named by a key that hashes everything the result
  depends on: the chunk's documents (all columns), the toolkit version, the source code of the
  tokenizer, the lexicon matcher and the annotator's module, NLTK's version and which NLTK data
  is installed, the annotator's name and version, the version *and content* of each of its
  lexicons, its options (files named in options are hashed by content), and the keys of the
  steps it depends on. Changing one lexicon therefore re-runs only the annotators that use it
  (and those that depend on them), and a stale result can never be served. A step's folder is
  written under a temporary name and renamed when complete, so an interrupted run leaves no
  half-written entry; re-running resumes from the last finished chunk.
* **Streaming**: ``analyze(..., out=DIR)`` never holds the corpus's tables in memory: each
  finished chunk is written as Arrow IPC parts and the parts are then combined, one part at a
  time, into ``DIR/<table>.parquet``.
* **Engines**: ``"processes"`` (default) uses a pool of worker processes started from a
  ``forkserver`` that has imported the toolkit and loaded WordNet and Punkt once, so each worker
  starts warm in milliseconds and no thread state is forked; workers receive only the rows of
  their chunk. ``"dask"`` sends the same chunk tasks to a ``dask.distributed`` cluster (the
  current client, or a local cluster with ``workers`` processes).

Notes:
    Content-addressed caching of a dataflow graph follows the build-system idea of Mokhov,
    Mitchell & Peyton Jones (2018), "Build systems à la carte" (verifying traces of hashes).
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import importlib
import inspect
import json
import math
import os
import shutil
import sys
import threading
import time
import uuid
import warnings
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import pandas as pd

from . import __version__
from ._workers import default_workers
from ._workers import mp_context as _mp_context
from ._workers import start_forkserver as _start_forkserver
from .config import cache_compression
from .corpus import Corpus, load_corpus
from .tokenize import tokenize_documents

BASE_TABLES = ("documents", "sentences", "tokens", "load_report")
FORMATS = ("parquet", "csv")
ENGINES = ("processes", "dask")
TOKENIZE = "tokenize"                       # the name of the first step of every chunk
TOKENIZE_OUTPUTS = ("sentences", "tokens")
CHUNK_CHARS = 500_000   # about 80k words: per-chunk costs stay small; 1M words of UN speeches make 12 chunks
CACHE_LAYOUT = 3                            # bump when the on-disk layout of the cache changes
# Cached parts are Arrow IPC files, uncompressed unless TOOLKIT_CACHE_COMPRESSION says lz4 or
# zstd (readers take any of them). LZ4 cost a worker 40 ms per chunk to write (6% of its time)
# and a reader 2x the time, for 2.5x less disk (66 MB against 165 MB per million words); zstd
# halves LZ4's size at the same cost; Parquet reads 4x slower still. The user-facing outputs
# stay Parquet.
PART_SUFFIX = ".arrow"
# Annotator modules in run order; each exposes ``ANNOTATOR`` (an :class:`Annotator`).
ANNOTATOR_MODULES: tuple[str, ...] = (
    "toolkit.actors",
    "toolkit.quotes",
    "toolkit.framing",
    "toolkit.escalation",
    "toolkit.rhetoric",
)


@dataclass(frozen=True)
class Annotator:
    """One analysis step: ``func(tables, **options) -> {table_name: DataFrame}``.

    ``tables`` holds ``documents``, ``sentences``, ``tokens`` and the tables of the earlier steps.
    ``requires`` names the tables the step needs (their producers run first). ``reads`` says
    which other tables it may read when present: ``None`` (the default) means any earlier
    table, so its cache key depends on every earlier step; a tuple (``()`` for none) limits the
    tables it sees to ``requires`` + ``reads`` and its key to their producers, so that editing
    an unrelated lexicon does not re-run it. ``lexicons`` names the
    lexicons (bundled names or paths) the step reads: their versions and contents are part of
    its cache key. ``options`` come from ``analyze(..., options={name: {...}})`` (e.g. a user's
    gazetteer). Bump ``version`` when the step's behaviour changes in a way its source file
    does not show (e.g. a data file it reads).
    """

    name: str
    produces: tuple[str, ...]
    func: Callable[[Mapping[str, pd.DataFrame]], dict[str, pd.DataFrame]]
    requires: tuple[str, ...] = ("tokens",)
    lexicons: tuple[str, ...] = ()
    description: str = ""
    version: str = ""
    reads: tuple[str, ...] | None = None


def registry() -> list[Annotator]:
    """Return the registered annotators in run order.

    Example:
        >>> all(isinstance(a, Annotator) for a in registry())
        True
    """
    return [importlib.import_module(m).ANNOTATOR for m in ANNOTATOR_MODULES]


def _select(names: Sequence[str | Annotator] | None) -> list[Annotator]:
    """The annotators to run, in order, with the steps they depend on added."""
    allowed = registry()
    if names is None:
        return allowed
    extra = [a for a in names if isinstance(a, Annotator)]
    # Annotator objects (e.g. lexicon_annotator(...)) run after the registered ones they need.
    pool = allowed + [a for a in extra if a.name not in {b.name for b in allowed}]
    by_name = {a.name: a for a in pool}
    wanted_names = [a.name if isinstance(a, Annotator) else a for a in names]
    unknown = [n for n in wanted_names if n not in by_name]
    if unknown:
        raise ValueError(f"`annotators` value = {unknown} is invalid; value must be among {list(by_name)}")
    wanted = set(wanted_names)
    produced_by = {t: a.name for a in pool for t in a.produces}
    changed = True
    while changed:
        changed = False
        for a in pool:
            if a.name in wanted:
                for req in a.requires:
                    dep = produced_by.get(req)
                    if dep and dep not in wanted:
                        wanted.add(dep)
                        changed = True
    return [a for a in pool if a.name in wanted]


# ----------------------------------------------------------------------------- results

class _ParquetTables(Mapping):
    """Tables of a streamed analysis: read from ``DIR/<table>.parquet`` when asked for."""

    def __init__(self, folder: Path, names: Sequence[str]):
        self.folder = Path(folder)
        self.names = list(names)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.names:
            raise KeyError(name)
        df = pd.read_parquet(self.folder / f"{name}.parquet")
        return df if name in BASE_TABLES else _nulls_as_none(df)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def n_rows(self, name: str) -> int:
        import pyarrow.parquet as pq

        return pq.ParquetFile(self.folder / f"{name}.parquet").metadata.num_rows


class _ArrowTables(MutableMapping):
    """Tables of an in-memory analysis: each held as Arrow parts until first asked for, then
    converted to pandas once (a cached re-run returns without converting tables it never uses).
    Assigning a DataFrame adds or replaces a table."""

    def __init__(self, tables: Mapping[str, object]):
        self._tables = dict(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        value = self._tables[name]
        if isinstance(value, _ArrowParts):
            value = self._tables[name] = value.frame()
        return value

    def __setitem__(self, name: str, value: pd.DataFrame) -> None:
        self._tables[name] = value

    def __delitem__(self, name: str) -> None:
        del self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def n_rows(self, name: str) -> int:
        value = self._tables[name]
        return value.num_rows if isinstance(value, _ArrowParts) else len(value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._tables)})"


class _ArrowParts:
    """The per-chunk Arrow parts of one table, concatenated and converted when needed."""

    __slots__ = ("parts",)

    def __init__(self, parts: list):
        self.parts = parts

    @property
    def num_rows(self) -> int:
        return sum(t.num_rows for t in self.parts)

    def frame(self) -> pd.DataFrame:
        return _concat(self.parts) if self.parts else pd.DataFrame()


@dataclass
class Analysis:
    """The tables of one analysis, by name, plus metadata about the run.

    After ``analyze(..., out=DIR)`` the tables live in ``DIR`` and are read when accessed.

    Example:
        >>> a = analyze(pd.DataFrame({"text": ["Moscow warned Kyiv."]}), annotators=[], cache=False)
        >>> a["tokens"]["text"].tolist()
        ['Moscow', 'warned', 'Kyiv', '.']
    """

    tables: Mapping[str, pd.DataFrame]
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
        return self["documents"]

    @property
    def sentences(self) -> pd.DataFrame:
        return self["sentences"]

    @property
    def tokens(self) -> pd.DataFrame:
        return self["tokens"]

    @property
    def load_report(self) -> pd.DataFrame:
        return self["load_report"]

    def texts(self) -> dict[str, str]:
        """``doc_id -> text`` for slicing annotation offsets."""
        d = self.documents
        return dict(zip(d["doc_id"], d["text"]))

    def _n_rows(self, name: str) -> int:
        if isinstance(self.tables, (_ParquetTables, _ArrowTables)):
            return self.tables.n_rows(name)
        return len(self.tables[name])

    def summary(self) -> str:
        """One line per table with its row count."""
        return "\n".join(f"{k:<20} {self._n_rows(k):>10,} rows" for k in self.tables)

    def __repr__(self) -> str:
        return f"<Analysis: {', '.join(f'{k}={self._n_rows(k):,}' for k in self.tables)}>"

    def save(self, out_dir: str | Path, *, format: str = "parquet") -> list[Path]:
        """Write one file per table, ``DIR/<table>.parquet`` (or ``.csv``), plus ``analysis.json``.

        Example:
            >>> import tempfile
            >>> a = analyze(pd.DataFrame({"text": ["Kyiv replied."]}), annotators=[], cache=False)
            >>> sorted(p.name for p in a.save(tempfile.mkdtemp()))[:2]
            ['analysis.json', 'documents.parquet']
        """
        if format not in FORMATS:
            raise ValueError(f"`format` value = {format!r} is invalid; value must be one of {list(FORMATS)}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        same_place = isinstance(self.tables, _ParquetTables) and \
            self.tables.folder.resolve() == out.resolve() and format == "parquet"
        for name in self.tables:
            path = out / f"{name}.{format}"
            if not same_place:
                df = self.tables[name]
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
            >>> _ = analyze(pd.DataFrame({"text": ["Kyiv replied."]}), annotators=[], cache=False).save(d)
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
    """``lexicon name -> version`` for the lexicons the given annotators use.

    Example:
        >>> lexicon_versions([])
        {}
    """
    from .lexicon import load

    out = {}
    for a in annotators:
        for name in a.lexicons:
            lex = load(name)
            out[lex.name] = lex.version
    return out


# ----------------------------------------------------------------------------- cache keys

def _digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        b = p if isinstance(p, bytes) else str(p).encode("utf-8", "surrogatepass")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


@functools.lru_cache(maxsize=256)
def _file_digest(path: str, mtime_ns: int, size: int) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def file_digest(path: str | Path) -> str:
    """Content hash of a file (memoised until its size or modification time changes).

    Example:
        >>> len(file_digest(__file__))
        32
    """
    st = os.stat(path)
    return _file_digest(str(Path(path).resolve()), st.st_mtime_ns, st.st_size)


def _source_digest(func: Callable) -> str:
    """Hash of the source file that defines ``func`` (so editing an annotator invalidates it)."""
    while isinstance(func, functools.partial):
        func = func.func
    try:
        path = inspect.getsourcefile(func)
    except TypeError:
        path = None
    if path and os.path.exists(path):
        return file_digest(path)
    return _digest(getattr(func, "__module__", ""), getattr(func, "__qualname__", repr(func)))


def _value_digest(value) -> str:
    """Stable hash of an option value; files it names are hashed by content."""
    from .lexicon import Lexicon

    if isinstance(value, Mapping):
        return _digest("map", *(f"{k}={_value_digest(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(map(_value_digest, value)) if isinstance(value, (set, frozenset)) else map(_value_digest, value)
        return _digest("seq", *items)
    if isinstance(value, (str, Path)):
        text = str(value)
        if len(text) < 4096 and os.path.isfile(text):
            return _digest("file", file_digest(text))
        if isinstance(value, Path) or (len(text) < 4096 and os.path.isdir(text)):
            return _digest("path", text)
        return _digest("str", text)
    if isinstance(value, Lexicon):
        return _digest("lexicon", value.tag, _frame_digest(value.entries),
                       json.dumps(value.meta, sort_keys=True, default=str))
    if isinstance(value, pd.DataFrame):
        return _digest("frame", _frame_digest(value))
    if value is None or isinstance(value, (bool, int, float)):
        return _digest("scalar", repr(value))
    try:
        return _digest("json", json.dumps(value, sort_keys=True))
    except TypeError:
        raise TypeError(f"option value {value!r} of type {type(value).__name__} cannot be hashed for "
                        "the cache; pass str, numbers, lists, dicts, paths, DataFrames or Lexicons, "
                        "or run with cache=False") from None


def _frame_digest(df: pd.DataFrame) -> str:
    """Hash of a table: column names, dtypes and every value."""
    parts = []
    for col in df.columns:
        values = df[col].tolist()
        parts.append(f"{col}\x1e{df[col].dtype}\x1e" + "\x1f".join(map(str, values)))
    return _digest(str(len(df)), *parts)


def _lexicon_digest(name: str) -> str:
    from .lexicon import load, resolve

    path = resolve(name)
    lex = load(name)
    return _digest(lex.tag, file_digest(path), file_digest(path.with_suffix(".csv")))


@functools.lru_cache(maxsize=1)
def _core_digest() -> str:
    """The code every step shares: the tokenizer, the lexicon matcher, this module's layout."""
    import nltk

    from . import lexicon, tokenize

    return _digest(__version__, str(CACHE_LAYOUT), nltk.__version__,
                   file_digest(tokenize.__file__), file_digest(lexicon.__file__))


def _tokenize_fingerprint(pos: bool) -> str:
    from . import resources

    needed = ["punkt_tab", "wordnet", "stopwords"] + (["averaged_perceptron_tagger_eng"] if pos else [])
    # Without some NLTK data the tokenizer falls back (different lemmas or sentences): the key
    # must tell those results apart.
    status = ",".join(f"{n}={resources.available(n)}" for n in needed)
    return _digest(TOKENIZE, _core_digest(), f"pos={pos}", status)


def _annotator_fingerprint(ann: Annotator, options: Mapping | None) -> str:
    lexicons = [_lexicon_digest(name) for name in ann.lexicons]
    opts = _value_digest(dict((options or {}).get(ann.name, {})))
    return _digest("annotator", ann.name, ann.version, _core_digest(), _source_digest(ann.func),
                   ",".join(ann.produces), ",".join(ann.requires), *lexicons, opts)


def step_fingerprints(annotators: Sequence[Annotator], *, pos: bool = False,
                      options: Mapping[str, Mapping] | None = None) -> dict[str, str]:
    """The chunk-independent part of each step's cache key (``tokenize`` first).

    Example:
        >>> list(step_fingerprints([]))
        ['tokenize']
    """
    out = {TOKENIZE: _tokenize_fingerprint(pos)}
    for ann in annotators:
        out[ann.name] = _annotator_fingerprint(ann, options)
    return out


def chunk_digest(documents: pd.DataFrame) -> str:
    """Content hash of a chunk of documents (every column, so metadata changes count too).

    Example:
        >>> chunk_digest(pd.DataFrame({"doc_id": ["a"], "text": ["x"]})) != \\
        ...     chunk_digest(pd.DataFrame({"doc_id": ["a"], "text": ["y"]}))
        True
    """
    return _frame_digest(documents)


def step_keys(fingerprints: Mapping[str, str], annotators: Sequence[Annotator],
              documents_digest: str) -> dict[str, str]:
    """Cache key of every step of one chunk: its fingerprint + the keys of what it reads.

    Example:
        >>> fp = step_fingerprints([])
        >>> step_keys(fp, [], "abc") != step_keys(fp, [], "abd")
        True
    """
    keys = {TOKENIZE: _digest(fingerprints[TOKENIZE], documents_digest)}
    producer = {t: TOKENIZE for t in TOKENIZE_OUTPUTS}
    for ann in annotators:
        seen = producer if ann.reads is None else (*ann.requires, *ann.reads)
        deps = sorted({producer[r] for r in seen if r in producer} | {TOKENIZE})
        keys[ann.name] = _digest(fingerprints[ann.name], *(f"{d}:{keys[d]}" for d in deps))
        for t in ann.produces:
            producer[t] = ann.name
    return keys


# ----------------------------------------------------------------------------- the store

class _Store:
    """Arrow IPC files of finished steps: ``ROOT/<step>/<key[:2]>/<key>/<table>.arrow``."""

    def __init__(self, root: str | Path, compression: str | None = None):
        self.root = Path(root)
        self.compression = compression or cache_compression()   # of the parts it writes

    def dir(self, step: str, key: str) -> Path:
        return self.root / step / key[:2] / key

    def has(self, step: str, key: str) -> bool:
        return (self.dir(step, key) / "_done").exists()

    def path(self, step: str, key: str, table: str) -> Path:
        return self.dir(step, key) / f"{table}{PART_SUFFIX}"

    def write(self, step: str, key: str, tables: Mapping[str, pd.DataFrame]) -> None:
        final = self.dir(step, key)
        if (final / "_done").exists():
            return
        tmp = final.parent / f".tmp-{final.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir(parents=True, exist_ok=True)
        try:
            for name, df in tables.items():
                _write_part(df, tmp / f"{name}{PART_SUFFIX}", self.compression)
            (tmp / "_done").write_text(json.dumps({"step": step, "tables": list(tables)}) + "\n")
            try:
                os.replace(tmp, final)
            except OSError:
                if not (final / "_done").exists():  # a half-written folder from a killed run
                    shutil.rmtree(final, ignore_errors=True)
                    os.replace(tmp, final)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def read(self, step: str, key: str, names: Sequence[str]) -> dict[str, pd.DataFrame]:
        return {n: _read_frame(self.path(step, key, n)) for n in names}


def _write_part(df, path: Path, compression: str = "none") -> None:
    """A table (pandas, Arrow or :class:`_Pending`) as an Arrow IPC file (``compression``: one
    of :data:`toolkit.config.CACHE_COMPRESSIONS`)."""
    import pyarrow as pa
    import pyarrow.feather as feather

    if isinstance(df, _Pending):
        table = df.arrow
    elif isinstance(df, pa.Table):
        table = df
    else:
        table = pa.Table.from_pandas(df, preserve_index=False)
    feather.write_feather(table, path, compression="uncompressed" if compression == "none" else compression)


def _read_part(path: Path):
    """An Arrow table from a part file: Arrow IPC (the cache) or Parquet (documents batches)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path)
    import pyarrow as pa

    # The file's bytes in one read, its columns then zero-copy views of them. Arrow's own file
    # reader (its I/O threads, a buffer per column) took three times as long the first two
    # times a session re-read a cache (0.33 s against 0.10 s for a million words), and the
    # file is not kept open or mapped, so a cache can be cleared while its tables are in use.
    with pa.OSFile(str(path), "rb", memory_pool=_read_pool()) as source:
        data = source.read_buffer()
    return pa.ipc.open_file(data).read_all()


@functools.lru_cache(maxsize=1)
def _read_pool():
    """The memory pool cached parts are read into: jemalloc where Arrow's build has it (with
    the default mimalloc pool, the first two cached re-runs of a session took twice as long)."""
    import pyarrow as pa

    try:
        return pa.jemalloc_memory_pool()
    except (NotImplementedError, pa.ArrowNotImplementedError):
        return pa.default_memory_pool()


def _read_frame(path: Path) -> pd.DataFrame:
    """A part file as the pandas table it was written from."""
    return _nulls_as_none(_read_part(path).to_pandas())


def _part_schema(path: Path):
    """Schema and row count of a part file, without reading its data."""
    import pyarrow as pa

    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        f = pq.ParquetFile(path)
        return f.schema_arrow, f.metadata.num_rows
    with pa.memory_map(str(path)) as source:
        reader = pa.ipc.open_file(source)
        if hasattr(reader, "count_rows"):   # pyarrow >= 18 reads only the batches' metadata
            return reader.schema, reader.count_rows()
        return reader.schema, sum(reader.get_batch(i).num_rows for i in range(reader.num_record_batches))


def default_cache_dir() -> Path:
    """Where :func:`analyze` keeps its cache: ``toolkit.config.cache_dir()/pipeline``.

    Example:
        >>> default_cache_dir().name
        'pipeline'
    """
    from .config import cache_dir

    return cache_dir() / "pipeline"


def clear_cache(cache: str | Path | None = None) -> int:
    """Delete the analysis cache; return the number of cached step results removed.

    Example:
        >>> import tempfile
        >>> clear_cache(tempfile.mkdtemp())
        0
    """
    root = Path(cache) if cache is not None else default_cache_dir()
    n = sum(1 for _ in root.glob("*/*/*/_done")) if root.exists() else 0
    shutil.rmtree(root, ignore_errors=True)
    return n


# ----------------------------------------------------------------------------- one chunk

class _Inputs(dict):
    """The tables an annotator may read; a missing one names what to declare."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], ann: Annotator):
        super().__init__((k, v) for k, v in tables.items()
                         if ann.reads is None or k in ("documents", *TOKENIZE_OUTPUTS)
                         or k in ann.requires or k in ann.reads)
        self._ann = ann.name

    def __missing__(self, key):
        raise KeyError(f"annotator {self._ann!r} read table {key!r}, which it does not declare in "
                       f"Annotator.requires or Annotator.reads (it may read {sorted(self)}); "
                       "declare it so that the run order and the cache keys know about it")

    def __getitem__(self, key):
        value = super().__getitem__(key)
        return value.frame() if isinstance(value, _Pending) else value

    def get(self, key, default=None):
        return self[key] if key in self else default

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]


class _Pending:
    """An annotator's table in its stored form (Arrow), as pandas only when a later step reads it.

    A table goes through Arrow once per chunk in any case (to be cached, sent back by a worker
    or combined into the result); the pandas form of the cached table (:func:`_normalize`) is
    built only for the tables a later step reads (``mentions``, ``quotes``), not for every
    table of every chunk.
    """

    __slots__ = ("arrow", "_frame")

    def __init__(self, df: pd.DataFrame, ann: str, table: str):
        self.arrow = _to_arrow(df, ann, table)
        self._frame = None

    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = _nulls_as_none(self.arrow.to_pandas())
        return self._frame


def _resolved(tables: Mapping[str, object]) -> dict[str, pd.DataFrame]:
    return {k: v.frame() if isinstance(v, _Pending) else v for k, v in tables.items()}


def _nulls_as_none(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns with missing values as object columns holding ``None`` (as annotators write
    them, e.g. a quote without a speaker), so fresh, cached and streamed tables are the same."""
    for col, dtype in df.dtypes.items():
        if isinstance(dtype, pd.StringDtype):
            s = df[col]
            missing = s.isna()
            if missing.any():
                df[col] = s.astype(object).where(~missing, None)
    return df


def _to_arrow(df: pd.DataFrame, ann: str, table: str):
    """An annotator's table as the Arrow table it is stored as (a clear error if it cannot be)."""
    import pyarrow as pa

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"annotator {ann!r} returned {type(df).__name__} for table {table!r}; "
                        "expected a pandas DataFrame")
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise TypeError(f"annotator {ann!r} table {table!r} cannot be stored as Parquet ({exc}); "
                        "give each column one type") from None


def _normalize(df: pd.DataFrame, ann: str, table: str) -> pd.DataFrame:
    """An annotator's table as Parquet would give it back, so fresh and cached runs are equal."""
    return _Pending(df, ann, table).frame()


def _run_step(ann: Annotator, tables: Mapping[str, pd.DataFrame],
              options: Mapping[str, Mapping] | None) -> dict[str, pd.DataFrame]:
    missing = [r for r in ann.requires if r not in tables]
    if missing:
        raise RuntimeError(f"annotator {ann.name!r} needs tables {missing}, which no earlier step made")
    produced = ann.func(_Inputs(tables, ann), **dict((options or {}).get(ann.name, {})))
    if not isinstance(produced, Mapping):
        raise TypeError(f"annotator {ann.name!r} returned {type(produced).__name__}; expected a dict "
                        f"of tables {list(ann.produces)}")
    out = {}
    for name in ann.produces:
        if name not in produced:
            raise RuntimeError(f"annotator {ann.name!r} did not return its table {name!r}")
        out[name] = _Pending(produced[name], ann.name, name)
    return out


def run_chunk(documents: pd.DataFrame, annotators: Sequence[Annotator], *,
              pos: bool = False, options: Mapping[str, Mapping] | None = None) -> dict[str, pd.DataFrame]:
    """Tokenize one chunk of documents and run the annotators on it (no cache, in this process).

    Example:
        >>> t = run_chunk(pd.DataFrame({"doc_id": ["d"], "text": ["Hi there."]}), [])
        >>> sorted(t)
        ['sentences', 'tokens']
    """
    sentences, tokens = tokenize_documents(documents["doc_id"].tolist(), documents["text"].tolist(), pos=pos)
    tables: dict[str, pd.DataFrame] = {"documents": documents, "sentences": sentences, "tokens": tokens}
    for ann in annotators:
        tables.update(_run_step(ann, tables, options))
    tables.pop("documents")
    return _resolved(tables)


@dataclass
class _Task:
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
class _Done:
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
    hundreds of times per chunk. At 200,000 it runs about once in ten chunks (at 20,000,
    about once per chunk: 1% of the chunk's time). The previous thresholds come back afterwards.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], gen0), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _execute(task: _Task) -> _Done:
    """Run the steps of one chunk that are not cached yet; the worker-side entry point."""
    with _fewer_collections():
        return _execute_steps(task)


def _execute_steps(task: _Task) -> _Done:
    store = _Store(task.store, task.compression) if task.store else None
    steps = [TOKENIZE] + [a.name for a in task.annotators]
    outputs = {TOKENIZE: TOKENIZE_OUTPUTS, **{a.name: a.produces for a in task.annotators}}
    done = {s for s in steps if s in task.given or (store is not None and store.has(s, task.keys[s]))}
    todo = [a for a in task.annotators if a.name not in done]
    if task.keep:
        need = {t for s in steps for t in outputs[s]}
    else:
        need = {t for a in todo for t in (*TOKENIZE_OUTPUTS, *a.requires)}
    docs = task.documents.reset_index(drop=True)
    tables: dict[str, pd.DataFrame] = {"documents": docs}
    ran, seconds, cpu = [], {}, {}
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
            out = _run_step(ann, tables, task.options)
        seconds[step] = time.perf_counter() - t0
        cpu[step] = time.process_time() - c0
        if store is not None:
            store.write(step, key, out)
        tables.update(out)
        ran.append(step)
    tables.pop("documents")
    if not task.keep:
        return _Done(task.index, None, ran, seconds, cpu)
    if task.wire:
        tables = {name: _to_wire(df) for name, df in tables.items()}
    return _Done(task.index, tables, ran, seconds, cpu)


def _to_wire(df: pd.DataFrame) -> bytes:
    """A table as Arrow IPC bytes: what a worker sends back instead of a pickled DataFrame.

    Unpickling DataFrames with many object values makes the receiving process allocate (and
    garbage-collect) millions of Python objects while workers wait on the pipe; bytes cost
    nothing to receive, and the tables are converted once, after the run, as cached parts are.
    """
    import pyarrow as pa

    table = df.arrow if isinstance(df, _Pending) else pa.Table.from_pandas(df, preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _from_wire(data: bytes):
    import pyarrow as pa

    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


# ----------------------------------------------------------------------------- engines

def _importable(ann: Annotator) -> bool:
    func = ann.func
    while isinstance(func, functools.partial):
        func = func.func
    return getattr(func, "__module__", "__main__") != "__main__" and "<locals>" not in getattr(func, "__qualname__", "")


# The local worker pool, kept between runs: (number of workers, executor).
_POOL: tuple[int, ProcessPoolExecutor] | None = None
_POOL_LOCK = threading.RLock()
_POOL_BUSY = 0                    # runs using the pool now
_IDLE_TIMER: threading.Timer | None = None
WORKER_IDLE_SECONDS = 600         # workers kept this long after a run, then ended


@contextlib.contextmanager
def _worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """The process pool of ``workers`` workers, reused across :func:`analyze` calls.

    Re-running an analysis (in a notebook, or while refining a lexicon) then finds its workers
    started and their memos (lemmas, sentence-break decisions, VADER and TextBlob word classes)
    warm. Workers read lexicons and gazetteers by path and modification time, so edited files
    are picked up. They end after :data:`WORKER_IDLE_SECONDS` without a run, at exit, or with
    :func:`shutdown_workers`.
    """
    global _POOL, _POOL_BUSY
    with _POOL_LOCK:
        if _IDLE_TIMER is not None:
            _IDLE_TIMER.cancel()
        if _POOL is not None and (_POOL[0] != workers or getattr(_POOL[1], "_broken", False)):
            shutdown_workers()
        if _POOL is None:
            _POOL = (workers, ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context()))
        pool = _POOL[1]
        _POOL_BUSY += 1
    try:
        yield pool
    finally:
        with _POOL_LOCK:
            _POOL_BUSY -= 1
            if _POOL_BUSY == 0 and _POOL is not None:
                _arm_idle_timer()


def _arm_idle_timer() -> None:
    global _IDLE_TIMER

    def end_if_idle():
        with _POOL_LOCK:
            if _POOL_BUSY == 0:
                shutdown_workers()

    _IDLE_TIMER = threading.Timer(WORKER_IDLE_SECONDS, end_if_idle)
    _IDLE_TIMER.daemon = True
    _IDLE_TIMER.start()


def shutdown_workers(*, kill: bool = False) -> None:
    """End the worker processes kept between :func:`analyze` calls (to free their memory).

    ``kill=True`` stops them at once, abandoning running chunks (used after an error or an
    interrupt, so that no worker goes on computing a run that was given up).

    Example:
        >>> shutdown_workers()
    """
    global _POOL
    with _POOL_LOCK:
        if _IDLE_TIMER is not None:
            _IDLE_TIMER.cancel()
        if _POOL is None:
            return
        _, pool = _POOL
        _POOL = None
    if kill:
        for proc in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(Exception):
                proc.kill()
    pool.shutdown(wait=not kill, cancel_futures=True)


class _Engine:
    """Runs chunk tasks in this process, the local process pool, or on Dask."""

    def __init__(self, kind: str, workers: int):
        self.kind, self.workers = kind, workers
        self._client = self._cluster = None
        self._own_client = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self._own_client:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def run(self, tasks: list[_Task], on_done: Callable[[_Done], None]) -> None:
        if not tasks:
            return
        if self.kind == "dask":
            return self._run_dask(tasks, on_done)
        if self.workers == 1:
            for task in tasks:
                on_done(_execute(task))
            return
        with _worker_pool(self.workers) as pool:
            self._run_pool(pool, tasks, on_done)

    @staticmethod
    def _run_pool(pool: ProcessPoolExecutor, tasks: list[_Task], on_done: Callable[[_Done], None]) -> None:
        from concurrent.futures.process import BrokenProcessPool

        # Longest chunks first (a short chunk then fills a gap at the end instead of running
        # alone); results are placed by chunk index, whatever the order.
        by_size = sorted(tasks, key=lambda t: -int(t.documents["text"].str.len().sum()))
        pending = set()
        try:
            pending = {pool.submit(_execute, dataclasses.replace(t, wire=True)) for t in by_size}
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    on_done(fut.result())
        except BrokenProcessPool as exc:
            shutdown_workers(kill=True)
            raise RuntimeError(
                "worker processes stopped abruptly (out of memory, killed, or, in a script, "
                "analyze() called outside `if __name__ == \"__main__\":` so that each worker "
                "re-ran the script). Finished chunks are kept in the cache; fix the cause and run "
                "again to resume, or pass workers=1.") from exc
        except BaseException:
            # An error in one chunk or an interrupt: the other workers stop too (finished chunks
            # are in the cache; running again resumes).
            shutdown_workers(kill=True)
            raise

    def _run_dask(self, tasks: list[_Task], on_done: Callable[[_Done], None]) -> None:
        from distributed import Client, LocalCluster, as_completed, get_client

        if self._client is None:
            import dask

            try:
                self._client = get_client()
            except ValueError:
                if dask.config.get("scheduler-address", None):  # e.g. DASK_SCHEDULER_ADDRESS
                    self._client = Client()
                else:
                    self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                                 processes=True, dashboard_address=None)
                    self._client = Client(self._cluster)
                self._own_client = True
        futures = self._client.map(_execute, [dataclasses.replace(t, wire=True) for t in tasks], pure=False,
                                   key=[f"toolkit-chunk-{uuid.uuid4().hex}" for _ in tasks])
        try:
            for fut in as_completed(futures):
                on_done(fut.result())
        except BaseException:
            self._client.cancel(futures)
            raise


# ----------------------------------------------------------------------------- analyze

SEGMENT_CHUNKS = 8   # chunks per segment: equal shares for 1, 2, 4 or 8 workers
CHUNK_SLACK = 1.25   # a segment's chunks may run this much over ``max_chars`` rather than double


def plan_chunks(documents: pd.DataFrame, *, chunk_size: int = 256,
                max_chars: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split documents into runs ``[a, b)`` of at most ``chunk_size`` docs and ~``max_chars`` chars.

    The documents are first cut greedily into *segments* of up to :data:`SEGMENT_CHUNKS` chunks'
    worth (documents and characters); each segment is then split into 1, 2, 4 or 8 chunks of
    about equal size (by characters; by number of documents where ``chunk_size`` is the tighter
    limit): the fewest chunks of at most :data:`CHUNK_SLACK` x ``max_chars`` characters, so a
    segment of 4.2 chunks' worth makes 4 chunks rather than 8 of half the size (each chunk has
    a fixed cost of about 70 ms). Equal chunks in a power-of-two number keep 2, 4 or 8 workers
    busy to the end of a run, where a greedy plan would leave a short last chunk running alone; the segments keep
    plans local, so documents appended to a corpus change only the chunks of its last segment
    (and the cache serves the rest). Documents are never split: one longer than ``max_chars``
    makes a chunk of its own. The plan depends only on the documents, never on the workers.

    Example:
        >>> plan_chunks(pd.DataFrame({"text": ["a" * 5, "b" * 5, "c"]}), chunk_size=64, max_chars=8)
        [(0, 1), (1, 3)]
    """
    lengths = [len(t) if isinstance(t, str) else 0 for t in documents["text"].tolist()]
    max_chars = max(1, max_chars)
    spans: list[tuple[int, int]] = []
    start, chars = 0, 0
    for i, n in enumerate(lengths):
        if i > start and (i - start >= SEGMENT_CHUNKS * chunk_size
                          or chars + n > SEGMENT_CHUNKS * max_chars):
            spans += _split_segment(lengths, start, i, chunk_size, max_chars)
            start, chars = i, 0
        chars += n
    if start < len(lengths):
        spans += _split_segment(lengths, start, len(lengths), chunk_size, max_chars)
    return spans


def _split_segment(lengths: list[int], a: int, b: int, chunk_size: int,
                   max_chars: int) -> list[tuple[int, int]]:
    """``[a, b)`` in a power-of-two number of chunks of about equal characters (or documents)."""
    import numpy as np

    n_docs = b - a
    chars = sum(lengths[a:b])
    by_chars = 1 if chars <= max_chars // 4 else \
        1 << max(0, math.ceil(math.log2(chars / (CHUNK_SLACK * max_chars))))
    by_docs = -(-n_docs // chunk_size)
    n = min(n_docs, max(by_chars, by_docs))
    if n <= 1:
        return [(a, b)]
    if by_docs >= by_chars:   # the document limit binds: equal numbers of documents
        cuts = [a + round(k * n_docs / n) for k in range(n + 1)]
    else:                     # equal characters: cut where the running total is nearest k/n of it
        cum = np.cumsum(lengths[a:b])
        targets = np.arange(1, n) * (chars / n)
        idx = np.clip(np.searchsorted(cum, targets), 0, n_docs - 1)
        prev = np.clip(idx - 1, 0, None)
        nearer = np.where((idx > 0) & (np.abs(cum[prev] - targets) <= np.abs(cum[idx] - targets)),
                          prev, idx)
        cuts = [a, *(a + int(i) + 1 for i in nearer), b]
    cuts = sorted({c for c in cuts if a <= c <= b})
    out = []
    for x, y in zip(cuts, cuts[1:]):
        # a chunk over the document limit (very unequal document lengths) is cut by count
        k = -(-(y - x) // chunk_size)
        out += [(x + round(j * (y - x) / k), x + round((j + 1) * (y - x) / k)) for j in range(k)]
    return [(x, y) for x, y in out if y > x]


def _combine_parts(paths: list[Path], dest: Path, empty: pd.DataFrame | None) -> int:
    """Concatenate parts (Arrow IPC or Parquet files) into one Parquet file, one part in memory
    at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    info = [_part_schema(p) for p in paths]
    if not info:
        (empty if empty is not None else pd.DataFrame()).to_parquet(dest, index=False)
        return 0
    schema = pa.unify_schemas([s.remove_metadata() for s, _ in info], promote_options="permissive")
    # Keep pandas' dtype metadata from the first part that has rows, so reads match in-memory runs.
    meta_src = next((s for s, n in info if n), info[0][0])
    schema = schema.with_metadata(meta_src.metadata)
    tmp = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
    rows = 0
    # Dictionary pages for text columns only: numbers rarely repeat enough to gain from them,
    # and trying costs a fifth of the write. Min/max statistics for numbers and doc_id only:
    # each part is a row group of whole documents, so doc_id ranges let readers skip parts;
    # the ranges of words, sentences or codes span every part, and computing them took a
    # quarter of the tokens table's write.
    text = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    stats = [f.name for f in schema if f.name not in text or f.name == "doc_id"]
    # Integers as differences: offsets and ids grow along each document, so the tokens table
    # shrinks from 20 to 9 MB per million words and is written a tenth faster.
    ints = {f.name: "DELTA_BINARY_PACKED" for f in schema if pa.types.is_integer(f.type)}
    with pq.ParquetWriter(tmp, schema, use_dictionary=text, write_statistics=stats,
                          column_encoding=ints or None) as writer:
        for p in paths:
            table = _read_part(p)
            cols = [table.column(f.name).cast(f.type) if f.name in table.column_names
                    else pa.nulls(len(table), f.type) for f in schema]
            writer.write_table(pa.Table.from_arrays(cols, schema=schema))
            rows += len(table)
    os.replace(tmp, dest)
    return rows


def _read_any(p):
    """A part as an Arrow table: IPC bytes from a worker, a cached file, or a pandas frame."""
    import pyarrow as pa

    if isinstance(p, bytes):
        return _from_wire(p)
    if isinstance(p, _Pending):
        return p.arrow
    if isinstance(p, pd.DataFrame):
        return pa.Table.from_pandas(p, preserve_index=False)
    return _read_part(p)


@functools.lru_cache(maxsize=1)
def _reader_threads():
    """The threads that read parts (Arrow releases the GIL), started once for the session."""
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="toolkit-read")


def _concat(parts: list) -> pd.DataFrame:
    """Arrow parts of one table as one pandas table (converted once)."""
    import pyarrow as pa

    non_empty = [t for t in parts if t.num_rows] or parts[:1]
    meta = non_empty[0].schema.metadata
    table = pa.concat_tables([t.replace_schema_metadata(None) for t in non_empty],
                             promote_options="permissive")
    return _nulls_as_none(table.replace_schema_metadata(meta).to_pandas())


def _gather_all(parts_by_name: Mapping[str, list]) -> dict[str, _ArrowParts]:
    """Tables from per-chunk parts (frames computed in this process, Arrow IPC files from the
    cache and/or Arrow IPC bytes from worker processes): every part is read now by one pool of
    threads; each table is concatenated and converted to pandas when first used
    (:class:`_ArrowTables`)."""
    jobs = [(name, p) for name, parts in parts_by_name.items() for p in parts if p is not None]
    read = list(_reader_threads().map(lambda job: _read_any(job[1]), jobs))
    arrow: dict[str, list] = {name: [] for name in parts_by_name}
    for (name, _), table in zip(jobs, read):
        arrow[name].append(table)
    return {name: _ArrowParts(parts) for name, parts in arrow.items()}


def _unwire(part):
    """A part as a pandas table (a part file or IPC bytes converted; frames as they are)."""
    if isinstance(part, Path):
        return _read_frame(part)
    if isinstance(part, bytes):
        return _nulls_as_none(_from_wire(part).to_pandas())
    if isinstance(part, _Pending):
        return part.frame()
    return part


BATCH_BYTES = 16 << 20   # streamed multi-file inputs are loaded this many file bytes at a time


def _input_batches(source, *, columns, strict, stream: bool) -> Iterator[Corpus]:
    """The corpus in one piece, or (streaming several files) in batches of files."""
    from .corpus import _expand

    if isinstance(source, Corpus):
        yield source
        return
    if not stream or isinstance(source, pd.DataFrame):
        yield load_corpus(source, columns=columns, strict=strict)
        return
    items = list(_expand(source))
    batch: list = []
    size = 0
    for label, obj in items:
        n = obj.stat().st_size if isinstance(obj, Path) and obj.exists() else 0
        if batch and size + n > BATCH_BYTES:
            yield load_corpus(batch, columns=columns, strict=strict, progress=False)
            batch, size = [], 0
        batch.append(obj if isinstance(obj, Path) else label)
        size += n
    if batch or not items:
        yield load_corpus(batch, columns=columns, strict=strict, progress=False)


def _dedupe_across(corpus: Corpus, seen_ids: dict[str, int], seen_text: dict[str, str]) -> Corpus:
    """Apply load_corpus's duplicate rules across batches: same text skipped, same id renamed."""
    docs, report = corpus.documents.copy(), corpus.report.copy()
    keep = []
    for i, (doc_id, text) in enumerate(zip(docs["doc_id"].tolist(), docs["text"].tolist())):
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        row = report.index[(report["doc_id"] == doc_id) & (report["status"] == "loaded")]
        if digest in seen_text:
            report.loc[row, ["status", "reason"]] = ["skipped", f"exact duplicate of doc {seen_text[digest]}"]
            continue
        if doc_id in seen_ids:
            seen_ids[doc_id] += 1
            new = f"{doc_id}#{seen_ids[doc_id]}"
            docs.loc[i, "doc_id"] = new
            report.loc[row, "doc_id"] = new
            report.loc[row, "note"] = (report.loc[row, "note"].fillna("") +
                                       f"duplicate id {doc_id!r} renamed to {new!r}").str.lstrip("; ")
            doc_id = new
        seen_ids.setdefault(doc_id, 1)
        seen_text[digest] = doc_id
        keep.append(i)
    return Corpus(documents=docs.iloc[keep].reset_index(drop=True), report=report)


def analyze(source, *, annotators: Sequence[str | Annotator] | None = None, workers: int | None = None,
            chunk_size: int = 256, pos: bool = False, columns: Mapping[str, str] | None = None,
            strict: bool = False, progress: bool | None = None,
            options: Mapping[str, Mapping] | None = None, cache: bool | str | Path = True,
            out: str | Path | None = None, engine: str = "processes") -> Analysis:
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
            ``{"actors": {"gazetteers": ["data/actors_fictional.csv"]}}``.
        cache: ``True`` keeps every step's result under :func:`default_cache_dir` and reuses
            it when nothing it depends on changed (which also resumes an interrupted run); a
            folder keeps the cache there; ``False`` computes everything afresh.
        out: stream the results to this folder (``DIR/<table>.parquet`` + ``analysis.json``)
            chunk by chunk without holding the tables in memory (several input files are also
            read a batch at a time); the returned analysis reads its tables from there.
        engine: ``"processes"`` (a local pool) or ``"dask"`` (the current
            ``dask.distributed`` client, else a local cluster of ``workers`` processes).

    Returns:
        An :class:`Analysis` with ``documents``, ``sentences``, ``tokens``, ``load_report`` and one
        table per annotator output. ``meta["run"]`` records the chunks served from the cache and
        the seconds spent per step.

    Example:
        >>> a = analyze(pd.DataFrame({"text": ["The Kremlin warned Washington."]}), annotators=[],
        ...             cache=False)
        >>> len(a["sentences"]), len(a["tokens"])
        (1, 5)
    """
    from tqdm.auto import tqdm

    if engine not in ENGINES:
        raise ValueError(f"`engine` value = {engine!r} is invalid; value must be one of {list(ENGINES)}")
    t_start = time.perf_counter()
    selected = _select(annotators)
    workers = default_workers() if workers is None else max(1, workers)
    local = [a.name for a in selected if not _importable(a)]
    if local and workers > 1:
        warnings.warn(f"annotators {local} are defined in __main__ or inside a function, which worker "
                      "processes cannot import; running in this process (workers=1). Define them "
                      "in a module to run in parallel.", stacklevel=2)
        workers = 1
    if engine == "processes" and workers > 1 and not isinstance(source, (Corpus, pd.DataFrame)):
        _start_forkserver()  # it loads WordNet while this process reads the input
    out_dir = Path(out) if out is not None else None
    keep = out_dir is None
    if cache is True:
        store_root: Path | None = default_cache_dir()
    elif cache:
        store_root = Path(cache)
    else:
        store_root = out_dir / ".parts" if out_dir is not None else None
    store = _Store(store_root) if store_root is not None else None
    # Dask workers may not see this machine's disk: there the caller reads and writes the store.
    worker_store = str(store.root) if store is not None and engine == "processes" else None

    fps = step_fingerprints(selected, pos=pos, options=options)
    steps = [TOKENIZE] + [a.name for a in selected]
    outputs = {TOKENIZE: TOKENIZE_OUTPUTS, **{a.name: a.produces for a in selected}}
    names = [t for s in steps for t in outputs[s]]

    all_keys: list[dict[str, str]] = []           # per chunk, in corpus order
    results: dict[int, dict[str, pd.DataFrame]] = {}
    seconds = {s: 0.0 for s in steps}
    cpu = {s: 0.0 for s in steps}
    ran = {s: 0 for s in steps}
    summaries: list[str] = []
    whole = empty_docs = None
    n_docs = n_cached = 0
    seen_ids: dict[str, int] = {}
    seen_text: dict[str, str] = {}
    batches = _input_batches(source, columns=columns, strict=strict, stream=not keep)
    bar = None
    t_load = 0.0
    with _Engine(engine, workers) as runner:
        while True:
            t0 = time.perf_counter()
            corpus = next(batches, None)
            t_load += time.perf_counter() - t0
            if corpus is None:
                break
            first = not summaries
            if not keep:
                corpus = _dedupe_across(corpus, seen_ids, seen_text)
            docs = corpus.documents.reset_index(drop=True)
            summaries.append(corpus.summary())
            if keep:
                whole = corpus
            empty_docs = docs.iloc[0:0]
            spans = plan_chunks(docs, chunk_size=max(1, chunk_size))
            base = len(all_keys)
            keys_here = [step_keys(fps, selected, chunk_digest(docs.iloc[a:b])) for a, b in spans]
            all_keys.extend(keys_here)
            n_docs += len(docs)
            if bar is None:
                show = progress if progress is not None else (len(spans) > 1 or not keep)
                bar = tqdm(total=len(docs), desc="analysing", unit="doc", disable=not show)
            elif bar.total is not None:
                bar.total += len(docs)
            runner.workers = min(workers, max(1, len(spans))) if first and keep else workers
            tasks: list[_Task] = []
            for i, ((a, b), keys) in enumerate(zip(spans, keys_here), start=base):
                cached = {s for s in steps if store is not None and store.has(s, keys[s])}
                if len(cached) == len(steps):
                    n_cached += 1
                    if keep:
                        results[i] = {t: store.path(s, keys[s], t) for s in steps for t in outputs[s]}
                    bar.update(b - a)
                    continue
                given = {s: store.read(s, keys[s], outputs[s]) for s in cached} \
                    if store is not None and worker_store is None else {}
                # The codec read here, not by the workers: their environment is the server's.
                tasks.append(_Task(i, docs.iloc[a:b], keys, selected, pos, options, worker_store,
                                   keep or worker_store is None, given,
                                   compression=store.compression if store is not None else "none"))
            bar.set_postfix(cached=n_cached, refresh=False)

            def on_done(d: _Done, spans=spans, base=base, bar=bar) -> None:
                a, b = spans[d.index - base]
                if store is not None and worker_store is None:
                    for s in d.ran:
                        store.write(s, all_keys[d.index][s], {t: _unwire(d.tables[t]) for t in outputs[s]})
                if keep:
                    results[d.index] = d.tables
                for s in d.ran:
                    ran[s] += 1
                    seconds[s] += d.seconds.get(s, 0.0)
                    cpu[s] += d.cpu.get(s, 0.0)
                bar.update(b - a)

            try:
                runner.run(tasks, on_done)
            except BaseException:
                bar.close()
                raise
            if not keep:
                _spill(out_dir, len(summaries) - 1, docs, corpus.report)
    if bar is not None:
        bar.close()
    if not keep:
        shutdown_workers()   # a streamed (large) run gives their memory back before combining
    t_done = time.perf_counter()

    load_summary = summaries[0] if len(summaries) == 1 else \
        f"{n_docs} documents loaded in {len(summaries)} batches: " + " | ".join(summaries)
    meta = {"toolkit_version": __version__, "annotators": [a.name for a in selected],
            "lexicons": lexicon_versions(selected), "n_documents": int(n_docs),
            "options": {k: dict(v) for k, v in (options or {}).items()},
            "load_summary": load_summary,
            "run": {"engine": engine, "workers": runner.workers, "chunks": len(all_keys),
                    "chunks_from_cache": n_cached, "steps_run": ran,
                    "step_seconds": {k: round(v, 4) for k, v in seconds.items()},
                    "step_cpu_seconds": {k: round(v, 4) for k, v in cpu.items()},
                    "load_seconds": round(t_load, 4),
                    "analysis_seconds": round(t_done - t_start - t_load, 4),
                    "cache": str(store_root) if cache else None}}
    if keep:
        docs = whole.documents.reset_index(drop=True)
        tables: dict[str, pd.DataFrame] = {"documents": docs}
        if results:
            tables.update(_gather_all({name: [results[i].get(name) for i in sorted(results)]
                                       for name in names}))
        else:   # no documents: the empty tables, typed as the steps make them
            empty_tables = run_chunk(docs.iloc[0:0], selected, pos=pos, options=options)
            tables.update({name: empty_tables.get(name, pd.DataFrame()) for name in names})
        tables["load_report"] = whole.report
        return Analysis(tables=_ArrowTables(tables), meta=meta)

    empty = run_chunk(empty_docs, selected, pos=pos, options=options) if not all_keys else {}
    spill = out_dir / ".batches"
    n_batches = len(summaries)
    jobs = [([spill / f"{t}-{i:05d}.parquet" for i in range(n_batches)], out_dir / f"{t}.parquet", None)
            for t in ("documents", "load_report")]
    # A table whose parts are those of the previous run into this folder is already there.
    try:
        before = json.loads((out_dir / "analysis.json").read_text())["run"]["table_digests"]
    except (OSError, ValueError, KeyError, TypeError):
        before = {}
    digests = {}
    for s in steps:
        for t in outputs[s]:
            digests[t] = _digest(s, *(keys[s] for keys in all_keys))
            if before.get(t) == digests[t] and (out_dir / f"{t}.parquet").exists():
                continue
            parts = [store.path(s, keys[s], t) for keys in all_keys]
            jobs.append((parts, out_dir / f"{t}.parquet", empty.get(t)))
    # Tables are combined side by side: Arrow reads and writes Parquet without holding the GIL.
    # Largest first, so the tokens table does not start last.
    jobs.sort(key=lambda j: -sum(p.stat().st_size for p in j[0] if p.exists()))
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, min(4, workers))) as ex:
        list(ex.map(lambda j: _combine_parts(*j), jobs))
    shutil.rmtree(spill, ignore_errors=True)
    meta["run"]["table_digests"] = digests
    if not cache:
        shutil.rmtree(store_root, ignore_errors=True)
    meta["run"]["write_seconds"] = round(time.perf_counter() - t_done, 4)
    order = ["documents", *names, "load_report"]
    (out_dir / "analysis.json").write_text(json.dumps(meta, indent=2, sort_keys=True, default=str) + "\n")
    return Analysis(tables=_ParquetTables(out_dir, order), meta=meta)


def _spill(out_dir: Path, i: int, docs: pd.DataFrame, report: pd.DataFrame) -> None:
    """Write one batch's documents and load report, to be combined at the end."""
    spill = out_dir / ".batches"
    spill.mkdir(parents=True, exist_ok=True)
    docs.to_parquet(spill / f"documents-{i:05d}.parquet", index=False)
    report.to_parquet(spill / f"load_report-{i:05d}.parquet", index=False)


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
