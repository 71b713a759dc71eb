"""Framing: which frames a text uses, with the words that show it, and how framing differs.

Three schemes ship as versioned lexicons (``toolkit/lexicons/framing_*.{csv,yaml}``), each
scheme one lexicon, so a user adds a scheme by passing the path of their own lexicon:

* ``pfc`` - the 14 substantive frames of the Policy Frames Codebook (Boydstun et al. 2014),
  spelled as in SemEval-2023 Task 3 (``Economic`` ... ``External_regulation_and_reputation``);
* ``semetko_valkenburg`` - the five generic news frames of Semetko & Valkenburg (2000);
* ``diplomatic`` - nine frames of diplomatic and security discourse written for this project,
  with a codebook (``framing_diplomatic.md``).

Tables:

* ``frames``: one row per cue hit, ``doc_id, sent_id, start, end, text, scheme, frame, cue,
  weight, negated, in_quote, quote_id, speaker_actor, source``. ``text`` is the evidence
  (``documents.text[doc][start:end]``). ``negated`` marks a cue inside a negation's scope
  (NegEx-style: a negator up to ``negation_window`` tokens before the cue, in the same clause;
  pseudo-negations such as "not only" do not count; Chapman et al. 2001). ``in_quote`` /
  ``speaker_actor`` say whether the cue lies inside the content of a quote and whose (from the
  ``quotes`` table of :mod:`toolkit.quotes`; null when that table was not computed): a frame
  voiced inside a quote belongs to its speaker. Scare quotes are not speech, so they do not
  set ``in_quote``; ``scare_quoted`` marks cues inside them instead (a distancing device: the
  'special military operation' is somebody else's frame, held at arm's length).
* ``document_frames``: the frame profile of every document, one row per document x frame
  (zeros included), ``doc_id, scheme, frame, hits, cues, words, score, present``.
  ``score`` = weighted cue hits per 1,000 words (non-punctuation tokens): a rate, so long UN
  speeches and short news items compare. A negated cue still counts: negating a frame evokes
  it ("this is not a proxy war" frames the war as possibly a proxy war; Lakoff 2004).
  ``present`` = at least ``min_cues`` distinct cues (default 2) **and** ``score >= min_rate``
  (default 1.0 per 1,000 words): one word, or a couple of incidental hits in a very long
  speech, is too little evidence for a frame. For single sentences use ``min_cues=1``.

Profiles (:func:`frame_profile`) average document scores by any metadata column, or rates by
quoted speaker, with percentile-bootstrap intervals over documents (Efron & Tibshirani 1993);
:func:`compare_frames` tests two groups against each other. :func:`train_classifier` offers a
supervised alternative trained on a user's own labelled sentences.

Notes:
    Boydstun, Card, Gross, Resnik & Smith (2014), Policy Frames Codebook.
    Semetko & Valkenburg (2000), J. of Communication 50(2): 93-109.
    Chapman et al. (2001), NegEx, J. of Biomedical Informatics 34(5): 301-310.
    Entman (1993), Framing: toward clarification of a fractured paradigm.

Example:
    >>> from toolkit.pipeline import run_chunk
    >>> t = run_chunk(pd.DataFrame({"doc_id": ["d"],
    ...     "text": ["Arland warned of a direct confrontation over the arms supplies."]}), [ANNOTATOR])
    >>> t["frames"].query("scheme == 'diplomatic'")[["frame", "text"]].values.tolist()
    [['escalation_risk', 'direct confrontation'], ['western_involvement', 'arms supplies']]
"""
from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import lexicon as lexmod
from .annotator import Annotator, Chunk
from .tokenize import iter_rows, tokenize_documents, vocabulary, word_mask

DEFAULT_LEXICONS: tuple[str, ...] = ("framing_pfc", "framing_sv", "framing_diplomatic")
FRAME_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "scheme", "frame", "cue", "weight",
                 "negated", "in_quote", "quote_id", "speaker_actor", "scare_quoted", "source"]
DOCUMENT_FRAME_COLUMNS = ["doc_id", "scheme", "frame", "hits", "cues", "words", "score", "present"]

# NegEx-style triggers (matched on lemmas) and the clause boundaries that end their scope.
NEGATORS = frozenset({"not", "n't", "no", "never", "without", "nor", "neither", "none", "nobody",
                      "nothing", "cannot", "avoid", "prevent", "deny", "refuse"})
PSEUDO_NEGATIONS = frozenset({"not only", "not just", "not merely", "no doubt", "nothing but",
                              "no less", "not least", "without doubt", "no longer than"})
SCOPE_BREAKS = frozenset({",", ";", ":", "but", "however", "although", "though", "while",
                          "whereas", "yet", "(", ")", "—", "–", "--", "“", "”", '"'})


def _tag_scheme(lex: lexmod.Lexicon) -> str:
    return str(lex.meta.get("scheme") or lex.name)


def load_schemes(lexicons: Sequence[str | Path] = DEFAULT_LEXICONS) -> list[lexmod.Lexicon]:
    """Load frame lexicons by bundled name or path (a user's own scheme is a lexicon file).

    ``lexicons`` reads as the framing step's option does (:func:`toolkit.lexicon.choose`): a
    list (or one string) is the schemes read, a dict ``{bundled name: file or None}``
    replaces or leaves out bundled schemes. :func:`find_frames`, :func:`frame_catalog` and
    :func:`document_frames` read their ``lexicons`` here. The scheme name is the YAML's
    ``scheme`` key, else the lexicon's ``name``.

    Example:
        >>> [scheme_name(x) for x in load_schemes()]
        ['pfc', 'semetko_valkenburg', 'diplomatic']
        >>> [scheme_name(x) for x in load_schemes({"framing_pfc": None, "framing_sv": None})]
        ['diplomatic']
    """
    if isinstance(lexicons, Mapping):
        choice = lexmod.choose(lexicons, step="framing", bundled=DEFAULT_LEXICONS, policy="any")
        lexicons = lexmod.read_list(choice, DEFAULT_LEXICONS)
    if isinstance(lexicons, (str, Path)):
        lexicons = [lexicons]
    out = [lexmod.load(x) for x in lexicons]
    names = [_tag_scheme(x) for x in out]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise ValueError(f"`lexicons` has schemes {dup} more than once; each scheme must come from one lexicon")
    return out


