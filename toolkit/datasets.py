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
import urllib.error
import urllib.request
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from . import resources
from .config import FICTIONAL_GAZETTEER, SAMPLE_DIR, datasets_dir, shared_path
from .corpus import Corpus, load_corpus

UNGDC_FILE = "ungdc_1946-2024.jsonl.gz"
PRESIDENTIAL_FILE = "us_presidential_speeches_1789-2020.jsonl.gz"
# The files the loaders read, pinned by content: a download is kept only if it is byte for byte
# the file these SHA-256 name. Built from the public sources below (one JSON object per speech).
KNOWN_SHA256: dict[str, str] = {
    UNGDC_FILE: "c6057c65e9e33f8737e3bffa100317579e69a51d6a7fba231716eff7dca1b058",
    PRESIDENTIAL_FILE: "ccc5a5d6d146e2013d6fe6aef7d372afaef450d18321c4fb2cb4c402cc0c31c3",
}
SOURCES = {
    "ungdc": {"file": UNGDC_FILE, "size": "66 MB", "licence": "CC0",
              "upstream": "UN General Debate Corpus v13 (Jankin, Baturo & Dasandi), Harvard "
                          "Dataverse, doi:10.7910/DVN/0TJX8Y"},
    "presidential": {"file": PRESIDENTIAL_FILE, "size": "7.8 MB", "licence": "public domain",
                     "upstream": "Miller Center presidential speeches, millercenter.org"},
}
DATA_URL_ENV = "TOOLKIT_DATA_URL"


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
    name = next((k for k, v in SOURCES.items() if v["file"] == filename), None)
    how = (f"toolkit.datasets.download({name!r}, url=...) (or set {DATA_URL_ENV} to a mirror "
           "folder)" if name else f"toolkit.datasets.fetch(url, {filename!r}, sha256=...)")
    raise DatasetNotFound(f"{filename} not found (looked in: {', '.join(tried) or 'nowhere'}). "
                          f"Pass path=..., set TOOLKIT_DATA to the folder holding it, or use {how}")


