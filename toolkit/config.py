"""Paths and environment variables, nothing else.

Environment variables:
    TOOLKIT_SHARED: folder holding ``corpora/``, ``eval-dev/``, ``seed/`` and ``nltk_data/``
        (default: ``../shared`` next to the project checkout).
    TOOLKIT_CACHE: cache folder for downloads and cached analyses
        (default: ``~/.cache/discourse-toolkit``).
    TOOLKIT_DATA: folder with real corpora downloaded for real users (default: the cache's
        ``datasets/``).
    TOOLKIT_CACHE_COMPRESSION: how cached analysis parts are compressed: ``none`` (default:
        fastest to write and read, about 165 MB per million words), ``lz4`` (about 66 MB) or
        ``zstd`` (about 30 MB).
    NLTK_DATA: honoured by NLTK itself (see :mod:`toolkit.resources`).
    TOOLKIT_NLTK_DATA_ONLY: ``1`` to look for NLTK data only in the ``NLTK_DATA`` folders, not
        in NLTK's default places such as ``~/nltk_data`` (CI's data-free pass sets it).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"
# In a checkout the sample is ``data/``; an installed wheel carries the same files as the
# ``toolkit.sample_data`` package (pyproject.toml maps that package onto ``data/``).
DATA_DIR = (PACKAGE_DIR / "sample_data" if (PACKAGE_DIR / "sample_data" / "sample").is_dir()
            else PROJECT_ROOT / "data")
SAMPLE_DIR = DATA_DIR / "sample"
FICTIONAL_GAZETTEER = DATA_DIR / "actors_fictional.csv"


def shared_dir() -> Path | None:
    """Return the shared data folder if it exists, else ``None``.

    Example:
        >>> d = shared_dir()
        >>> d is None or d.is_dir()
        True
    """
    env = os.environ.get("TOOLKIT_SHARED")
    candidates = [Path(env)] if env else [PROJECT_ROOT.parent / "shared", Path.cwd().parent / "shared"]
    for cand in candidates:
        if cand.is_dir():
            return cand.resolve()
    return None


def shared_path(*parts: str) -> Path | None:
    """Return ``shared_dir()/parts`` if that path exists, else ``None``.

    Example:
        >>> p = shared_path("seed", "article.txt")
        >>> p is None or p.name == "article.txt"
        True
    """
    base = shared_dir()
    if base is None:
        return None
    path = base.joinpath(*parts)
    return path if path.exists() else None


def cache_dir() -> Path:
    """Return (and create) the cache folder.

    Example:
        >>> cache_dir().is_dir()
        True
    """
    path = Path(os.environ.get("TOOLKIT_CACHE", Path.home() / ".cache" / "discourse-toolkit"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def datasets_dir() -> Path:
    """Return the folder where downloaded real corpora are kept.

    Example:
        >>> datasets_dir().name
        'datasets'
    """
    env = os.environ.get("TOOLKIT_DATA")
    path = Path(env) if env else cache_dir() / "datasets"
    return path


CACHE_COMPRESSIONS = ("none", "lz4", "zstd")


def cache_compression() -> str:
    """Return how cached analysis parts are compressed (``TOOLKIT_CACHE_COMPRESSION``).

    Raises:
        ValueError: the variable names no known codec.

    Example:
        >>> cache_compression() in CACHE_COMPRESSIONS
        True
    """
    value = os.environ.get("TOOLKIT_CACHE_COMPRESSION", "none").strip().lower() or "none"
    if value not in CACHE_COMPRESSIONS:
        raise ValueError(f"`TOOLKIT_CACHE_COMPRESSION` value = {value!r} is invalid; value must be "
                         f"one of {list(CACHE_COMPRESSIONS)}")
    return value
