"""NLTK data: find it, report what is missing, fall back honestly.

Each feature of the toolkit names the NLTK resources it needs. When a resource is missing the
toolkit does not raise NLTK's ``LookupError``: it switches to a data-free fallback and emits
**one** :class:`DegradedWarning` listing what is degraded and how to fix it.

``NLTK_DATA`` is honoured (NLTK reads it at import). NLTK also looks in its default places
(``~/nltk_data``, ``/usr/share/nltk_data`` ...); with ``TOOLKIT_NLTK_DATA_ONLY=1`` the toolkit
looks only in the ``NLTK_DATA`` folders, so a run meant to be without data (CI's second pass)
cannot find a user's copy by accident. ``python -m toolkit doctor`` prints the status table
and what is degraded; ``python -m toolkit setup`` downloads what is missing when a network is
there (``--url`` for a mirror's index), and ``setup --from FOLDER`` copies it from a folder laid
out as ``nltk_data`` on a machine without one.
"""
from __future__ import annotations

import functools
import importlib.abc
import os
import shutil
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # pandas loads only where a table is made: the command imports this module
    import pandas as pd   # before it starts the workers' server, which must not wait for pandas


class DegradedWarning(UserWarning):
    """Some NLTK data is missing and the toolkit runs on data-free fallbacks."""


@dataclass(frozen=True)
class Resource:
    """One NLTK data package, where NLTK looks for it, and what depends on it."""

    name: str          # the id for ``nltk.download``
    path: str          # the path for ``nltk.data.find``
    needed_for: str
    fallback: str
    feature: str = ""  # what the toolkit computes from it, in a word ("" for nothing it computes)


RESOURCES: dict[str, Resource] = {r.name: r for r in [
    Resource("punkt_tab", "tokenizers/punkt_tab/english/",
             "sentence splitting (Punkt)",
             "a rule-based splitter on . ! ? with an abbreviation list (more errors on initials)",
             "sentences"),
    Resource("averaged_perceptron_tagger_eng", "taggers/averaged_perceptron_tagger_eng/",
             "POS tags (tokens.pos) and the clause structure of events (agents, patients, voice)",
             "tokens.pos left empty (None); events use a closed-class and suffix tagger", "POS tags"),
    Resource("stopwords", "corpora/stopwords/english",
             "tokens.is_stop",
             "scikit-learn's English stop-word list", "stop words"),
    Resource("wordnet", "corpora/wordnet",
             "lemmas (tokens.lemma) used by every lexicon match; the act of an event verb the "
             "act vocabulary does not know, by its WordNet sense (events rule act.wordnet_sense)",
             "the same steps on LemmInflect's English dictionary (some lemmas and lexicon "
             "matches differ, e.g. plural demonyms); verbs outside the act vocabulary stay "
             "unclassified (act.wordnet_sense off)", "lemmas, event act senses"),
    Resource("names", "corpora/names",
             "gender of first names for quote speakers' pronouns (\"she said\")",
             "the people lexicon's genders and titles only (other names fit either pronoun)",
             "pronoun speakers"),
    Resource("vader_lexicon", "sentiment/vader_lexicon.zip",
             "NLTK's VADER port (only for comparisons; the toolkit uses vaderSentiment)",
             "the vaderSentiment package's own lexicon"),
    Resource("brown", "corpora/brown",
             "TextBlob noun phrases (FastNPExtractor)",
             "no noun phrases"),
    Resource("conll2000", "corpora/conll2000",
             "TextBlob ConllExtractor noun phrases",
             "no noun phrases"),
    Resource("inaugural", "corpora/inaugural",
             "the default corpus of the main job (US inaugural addresses)",
             "the bundled constructed sample in data/sample", "default corpus"),
    Resource("state_union", "corpora/state_union",
             "the default corpus of the main job (State of the Union addresses)",
             "the bundled constructed sample in data/sample", "default corpus"),
]}

_warned: set[str] = set()

# NLTK's package __init__ imports every subpackage, and a few of those import SciPy and
# scikit-learn inside ``try: ... except ImportError`` for optional features the toolkit never
# uses (SklearnClassifier, the Fisher association measure, the transition parser, Gale-Church
# alignment): about 1.2 s of every process start, twice that of everything else NLTK needs.
# ``norm``: nltk.translate.gale_church first tries ``from norm import logsf``, which would run
# any file called norm.py that happens to be on sys.path (a user's script in the working folder).
LEAN_BLOCKED = ("scipy", "sklearn", "norm")


