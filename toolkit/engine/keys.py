"""Cache keys: every (chunk, step) result is named by a hash of everything it depends on.

The chunk's documents (all columns), the toolkit version, the source of the tokenizer, the
lexicon matcher and the annotator's module and of every toolkit module these import (read from
their import statements, so a rule module such as ``clauses`` counts), the rule data files that
are not bundled lexicons (``clauses.yaml``, ``events.yaml`` ...), NLTK's version and which NLTK data is installed,
the annotator's name and version, the version *and content* of each of its lexicons, its
options (files named in options are hashed by content), and the keys of the steps it reads.
Changing one lexicon therefore re-runs only the annotators that use it (and those that depend
on them), and a stale result can never be served.

Notes:
    Content-addressed caching of a dataflow graph follows the build-system idea of Mokhov,
    Mitchell & Peyton Jones (2018), "Build systems à la carte" (verifying traces of hashes).
"""
from __future__ import annotations

import dis
import functools
import hashlib
import inspect
import json
import os
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pandas as pd

from .. import __version__
from ..annotator import TOKENIZE, TOKENIZE_OUTPUTS, Annotator

CACHE_LAYOUT = 4                            # bump when the on-disk layout of the cache changes


def digest(*parts: str | bytes) -> str:
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
    """Hash of the source of ``func``'s module and of every toolkit module it imports, at any
    depth (so editing an annotator, or a module of rules it calls such as ``clauses``, invalidates
    it); a function defined outside a file is keyed by its name."""
    while isinstance(func, functools.partial):
        func = func.func
    try:
        path = inspect.getsourcefile(func)
    except TypeError:
        # a compiled function (toolkit._native) has no code object: its module's source file,
        # which the compiled copy was built from, keys it as it keys the pure function
        path = getattr(sys.modules.get(getattr(func, "__module__", "") or ""), "__file__", None)
        path = path if path and path.endswith(".py") else None
    if not path or not os.path.exists(path):
        return digest(getattr(func, "__module__", ""), getattr(func, "__qualname__", repr(func)))
    module = getattr(func, "__module__", "") or ""
    files = [path, *(f for f in _imported_sources(module) if f != path)]
    return digest(*(file_digest(f) for f in files))


@functools.lru_cache(maxsize=64)
def _imported_sources(module: str) -> tuple[str, ...]:
    """Source files of the toolkit modules ``module`` imports, directly or through others,
    read from the import statements of each file (also those inside functions).

    ``from . import x`` counts ``x``, not the package, whose ``__init__`` imports everything.

    Example:
        >>> any(f.endswith("clauses.py") for f in _imported_sources("toolkit.events"))
        True
    """
    seen: dict[str, str | None] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or not (name == "toolkit" or name.startswith("toolkit.")):
            continue
        seen[name], names = _module_imports(name)
        todo.extend(names)
    return tuple(sorted({f for f in seen.values() if f}))