def fetch(url: str, filename: str, *, sha256: str | None = None, timeout: float = 60) -> Path:
    """Download ``url`` into the datasets folder, verify the SHA-256, and return the path.

    The file is written beside its final name and renamed only once the checksum matches, so
    an interrupted or wrong download never leaves a file the loaders would read.

    Raises:
        DatasetNotFound: the server cannot be reached (offline?) or answers with an error.
        ValueError: the checksum does not match (the partial file is deleted).

    Example:
        >>> fetch("https://example.org/ungdc.jsonl.gz", "ungdc.jsonl.gz", sha256="...")  # doctest: +SKIP
    """
    dest = datasets_dir() / filename
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    h = hashlib.sha256()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp, tmp.open("wb") as out:  # noqa: S310
            for chunk in iter(lambda: resp.read(1 << 20), b""):
                h.update(chunk)
                out.write(chunk)
    except urllib.error.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise DatasetNotFound(f"could not download {filename} from {url}: the server answered "
                              f"{exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        tmp.unlink(missing_ok=True)
        reason = getattr(exc, "reason", None) or exc
        raise DatasetNotFound(f"could not download {filename} from {url}: {reason}. Offline? Copy "
                              f"the file into {dest.parent} (or set TOOLKIT_DATA to its folder)") from None
    expected = sha256 or KNOWN_SHA256.get(filename)
    if expected and h.hexdigest() != expected:
        tmp.unlink()
        raise ValueError(f"{filename}: SHA-256 {h.hexdigest()} does not match the expected {expected}")
    tmp.replace(dest)
    return dest


def download(name: str, *, url: str | None = None) -> Path:
    """Download a named corpus (``ungdc``, ``presidential``) into the datasets folder, once.

    The file is checked against its pinned SHA-256 (:data:`KNOWN_SHA256`) and kept in
    ``TOOLKIT_DATA`` (default: the cache's ``datasets/``), where the loaders find it. ``url`` is
    the file's address; without it, ``$TOOLKIT_DATA_URL/<file name>`` (a mirror folder).

    Raises:
        DatasetNotFound: no address given, or the server cannot be reached (offline?).
        ValueError: an unknown name, or the download is not the pinned file.

    Example:
        >>> download("ungdc", url="https://mirror.example.org/ungdc_1946-2024.jsonl.gz")  # doctest: +SKIP
        PosixPath('/home/me/.cache/discourse-toolkit/datasets/ungdc_1946-2024.jsonl.gz')
    """
    import os

    if name not in SOURCES:
        raise ValueError(f"`name` value = {name!r} is invalid; value must be one of {sorted(SOURCES)}")
    filename = SOURCES[name]["file"]
    dest = datasets_dir() / filename
    if dest.exists() and _sha256(dest) == KNOWN_SHA256[filename]:
        return dest
    base = os.environ.get(DATA_URL_ENV, "").rstrip("/")
    url = url or (f"{base}/{filename}" if base else None)
    if url is None:
        raise DatasetNotFound(f"no address for {filename}: pass url=... or set {DATA_URL_ENV} to a "
                              f"folder that serves it; its source is {SOURCES[name]['upstream']}")
    return fetch(url, filename, sha256=KNOWN_SHA256[filename])


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_years(years) -> list[int] | None:
    """Years as people type them: ``2022``, ``"2020-2022"``, ``"2019..2020"``, ``"2014,2016"``,
    a list or a ``range``; ``None``/``""`` for no filter.

    Raises:
        ValueError: the value is not a year, a list or a range of years.

    Example:
        >>> parse_years("2020-2022"), parse_years(2014), parse_years(range(2000, 2002))
        ([2020, 2021, 2022], [2014], [2000, 2001])
    """
    if years is None or years == "":
        return None
    bad = ValueError(f"`years` value = {years!r} is invalid; use a year, a list of years, "
                     "'2014-2022' or '2014,2016'")
    if isinstance(years, str):
        m = re.fullmatch(r"\s*(\d{4})\s*(?:-|\.\.|:)\s*(\d{4})\s*", years)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a > b:
                raise bad
            return list(range(a, b + 1))
        parts = [y for y in re.split(r"[,\s]+", years.strip()) if y]
        if not all(re.fullmatch(r"\d{4}", y) for y in parts):
            raise bad
        return [int(y) for y in parts]
    if isinstance(years, (int, np.integer)) and not isinstance(years, bool):
        return [int(years)]
    try:
        return [int(y) for y in years]
    except (TypeError, ValueError):
        raise bad from None


def parse_countries(countries) -> list[str] | None:
    """Country codes as people type them: ``"RUS"``, ``"rus,usa"``, ``["rus", "USA"]``
    (upper-cased); ``None``/``""`` for no filter.

    Example:
        >>> parse_countries("rus, usa"), parse_countries(["ukr"])
        (['RUS', 'USA'], ['UKR'])
    """
    if countries is None or countries == "":
        return None
    if isinstance(countries, str):
        countries = re.split(r"[,\s]+", countries.strip())
    return [str(c).strip().upper() for c in countries if str(c).strip()]


def subset(corpus: Corpus, *, countries=None, years=None, limit: int | None = None,
           name: str = "corpus") -> Corpus:
    """Keep the documents of these countries and years, then the first ``limit``.

    Filters accept what :func:`parse_countries` and :func:`parse_years` accept. A filter never
    empties a corpus silently: a country code the corpus does not have, or filters that leave
    no document, raise an error saying what the corpus has.

    Raises:
        ValueError: a filter names a column the corpus lacks, a country it does not have, or
            leaves no document.

    Example:
        >>> c = load_corpus(pd.DataFrame({"text": ["a.", "b."], "country": ["RUS", "USA"],
        ...                               "year": [2020, 2021]}))
        >>> subset(c, countries="rus").documents["country"].tolist()
        ['RUS']
    """
    countries, years = parse_countries(countries), parse_years(years)
    docs = corpus.documents
    if countries is not None:
        if "country" not in docs:
            raise ValueError(f"`countries` filter given, but corpus {name!r} has no country column; "
                             f"its columns are {list(docs.columns)}")
        have = docs["country"].astype(str).str.upper()
        unknown = sorted(set(countries) - set(have))
        if unknown and len(docs):
            some = ", ".join(sorted(set(have))[:12])
            raise ValueError(f"`countries` value {unknown} not in corpus {name!r}; it has "
                             f"{have.nunique()} codes (ISO3, e.g. {some} ...)")
        docs = docs[have.isin(countries)]
    if years is not None:
        if "year" not in docs and "date" not in docs:
            raise ValueError(f"`years` filter given, but corpus {name!r} has no year or date column")
        year = docs["year"] if "year" in docs else docs["date"].dt.year
        docs = docs[year.isin(years)]
    if limit not in (None, ""):
        docs = docs.head(int(limit))
    if len(corpus.documents) and not len(docs):
        all_years = (corpus.documents["year"] if "year" in corpus.documents
                     else corpus.documents.get("date", pd.Series(dtype="datetime64[ns, UTC]")).dt.year)
        span = f"{int(all_years.min())}-{int(all_years.max())}" if all_years.notna().any() else "none"
        raise ValueError(f"no document of corpus {name!r} matches countries={countries}, "
                         f"years={years}, limit={limit}; its years are {span}")
    corpus.documents = docs.reset_index(drop=True)
    return corpus


def ungdc(path: str | Path | None = None, *, countries: Iterable[str] | str | None = None,
          years: Iterable[int] | range | str | int | None = None) -> Corpus:
    """Load the UN General Debate corpus; ``doc_id`` is the file stem (``RUS_69_2014``).

    Columns added: ``country`` (ISO3), ``year``, ``session``; ``date`` is 1 January of the year
    (the corpus gives years only). Filters apply after loading (the load report still counts
    every line) and take the forms people type: ``countries="rus"`` or ``["RUS", "usa"]``,
    ``years="2020-2022"``, ``2022`` or ``range(2014, 2025)``.

    Raises:
        ValueError: a country code the corpus does not have, or filters that match nothing.

    Example:
        >>> c = ungdc(countries="rus,usa", years="2014-2024")  # doctest: +SKIP
        >>> c.documents["country"].unique().tolist()  # doctest: +SKIP
        ['RUS', 'USA']
    """
    corpus = load_corpus(_find(UNGDC_FILE, path), columns={"text": "text", "doc_id": "file", "date": "year"})
    docs = corpus.documents.rename(columns={"country_iso3": "country"})
    docs["year"] = docs["year"].astype("int64")
    docs["source"] = "UN General Debate"
    docs["author"] = docs["country"]
    corpus.documents = docs
    return subset(corpus, countries=countries, years=years, name="ungdc")


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
    if presidents is not None:
        wanted = [presidents] if isinstance(presidents, str) else list(presidents)
        keep = docs["author"].isin(wanted)
        if not keep.any():
            raise ValueError(f"`presidents` value = {wanted} matches no speech; names are as in "
                             f"{sorted(docs['author'].unique())[:5]} ...")
        corpus.documents = docs[keep].reset_index(drop=True)
    return corpus


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
    corpus = load_corpus(sorted(SAMPLE_DIR.glob("*.md")))
    corpus.options = sample_options()
    return corpus


def sample_options() -> dict:
    """The analysis options the sample declares: its fictional states' actor gazetteer.

    The sample is about invented states (Velmora, Tarsk, Borovia ...) that no real gazetteer
    knows, so without ``data/actors_fictional.csv`` every mention has ``actor=None``. Every
    entry point (``analyze``, the command line, the report, the notebooks) applies these
    options to the sample, so one corpus gives one answer everywhere.

    Example:
        >>> [Path(p).name for p in sample_options()["actors"]["lexicons"]]
        ['actors_fictional.csv']
    """
    if not FICTIONAL_GAZETTEER.exists():
        return {}
    return {"actors": {"lexicons": [str(FICTIONAL_GAZETTEER)]}}


def _is_sample_path(source) -> bool:
    items = source if isinstance(source, (list, tuple)) else [source]
    if not items or not all(isinstance(x, (str, Path)) for x in items):
        return False
    root = SAMPLE_DIR.resolve()
    for item in items:
        p = Path(item).resolve()
        if p != root and root not in p.parents:
            return False
    return True


def declared_options(source) -> dict:
    """The analysis options a source declares for itself: a :class:`Corpus`'s ``options``,
    the sample's (:func:`sample_options`) for the name ``"sample"`` or paths inside the
    sample folder, else none.

    Example:
        >>> declared_options("sample") == sample_options()
        True
        >>> declared_options("elsewhere/articles/")
        {}
    """
    if isinstance(source, Corpus):
        return dict(source.options or {})
    if isinstance(source, str) and source == "sample" and not Path(source).exists():
        return sample_options()
    if _is_sample_path(source):
        return sample_options()
    return {}


def analysis_options(source, options: dict | None = None, *, steps=None) -> dict:
    """The options to analyse ``source`` with: what it declares (:func:`declared_options`),
    then ``options`` on top (a user's option replaces the declared one of the same name).

    This is what ``analyze()`` applies at the door, so ``analyze(datasets.sample())``,
    ``analyze("data/sample")``, ``python -m toolkit analyze sample`` and the report agree.
    Pass ``options={"actors": {"lexicons": []}}`` to analyse the sample without its gazetteer.
    A user's old spelling of ``lexicons`` (e.g. ``gazetteers``) counts as ``lexicons`` here
    (with a ``FutureWarning``), so it still replaces the declared value.
    ``steps`` (the names of the annotators that will run) keeps only the declared options of
    those steps, since options for a step that does not run are an error.

    Example:
        >>> analysis_options("sample", {"escalation": {"event_rule": "first"}})["escalation"]
        {'event_rule': 'first'}
        >>> analysis_options("sample", {"actors": {"lexicons": []}})["actors"]
        {'lexicons': []}
    """
    from .lexicon import new_spelling

    out = {k: dict(v) for k, v in declared_options(source).items()
           if steps is None or k in set(steps)}
    for name, opts in (options or {}).items():
        opts = new_spelling(name, opts) if isinstance(opts, dict) else opts
        out[name] = {**out.get(name, {}), **dict(opts or {})}
    return out


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
