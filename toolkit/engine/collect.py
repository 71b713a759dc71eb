"""Per-chunk parts combined into tables: read side by side in threads, concatenated once, or
written part by part into one Parquet file per table (a streamed run).
"""
from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ..schemas import conform, write_parquet
from .results import ArrowParts
from .store import part_schema, read_part
from .transport import as_arrow


def combine_parts(paths: list[Path], dest: Path, empty: pd.DataFrame | None) -> int:
    """Concatenate parts (Arrow IPC or Parquet files) into one Parquet file, one part in memory
    at a time."""
    info = [part_schema(p) for p in paths]
    if not info:
        write_parquet(dest.name.removesuffix(".parquet"), empty if empty is not None else pd.DataFrame(), dest)
        return 0
    schema = _combined_schema(info)
    tmp = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
    rows = 0
    with _parquet_writer(tmp, schema) as writer:
        for p in paths:
            rows += _write_part(writer, p, schema)
    os.replace(tmp, dest)
    return rows


def _combined_schema(info: list) -> object:
    """The schema of a table combined from parts ``[(schema, rows), ...]``: their types unified,
    pandas' dtype metadata from the first part that has rows, so reads match in-memory runs."""
    import pyarrow as pa

    schema = pa.unify_schemas([s.remove_metadata() for s, _ in info], promote_options="permissive")
    meta_src = next((s for s, n in info if n), info[0][0])
    return schema.with_metadata(meta_src.metadata)


def _write_part(writer, path: Path, schema) -> int:
    """One part appended to ``writer`` as one row group, its columns cast to ``schema``."""
    import pyarrow as pa

    table = read_part(path)
    cols = [table.column(f.name).cast(f.type) if f.name in table.column_names
            else pa.nulls(len(table), f.type) for f in schema]
    writer.write_table(pa.Table.from_arrays(cols, schema=schema))
    return len(table)


class StreamedTable:
    """One table's Parquet file written part by part, in chunk order, while later chunks still
    run; :meth:`finish` makes it exactly the file :func:`combine_parts` writes.

    The file's schema is chosen from the parts written first. :meth:`finish` compares it with
    the schema of all parts, as :func:`combine_parts` would choose it, and writes the table
    again with :func:`combine_parts` when they differ (or when a part could not be cast), so
    the result never depends on when the parts were written. The partial file stays in
    ``scratch`` (default: ``dest``'s folder) until it is complete.

    Example:
        >>> import tempfile, pyarrow.parquet as pq
        >>> from toolkit.engine.store import Store
        >>> d = Path(tempfile.mkdtemp())
        >>> store = Store(d / "cache")
        >>> for i in range(2):
        ...     store.write("step", f"key{i}", {"t": pd.DataFrame({"x": [i]})})
        >>> parts = [store.path("step", f"key{i}", "t") for i in range(2)]
        >>> out = StreamedTable(d / "t.parquet")
        >>> out.extend(parts[:1])           # the first chunk is done, the second still runs
        >>> out.finish(parts, None)
        2
        >>> pq.read_table(d / "t.parquet").column("x").to_pylist()
        [0, 1]
    """

    def __init__(self, dest: Path, scratch: Path | None = None):
        self.dest = dest
        # In the run's scratch folder when it has one: a run killed half way leaves its partial
        # file where the next run clears it, not among the user's files.
        self.tmp = (scratch or dest.parent) / f".{dest.name}.streamed-{os.getpid()}"
        self.writer = self.schema = None
        self.info: list = []          # (schema, rows) of each part written, in order
        self.rows = 0
        self.failed = False           # a part did not fit the schema: finish() starts afresh

    def extend(self, paths: list[Path]) -> None:
        """Append the parts of ``paths`` (the table's parts of every chunk done so far, in
        chunk order) not written yet."""
        new = paths[len(self.info):]
        if not new or self.failed:
            return
        info = [part_schema(p) for p in new]
        try:
            if self.writer is None:
                self.schema = _combined_schema(info)
                self.writer = _parquet_writer(self.tmp, self.schema)
            for p, i in zip(new, info):
                self.rows += _write_part(self.writer, p, self.schema)
                self.info.append(i)
        except (ValueError, TypeError, NotImplementedError):   # Arrow's cast errors derive from these
            self.abort()
            self.failed = True

    def finish(self, paths: list[Path], empty: pd.DataFrame | None) -> int:
        """Write the remaining parts and move the file into place; rows written."""
        self.extend(paths)
        if self.writer is None or self.failed or len(self.info) != len(paths) \
                or not _combined_schema(self.info).equals(self.schema, check_metadata=True):
            self.abort()
            return combine_parts(paths, self.dest, empty)
        self.writer.close()
        self.writer = None
        os.replace(self.tmp, self.dest)
        return self.rows

    def abort(self) -> None:
        """Close and remove the partial file (the run failed, or the table is written afresh)."""
        if self.writer is not None:
            try:
                self.writer.close()
            except Exception:  # noqa: BLE001, S110 - the file is removed either way
                pass
            self.writer = None
        self.tmp.unlink(missing_ok=True)


def _parquet_writer(path: Path, schema):
    """The Parquet writer of every combined table (one row group per part)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    # Dictionary pages for text columns only: numbers rarely repeat enough to gain from them.
    # Min/max statistics for numbers and doc_id only: each part is a row group of whole
    # documents, so doc_id ranges let readers skip parts; the ranges of words, sentences or
    # codes span every part and would only cost write time.
    text = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    stats = [f.name for f in schema if f.name not in text or f.name == "doc_id"]
    # Integers as differences: offsets and ids grow along each document, so the tables shrink
    # (the tokens table to less than half) and are written faster.
    ints = {f.name: "DELTA_BINARY_PACKED" for f in schema if pa.types.is_integer(f.type)}
    return pq.ParquetWriter(path, schema, use_dictionary=text, write_statistics=stats,
                            column_encoding=ints or None)


def write_combined(table_name: str, data, dest: Path) -> None:
    """Write one part's table (a DataFrame, conformed to its declared schema) as
    :func:`combine_parts` writes a table of that single part, so the file can stand for it.

    Example:
        >>> import tempfile, pyarrow.parquet as pq
        >>> dest = Path(tempfile.mkdtemp()) / "documents.parquet"
        >>> write_combined("documents", pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), dest)
        >>> pq.read_table(dest).column("doc_id").to_pylist()
        ['a']
    """
    table = conform(table_name, data)
    with _parquet_writer(dest, table.schema) as writer:
        writer.write_table(table)




@functools.lru_cache(maxsize=1)
def _reader_threads():
    """The threads that read parts (Arrow releases the GIL), started once for the session."""
    from concurrent.futures import ThreadPoolExecutor

    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="toolkit-read")




def gather_all(parts_by_name: Mapping[str, list]) -> dict[str, ArrowParts]:
    """Tables from per-chunk parts (frames computed in this process, Arrow IPC files from the
    cache and/or Arrow IPC bytes from worker processes): every part is read now by one pool of
    threads; each table is concatenated and converted to pandas when first used
    (:class:`ArrowTables`)."""
    jobs = [(name, p) for name, parts in parts_by_name.items() for p in parts if p is not None]
    read = list(_reader_threads().map(lambda job: as_arrow(job[1]), jobs))
    arrow: dict[str, list] = {name: [] for name in parts_by_name}
    for (name, _), table in zip(jobs, read):
        arrow[name].append(table)
    return {name: ArrowParts(parts) for name, parts in arrow.items()}