class _BlockOptional(importlib.abc.MetaPathFinder):
    """Refuses SciPy, scikit-learn and ``norm`` to NLTK's own modules."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in LEAN_BLOCKED and _imported_by_nltk():
            raise ImportError(f"{name} is not imported by NLTK here (toolkit lean start-up)")
        return None


def _imported_by_nltk() -> bool:
    """Whether the import statement running now is in one of NLTK's modules."""
    frame = sys._getframe(2)
    while frame is not None and (frame.f_code.co_filename.startswith("<frozen importlib")
                                 or frame.f_globals.get("__name__", "").startswith("importlib")):
        frame = frame.f_back
    name = frame.f_globals.get("__name__", "") if frame is not None else ""
    return name == "nltk" or name.startswith("nltk.")


def import_nltk_lean() -> bool:
    """Make ``nltk`` importable without its package ``__init__``, and without SciPy/scikit-learn.

    Used where the toolkit owns the process (pipeline worker processes and the command line),
    never in a user's session. NLTK's ``__init__`` imports nearly every subpackage (parsers,
    semantics, translation, classifiers ...), most of which the toolkit never runs: here
    ``nltk`` (and ``nltk.translate``, which the corpus readers import for two classes) is
    registered as its package module with nothing run, ``nltk.__version__`` set, and each
    submodule loads when something imports or reads it (the tokenizer's Punkt and WordNet,
    TextBlob's ``nltk.tokenize``). Reading any other name of such a package
    (``nltk.word_tokenize``, ``nltk.download``) first runs its real ``__init__``, so every name
    NLTK exports is still there. From then on NLTK's modules cannot import SciPy or
    scikit-learn (the optional features that need them, e.g. ``nltk.classify.SklearnClassifier``
    or ``BigramAssocMeasures.fisher``, do not work in that process), while other code imports
    them normally. Set the environment variable ``TOOLKIT_LEAN_NLTK=0`` to import NLTK as
    usual. If NLTK's ``__init__`` cannot run this way (a release that needs SciPy), it runs
    normally.

    Returns:
        Whether ``nltk`` was made importable the lean way by this call.

    Example:
        >>> import_nltk_lean() in (True, False)
        True
    """
    if "nltk" in sys.modules or os.environ.get("TOOLKIT_LEAN_NLTK", "1") == "0" \
            or any(m in sys.modules for m in ("scipy", "sklearn")):
        return False
    import importlib.util

    spec = importlib.util.find_spec("nltk")
    if spec is None or spec.loader is None or not spec.submodule_search_locations:
        return False   # not installed, or not a package as we know it: left to a plain import
    package = _lazy_package(spec)
    version = _nltk_version(spec)
    if version is not None:
        package.__version__ = version
    if not any(isinstance(f, _NltkOrder) for f in sys.meta_path):
        sys.meta_path[:0] = [_BlockOptional(), _NltkOrder()]
    sys.modules["nltk"] = package
    for name in LAZY_NAMES:
        if name != "nltk":
            sub = importlib.util.find_spec(name)
            if sub is not None and sub.loader is not None and sub.submodule_search_locations:
                sys.modules[name] = module = _lazy_package(sub)
                setattr(package, name.rpartition(".")[2], module)
    return True


# The packages import_nltk_lean serves without running their __init__, and the names other
# modules read from them at import time, with the module each __init__ takes it from
# (tests/test_resources.py checks they are the same objects): TextBlob's noun-phrase chunker
# subclasses nltk.ChunkParserI; NLTK's aligned-corpus reader imports two nltk.translate classes.
LAZY_NAMES = {"nltk": {"ChunkParserI": "nltk.chunk.api"},
              "nltk.translate": {"AlignedSent": "nltk.translate.api", "Alignment": "nltk.translate.api"}}


def _lazy_package(spec):
    import importlib.util

    package = importlib.util.module_from_spec(spec)
    package.__getattr__ = functools.partial(_package_attribute, package, spec)   # PEP 562
    return package


