"""Optional compiled (mypyc) copies of a few hot modules, used only while their source is unchanged.

The pure-Python modules are the source of truth. ``python -m toolkit._native_build`` (which
``make`` runs when it sets up ``.venv``) compiles each module of :data:`MODULES` with mypyc into
a folder of the virtual environment, ``<sys.prefix>/toolkit-native/<module>-<hash>/``, where
``<hash>`` is the SHA-256 of the module's source file. At import, :class:`NativeFinder` (which
``toolkit/__init__.py`` installs) hashes the current source file and loads the compiled copy
only when a folder with that hash exists; otherwise the ordinary ``.py`` module is imported.
So an edited ``clauses.py`` runs as Python until it is built again, never as a stale binary.

The module's ``__file__`` and ``__spec__.origin`` stay its ``.py`` file (the binary is a cache
of it, as a ``.pyc`` is), so the analysis cache's keys, ``inspect`` and tracebacks read the
source. ``TOOLKIT_PURE=1`` switches the compiled copies off; ``python -m toolkit doctor`` says
which modules run compiled and why the others do not (:func:`status`).

Example:
    >>> sorted(status()) == sorted(MODULES)
    True
"""
from __future__ import annotations

import importlib.machinery
import os
import sys
from pathlib import Path

#: The modules compiled when a C compiler is present (names inside the ``toolkit`` package).
#: Each is compiled on its own: what it imports is looked up at run time as usual.
MODULES = ("clauses", "events", "_pattern", "_vader", "actors", "tokenize", "quotes", "speakers", "_quote_rules", "event_targets",
           "event_nominals")

PACKAGE = "toolkit"
_PKG_DIR = Path(__file__).resolve().parent
_SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]   # ".cpython-311-x86_64-linux-gnu.so"


def pure() -> bool:
    """Whether ``TOOLKIT_PURE`` asks for the pure-Python modules only.

    Example:
        >>> isinstance(pure(), bool)
        True
    """
    return os.environ.get("TOOLKIT_PURE", "").strip() not in ("", "0")


def native_root() -> Path:
    """The folder holding the compiled modules: ``toolkit-native`` in the virtual environment.

    Example:
        >>> native_root().name
        'toolkit-native'
    """
    return Path(sys.prefix) / "toolkit-native"


def source_hash(path: Path) -> str:
    """The first 16 hex digits of the SHA-256 of a source file (the key of its compiled copy).

    Example:
        >>> len(source_hash(Path(__file__)))
        16
    """
    import hashlib  # here: OpenSSL's start-up is paid only where a compiled module is looked for

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _build_dir(module: str, digest: str) -> Path:
    return native_root() / f"{module}-{digest}"


def _compiled(module: str, pkg_dir: Path = _PKG_DIR) -> tuple[Path | None, str]:
    """``(folder of the compiled copy, "")`` when one matches the current source, else
    ``(None, why not)``."""
    src = pkg_dir / f"{module}.py"
    try:
        digest = source_hash(src)
    except OSError as e:
        return None, f"source unreadable ({e.strerror or e})"
    folder = _build_dir(module, digest)
    if (folder / PACKAGE / f"{module}{_SUFFIX}").is_file():
        return folder, ""
    others = sorted(native_root().glob(f"{module}-*"))
    if others:
        return None, "source changed since it was compiled (python -m toolkit._native_build)"
    return None, "not compiled (python -m toolkit._native_build; needs a C compiler)"


class _NativeLoader(importlib.machinery.ExtensionFileLoader):
    """Loads the extension at ``path`` for a spec whose origin is the module's source file."""

    def create_module(self, spec):
        # the C module is created from the binary; the spec it keeps names the source
        return super().create_module(importlib.machinery.ModuleSpec(spec.name, self, origin=self.path))

    def exec_module(self, module) -> None:
        super().exec_module(module)
        module.__file__ = module.__spec__.origin   # the source, as for a module run from a .pyc


class NativeFinder:
    """A ``sys.meta_path`` finder (``importlib.abc.MetaPathFinder``'s protocol, without the
    import of ``importlib.abc`` at every start-up): the compiled copy of a module of :data:`MODULES` when its
    source hash matches, else nothing (the ordinary finders import the ``.py``).

    Example:
        >>> NativeFinder().find_spec("toolkit.cli", None) is None
        True
    """

    def __init__(self) -> None:
        self.loaded: dict[str, Path] = {}   # module -> folder of the compiled copy in use

    def find_spec(self, fullname, path=None, target=None):
        pkg, _, name = fullname.partition(".")
        if pkg != PACKAGE or "." in name or pure():
            return None
        if name.endswith("__mypyc"):   # the shared library the compiled module imports
            folder = self.loaded.get(name[:-len("__mypyc")])
            so = folder / PACKAGE / f"{name}{_SUFFIX}" if folder else None
            if so is None or not so.is_file():
                return None
            return importlib.machinery.ModuleSpec(fullname, importlib.machinery.ExtensionFileLoader(
                fullname, str(so)), origin=str(so))
        if name not in MODULES or path is None:
            return None
        pkg_dir = Path(path[0]).resolve()
        folder, _ = _compiled(name, pkg_dir)
        if folder is None:
            return None
        self.loaded[name] = folder
        mark_used(folder)
        loader = _NativeLoader(fullname, str(folder / PACKAGE / f"{name}{_SUFFIX}"))
        spec = importlib.machinery.ModuleSpec(fullname, loader, origin=str(pkg_dir / f"{name}.py"))
        spec.has_location = True
        return spec


def mark_used(folder: Path) -> None:
    """Stamp ``folder`` (a compiled copy) as just used, so that builds of other checkouts
    sharing this environment keep it (:func:`toolkit._native_build._prune`); one system call.

    Example:
        >>> mark_used(Path("/nonexistent"))   # a folder that cannot be stamped is left alone
    """
    try:
        os.utime(folder)
    except OSError:
        pass


def install() -> None:
    """Put one :class:`NativeFinder` first on ``sys.meta_path`` (idempotent)."""
    if not any(isinstance(f, NativeFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, NativeFinder())


def is_native(module) -> bool:
    """Whether an imported module runs from its compiled copy.

    Example:
        >>> from toolkit import cli
        >>> is_native(cli)
        False
    """
    return isinstance(getattr(getattr(module, "__spec__", None), "loader", None), _NativeLoader)


def status() -> dict[str, str]:
    """Each module of :data:`MODULES`: ``"native"`` when imports load its compiled copy, else
    ``"pure: <why>"`` (without importing anything).

    Example:
        >>> all(v == "native" or v.startswith("pure: ") for v in status().values())
        True
    """
    out = {}
    for name in MODULES:
        if pure():
            out[name] = "pure: TOOLKIT_PURE is set"
            continue
        folder, why = _compiled(name)
        out[name] = "native" if folder is not None else f"pure: {why}"
    return out


def format_status() -> str:
    """:func:`status` as the lines ``python -m toolkit doctor`` prints.

    Example:
        >>> format_status().splitlines()[0]
        'compiled modules (TOOLKIT_PURE=1 runs all as pure Python):'
    """
    lines = ["compiled modules (TOOLKIT_PURE=1 runs all as pure Python):"]
    lines += [f"  toolkit.{name:<10} {state}" for name, state in status().items()]
    return "\n".join(lines)
