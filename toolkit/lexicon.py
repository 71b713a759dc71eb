"""Versioned lexicons (CSV entries + YAML metadata) and a one-pass phrase matcher.

A lexicon is two files side by side, ``<name>.csv`` and ``<name>.yaml``:

* the CSV has one row per entry with at least ``entry`` (a word or phrase) and ``category``;
  usually also ``weight`` and ``note``, plus columns of its own (``cameo``, ``goldstein`` ...)
  and optionally ``match_on`` per entry;
* the YAML has ``name``, ``version``, ``description``, ``categories`` (each described),
  ``match_on`` (``lemma``, ``lower`` or ``text``), ``sources`` (the published schemes it follows)
  and a ``changelog`` whose first item is the current version. Optional ``max_gap`` (default 5).

Entry syntax: tokens as the toolkit tokenizes them, matched on lemmas by default, so
"stern warning" also finds "stern warnings"; `` ... `` is a gap of up to ``max_gap`` tokens
inside one sentence ("warn ... of consequence"); ``a|b`` is one token that is ``a`` or ``b``
("lodge ... representation|representations"; each alternative is one token, and an entry
whose ``|`` has no token on one side is refused when the file is read). Such an entry's
``entry`` is its first spelling; each hit is named by the spelling it matched. Entries are lemmatized by the same function
as the text, so matching stays consistent with or without WordNet.

Matching looks one-token entries up through the integer codes of the token column (numpy) and
compares entries of several tokens with windows of the column's key ids (numpy, per number of
tokens). The codes and ids are shared by the lexicons matched on one chunk through the chunk's
memo (:func:`toolkit.tokenize.chunk_memo`); a lexicon's hits depend only on it and the
tokens, never on which other lexicons the process loaded.

Example:
    >>> lex = load("reporting_verbs")  # doctest: +SKIP
    >>> lex.tag  # doctest: +SKIP
    'reporting_verbs@1.1.0'
"""
from __future__ import annotations

import bisect
import functools
import io
import os
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from . import _yaml
from .annotator import OptionError
from .config import LEXICON_DIR
from .tokenize import _memo_of, _vocab, lemmatize, token_spans, vocabulary

MATCH_KEYS = ("lemma", "lower", "text")
GAP = "..."
HIT_COLUMNS = ["doc_id", "sent_id", "tok_start", "tok_end", "start", "end", "text", "entry_id"]
REQUIRED_META = ("name", "version", "description", "categories", "match_on", "sources", "changelog")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the line."""


ALT = "|"


def entry_parts(entry: str) -> list[list[tuple[str, ...]]]:
    """An entry's parts (split at `` ... ``), each a list of token positions, each position the
    tuple of its alternatives (``a|b``).

    Raises:
        ValueError: an empty part, or an ``|`` without a token on each side; the message
            says what is wrong (the loader adds the file and line).

    Example:
        >>> entry_parts("lodge ... representation|representations")
        [[('lodge',)], [('representation', 'representations')]]
        >>> entry_parts("call for talks|ceasefire")
        [[('call',), ('for',), ('talks', 'ceasefire')]]
    """
    return [list(slots) for slots in _parts(entry)]


@functools.lru_cache(maxsize=1 << 16)
def _parts(entry: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """:func:`entry_parts` as tuples, memoised: loading a lexicon checks each entry and its
    matcher reads the same entries again (half the parsing at start-up)."""
    out = []
    for part in (p.strip() for p in entry.split(GAP)):
        toks = [part[a:b] for a, b in token_spans(part)]
        if not toks:
            raise ValueError("has an empty part (a `...` at an end or doubled)")
        slots: list[tuple[str, ...]] = []
        joined = False      # the previous token was an `|`
        for t in toks:
            if t == ALT:
                if not slots or joined:
                    raise ValueError("has an `|` without an alternative before it")
                joined = True
            elif joined:
                slots[-1] += (t,)
                joined = False
            else:
                slots.append((t,))
        if joined:
            raise ValueError("has an `|` without an alternative after it")
        out.append(tuple(slots))
    return tuple(out)


def canonical(entry: str) -> str:
    """An entry's name: each ``a|b`` replaced by its first alternative (the name output rows
    carry in ``entry``/``cue``, and the name other rules and lists refer to).

    Example:
        >>> canonical("lodge ... representation|representations"), canonical("warn")
        ('lodge ... representation', 'warn')
    """
    if ALT not in entry:
        return entry
    return " ... ".join(" ".join(alts[0] for alts in slots) for slots in _parts(entry))


def _spellings(entry: str) -> list[tuple[str, tuple[str, ...]]]:
    """An entry's spellings, one alternative per token position, in order, each with its
    lower-cased words (the first is its :func:`canonical` name).

    Example:
        >>> [n for n, _ in _spellings("lodge ... representation|representations")]
        ['lodge ... representation', 'lodge ... representations']
    """
    spelled = [[]]
    for k, slots in enumerate(_parts(entry)):
        part = [[]]
        for alts in slots:
            part = [p + [a] for p in part for a in alts]
        spelled = [s + ([GAP] if k else []) + p for s in spelled for p in part]
    return [(" ".join(w), tuple(_norm(t.lower()) for t in w if t != GAP)) for w in spelled]


def _with_patterns(df: pd.DataFrame) -> pd.DataFrame:
    """Entries written with ``a|b``: ``pattern`` keeps the entry as written (what is matched)
    and ``entry`` becomes its :func:`canonical` name; entries without keep ``pattern`` empty.
    A table with no ``|`` anywhere is returned as it is (no ``pattern`` column)."""
    entries = df["entry"].astype(str)
    has = entries.str.contains(ALT, regex=False)
    if "pattern" in df.columns:
        pat = df["pattern"].fillna("").astype(str)
        has = has & (pat == "")
    elif not has.any():
        return df
    else:
        df = df.assign(pattern="")
    if has.any():
        df.loc[has, "pattern"] = entries[has]
        df.loc[has, "entry"] = entries[has].map(canonical)
    return df


def _keys_of(slots: Sequence[tuple[str, ...]], on: str) -> list[str]:
    """The distinct matching keys (`` a b ``) of one part's token positions, in order."""
    keys = [""]
    for alts in slots:
        forms = list(dict.fromkeys(key_of(t, on) for t in alts))
        keys = [f"{k} {f}" for k in keys for f in forms]
    return list(dict.fromkeys(k + " " for k in keys))


def _norm(tok: str) -> str:
    # Curly and straight apostrophes/quotes and hyphen variants compare equal. The three
    # variants are not ASCII, so an ASCII token (most of them; a flag check) is already normal.
    if tok.isascii():
        return tok
    return tok.replace("’", "'").replace("‘", "'").replace("‐", "-")


def key_of(token: str, on: str) -> str:
    """Return the matching key of one token for ``on`` in ``MATCH_KEYS``.

    Example:
        >>> key_of("Warned", "lemma"), key_of("Kyiv’s", "lower")
        ('warn', "kyiv's")
    """
    if on == "text":
        return _norm(token)
    low = _norm(token.lower())
    return lemmatize(low) if on == "lemma" else low


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A loaded lexicon: ``entries`` (one row per entry, ``entry_id`` = row number) and ``meta``."""

    name: str
    version: str
    meta: dict
    entries: pd.DataFrame
    path: Path | None = None
    _cache: dict = field(default_factory=dict, repr=False)

    @property
    def tag(self) -> str:
        """``name@version``, stamped on every output row's ``source`` column."""
        return f"{self.name}@{self.version}"

    @property
    def categories(self) -> dict:
        return dict(self.meta.get("categories") or {})

    def matcher(self) -> Matcher:
        """Return the compiled matcher (built once per lexicon object)."""
        if "matcher" not in self._cache:
            self._cache["matcher"] = Matcher(self)
        return self._cache["matcher"]

    def find(self, tokens: pd.DataFrame, texts: Mapping[str, str], *,
             overlaps: str = "longest") -> pd.DataFrame:
        """Match this lexicon on a tokens table; see :meth:`Matcher.find`.

        Example:
            >>> from toolkit.tokenize import tokenize_documents
            >>> lex = from_records("demo", [{"entry": "stern warning", "category": "warn"}])
            >>> _, toks = tokenize_documents(["d"], ["It issued stern warnings."])
            >>> lex.find(toks, {"d": "It issued stern warnings."})["text"].tolist()
            ['stern warnings']
        """
        return self.matcher().find(tokens, texts, overlaps=overlaps)


