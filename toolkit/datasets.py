"""Real corpora, one call each, never committed copies.

* :func:`ungdc` - UN General Debate Corpus (Jankin, Baturo & Dasandi; CC0), 10,952 speeches.
* :func:`presidential` - US presidential speeches (Miller Center transcripts; public domain).
* :func:`nltk_speeches` - NLTK's ``inaugural`` and ``state_union`` corpora (dated, public domain).
* :func:`sample` - the constructed sample bundled in ``data/sample`` (fictional states).
* :func:`seed` - the news article this project started from (``shared/seed``), when present.

Each loader looks, in order, at the ``path`` argument, the ``TOOLKIT_DATA`` folder (or the
cache's ``datasets/``), and the shared folder (``TOOLKIT_SHARED`` or ``../shared``).
"""
from __future__ import annotations

import hashlib
import re
import urllib.request
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from . import resources
from .config import SAMPLE_DIR, datasets_dir, shared_path
from .corpus import Corpus, load_corpus

UNGDC_FILE = "ungdc_1946-2024.jsonl.gz"
PRESIDENTIAL_FILE = "us_presidential_speeches_1789-2020.jsonl.gz"
# The upstream UNGDC is on Harvard Dataverse (doi:10.7910/DVN/0TJX8Y). Real users can fetch a
# JSONL.gz built from it with :func:`fetch`, which checks the SHA-256 before keeping the file.
KNOWN_SHA256: dict[str, str] = {}


class DatasetNotFound(FileNotFoundError):
    """A corpus is not on this machine; the message says where it looked and how to get it."""


def _find(filename: str, path: str | Path | None) -> Path:
    tried = []
    if path is not None:
        p = Path(path)
        if p.is_dir():
            p = p / filename
        if p.exists():
            return p
        tried.append(str(p))
    for cand in (datasets_dir() / filename, shared_path("corpora", filename)):
        if cand is not None:
            tried.append(str(cand))
            if Path(cand).exists():
                return Path(cand)
    raise DatasetNotFound(f"{filename} not found (looked in: {', '.join(tried) or 'nowhere'}). "
                          f"Pass path=..., set TOOLKIT_DATA to the folder holding it, or use "
                          f"toolkit.datasets.fetch(url, {filename!r}, sha256=...)")


def fetch(url: str, filename: str, *, sha256: str | None = None) -> Path:
    """Download ``url`` into the datasets folder, verify the SHA-256, and return the path.

    Raises:
        ValueError: the checksum does not match (the file is deleted).

    Example:
        >>> fetch("https://example.org/ungdc.jsonl.gz", "ungdc.jsonl.gz", sha256="...")  # doctest: +SKIP
    """
    dest = datasets_dir() / filename
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    with urllib.request.urlopen(url, timeout=60) as resp, tmp.open("wb") as out:  # noqa: S310
        h = hashlib.sha256()
        for chunk in iter(lambda: resp.read(1 << 20), b""):
            h.update(chunk)
            out.write(chunk)
    expected = sha256 or KNOWN_SHA256.get(filename)
    if expected and h.hexdigest() != expected:
        tmp.unlink()
        raise ValueError(f"{filename}: SHA-256 {h.hexdigest()} does not match the expected {expected}")
    tmp.replace(dest)
    return dest


def _filter(corpus: Corpus, col: str, values: Iterable | None) -> Corpus:
    if values is None:
        return corpus
    keep = corpus.documents[col].isin(set(values))
    corpus.documents = corpus.documents[keep].reset_index(drop=True)
    return corpus


def ungdc(path: str | Path | None = None, *, countries: Iterable[str] | None = None,
          years: Iterable[int] | range | None = None) -> Corpus:
    """Load the UN General Debate corpus; ``doc_id`` is the file stem (``RUS_69_2014``).

    Columns added: ``country`` (ISO3), ``year``, ``session``; ``date`` is 1 January of the year
    (the corpus gives years only). Filters apply after loading; the load report still counts
    every line.

    Example:
        >>> c = ungdc(countries=["RUS", "USA"], years=range(2014, 2025))  # doctest: +SKIP
        >>> c.documents["country"].unique().tolist()  # doctest: +SKIP
        ['RUS', 'USA']
    """
    corpus = load_corpus(_find(UNGDC_FILE, path), columns={"text": "text", "doc_id": "file", "date": "year"})
    docs = corpus.documents.rename(columns={"country_iso3": "country"})
    docs["year"] = docs["year"].astype("int64")
    docs["source"] = "UN General Debate"
    docs["author"] = docs["country"]
    corpus.documents = docs
    corpus = _filter(corpus, "country", countries)
    return _filter(corpus, "year", years)


