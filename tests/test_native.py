"""The compiled (mypyc) copies of toolkit._native.MODULES: the same tables as pure Python, used
only while their source is unchanged, and never in the way of a set-up without a compiler."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import _native, _native_build

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent


def _built() -> list[str]:
    return [m for m, state in _native.status().items() if state == "native"]


def _python(code: str, *, pure: bool, path: Path = ROOT, timeout: int = 900) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path), str(TESTS)])}
    env.pop("TOOLKIT_PURE", None)
    if pure:
        env["TOOLKIT_PURE"] = "1"
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=path, capture_output=True,
                          text=True, timeout=timeout, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1]


_LOADED = ("import json, importlib, toolkit, toolkit._native as n; "
           "print(json.dumps({m: n.is_native(importlib.import_module('toolkit.' + m)) "
           "for m in n.MODULES}))")


@pytest.mark.shared
@pytest.mark.slow
def test_golden_tables_are_identical_native_and_pure():
    """Every table of the golden corpus, digested value by value with its dtype, is the same
    from the compiled modules (two workers) as from pure Python (one process)."""
    import golden

    built = _built()
    if not built:
        pytest.skip("no compiled module in this environment (make native: needs a C compiler and mypyc)")
    missing = golden.missing_inputs()
    if missing:
        pytest.skip(f"the golden corpus needs {', '.join(missing)}")
    code = ("import json, golden, toolkit, toolkit._native as n, importlib; "
            "a = toolkit.analyze(golden.corpus(), workers={w}, cache=False, progress=False); "
            "print(json.dumps({{'native': [m for m in n.MODULES if n.is_native(importlib.import_module('toolkit.' + m))], "
            "'tables': {{k: golden.digest(a[k]) for k in a.tables if k != 'load_report'}}}}))")
    pure = json.loads(_python(code.format(w=1), pure=True))
    native = json.loads(_python(code.format(w=2), pure=False))
    assert pure["native"] == [] and sorted(native["native"]) == sorted(built)
    assert sorted(native["tables"]) == sorted(pure["tables"])
    diffs = [f"{name}.{col}" for name, p in pure["tables"].items() for col in p["columns"]
             if native["tables"][name]["columns"].get(col) != p["columns"][col]]
    diffs += [name for name, p in pure["tables"].items()
              if (p["rows"], p["order"]) != (native["tables"][name]["rows"], native["tables"][name]["order"])]
    assert not diffs, f"compiled and pure Python differ in {diffs}"


def test_toolkit_pure_runs_every_module_as_python():
    loaded = json.loads(_python(_LOADED, pure=True))
    assert loaded == dict.fromkeys(_native.MODULES, False)
    assert all(s == "pure: TOOLKIT_PURE is set" for s in
               json.loads(_python("import json, toolkit._native as n; print(json.dumps(n.status()))",
                                  pure=True)).values())


@pytest.mark.slow
def test_an_edited_copy_of_a_module_runs_as_python(tmp_path):
    """The stale-hash rule: a copy of the package loads the compiled module while its source
    is byte for byte the one compiled, and the pure module once the source is edited."""
    built = _built()
    if not built:
        pytest.skip("no compiled module in this environment (make native: needs a C compiler and mypyc)")
    shutil.copytree(ROOT / "toolkit", tmp_path / "toolkit",
                    ignore=shutil.ignore_patterns("__pycache__"))
    name = built[0]
    code = _LOADED.replace("print(", "print(toolkit.__file__ + ' ' + ", 1)
    where, _, states = _python(code, pure=False, path=tmp_path).partition(" ")
    assert where.startswith(str(tmp_path)) and json.loads(states)[name] is True
    src = tmp_path / "toolkit" / f"{name}.py"
    src.write_text(src.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")
    edited = json.loads(_python(code, pure=False, path=tmp_path).partition(" ")[2])
    assert edited[name] is False
    status = _python(f"import toolkit._native as n; print(n.status()[{name!r}])", pure=False, path=tmp_path)
    assert status.startswith("pure: source changed since it was compiled")


def test_a_compiled_function_is_keyed_by_its_source_like_the_pure_one():
    """The analysis cache keys a step by its function's source file; a compiled function has
    none of its own, so its module's .py keys it: the same key, native or pure."""
    built = _built()
    if not built:
        pytest.skip("no compiled module in this environment (make native: needs a C compiler and mypyc)")
    code = (f"import toolkit, toolkit._native as n, toolkit.{built[0]} as m; from toolkit.engine import keys; "
            "f = next(v for v in vars(m).values() if callable(v) and getattr(v, '__module__', '') == m.__name__ "
            "and not isinstance(v, type)); print(n.is_native(m), keys._source_digest(f))")
    native, pure = _python(code, pure=False).split(), _python(code, pure=True).split()
    assert (native[0], pure[0]) == ("True", "False")
    assert native[1] == pure[1]