def _read_meta(path: Path) -> dict:
    try:
        meta = _yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise LexiconError(f"{path}{line}: invalid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise LexiconError(f"{path} line 1: expected a mapping of metadata keys")
    missing = [k for k in REQUIRED_META if k not in meta]
    if missing:
        raise LexiconError(f"{path}: missing metadata keys {missing}; required: {list(REQUIRED_META)}")
    if meta["match_on"] not in MATCH_KEYS:
        raise LexiconError(f"{path}: `match_on` value = {meta['match_on']!r} is invalid; "
                           f"value must be one of {list(MATCH_KEYS)}")
    log = meta["changelog"]
    if not log or str(log[0].get("version")) != str(meta["version"]):
        raise LexiconError(f"{path}: version {meta['version']} is not the first changelog entry")
    return meta


def _read_entries(path: Path, meta: dict) -> pd.DataFrame:
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    except pd.errors.ParserError as exc:
        raise LexiconError(f"{path}: {exc}") from None
    for col in ("entry", "category"):
        if col not in df.columns:
            raise LexiconError(f"{path} line 1: missing column {col!r}; columns are {list(df.columns)}")
    df["entry"] = df["entry"].str.strip()
    cats = set(meta["categories"] or {})
    match_on = df["match_on"].tolist() if "match_on" in df.columns else [""] * len(df)
    for i, (entry, category, on) in enumerate(zip(df["entry"].tolist(), df["category"].tolist(),
                                                  match_on), start=2):
        if not entry:
            raise LexiconError(f"{path} line {i}: empty entry")
        if category not in cats:
            raise LexiconError(f"{path} line {i}: category {category!r} is not declared in "
                               f"the YAML categories {sorted(cats)}")
        if on and on not in MATCH_KEYS:
            raise LexiconError(f"{path} line {i}: match_on {on!r} is invalid; "
                               f"value must be one of {list(MATCH_KEYS)}")
        try:
            _parts(entry)
        except ValueError as exc:
            raise LexiconError(f"{path} line {i}: entry {entry!r} {exc}") from None
    if "weight" in df.columns:
        df["weight"] = pd.to_numeric(df["weight"].replace("", np.nan), errors="raise")
    df = _with_patterns(df)
    df.insert(0, "entry_id", np.arange(len(df), dtype="int64"))
    return df


@functools.lru_cache(maxsize=64)
def _load_cached(yaml_path: str, mtime_csv: float, mtime_yaml: float) -> Lexicon:
    ypath = Path(yaml_path)
    meta = _read_meta(ypath)
    entries = _read_entries(ypath.with_suffix(".csv"), meta)
    return Lexicon(name=str(meta["name"]), version=str(meta["version"]), meta=meta,
                   entries=entries, path=ypath)


def resolve(name_or_path: str | Path) -> Path:
    """Return the YAML path of a bundled lexicon name or of a user's file.

    Example:
        >>> resolve("reporting_verbs").name  # doctest: +SKIP
        'reporting_verbs.yaml'
    """
    p = Path(name_or_path)
    if p.suffix in (".yaml", ".yml", ".csv"):
        p = p.with_suffix(".yaml") if p.suffix == ".csv" else p
        if not p.exists():
            raise FileNotFoundError(f"lexicon metadata {p} not found (a lexicon is <name>.csv + <name>.yaml)")
        return p
    p = LEXICON_DIR / f"{name_or_path}.yaml"
    if not p.exists():
        raise LexiconError(f"`lexicon` value = {name_or_path!r} is invalid; value must be one of "
                           f"{names()} or a path to a .yaml file")
    return p


def load(name_or_path: str | Path, *, overlay=None) -> Lexicon:
    """Load a bundled lexicon by name, or a user lexicon by path (cached until the files change).

    Args:
        name_or_path: a bundled name (see :func:`names`) or a ``.yaml``/``.csv`` path.
        overlay: a small CSV path or DataFrame of entries that add to, replace or remove
            bundled ones (see :func:`apply_overlay`); the result's tag says so
            (``escalation@1.1.0+overlay.9e3608df``).

    Raises:
        LexiconError: with the file and line of the first problem.

    Example:
        >>> sorted(load(n).name for n in names()) == names()
        True
        >>> tag = load("escalation", overlay=pd.DataFrame({"entry": ["ultimatum"], "category": ["threaten"]})).tag
        >>> tag == f"escalation@{load('escalation').version}+overlay.9e3608df"
        True
    """
    ypath = resolve(name_or_path)
    csv = ypath.with_suffix(".csv")
    if not csv.exists():
        raise LexiconError(f"{csv} not found: a lexicon is <name>.csv + <name>.yaml")
    base = _load_cached(str(ypath), csv.stat().st_mtime, ypath.stat().st_mtime)
    return base if overlay is None else apply_overlay(base, overlay)


def names() -> list[str]:
    """Names of the bundled lexicons.

    Example:
        >>> isinstance(names(), list)
        True
    """
    return sorted(p.stem for p in LEXICON_DIR.glob("*.yaml") if p.with_suffix(".csv").exists())


def from_records(name: str, records: list[dict], *, version: str = "0.0.0",
                 match_on: str = "lemma", max_gap: int = 5, **meta) -> Lexicon:
    """Build an in-memory lexicon (for tests and quick experiments).

    Example:
        >>> from_records("x", [{"entry": "red line", "category": "marker"}]).tag
        'x@0.0.0'
    """
    entries = _with_patterns(pd.DataFrame(records))
    entries.insert(0, "entry_id", np.arange(len(entries), dtype="int64"))
    cats = {c: "" for c in entries["category"].unique()}
    m = {"name": name, "version": version, "description": "", "categories": cats,
         "match_on": match_on, "sources": [], "changelog": [{"version": version}],
         "max_gap": max_gap, **meta}
    return Lexicon(name=name, version=version, meta=m, entries=entries)


def _doc_slices(doc_ids: np.ndarray) -> Iterator[tuple[object, int, int]]:
    """Yield ``(doc_id, i, j)`` for each run of equal ids (rows of one document are contiguous)."""
    n = len(doc_ids)
    if n == 0:
        return
    change = np.flatnonzero(doc_ids[1:] != doc_ids[:-1]) + 1
    bounds = np.concatenate(([0], change, [n]))
    for i, j in zip(bounds[:-1], bounds[1:]):
        yield doc_ids[i], int(i), int(j)


class Matcher:
    """The entries of one lexicon, ready to match: one-token keys by column codes, longer keys
    by windows of the column's key ids."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        default_on = lexicon.meta.get("match_on", "lemma")
        self.max_gap = int(lexicon.meta.get("max_gap", 5))
        ents = lexicon.entries
        per_entry_on = ents["match_on"].tolist() if "match_on" in ents else [None] * len(ents)
        written = ents["entry"].tolist()
        if "pattern" in ents:   # an entry with `a|b` alternatives is matched as written
            written = [p if isinstance(p, str) and p else e for p, e in zip(ents["pattern"].tolist(), written)]
        self.parts: dict[int, list[int]] = {}   # entry_id -> number of tokens of each part
        self.gapped: dict[int, int] = {}        # entry_id -> number of parts (>1)
        patterns: dict[str, dict[str, list[tuple[int, int, int]]]] = defaultdict(lambda: defaultdict(list))
        for entry, eid, entry_on in zip(written, ents["entry_id"].tolist(), per_entry_on):
            on = entry_on if isinstance(entry_on, str) and entry_on else default_on
            eid = int(eid)
            try:
                parts = _parts(entry)
            except ValueError as exc:
                raise LexiconError(f"{lexicon.path or lexicon.name}: entry {entry!r} {exc}") from None
            lens = []
            for k, slots in enumerate(parts):
                for key in _keys_of(slots, on):
                    patterns[on][key].append((eid, k, len(slots)))
                lens.append(len(slots))
            self.parts[eid] = lens
            if len(parts) > 1:
                self.gapped[eid] = len(parts)
        self._extra_df: pd.DataFrame | None = None
        self._entry_pos: pd.Index | None = None
        # Keys of one token are looked up through the column's integer codes, keys of several
        # tokens compared with windows of key ids (both vectorised).
        self.ons = list(patterns)
        self.single: dict[str, dict[str, tuple]] = {}
        self.multi: dict[str, dict[str, tuple]] = {}
        for on, keyed in patterns.items():
            self.single[on] = {k.strip(): tuple(v) for k, v in keyed.items() if " " not in k.strip()}
            self.multi[on] = {k: tuple(v) for k, v in keyed.items() if " " in k.strip()}
        self._patterns = patterns
        self._gapped_ids = np.fromiter(self.gapped, dtype=np.int64, count=len(self.gapped))
        # entry_id -> its spellings (name, lower-cased words) where it has `a|b` alternatives
        self.spelled: dict[int, list[tuple[str, str, tuple[str, ...]]]] = {}
        for entry, eid, entry_on in zip(written, ents["entry_id"].tolist(), per_entry_on):
            if ALT in entry:
                on = entry_on if isinstance(entry_on, str) and entry_on else default_on
                self.spelled[int(eid)] = [(name, on, tuple(key_of(t, on) for t in toks))
                                          for name, toks in _spellings(entry)]
        self._spelled_ids = np.fromiter(self.spelled, dtype=np.int64, count=len(self.spelled))
        self._by_width: dict[str, dict] = {}

    def find(self, tokens: pd.DataFrame, texts: Mapping[str, str], *,
             overlaps: str = "longest") -> pd.DataFrame:
        """Return one row per match with token and character offsets and the entry's columns.

        Args:
            tokens: the tokens table (rows of a document contiguous, in ``tok_id`` order).
            texts: ``doc_id -> text``, to fill the ``text`` column from the document itself.
            overlaps: ``"longest"`` keeps leftmost-longest non-overlapping spans (every entry
                on the winning span is kept); ``"all"`` keeps every match.

        Returns:
            Columns ``doc_id, sent_id, tok_start, tok_end, start, end, text, entry_id`` followed by
            the lexicon's entry columns and ``source`` (``name@version``).

        Notes:
            Keys are compared as integer ids of the key column's distinct values over the whole
            table (all documents; a key never spans two sentences), computed once per tokens
            table while a chunk memo is open (:func:`toolkit.tokenize.chunk_memo`) and shared
            by every lexicon matched on it; rows are assembled with numpy, not per hit.
        """
        if overlaps not in ("longest", "all"):
            raise ValueError(f"`overlaps` value = {overlaps!r} is invalid; value must be one of ['longest', 'all']")
        n = len(tokens)
        hits = np.zeros((0, 3), dtype=np.int64)
        if n and self.ons:
            # Document runs from integer codes (C-level), not by comparing Python strings.
            codes, uniques = vocabulary(tokens["doc_id"])
            sent_arr = tokens["sent_id"].to_numpy()
            new_sent = np.ones(n, dtype=bool)
            new_sent[1:] = (codes[1:] != codes[:-1]) | (sent_arr[1:] != sent_arr[:-1])
            per_on = [self._hits_on(on, tokens[on] if on in ("lemma", "lower") else tokens["text"],
                                    new_sent) for on in self.ons]
            ra, rb, reid, rpart = (np.concatenate([h[i] for h in per_on]) for i in range(4))
            if self.gapped:
                g = np.isin(reid, self._gapped_ids)
                keep = ~g
                hits = np.column_stack((ra[keep], rb[keep], reid[keep]))
                joined = self._join_gaps_arrays(ra[g], rb[g], reid[g], rpart[g], np.cumsum(new_sent))
                if joined:
                    hits = np.concatenate((hits, np.asarray(joined, dtype=np.int64)))
            else:
                hits = np.column_stack((ra, rb, reid))
            if len(hits):
                if overlaps == "longest":
                    hits = _longest_array(hits)
                else:
                    # Per document, in the order found (each document's scan order).
                    hits = hits[np.argsort(codes[hits[:, 0]], kind="stable")]
        a, b, eid = hits[:, 0], hits[:, 1], hits[:, 2]
        if len(hits):
            doc_of = codes[a]
            tokid_arr = tokens["tok_id"].to_numpy()
            s_arr = tokens["start"].to_numpy()[a].astype("int64", copy=False)
            e_arr = tokens["end"].to_numpy()[b - 1].astype("int64", copy=False)
            doc_texts = [texts[u] for u in uniques]
            hit_text = [doc_texts[c][s:e] for c, s, e in zip(doc_of.tolist(), s_arr.tolist(), e_arr.tolist())]
            cols = {"doc_id": np.asarray(uniques, dtype=object)[doc_of].tolist(),
                    "sent_id": sent_arr[a].astype("int64", copy=False),
                    "tok_start": tokid_arr[a].astype("int64", copy=False),
                    "tok_end": tokid_arr[b - 1].astype("int64", copy=False) + 1,
                    "start": s_arr, "end": e_arr, "text": hit_text, "entry_id": eid}
        else:  # no hits: the column types a merge of the empty table with the entries gives
            empty = pd.DataFrame({c: [] for c in HIT_COLUMNS}, columns=HIT_COLUMNS)
            for c in ("sent_id", "tok_start", "tok_end", "start", "end", "entry_id"):
                empty[c] = empty[c].astype("int64")
            merged = empty.merge(self._extra(), on="entry_id", how="left", sort=False)
            merged["source"] = self.lexicon.tag
            return merged
        # The entries' own columns, joined on entry_id (a take, not a merge).
        extra = self._extra()
        pos = self._entry_pos.get_indexer(eid)
        for col in extra.columns:
            if col != "entry_id":
                cols[col] = extra[col].array.take(pos)
        cols["source"] = self.lexicon.tag
        if self.spelled:
            cols["entry"] = self._spelled_names(cols["entry"], eid, hit_text)
        return pd.DataFrame(cols)

    def _spelled_names(self, names, eid: np.ndarray, hit_text: list[str]):
        """Each hit of an entry with ``a|b`` alternatives named by the spelling it matched: of the
        entry's spellings (one alternative per token position), the one with most matching keys
        among the hit's, the first on a tie. So a hit is named as the separate row of that
        spelling was before the rows were merged: with WordNet, which keeps ``assets`` as its
        own lemma, "froze the assets" is ``freeze ... assets``, while "meeting" (lemma ``meet``)
        is ``meet`` of ``meet|meeting``."""
        out = np.asarray(names, dtype=object).copy()
        for k in np.flatnonzero(np.isin(eid, self._spelled_ids)).tolist():
            spellings = self.spelled[int(eid[k])]
            on = spellings[0][1]
            words = {key_of(hit_text[k][a:b], on) for a, b in token_spans(hit_text[k])}
            best, score = None, -1
            for name, _, toks in spellings:
                n = sum(t in words for t in toks)
                if n > score:
                    best, score = name, n
            out[k] = best
        return out

    def _extra(self) -> pd.DataFrame:
        """The entry columns joined onto hits (``text`` renamed ``entry_text``), built once."""
        if self._extra_df is None:
            ents = self.lexicon.entries
            extra = ents.drop(columns=[c for c in ("match_on", "pattern") if c in ents])
            self._extra_df = extra.rename(columns={"text": "entry_text"}).reset_index(drop=True)
            self._entry_pos = pd.Index(self._extra_df["entry_id"])
        return self._extra_df

    def _hits_on(self, on: str, column: pd.Series, new_sent: np.ndarray) -> tuple[np.ndarray, ...]:
        """Arrays ``(row_start, row_end, entry_id, part)`` of every key of column ``on``, in the
        order one automaton with all of them would report them (by end row, longer keys first)."""
        a1, e1, p1 = self._single_hits(on, column)
        multi = self._multi_hits(on, column, new_sent) if self.multi[on] else None
        if multi is None or not len(multi[0]):
            return a1, a1 + 1, e1, p1
        a = np.concatenate((multi[0], a1))
        b = np.concatenate((multi[1], a1 + 1))
        order = np.lexsort((a - b, b), axis=0)
        return (a[order], b[order], np.concatenate((multi[2], e1))[order],
                np.concatenate((multi[3], p1))[order])

    def _single_hits(self, on: str, column: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, entry ids and parts of the one-token keys of column ``on`` (vectorised)."""
        single = self.single[on]
        empty = np.zeros(0, dtype=np.int64)
        if not single:
            return empty, empty, empty
        codes, normed, index, dups = _normed_vocabulary(column)
        # one look-up per key of the lexicon (a few hundred), not per distinct token
        found = [(c, vals) for key, vals in single.items()
                 for c in dups.get(key) or ((index[key],) if key in index else ())]
        if not found:
            return empty, empty, empty
        lookup = np.full(len(normed) + 1, -1, dtype=np.int64)   # code -1 (missing) reads -1
        lookup[[c for c, _ in found]] = np.arange(len(found))
        which = lookup[codes]
        rows = np.flatnonzero(which >= 0)
        if not len(rows):
            return empty, empty, empty
        counts = np.fromiter((len(v) for _, v in found), dtype=np.int64, count=len(found))
        flat = [val for _, vals in found for val in vals]
        flat_eid = np.fromiter((v[0] for v in flat), dtype=np.int64, count=len(flat))
        flat_part = np.fromiter((v[1] for v in flat), dtype=np.int64, count=len(flat))
        offsets = np.concatenate(([0], np.cumsum(counts)[:-1]))
        k = which[rows]
        reps = counts[k]
        rows = np.repeat(rows, reps)
        # position of each repeated row among its entry's values: 0, 1, ... per row
        within = np.arange(len(rows)) - np.repeat(np.cumsum(reps) - reps, reps)
        idx = np.repeat(offsets[k], reps) + within
        return rows.astype(np.int64, copy=False), flat_eid[idx], flat_part[idx]

    def _multi_hits(self, on: str, column: pd.Series, new_sent: np.ndarray) -> tuple[np.ndarray, ...]:
        """Arrays ``(row_start, row_end, entry_id, part)`` of the keys of several tokens: rows
        whose matching keys, within one sentence, are the key's tokens (compared as integer ids
        of the column's distinct keys, vectorised per key length)."""
        ids, key_id, size = _key_ids(column)
        n, base = len(ids), size + 1
        out = []
        for width, keys in self._multi_by_width(on).items():
            known = [(tuple(key_id.get(t, -2) for t in toks), vals) for toks, vals in keys]
            known = [(k, vals) for k, vals in known if -2 not in k]   # a token not in this text
            if not known or n < width:
                continue
            first = np.zeros(base, dtype=bool)                        # id -1 (missing) reads False
            first[[k[0] for k, _ in known]] = True
            rows = np.flatnonzero(first[ids[: n - width + 1]])
            for i in range(1, width):                                 # no sentence starts inside
                rows = rows[~new_sent[rows + i]]
            if not len(rows):
                continue
            window = ids[rows[:, None] + np.arange(width)]
            if base ** width < 2 ** 62:                               # one integer per window
                radix = base ** np.arange(width - 1, -1, -1, dtype=np.int64)
                packed_keys = np.fromiter((int(np.dot(k, radix)) for k, _ in known), dtype=np.int64,
                                          count=len(known))
                order = np.argsort(packed_keys, kind="stable")
                sorted_keys = packed_keys[order]
                packed = window @ radix
                at = np.minimum(np.searchsorted(sorted_keys, packed), len(sorted_keys) - 1)
                hit = np.flatnonzero(sorted_keys[at] == packed)
                out.append(_expand(rows[hit], order[at[hit]], [vals for _, vals in known]))
            else:
                by_key = {k: i for i, (k, _) in enumerate(known)}
                pairs = [(r, by_key[w]) for r, w in zip(rows.tolist(), map(tuple, window.tolist()))
                         if w in by_key]
                if pairs:
                    r_arr, k_arr = (np.asarray(x, dtype=np.int64) for x in zip(*pairs))
                    out.append(_expand(r_arr, k_arr, [vals for _, vals in known]))
        if not out:
            return None
        return tuple(np.concatenate([o[i] for o in out]) for i in range(4))

    def _multi_by_width(self, on: str) -> dict[int, list[tuple[tuple[str, ...], tuple]]]:
        """This lexicon's keys of several tokens on column ``on``, by number of tokens."""
        if on not in self._by_width:
            grouped: dict[int, list] = defaultdict(list)
            for key, vals in self.multi[on].items():
                toks = tuple(key.strip().split(" "))
                grouped[len(toks)].append((toks, vals))
            self._by_width[on] = dict(grouped)
        return self._by_width[on]

    def _join_gaps_arrays(self, a, b, eid, part, sent_arr) -> list[tuple[int, int, int]]:
        """Gapped entries: each first part joined to the nearest next part that starts within
        ``max_gap`` tokens of the previous part's end in the same sentence; per entry, by
        first part's position."""
        if len(a):
            # only the parts of an entry in a sentence that has all of its parts (no other hit
            # can join): a part is often a common word ("to", "on", "with"), matched tens of
            # thousands of times a chunk, in sentences without the entry's other parts
            sents, width = int(sent_arr[-1]) + 1, int(part.max()) + 1
            key = eid * sents + sent_arr[a]                       # (entry, sentence)
            found, n_found = np.unique(np.unique(key * width + part) // width, return_counts=True)
            n_parts = np.zeros(max(int(eid.max()), int(self._gapped_ids.max())) + 1, dtype=np.int64)
            n_parts[self._gapped_ids] = list(self.gapped.values())
            keep = np.isin(key, found[n_found == n_parts[found // sents]])
            a, b, eid, part = a[keep], b[keep], eid[keep], part[keep]
        by_part: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for x, y, e, k in zip(a.tolist(), b.tolist(), eid.tolist(), part.tolist()):
            by_part[(e, k)].append((x, y))
        for spans in by_part.values():
            spans.sort()
        out = []
        for e, nparts in self.gapped.items():
            for x0, y0 in by_part.get((e, 0), ()):
                end, ok, sent = y0, True, sent_arr[x0]
                for k in range(1, nparts):
                    spans = by_part.get((e, k), ())
                    i, ok = bisect.bisect_left(spans, (end, -1)), False
                    # sorted, so the first span in reach and in the sentence is the smallest
                    while i < len(spans) and spans[i][0] <= end + self.max_gap:
                        if sent_arr[spans[i][0]] == sent:
                            end, ok = spans[i][1], True
                            break
                        i += 1
                    if not ok:
                        break
                if ok:
                    out.append((x0, end, e))
        return out


def _expand(rows: np.ndarray, k: np.ndarray, vals: list[tuple]) -> tuple[np.ndarray, ...]:
    """``(row, row + ntok, entry_id, part)`` for every ``(entry_id, part, ntok)`` of ``vals[k]``
    at each row, in row order and then the order of ``vals[k]`` (vectorised)."""
    counts = np.fromiter((len(v) for v in vals), dtype=np.int64, count=len(vals))
    flat = np.asarray([t for v in vals for t in v], dtype=np.int64).reshape(-1, 3)
    offsets = np.cumsum(counts) - counts
    reps = counts[k]
    rows = np.repeat(rows, reps)
    within = np.arange(len(rows)) - np.repeat(np.cumsum(reps) - reps, reps)
    picked = flat[np.repeat(offsets[k], reps) + within]
    return rows, rows + picked[:, 2], picked[:, 0], picked[:, 1]


def _norm_all(values: list) -> list:
    """``[_norm(v) for v in values]``, replaced in one joined string when the values allow it;
    ``values`` itself when no value changes."""
    try:
        joined = "\x00".join(values)
    except TypeError:               # a value that is not a string
        return [_norm(v) for v in values]
    if not values:
        return []
    if "’" not in joined and "‘" not in joined and "‐" not in joined:
        return values
    if joined.count("\x00") != len(values) - 1:     # a value holds the separator
        return [_norm(v) for v in values]
    return _norm(joined).split("\x00")


def _normed_vocabulary(keys: pd.Series) -> tuple[np.ndarray, list[str], dict[str, int],
                                                   dict[str, list[int]]]:
    """Codes of a key column, its distinct values as matching keys (see :func:`_norm`), one
    code of each matching key, and all the codes of each key that several values share
    (values that differ only in apostrophes)."""
    memo, arr = _memo_of(keys)
    if memo is not None:
        hit = memo.get(arr, "normed")
        if hit is not None:
            return hit
    codes, values, first = _vocab(keys)
    normed = _norm_all(values)
    dups: dict[str, list[int]] = {}
    if normed is not values:
        first = dict(zip(normed, range(len(normed))))      # the last code of each key
        if len(first) < len(normed):
            rep = np.fromiter(map(first.__getitem__, normed), dtype=np.int64, count=len(normed))
            for c in np.flatnonzero(rep != np.arange(len(normed))).tolist():
                dups.setdefault(normed[c], [int(rep[c])]).append(c)
    out = codes, normed, first, dups
    return memo.put(arr, out, "normed") if memo is not None else out


def _key_ids(keys: pd.Series) -> tuple[np.ndarray, dict[str, int], int]:
    """Per row, the id of its matching key (values that differ only in apostrophes share one;
    a missing value is -1), ``key -> id``, and a bound on the ids; shared while a chunk memo
    is open."""
    memo, arr = _memo_of(keys)
    if memo is not None:
        hit = memo.get(arr, "key_ids")
        if hit is not None:
            return hit
    codes, normed, first, dups = _normed_vocabulary(keys)
    if not dups:                        # one value per key: the key ids are the codes
        out = codes, first, len(normed)
    else:                               # a shared key's id is the code ``first`` gives it
        of_code = np.full(len(normed) + 1, -1, dtype=np.int64)    # code -1 (missing) reads -1
        of_code[:-1] = np.fromiter(map(first.__getitem__, normed), dtype=np.int64, count=len(normed))
        out = of_code[codes], first, len(normed)
    return memo.put(arr, out, "key_ids") if memo is not None else out


def _longest_array(hits: np.ndarray) -> np.ndarray:
    """Leftmost-longest non-overlapping spans of ``(start_row, end_row, entry_id)`` rows; every
    entry of a winning span is kept. Over a whole table: spans never cross documents, and rows
    of a document are contiguous, so row order is document order."""
    if not len(hits):
        return hits.reshape(-1, 3)
    # Ordered by start, longest first, then entry id, duplicates dropped (sorted in NumPy);
    # the greedy pass then visits each distinct span once.
    h = hits[np.lexsort((hits[:, 2], hits[:, 0] - hits[:, 1], hits[:, 0]))]
    same_row = np.zeros(len(h), dtype=bool)
    same_row[1:] = (h[1:] == h[:-1]).all(axis=1)
    h = h[~same_row]
    new_span = np.ones(len(h), dtype=bool)
    new_span[1:] = (h[1:, 0] != h[:-1, 0]) | (h[1:, 1] != h[:-1, 1])
    firsts = np.flatnonzero(new_span)
    won = []
    last_end = -1
    for a, b in zip(h[firsts, 0].tolist(), h[firsts, 1].tolist()):
        # a span wins if it starts at or after the last winner's end; its other entries with it
        won.append(a >= last_end)
        if won[-1]:
            last_end = b
    keep = np.repeat(np.asarray(won, dtype=bool), np.diff(np.append(firsts, len(h))))
    return h[keep]


def validate(lexicon: Lexicon) -> list[str]:
    """Return a list of problems (duplicates, undeclared categories); empty when clean.

    Example:
        >>> validate(from_records("x", [{"entry": "a", "category": "c"}, {"entry": "a", "category": "c"}]))
        ["duplicate entry 'a' in category 'c'"]
    """
    problems = []
    ents = lexicon.entries
    dup_cols = [c for c in ("entry", "category", "match_on", "actor", "frame", "scheme") if c in ents]
    for _, row in ents[ents.duplicated(dup_cols, keep="first")].iterrows():
        problems.append(f"duplicate entry {row['entry']!r} in category {row['category']!r}")
    undeclared = set(ents["category"]) - set(lexicon.categories)
    problems.extend(f"category {c!r} not declared" for c in sorted(undeclared))
    return problems


def unmatchable(lexicon: Lexicon) -> list[str]:
    """Entries that cannot match even the sentence written from their own pattern.

    For each entry a minimal sentence is built from the pattern itself (the first alternative of
    each ``a|b``, each part of a gapped entry right after the previous one, its words as
    written, "Orsk" before them and a stop after unless the entry ends in one) and matched
    with the whole lexicon (``overlaps="all"``); an entry none of whose matches is its own in
    its own sentence is reported as ``line N: 'entry' (why)``, with N the CSV line (the entry
    row plus the header). An entry that matches only when written one way is still reported
    through its alternatives: each alternative gets its own sentence.

    Example:
        >>> unmatchable(from_records("x", [{"entry": "warn", "category": "c"},
        ...                                 {"entry": "warn . Then", "category": "c"}]))
        ["line 3: 'warn . Then' (tokens ['Orsk', 'warn', '.', 'Then', '.'] do not give the pattern's keys)"]
    """
    from .tokenize import tokenize_documents

    ids, texts, owner = [], [], []
    ents = lexicon.entries
    written = ents["entry"].tolist()
    if "pattern" in ents:
        written = [p if isinstance(p, str) and p else e for p, e in zip(ents["pattern"].tolist(), written)]
    for eid, entry in zip(ents["entry_id"].tolist(), written):
        parts = entry_parts(entry)
        width = max((len(alts) for slots in parts for alts in slots), default=1)
        for pick in range(width):       # one sentence per alternative position
            words = " ".join(alts[min(pick, len(alts) - 1)] for slots in parts for alts in slots)
            text = f"Orsk {words}" + ("" if words.rstrip().endswith((".", "!", "?")) else " .")
            ids.append(f"e{eid}.{pick}")
            texts.append(text)
            owner.append((int(eid), entry))
    if not ids:
        return []
    _, toks = tokenize_documents(ids, texts)
    hits = lexicon.matcher().find(toks, dict(zip(ids, texts)), overlaps="all")
    found = set(zip(hits["doc_id"].tolist(), hits["entry_id"].tolist()))
    problems = []
    for doc, text, (eid, entry) in zip(ids, texts, owner):
        if (doc, eid) not in found:
            got = toks.loc[toks["doc_id"] == doc, "text"].tolist()
            problems.append(f"line {eid + 2}: {entry!r} (tokens {got} do not give the pattern's keys)")
    return list(dict.fromkeys(problems))


def to_csv_string(lexicon: Lexicon) -> str:
    """The entries as CSV text (for exporting an edited lexicon)."""
    buf = io.StringIO()
    ents = lexicon.entries.drop(columns="entry_id")
    if "pattern" in ents:
        written = ents["pattern"].fillna("").astype(str)
        ents = ents.assign(entry=written.where(written != "", ents["entry"])).drop(columns="pattern")
    ents.to_csv(buf, index=False)
    return buf.getvalue()


# ----------------------------------------------------------------------------- overlays

OVERLAY_TRUE = frozenset({"1", "true", "yes", "y", "x"})


# ----------------------------------------------------------------------------- a step's lexicons

class LexiconChoiceError(OptionError):
    """A step's ``lexicons`` option cannot be read; the message names the step and the value.

    An :class:`~toolkit.annotator.OptionError`, so the command line exits 2 with its one line.

    Example:
        >>> try:
        ...     choose(["escalaton"], step="escalation", bundled=("escalation",))
        ... except LexiconChoiceError as exc:
        ...     print(exc)
        option `lexicons` of annotator 'escalation': 'escalaton' is neither a bundled lexicon nor a .yaml/.csv file (did you mean 'escalation'?)
    """


# The spellings of the ``lexicons`` option before it was one spelling, read for one release with
# a FutureWarning: (step, old option) -> the bundled lexicon its value replaces, or None when
# its value is a list of files that add to the step's lexicons.
RENAMED_OPTIONS = {
    ("actors", "gazetteers"): None,
    ("framing", "extra_lexicons"): None,
    ("quotes", "lexicon"): "reporting_verbs",
    ("escalation", "lexicon"): "escalation",
    ("rhetoric", "tone_lexicon_path"): "tone",
    ("rhetoric", "rhetoric_lexicon_path"): "rhetoric",
}
# How much of a step's set of lexicons ``lexicons`` may change (Annotator.lexicon_policy):
# "replace" only replaces bundled ones, "add" also adds, "any" also leaves bundled ones out.
POLICIES = ("replace", "add", "any")


def lexicon_name(item) -> str:
    """The name a ``lexicons`` item goes by: a :class:`Lexicon`'s name, a bundled name itself,
    a file's YAML ``name`` (an overlay keeps its base's name), else the file's stem.

    Example:
        >>> lexicon_name("escalation"), lexicon_name("my/gazetteer.csv")
        ('escalation', 'gazetteer')
    """
    if isinstance(item, Lexicon):
        return item.name
    p = Path(item)
    if p.suffix not in (".yaml", ".yml", ".csv"):
        return str(item)
    ypath = p.with_suffix(".yaml") if p.suffix == ".csv" else p
    if ypath.is_file():
        return _yaml_name(str(ypath), ypath.stat().st_mtime)
    return p.stem


@functools.lru_cache(maxsize=256)
def _yaml_name(ypath: str, mtime: float) -> str:
    try:
        meta = _yaml.safe_load(Path(ypath).read_text(encoding="utf-8"))
    except yaml.YAMLError:
        meta = None
    return str(meta["name"]) if isinstance(meta, dict) and meta.get("name") else Path(ypath).stem


def _pairs(value, what: str) -> list[tuple[str, object]]:
    """``(name, item)`` of a ``lexicons`` value (a name, a file, a list of those, or a dict)."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        bad = [k for k in value if not isinstance(k, str)]
        if bad:
            raise LexiconChoiceError(f"{what}: keys must be lexicon names, not {bad[0]!r}")
        return list(value.items())
    if isinstance(value, (str, Path, Lexicon)):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise LexiconChoiceError(f"{what} must be a list of lexicon names or files (or a dict "
                                 f"{{bundled name: name or file}}), not {type(value).__name__}")
    for item in value:
        if not isinstance(item, (str, Path, Lexicon)):
            raise LexiconChoiceError(f"{what}: {item!r} is not a lexicon name, file or Lexicon")
    return [(lexicon_name(item), item) for item in value]


def combine(*values) -> dict[str, object]:
    """Several ``lexicons`` values as one ``{name: item}``: a later item of a name wins.

    Example:
        >>> combine(["escalation"], {"tone": "mine.yaml"})
        {'escalation': 'escalation', 'tone': 'mine.yaml'}
    """
    out: dict[str, object] = {}
    for value in values:
        for name, item in _pairs(value, "`lexicons`"):
            out.pop(name, None)          # a later item also takes the later place in the order
            out[name] = item
    return out


def new_spelling(step: str, opts: Mapping) -> dict:
    """``opts`` of ``step`` with the old spellings of ``lexicons`` folded into it (warning
    :class:`FutureWarning` naming the new spelling); other options untouched.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     new_spelling("escalation", {"lexicon": "mine.yaml", "event_rule": "first"})
        {'event_rule': 'first', 'lexicons': {'escalation': 'mine.yaml'}}
    """
    old = [k for k in opts if (step, k) in RENAMED_OPTIONS]
    if not old:
        return dict(opts)
    both = [k for k in old if opts[k] is not None]
    if both and opts.get("lexicons") is not None:
        # Which of two spellings of one idea wins is a guess; the user says it once.
        raise LexiconChoiceError(f"annotator {step!r} is given both `lexicons` and its old "
                                 f"spelling {both[0]!r}; give `lexicons` alone")
    import warnings

    out = {k: v for k, v in opts.items() if k not in old}
    folded = []
    for k in old:
        replaces = RENAMED_OPTIONS[(step, k)]
        value = opts[k]
        if replaces is None:
            folded.append(value)
            hint = f"lexicons={value!r}"
        elif value is not None:
            folded.append({replaces: value})
            hint = f"lexicons={{{replaces!r}: {value!r}}}"
        else:
            hint = "lexicons=..."
        warnings.warn(f"option {k!r} of annotator {step!r} is renamed `lexicons` and will stop "
                      f"working in the next release; write {hint}", FutureWarning, stacklevel=3)
    if "lexicons" in out or folded:
        out["lexicons"] = combine(*folded, out.get("lexicons"))
    return out


def choose(lexicons, *, step: str, bundled: Sequence[str], policy: str = "replace") -> dict[str, object]:
    """What a step's ``lexicons`` option asks for, checked: ``{lexicon name: item}``.

    Every annotator reads its lexicons from this one option, with one meaning. ``lexicons``
    is a list of lexicon names or files (a bundled name or a ``.yaml``/``.csv`` path; one
    string is a one-item list), or a dict ``{name: name, file or None}``. Each item goes by
    its lexicon name (the YAML ``name``, else the file's stem; a dict says it outright, so a
    file of another name can take a bundled lexicon's place):

    * an item named like one of the step's bundled lexicons (:attr:`Annotator.lexicons`)
      replaces it (an overlay written by :func:`overlay_options` keeps its base's name);
    * an item of another name adds a lexicon: an extra gazetteer (``actors``) or an extra
      frame scheme (``framing``); the steps that read one lexicon per role (``quotes``,
      ``escalation``, ``rhetoric``) refuse it;
    * ``None`` in the dict form leaves a bundled lexicon out (``framing`` only);
    * the bundled lexicons not named are read as bundled.

    ``actors`` reads an added gazetteer file before the bundled ones, so its entries win
    ties; a file named ``actors`` or ``people`` (its YAML ``name``) is read in the bundled
    one's place, as for every step (:func:`toolkit.actors.load_gazetteer`).

    ``framing`` (policy ``"any"``) once read exactly the schemes its ``lexicons`` list named.
    For this release a list (or a string) that leaves a bundled scheme out keeps that old
    meaning, with a ``FutureWarning`` giving the dict that says it in the new form:
    ``["framing_sv", "mine.yaml"]`` reads those two schemes, as it always did. A list naming
    every bundled scheme (by name or by a file of that name) means the same either way and
    does not warn; the dict form is always read as above. :func:`toolkit.framing.find_frames`,
    ``frame_catalog`` and ``document_frames`` read a list the same way (the schemes read,
    without a warning there) and a dict as above.

    Items are names or files, never :class:`Lexicon` objects: options travel to worker
    processes and into cache keys, and a file is what every step reads the same way (save a
    lexicon as a ``.csv`` + ``.yaml`` pair, or use :func:`overlay_options`). Every file must
    be there and readable (a ``.yaml`` with its ``.csv``), checked here before any work.

    The result is the same whichever way a request is spelled (a bundled lexicon named as
    itself drops out), so equal requests share a cache key. Old spellings (``gazetteers``,
    ``lexicon``, ``tone_lexicon_path``, ``rhetoric_lexicon_path``, ``extra_lexicons``) are
    read by :func:`new_spelling`.

    Args:
        lexicons: the option's value (``None``: the bundled lexicons).
        step: the annotator's name, for messages.
        bundled: the step's bundled lexicons.
        policy: ``"replace"``, ``"add"`` or ``"any"`` (see above).

    Raises:
        LexiconChoiceError: (an ``OptionError``) naming the step: an unknown bundled name
            (with a did-you-mean), a missing or unreadable file, a :class:`Lexicon` object,
            an item the step cannot add, or ``None`` where it cannot leave a lexicon out.

    Example:
        >>> choose({"framing_pfc": None}, step="framing", bundled=("framing_pfc", "framing_sv"),
        ...        policy="any")
        {'framing_pfc': None}
        >>> import warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     choose("framing_sv", step="framing", bundled=("framing_pfc", "framing_sv"),
        ...            policy="any")
        {'framing_pfc': None}
    """
    what = f"option `lexicons` of annotator {step!r}"
    if policy not in POLICIES:
        raise ValueError(f"`policy` value = {policy!r} is invalid; value must be one of {list(POLICIES)}")
    if policy == "any" and isinstance(lexicons, (str, Path, list, tuple)):
        lexicons = _old_subset(lexicons, step, bundled)
    out = combine(lexicons)
    for name, item in out.items():
        if item is None:
            if policy != "any" or name not in bundled:
                raise LexiconChoiceError(f"{what}: {name!r}: None leaves a bundled lexicon out, "
                                         f"which {step!r} cannot do (its lexicons: {list(bundled)})")
            continue
        _check_item(item, what)
        if name not in bundled and policy != "replace" and Path(item).suffix not in (".yaml", ".yml", ".csv"):
            # Another step's bundled lexicon is not something this step can read (a gazetteer
            # or a frame scheme is added as a file): refused here, not as a missing file later.
            raise LexiconChoiceError(f"{what}: {str(item)!r} is another step's bundled lexicon, "
                                     f"not one of {list(bundled)}; {step!r} adds lexicons only as "
                                     f".csv/.yaml files")
        if name not in bundled and policy == "replace":
            raise LexiconChoiceError(f"{what}: {str(item)!r} is lexicon {name!r}, not one of the "
                                     f"step's lexicons {list(bundled)}; name the one it replaces, "
                                     f"e.g. lexicons={{{bundled[0]!r}: {str(item)!r}}}")
    # A bundled lexicon named as itself changes nothing: left out, so equal requests are equal.
    return {k: v for k, v in out.items() if not (k in bundled and isinstance(v, str) and v == k)}


def _check_item(item, what: str) -> None:
    """One ``lexicons`` item is a bundled name or a readable lexicon file, else one line."""
    if isinstance(item, Lexicon):
        raise LexiconChoiceError(f"{what}: takes lexicon names or files, not the Lexicon object "
                                 f"{item.tag}; save it as a .csv + .yaml pair and give the path")
    if not isinstance(item, (str, Path)):
        raise LexiconChoiceError(f"{what}: {item!r} is not a lexicon name or file")
    path = Path(item)
    if path.suffix not in (".yaml", ".yml", ".csv"):
        if str(item) not in set(names()):
            import difflib

            close = difflib.get_close_matches(str(item), names(), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise LexiconChoiceError(f"{what}: {str(item)!r} is neither a bundled lexicon nor a "
                                     f".yaml/.csv file{hint}")
        return
    needed = [path] + ([path.with_suffix(".csv")] if path.suffix != ".csv" else [])
    for p in needed:
        if not p.is_file():
            raise LexiconChoiceError(f"{what}: {p}: no such file" if not p.exists()
                                     else f"{what}: {p} is not a file")
        if not os.access(p, os.R_OK):
            raise LexiconChoiceError(f"{what}: {p}: no permission to read it")


def step_lexicons(step: str, bundled: Sequence[str], lexicons=None, *, policy: str = "replace",
                  **old) -> dict[str, object]:
    """:func:`choose` for an annotator called directly, old spellings (``old``: their values,
    ``None`` when not given) folded in by :func:`new_spelling`.

    Example:
        >>> mine = str(resolve("escalation"))      # any lexicon file; this one is bundled
        >>> step_lexicons("escalation", ("escalation",), {"escalation": mine}) == {"escalation": mine}
        True
        >>> step_lexicons("escalation", ("escalation",), ["escalation"])
        {}
    """
    given = {k: v for k, v in old.items() if v is not None}
    if given:
        lexicons = new_spelling(step, {**given, "lexicons": lexicons})["lexicons"]
    return choose(lexicons, step=step, bundled=bundled, policy=policy)


def _old_subset(lexicons, step, bundled):
    """framing's ``lexicons`` list once named every scheme to read; a list that leaves a bundled
    scheme out is read so for one release, with a warning giving the new spelling."""
    items = [lexicons] if isinstance(lexicons, (str, Path)) else list(lexicons)
    given = combine(items)          # (also refuses what is not a name or a file, in one line)
    left_out = {n: None for n in bundled if n not in given}
    if not left_out:
        return items
    for item in given.values():     # a refused item is refused before any warning
        _check_item(item, f"option `lexicons` of annotator {step!r}")
    import warnings

    new = {**left_out, **{k: str(v) for k, v in given.items() if not (k in bundled and v == k)}}
    warnings.warn(f"option `lexicons` of annotator {step!r} now replaces or adds lexicons and "
                  f"no longer lists all that are read; {lexicons!r} is read as before (only the "
                  f"schemes it names) for this release: write lexicons={new!r}",
                  FutureWarning, stacklevel=4)
    return {**left_out, **given}


def read_list(choice: Mapping[str, object], bundled: Sequence[str]) -> list:
    """The lexicons a step reads under ``choice`` (from :func:`choose`): its bundled ones in
    order, each replaced or left out as asked, then the added ones.

    Example:
        >>> read_list({"b": "b2.yaml", "c": "c.yaml"}, ("a", "b"))
        ['a', 'b2.yaml', 'c.yaml']
    """
    kept = [choice.get(n, n) for n in bundled]
    return [x for x in kept if x is not None] + [v for k, v in choice.items() if k not in bundled]


def _read_overlay(overlay) -> tuple[pd.DataFrame, str]:
    """The overlay's rows (all strings) and a label for messages and provenance."""
    if isinstance(overlay, pd.DataFrame):
        df = overlay.copy()
        for col in df.columns:
            df[col] = df[col].map(lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v))
        return df.reset_index(drop=True), "<DataFrame>"
    path = Path(overlay)
    if not path.is_file():
        raise LexiconError(f"lexicon overlay {path} not found (a CSV with at least an `entry` column)")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: not a readable CSV: {exc}") from None
    return df, str(path)


def overlay_digest(overlay) -> str:
    """SHA-256 of an overlay's content (columns and cells as text), whatever its file name.

    Example:
        >>> overlay_digest(pd.DataFrame({"entry": ["ultimatum"]}))[:8]
        'a63abfe9'
    """
    import hashlib

    df, _ = _read_overlay(overlay)
    return hashlib.sha256(df.to_csv(index=False, lineterminator="\n").encode("utf-8")).hexdigest()


def _fill_new(row: dict, base: pd.DataFrame, columns: list[str]) -> dict:
    """A new entry's cells: given ones, else the value every bundled entry of its category shares."""
    same = base[base["category"] == row["category"]]
    out = {}
    for col in columns:
        given = row.get(col, "")
        if given != "" or col in ("entry", "category", "pattern"):
            out[col] = given
            continue
        values = same[col].dropna().astype(str).unique() if col in same else []
        out[col] = values[0] if len(values) == 1 else ""
    return out


def _check_weight(weight: str, label: str, line: int) -> None:
    """An overlay's weight is empty or a number, as the bundled loader demands of its own."""
    if weight == "":
        return
    try:
        float(weight)
    except ValueError:
        raise LexiconError(f"{label} line {line}: weight {weight!r} is not a number") from None


def apply_overlay(base: Lexicon, overlay) -> Lexicon:
    """Return ``base`` with an overlay's entries added, replaced or removed.

    The overlay is a CSV path or a DataFrame with an ``entry`` column and any of the base's
    other columns (only those that matter). A row whose ``entry`` (case-insensitive) is in the
    base replaces the bundled rows of that entry, keeping their values where its cells are
    empty; any other row is a new entry and needs a declared ``category`` (its empty cells take
    the value every bundled entry of that category shares, else stay empty). A ``remove``
    column set to ``1``/``true``/``yes`` drops the bundled entry. The result's version is
    ``<base version>+overlay.<first 8 hex of the overlay's SHA-256>`` and its ``meta["overlay"]``
    records the source, the full hash and what changed.

    Raises:
        LexiconError: a column the base lacks, an empty entry, an entry given twice, a
            weight that is not a number, a missing or undeclared category (naming the
            overlay's line).

    Example:
        >>> base = from_records("demo", [{"entry": "warn", "category": "warning", "weight": 1.0}])
        >>> lex = apply_overlay(base, pd.DataFrame({"entry": ["caution"], "category": ["warning"]}))
        >>> lex.entries["entry"].tolist(), lex.version.startswith("0.0.0+overlay.")
        (['warn', 'caution'], True)
    """
    df, label = _read_overlay(overlay)
    digest = overlay_digest(df)
    ents = base.entries.drop(columns="entry_id")
    columns = list(ents.columns)
    unknown = [c for c in df.columns if c not in columns and c != "remove"]
    if "entry" not in df.columns or unknown:
        raise LexiconError(f"{label} line 1: columns {unknown or list(df.columns)} are not columns of "
                           f"{base.tag}; an overlay has `entry` and any of {columns} (+ `remove`)")
    cats = set(base.categories)
    key = ents["entry"].astype(str).str.strip().str.lower()
    replaced: dict[str, list[dict]] = {}
    added, removed = [], set()
    seen: dict[str, int] = {}
    for line, row in enumerate(df.to_dict("records"), start=2):
        row = {k: str(v).strip() for k, v in row.items()}
        entry = row.get("entry", "")
        if not entry:
            raise LexiconError(f"{label} line {line}: empty entry")
        low = entry.lower()
        if low in seen:     # which row wins would be a guess: the overlay says it once
            raise LexiconError(f"{label} lines {seen[low]} and {line}: entry {entry!r} is given "
                               "twice; give each entry once")
        seen[low] = line
        _check_weight(row.get("weight", ""), label, line)
        try:
            entry_parts(entry)
        except ValueError as exc:
            raise LexiconError(f"{label} line {line}: entry {entry!r} {exc}") from None
        if row.pop("remove", "").lower() in OVERLAY_TRUE:
            if not (key == low).any():
                raise LexiconError(f"{label} line {line}: cannot remove {entry!r}: not an entry of {base.tag}")
            removed.add(low)
            continue
        cat = row.get("category", "")
        if cat and cat not in cats:
            raise LexiconError(f"{label} line {line}: category {cat!r} is not declared in {base.tag}; "
                               f"declared: {sorted(cats)}")
        on = row.get("match_on", "")
        if on and on not in MATCH_KEYS:
            raise LexiconError(f"{label} line {line}: match_on {on!r} is invalid; value must be one of {list(MATCH_KEYS)}")
        if (key == low).any():
            old = ents[key == low].iloc[0].to_dict()
            replaced.setdefault(low, []).append({c: row[c] if row.get(c, "") != "" else old[c] for c in columns})
        elif not cat:
            raise LexiconError(f"{label} line {line}: new entry {entry!r} needs a `category`, one of {sorted(cats)}")
        else:
            added.append(_fill_new(row, ents, columns))
    keep = ~key.isin(set(replaced) | removed)
    rows = [ents[keep]] + [pd.DataFrame(r, columns=columns) for r in replaced.values()]
    rows.append(pd.DataFrame(added, columns=columns))
    merged = pd.concat([r for r in rows if len(r)], ignore_index=True) if any(len(r) for r in rows) \
        else ents.iloc[0:0]
    if "weight" in merged.columns:
        merged["weight"] = pd.to_numeric(merged["weight"].replace("", np.nan), errors="coerce")
    merged = _with_patterns(merged)
    merged.insert(0, "entry_id", np.arange(len(merged), dtype="int64"))
    version = f"{base.version}+overlay.{digest[:8]}"
    note = {"source": label, "sha256": digest, "base": base.tag, "added": len(added),
            "replaced": sum(map(len, replaced.values())), "removed": len(removed)}
    meta = {**base.meta, "version": version, "overlay": note,
            "changelog": [{"version": version, "changes": f"overlay {label} on {base.tag}"}]
            + list(base.meta.get("changelog") or [])}
    return Lexicon(name=base.name, version=version, meta=meta, entries=merged, path=base.path)


def overlay_dir() -> Path:
    """The folder where overlaid lexicons are written for worker processes to load by path.

    Example:
        >>> overlay_dir().name
        'lexicons'
    """
    from .config import cache_dir

    return cache_dir() / "lexicons"


def materialize(name_or_path: str | Path, overlay) -> Path:
    """Write ``load(name_or_path, overlay=overlay)`` as a CSV + YAML pair and return the YAML.

    The files are named by the overlay's content hash in :func:`overlay_dir`, so the same
    overlay maps to the same files (worker processes load them by path, the cache keys them by
    content) and a changed overlay never reuses old results.

    Example:
        >>> p = materialize("escalation", pd.DataFrame({"entry": ["issue an ultimatum"],
        ...                                             "category": ["threaten"]}))
        >>> p.stem.startswith("escalation+overlay.")
        True
    """
    lex = load(name_or_path, overlay=overlay)
    out = overlay_dir()
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{lex.name}+overlay.{lex.meta['overlay']['sha256'][:8]}"
    ypath, cpath = out / f"{stem}.yaml", out / f"{stem}.csv"
    meta = {k: v for k, v in lex.meta.items()}
    for path, text in ((cpath, to_csv_string(lex)),
                       (ypath, yaml.safe_dump(meta, sort_keys=False, allow_unicode=True))):
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            tmp = path.with_suffix(path.suffix + f".{os.getpid()}.part")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)   # atomic: a worker never reads half a file
    return ypath


def overlay_options(overlays: Mapping[str, object] | None) -> dict[str, dict]:
    """The per-annotator ``analyze(options=...)`` that apply lexicon overlays.

    Each overlaid lexicon is written by :func:`materialize` and named in the ``lexicons``
    option of every step that reads it (see :func:`choose`), under its bundled name.

    Args:
        overlays: bundled lexicon name -> overlay (a CSV path or a DataFrame).

    Raises:
        LexiconError: an unknown lexicon name (with the valid ones) or a bad overlay.

    Example:
        >>> opts = overlay_options({"escalation": pd.DataFrame({"entry": ["warn"], "weight": ["2"]})})
        >>> Path(opts["escalation"]["lexicons"]["escalation"]).stem.startswith("escalation+overlay.")
        True
    """
    steps = overlay_steps()
    out: dict[str, dict] = {}
    for name, overlay in (overlays or {}).items():
        if name not in steps:
            raise LexiconError(f"`lexicon` value = {name!r} is invalid; value must be one of "
                               f"{sorted(steps)}")
        path = str(materialize(name, overlay))
        for step in steps[name]:
            out.setdefault(step, {}).setdefault("lexicons", {})[name] = path
    return out


def overlay_steps() -> dict[str, list[str]]:
    """``bundled lexicon name -> the annotators whose `lexicons` option can replace it``.

    Example:
        >>> overlay_steps()["reporting_verbs"]
        ['quotes']
    """
    from .annotator import registry

    out: dict[str, list[str]] = {}
    for ann in registry():
        if ann.lexicon_policy is not None:
            for name in ann.lexicons:
                out.setdefault(name, []).append(ann.name)
    return out


def versions_in_use(annotators, options: Mapping[str, Mapping] | None = None) -> dict[str, str]:
    """``lexicon name -> version`` for what the annotators will read, overlays included
    (``1.1.0+overlay.9e3608df``): a lexicon file named in an annotator's options replaces the
    bundled lexicon of the same name, and a user's versioned file (a gazetteer with its YAML)
    is listed under its own name. For run metadata and figure sidecars.

    Example:
        >>> class A: name, lexicons = "escalation", ("escalation",)
        >>> versions_in_use([A()])["escalation"] == load("escalation").version
        True
    """
    out = {}
    for ann in annotators:           # the bundled lexicons first ...
        for name in ann.lexicons:
            lex = load(name)
            out[lex.name] = lex.version
    for ann in annotators:           # ... then what options put in their place, for any step
        for path in _option_paths((options or {}).get(ann.name, {})):
            lex = load(path)
            out[lex.name] = lex.version
    return out


def _option_paths(opts: Mapping) -> list[str]:
    """Versioned lexicon files named in one step's options (a CSV counts when its YAML is beside
    it, as for a user gazetteer)."""
    values = []
    for v in opts.values():
        if isinstance(v, Mapping):
            v = list(v.values())
        values.extend(v if isinstance(v, (list, tuple)) else [v])
    paths = [Path(v) for v in values if isinstance(v, (str, Path)) and str(v).endswith((".yaml", ".yml", ".csv"))]
    return [str(p) for p in paths if p.is_file() and p.with_suffix(".yaml").is_file()]


def overlays_in_use(annotators, options: Mapping[str, Mapping] | None = None) -> dict[str, dict]:
    """``lexicon name -> overlay record`` (source, full SHA-256, base, entries added, replaced
    and removed) for every overlaid lexicon named in the annotators' options; for run metadata.

    Example:
        >>> class A: name, lexicons = "escalation", ("escalation",)
        >>> opts = overlay_options({"escalation": pd.DataFrame({"entry": ["warn"], "weight": ["2"]})})
        >>> overlays_in_use([A()], opts)["escalation"]["replaced"]
        1
    """
    out = {}
    for ann in annotators:
        for path in _option_paths((options or {}).get(ann.name, {})):
            lex = load(path)
            if "overlay" in lex.meta:
                out[lex.name] = dict(lex.meta["overlay"])
    return out
