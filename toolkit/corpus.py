"""Read articles from files, folders, globs, lists or DataFrames into a documents table.

Nothing is lost silently: every file, row or line seen gets a row in the load report, either
``loaded`` or ``skipped`` with a reason (empty, binary, undecodable, malformed JSON at line N,
missing text column, exact duplicate of doc X ...). ``strict=True`` raises :class:`CorpusError`
at the first problem, naming the file and line.

Text is decoded robustly (UTF-8, UTF-8 with BOM, UTF-16 with BOM, then cp1252 with a note),
normalised to NFC with ``\\n`` line endings; curly quotes and dashes are kept. After loading,
``documents.text`` never changes again: every annotation offset points into it.
"""
from __future__ import annotations

import codecs
import csv
import glob as globlib
import gzip
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

STANDARD_COLUMNS = ["doc_id", "text", "title", "date", "date_text", "source", "author", "url",
                    "language", "origin"]
REPORT_COLUMNS = ["source", "item", "status", "reason", "doc_id", "note"]

# Which input column fills which standard field, in order of preference (case-insensitive).
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "speech", "transcript", "full_text"),
    "doc_id": ("doc_id", "id", "file", "filename", "uuid", "slug"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "publication_date", "datetime", "timestamp", "year"),
    "source": ("source", "outlet", "publisher", "media", "newspaper"),
    "author": ("author", "byline", "authors"),
    "url": ("url", "link", "href"),
    "language": ("language", "lang"),
}
TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
TABLE_SUFFIXES = {".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".parquet", ".pq"}
HEADER_KEYS = {"title", "date", "source", "url", "author", "language", "id", "outlet"}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,30}):[ \t]*(.*)$")


class CorpusError(ValueError):
    """A problem in the input, raised in strict mode; the message names the file and line."""


@dataclass
class Corpus:
    """The loaded ``documents`` table and the ``report`` (one row per file, row or line seen).

    ``options`` are the analysis options the corpus declares for itself (the bundled sample
    names its fictional-states gazetteer), applied by every entry point unless overridden:
    see :func:`toolkit.datasets.analysis_options`.
    """

    documents: pd.DataFrame
    report: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=REPORT_COLUMNS))
    options: dict = field(default_factory=dict)

    @property
    def n_loaded(self) -> int:
        return int((self.report["status"] == "loaded").sum())

    @property
    def n_skipped(self) -> int:
        return int((self.report["status"] == "skipped").sum())

    def summary(self) -> str:
        """One line: how many documents were loaded and skipped, and why.

        Example:
            >>> load_corpus(pd.DataFrame({"text": ["a", ""]})).summary()
            '1 documents loaded, 1 skipped (empty text: 1)'
        """
        skipped = self.report[self.report["status"] == "skipped"]
        why = skipped["reason"].str.replace(r"(\s+(at|of|in)\b|:).*$", "", regex=True).value_counts()
        detail = ", ".join(f"{k}: {v}" for k, v in why.items())
        line = f"{len(self.documents)} documents loaded, {len(skipped)} skipped"
        notes = int((self.report["note"].fillna("") != "").sum())
        return line + (f" ({detail})" if detail else "") + (f"; {notes} notes" if notes else "")

    def __repr__(self) -> str:
        return f"<Corpus: {self.summary()}>"


# ----------------------------------------------------------------------------- decoding