def presidential(path: str | Path | None = None, *, presidents: Iterable[str] | None = None) -> Corpus:
    """Load the US presidential speeches (1789-2020); ``author`` is the president.

    Example:
        >>> presidential().documents["author"].iloc[0]  # doctest: +SKIP
        'George Washington'
    """
    corpus = load_corpus(_find(PRESIDENTIAL_FILE, path),
                         columns={"text": "text", "doc_id": "file", "date": "date", "author": "president"})
    docs = corpus.documents
    # A few transcripts lack a date; their file name starts with it (YYYY-MM-DD-slug).
    missing = docs["date"].isna()
    if missing.any():
        from_name = pd.to_datetime(docs.loc[missing, "doc_id"].str[:10], errors="coerce", utc=True)
        docs.loc[missing, "date"] = from_name
        rep = corpus.report
        for doc_id in docs.loc[missing & docs["date"].notna(), "doc_id"]:
            rep.loc[rep["doc_id"] == doc_id, "note"] = "date missing; taken from the file name"
    docs["year"] = docs["date"].dt.year.astype("Int64")
    docs["source"] = "Miller Center"
    docs["title"] = docs["slug"].str.replace("-", " ").str.capitalize()
    corpus.documents = docs
    return _filter(corpus, "author", presidents)


_FILEID = re.compile(r"^(\d{4})(?:-\d)?-(.+)\.txt$")


def nltk_speeches(which: Iterable[str] = ("inaugural", "state_union")) -> Corpus:
    """Load NLTK's dated US speeches (``inaugural``, ``state_union``) as a corpus.

    Raises:
        DatasetNotFound: the NLTK data is missing (run ``python -m toolkit setup``).

    Example:
        >>> c = nltk_speeches(["inaugural"])  # doctest: +SKIP
        >>> c.documents["doc_id"].iloc[0]  # doctest: +SKIP
        'inaugural/1789-Washington'
    """
    import nltk.corpus

    rows = []
    for name in which:
        if not resources.require(name):
            raise DatasetNotFound(f"NLTK corpus {name!r} is missing: run `python -m toolkit setup` "
                                  "or point NLTK_DATA at a folder that has it")
        reader = getattr(nltk.corpus, name)
        for fid in reader.fileids():
            m = _FILEID.match(fid)
            year, speaker = (m.group(1), m.group(2)) if m else ("", fid)
            rows.append({"doc_id": f"{name}/{fid[:-4]}", "text": reader.raw(fid), "date": year,
                         "author": speaker, "source": name, "title": f"{name} {fid[:-4]}"})
    corpus = load_corpus(pd.DataFrame(rows))
    corpus.report["source"] = corpus.report["doc_id"].str.split("/").str[0].radd("nltk:")
    corpus.documents["year"] = corpus.documents["date"].dt.year.astype("Int64")
    return corpus


def sample() -> Corpus:
    """Load the constructed sample (short news-style articles about fictional states).

    Example:
        >>> sample().n_skipped
        0
    """
    return load_corpus(sorted(SAMPLE_DIR.glob("*.md")))


def seed(path: str | Path | None = None) -> Corpus:
    """Load the seed article (``shared/seed/article.txt``), dated September 2024.

    Example:
        >>> seed().documents["doc_id"].tolist()  # doctest: +SKIP
        ['seed']
    """
    p = Path(path) if path else shared_path("seed", "article.txt")
    if p is None or not p.exists():
        raise DatasetNotFound("the seed article is not here (expected shared/seed/article.txt)")
    text = p.read_text(encoding="utf-8")
    return load_corpus(pd.DataFrame([{"doc_id": "seed", "text": text, "date": "2024-09-11",
                                      "title": "Kremlin warns of response to long-range strikes"}]))


def default_corpus() -> tuple[Corpus, str]:
    """The main job's corpus: NLTK's US speeches when present, else the bundled sample.

    Returns:
        ``(corpus, description)``.

    Example:
        >>> c, what = default_corpus()
        >>> len(c.documents) > 0
        True
    """
    if resources.available("inaugural") and resources.available("state_union"):
        return nltk_speeches(), "NLTK inaugural + state_union (US presidential speeches)"
    resources.require("inaugural")
    return sample(), "bundled constructed sample (data/sample); NLTK speeches not installed"