def _nltk_version(spec) -> str | None:
    """NLTK's ``__version__`` as its ``__init__`` reads it (the package's VERSION file)."""
    try:
        return (Path(spec.origin).parent / "VERSION").read_text().strip()
    except (OSError, TypeError, UnicodeDecodeError):
        return None   # the real __init__ says what it says about that


def _package_attribute(package, spec, name: str):
    """``<package>.<name>`` of a lazy package: its submodule, else its real ``__init__``'s name."""
    import importlib

    if name.startswith("_"):   # probes such as _repr_html_ load nothing
        raise AttributeError(f"module {spec.name!r} has no attribute {name!r}")
    try:
        return importlib.import_module(f"{spec.name}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{spec.name}.{name}":
            raise
    where = LAZY_NAMES.get(spec.name, {}).get(name)
    if where is not None:
        return getattr(importlib.import_module(where), name)
    _run_init(package, spec)
    try:
        return package.__dict__[name]
    except KeyError:
        raise AttributeError(f"module {spec.name!r} has no attribute {name!r}") from None


def _run_init(package, spec) -> None:
    """The real ``__init__`` of a lazy package, once (``nltk``'s after its lazy subpackages',
    whose names it star-imports)."""
    if package.__dict__.pop("__getattr__", None) is None:
        return
    if spec.name == "nltk":
        for name in LAZY_NAMES:
            sub = sys.modules.get(name)
            if name != "nltk" and sub is not None and "__getattr__" in vars(sub):
                _run_init(sub, sub.__spec__)
    try:
        spec.loader.exec_module(package)
    except ImportError:   # a release whose __init__ needs SciPy: run it with SciPy
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _BlockOptional)]
        spec.loader.exec_module(package)


