"""The cache on disk: ``ROOT/<step>/<key[:2]>/<key>/<table>.arrow`` plus a ``_done`` index.

A step's folder is written under a temporary name and renamed when complete, so an interrupted
run leaves no half-written entry. The ``_done`` index records each part's size and CRC-32
checksum; a part that does not match (truncated, overwritten) is not served: the step is
reported as not cached, with a warning naming the file, and computed again.

Cached parts are Arrow IPC files, uncompressed unless ``TOOLKIT_CACHE_COMPRESSION`` says lz4 or
zstd (readers take any of them); docs/SCALING.md gives the measurements behind that default.
"""
from __future__ import annotations

import functools
import io
import json
import os
import shutil
import uuid
import warnings
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

from ..config import cache_compression
from .transport import Pending, nulls_as_none, to_arrow

PART_SUFFIX = ".arrow"
INDEX = "_done"          # written last: the step's folder is complete; sizes and checksums


class DamagedPart(OSError):
    """A cached part that does not match its index (truncated, overwritten, unreadable).

    Example:
        >>> str(DamagedPart("c/x.arrow", "truncated"))
        'damaged cache file c/x.arrow (truncated)'
    """

    def __init__(self, path, reason: str):
        super().__init__(str(path), reason)
        self.path, self.reason = Path(path), reason

    def __str__(self) -> str:
        return f"damaged cache file {self.path} ({self.reason})"


class Store:
    """Arrow IPC files of finished steps: ``ROOT/<step>/<key[:2]>/<key>/<table>.arrow``."""

    def __init__(self, root: str | Path, compression: str | None = None):
        self.root = Path(root)
        self.compression = compression or cache_compression()   # of the parts it writes

    def dir(self, step: str, key: str) -> Path:
        return self.root / step / key[:2] / key

    def has(self, step: str, key: str) -> bool:
        """The step's result is complete and its parts have the sizes its index records (a
        damaged entry is dropped with a warning naming the file, and computed again)."""
        folder = self.dir(step, key)
        index = _index(folder)
        if index is None:
            if (folder / INDEX).exists():     # an index that does not parse: not ours to trust
                warnings.warn(f"{DamagedPart(folder / INDEX, 'unreadable index')}; computing "
                              "that step again", stacklevel=2)
                self.drop(folder / INDEX)
            return False
        for name, (size, _) in index.items():
            part = folder / f"{name}{PART_SUFFIX}"
            try:
                ok = part.stat().st_size == size
            except OSError:
                ok = False
            if not ok:
                warnings.warn(f"{DamagedPart(part, 'size differs from its index')}; computing "
                              "that step again", stacklevel=2)
                self.drop(part)
                return False
        return True

    def drop(self, part: str | Path) -> None:
        """Remove the cached step folder that holds ``part`` (only folders this store wrote)."""
        folder = Path(part).parent
        if folder.resolve().is_relative_to(self.root.resolve()) and (folder / INDEX).exists():
            shutil.rmtree(folder, ignore_errors=True)

    def path(self, step: str, key: str, table: str) -> Path:
        return self.dir(step, key) / f"{table}{PART_SUFFIX}"

    def write(self, step: str, key: str, tables: Mapping[str, pd.DataFrame]) -> None:
        final = self.dir(step, key)
        if _index(final) is not None:         # finished by another run (a damaged one is rewritten)
            return
        tmp = final.parent / f".tmp-{final.name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir(parents=True, exist_ok=True)
        try:
            parts = {name: write_part(df, tmp / f"{name}{PART_SUFFIX}", self.compression)
                     for name, df in tables.items()}
            (tmp / INDEX).write_text(json.dumps({"step": step, "tables": list(tables),
                                                 "parts": parts}) + "\n")
            try:
                os.replace(tmp, final)
            except OSError:
                if _index(final) is None:  # a half-written or damaged folder
                    shutil.rmtree(final, ignore_errors=True)
                    os.replace(tmp, final)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    def read(self, step: str, key: str, names: Sequence[str]) -> dict[str, pd.DataFrame]:
        return {n: read_frame(self.path(step, key, n)) for n in names}


def write_part(df, path: Path, compression: str = "none") -> tuple[int, int]:
    """A table (pandas, Arrow or :class:`Pending`) as an Arrow IPC file (``compression``: one
    of :data:`toolkit.config.CACHE_COMPRESSIONS`); returns its size and CRC-32."""
    import pyarrow as pa
    import pyarrow.feather as feather

    if isinstance(df, Pending):
        table = df.arrow
    elif isinstance(df, pa.Table):
        table = df
    else:   # the tokenizer's tables (annotators' come as Pending)
        table = to_arrow(df, "tokenize", Path(path).name.removesuffix(PART_SUFFIX))
    # Straight to the file, checksummed as it goes: an in-memory copy of the whole part first
    # costs a buffer grown by reallocation and the page faults of fresh memory.
    with open(path, "wb") as fh:
        sink = _Checksummed(fh)
        feather.write_feather(table, sink, compression="uncompressed" if compression == "none" else compression)
    return sink.size, sink.crc


