"""The one form a table travels in inside the engine, and the one place it is converted.

An annotator returns a pandas table; the engine turns it into Arrow once (:class:`Pending`),
and every later form (a cached part file, IPC bytes from a worker) is read back through
:func:`as_arrow` or :func:`as_frame`, so fresh, cached and streamed tables are the same.
"""
from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

class Pending:
    """An annotator's table in its stored form (Arrow), as pandas only when a later step reads it.

    A table goes through Arrow once per chunk in any case (to be cached, sent back by a worker
    or combined into the result); the pandas form of the cached table (:func:`as_frame`) is
    built only for the tables a later step reads (``mentions``, ``quotes``), not for every
    table of every chunk.
    """

    __slots__ = ("arrow", "_frame")

    def __init__(self, df: pd.DataFrame, ann: str, table: str):
        self.arrow = to_arrow(df, ann, table)
        self._frame = None

    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = nulls_as_none(self.arrow.to_pandas())
        return self._frame


def resolved(tables: Mapping[str, object]) -> dict[str, pd.DataFrame]:
    return {k: v.frame() if isinstance(v, Pending) else v for k, v in tables.items()}


def nulls_as_none(df: pd.DataFrame) -> pd.DataFrame:
    """Text columns with missing values as object columns holding ``None`` (as annotators write
    them, e.g. a quote without a speaker), so fresh, cached and streamed tables are the same."""
    for col, dtype in df.dtypes.items():
        if isinstance(dtype, pd.StringDtype):
            s = df[col]
            missing = s.isna()
            if missing.any():
                df[col] = s.astype(object).where(~missing, None)
    return df


def to_arrow(df: pd.DataFrame, ann: str, table: str):
    """A step's table as the Arrow table it is stored as, with the table's declared schema
    (:func:`toolkit.schemas.conform`: empty and full tables alike), or a clear error.

    Example:
        >>> to_arrow(pd.DataFrame({"doc_id": []}), "mine", "sentences").schema.field("start").type
        DataType(int64)
    """
    import pyarrow as pa

    from ..schemas import SchemaError, conform

    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"annotator {ann!r} returned {type(df).__name__} for table {table!r}; "
                        "expected a pandas DataFrame")
    try:
        return conform(table, df)
    except SchemaError as exc:
        raise TypeError(f"annotator {ann!r}: {exc}") from None
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise TypeError(f"annotator {ann!r} table {table!r} cannot be stored as Parquet ({exc}); "
                        "give each column one type") from None


def to_wire(df: pd.DataFrame, table: str = "") -> bytes:
    """A table as Arrow IPC bytes: what a worker sends back instead of a pickled DataFrame.

    Unpickling DataFrames with many object values makes the receiving process allocate (and
    garbage-collect) millions of Python objects while workers wait on the pipe; bytes cost
    nothing to receive, and the tables are converted once, after the run, as cached parts are.
    """
    import pyarrow as pa

    arrow = df.arrow if isinstance(df, Pending) else to_arrow(df, "tokenize", table)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, arrow.schema) as writer:
        writer.write_table(arrow)
    return sink.getvalue().to_pybytes()


def from_wire(data: bytes):
    import pyarrow as pa

    return pa.ipc.open_stream(pa.py_buffer(data)).read_all()


def as_arrow(part):
    """A part as an Arrow table: IPC bytes from a worker, a cached file, a pending or a pandas
    table.

    Example:
        >>> as_arrow(pd.DataFrame({"x": [1]})).num_rows
        1
    """
    import pyarrow as pa

    from .store import read_part

    if isinstance(part, bytes):
        return from_wire(part)
    if isinstance(part, Pending):
        return part.arrow
    if isinstance(part, pa.Table):
        return part
    if isinstance(part, pd.DataFrame):
        return pa.Table.from_pandas(part, preserve_index=False)
    return read_part(part)


def as_frame(part) -> pd.DataFrame:
    """A part as the pandas table it was made from (pandas tables as they are).

    Example:
        >>> as_frame(pd.DataFrame({"x": [1]}))["x"].tolist()
        [1]
    """
    if isinstance(part, pd.DataFrame):
        return part
    if isinstance(part, Pending):
        return part.frame()
    return nulls_as_none(as_arrow(part).to_pandas())


def concat(parts: list) -> pd.DataFrame:
    """Arrow parts of one table as one pandas table (converted once).

    Example:
        >>> import pyarrow as pa
        >>> len(concat([pa.table({"x": [1]}), pa.table({"x": [2]})]))
        2
    """
    import pyarrow as pa

    non_empty = [t for t in parts if t.num_rows] or parts[:1]
    meta = non_empty[0].schema.metadata
    table = pa.concat_tables([t.replace_schema_metadata(None) for t in non_empty],
                             promote_options="permissive")
    return nulls_as_none(table.replace_schema_metadata(meta).to_pandas())
