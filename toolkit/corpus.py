"""Read articles from files, folders, globs, lists or DataFrames into a documents table.

Nothing is lost silently: every file, row or line seen gets a row in the load report, either
``loaded`` or ``skipped`` with a reason (empty, binary, undecodable, malformed JSON at line N,
missing text column, exact duplicate of doc X ...), and one bad item never costs the good ones.
``strict=True`` raises :class:`CorpusError` at the first problem, naming the file and line.

Text is decoded robustly (UTF-8, UTF-8 with BOM, UTF-16 with BOM, UTF-16 without BOM guessed
from its NUL bytes, then cp1252 with a note), normalised to NFC with ``\\n`` line endings; curly
quotes and dashes are kept. After loading, ``documents.text`` never changes again: every
annotation offset points into it. Lone surrogates (``"\\ud800"`` in JSON) become U+FFFD, and a
file name that is not valid UTF-8 is shown with ``\\x`` escapes, each with a note.

Folders are read recursively in name order. Symbolic links are followed (a link back to a
folder being read is reported as a loop); a dangling link, an unreadable folder, a hidden folder
(``.git``, ``.ipynb_checkpoints``; also where a ``**`` glob passes over one) and the output folder of an earlier run (``analysis.json``
beside ``load_report.*``, ``tokens.*`` beside ``sentences.*``, or a report's ``run.json`` beside
``index.html``) each get one ``skipped`` row and are not read, so ``--out`` inside the input
folder is never read back.

Limits (bounded memory per file; each exceeded limit is a ``skipped`` row saying which):
    ``TOOLKIT_MAX_DOC_MB`` (default 50): the largest document, in MB of UTF-8 text; a JSONL line
        may be 4 times that (escapes). Argument ``max_doc_mb``.
    ``TOOLKIT_MAX_INPUT_MB`` (default 1024): the most a file read whole (CSV, TSV, JSON,
        Parquet) may hold, and the most any ``.gz`` file may decompress to. Compressed input is
        read in 1 MB pieces, so a "zip bomb" stops at the limit. Argument ``max_input_mb``.
"""
from __future__ import annotations

import codecs
import csv
import glob as globlib
import gzip
import hashlib
import io
import itertools
import json
import os
import re
import unicodedata
import zlib
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
MAX_DOC_ENV, MAX_INPUT_ENV = "TOOLKIT_MAX_DOC_MB", "TOOLKIT_MAX_INPUT_MB"
DEFAULT_MAX_DOC_MB, DEFAULT_MAX_INPUT_MB = 50, 1024
_MB = 1 << 20
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# A JSON escape of a UTF-16 surrogate: only a line holding one can give a lone surrogate.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
# Files that together mark an earlier run's output: ``analyze --out`` and ``report --out``.
# Tables are written chunk by chunk, so an interrupted run is recognised by them too.
_OUTPUT_MARKERS = (("analysis.json", "load_report.parquet"), ("analysis.json", "load_report.csv"),
                   ("sentences.parquet", "tokens.parquet"), ("sentences.csv", "tokens.csv"),
                   ("run.json", "index.html"))


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
        detail = _reason_counts(skipped["reason"])
        line = f"{len(self.documents)} documents loaded, {len(skipped)} skipped"
        notes = int((self.report["note"].fillna("") != "").sum())
        return line + (f" ({detail})" if detail else "") + (f"; {notes} notes" if notes else "")

    def __repr__(self) -> str:
        return f"<Corpus: {self.summary()}>"


def _reason_counts(reasons: pd.Series) -> str:
    why = reasons.str.replace(r"(\s+(at|of|in)\b|:).*$", "", regex=True).value_counts()
    return ", ".join(f"{k}: {v}" for k, v in why.items())


@dataclass(frozen=True)
class Limits:
    """Size limits in bytes: the largest document, and the most a file may hold when read
    whole or decompressed (see the module docstring).

    Example:
        >>> Limits.resolve(max_doc_mb=2).doc_bytes
        2097152
    """

    doc_bytes: int
    input_bytes: int

    @classmethod
    def resolve(cls, max_doc_mb: float | None = None, max_input_mb: float | None = None) -> Limits:
        """The limits given, else those of the environment variables, else the defaults.

        Raises:
            ValueError: a limit is not a positive number.
        """
        return cls(_megabytes("max_doc_mb", max_doc_mb, MAX_DOC_ENV, DEFAULT_MAX_DOC_MB),
                   _megabytes("max_input_mb", max_input_mb, MAX_INPUT_ENV, DEFAULT_MAX_INPUT_MB))