def scheme_name(lex: lexmod.Lexicon) -> str:
    """The scheme a frame lexicon stands for (YAML ``scheme``, else its ``name``).

    Example:
        >>> scheme_name(lexmod.load("framing_sv"))
        'semetko_valkenburg'
    """
    return _tag_scheme(lex)


def frame_catalog(lexicons: Sequence[str | Path] = DEFAULT_LEXICONS) -> pd.DataFrame:
    """Every frame of the given schemes with its definition: ``scheme, frame, description, source``.

    Example:
        >>> frame_catalog().groupby("scheme").size().to_dict()
        {'diplomatic': 9, 'pfc': 14, 'semetko_valkenburg': 5}
    """
    rows = [{"scheme": _tag_scheme(lex), "frame": k, "description": v, "source": lex.tag}
            for lex in load_schemes(lexicons) for k, v in lex.categories.items()]
    return pd.DataFrame(rows, columns=["scheme", "frame", "description", "source"])


# --------------------------------------------------------------------------- cue finding

def _row_index(tokens: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
    """Position of each document's first token row (rows of a document are contiguous)."""
    codes, values = vocabulary(tokens["doc_id"])   # integer codes, shared by the annotators
    n = len(codes)
    first = np.ones(n, dtype=bool)
    if n:
        first[1:] = codes[1:] != codes[:-1]
    starts = pd.Series(np.flatnonzero(first), index=np.asarray(values, dtype=object)[codes[first]])
    return first, starts


def negation_flags(tokens: pd.DataFrame, doc_ids: np.ndarray, tok_starts: np.ndarray, *,
                   window: int = 5) -> np.ndarray:
    """Whether a negator precedes each hit within ``window`` tokens of the same clause.

    Args:
        tokens: the tokens table (rows of a document contiguous, ``tok_id`` from 0).
        doc_ids, tok_starts: the hits' document ids and first token ids.
        window: how many tokens before the cue a negator may be (NegEx uses five).

    Returns:
        A boolean array parallel to the hits.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> _, t = tokenize_documents(["d"], ["They want peace, not war. They avoid a war."])
        >>> negation_flags(t, np.array(["d", "d", "d"]), np.array([2, 5, 10])).tolist()
        [False, True, True]
    """
    n = len(tokens)
    if n == 0 or len(tok_starts) == 0:
        return np.zeros(len(tok_starts), dtype=bool)
    sent = tokens["sent_id"].to_numpy()
    doc_first, starts = _row_index(tokens)
    sent_first = doc_first.copy()
    sent_first[1:] |= sent[1:] != sent[:-1]
    lemma_s, lower_s = tokens["lemma"], tokens["lower"]
    neg = word_mask(lemma_s, NEGATORS) | word_mask(lower_s, NEGATORS)
    # "no doubt", "not only": a negator followed by these lemmas does not negate.
    for pair in PSEUDO_NEGATIONS:
        first, second = pair.split(" ", 1)
        pseudo = np.zeros(n, dtype=bool)
        pseudo[:-1] = word_mask(lemma_s, (first,))[:-1] & word_mask(lemma_s, (second,))[1:]
        neg &= ~pseudo
    brk = word_mask(lower_s, SCOPE_BREAKS)
    idx = np.arange(n)
    # barrier[i]: first row a window ending at i may reach back to.
    barrier = np.where(brk, idx + 1, np.where(sent_first, idx, 0))
    barrier = np.maximum.accumulate(barrier)
    rows = starts.reindex(doc_ids).to_numpy(dtype="int64") + np.asarray(tok_starts, dtype="int64")
    lo = np.maximum(rows - window, barrier[rows])
    cs = np.concatenate([[0], np.cumsum(neg)])
    return (lo < rows) & ((cs[rows] - cs[np.minimum(lo, rows)]) > 0)


def _inside(hits: pd.DataFrame, q: pd.DataFrame) -> pd.DataFrame:
    """For each hit inside some ``q`` content span, the innermost such quote (indexed by hit row).

    Innermost: the shortest span that holds the hit; of equally short ones, the first row of
    ``q``. Each quote's candidates are found by bisecting the hits sorted by document and start
    (those starting inside the span), so the pairs tried are only the hits near a quote.

    Example:
        >>> h = pd.DataFrame({"doc_id": ["d", "d", "e"], "start": [2, 9, 2], "end": [4, 11, 4]})
        >>> q = pd.DataFrame({"doc_id": ["d", "d"], "content_start": [0, 1],
        ...                   "content_end": [12, 5], "quote_id": ["q1", "q2"]})
        >>> _inside(h, q)["quote_id"].tolist()
        ['q2', 'q1']
    """
    extra = [c for c in q.columns if c not in ("doc_id", "content_start", "content_end")]
    best = np.full(len(hits), -1, dtype=np.int64)     # position in q of the innermost quote
    if len(hits) and len(q):
        n = len(hits)
        codes, _ = pd.factorize(np.concatenate([hits["doc_id"].to_numpy(dtype=object),
                                                q["doc_id"].to_numpy(dtype=object)]))
        h_doc, q_doc = codes[:n].astype(np.int64), codes[n:].astype(np.int64)
        h_start = hits["start"].to_numpy().astype(np.int64)
        h_end = hits["end"].to_numpy().astype(np.int64)
        a = np.array([int(x) for x in q["content_start"].tolist()], dtype=np.int64)
        b = np.array([int(x) for x in q["content_end"].tolist()], dtype=np.int64)
        # one sorted key per hit: document, then start (offsets shifted to be non-negative)
        low = min(int(h_start.min()), int(a.min()), int(b.min()), 0)
        span = max(int(h_start.max()), int(a.max()), int(b.max())) - low + 1
        key = h_doc * span + (h_start - low)
        order = np.argsort(key, kind="stable")
        key = key[order]
        lo = np.searchsorted(key, q_doc * span + (a - low), side="left")
        hi = np.searchsorted(key, q_doc * span + (b - low), side="right")
        counts = np.where((q_doc >= 0) & (hi > lo), hi - lo, 0)
        qi = np.repeat(np.arange(len(q)), counts)
        first = np.repeat(lo - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        hit = order[first + np.arange(len(qi))]
        ok = (h_doc[hit] >= 0) & (h_start[hit] >= a[qi]) & (h_end[hit] <= b[qi])
        qi, hit = qi[ok], hit[ok]
        # per hit, the shortest quote, the first of equally short ones
        pick = np.lexsort((qi, (b - a)[qi], hit))
        hit, qi = hit[pick], qi[pick]
        head = np.ones(len(hit), dtype=bool)
        head[1:] = hit[1:] != hit[:-1]
        best[hit[head]] = qi[head]
    rows = np.flatnonzero(best >= 0)
    out = q.iloc[best[rows]][extra].set_axis(pd.Index(rows, name="_row"))
    return out


def _quote_context(hits: pd.DataFrame, quotes: pd.DataFrame | None) -> pd.DataFrame:
    """``in_quote``, ``quote_id``, ``speaker_actor`` (innermost enclosing speech) and ``scare_quoted``."""
    n = len(hits)
    known = quotes is not None
    # all False (quotes known) or all missing; built from arrays, not from lists of n scalars
    flag = pd.arrays.BooleanArray(np.zeros(n, dtype=bool), np.full(n, not known, dtype=bool))
    out = pd.DataFrame({"in_quote": flag, "quote_id": np.full(n, pd.NA, dtype=object),
                        "speaker_actor": np.full(n, pd.NA, dtype=object), "scare_quoted": flag.copy()},
                       index=hits.index)
    if not known or n == 0 or quotes.empty or not {"doc_id", "content_start", "content_end"} <= set(quotes):
        return out
    cols = ["doc_id", "content_start", "content_end"] + [c for c in ("quote_id", "speaker_actor") if c in quotes]
    q = quotes[cols].dropna(subset=["content_start", "content_end"])
    scare = (quotes["kind"].astype(str).str.lower().str.contains("scare", na=False)
             if "kind" in quotes else pd.Series(False, index=quotes.index))
    speech = _inside(hits, q[~scare.loc[q.index]])
    if len(speech):
        idx = hits.index[speech.index.to_numpy()]
        out.loc[idx, "in_quote"] = True
        for c in ("quote_id", "speaker_actor"):
            if c in speech:
                out.loc[idx, c] = speech[c].to_numpy()
    scared = _inside(hits, q[scare.loc[q.index]])
    if len(scared):
        out.loc[hits.index[scared.index.to_numpy()], "scare_quoted"] = True
    return out


def find_frames(tokens: pd.DataFrame, texts: Mapping[str, str], *,
                lexicons: Sequence[str | Path] = DEFAULT_LEXICONS,
                quotes: pd.DataFrame | None = None, negation_window: int = 5) -> pd.DataFrame:
    """Find frame cues: one matcher pass per lexicon (scheme) over the tokens.

    Longest-match wins inside a scheme ("nuclear weapon" over "weapon"), never across schemes,
    so the same words can be evidence for a frame in each scheme.

    Args:
        tokens: the tokens table.
        texts: ``doc_id -> text``.
        lexicons: frame lexicons by bundled name or path (one per scheme).
        quotes: the ``quotes`` table (``doc_id, quote_id, kind, speaker_actor, content_start,
            content_end``) or ``None`` when quotes were not computed.
        negation_window: tokens before a cue in which a negator puts it in scope.

    Returns:
        The ``frames`` table (:data:`FRAME_COLUMNS`), in document order.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "The minister called for talks, not a wider war."
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> f = find_frames(toks, {"d": text}, lexicons=["framing_diplomatic"])
        >>> f[["frame", "text", "negated"]].values.tolist()
        [['negotiation_peace', 'talks', False], ['escalation_risk', 'wider war', True]]
    """
    parts = []
    for lex in load_schemes(lexicons):
        hits = lex.find(tokens, texts)
        if hits.empty:
            continue
        parts.append(pd.DataFrame({
            "doc_id": hits["doc_id"], "sent_id": hits["sent_id"], "tok_start": hits["tok_start"],
            "start": hits["start"], "end": hits["end"], "text": hits["text"],
            "scheme": _tag_scheme(lex), "frame": hits["category"], "cue": hits["entry"],
            "weight": (hits["weight"].astype(float).fillna(1.0) if "weight" in hits
                       else 1.0), "source": hits["source"]}))
    if not parts:
        empty = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _FRAME_DTYPES.items()})
        return empty[FRAME_COLUMNS]
    f = pd.concat(parts, ignore_index=True)
    # Document order as in the tokens table, then position, so rows read like the text.
    order = pd.Series(np.arange(len(texts)), index=list(texts))
    f = f.assign(_d=order.reindex(f["doc_id"]).to_numpy()).sort_values(
        ["_d", "start", "end", "scheme", "frame"], kind="stable").reset_index(drop=True)
    f["negated"] = negation_flags(tokens, f["doc_id"].to_numpy(), f["tok_start"].to_numpy(),
                                  window=negation_window)
    f = pd.concat([f, _quote_context(f, quotes)], axis=1)
    return f[FRAME_COLUMNS].astype({k: v for k, v in _FRAME_DTYPES.items() if k in
                                    ("sent_id", "start", "end", "weight", "negated")})