class _Skip(Exception):
    """Internal: this item is skipped for the reason given."""

    def __init__(self, reason: str, line: int | None = None, item: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.item = item or (f"line {line}" if line else "file")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes to normalised text; return ``(text, note)``.

    Order: BOMs (UTF-8, UTF-16), strict UTF-8, then cp1252 (noted) when the bytes hold no valid
    UTF-8 multi-byte sequence. Binary data and corrupted UTF-8 raise an internal skip.

    Example:
        >>> decode_bytes("Kyiv’s\\r\\n".encode("utf-8"))
        ('Kyiv’s\\n', '')
        >>> decode_bytes("caf\\xe9".encode("cp1252"))
        ('café', 'decoded as cp1252 (not valid UTF-8)')
    """
    note = ""
    if data.startswith(codecs.BOM_UTF8):
        text = _decode_utf8(data[3:])
        note = "UTF-8 with BOM"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _Skip(f"undecodable: invalid UTF-16 at byte {exc.start}") from None
        note = "UTF-16 with BOM"
    else:
        if b"\x00" in data[:8192]:
            raise _Skip("binary file (NUL bytes, not text)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if re.search(rb"[\xc2-\xf4][\x80-\xbf]+", data) and _has_valid_multibyte(data):
                line = data.count(b"\n", 0, exc.start) + 1
                raise _Skip(f"undecodable: invalid UTF-8 at line {line} (byte {exc.start}) in a "
                            "file that is otherwise UTF-8", line) from None
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise _Skip(f"undecodable: neither UTF-8 nor cp1252 (byte {exc.start})") from None
            note = "decoded as cp1252 (not valid UTF-8)"
    if _looks_binary(text):
        raise _Skip("binary file (control characters, not text)")
    return normalize_text(text), note


def _decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise _Skip(f"undecodable: invalid UTF-8 at line {line} (byte {exc.start})", line) from None


def _has_valid_multibyte(data: bytes) -> bool:
    decoded = data.decode("utf-8", errors="replace")
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in decoded)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return ctrl / len(sample) > 0.05


def normalize_text(text: str) -> str:
    """NFC, ``\\n`` line endings, no BOM; quotes and dashes kept as they are.

    Example:
        >>> normalize_text("\\ufeffA\\r\\nB\\rC") == "A\\nB\\nC"
        True
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# ----------------------------------------------------------------------------- records

@dataclass
class _Record:
    fields: dict
    item: str         # "file", "line 12", "row 3"
    line: int | None = None


def _split_header(text: str) -> tuple[dict, str]:
    """Return (metadata, body) for YAML front matter or ``Key: value`` header lines."""
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            try:
                meta = yaml.safe_load(text[4:end])
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                raise _Skip(f"invalid YAML front matter at line {(mark.line + 2) if mark else 1}",
                            (mark.line + 2) if mark else 1) from None
            if isinstance(meta, dict):
                body_start = text.find("\n", end + 4)
                body = "" if body_start == -1 else text[body_start + 1:]
                return {str(k).lower(): v for k, v in meta.items()}, body
    meta, lines, i = {}, text.split("\n"), 0
    while i < len(lines):
        m = _HEADER_LINE.match(lines[i])
        if not m or m.group(1).strip().lower() not in HEADER_KEYS:
            break
        meta[m.group(1).strip().lower()] = m.group(2).strip()
        i += 1
    if meta and (i == len(lines) or lines[i].strip() == ""):
        return meta, "\n".join(lines[i + 1:])
    return {}, text


def _records_from_text(data: bytes, name: str) -> Iterator[_Record]:
    text, note = decode_bytes(data)
    meta, body = _split_header(text)
    fields = dict(meta)
    fields["text"] = body
    fields.setdefault("_stem", name)
    if note:
        fields["_note"] = note
    yield _Record(fields, "file")


def _records_from_jsonl(stream: Iterable[bytes]) -> Iterator[_Record | _Skip]:
    for n, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield _Skip(f"undecodable line {n}: invalid UTF-8 at byte {exc.start}", n)
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _Skip(f"malformed JSON at line {n}: {exc.msg}", n)
            continue
        if not isinstance(obj, dict):
            yield _Skip(f"line {n} is a JSON {type(obj).__name__}, not an object", n)
            continue
        yield _Record(obj, f"line {n}", n)


def _records_from_json(data: bytes) -> Iterator[_Record | _Skip]:
    text, _ = decode_bytes(data)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Skip(f"malformed JSON at line {exc.lineno}: {exc.msg}", exc.lineno) from None
    if isinstance(obj, dict):
        for key in ("documents", "data", "articles", "items", "records"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
        else:
            obj = [obj]
    if not isinstance(obj, list):
        raise _Skip("JSON holds neither an object nor a list of objects")
    for n, item in enumerate(obj, start=1):
        if isinstance(item, dict):
            yield _Record(item, f"item {n}")
        else:
            yield _Skip(f"item {n} is a JSON {type(item).__name__}, not an object", item=f"item {n}")


def _records_from_csv(data: bytes, delimiter: str) -> Iterator[_Record | _Skip]:
    text, _ = decode_bytes(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise _Skip("empty file") from None
    except csv.Error as exc:
        raise _Skip(f"malformed CSV header: {exc}", 1) from None
    width = len(header)
    n_prev = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield _Skip(f"malformed CSV at line {reader.line_num}: {exc}", reader.line_num)
            break
        line = n_prev + 1
        n_prev = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            yield _Skip(f"malformed row at line {line}: {len(row)} fields, header has {width}", line)
            continue
        yield _Record(dict(zip(header, row)), f"line {line}", line)


def _records_from_frame(df: pd.DataFrame, label: str = "row") -> Iterator[_Record]:
    cols = list(df.columns)
    for n, values in enumerate(df.itertuples(index=False, name=None), start=1):
        yield _Record({str(c): v for c, v in zip(cols, values)}, f"{label} {n}", n)


def _open_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise _Skip(f"corrupt gzip file: {exc}") from None
    return data


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _records_from_file(path: Path) -> Iterator[_Record | _Skip]:
    suffix = _inner_suffix(path)
    if suffix in (".jsonl", ".ndjson"):
        if path.suffix.lower() == ".gz":
            try:
                with gzip.open(path, "rb") as fh:
                    lines = list(fh)
            except (OSError, EOFError) as exc:
                yield _Skip(f"corrupt gzip file: {exc}")
                return
            yield from _records_from_jsonl(lines)
        else:
            with path.open("rb") as fh:
                yield from _records_from_jsonl(fh)
        return
    if suffix in (".parquet", ".pq"):
        try:
            df = pd.read_parquet(io.BytesIO(_open_bytes(path)))
        except _Skip:
            raise
        except Exception as exc:  # pyarrow raises several types for damaged files
            raise _Skip(f"unreadable Parquet: {exc}") from None
        yield from _records_from_frame(df)
        return
    data = _open_bytes(path)
    if not data.strip():
        raise _Skip("empty file")
    if suffix in TEXT_SUFFIXES:
        yield from _records_from_text(data, _stem(path))
    elif suffix == ".json":
        yield from _records_from_json(data)
    elif suffix in (".csv", ".tsv"):
        yield from _records_from_csv(data, "\t" if suffix == ".tsv" else ",")
    else:
        raise _Skip(f"unsupported file type {suffix or '(none)'}; supported: "
                    f"{sorted(TEXT_SUFFIXES | TABLE_SUFFIXES)} and .gz of them")


def _stem(path: Path) -> str:
    name = path.name
    for s in reversed(path.suffixes):
        name = name[: -len(s)] if name.endswith(s) else name
    return name or path.name


# ----------------------------------------------------------------------------- fields

def _resolve_columns(available: Iterable[str], columns: Mapping[str, str] | None) -> dict[str, str]:
    """Map standard field -> input column for one table."""
    avail = list(available)
    lower = {c.lower(): c for c in avail}
    out: dict[str, str] = {}
    columns = dict(columns or {})
    for std, col in columns.items():
        if std not in DEFAULT_FIELDS:
            raise ValueError(f"`columns` key = {std!r} is invalid; value must be one of {sorted(DEFAULT_FIELDS)}")
        out[std] = col
    for std, cands in DEFAULT_FIELDS.items():
        if std in out:
            continue
        for cand in cands:
            if cand in lower and lower[cand] not in out.values():
                out[std] = lower[cand]
                break
    return out


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def parse_date(value) -> pd.Timestamp | None:
    """Parse a date to a timezone-aware UTC timestamp, or ``None`` if it cannot be parsed.

    A bare year (``1946``) becomes 1 January of that year; naive times are taken as UTC.

    Example:
        >>> str(parse_date("2024-09-11"))
        '2024-09-11 00:00:00+00:00'
        >>> parse_date("next Tuesday") is None
        True
    """
    if _is_missing(value) or str(value).strip() == "":
        return None
    if isinstance(value, (int, float)) and 1000 <= value <= 2999:
        value = str(int(value))
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s):
        s = f"{s}-01-01"
    try:
        ts = pd.Timestamp(s)
    except (ValueError, TypeError, OverflowError):
        try:
            ts = pd.to_datetime(s, format="mixed", dayfirst=False)
        except (ValueError, TypeError, OverflowError):
            return None
    if pd.isna(ts):
        return None
    return ts.tz_localize("UTC") if ts.tzinfo is None else ts.tz_convert("UTC")


# ----------------------------------------------------------------------------- entry point

def _expand(source) -> Iterator[tuple[str, object]]:
    """Yield ``(label, Path | DataFrame | _Skip)`` for every input item."""
    if isinstance(source, pd.DataFrame):
        yield "<DataFrame>", source
        return
    if isinstance(source, (list, tuple)):
        for item in source:
            yield from _expand(item)
        return
    p = Path(source)
    if p.is_dir():
        for f in sorted(x for x in p.rglob("*") if x.is_file()):
            yield str(f), f
        return
    if p.is_file():
        yield str(p), p
        return
    matches = sorted(globlib.glob(str(source), recursive=True))
    if any(ch in str(source) for ch in "*?[") and matches:
        for m in matches:
            if Path(m).is_file():
                yield m, Path(m)
        return
    yield str(source), _Skip("not found: no such file, folder or matching glob")


def load_corpus(source, *, columns: Mapping[str, str] | None = None, strict: bool = False,
                dedupe: bool = True, progress: bool | None = None) -> Corpus:
    """Load documents from a file, folder (recursive), glob, list of those, or a DataFrame.

    Args:
        source: path, glob pattern, folder, DataFrame, or a list of them. Supported files:
            ``.txt``/``.md`` (optional YAML front matter or ``Title:``/``Date:``/``Source:``/``URL:``
            lines before a blank line), CSV/TSV, JSON (list of objects), JSONL, Parquet, and
            ``.gz`` of any of these.
        columns: standard field -> input column, e.g. ``{"text": "body", "doc_id": "file"}``;
            fields not given are found by common names (see ``DEFAULT_FIELDS``). Other columns
            are kept as extra metadata.
        strict: raise :class:`CorpusError` at the first problem instead of skipping.
        dedupe: skip documents whose text exactly repeats an earlier one.
        progress: show a progress bar over files (default: when there are more than 20).

    Returns:
        A :class:`Corpus` with ``documents`` (``doc_id, text, title, date, date_text, source,
        author, url, language, origin`` + extra columns) and ``report``.

    Example:
        >>> c = load_corpus(pd.DataFrame({"id": [7], "text": ["Moscow warned Kyiv."]}))
        >>> c.documents[["doc_id", "text"]].values.tolist()
        [['7', 'Moscow warned Kyiv.']]
    """
    from tqdm.auto import tqdm

    items = list(_expand(source))
    if progress is None:
        progress = len(items) > 20
    docs: list[dict] = []
    report: list[dict] = []
    seen_text: dict[str, str] = {}
    seen_ids: dict[str, int] = {}

    def problem(label: str, item: str, reason: str, line: int | None = None, doc_id: str = ""):
        if strict:
            where = f" line {line}" if line else (f" {item}" if item not in ("file", "") else "")
            raise CorpusError(f"{label}{where}: {reason}")
        report.append({"source": label, "item": item, "status": "skipped", "reason": reason,
                       "doc_id": doc_id, "note": ""})

    for label, obj in tqdm(items, desc="loading", unit="file", disable=not progress):
        if isinstance(obj, _Skip):
            problem(label, "file", obj.reason)
            continue
        if isinstance(obj, Path) and obj.name.startswith("."):
            problem(label, "file", "hidden file (name starts with '.')")
            continue
        try:
            records = obj if isinstance(obj, pd.DataFrame) else None
            stream = _records_from_frame(records) if records is not None else _records_from_file(obj)
            mappings: dict[tuple, dict[str, str]] = {}  # records may differ in keys (JSON)
            n_seen = 0
            for rec in stream:
                n_seen += 1
                if isinstance(rec, _Skip):
                    problem(label, rec.item, rec.reason, rec.line)
                    continue
                keys = tuple(rec.fields)
                mapping = mappings.get(keys)
                if mapping is None:
                    mapping = mappings[keys] = _resolve_columns(keys, columns)
                if "text" not in mapping or mapping["text"] not in rec.fields:
                    cols = [c for c in rec.fields if not c.startswith("_")]
                    why = (f"missing text column: columns are {cols}; pass "
                           "columns={'text': '<name>'}")
                    tabular = isinstance(obj, pd.DataFrame) or _inner_suffix(obj) in (
                        ".csv", ".tsv", ".parquet", ".pq")
                    if tabular:  # one header for all rows: skip the whole table once
                        raise _Skip(why)
                    problem(label, rec.item, why, rec.line)
                    continue
                doc = _make_doc(rec, mapping, label)
                text = doc["text"]
                if not isinstance(text, str) or not text.strip():
                    problem(label, rec.item, "empty text", rec.line)
                    continue
                digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
                if dedupe and digest in seen_text:
                    problem(label, rec.item, f"exact duplicate of doc {seen_text[digest]}", rec.line,
                            doc["doc_id"])
                    continue
                note = doc.pop("_note", "")
                base = doc["doc_id"]
                if base in seen_ids:
                    seen_ids[base] += 1
                    doc["doc_id"] = f"{base}#{seen_ids[base]}"
                    note = "; ".join(filter(None, [note, f"duplicate id {base!r} renamed to {doc['doc_id']!r}"]))
                    if strict:
                        raise CorpusError(f"{label} {rec.item}: duplicate document id {base!r}")
                seen_ids.setdefault(doc["doc_id"], 1)
                seen_text[digest] = doc["doc_id"]
                if doc["date_text"] and doc["date"] is None:
                    note = "; ".join(filter(None, [note, f"unparseable date {doc['date_text']!r} kept as text"]))
                docs.append(doc)
                report.append({"source": label, "item": rec.item, "status": "loaded", "reason": "",
                               "doc_id": doc["doc_id"], "note": note})
            if n_seen == 0:
                problem(label, "file", "no documents in file")
        except _Skip as skip:
            problem(label, "file", skip.reason, skip.line)  # the whole file; the reason names the line
        except OSError as exc:
            problem(label, "file", f"unreadable: {exc.strerror or exc}")
    return Corpus(documents=_documents_frame(docs), report=pd.DataFrame(report, columns=REPORT_COLUMNS))


def _make_doc(rec: _Record, mapping: dict[str, str], label: str) -> dict:
    f = rec.fields
    used = set(mapping.values())
    doc: dict = {}
    for std in DEFAULT_FIELDS:
        col = mapping.get(std)
        val = f.get(col) if col else None
        doc[std] = None if _is_missing(val) else val
    text = doc["text"]
    if isinstance(text, bytes):
        text, _ = decode_bytes(text)
    if isinstance(text, str):
        text = normalize_text(text)
    doc["text"] = text
    stem = f.get("_stem")
    if doc["doc_id"] is None:
        doc["doc_id"] = stem if stem and rec.item == "file" else f"{stem or Path(label).stem}:{rec.item.split()[-1]}" \
            if label != "<DataFrame>" else f"row{rec.item.split()[-1]}"
    doc["doc_id"] = str(doc["doc_id"])
    if mapping.get("doc_id", "").lower() == "file":
        doc["doc_id"] = _stem(Path(doc["doc_id"]))
    raw_date = doc.pop("date")
    doc["date_text"] = "" if raw_date is None else str(raw_date)
    doc["date"] = parse_date(raw_date)
    for k in ("title", "source", "author", "url", "language"):
        if doc[k] is not None and not isinstance(doc[k], str):
            doc[k] = ", ".join(map(str, doc[k])) if isinstance(doc[k], list) else str(doc[k])
    doc["origin"] = label if rec.item == "file" else f"{label}:{rec.item}"
    for k, v in f.items():
        if k.startswith("_"):
            continue
        if (k not in used or k.lower() == "year") and k.lower() not in STANDARD_COLUMNS:
            doc[k] = v
    if "_note" in f:
        doc["_note"] = f["_note"]
    return doc


def _documents_frame(docs: list[dict]) -> pd.DataFrame:
    df = pd.DataFrame(docs)
    if df.empty:
        df = pd.DataFrame(columns=STANDARD_COLUMNS)
    for c in STANDARD_COLUMNS:
        if c not in df:
            df[c] = None
    extra = [c for c in df.columns if c not in STANDARD_COLUMNS]
    df = df[STANDARD_COLUMNS + extra]
    df["date"] = pd.to_datetime(df["date"], utc=True)
    df["doc_id"] = df["doc_id"].astype(str)
    return df.reset_index(drop=True)