def _megabytes(name: str, value, env: str, default: float) -> int:
    if value is None and os.environ.get(env, "").strip():
        name, value = env, os.environ[env].strip()
    try:
        mb = float(default if value is None else value)
    except (TypeError, ValueError):
        mb = -1.0
    if not mb > 0 or mb == float("inf"):
        raise ValueError(f"`{name}` value = {value!r} is invalid; value must be a positive number "
                         "of megabytes")
    return max(1, int(mb * _MB))


def _mb(n: int) -> str:
    return f"{n / _MB:,.1f} MB" if n >= _MB // 10 else f"{n:,} bytes"


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

    Order: BOMs (UTF-8, UTF-16), UTF-16 without a BOM when NUL bytes sit at every other
    position (noted), strict UTF-8, then cp1252 (noted) when the bytes hold no valid UTF-8
    multi-byte sequence. Binary data and corrupted UTF-8 raise an internal skip.

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
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _Skip(f"undecodable: invalid UTF-16 at byte {exc.start}") from None
        note = "UTF-16 with BOM"
    elif b"\x00" in data[:8192]:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise _Skip("binary file (NUL bytes, not text)")
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise _Skip(f"undecodable: looks like {codec.upper()} without byte-order mark (NUL "
                        f"bytes at every other position) but is invalid at byte {exc.start}") from None
        note = f"{codec.upper()} without byte-order mark (guessed from its NUL bytes)"
    else:
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