_FRAME_DTYPES = {"doc_id": "object", "sent_id": "int64", "start": "int64", "end": "int64",
                 "text": "object", "scheme": "object", "frame": "object", "cue": "object",
                 "weight": "float64", "negated": "bool", "in_quote": "boolean",
                 "quote_id": "object", "speaker_actor": "object", "scare_quoted": "boolean",
                 "source": "object"}


# --------------------------------------------------------------------------- document profiles

def word_counts(tokens: pd.DataFrame) -> pd.Series:
    """Words (non-punctuation tokens) per document.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> word_counts(tokenize_documents(["d"], ["Peace, now!"])[1]).to_dict()
        {'d': 2}
    """
    # Counted on the shared document codes (no copy of the tokens table); documents in order of
    # their first word, as ``groupby(sort=False).size()`` lists them.
    codes, values = vocabulary(tokens["doc_id"])
    words = ~tokens["is_punct"].to_numpy(dtype=bool)
    counts = np.bincount(codes[words & (codes >= 0)], minlength=len(values))
    present = np.flatnonzero(counts)
    index = pd.Index(np.asarray(values, dtype=object)[present], dtype=tokens["doc_id"].dtype, name="doc_id")
    return pd.Series(counts[present].astype("int64"), index=index)


def document_frames(frames: pd.DataFrame, words: pd.Series, *,
                    lexicons: Sequence[str | Path] = DEFAULT_LEXICONS, min_cues: int = 2,
                    min_rate: float = 1.0, count_negated: bool = True) -> pd.DataFrame:
    """The frame profile of each document: one row per document x frame, zeros included.

    Args:
        frames: the ``frames`` table.
        words: words per document (:func:`word_counts`); its index lists the documents.
        lexicons: the schemes whose frames make the rows.
        min_cues: distinct cues a frame needs to be ``present``.
        min_rate: weighted hits per 1,000 words a frame needs to be ``present``.
        count_negated: count negated cues (default: yes, a negated frame is still evoked).

    Returns:
        :data:`DOCUMENT_FRAME_COLUMNS`: ``hits`` (weighted), ``cues`` (distinct cue entries),
        ``words``, ``score`` (= 1000 * hits / words) and ``present``.

    Example:
        >>> f = pd.DataFrame({"doc_id": ["a", "a"], "scheme": "diplomatic",
        ...     "frame": "nuclear_danger", "cue": ["nuclear", "warhead"], "weight": 1.0,
        ...     "negated": False})
        >>> d = document_frames(f, pd.Series({"a": 500}), lexicons=["framing_diplomatic"])
        >>> d.query("frame == 'nuclear_danger'")[["score", "present"]].values.tolist()
        [[4.0, True]]
    """
    cat = frame_catalog(lexicons)[["scheme", "frame"]]
    words = words.astype("int64")
    docs = words.index.to_numpy()
    n_cat = len(cat)
    f = frames if count_negated else frames[~frames["negated"].astype(bool)]
    # Cell of the document x frame grid each cue falls in (-1: not on the grid).
    doc_pos = {d: i for i, d in enumerate(docs.tolist())}
    cat_pos = {key: j for j, key in enumerate(zip(cat["scheme"].tolist(), cat["frame"].tolist()))}
    cell = np.fromiter((doc_pos[d] * n_cat + cat_pos[(s, fr)] if d in doc_pos and (s, fr) in cat_pos else -1
                        for d, s, fr in iter_rows(f, "doc_id", "scheme", "frame")),
                       dtype=np.int64, count=len(f))
    on = cell >= 0
    hits = np.zeros(len(docs) * n_cat, dtype=float)
    cues = np.zeros(len(docs) * n_cat, dtype=np.int64)
    if on.any():
        # pandas' grouped sum (compensated) in row order, as the groupby it replaces summed
        by_cell = pd.Series(f["weight"].to_numpy()[on]).groupby(cell[on], sort=False)
        sums = by_cell.sum()
        hits[sums.index.to_numpy()] = sums.to_numpy(dtype=float)
        distinct = pd.Series(f["cue"].to_numpy(dtype=object)[on]).groupby(cell[on], sort=False).nunique()
        cues[distinct.index.to_numpy()] = distinct.to_numpy()
    out = pd.DataFrame({"doc_id": np.repeat(docs, n_cat),
                        "scheme": np.tile(cat["scheme"].to_numpy(), len(docs)),
                        "frame": np.tile(cat["frame"].to_numpy(), len(docs)),
                        "hits": hits, "cues": cues})
    out["words"] = np.repeat(words.to_numpy(), n_cat)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["score"] = np.where(out["words"] > 0, 1000.0 * out["hits"] / out["words"], 0.0)
    out["present"] = (out["cues"] >= min_cues) & (out["score"] >= min_rate)
    return out[DOCUMENT_FRAME_COLUMNS]