class _Checksummed(io.RawIOBase):
    """A binary file that keeps the size and CRC-32 of what is written to it."""

    def __init__(self, fh):
        self.fh, self.size, self.crc = fh, 0, 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        """Write ``data`` to the file, adding it to the running size and CRC-32.

        Args:
            data: bytes (or any buffer) to write.

        Returns:
            What the underlying file's ``write`` returns (the number of bytes written).

        Example:
            >>> sink = _Checksummed(io.BytesIO())
            >>> sink.write(b"ab"), sink.write(b"c"), sink.size, sink.crc == zlib.crc32(b"abc")
            (2, 1, 3, True)
        """
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        return self.fh.write(data)


def read_part(path: Path):
    """An Arrow table from a part file: Arrow IPC (the cache) or Parquet (documents batches)."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.read_table(path)
    import pyarrow as pa

    # The file's bytes in one read (checksummed), its columns then zero-copy views of them:
    # faster than Arrow's own file reader on a session's first re-runs (docs/SCALING.md), and
    # the file is not kept open or mapped, so a cache can be cleared while its tables are in use.
    try:
        with pa.OSFile(str(path), "rb", memory_pool=_read_pool()) as source:
            data = source.read_buffer()
    except FileNotFoundError:       # e.g. dropped by a concurrent run after this one's probe
        raise DamagedPart(path, "missing") from None
    expected = (_index(path.parent) or {}).get(path.name.removesuffix(PART_SUFFIX))
    if expected is None:
        raise DamagedPart(path, "not in a readable cache index")
    if (data.size, zlib.crc32(data)) != tuple(expected):
        raise DamagedPart(path, "size or CRC-32 differs from its index")
    try:
        return pa.ipc.open_file(data).read_all()
    except (pa.ArrowInvalid, OSError) as exc:
        raise DamagedPart(path, str(exc)) from None


@functools.lru_cache(maxsize=4096)
def _index_at(folder: str, mtime_ns: int, size: int, inode: int) -> dict | None:
    try:
        with open(os.path.join(folder, INDEX), encoding="utf-8") as fh:
            meta = json.load(fh)
        return {name: tuple(v) for name, v in meta["parts"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _index(folder: Path) -> dict[str, tuple[int, int]] | None:
    """``table -> (size, crc32)`` of a finished step folder (``None``: not finished). The
    parse is memoised by the index file's time, size and inode, so a rewritten or removed
    index is read afresh without clearing anything."""
    try:
        st = os.stat(folder / INDEX)
    except OSError:
        return None
    return _index_at(str(folder), st.st_mtime_ns, st.st_size, st.st_ino)



@functools.lru_cache(maxsize=1)
def _read_pool():
    """The memory pool cached parts are read into: jemalloc where Arrow's build has it (the
    default pool made a session's first cached re-runs slower; docs/SCALING.md)."""
    import pyarrow as pa

    try:
        return pa.jemalloc_memory_pool()
    except (NotImplementedError, pa.ArrowNotImplementedError):
        return pa.default_memory_pool()


def read_frame(path: Path) -> pd.DataFrame:
    """A part file as the pandas table it was written from."""
    return nulls_as_none(read_part(path).to_pandas())


def part_schema(path: Path):
    """Schema and row count of a part file, without reading its data."""
    import pyarrow as pa

    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        f = pq.ParquetFile(path)
        return f.schema_arrow, f.metadata.num_rows
    try:
        with pa.memory_map(str(path)) as source:
            reader = pa.ipc.open_file(source)
            if hasattr(reader, "count_rows"):   # pyarrow >= 18 reads only the batches' metadata
                return reader.schema, reader.count_rows()
            return reader.schema, sum(reader.get_batch(i).num_rows
                                      for i in range(reader.num_record_batches))
    except (pa.ArrowInvalid, OSError) as exc:
        raise DamagedPart(path, str(exc)) from None


def default_cache_dir() -> Path:
    """Where :func:`analyze` keeps its cache: ``toolkit.config.cache_dir()/pipeline``.

    Example:
        >>> default_cache_dir().name
        'pipeline'
    """
    from ..config import cache_dir

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