def _utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NUL bytes sit at every other position, as UTF-16
    puts them in the spaces, digits and Latin letters of any script; else ``None`` (binary)."""
    sample = data[:8192]
    half = len(sample) // 2
    even, odd = sample[0:2 * half:2].count(0), sample[1:2 * half:2].count(0)
    if half and max(even, odd) >= 0.1 * half and min(even, odd) <= 0.02 * half:
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


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

@dataclass(slots=True)
class _Record:
    fields: dict
    item: str         # "file", "line 12", "row 3"
    line: int | None = None
    note: str = ""
    stem: str | None = None   # a text file's name, its document id when it has none


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
            except RecursionError:
                raise _Skip("invalid YAML front matter: nested too deeply", 2) from None
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
    yield _Record(fields, "file", note=note, stem=name)


def _scrub(value):
    """``(value, changed)``: lone surrogates in strings (also in keys and nested values) replaced
    by U+FFFD, as no UTF-8 file or table can hold them; ``value`` itself when nothing changed."""
    if isinstance(value, str):
        if value.isascii() or not _LONE_SURROGATE.search(value):
            return value, False
        return _LONE_SURROGATE.sub("\ufffd", value), True
    if isinstance(value, dict):
        pairs = [(_scrub(k), _scrub(v)) for k, v in value.items()]
        changed = any(a or b for (_, a), (_, b) in pairs)
        return ({k: v for (k, _), (v, _) in pairs} if changed else value), changed
    if isinstance(value, list):
        items = [_scrub(v) for v in value]
        changed = any(c for _, c in items)
        return ([v for v, _ in items] if changed else value), changed
    return value, False


_SURROGATE_NOTE = "lone surrogate escape(s) such as \\ud800 replaced by U+FFFD"
_DEEP = "JSON nested too deeply (deeper than Python's recursion limit)"


def _json_record(raw: bytes, n: int) -> _Record | _Skip | None:
    """One JSONL line as a record (``None`` for a blank line)."""
    if not raw.strip():
        return None
    try:
        line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return _Skip(f"undecodable line {n}: invalid UTF-8 at byte {exc.start}", n)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Skip(f"malformed JSON at line {n}: {exc.msg}", n)
    except RecursionError:
        return _Skip(f"{_DEEP} at line {n}", n)
    except ValueError as exc:   # e.g. an integer of more than 4,300 digits
        return _Skip(f"unreadable JSON at line {n}: {exc}", n)
    if not isinstance(obj, dict):
        return _Skip(f"line {n} is a JSON {type(obj).__name__}, not an object", n)
    changed = False
    if _SURROGATE_ESCAPE.search(raw):
        obj, changed = _scrub(obj)
    return _Record(obj, f"line {n}", n, note=_SURROGATE_NOTE if changed else "")


def _records_from_jsonl(path: Path, limits: Limits) -> Iterator[_Record | _Skip]:
    """Stream a JSONL(.gz) file line by line: memory stays within one line (at most 4 times the
    document limit); a truncated ``.gz`` keeps the lines before the damage."""
    gz = path.suffix.lower() == ".gz"
    line_limit, total, n = 4 * limits.doc_bytes, 0, 0
    with (gzip.open(path, "rb") if gz else path.open("rb")) as fh:
        while True:
            too_long = False
            try:
                raw = fh.readline(line_limit + 1)
                too_long = len(raw) > line_limit and not raw.endswith(b"\n")
                while too_long and raw and not raw.endswith(b"\n") and (not gz or total <= limits.input_bytes):
                    total += len(raw)   # the rest of the line is read and dropped, 1 MB at a time
                    raw = fh.readline(_MB)
            except (EOFError, OSError, zlib.error) as exc:
                if n == 0 and gz:
                    yield _Skip(f"corrupt gzip file: {exc}")
                else:
                    yield _Skip(f"truncated or damaged {'gzip ' if gz else ''}file: the data ends "
                                f"inside line {n + 1} ({exc}); the lines before it are read", n + 1)
                return
            if not raw and not too_long:
                return
            n += 1
            total += len(raw)
            if too_long:
                yield _Skip(f"line {n} is longer than {_mb(line_limit)} (4 x {MAX_DOC_ENV}); not read", n)
            if gz and total > limits.input_bytes:
                yield _Skip(f"decompresses to more than {_mb(limits.input_bytes)} ({MAX_INPUT_ENV}); "
                            f"lines from {n + too_long} on not read", n + too_long)
                return
            if too_long:
                continue
            rec = _json_record(raw, n)
            if rec is not None:
                yield rec


def _records_from_json(data: bytes) -> Iterator[_Record | _Skip]:
    text, _ = decode_bytes(data)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Skip(f"malformed JSON at line {exc.lineno}: {exc.msg}", exc.lineno) from None
    except RecursionError:
        raise _Skip(_DEEP) from None
    except ValueError as exc:
        raise _Skip(f"unreadable JSON: {exc}") from None
    if isinstance(obj, dict):
        for key in ("documents", "data", "articles", "items", "records"):
            if isinstance(obj.get(key), list):
                obj = obj[key]
                break
        else:
            obj = [obj]
    if not isinstance(obj, list):
        raise _Skip("JSON holds neither an object nor a list of objects")
    check = _SURROGATE_ESCAPE.search(data) is not None
    for n, item in enumerate(obj, start=1):
        if isinstance(item, dict):
            item, changed = _scrub(item) if check else (item, False)
            yield _Record(item, f"item {n}", note=_SURROGATE_NOTE if changed else "")
        else:
            yield _Skip(f"item {n} is a JSON {type(item).__name__}, not an object", item=f"item {n}")


class _Lines:
    """The physical lines a ``csv.reader`` reads, those of the current record remembered, so
    that a record an unbalanced quote ran on with can be read again from its second line."""

    def __init__(self, text: str):
        self._it: Iterator[str] = iter(io.StringIO(text, newline=""))
        self.pending: list[str] = []
        self.number = 0   # physical lines read so far

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._it)
        self.pending.append(line)
        self.number += 1
        return line

    def again(self, lines: list[str]) -> None:
        self._it = itertools.chain(lines, self._it)
        self.number -= len(lines)
        self.pending = []


def _records_from_csv(data: bytes, delimiter: str, limits: Limits) -> Iterator[_Record | _Skip]:
    text, _ = decode_bytes(data)
    # A document is one field; the default limit (128 KB) would stop a table of long speeches.
    if csv.field_size_limit() < min(limits.input_bytes, 2**31 - 1):
        csv.field_size_limit(min(limits.input_bytes, 2**31 - 1))
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise _Skip("empty file") from None
    except csv.Error as exc:
        raise _Skip(f"malformed CSV header: {exc}", 1) from None
    if len(lines.pending) > 1 and _unbalanced(lines.pending, delimiter):
        raise _Skip(f"malformed CSV header: an unbalanced quote at line 1 runs on over lines "
                    f"1-{lines.number}", 1)
    width = len(header)
    lines.pending = []
    while True:
        line = lines.number + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield _Skip(f"malformed CSV at line {line}: {exc}", line)
            lines.again(lines.pending[1:])
            reader = csv.reader(lines, delimiter=delimiter)
            continue
        if len(lines.pending) > 1 and _unbalanced(lines.pending, delimiter):
            yield _Skip(f"unbalanced quote at line {line}: the field runs on over lines "
                        f"{line}-{lines.number}, which are read again as rows", line)
            lines.again(lines.pending[1:])
            reader = csv.reader(lines, delimiter=delimiter)
            continue
        lines.pending = []
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            yield _Skip(f"malformed row at line {line}: {len(row)} fields, header has {width}", line)
            continue
        yield _Record(dict(zip(header, row)), f"line {line}", line)


def _unbalanced(record_lines: list[str], delimiter: str) -> bool:
    """Whether a record over several lines holds a quote that does not close where CSV says a
    quoted field ends (before a delimiter or line end): a legitimate multi-line field does."""
    try:
        list(csv.reader(record_lines, delimiter=delimiter, strict=True))
    except csv.Error:
        return True
    return False


def _records_from_frame(df: pd.DataFrame, label: str = "row") -> Iterator[_Record]:
    cols = [_scrub(str(c))[0] for c in df.columns]
    for n, values in enumerate(df.itertuples(index=False, name=None), start=1):
        yield _Record(dict(zip(cols, values)), f"{label} {n}", n)


def _read_limited(path: Path, limit: int, what: str) -> tuple[bytes | bytearray, str]:
    """The file's bytes (decompressed for ``.gz``, in 1 MB pieces, never more than ``limit``)
    and, for a ``.gz`` whose data ends early, a reason saying so."""
    env = MAX_DOC_ENV if what == "document" else MAX_INPUT_ENV
    if path.suffix.lower() != ".gz":
        size = path.stat().st_size
        if size > limit:
            raise _Skip(f"{what} too large: {_mb(size)}, more than the limit of {_mb(limit)} ({env})")
        return path.read_bytes(), ""
    data = bytearray()
    try:
        with gzip.open(path, "rb") as fh:
            while chunk := fh.read1(_MB):
                data += chunk
                if len(data) > limit:
                    raise _Skip(f"{what} too large: decompresses to more than the limit of "
                                f"{_mb(limit)} ({env})")
    except (EOFError, OSError, zlib.error) as exc:
        if not data:
            raise _Skip(f"corrupt gzip file: {exc}") from None
        return data, f"truncated or damaged gzip file: the data ends after {_mb(len(data))} ({exc})"
    return data, ""   # a bytearray: no second copy of up to ``limit`` bytes


def _inner_suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _records_from_parquet(path: Path, limits: Limits) -> Iterator[_Record]:
    import pyarrow.parquet as pq

    try:
        if path.suffix.lower() == ".gz":
            df = pd.read_parquet(io.BytesIO(_read_limited(path, limits.input_bytes, "file")[0]))
        else:
            meta = pq.ParquetFile(path).metadata
            size = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
            if size > limits.input_bytes:
                raise _Skip(f"file too large: {_mb(size)} uncompressed, more than the limit of "
                            f"{_mb(limits.input_bytes)} ({MAX_INPUT_ENV})")
            df = pd.read_parquet(path)
    except (_Skip, OSError):
        raise
    except Exception as exc:  # pyarrow raises several types for damaged files
        raise _Skip(f"unreadable Parquet: {exc}") from None
    yield from _records_from_frame(df)


def _records_from_file(path: Path, limits: Limits) -> Iterator[_Record | _Skip]:
    suffix = _inner_suffix(path)
    if suffix in (".jsonl", ".ndjson"):
        yield from _records_from_jsonl(path, limits)
        return
    if suffix in (".parquet", ".pq"):
        yield from _records_from_parquet(path, limits)
        return
    if suffix not in TEXT_SUFFIXES | {".json", ".csv", ".tsv"}:
        raise _Skip(f"unsupported file type {suffix or '(none)'}; supported: "
                    f"{sorted(TEXT_SUFFIXES | TABLE_SUFFIXES)} and .gz of them")
    text_file = suffix in TEXT_SUFFIXES
    data, cut = _read_limited(path, limits.doc_bytes if text_file else limits.input_bytes,
                              "document" if text_file else "file")
    if cut and suffix not in (".csv", ".tsv"):
        raise _Skip(cut + "; an incomplete " + ("document" if text_file else "JSON file") + " is not loaded")
    if cut:   # rows before the damage are kept; the last, partial line is not
        data = data[:data.rfind(b"\n") + 1]
    if not data.strip():
        raise _Skip(cut or "empty file")
    if text_file:
        yield from _records_from_text(data, _stem(path))
    elif suffix == ".json":
        yield from _records_from_json(data)
    else:
        yield from _records_from_csv(data, "\t" if suffix == ".tsv" else ",", limits)
        if cut:
            n = data.count(b"\n") + 1
            yield _Skip(f"{cut}; rows from line {n} on are lost", n)


def _stem(path: Path) -> str:
    name = path.name
    for s in reversed(path.suffixes):
        name = name.removesuffix(s)
    return _display(name or path.name)


def _display(name: str | Path) -> str:
    """A path as text that any file can hold: a name that is not valid UTF-8 (which Python
    keeps as lone surrogates) shows its bad bytes as ``\\xNN``."""
    name = str(name)
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


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


# ----------------------------------------------------------------------------- finding files

class _Unread(type(Path())):
    """A path found but not read (a hidden folder, a dangling link ...), with the reason.

    Given back to :func:`load_corpus`, as the pipeline gives back the paths of a batch, it
    gives the same report row: a skipped folder is never read on the second pass."""

    reason = ""
    item = "file"


def _unread(path, reason: str, item: str = "file") -> _Unread:
    p = _Unread(path)
    p.reason, p.item = reason, item
    return p


def _entries(folder: Path) -> Iterator:
    try:
        with os.scandir(folder) as it:
            return iter(sorted(it, key=lambda e: e.name))
    except OSError as exc:
        return iter([_unread(folder, f"unreadable folder: {exc.strerror or exc}", "folder")])


def _special(path: Path) -> _Unread:
    """What a path that is neither a file nor a folder is: a dangling link, a pipe ..."""
    if os.path.islink(path):
        try:
            target = _display(os.readlink(path))
        except OSError:
            target = "?"
        return _unread(path, f"dangling symbolic link (to {target}, which does not exist or loops)", "link")
    return _unread(path, "not a regular file (a pipe, socket or device)")


def _walk(root: Path) -> Iterator[tuple[str, Path]]:
    """Every file under ``root`` in the order of ``sorted(root.rglob("*"))``, following links to
    folders, and an :class:`_Unread` for every path not read. Iterative: any depth is fine."""
    top = os.path.realpath(root)
    frames = [(_entries(root), top, frozenset({top}))]
    while frames:
        entries, real, seen = frames[-1]
        e = next(entries, None)
        if e is None:
            frames.pop()
            continue
        if isinstance(e, _Unread):
            yield _display(e), e
            continue
        path = Path(e.path)
        label = _display(path)
        try:
            is_link, is_dir, is_file = e.is_symlink(), e.is_dir(), e.is_file()
        except OSError as exc:
            yield label, _unread(path, f"unreadable: {exc.strerror or exc}")
            continue
        if e.name.startswith("."):
            yield label, (_unread(path, "hidden folder (name starts with '.'): not read", "folder") if is_dir
                          else _unread(path, "hidden file (name starts with '.')"))
        elif is_dir:
            sub = os.path.realpath(path) if is_link else os.path.join(real, e.name)
            if sub in seen:
                yield label, _unread(path, f"symbolic link loop: leads back to {_display(sub)}, which "
                                           "is being read", "link")
            elif any(all(os.path.exists(os.path.join(path, m)) for m in ms) for ms in _OUTPUT_MARKERS):
                yield label, _unread(path, "output folder of an earlier analyze or report run "
                                           "(holds its tables or run.json): not read", "folder")
            else:
                frames.append((_entries(path), sub, seen | {sub}))
        elif is_file:
            yield label, path
        else:
            yield label, _special(path)


def _hidden_matches(pattern: str, matches: list[str]) -> Iterator[tuple[str, _Unread]]:
    """One row per hidden file or folder that ``**`` passed over: Python's glob skips names
    starting with '.' (as a folder walk does), and a skip is reported, never silent."""
    shown, literal = set(matches), set(Path(pattern).parts)
    tops: dict[Path, bool] = {}
    for m in globlib.iglob(pattern, recursive=True, include_hidden=True):
        if m in shown:
            continue
        parts = Path(m).parts
        k = next((i for i, part in enumerate(parts) if part.startswith(".") and part not in literal
                  and part not in (".", "..")), None)
        if k is not None:
            top = Path(*parts[:k + 1])
            tops[top] = tops.get(top, False) or k + 1 < len(parts) or top.is_dir()
    for top in sorted(tops):
        yield _display(top), (_unread(top, "hidden folder (name starts with '.'): not read", "folder")
                              if tops[top] else _unread(top, "hidden file (name starts with '.')"))


def _expand(source) -> Iterator[tuple[str, object]]:
    """Yield ``(label, Path | DataFrame | _Skip)`` for every input item; what is found but not
    read is an :class:`_Unread` path."""
    if isinstance(source, pd.DataFrame):
        yield "<DataFrame>", source
        return
    if isinstance(source, (list, tuple)):
        for item in source:
            yield from _expand(item)
        return
    if isinstance(source, _Unread):
        yield _display(source), source
        return
    p = Path(source)
    if p.is_dir():
        yield from _walk(p)
        return
    if p.is_file():
        yield _display(p), p
        return
    pattern = str(source)
    matches = sorted(globlib.glob(pattern, recursive=True)) if any(c in pattern for c in "*?[") else []
    for m in matches:
        mp = Path(m)
        if mp.is_file():
            yield _display(mp), mp
        elif not mp.is_dir():
            yield _display(mp), _special(mp)
        elif "**" not in pattern:   # with ** the folder's files match too
            yield _display(mp), _unread(mp, "folder matched by the pattern: not read (give the folder, "
                                            "or a pattern ending in /**/*, to read its files)", "folder")
    hidden = list(_hidden_matches(pattern, matches)) if "**" in pattern else []
    yield from hidden
    if matches or hidden:
        return
    if os.path.lexists(p):
        yield _display(p), _special(p)
        return
    yield _display(pattern), _Skip("not found: no such file, folder or matching glob")


# ----------------------------------------------------------------------------- loading

class _Loader:
    """Turns input items into documents and report rows. It remembers the texts and ids it has
    seen, so that duplicates are found across several batches as within one."""

    def __init__(self, *, columns: Mapping[str, str] | None, strict: bool, dedupe: bool,
                 limits: Limits):
        self.columns, self.strict, self.dedupe, self.limits = columns, strict, dedupe, limits
        self.docs: list[dict] = []
        self.report: list[dict] = []
        self.seen_text: dict[str, str] = {}
        self.seen_ids: dict[str, int] = {}

    def problem(self, label: str, item: str, reason: str, line: int | None = None, doc_id: str = ""):
        if self.strict:
            where = f" line {line}" if line else (f" {item}" if item not in ("file", "") else "")
            raise CorpusError(f"{label}{where}: {reason}")
        self.report.append({"source": label, "item": item, "status": "skipped", "reason": reason,
                            "doc_id": doc_id, "note": ""})

    def take(self) -> Corpus:
        """The documents and report rows since the last call (the memory of duplicates stays)."""
        corpus = Corpus(documents=_documents_frame(self.docs),
                        report=pd.DataFrame(self.report, columns=REPORT_COLUMNS))
        self.docs, self.report = [], []
        return corpus

    def add(self, label: str, obj, *, stop_after: int | None = None) -> int:
        """Load one item (a file, a DataFrame or a skip); return how many documents it gave."""
        if isinstance(obj, (_Unread, _Skip)):
            self.problem(label, getattr(obj, "item", "file"), obj.reason)
            return 0
        if isinstance(obj, Path) and obj.name.startswith("."):
            self.problem(label, "file", "hidden file (name starts with '.')")
            return 0
        frame = isinstance(obj, pd.DataFrame)
        name_note = "" if frame or label == str(obj) else "file name is not valid UTF-8 (shown with \\x escapes)"
        loaded = seen = 0
        stream = _records_from_frame(obj) if frame else _records_from_file(obj, self.limits)
        try:
            mappings: dict[tuple, dict[str, str]] = {}  # records may differ in keys (JSON)
            for rec in stream:
                seen += 1
                if isinstance(rec, _Skip):
                    self.problem(label, rec.item, rec.reason, rec.line)
                elif self._record(label, obj, rec, mappings, name_note):
                    loaded += 1
                    if stop_after is not None and loaded >= stop_after:
                        return loaded
            if seen == 0:
                self.problem(label, "file", "no documents in file")
        except CorpusError:
            raise
        except _Skip as skip:
            self.problem(label, "file", skip.reason, skip.line)  # the whole file; the reason names the line
        except OSError as exc:
            self.problem(label, "file", f"unreadable: {exc.strerror or exc}")
        except RecursionError:
            self.problem(label, "file", f"nested too deeply to read (after {seen} records)")
        except Exception as exc:  # noqa: BLE001 - one bad file never costs the others
            self.problem(label, "file", f"could not be read ({type(exc).__name__}: {exc})")
        finally:
            stream.close()
        return loaded

    def _record(self, label: str, obj, rec: _Record, mappings: dict, name_note: str) -> bool:
        keys = tuple(rec.fields)
        mapping = mappings.get(keys)
        if mapping is None:
            mapping = mappings[keys] = _resolve_columns(keys, self.columns)
        if "text" not in mapping or mapping["text"] not in rec.fields:
            asked = f" {self.columns['text']!r}" if self.columns and "text" in self.columns else ""
            why = (f"missing text column{asked}: columns are {list(rec.fields)}; pass "
                   "columns={'text': '<name>'} (--text-col)")
            if isinstance(obj, pd.DataFrame) or _inner_suffix(obj) in (".csv", ".tsv", ".parquet", ".pq"):
                raise _Skip(why)  # one header for all rows: skip the whole table once
            self.problem(label, rec.item, why, rec.line)
            return False
        doc = _make_doc(rec, mapping, label)
        text = doc["text"]
        if not isinstance(text, str) or not text.strip():
            kind = "empty text" if text is None or isinstance(text, str) else \
                f"text is not a string ({type(text).__name__})"
            self.problem(label, rec.item, kind, rec.line)
            return False
        note = _also(name_note, rec.note) if name_note else rec.note
        if isinstance(obj, pd.DataFrame) and _scrub_fields(doc):
            note = _also(note, _SURROGATE_NOTE)
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError:   # a lone surrogate in a text built in Python
            doc["text"] = text = _LONE_SURROGATE.sub("\ufffd", text)
            encoded = text.encode("utf-8")
            note = _also(note, _SURROGATE_NOTE)
        if len(encoded) > self.limits.doc_bytes:
            self.problem(label, rec.item, f"document too large: {_mb(len(encoded))} of text, more than "
                         f"the limit of {_mb(self.limits.doc_bytes)} ({MAX_DOC_ENV})", rec.line)
            return False
        digest = hashlib.blake2b(encoded, digest_size=16).hexdigest()
        if self.dedupe and digest in self.seen_text:
            self.problem(label, rec.item, f"exact duplicate of doc {self.seen_text[digest]}", rec.line,
                         doc["doc_id"])
            return False
        base = doc["doc_id"]
        if base in self.seen_ids:
            if self.strict:
                raise CorpusError(f"{label} {rec.item}: duplicate document id {base!r}")
            while doc["doc_id"] in self.seen_ids:   # "x#2" may be taken by a document's own id
                self.seen_ids[base] += 1
                doc["doc_id"] = f"{base}#{self.seen_ids[base]}"
            note = _also(note, f"duplicate id {base!r} renamed to {doc['doc_id']!r}")
        self.seen_ids.setdefault(doc["doc_id"], 1)
        self.seen_text[digest] = doc["doc_id"]
        if doc["date_text"] and doc["date"] is None:
            note = _also(note, f"unparseable date {doc['date_text']!r} kept as text")
        self.docs.append(doc)
        self.report.append({"source": label, "item": rec.item, "status": "loaded", "reason": "",
                            "doc_id": doc["doc_id"], "note": note})
        return True


def _also(note: str, more: str) -> str:
    return f"{note}; {more}" if note and more else note or more


def _scrub_fields(doc: dict) -> bool:
    """Scrub lone surrogates from a document's fields but its text (which the caller checks for
    free while encoding it): a DataFrame built in Python may hold them; a file cannot."""
    changed = False
    for k, v in doc.items():
        if k != "text" and not (isinstance(v, str) and v.isascii()):
            doc[k], c = _scrub(v)
            changed = changed or c
    return changed


def load_corpus(source, *, columns: Mapping[str, str] | None = None, strict: bool = False,
                dedupe: bool = True, progress: bool | None = None,
                max_doc_mb: float | None = None, max_input_mb: float | None = None) -> Corpus:
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
        max_doc_mb, max_input_mb: size limits (default: ``TOOLKIT_MAX_DOC_MB``,
            ``TOOLKIT_MAX_INPUT_MB``, else 50 and 1024; see the module docstring).

    Returns:
        A :class:`Corpus` with ``documents`` (``doc_id, text, title, date, date_text, source,
        author, url, language, origin`` + extra columns) and ``report``.

    Raises:
        CorpusError: in strict mode, at the first problem.
        ValueError: a limit is not a positive number.

    Example:
        >>> c = load_corpus(pd.DataFrame({"id": [7], "text": ["Moscow warned Kyiv."]}))
        >>> c.documents[["doc_id", "text"]].values.tolist()
        [['7', 'Moscow warned Kyiv.']]
    """
    from tqdm.auto import tqdm

    loader = _Loader(columns=columns, strict=strict, dedupe=dedupe,
                     limits=Limits.resolve(max_doc_mb, max_input_mb))
    items = list(_expand(source))
    if progress is None:
        progress = len(items) > 20
    for label, obj in tqdm(items, desc="loading", unit="file", disable=not progress):
        loader.add(label, obj)
    return loader.take()