def annotate(tables: Mapping[str, pd.DataFrame], *, lexicons=None, negation_window: int = 5,
             min_cues: int = 2, min_rate: float = 1.0,
             extra_lexicons: Sequence[str | Path] | None = None) -> dict[str, pd.DataFrame]:
    """The annotator: ``frames`` and ``document_frames`` for one chunk of documents.

    Uses the ``quotes`` table when an earlier step made it; options come from
    ``analyze(..., options={"framing": {"lexicons": {"my_scheme": "my_scheme.yaml"}}})``:
    ``lexicons`` adds a scheme, replaces a bundled one of the same name, or leaves one out
    (``{"framing_pfc": None}``), as :func:`toolkit.lexicon.choose` says (a list that leaves a
    bundled scheme out still lists the schemes read, for one release); ``extra_lexicons`` is
    its old spelling, read for one release.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> s, t = tokenize_documents(["d"], ["Talks on a ceasefire resumed."])
        >>> out = annotate({"documents": pd.DataFrame({"doc_id": ["d"], "text": ["Talks on a ceasefire resumed."]}),
        ...                 "sentences": s, "tokens": t}, min_cues=1,
        ...                lexicons={"framing_pfc": None, "framing_sv": None})
        >>> out["document_frames"].query("present")["frame"].tolist()
        ['negotiation_peace']
    """
    choice = lexmod.step_lexicons("framing", DEFAULT_LEXICONS, lexicons, policy="any",
                                  extra_lexicons=extra_lexicons)
    lexs = lexmod.read_list(choice, DEFAULT_LEXICONS)
    tables = Chunk.of(tables)
    tokens = tables["tokens"]
    if "documents" not in tables:
        raise RuntimeError("framing needs the documents table to slice evidence text")
    texts = tables.texts
    frames = find_frames(tokens, texts, lexicons=lexs, quotes=tables.get("quotes"),
                         negation_window=negation_window)
    words = word_counts(tokens).reindex(list(texts), fill_value=0)
    doc_frames = document_frames(frames, words, lexicons=lexs, min_cues=min_cues, min_rate=min_rate)
    return {"frames": frames, "document_frames": doc_frames}