class _NltkOrder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports ``nltk.classify`` after ``nltk.tag`` when it is imported first.

    NLTK's ``__init__`` imports its subpackages in an order that hides an import cycle
    (classify -> ... -> tag.senna -> classify). Without that ``__init__``
    (:func:`import_nltk_lean`), importing ``nltk.classify`` first loads ``nltk.tag`` first, in
    NLTK's own order; every other subpackage imports on its own (``tests/test_resources.py``
    imports each one first).
    """

    FIRST = {"nltk.classify": "nltk.tag"}

    def find_spec(self, name, path=None, target=None):
        first = self.FIRST.get(name)
        if first is None or first in sys.modules:
            return None
        import importlib.util

        return importlib.util.spec_from_loader(name, self)

    def create_module(self, spec):
        return None

    def exec_module(self, module) -> None:
        import importlib

        # This placeholder makes way: the other subpackage imports the real module, and the
        # import system returns what sys.modules holds once this call is done.
        name = module.__name__
        sys.modules.pop(name, None)
        importlib.import_module(self.FIRST[name])
        importlib.import_module(name)


def _only_nltk_data_env() -> None:
    """With ``TOOLKIT_NLTK_DATA_ONLY=1``, drop NLTK's default places from its search path.

    Every data load in the toolkit is preceded by :func:`available` (which calls this), and
    NLTK's loaders read ``nltk.data.path``, so pruning that list here covers them all.
    """
    if os.environ.get("TOOLKIT_NLTK_DATA_ONLY") == "1":
        import nltk

        allowed = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
        nltk.data.path[:] = [p for p in nltk.data.path if p in allowed]


def _find(path: str) -> str | None:
    import nltk

    _only_nltk_data_env()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nltk>=3.10 warns about unsafe folders before raising
        try:
            return str(nltk.data.find(path))
        except LookupError:
            pass
        if not path.endswith(".zip"):
            try:
                return str(nltk.data.find(path.rstrip("/") + ".zip"))
            except LookupError:
                return None
    return None


@functools.lru_cache(maxsize=None)
def available(name: str) -> bool:
    """Return whether the NLTK resource ``name`` can be loaded.

    Example:
        >>> isinstance(available("punkt_tab"), bool)
        True
    """
    if name not in RESOURCES:
        raise ValueError(f"`name` value = {name!r} is invalid; value must be one of {sorted(RESOURCES)}")
    return _find(RESOURCES[name].path) is not None


def require(name: str) -> bool:
    """Return ``available(name)``; if missing, emit one DegradedWarning for the whole session.

    The warning names every missing resource at once (not one per call), what it degrades, and
    the fix.

    Example:
        >>> require("punkt_tab") in (True, False)
        True
    """
    ok = available(name)
    if not ok and name not in _warned:
        missing = [r for r in RESOURCES.values() if not available(r.name)]
        _warned.update(r.name for r in missing)
        lines = [f"  - {r.name}: {r.needed_for} -> fallback: {r.fallback}" for r in missing]
        warnings.warn(
            "NLTK data missing; the toolkit runs on data-free fallbacks:\n" + "\n".join(lines)
            + "\nFix: run `python -m toolkit setup` (downloads them), or point NLTK_DATA at a "
            "folder that has them. `python -m toolkit doctor` shows the status.",
            DegradedWarning, stacklevel=2)
    return ok


def status() -> pd.DataFrame:
    """Return one row per NLTK resource: whether it is found, where, and the fallback.

    ``degraded`` names what the toolkit computes less well without it ("lemmas"), empty when
    the resource is found or nothing the toolkit computes uses it.

    Example:
        >>> list(status().columns)[:3]
        ['resource', 'available', 'location']
    """
    import pandas as pd

    rows = []
    for r in RESOURCES.values():
        loc = _find(r.path)
        rows.append({"resource": r.name, "available": loc is not None, "location": loc or "",
                     "needed_for": r.needed_for, "fallback": r.fallback,
                     "degraded": r.feature if loc is None else ""})
    return pd.DataFrame(rows)


def download(names: list[str] | None = None, *, quiet: bool = True, url: str | None = None) -> pd.DataFrame:
    """Download missing NLTK resources (all by default) with NLTK's downloader.

    Works only with a network; failures are reported in the returned status table, not raised.
    ``url`` names another package index than NLTK's (a mirror inside an institution's network:
    the ``index.xml`` of a copy of the nltk_data repository's ``gh-pages`` branch).

    Example:
        >>> download(["punkt_tab"]).shape[1] >= 3  # doctest: +SKIP
        True
    """
    import socket

    import nltk

    socket.setdefaulttimeout(20)  # a closed network should fail fast, not hang
    names = names or list(RESOURCES)
    target = os.environ.get("NLTK_DATA", "").split(os.pathsep)[0] or None
    from nltk.downloader import Downloader

    fetch = Downloader(server_index_url=url).download if url else nltk.download
    for name in names:
        if not available(name):
            try:
                fetch(name, quiet=quiet, download_dir=target, raise_on_error=False)
            except Exception as exc:  # network errors surface as many types
                warnings.warn(f"could not download {name}: {exc}", DegradedWarning, stacklevel=2)
    reset()
    return status()


def _target() -> Path:
    """Where new data goes: the first ``NLTK_DATA`` folder, else ``~/nltk_data`` (searched by NLTK)."""
    first = os.environ.get("NLTK_DATA", "").split(os.pathsep)[0]
    return Path(first) if first else Path.home() / "nltk_data"


def install_from(folder, names: list[str] | None = None) -> pd.DataFrame:
    """Copy missing NLTK resources from a folder laid out as ``nltk_data`` (offline set-up).

    For machines without a network: a colleague's ``nltk_data`` folder, or one copied on a USB
    stick, is searched for each missing resource, as a folder or as its ``.zip``, and that
    resource is copied into the first ``NLTK_DATA`` folder (else ``~/nltk_data``). Nothing
    already there is overwritten or deleted. Returns the status table afterwards.

    Example:
        >>> install_from("/media/usb/nltk_data").shape[1] >= 3  # doctest: +SKIP
        True
    """
    src = Path(folder)
    if not src.is_dir():
        raise FileNotFoundError(f"{src}: not a folder (give a folder laid out as nltk_data, "
                                "e.g. with tokenizers/ and corpora/ in it)")
    target = _target()
    for name in names or list(RESOURCES):
        if available(name):
            continue
        rel = RESOURCES[name].path.rstrip("/")
        for candidate in (rel, rel + ".zip") if not rel.endswith(".zip") else (rel,):
            found, dest = src / candidate, target / candidate
            if dest.exists() or not found.exists():
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            if found.is_dir():
                shutil.copytree(found, dest)
            else:
                shutil.copy2(found, dest)
            break
    reset()
    return status()


def reset() -> None:
    """Forget cached availability (after NLTK_DATA changed or a download).

    Example:
        >>> reset()
    """
    available.cache_clear()
    _warned.clear()
    import nltk

    env = os.environ.get("NLTK_DATA")
    if env:
        for p in reversed(env.split(os.pathsep)):
            if p and p not in nltk.data.path:
                nltk.data.path.insert(0, p)


def format_status(df: pd.DataFrame | None = None) -> str:
    """Render :func:`status` for the terminal (used by ``python -m toolkit doctor``).

    Example:
        >>> "punkt_tab" in format_status()
        True
    """
    df = status() if df is None else df
    lines = [f"NLTK_DATA={os.environ.get('NLTK_DATA', '(not set)')}"
             + ("  (TOOLKIT_NLTK_DATA_ONLY=1: NLTK's default places are not searched)"
                if os.environ.get("TOOLKIT_NLTK_DATA_ONLY") == "1" else "")]
    for row in df.itertuples():
        mark = "ok     " if row.available else "MISSING"
        lines.append(f"[{mark}] {row.resource:<32} {row.needed_for}")
        if not row.available:
            lines.append(f"          fallback: {row.fallback}")
    missing = df.loc[~df["available"]]
    degraded = [d for d in dict.fromkeys(df["degraded"]) if d]
    if degraded:
        lines.append("DEGRADED (the fallbacks above are in use): " + ", ".join(degraded))
    lines.append("all NLTK resources found" if missing.empty else
                 f"{len(missing)} missing: run `python -m toolkit setup` or set NLTK_DATA")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- WordNet's lemma sets
#
# The lemmatizer (toolkit.tokenize._Morphy) needs of WordNet only which lemmas each part of
# speech lists (the index.* files) and the exception lists (*.exc): parsing them from the zip
# costs about 0.15 CPU s, on the workers' server's critical path before every command. The
# parsed sets are kept in a derived cache (a JSON file beside the compiled modules) used only
# while its header names the same files as they are now: for a zip, its real path, size and
# modification time and each member's size and CRC-32 (from the zip's directory, not read);
# for a folder, each file's real path, size, modification time and SHA-256.

_WORDNET_CACHE_FORMAT = 1
_WORDNET_MAX_BYTES = 64 << 20   # the whole cache; WordNet 3.0's is about 2.9 MB


def _wordnet_sources(root, names: list[str]) -> list:
    """What the cache's header must match: see the comment above."""
    import hashlib

    zf = getattr(root, "zipfile", None)
    if zf is not None:
        st = os.stat(zf.filename)
        members = [[n, zf.getinfo(root.entry + n).file_size, zf.getinfo(root.entry + n).CRC] for n in names]
        return ["zip", os.path.realpath(zf.filename), st.st_size, st.st_mtime_ns, members]
    out: list = ["folder"]
    for n in names:
        path = os.path.join(root.path, n)
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            out.append([os.path.realpath(path), st.st_size, st.st_mtime_ns, hashlib.sha256(f.read()).hexdigest()])
    return out