def load_batches(source, *, columns: Mapping[str, str] | None = None, strict: bool = False,
                 batch_bytes: int = 16 << 20, max_doc_mb: float | None = None,
                 max_input_mb: float | None = None) -> Iterator[Corpus]:
    """Load ``source`` a batch of files at a time (about ``batch_bytes`` of file bytes each), for
    a corpus too large to hold: duplicates are found across batches exactly as one
    :func:`load_corpus` call finds them (same text skipped, same id renamed once).

    Yields at least one (maybe empty) :class:`Corpus`; a DataFrame is one batch.

    Example:
        >>> frames = [pd.DataFrame({"id": ["a"], "text": [t]}) for t in ("One.", "Two.")]
        >>> [c.documents["doc_id"].tolist() for c in load_batches(frames, batch_bytes=1)]
        [['a', 'a#2']]
    """
    loader = _Loader(columns=columns, strict=strict, dedupe=True,
                     limits=Limits.resolve(max_doc_mb, max_input_mb))
    size = 0
    for label, obj in _expand(source):
        n = 0
        if isinstance(obj, Path) and not isinstance(obj, _Unread):
            try:
                n = obj.stat().st_size
            except OSError:
                n = 0
        if loader.docs and size + n > batch_bytes:
            yield loader.take()
            size = 0
        loader.add(label, obj)
        size += n
    yield loader.take()