ANNOTATOR = Annotator(
    name="framing",
    produces=("frames", "document_frames"),
    func=annotate,
    requires=("tokens",),
    lexicons=DEFAULT_LEXICONS,
    lexicon_policy="any",
    description="Frame cues (Policy Frames Codebook, Semetko & Valkenburg, diplomatic frames) "
                "with evidence spans, negation and quoted speaker; per-document frame profiles.",
)


# --------------------------------------------------------------------------- aggregation

def _tables(source) -> Mapping[str, pd.DataFrame]:
    tables = getattr(source, "tables", source)
    if not isinstance(tables, Mapping):
        raise TypeError(f"expected an Analysis or a mapping of tables, got {type(source).__name__}")
    return tables


def _doc_frames(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    if "document_frames" in tables:
        return tables["document_frames"]
    if "frames" in tables and "tokens" in tables:
        words = word_counts(tables["tokens"]).reindex(tables["documents"]["doc_id"], fill_value=0)
        return document_frames(tables["frames"], words)
    raise KeyError(f"no document_frames (or frames + tokens) table; tables are {list(tables)}; "
                   "run analyze(..., annotators=['framing'])")


def _with_meta(documents: pd.DataFrame, by: Sequence[str]) -> pd.DataFrame:
    docs = documents
    missing = [c for c in by if c not in docs.columns]
    if "year" in missing and "date" in docs.columns:
        docs = docs.assign(year=docs["date"].dt.year.astype("Int64"))
        missing.remove("year")
    if missing:
        raise KeyError(f"`by` value = {missing} is invalid; value must be among the documents "
                       f"columns {list(documents.columns)} (or 'speaker_actor')")
    return docs[["doc_id", *by]]


def _aligned(df: pd.DataFrame, documents: pd.DataFrame, by: Sequence[str],
             value: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Documents x (scheme, frame) matrix of ``value`` and the documents' ``by`` columns, aligned."""
    meta = _with_meta(documents, by).set_index("doc_id")
    wide = df.pivot_table(index="doc_id", columns=["scheme", "frame"], values=value,
                          aggfunc="first", sort=False).astype(float)
    common = wide.index.intersection(meta.index)
    return wide.loc[common], meta.loc[common, list(by)]


def _boot_means(m: np.ndarray, n_boot: int, rng: np.random.Generator,
                denom: np.ndarray | None = None) -> np.ndarray:
    """Bootstrap means (or ratios sum(m)/sum(denom)) of the rows of ``m``: ``(n_boot, F)``.

    Resampling counts come from one multinomial draw per replicate, so each replicate is a
    matrix product, in blocks that keep memory near 8 MB.
    """
    n = m.shape[0]
    block = max(1, min(n_boot, 1_000_000 // max(n, 1)))
    out = []
    for b0 in range(0, n_boot, block):
        w = rng.multinomial(n, np.full(n, 1.0 / n), size=min(block, n_boot - b0)).astype(float)
        num = w @ m
        if denom is None:
            out.append(num / n)
        else:
            den = w @ denom
            with np.errstate(divide="ignore", invalid="ignore"):
                out.append(np.where(den[:, None] > 0, 1000.0 * num / den[:, None], np.nan))
    return np.vstack(out)


def frame_profile(source, *, by: str | Sequence[str] = "country", scheme: str | None = None,
                  value: str = "score", n_boot: int = 1000, ci: float = 0.95,
                  seed: int = 0) -> pd.DataFrame:
    """Mean frame score (or share of documents where a frame is present) by group, with CIs.

    Args:
        source: an :class:`~toolkit.pipeline.Analysis` or a mapping of tables with
            ``documents`` and ``document_frames`` (or ``frames`` + ``tokens``).
        by: documents column(s) (``country``, ``year``, ``source`` ...; ``year`` is derived
            from ``date`` if absent), or ``"speaker_actor"`` for quoted speakers (needs the
            quotes table): then the value is weighted cue hits per 1,000 quoted words, pooled
            over each speaker's quotes.
        scheme: keep one scheme (``pfc``, ``semetko_valkenburg``, ``diplomatic`` ...).
        value: ``"score"`` (mean hits per 1,000 words) or ``"present"`` (share of documents).
        n_boot: bootstrap replicates over documents (0: no interval).
        ci: interval coverage.
        seed: random seed.

    Returns:
        One row per group x frame: the ``by`` columns, ``scheme, frame, value, ci_low, ci_high,
        n_docs``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "country": ["X", "X", "Y"]})
        >>> df = pd.DataFrame({"doc_id": ["a", "b", "c"], "scheme": "s", "frame": "f",
        ...     "score": [1.0, 3.0, 5.0], "present": [False, True, True]})
        >>> p = frame_profile({"documents": docs, "document_frames": df}, by="country", n_boot=200)
        >>> p[["country", "value", "n_docs"]].values.tolist()
        [['X', 2.0, 2], ['Y', 5.0, 1]]
    """
    if value not in ("score", "present"):
        raise ValueError(f"`value` value = {value!r} is invalid; value must be one of ['score', 'present']")
    by = [by] if isinstance(by, str) else list(by)
    tables = _tables(source)
    rng = np.random.default_rng(seed)
    alpha = (1 - ci) / 2
    if by == ["speaker_actor"]:
        return _speaker_profile(tables, scheme=scheme, n_boot=n_boot, alpha=alpha, rng=rng)
    df = _doc_frames(tables)
    if scheme is not None:
        df = df[df["scheme"] == scheme]
    wide, groups = _aligned(df, tables["documents"], by, value)
    keys = wide.columns
    values = wide.to_numpy(float)
    rows = []
    for group, pos in sorted(groups.groupby(by, sort=True, dropna=True).indices.items()):
        group = group if isinstance(group, tuple) else (group,)
        m = values[pos]
        point = m.mean(axis=0)
        lo = hi = np.full(len(keys), np.nan)
        if n_boot > 0 and len(m) > 1:
            boots = _boot_means(m, n_boot, rng)
            lo, hi = np.quantile(boots, [alpha, 1 - alpha], axis=0)
        rows.append(pd.DataFrame({**{c: [v] * len(keys) for c, v in zip(by, group)},
                                  "scheme": keys.get_level_values(0), "frame": keys.get_level_values(1),
                                  "value": point, "ci_low": lo, "ci_high": hi, "n_docs": len(m)}))
    cols = [*by, "scheme", "frame", "value", "ci_low", "ci_high", "n_docs"]
    return pd.concat(rows, ignore_index=True)[cols] if rows else pd.DataFrame(columns=cols)


def quoted_words(tokens: pd.DataFrame, quotes: pd.DataFrame) -> pd.Series:
    """Words (non-punctuation tokens) inside each quote's content, indexed like ``quotes``.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> _, t = tokenize_documents(["d"], ['He said "we want peace now".'])
        >>> q = pd.DataFrame({"doc_id": ["d"], "content_start": [9], "content_end": [26]})
        >>> quoted_words(t, q).tolist()
        [4]
    """
    words = tokens.loc[~tokens["is_punct"].astype(bool), ["doc_id", "start"]]
    codes, _ = pd.factorize(pd.concat([words["doc_id"], quotes["doc_id"]], ignore_index=True))
    tcode, qcode = codes[: len(words)], codes[len(words):]
    shift = np.int64(1) << 40
    tkey = np.sort(tcode.astype("int64") * shift + words["start"].to_numpy("int64"))
    a = qcode.astype("int64") * shift + quotes["content_start"].to_numpy("int64")
    b = qcode.astype("int64") * shift + quotes["content_end"].to_numpy("int64")
    return pd.Series(np.searchsorted(tkey, b) - np.searchsorted(tkey, a), index=quotes.index)


def _speaker_profile(tables, *, scheme, n_boot, alpha, rng) -> pd.DataFrame:
    cols = ["speaker_actor", "scheme", "frame", "value", "ci_low", "ci_high", "n_docs"]
    if "quotes" not in tables or "frames" not in tables:
        raise KeyError("by='speaker_actor' needs the quotes and frames tables; run analyze() "
                       "with the quotes annotator (toolkit.quotes) before framing")
    q = tables["quotes"].dropna(subset=["speaker_actor", "content_start", "content_end"])
    if "kind" in q.columns:
        q = q[~q["kind"].astype(str).str.lower().str.contains("scare", na=False)]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q = q.assign(words=quoted_words(tables["tokens"], q))
    wq = q.groupby(["speaker_actor", "doc_id"])["words"].sum()
    f = tables["frames"]
    f = f[f["in_quote"].fillna(False).astype(bool)]
    cat = frame_catalog()
    if scheme is not None:
        f = f[f["scheme"] == scheme]
        cat = cat[cat["scheme"] == scheme]
    hits = f.pivot_table(index=["speaker_actor", "doc_id"], columns=["scheme", "frame"],
                         values="weight", aggfunc="sum", fill_value=0.0)
    # Bundled frames plus any frame of a user's scheme seen in the frames table.
    pairs = pd.concat([cat[["scheme", "frame"]], f[["scheme", "frame"]]]).drop_duplicates()
    keys = pd.MultiIndex.from_frame(pairs)
    hits = hits.reindex(index=wq.index, columns=keys, fill_value=0.0)
    rows = []
    for speaker, g in hits.groupby(level=0, sort=True):
        m, w = g.to_numpy(float), wq.loc[g.index].to_numpy(float)
        point = 1000.0 * m.sum(axis=0) / w.sum() if w.sum() else np.full(m.shape[1], np.nan)
        lo = hi = np.full(m.shape[1], np.nan)
        if n_boot > 0 and len(m) > 1:
            boots = _boot_means(m, n_boot, rng, denom=w)
            lo, hi = np.nanquantile(boots, [alpha, 1 - alpha], axis=0)
        rows.append(pd.DataFrame({"speaker_actor": speaker, "scheme": keys.get_level_values(0),
                                  "frame": keys.get_level_values(1), "value": point,
                                  "ci_low": lo, "ci_high": hi, "n_docs": len(m)}))
    return pd.concat(rows, ignore_index=True)[cols] if rows else pd.DataFrame(columns=cols)


def compare_frames(source, *, by: str, a, b, scheme: str | None = None, n_boot: int = 1000,
                   ci: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """Difference in mean frame score between two groups of documents, frame by frame.

    The interval resamples each group's documents independently; ``p_value`` is a two-sided
    Mann-Whitney U test (scores are skewed, many zeros) and ``p_adjusted`` controls the false
    discovery rate over frames (Benjamini & Hochberg 1995).

    Returns:
        ``scheme, frame, mean_a, mean_b, diff, ci_low, ci_high, p_value, p_adjusted, n_a, n_b``.

    Example:
        >>> docs = pd.DataFrame({"doc_id": list("abcdef"), "side": list("xxxyyy")})
        >>> df = pd.DataFrame({"doc_id": list("abcdef"), "scheme": "s", "frame": "f",
        ...     "score": [5.0, 6, 7, 0, 1, 0], "present": True})
        >>> c = compare_frames({"documents": docs, "document_frames": df}, by="side", a="x", b="y", n_boot=100)
        >>> float(c["diff"].iloc[0])
        5.666666666666667
    """
    from scipy import stats

    tables = _tables(source)
    df = _doc_frames(tables)
    if scheme is not None:
        df = df[df["scheme"] == scheme]
    wide, groups = _aligned(df, tables["documents"], [by], "score")
    keys = wide.columns
    ma = wide.to_numpy(float)[(groups[by] == a).to_numpy()]
    mb = wide.to_numpy(float)[(groups[by] == b).to_numpy()]
    if len(ma) == 0 or len(mb) == 0:
        raise ValueError(f"`a`/`b` must both be values of {by!r} with documents; "
                         f"got {len(ma)} documents for {a!r} and {len(mb)} for {b!r}")
    rng = np.random.default_rng(seed)
    diff = ma.mean(0) - mb.mean(0)
    lo = hi = np.full(len(keys), np.nan)
    if n_boot > 0:
        boots = _boot_means(ma, n_boot, rng) - _boot_means(mb, n_boot, rng)
        alpha = (1 - ci) / 2
        lo, hi = np.quantile(boots, [alpha, 1 - alpha], axis=0)
    with np.errstate(all="ignore"):
        p = stats.mannwhitneyu(ma, mb, axis=0, alternative="two-sided").pvalue
    p = np.where(np.isnan(p), 1.0, p)
    return pd.DataFrame({"scheme": keys.get_level_values(0), "frame": keys.get_level_values(1),
                         "mean_a": ma.mean(0), "mean_b": mb.mean(0), "diff": diff,
                         "ci_low": lo, "ci_high": hi, "p_value": p,
                         "p_adjusted": stats.false_discovery_control(p), "n_a": len(ma), "n_b": len(mb)})


def top_cues(frames: pd.DataFrame, *, scheme: str | None = None, n: int = 10,
             include_negated: bool = True) -> pd.DataFrame:
    """The cues behind each frame, most frequent first, so a reader can judge the measure.

    Returns:
        ``scheme, frame, cue, hits, docs, share`` (share of the frame's hits), top ``n`` per frame.

    Example:
        >>> f = pd.DataFrame({"doc_id": ["a", "a", "b"], "scheme": "s", "frame": "f",
        ...                   "cue": ["war", "war", "peace"], "negated": False})
        >>> top_cues(f)[["cue", "hits", "docs"]].values.tolist()
        [['war', 2, 1], ['peace', 1, 1]]
    """
    f = frames if include_negated else frames[~frames["negated"].astype(bool)]
    if scheme is not None:
        f = f[f["scheme"] == scheme]
    g = (f.groupby(["scheme", "frame", "cue"]).agg(hits=("doc_id", "size"), docs=("doc_id", "nunique"))
         .reset_index())
    g["share"] = g["hits"] / g.groupby(["scheme", "frame"])["hits"].transform("sum")
    g = g.sort_values(["scheme", "frame", "hits", "cue"], ascending=[True, True, False, True])
    return g.groupby(["scheme", "frame"], sort=False).head(n).reset_index(drop=True)


# --------------------------------------------------------------------------- supervised option

@dataclass
class FrameClassifier:
    """A supervised frame classifier trained on a user's own labelled sentences.

    ``cv_scores`` holds the cross-validated per-frame precision/recall/F1 (every item predicted
    by a model that never saw it); ``model`` is the scikit-learn pipeline refitted on all items.
    """

    model: object
    labels: list
    multilabel: bool
    cv_scores: pd.DataFrame = field(default_factory=pd.DataFrame)
    cv_predictions: list = field(default_factory=list)

    def predict(self, texts: Sequence[str]) -> list:
        """Predicted frame per text (a list of frames per text for multi-label models)."""
        pred = self.model.predict(list(texts))
        if self.multilabel:
            return [[lab for lab, on in zip(self.labels, row) if on] for row in pred]
        return np.asarray(pred).tolist()


FEATURES = ("tfidf+dictionary", "tfidf")


@functools.lru_cache(maxsize=8)
def _cue_cache(lexicons: tuple) -> dict:
    """Per-lexicon-set memo ``text -> feature row``: cross-validation refits see the same texts."""
    return {}


def cue_features(texts: Sequence[str], *, lexicons: Sequence[str | Path] = DEFAULT_LEXICONS):
    """Dictionary features: ``log(1 + weighted cue hits)`` per frame, as a sparse matrix.

    Example:
        >>> cue_features(["Peace talks and a ceasefire."], lexicons=["framing_diplomatic"]).shape
        (1, 9)
    """
    from scipy import sparse

    texts = [str(t) for t in texts]
    cache = _cue_cache(tuple(str(x) for x in lexicons))
    todo = list(dict.fromkeys(t for t in texts if t not in cache))
    if todo:
        if len(cache) + len(todo) > 200_000:
            cache.clear()
        ids = [str(i) for i in range(len(todo))]
        _, toks = tokenize_documents(ids, todo)
        f = find_frames(toks, dict(zip(ids, todo)), lexicons=lexicons)
        cols = pd.MultiIndex.from_frame(frame_catalog(lexicons)[["scheme", "frame"]])
        m = (f.pivot_table(index="doc_id", columns=["scheme", "frame"], values="weight", aggfunc="sum")
             .reindex(index=ids, columns=cols).fillna(0.0).to_numpy(float))
        cache.update(zip(todo, np.log1p(m)))
    return sparse.csr_matrix(np.vstack([cache[t] for t in texts]))


def _pipeline(seed: int, features: str, lexicons: Sequence[str | Path]):
    from functools import partial

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import make_pipeline, make_union
    from sklearn.preprocessing import FunctionTransformer

    if features not in FEATURES:
        raise ValueError(f"`features` value = {features!r} is invalid; value must be one of {list(FEATURES)}")
    parts = [TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, strip_accents="unicode")]
    if features == "tfidf+dictionary":
        # The cue counts carry what the dictionaries know; the n-grams learn the rest.
        parts.append(FunctionTransformer(partial(cue_features, lexicons=tuple(lexicons))))
    # One-vs-rest liblinear: fast on sparse n-grams, the same model for single- and multi-label.
    clf = OneVsRestClassifier(LogisticRegression(solver="liblinear", class_weight="balanced",
                                                 C=4.0, random_state=seed))
    return make_pipeline(make_union(*parts), clf)


def train_classifier(texts: Sequence[str], labels: Sequence, *, groups: Sequence | None = None,
                     folds: int = 5, seed: int = 0, features: str = "tfidf+dictionary",
                     lexicons: Sequence[str | Path] = DEFAULT_LEXICONS) -> FrameClassifier:
    """Train a logistic-regression frame classifier, with cross-validated scores.

    Features are TF-IDF word uni- and bigrams plus, by default, the dictionaries' cue counts per
    frame (``features="tfidf"`` leaves them out). The dictionaries stay the default way to
    measure frames: they are transparent and need no labels. Use this when you have a few
    hundred labelled sentences or articles of your own and its cross-validated F1 beats the
    dictionaries on them (on eval-dev it gains a few points of macro-F1; see VALIDATION.md).

    Args:
        texts: sentences or documents.
        labels: one frame per text (single-label), or a list of frames per text (multi-label).
        groups: e.g. article ids, so that sentences of one article never sit in both the
            training and the test folds.
        folds: cross-validation folds.
        seed: random seed (fold assignment, solver).
        features: ``"tfidf+dictionary"`` or ``"tfidf"``.
        lexicons: the frame lexicons behind the dictionary features.

    Returns:
        A :class:`FrameClassifier` refitted on all items, with ``cv_scores`` (per-frame
        precision/recall/F1 and macro averages over held-out predictions).

    Example:
        >>> texts = ["peace talks resumed", "ceasefire talks held", "talks on a truce",
        ...          "missile strike hit", "troops shelled town", "strike by missiles"] * 4
        >>> labels = ["peace", "peace", "peace", "war", "war", "war"] * 4
        >>> clf = train_classifier(texts, labels, folds=3)
        >>> clf.predict(["new peace talks"])
        ['peace']
    """
    from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, cross_val_predict
    from sklearn.preprocessing import MultiLabelBinarizer

    texts = [str(t) for t in texts]
    labels = list(labels)
    if len(texts) != len(labels):
        raise ValueError(f"texts has {len(texts)} items but labels has {len(labels)}")
    multilabel = any(isinstance(x, (list, tuple, set, frozenset)) for x in labels)
    if multilabel:
        mlb = MultiLabelBinarizer()
        y = mlb.fit_transform([list(x) for x in labels])
        names = list(mlb.classes_)
    else:
        y = np.asarray(labels, dtype=object)
        names = sorted(set(labels), key=str)
    if groups is not None:
        cv = GroupKFold(n_splits=folds)
    elif multilabel:
        cv = KFold(n_splits=folds, shuffle=True, random_state=seed)
    else:
        cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    pred = cross_val_predict(_pipeline(seed, features, lexicons), texts, y, cv=cv,
                             groups=None if groups is None else list(groups))
    scores = _prf_table(y, pred, names, multilabel)
    model = _pipeline(seed, features, lexicons).fit(texts, y)
    return FrameClassifier(model=model, labels=names, multilabel=multilabel, cv_scores=scores,
                           cv_predictions=list(pred))


def _prf_table(y, pred, names, multilabel) -> pd.DataFrame:
    from sklearn.metrics import precision_recall_fscore_support

    if multilabel:
        p, r, f, s = precision_recall_fscore_support(y, pred, zero_division=0)
    else:
        p, r, f, s = precision_recall_fscore_support(y, pred, labels=names, zero_division=0)
    df = pd.DataFrame({"label": names, "precision": p, "recall": r, "f1": f, "support": s})
    macro = {"label": "macro", "precision": p.mean(), "recall": r.mean(), "f1": f.mean(),
             "support": int(s.sum())}
    return pd.concat([df, pd.DataFrame([macro])], ignore_index=True)
