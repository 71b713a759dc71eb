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
    import pyarrow as pa

    info = [part_schema(p) for p in paths]
    if not info:
        write_parquet(dest.name.removesuffix(".parquet"), empty if empty is not None else pd.DataFrame(), dest)
        return 0
    schema = pa.unify_schemas([s.remove_metadata() for s, _ in info], promote_options="permissive")
    # Keep pandas' dtype metadata from the first part that has rows, so reads match in-memory runs.
    meta_src = next((s for s, n in info if n), info[0][0])
    schema = schema.with_metadata(meta_src.metadata)
    tmp = dest.with_name(f".{dest.name}.tmp-{os.getpid()}")
    rows = 0
    with _parquet_writer(tmp, schema) as writer:
        for p in paths:
            table = read_part(p)
            cols = [table.column(f.name).cast(f.type) if f.name in table.column_names
                    else pa.nulls(len(table), f.type) for f in schema]
            writer.write_table(pa.Table.from_arrays(cols, schema=schema))
            rows += len(table)
    os.replace(tmp, dest)
    return rows


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

