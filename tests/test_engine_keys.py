"""Cache keys read a module's imports from its byte code: the same imports as its syntax tree."""
from __future__ import annotations

import importlib.util
import os
import py_compile
from pathlib import Path

import pytest

from toolkit.engine import keys

TOOLKIT = Path(keys.__file__).resolve().parents[1]
MODULE_FILES = sorted(TOOLKIT.rglob("*.py"))


# Sets: the compiler copies a ``finally`` block (and its imports) once per way out of it.
def from_code(source: str) -> set:
    return set(keys._code_imports(compile(source, "<test>", "exec")))


def from_tree(source: str) -> set:
    return set(keys._source_imports(source.encode()))


MANY_CONSTANTS = "".join(f"x{i} = {i}.5\n" for i in range(300))   # constant ids past 255


@pytest.mark.parametrize("source", [
    "import os",
    "import toolkit.tokenize",
    "import toolkit.tokenize as tok, json",
    "from . import lexicon",
    "from . import (lexicon,\n    resources)",
    "from .engine.keys import digest as d, chunk_digest",
    "from .. import config",
    "from ..engine import store",
    "from toolkit.lexicon import load",
    "from x import *",
    "from __future__ import annotations\nimport re",
    "def f():\n    from .clauses import parse\n    return parse",
    "class A:\n    import json\n    def m(self):\n        def g():\n            from . import quotes\n        return g",
    "try:\n    import lemminflect\nexcept ImportError:\n    lemminflect = None",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .corpus import Corpus",
    "try:\n    pass\nfinally:\n    from .pipeline import shutdown_workers",
    "lambda: __import__('os')",                       # a call, not a statement: in neither
    "x = 'import os'\n\"\"\"from . import quotes\"\"\"",  # text that looks like an import: in neither
    MANY_CONSTANTS + "from .tokenize import lemmatize, sentence_spans\nimport json",
])
def test_byte_code_and_syntax_tree_name_the_same_imports(source):
    assert from_code(source) == from_tree(source)


def test_an_import_the_compiler_removes_as_unreachable_is_not_read():
    # It never runs, so nothing the module computes depends on it; the syntax tree still has it.
    source = "if False:\n    import json\nimport os"
    assert from_code(source) == {("os", 0, None)}
    assert from_tree(source) == {("json", 0, None), ("os", 0, None)}


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda p: str(p.relative_to(TOOLKIT)))
def test_every_toolkit_module_reads_the_same_both_ways(path):
    source = path.read_text(encoding="utf-8")
    assert from_code(source) == from_tree(source)


def _reference_sources(module: str) -> tuple[str, ...]:
    """The closure as the cache keys computed it before: every file parsed into a syntax tree."""
    seen: dict[str, str] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen or not (name == "toolkit" or name.startswith("toolkit.")):
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, AttributeError, ValueError):
            spec = None
        if spec is None or not (spec.origin or "").endswith(".py"):
            continue
        seen[name] = spec.origin
        package = name if spec.submodule_search_locations else name.rpartition(".")[0]
        for mod, level, fromlist in keys._source_imports(Path(spec.origin).read_bytes()):
            base = importlib.util.resolve_name("." * level + mod, package) if level else mod
            if mod:
                todo.append(base)
            todo.extend(f"{base}.{a}" for a in fromlist or ())
    return tuple(sorted(set(seen.values())))


@pytest.mark.parametrize("module", ["toolkit.tokenize", "toolkit.lexicon", "toolkit.actors", "toolkit.quotes",
                                    "toolkit.framing", "toolkit.escalation", "toolkit.events",
                                    "toolkit.rhetoric", "toolkit.pipeline"])
def test_imported_sources_equal_the_syntax_tree_reference(module):
    got = keys._imported_sources(module)
    assert got == _reference_sources(module)
    assert any(f.endswith("tokenize.py") for f in got) or module == "toolkit.lexicon"


def test_unknown_byte_code_falls_back_to_the_source(monkeypatch):
    path = str(TOOLKIT / "events.py")
    want = keys._file_imports.__wrapped__(path, "toolkit", 0, 0)

    def unknown(code):
        raise ValueError("an import this reader does not know")

    monkeypatch.setattr(keys, "_code_imports", unknown)
    assert keys._file_imports.__wrapped__(path, "toolkit", 0, 0) == want


def _module(tmp_path, text: str, *, compiled: bool) -> Path:
    pkg = tmp_path / "toolkit_probe_pkg"
    pkg.mkdir(exist_ok=True)
    (pkg / "__init__.py").write_text("")
    mod = pkg / "m.py"
    mod.write_text(text)
    if compiled:
        py_compile.compile(str(mod), cfile=importlib.util.cache_from_source(str(mod)), doraise=True)
    return mod


def _imports(mod: Path) -> tuple[str, ...]:
    st = mod.stat()
    return keys._file_imports(str(mod), "toolkit_probe_pkg", st.st_mtime_ns, st.st_size)


@pytest.mark.parametrize("compiled", [True, False])
def test_byte_code_is_read_only_when_it_matches_the_source(tmp_path, compiled):
    mod = _module(tmp_path, "import json\n", compiled=compiled)
    assert (keys._cached_code(str(mod)) is not None) == compiled
    assert _imports(mod) == ("json",)


def test_an_edited_module_is_read_again_not_its_stale_byte_code(tmp_path):
    mod = _module(tmp_path, "import json\n", compiled=True)
    assert _imports(mod) == ("json",)
    mod.write_text("import json\nfrom . import other\n")     # the byte code is now stale
    st = mod.stat()
    os.utime(mod, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert keys._cached_code(str(mod)) is None
    assert _imports(mod) == ("json", "toolkit_probe_pkg.other")


@pytest.mark.parametrize("damage", [b"", b"\0" * 8, b"not byte code at all, just text"])
def test_damaged_byte_code_is_not_read(tmp_path, damage):
    mod = _module(tmp_path, "import json\n", compiled=True)
    cached = Path(importlib.util.cache_from_source(str(mod)))
    cached.write_bytes(cached.read_bytes()[:16] + damage if damage else b"")
    assert keys._cached_code(str(mod)) is None
    assert _imports(mod) == ("json",)