def derived_cache_dir() -> str:
    """The folder of the derived data caches (WordNet's lemma sets, the tagger's matrices):
    ``toolkit-native`` in the virtual environment, beside the compiled modules, or
    ``$TOOLKIT_DERIVED_CACHE`` when set. Deleting it only costs the next run the parsing.

    Example:
        >>> os.path.basename(derived_cache_dir()) == "toolkit-native" or "TOOLKIT_DERIVED_CACHE" in os.environ
        True
    """
    from ._native import native_root

    return os.environ.get("TOOLKIT_DERIVED_CACHE") or str(native_root())


def _wordnet_cache_path(sources: list) -> Path:
    import hashlib

    import nltk

    where = derived_cache_dir()
    key = "\0".join((str(sources[1]), nltk.__version__, str(_WORDNET_CACHE_FORMAT)))
    return Path(where) / f"wordnet-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"


def _parse_wordnet(root, filemap: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, dict[str, list[str]]]]:
    """Lemmas by part of speech and exception lists by part of speech, from WordNet's files."""
    import re
    from operator import itemgetter

    index_line = re.compile(r"^([^ \n]+) ([a-z]) ", re.M)
    by_pos: dict[str, set[str]] = {}
    exceptions: dict[str, dict[str, list[str]]] = {}
    for pos, suffix in filemap.items():
        with root.join(f"index.{suffix}").open() as fh:
            # "lemma pos synset_cnt ..." per line; license lines start with a space.
            pairs = index_line.findall(fh.read().decode("utf-8"))
        poses = set(map(itemgetter(1), pairs))
        if len(poses) == 1:   # one part of speech per index file: sets built in C
            by_pos.setdefault(poses.pop(), set()).update(map(itemgetter(0), pairs))
        else:
            for lemma, lemma_pos in pairs:
                by_pos.setdefault(lemma_pos, set()).add(lemma)
        with root.join(f"{suffix}.exc").open() as fh:
            exc = {}
            for line in fh.read().decode("utf-8").splitlines():
                terms = line.split()
                if terms:
                    exc[terms[0]] = terms[1:]
            exceptions[pos] = exc
    return {p: sorted(s) for p, s in by_pos.items()}, exceptions


