"""Build the compiled (mypyc) copies of :data:`toolkit._native.MODULES`: ``python -m toolkit._native_build``.

``make`` runs it when it sets up ``.venv`` and before ``make test``/``make report``; it compiles
only the modules whose current source has no copy yet (a few seconds each) and never fails:
without a C compiler or mypyc, or when mypyc refuses a module, it prints one line and that
module runs as pure Python. See :mod:`toolkit._native` for how the copies are found.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ._native import _PKG_DIR, _SUFFIX, MODULES, PACKAGE, _build_dir, native_root, source_hash


def compiler() -> str | None:
    """The C compiler Python's build tools would use, or ``None`` when there is none.

    Example:
        >>> compiler() is None or isinstance(compiler(), str)
        True
    """
    import sysconfig

    cc = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(cc)


_SETUP = """\
import sys
from setuptools import Distribution
from mypyc.build import mypycify
src, target, tmp, out = sys.argv[1:5]
# a bare Distribution: setup() would read the project's pyproject.toml, which this build ignores
dist = Distribution({"name": "toolkit-native", "ext_modules": mypycify(
    ["--ignore-missing-imports", "--follow-imports=skip", "--cache-dir", tmp + "/mypy_cache", src],
    target_dir=target, opt_level="3", debug_level="0")})
dist.script_args = ["build_ext", "--build-lib", out, "--build-temp", tmp]
dist.parse_command_line()
dist.run_commands()
"""


def build_one(module: str, *, pkg_dir: Path = _PKG_DIR) -> str:
    """Compile ``toolkit/<module>.py`` into its hash-keyed folder unless it is there already.

    Returns a one-line outcome (``"up to date"``, ``"built in 31 s"``); raises ``RuntimeError``
    with the compiler's first errors when the build fails. Copies of older sources are kept
    (other checkouts may use this environment): only those beyond the newest few that no
    process loaded for half a day are removed.

    Example:
        >>> build_one("clauses")  # doctest: +SKIP
        'up to date'
    """
    src = pkg_dir / f"{module}.py"
    digest = source_hash(src)
    folder = _build_dir(module, digest)
    if (folder / PACKAGE / f"{module}{_SUFFIX}").is_file():
        return "up to date"
    t0 = time.perf_counter()
    root = native_root()
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".build-{module}-", dir=root) as tmp:
        out = Path(tmp) / "out"
        res = subprocess.run([sys.executable, "-c", _SETUP, f"{PACKAGE}/{module}.py",
                              str(Path(tmp) / "c"), str(Path(tmp) / "tmp"), str(out)],
                             cwd=pkg_dir.parent, capture_output=True, text=True, check=False)
        if res.returncode:
            lines = [ln for ln in (res.stdout + res.stderr).splitlines() if ln.strip()]
            errors = [ln for ln in lines if "error" in ln.lower()] or lines[-3:]
            raise RuntimeError(" | ".join(errors[:3])[:400])
        if source_hash(src) != digest:
            raise RuntimeError("the source changed during the build")
        staged = Path(tmp) / f"{module}-{digest}"
        shutil.move(str(out), staged)
        try:
            os.replace(staged, folder)
        except OSError:
            if not (folder / PACKAGE / f"{module}{_SUFFIX}").is_file():
                raise
            return "up to date (built by another process meanwhile)"
    _prune(module)
    return f"built in {time.perf_counter() - t0:.0f} s"


_KEEP = 4   # copies kept per module whatever their age
#: A copy loaded (or built) this recently is never removed: several checkouts share one
#: environment (helpers' worktrees and main), and with only the newest four kept, builds of other
#: checkouts evicted main's copy, whose commands then ran that module as Python (found 6 December:
#: ``events`` of main ran pure while others built theirs).
_KEEP_RECENT_SECONDS = 12 * 3600


def _prune(module: str) -> None:
    """Remove the copies of ``module`` (folders this module wrote: ``<module>-<16 hex digits>``)
    beyond the :data:`_KEEP` newest that no process has loaded for :data:`_KEEP_RECENT_SECONDS`
    (a load marks its folder's modification time, :func:`toolkit._native.mark_used`)."""
    ours = [p for p in native_root().glob(f"{module}-*") if p.is_dir() and len(p.name) == len(module) + 17
            and all(c in "0123456789abcdef" for c in p.name[-16:])]
    now = time.time()
    for old in sorted(ours, key=lambda p: p.stat().st_mtime, reverse=True)[_KEEP:]:
        if now - old.stat().st_mtime >= _KEEP_RECENT_SECONDS:
            shutil.rmtree(old, ignore_errors=True)


def build(modules=MODULES) -> int:
    """Build the compiled copies; one line per module. Never fails: without a C compiler or
    mypyc, or when a build fails, the module stays pure Python (exit status 0).

    Example:
        >>> build()  # doctest: +SKIP
        native module toolkit.clauses: up to date
        native module toolkit._pattern: built in 9 s
        native module toolkit._vader: up to date
        0
    """
    if compiler() is None:
        print("native modules: no C compiler found; the toolkit runs as pure Python")
        return 0
    try:
        import mypyc  # noqa: F401
    except ImportError:
        print("native modules: mypyc not installed (pip install -e '.[native]'); "
              "the toolkit runs as pure Python")
        return 0
    def one(module: str) -> str:
        try:
            return build_one(module)
        except Exception as e:   # noqa: BLE001 - a failed build never fails set-up
            return f"build failed, runs as pure Python: {e}"

    # two at a time: each build is mostly one C compiler process
    with ThreadPoolExecutor(max_workers=2) as pool:
        for module, outcome in zip(modules, pool.map(one, modules)):
            print(f"native module {PACKAGE}.{module}: {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    if sys.argv[1:]:
        sys.exit("usage: python -m toolkit._native_build")
    sys.exit(build())