@pytest.mark.parametrize("layout, expected", [
    ("current", "native"),                     # a build of this very source
    ("other", "pure: source changed since it was compiled"),   # only a build of an older source
    ("none", "pure: not compiled"),            # never built
])
def test_status_follows_the_source_hash(tmp_path, monkeypatch, layout, expected):
    monkeypatch.delenv("TOOLKIT_PURE", raising=False)
    monkeypatch.setattr(_native, "native_root", lambda: tmp_path)
    name = _native.MODULES[0]
    digest = _native.source_hash(Path(_native.__file__).with_name(f"{name}.py"))
    if layout != "none":
        folder = tmp_path / f"{name}-{digest if layout == 'current' else '0' * 16}" / "toolkit"
        folder.mkdir(parents=True)
        (folder / f"{name}{_native._SUFFIX}").write_bytes(b"")
    assert _native.status()[name].startswith(expected)


@pytest.mark.parametrize("case", ["no compiler", "no mypyc", "build fails"])
def test_a_failed_build_says_so_in_one_line_and_never_fails(monkeypatch, capsys, case):
    if case == "no compiler":
        monkeypatch.setattr(_native_build, "compiler", lambda: None)
    elif case == "no mypyc":
        monkeypatch.setattr(_native_build, "compiler", lambda: "/usr/bin/cc")
        monkeypatch.setitem(sys.modules, "mypyc", None)   # import mypyc raises ImportError
    else:
        pytest.importorskip("mypyc", reason="the build needs mypyc (pip install -e '.[native]')")
        monkeypatch.setattr(_native_build, "compiler", lambda: "/usr/bin/cc")

        def fail(module):
            raise RuntimeError("toolkit/x.py:1: error: something mypyc refused")
        monkeypatch.setattr(_native_build, "build_one", fail)
    assert _native_build.build() == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("pure Python" in ln for ln in lines)
    assert len(lines) == (len(_native.MODULES) if case == "build fails" else 1)


def test_prune_keeps_the_newest_copies_and_every_recently_used_one(tmp_path, monkeypatch):
    # Checkouts sharing one environment build copies of their own: a build elsewhere must not
    # remove a copy some checkout loaded lately, however many newer copies there are.
    import time

    monkeypatch.setattr(_native_build, "native_root", lambda: tmp_path)
    now = time.time()
    ages = {f"events-{i:016x}": age for i, age in enumerate([0, 60, 120, 180, 240, 2 * 86400, 3 * 86400])}
    for name, age in ages.items():
        (tmp_path / name).mkdir()
        os.utime(tmp_path / name, (now - age, now - age))
    (tmp_path / "events-not-a-copy").mkdir()
    os.utime(tmp_path / "events-not-a-copy", (now - 9 * 86400, now - 9 * 86400))
    _native_build._prune("events")
    left = sorted(p.name for p in tmp_path.iterdir())
    # the four newest, the fifth (used four minutes ago) and what this module did not write
    assert left == sorted([*list(ages)[:5], "events-not-a-copy"])
    old = tmp_path / list(ages)[5]
    old.mkdir()
    os.utime(old, (now - 2 * 86400, now - 2 * 86400))
    _native.mark_used(old)   # loaded now: kept by the next build
    _native_build._prune("events")
    assert old.is_dir()


def test_loading_a_compiled_copy_marks_it_used(tmp_path, monkeypatch):
    monkeypatch.delenv("TOOLKIT_PURE", raising=False)
    monkeypatch.setattr(_native, "native_root", lambda: tmp_path)
    digest = _native.source_hash(_native._PKG_DIR / "clauses.py")
    folder = tmp_path / f"clauses-{digest}"
    (folder / "toolkit").mkdir(parents=True)
    (folder / "toolkit" / f"clauses{_native._SUFFIX}").write_bytes(b"")
    os.utime(folder, (1, 1))
    spec = _native.NativeFinder().find_spec("toolkit.clauses", [str(_native._PKG_DIR)])
    assert spec is not None and folder.stat().st_mtime > 1