def _valid_wordnet_tables(data) -> bool:
    if not isinstance(data, dict) or not isinstance(data.get("lemmas"), dict) \
            or not isinstance(data.get("exceptions"), dict):
        return False
    lemmas, exceptions = data["lemmas"], data["exceptions"]
    return all(isinstance(p, str) and isinstance(v, str) for p, v in lemmas.items()) and all(
        isinstance(p, str) and isinstance(exc, dict)
        and all(isinstance(forms, list) and all(isinstance(f, str) for f in forms) for forms in exc.values())
        for p, exc in exceptions.items())


def wordnet_tables(root, filemap: dict[str, str]) -> tuple[dict[str, set[str]], dict[str, dict[str, list[str]]]]:
    """WordNet's lemmas by part of speech and exception lists (``form -> [lemmas]``) by part of
    speech, as the lemmatizer reads them; from a valid derived cache when there is one, else
    parsed from the files (and the cache written for the next process, when it can be).

    Args:
        root: NLTK's path pointer to WordNet's folder (``nltk.data.find``), in a zip or not.
        filemap: ``WordNetCorpusReader._FILEMAP`` (part of speech -> file suffix).

    Example:
        >>> import nltk
        >>> from nltk.corpus.reader.wordnet import WordNetCorpusReader
        >>> root = nltk.data.find("corpora/wordnet.zip/wordnet/")  # doctest: +SKIP
        >>> "dog" in wordnet_tables(root, WordNetCorpusReader._FILEMAP)[0]["n"]  # doctest: +SKIP
        True
    """
    import json

    names = [f"index.{s}" for s in filemap.values()] + [f"{s}.exc" for s in filemap.values()]
    try:
        sources = _wordnet_sources(root, names)
        path = _wordnet_cache_path(sources)
    except (OSError, KeyError, AttributeError, ValueError):
        sources, path = None, None
    if path is not None:
        try:
            with open(path, "rb") as f:
                data = json.loads(f.read(_WORDNET_MAX_BYTES + 1))
            if data.get("format") == _WORDNET_CACHE_FORMAT and data.get("sources") == sources \
                    and _valid_wordnet_tables(data):
                # lemmas hold neither a space nor a line break (the index line's first field)
                by_pos = {p: set(v.split("\n")) if v else set() for p, v in data["lemmas"].items()}
                return by_pos, data["exceptions"]
        except Exception:  # noqa: BLE001, S110 - absent, stale or unreadable: parse the files
            pass
    lemmas, exceptions = _parse_wordnet(root, filemap)
    if path is not None:
        _write_wordnet_cache(path, {"format": _WORDNET_CACHE_FORMAT, "sources": sources,
                                    "lemmas": {p: "\n".join(v) for p, v in lemmas.items()},
                                    "exceptions": exceptions})
    return {p: set(v) for p, v in lemmas.items()}, exceptions


def _write_wordnet_cache(path: Path, data: dict) -> None:
    """Write the cache beside its final name and rename it into place; only that temporary
    file is ever removed. A folder that cannot be written: nothing, silently (the files are
    parsed again next time)."""
    import json
    import threading

    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
    finally:
        if tmp.exists():
            tmp.unlink()