def _module_imports(name: str) -> tuple[str | None, tuple[str, ...]]:
    """``(source file, the modules and names its import statements name)`` of module ``name``;
    ``(None, ())`` when ``name`` is not a module with a ``.py`` source."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, AttributeError, ValueError):   # "toolkit.tokenize.iter_rows": a name
        spec = None
    if spec is None or not (spec.origin or "").endswith(".py"):
        return None, ()
    package = name if spec.submodule_search_locations else name.rpartition(".")[0]
    st = os.stat(spec.origin)
    return spec.origin, _file_imports(spec.origin, package, st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=256)
def _file_imports(path: str, package: str, mtime_ns: int, size: int) -> tuple[str, ...]:
    """The modules and names the import statements of one source file name, at any depth, sorted.

    Read from the byte code Python keeps next to the source when it is up to date, whose import
    instructions carry exactly what the statements say, at a small part of the cost of parsing
    the source into a syntax tree; from the syntax tree otherwise (``tests/test_engine_keys.py``
    holds the two equal on every toolkit module; docs/SCALING.md has the figures).
    """
    import importlib.util

    code = _cached_code(path)
    try:
        found = _code_imports(code) if code is not None else None
    except ValueError:   # byte code of a shape this reader does not know
        found = None
    if found is None:
        found = _source_imports(Path(path).read_bytes())
    names: list[str] = []
    for module, level, fromlist in found:
        base = importlib.util.resolve_name("." * level + module, package) if level else module
        if module:
            names.append(base)
        names.extend(f"{base}.{a}" for a in fromlist or ())
    # sorted: the byte code and the syntax tree list nested imports in different orders
    return tuple(sorted(set(names)))


def _cached_code(path: str) -> types.CodeType | None:
    """The code object of ``path`` from its ``__pycache__`` file, if that file was compiled by
    this Python from the source as it is now (the check the import system makes for a
    timestamp-based file); ``None`` otherwise, never compiling anything."""
    import importlib.util
    import marshal

    try:
        cached = importlib.util.cache_from_source(path)
        st = os.stat(path)
        with open(cached, "rb") as fh:
            data = fh.read()
    except (OSError, NotImplementedError, ValueError):
        return None
    header = (importlib.util.MAGIC_NUMBER, 0, int(st.st_mtime) & 0xFFFFFFFF, st.st_size & 0xFFFFFFFF)
    if len(data) < 16 or (data[:4], *(int.from_bytes(data[i:i + 4], "little") for i in (4, 8, 12))) != header:
        return None
    try:
        code = marshal.loads(data[16:])
    except (ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


_IMPORT_NAME = bytes([dis.opmap["IMPORT_NAME"]])


def _code_imports(code: types.CodeType) -> list[tuple[str, int, tuple[str, ...] | None]]:
    """``(module, level, fromlist)`` of every import instruction in ``code`` and the code
    objects nested in it (functions, classes, comprehensions)."""
    out: list[tuple[str, int, tuple[str, ...] | None]] = []
    todo = [code]
    while todo:
        c = todo.pop()
        todo.extend(k for k in c.co_consts if isinstance(k, types.CodeType))
        raw, at = c.co_code, c.co_code.find(_IMPORT_NAME)
        while at != -1 and at % 2:   # an odd offset is an argument byte, not an instruction
            at = raw.find(_IMPORT_NAME, at + 1)
        if at == -1:
            continue
        # An import pushes its level, then its fromlist, then IMPORT_NAME takes both.
        args: list = []
        for ins in dis.get_instructions(c):
            if ins.opname == "IMPORT_NAME":
                if len(args) < 2 or not isinstance(args[-2], int) or \
                        not isinstance(args[-1], (tuple, type(None))):
                    raise ValueError(f"an import in {c.co_filename} this reader does not know")
                out.append((ins.argval, args[-2], args[-1]))
            if ins.opname != "EXTENDED_ARG":   # the prefix of a large argument, not an operation
                args = [*args[-1:], ins.argval] if ins.opname in ("LOAD_CONST", "LOAD_SMALL_INT") else []
    return out


def _source_imports(source: bytes) -> list[tuple[str, int, tuple[str, ...] | None]]:
    """:func:`_code_imports` read from the syntax tree of the source (the reference it is
    tested against, and the fallback).

    Example:
        >>> _source_imports(b"from .lexicon import load\\nimport os")
        [('lexicon', 1, ('load',)), ('os', 0, None)]
    """
    import ast

    out: list[tuple[str, int, tuple[str, ...] | None]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(a.name, 0, None) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node.module or "", node.level, tuple(a.name for a in node.names)))
    return out


def value_digest(value) -> str:
    """Stable hash of an option value; files it names are hashed by content."""
    from ..lexicon import Lexicon

    if isinstance(value, Mapping):
        return digest("map", *(f"{k}={value_digest(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(map(value_digest, value)) if isinstance(value, (set, frozenset)) else map(value_digest, value)
        return digest("seq", *items)
    if isinstance(value, (str, Path)):
        text = str(value)
        if len(text) < 4096 and os.path.isfile(text):
            return digest("file", file_digest(text))
        if isinstance(value, Path) or (len(text) < 4096 and os.path.isdir(text)):
            return digest("path", text)
        return digest("str", text)
    if isinstance(value, Lexicon):
        return digest("lexicon", value.tag, frame_digest(value.entries),
                       json.dumps(value.meta, sort_keys=True, default=str))
    if isinstance(value, pd.DataFrame):
        return digest("frame", frame_digest(value))
    if value is None or isinstance(value, (bool, int, float)):
        return digest("scalar", repr(value))
    try:
        return digest("json", json.dumps(value, sort_keys=True))
    except TypeError:
        raise TypeError(f"option value {value!r} of type {type(value).__name__} cannot be hashed for "
                        "the cache; pass str, numbers, lists, dicts, paths, DataFrames or Lexicons, "
                        "or run with cache=False") from None


def frame_digest(df: pd.DataFrame) -> str:
    """Hash of a table: column names, dtypes and every value."""
    parts = []
    for col in df.columns:
        values = df[col].tolist()
        parts.append(f"{col}\x1e{df[col].dtype}\x1e" + "\x1f".join(map(str, values)))
    return digest(str(len(df)), *parts)


def _lexicon_digest(name: str) -> str:
    from ..lexicon import load, resolve

    path = resolve(name)
    lex = load(name)
    return digest(lex.tag, file_digest(path), file_digest(path.with_suffix(".csv")))


@functools.lru_cache(maxsize=1)
def core_digest() -> str:
    """The code every step shares (the tokenizer, the lexicon matcher and what they import, this
    module's layout) and the rule data files that are not bundled lexicons.

    Example:
        >>> len(core_digest())
        32
    """
    import nltk

    from .. import lexicon
    from ..config import LEXICON_DIR

    code = sorted({*_imported_sources("toolkit.tokenize"), *_imported_sources("toolkit.lexicon")})
    # Data files that are not bundled lexicons (rule word lists such as clauses.yaml and
    # events.yaml, people_gender.csv): no step declares them, so every step's key hashes them.
    bundled = {p.stem for p in LEXICON_DIR.glob("*.yaml") if p.with_suffix(".csv").exists()}
    data = sorted(p for p in LEXICON_DIR.iterdir() if p.is_file() and p.stem not in bundled and p.suffix != ".md")
    return digest(__version__, str(CACHE_LAYOUT), nltk.__version__, lexicon.__name__,
                  *(file_digest(f) for f in code), *(f"{p.name}={file_digest(p)}" for p in data))


# NLTK data whose absence makes a step fall back to other results: the tokenizer (sentences,
# lemmas, stop words, POS tags), the clause layer of events (tags), quote speakers (names).
DATA_RESOURCES = ("punkt_tab", "wordnet", "stopwords", "averaged_perceptron_tagger_eng", "names")


def _data_status() -> str:
    """Which NLTK data this process finds, and where lemmas come from without WordNet."""
    from .. import resources, tokenize

    return ",".join(f"{n}={resources.available(n)}" for n in DATA_RESOURCES) + \
        f";lemmas={tokenize.lemma_source()}"


def _tokenize_fingerprint(pos: bool, status: str) -> str:
    # Without some NLTK data the tokenizer falls back (different lemmas or sentences): the key
    # must tell those results apart.
    return digest(TOKENIZE, core_digest(), f"pos={pos}", status)


def _annotator_fingerprint(ann: Annotator, options: Mapping | None, status: str) -> str:
    lexicons = [_lexicon_digest(name) for name in ann.lexicons]
    mine = dict((options or {}).get(ann.name, {}))
    if isinstance(mine.get("lexicons"), Mapping):
        # In order: which of two gazetteers is read first decides ties (toolkit.lexicon.choose).
        mine["lexicons"] = [[name, item] for name, item in mine["lexicons"].items()]
    opts = value_digest(mine)
    # The data status too: a step may read NLTK data of its own (the tagger, the names corpus).
    return digest("annotator", ann.name, ann.version, core_digest(), _source_digest(ann.func),
                  ",".join(ann.produces), ",".join(ann.requires), *lexicons, opts, status)


def step_fingerprints(annotators: Sequence[Annotator], *, pos: bool = False,
                      options: Mapping[str, Mapping] | None = None) -> dict[str, str]:
    """The chunk-independent part of each step's cache key (``tokenize`` first).

    Example:
        >>> list(step_fingerprints([]))
        ['tokenize']
    """
    status = _data_status()          # looked up once per run, the same for every step
    out = {TOKENIZE: _tokenize_fingerprint(pos, status)}
    for ann in annotators:
        out[ann.name] = _annotator_fingerprint(ann, options, status)
    return out


def chunk_digest(documents: pd.DataFrame) -> str:
    """Content hash of a chunk of documents (every column, so metadata changes count too).

    Example:
        >>> chunk_digest(pd.DataFrame({"doc_id": ["a"], "text": ["x"]})) != \\
        ...     chunk_digest(pd.DataFrame({"doc_id": ["a"], "text": ["y"]}))
        True
    """
    return frame_digest(documents)


def step_keys(fingerprints: Mapping[str, str], annotators: Sequence[Annotator],
              documents_digest: str) -> dict[str, str]:
    """Cache key of every step of one chunk: its fingerprint + the keys of what it reads.

    Example:
        >>> fp = step_fingerprints([])
        >>> step_keys(fp, [], "abc") != step_keys(fp, [], "abd")
        True
    """
    keys = {TOKENIZE: digest(fingerprints[TOKENIZE], documents_digest)}
    producer = {t: TOKENIZE for t in TOKENIZE_OUTPUTS}
    for ann in annotators:
        seen = producer if ann.reads is None else (*ann.requires, *ann.reads)
        deps = sorted({producer[r] for r in seen if r in producer} | {TOKENIZE})
        keys[ann.name] = digest(fingerprints[ann.name], *(f"{d}:{keys[d]}" for d in deps))
        for t in ann.produces:
            producer[t] = ann.name
    return keys
