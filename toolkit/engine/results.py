"""What :func:`toolkit.analyze` returns: an :class:`Analysis`, its tables by name, held as
Arrow parts until first used (in memory) or read from ``DIR/<table>.parquet`` (streamed)."""
from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..annotator import TOKENIZE_OUTPUTS
from ..cells import restore_frame, safe_frame
from ..schemas import write_parquet
from .transport import concat, nulls_as_none

FORMATS = ("parquet", "csv")


class ParquetTables(Mapping):
    """Tables of a streamed analysis: read from ``DIR/<table>.parquet`` when asked for."""

    def __init__(self, folder: Path, names: Sequence[str]):
        self.folder = Path(folder)
        self.names = list(names)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.names:
            raise KeyError(name)
        df = pd.read_parquet(self.folder / f"{name}.parquet")
        return df if name in TOKENIZE_OUTPUTS else nulls_as_none(df)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def n_rows(self, name: str) -> int:
        import pyarrow.parquet as pq

        return pq.ParquetFile(self.folder / f"{name}.parquet").metadata.num_rows


class ArrowTables(MutableMapping):
    """Tables of an in-memory analysis: each held as Arrow parts until first asked for, then
    converted to pandas once (a cached re-run returns without converting tables it never uses).
    Assigning a DataFrame adds or replaces a table."""

    def __init__(self, tables: Mapping[str, object]):
        self._tables = dict(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        value = self._tables[name]
        if isinstance(value, ArrowParts):
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
        return value.num_rows if isinstance(value, ArrowParts) else len(value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self._tables)})"


class ArrowParts:
    """The per-chunk Arrow parts of one table, concatenated and converted when needed."""

    __slots__ = ("parts",)

    def __init__(self, parts: list):
        self.parts = parts

    @property
    def num_rows(self) -> int:
        return sum(t.num_rows for t in self.parts)

    def frame(self) -> pd.DataFrame:
        return concat(self.parts) if self.parts else pd.DataFrame()


@dataclass
class Analysis:
    """The tables of one analysis, by name, plus metadata about the run.

    After ``analyze(..., out=DIR)`` the tables live in ``DIR`` and are read when accessed.

    Example:
        >>> from toolkit import analyze
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
        if isinstance(self.tables, (ParquetTables, ArrowTables)):
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
            >>> from toolkit import analyze
            >>> a = analyze(pd.DataFrame({"text": ["Kyiv replied."]}), annotators=[], cache=False)
            >>> sorted(p.name for p in a.save(tempfile.mkdtemp()))[:2]
            ['analysis.json', 'documents.parquet']
        """
        if format not in FORMATS:
            raise ValueError(f"`format` value = {format!r} is invalid; value must be one of {list(FORMATS)}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        same_place = isinstance(self.tables, ParquetTables) and \
            self.tables.folder.resolve() == out.resolve() and format == "parquet"
        for name in self.tables:
            path = out / f"{name}.{format}"
            if not same_place:
                df = self.tables[name]
                if format == "parquet":
                    write_parquet(name, df, path)
                else:   # text cells never become spreadsheet formulas (toolkit.cells)
                    safe_frame(df).to_csv(path, index=False)
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
            >>> from toolkit import analyze
            >>> d = tempfile.mkdtemp()
            >>> _ = analyze(pd.DataFrame({"text": ["Kyiv replied."]}), annotators=[], cache=False).save(d)
            >>> len(Analysis.load(d)["tokens"])
            3
        """
        out = Path(out_dir)
        tables: dict[str, pd.DataFrame] = {}
        for path in sorted(out.glob("*.parquet")):
            df = pd.read_parquet(path)
            tables[path.stem] = df if path.stem in TOKENIZE_OUTPUTS else nulls_as_none(df)
        for path in sorted(out.glob("*.csv")):
            if path.stem not in tables:
                tables[path.stem] = restore_frame(pd.read_csv(path, keep_default_na=False, na_values=[""]))
        if "documents" not in tables:
            raise FileNotFoundError(f"{out}: no documents.parquet or documents.csv; is this an analysis folder?")
        meta_path = out / "analysis.json"
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        return cls(tables=tables, meta=meta)