def require_documents(source, *, columns: Mapping[str, str] | None = None, strict: bool = False) -> None:
    """Raise :class:`CorpusError` with one line saying why, unless ``source`` gives at least one
    document. Reads only up to the first document, or, in strict mode, everything (holding no
    documents), so that a strict run fails here, before any output is written.

    Example:
        >>> try:
        ...     require_documents(pd.DataFrame({"text": ["", "  "]}))
        ... except CorpusError as exc:
        ...     print(exc)
        no documents in <DataFrame>: 2 skipped (empty text: 2); first: <DataFrame> row 1: empty text
    """
    loader = _Loader(columns=columns, strict=strict, dedupe=True, limits=Limits.resolve())
    found = 0
    items = 0
    for label, obj in _expand(source):
        items += 1
        found += loader.add(label, obj, stop_after=None if strict else 1)
        loader.docs.clear()
        if found and not strict:
            return
    if found:
        return
    what = ", ".join(map(str, source)) if isinstance(source, (list, tuple)) else \
        "<DataFrame>" if isinstance(source, pd.DataFrame) else _display(source)
    if not items:
        raise CorpusError(f"no documents in {what}: it holds no files")
    rep = pd.DataFrame(loader.report, columns=REPORT_COLUMNS)
    first = rep.iloc[0]
    where = "" if first["item"] in ("file", "folder", "link") else f" {first['item']}"
    raise CorpusError(f"no documents in {what}: {len(rep)} skipped ({_reason_counts(rep['reason'])}); "
                      f"first: {first['source']}{where}: {first['reason']}")


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
    stem = rec.stem
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
        if (k not in used or k.lower() == "year") and k.lower() not in STANDARD_COLUMNS:
            doc[k] = v
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
