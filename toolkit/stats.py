"""Corpus statistics on the tidy tables: KWIC, collocations, keyness, dispersion, trends.

The numbers AntConc, WordSmith and Sketch Engine give, computed on the ``tokens`` table (one
token per row, offsets into ``documents.text``) and returned as tidy DataFrames:

* :func:`kwic` - concordance lines (left, keyword, right, doc_id, start, end), phrase queries on
  token sequences (``*`` wildcards) or regular expressions on the text; :func:`toolkit.show.kwic`
  is their escaped HTML view.
* :func:`collocates` - window collocations with MI, t-score, logDice and log-likelihood (G²).
* :func:`keyness` - two sub-corpora compared with G², Log Ratio and %DIFF.
* :func:`dispersion` - Gries' DP and its normalised form over corpus parts.
* :func:`frequency_over_time` - relative frequency per 1,000 words by year, decade or any bin.

Counting conventions (all functions): "words" are the non-punctuation tokens (``is_punct`` is
False) unless ``drop_punct=False``; matching is on ``lower`` by default (``on="lemma"`` counts
lemmas, ``on="text"`` is case-sensitive).

Notes:
    Association measures follow Evert (2008), "Corpora and collocations", in Lüdeling & Kytö
    (eds.), Corpus Linguistics. An International Handbook, art. 58 (surface co-occurrence);
    logDice: Rychlý (2008), "A lexicographer-friendly association score", RASLAN.
    G²: Dunning (1993), "Accurate methods for the statistics of surprise and coincidence",
    Computational Linguistics 19(1); keyness use: Rayson & Garside (2000).
    Log Ratio: Hardie (2014), "Log Ratio - an informal introduction", CASS blog.
    %DIFF: Gabrielatos & Marchi (2012), "Keyness: appropriate metrics and practical issues",
    CADS International Conference, Bologna.
    DP: Gries (2008), "Dispersions and adjusted frequencies in corpora", International Journal
    of Corpus Linguistics 13(4); DPnorm: Lijffijt & Gries (2012), IJCL 17(1).
"""
from __future__ import annotations

import fnmatch
import itertools
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats as sps

from .lexicon import key_of
from .tokenize import token_spans

ON_KEYS = ("lower", "lemma", "text")
KWIC_COLUMNS = ["doc_id", "sent_id", "start", "end", "left", "keyword", "right"]
COLLOCATE_MEASURES = ("mi", "t_score", "log_dice", "g2")
ZERO_ADJUSTMENT = 0.5  # Hardie (2014): a zero frequency counts as 0.5 in Log Ratio and %DIFF
_WS = re.compile(r"\s+")


# ----------------------------------------------------------------------------- helpers

def _check_on(on: str) -> None:
    if on not in ON_KEYS:
        raise ValueError(f"`on` value = {on!r} is invalid; value must be one of {list(ON_KEYS)}")


def _texts(documents: pd.DataFrame | Mapping[str, str]) -> Mapping[str, str]:
    if isinstance(documents, pd.DataFrame):
        return dict(zip(documents["doc_id"], documents["text"]))
    return documents


def _words(tokens: pd.DataFrame, drop_punct: bool, drop_stop: bool = False) -> pd.DataFrame:
    keep = np.ones(len(tokens), dtype=bool)
    if drop_punct and "is_punct" in tokens:
        keep &= ~tokens["is_punct"].to_numpy(dtype=bool)
    if drop_stop and "is_stop" in tokens:
        keep &= ~tokens["is_stop"].to_numpy(dtype=bool)
    return tokens.loc[keep]


def _doc_codes(tokens: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of ``doc_id`` (cheap comparisons) and the ids they stand for."""
    codes, uniques = pd.factorize(tokens["doc_id"], sort=False)
    return codes, np.asarray(uniques, dtype=object)


def _ordered(tokens: pd.DataFrame) -> pd.DataFrame:
    """Tokens with the rows of each document together, in text order, on a fresh index."""
    if len(tokens) < 2:
        return tokens.reset_index(drop=True)
    d, _ = _doc_codes(tokens)
    s = tokens["start"].to_numpy()
    same = d[1:] == d[:-1]
    runs = d[np.r_[True, ~same]]
    if len(set(runs)) == len(runs) and np.all(s[1:][same] > s[:-1][same]):
        return tokens.reset_index(drop=True)
    return tokens.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def _query_patterns(query: str, on: str) -> list[tuple[str, object]]:
    """Split a phrase query into per-token matchers: ``("eq", key)`` or ``("re", regex)``.

    Whitespace separates query words; a word with ``*`` or ``?`` is a wildcard on the matching
    key (``escalat*``); other words are tokenized like the text (``NATO's`` -> ``NATO``, ``'s``).
    """
    parts: list[tuple[str, object]] = []
    for word in query.split():
        if "*" in word or "?" in word:
            pat = word if on == "text" else word.lower()
            parts.append(("re", re.compile(fnmatch.translate(pat), re.DOTALL)))
            continue
        for a, b in token_spans(word):
            parts.append(("eq", key_of(word[a:b], on)))
    if not parts:
        raise ValueError(f"`query` value = {query!r} is invalid; it holds no token to match")
    return parts


def _keys(tokens: pd.DataFrame, on: str) -> np.ndarray:
    col = tokens[on] if on in tokens else tokens["text"]
    # The same normalisation as the lexicon matcher: curly and straight apostrophes match.
    # Normalise each distinct string once (a corpus has far fewer types than tokens).
    codes, uniques = pd.factorize(col.astype(str), sort=False)
    norm = np.array([u.replace("’", "'").replace("‘", "'") for u in uniques], dtype=object)
    return norm[codes] if len(codes) else np.array([], dtype=object)


def _match_mask(keys: np.ndarray, matcher: tuple[str, object]) -> np.ndarray:
    kind, val = matcher
    if kind == "eq":
        return keys == val
    return pd.Series(keys).str.match(val).to_numpy(dtype=bool)  # fnmatch regexes are anchored


def match_phrase(tokens: pd.DataFrame, query: str, *, on: str = "lower") -> pd.DataFrame:
    """Find a phrase (a token sequence inside one sentence) in a tokens table.

    Args:
        tokens: the tokens table.
        query: words separated by spaces, tokenized like the text; ``*`` and ``?`` are
            wildcards inside one token (``"escalat*"``, ``"nuclear *"``).
        on: ``"lower"`` (default), ``"lemma"`` or ``"text"`` (case-sensitive).

    Returns:
        One row per match: ``doc_id, sent_id, tok_start, tok_end, start, end`` (token ids
        half-open, character offsets half-open).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> _, toks = tokenize_documents(["d"], ["NATO warned. Nato's reply came."])
        >>> match_phrase(toks, "nato")[["start", "end"]].values.tolist()
        [[0, 4], [13, 17]]
    """
    _check_on(on)
    pats = _query_patterns(query, on)
    toks = _ordered(tokens)
    n, m = len(toks), len(pats)
    cols = ["doc_id", "sent_id", "tok_start", "tok_end", "start", "end"]
    if n < m:
        return pd.DataFrame(columns=cols).astype({c: "int64" for c in cols[1:]})
    doc, doc_ids = _doc_codes(toks)
    sent = toks["sent_id"].to_numpy()
    idx = _phrase_starts(_keys(toks, on), doc, sent, pats)
    last = idx + m - 1
    return pd.DataFrame({
        "doc_id": doc_ids[doc[idx]], "sent_id": sent[idx].astype("int64"),
        "tok_start": toks["tok_id"].to_numpy()[idx].astype("int64"),
        "tok_end": toks["tok_id"].to_numpy()[last].astype("int64") + 1,
        "start": toks["start"].to_numpy()[idx].astype("int64"),
        "end": toks["end"].to_numpy()[last].astype("int64"),
    }, columns=cols)


def _match_regex(texts: Mapping[str, str], doc_ids: Sequence[str], pattern: str,
                 case: bool) -> pd.DataFrame:
    rx = re.compile(pattern, 0 if case else re.IGNORECASE)
    rows = [(d, m.start(), m.end()) for d in doc_ids for m in rx.finditer(texts[d]) if m.end() > m.start()]
    return pd.DataFrame(rows, columns=["doc_id", "start", "end"]).astype({"start": "int64", "end": "int64"})


# ----------------------------------------------------------------------------- KWIC

def kwic(tokens: pd.DataFrame, documents: pd.DataFrame | Mapping[str, str], query: str, *,
         window: int = 5, on: str = "lower", regex: bool = False, case: bool = False,
         sort: str | Sequence[str] | None = None) -> pd.DataFrame:
    """Keyword-in-context concordance as a DataFrame.

    Args:
        tokens: the tokens table (context is counted in tokens, punctuation included).
        documents: the documents table, or ``doc_id -> text``; left/keyword/right are sliced
            from the text itself.
        query: a phrase (see :func:`match_phrase`), or a regular expression with ``regex=True``.
        window: context tokens on each side (within the document; sentences may be crossed).
        on: matching key for phrase queries: ``"lower"``, ``"lemma"`` or ``"text"``.
        regex: treat ``query`` as a regular expression on the document text (``case`` decides
            case sensitivity); hits need not align with token boundaries.
        case: case-sensitive regular expression.
        sort: ``"R1"`` sorts by the first word to the right, then R2, R3 ...; ``"L1"`` by the
            first word to the left, then L2 ...; ``"R2"`` starts at the second word; a list
            gives explicit keys (any columns). Default: document order.

    Returns:
        Columns ``doc_id, sent_id, start, end, left, keyword, right`` then ``L1..Lw`` and
        ``R1..Rw`` (lower-cased context tokens, empty at document edges).
        ``documents.text[doc_id][start:end] == keyword`` for every row; ``left``/``right`` have
        their white space collapsed for display.

    Notes:
        Concordance layout and L1/R1 sort keys as in AntConc (Anthony 2005, "AntConc:
        design and development of a freeware corpus analysis toolkit", IPCC).

    Example:
        >>> import toolkit
        >>> a = toolkit.analyze(pd.DataFrame({"text": ["Talks failed. Escalation followed quickly."]}),
        ...                     annotators=[])
        >>> k = kwic(a.tokens, a.documents, "escalat*", window=2)
        >>> k[["left", "keyword", "right", "R1"]].values.tolist()
        [['failed.', 'Escalation', 'followed quickly', 'followed']]
    """
    if window < 0:
        raise ValueError(f"`window` value = {window} is invalid; value must be >= 0")
    _check_on(on)
    texts = _texts(documents)
    toks = _ordered(tokens)
    if regex:
        hits = _match_regex(texts, list(dict.fromkeys(toks["doc_id"])), query, case)
    else:
        hits = match_phrase(toks, query, on=on)[["doc_id", "start", "end"]]
    lcols = [f"L{i}" for i in range(1, window + 1)]
    rcols = [f"R{i}" for i in range(1, window + 1)]
    out: dict[str, list] = {c: [] for c in KWIC_COLUMNS + lcols + rcols}
    doc_arr, doc_ids = _doc_codes(toks)
    starts_all = toks["start"].to_numpy()
    ends_all = toks["end"].to_numpy()
    sent_all = toks["sent_id"].to_numpy()
    lower_all = toks["lower"].to_numpy(object) if "lower" in toks else toks["text"].str.lower().to_numpy(object)
    bounds = {}
    if len(toks):
        change = np.flatnonzero(doc_arr[1:] != doc_arr[:-1]) + 1
        edges = np.r_[0, change, len(toks)]
        bounds = {doc_ids[doc_arr[a]]: (int(a), int(b)) for a, b in itertools.pairwise(edges)}
    for d, s, e in zip(hits["doc_id"], hits["start"], hits["end"]):
        text = texts[d]
        a, b = bounds.get(d, (0, 0))
        st, en = starts_all[a:b], ends_all[a:b]
        left_end = a + int(np.searchsorted(en, s, side="right"))      # tokens ending <= s
        right_start = a + int(np.searchsorted(st, e, side="left"))    # tokens starting >= e
        lo, hi = max(a, left_end - window), min(b, right_start + window)
        left = text[starts_all[lo]:s] if lo < left_end else ""
        right = text[e:ends_all[hi - 1]] if hi > right_start else ""
        inside = a + int(np.searchsorted(en, s, side="right"))
        out["doc_id"].append(d)
        out["sent_id"].append(int(sent_all[min(inside, b - 1)]) if b > a else -1)
        out["start"].append(int(s))
        out["end"].append(int(e))
        out["left"].append(_WS.sub(" ", left).strip())
        out["keyword"].append(text[s:e])
        out["right"].append(_WS.sub(" ", right).strip())
        for i, c in enumerate(lcols, start=1):
            out[c].append(lower_all[left_end - i] if left_end - i >= lo else "")
        for i, c in enumerate(rcols):
            out[c].append(lower_all[right_start + i] if right_start + i < hi else "")
    df = pd.DataFrame(out, columns=KWIC_COLUMNS + lcols + rcols)
    df = df.astype({"sent_id": "int64", "start": "int64", "end": "int64"})
    return sort_kwic(df, sort) if sort is not None else df


def sort_kwic(conc: pd.DataFrame, by: str | Sequence[str]) -> pd.DataFrame:
    """Sort concordance lines by context words, AntConc style.

    ``"R1"`` sorts by R1, R2, R3 ... then document and offset; ``"L1"`` by L1, L2 ...; a list
    is used as given.

    Example:
        >>> c = pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 0], "R1": ["z", "a"], "R2": ["", ""]})
        >>> sort_kwic(c, "R1")["doc_id"].tolist()
        ['b', 'a']
    """
    if isinstance(by, str):
        m = re.fullmatch(r"([LR])(\d+)", by)
        if not m or by not in conc.columns:
            valid = [c for c in conc.columns if re.fullmatch(r"[LR]\d+", c)]
            raise ValueError(f"`sort` value = {by!r} is invalid; value must be one of {valid} or a list of columns")
        side, k = m.group(1), int(m.group(2))
        keys = [f"{side}{i}" for i in range(k, 10_000) if f"{side}{i}" in conc.columns]
    else:
        keys = list(by)
        missing = [k for k in keys if k not in conc.columns]
        if missing:
            raise ValueError(f"`sort` columns {missing} are not in the concordance; columns are {list(conc.columns)}")
    keys += [k for k in ("doc_id", "start") if k in conc.columns and k not in keys]
    return conc.sort_values(keys, kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------- 2x2 statistics

def g2(o11, o12, o21, o22) -> np.ndarray:
    """Log-likelihood G² of 2×2 contingency tables (vectorised; ``0·ln 0 = 0``).

    ``G² = 2 Σ O_ij ln(O_ij / E_ij)`` with ``E_ij = row_i · col_j / N``.

    Notes:
        Dunning (1993); Evert (2008). Equal to
        ``scipy.stats.chi2_contingency(t, correction=False, lambda_="log-likelihood")[0]``.

    Example:
        >>> round(float(g2(10, 90, 20, 880)), 3)
        12.649
    """
    obs = [np.asarray(x, dtype=float) for x in (o11, o12, o21, o22)]
    r1, r2 = obs[0] + obs[1], obs[2] + obs[3]
    c1, c2 = obs[0] + obs[2], obs[1] + obs[3]
    n = r1 + r2
    exp = [r1 * c1 / n, r1 * c2 / n, r2 * c1 / n, r2 * c2 / n]
    total = np.zeros(np.broadcast(*obs).shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        for o, e in zip(obs, exp):
            total = total + np.where(o > 0, o * np.log(o / e), 0.0)
    return 2 * total


def association(o11, r1, c1, n, *, f_node=None) -> pd.DataFrame:
    """Association scores from co-occurrence counts (vectorised).

    Args:
        o11: co-occurrences (collocate inside the node's window).
        r1: window size in tokens (all positions inside the node's windows).
        c1: collocate frequency in the corpus (outside node positions).
        n: corpus size in tokens (outside node positions).
        f_node: node frequency for logDice (default ``r1``).

    Returns:
        Columns ``expected, mi, t_score, log_dice, g2, p_value`` where ``expected = r1·c1/n``,
        ``mi = log2(o11/expected)``, ``t_score = (o11 - expected)/sqrt(o11)``,
        ``log_dice = 14 + log2(2·o11/(f_node + c1))``, ``g2`` of the table
        ``[[o11, r1-o11], [c1-o11, n-r1-c1+o11]]`` and its chi-squared (1 df) p-value.

    Notes:
        Evert (2008) for MI, t-score and G² on surface co-occurrence; Rychlý (2008) logDice.

    Example:
        >>> a = association(8, 100, 20, 1000, f_node=10)
        >>> round(float(a["mi"].iloc[0]), 4), round(float(a["log_dice"].iloc[0]), 4)
        (2.0, 13.0931)
    """
    o11, r1, c1, n = (np.atleast_1d(np.asarray(x, dtype=float)) for x in (o11, r1, c1, n))
    f_node = r1 if f_node is None else np.atleast_1d(np.asarray(f_node, dtype=float))
    expected = r1 * c1 / n
    with np.errstate(divide="ignore", invalid="ignore"):
        mi = np.log2(o11 / expected)
        t = (o11 - expected) / np.sqrt(o11)
        log_dice = 14 + np.log2(2 * o11 / (f_node + c1))
    g = g2(o11, r1 - o11, c1 - o11, n - r1 - c1 + o11)
    return pd.DataFrame({"expected": expected, "mi": mi, "t_score": t, "log_dice": log_dice,
                         "g2": g, "p_value": sps.chi2.sf(g, 1)})


# ----------------------------------------------------------------------------- collocations

def collocates(tokens: pd.DataFrame, node: str, *, window: int | tuple[int, int] = 5,
               on: str = "lower", min_freq: int = 3, drop_punct: bool = True,
               drop_stop: bool = False, sort: str = "log_dice") -> pd.DataFrame:
    """Collocates of a node word or phrase within a window, with four association measures.

    The corpus is the word stream (punctuation dropped by default) of each document. Every
    position within ``window`` words of a node occurrence (not crossing documents, node
    positions themselves excluded, overlapping windows counted once) is "in the window"; all
    other non-node positions are "outside". Each collocate type then has a 2×2 table:
    in-window vs outside × this type vs other types.

    Args:
        tokens: the tokens table.
        node: the node, a phrase query as in :func:`match_phrase` (``"NATO"``, ``"nuclear *"``).
        window: words on each side, or ``(left, right)``.
        on: ``"lower"``, ``"lemma"`` or ``"text"``: what counts as the same word.
        min_freq: minimum co-occurrence frequency (``o11``) to keep a collocate.
        drop_punct: count words only (default).
        drop_stop: also drop stop words (``is_stop``), both from counts and from the windows.
        sort: measure to sort by (descending): one of ``mi, t_score, log_dice, g2``.

    Returns:
        Columns ``collocate, o11, f_collocate, f_node, window_size, n, expected, mi, t_score,
        log_dice, g2, p_value``; collocates occurring less than expected have negative MI.

    Notes:
        Surface co-occurrence contingency tables and MI, t-score, G²: Evert (2008); logDice:
        Rychlý (2008), with f_xy = o11, f_x = node frequency, f_y = collocate frequency.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> _, toks = tokenize_documents(["d"], ["NATO allies met. NATO allies agreed. Rain fell."])
        >>> c = collocates(toks, "nato", window=1, min_freq=2)
        >>> c[["collocate", "o11", "f_node"]].values.tolist()
        [['allies', 2, 2]]
    """
    _check_on(on)
    if sort not in COLLOCATE_MEASURES:
        raise ValueError(f"`sort` value = {sort!r} is invalid; value must be one of {list(COLLOCATE_MEASURES)}")
    left, right = (window, window) if isinstance(window, int) else window
    if left < 0 or right < 0:
        raise ValueError(f"`window` value = {window!r} is invalid; value must be >= 0 (or a pair of them)")
    words = _ordered(_words(tokens, drop_punct, drop_stop))
    cols = ["collocate", "o11", "f_collocate", "f_node", "window_size", "n", "expected",
            *COLLOCATE_MEASURES[:3], "g2", "p_value"]
    hits = _phrase_rows(words, node, on)
    keys = _keys(words, on)
    n_tok = len(words)
    if hits.size == 0 or n_tok == 0:
        return pd.DataFrame(columns=cols)
    m = len(_query_patterns(node, on))
    doc, _ = _doc_codes(words)
    is_node = np.zeros(n_tok, dtype=bool)
    for j in range(m):
        is_node[hits + j] = True
    # Window positions: a difference array marks [start-left, start) and [after, after+right),
    # "after" being the position just past the node, both clipped to the node's document.
    change = np.flatnonzero(doc[1:] != doc[:-1]) + 1
    doc_start = np.r_[0, change][np.searchsorted(np.r_[0, change], hits, side="right") - 1]
    doc_end = np.r_[change, n_tok][np.searchsorted(np.r_[0, change], hits, side="right") - 1]
    delta = np.zeros(n_tok + 1, dtype=np.int64)
    lo = np.maximum(hits - left, doc_start)
    np.add.at(delta, lo, 1)
    np.add.at(delta, hits, -1)
    last = hits + m
    hi = np.minimum(last + right, doc_end)
    np.add.at(delta, last, 1)
    np.add.at(delta, hi, -1)
    in_win = (np.cumsum(delta)[:n_tok] > 0) & ~is_node
    outside_node = ~is_node
    n = int(outside_node.sum())
    r1 = int(in_win.sum())
    f_all = pd.Series(keys[outside_node]).value_counts()
    o = pd.Series(keys[in_win]).value_counts()
    o = o[o >= min_freq]
    if o.empty:
        return pd.DataFrame(columns=cols)
    c1 = f_all.reindex(o.index).to_numpy()
    scores = association(o.to_numpy(), r1, c1, n, f_node=len(hits))
    df = pd.DataFrame({"collocate": o.index.to_numpy(object), "o11": o.to_numpy().astype("int64"),
                       "f_collocate": c1.astype("int64"), "f_node": len(hits), "window_size": r1, "n": n})
    df = pd.concat([df, scores], axis=1)
    return df.sort_values([sort, "collocate"], ascending=[False, True], kind="stable").reset_index(drop=True)[cols]


def _phrase_starts(keys: np.ndarray, doc: np.ndarray, sent: np.ndarray, pats: list) -> np.ndarray:
    """Positions where the token patterns ``pats`` match consecutively inside one sentence.

    Callers ensure ``len(keys) >= len(pats)``.
    """
    n, m = len(keys), len(pats)
    span = n - m + 1
    ok = _match_mask(keys[:span], pats[0])
    for j in range(1, m):
        ok &= _match_mask(keys[j:j + span], pats[j])
        ok &= (doc[j:j + span] == doc[:span]) & (sent[j:j + span] == sent[:span])
    return np.flatnonzero(ok)


def _phrase_rows(words: pd.DataFrame, query: str, on: str) -> np.ndarray:
    """Row positions (in ``words``, already ordered) where ``query`` starts; windows are in words."""
    pats = _query_patterns(query, on)
    keys = _keys(words, on)
    n, m = len(words), len(pats)
    if n < m:
        return np.array([], dtype=np.int64)
    doc, _ = _doc_codes(words)
    sent = words["sent_id"].to_numpy() if "sent_id" in words else np.zeros(n, dtype=np.int64)
    rows = _phrase_starts(keys, doc, sent, pats)
    if m > 1 and len(rows):
        # Non-overlapping occurrences, leftmost first ("a a a" has one "a a").
        keep, nxt = [], -1
        for r in rows:
            if r >= nxt:
                keep.append(r)
                nxt = r + m
        rows = np.asarray(keep, dtype=np.int64)
    return rows


# ----------------------------------------------------------------------------- keyness

def keyness_scores(freq_target, freq_reference, size_target: float, size_reference: float) -> pd.DataFrame:
    """Keyness statistics from frequencies in two corpora (vectorised).

    For each word with ``a`` hits in a target corpus of ``N1`` words and ``b`` hits in a
    reference corpus of ``N2`` words:

    * ``g2``: log-likelihood of the 2×2 table ``[[a, b], [N1-a, N2-b]]`` (all four cells; the
      two-cell shortcut of Rayson & Garside's calculator differs slightly), ``p_value`` from
      chi-squared with 1 df;
    * ``log_ratio = log2((a/N1) / (b/N2))`` (Hardie 2014): 1 means twice as frequent;
    * ``pct_diff = 100 · (a/N1 - b/N2) / (b/N2)`` (Gabrielatos & Marchi 2012).

    Zero frequencies: G² needs no adjustment (``0·ln 0 = 0``). For Log Ratio and %DIFF a zero
    count is replaced by 0.5 (Hardie 2014's recommendation), so both stay finite; the
    ``zero_adjusted`` column flags those rows; treat their effect sizes as bounds
    ("at least this much more frequent").

    Notes:
        Dunning (1993); Rayson & Garside (2000); Hardie (2014); Gabrielatos & Marchi (2012).

    Example:
        >>> k = keyness_scores([20, 0], [5, 4], 1000, 2000)
        >>> k["log_ratio"].round(3).tolist(), k["pct_diff"].round(1).tolist()
        ([3.0, -2.0], [700.0, -75.0])
    """
    a = np.atleast_1d(np.asarray(freq_target, dtype=float))
    b = np.atleast_1d(np.asarray(freq_reference, dtype=float))
    n1, n2 = float(size_target), float(size_reference)
    if n1 <= 0 or n2 <= 0:
        raise ValueError(f"corpus sizes must be positive; got target={n1:g}, reference={n2:g}")
    g = g2(a, b, n1 - a, n2 - b)
    a_adj = np.where(a == 0, ZERO_ADJUSTMENT, a)
    b_adj = np.where(b == 0, ZERO_ADJUSTMENT, b)
    nf1, nf2 = a_adj / n1, b_adj / n2
    return pd.DataFrame({
        "per_1000_target": 1000 * a / n1, "per_1000_reference": 1000 * b / n2,
        "g2": g, "p_value": sps.chi2.sf(g, 1),
        "log_ratio": np.log2(nf1 / nf2), "pct_diff": 100 * (nf1 - nf2) / nf2,
        "zero_adjusted": (a == 0) | (b == 0),
        "direction": np.where(a / n1 >= b / n2, "target", "reference"),
    })


def keyness(target: pd.DataFrame, reference: pd.DataFrame, *, on: str = "lower",
            min_freq: int = 5, drop_punct: bool = True, drop_stop: bool = False,
            alpha: float = 0.05) -> pd.DataFrame:
    """Key words of a target sub-corpus against a reference sub-corpus.

    Args:
        target, reference: tokens tables of the two sub-corpora (see :func:`split_tokens`).
        on: ``"lower"``, ``"lemma"`` or ``"text"``.
        min_freq: keep words with at least this many hits in both corpora together.
        drop_punct, drop_stop: what counts as a word (and in the corpus sizes).
        alpha: significance level, Bonferroni-corrected for the number of words tested: the
            ``significant`` column is ``p_value < alpha / n_tested``.

    Returns:
        One row per word sorted by G² (descending): ``term, freq_target, freq_reference`` and
        the columns of :func:`keyness_scores`, plus ``significant``. ``direction`` says in which
        corpus the word is relatively more frequent.

    Notes:
        G² (Dunning 1993; Rayson & Garside 2000), Log Ratio (Hardie 2014), %DIFF (Gabrielatos &
        Marchi 2012); zero frequencies are adjusted to 0.5 for the effect sizes only.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> _, t = tokenize_documents(["a"], ["war war war war peace talks"])
        >>> _, r = tokenize_documents(["b"], ["peace peace peace talks war talks"])
        >>> keyness(t, r, min_freq=1)[["term", "direction"]].values.tolist()[0]
        ['war', 'target']
    """
    _check_on(on)
    tw, rw = _words(target, drop_punct, drop_stop), _words(reference, drop_punct, drop_stop)
    ft = pd.Series(_keys(tw, on)).value_counts()
    fr = pd.Series(_keys(rw, on)).value_counts()
    both = pd.concat([ft.rename("freq_target"), fr.rename("freq_reference")], axis=1).fillna(0)
    both = both[(both["freq_target"] + both["freq_reference"]) >= min_freq]
    cols = ["term", "freq_target", "freq_reference", "per_1000_target", "per_1000_reference",
            "g2", "p_value", "log_ratio", "pct_diff", "zero_adjusted", "direction", "significant"]
    if both.empty or len(tw) == 0 or len(rw) == 0:
        return pd.DataFrame(columns=cols)
    scores = keyness_scores(both["freq_target"].to_numpy(), both["freq_reference"].to_numpy(), len(tw), len(rw))
    df = pd.concat([pd.DataFrame({"term": both.index.to_numpy(object),
                                  "freq_target": both["freq_target"].to_numpy().astype("int64"),
                                  "freq_reference": both["freq_reference"].to_numpy().astype("int64")}),
                    scores], axis=1)
    df["significant"] = df["p_value"] < alpha / len(df)
    return df.sort_values(["g2", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)[cols]


def split_tokens(tokens: pd.DataFrame, documents: pd.DataFrame, column: str, target,
                 reference=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a tokens table into two sub-corpora by a documents column.

    Args:
        tokens, documents: the analysis tables.
        column: documents column to split on (``"country"``, ``"author"``, ``"year"`` ...).
        target: value (or list of values) of the target sub-corpus.
        reference: value(s) of the reference; default: every other document.

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "country": ["RUS", "USA"]})
        >>> toks = pd.DataFrame({"doc_id": ["a", "b", "b"], "lower": ["x", "y", "z"]})
        >>> [len(t) for t in split_tokens(toks, docs, "country", "RUS")]
        [1, 2]
    """
    if column not in documents:
        raise ValueError(f"`column` value = {column!r} is invalid; value must be one of {list(documents.columns)}")
    def as_list(v) -> list:
        return list(v) if isinstance(v, (list, tuple, set, range)) else [v]

    col = documents[column]
    t_ids = set(documents.loc[col.isin(as_list(target)), "doc_id"])
    if not t_ids:
        raise ValueError(f"no document has {column} in {as_list(target)}; values are {sorted(col.dropna().unique().tolist())[:20]}")
    r_mask = ~col.isin(as_list(target)) if reference is None else col.isin(as_list(reference))
    r_ids = set(documents.loc[r_mask, "doc_id"])
    return tokens[tokens["doc_id"].isin(t_ids)], tokens[tokens["doc_id"].isin(r_ids)]


# ----------------------------------------------------------------------------- dispersion

def dp(part_freqs, part_sizes) -> tuple[float, float]:
    """Gries' DP and DPnorm of one word from its frequency and the size of each corpus part.

    ``DP = 0.5 · Σ |v_i - s_i|`` with ``v_i`` the share of the word's hits in part ``i`` and
    ``s_i`` the share of the corpus in part ``i``; 0 = spread as evenly as the parts' sizes,
    towards 1 = concentrated in one small part. ``DPnorm = DP / (1 - min s_i)`` rescales to
    [0, 1].

    Notes:
        Gries (2008); normalisation Lijffijt & Gries (2012).

    Example:
        >>> dp([1, 1, 1], [10, 10, 10])
        (0.0, 0.0)
    """
    f = np.asarray(part_freqs, dtype=float)
    s = np.asarray(part_sizes, dtype=float)
    if f.sum() == 0:
        return float("nan"), float("nan")
    value = 0.5 * np.abs(f / f.sum() - s / s.sum()).sum()
    return float(value), float(value / (1 - (s / s.sum()).min()))


def dispersion(tokens: pd.DataFrame, terms: Sequence[str] | None = None, *, parts: str = "doc_id",
               documents: pd.DataFrame | None = None, on: str = "lower", min_freq: int = 1,
               drop_punct: bool = True) -> pd.DataFrame:
    """Gries' DP (and DPnorm) of words across corpus parts (documents, years, speakers ...).

    Args:
        tokens: the tokens table.
        terms: words to score (normalised like the tokens: ``"NATO"`` is ``"nato"`` with
            ``on="lower"``); default every word.
        parts: a tokens column or, with ``documents``, a documents column defining the parts.
        documents: the documents table, needed when ``parts`` is a documents column.
        on: ``"lower"``, ``"lemma"`` or ``"text"``.
        min_freq: minimum corpus frequency.
        drop_punct: count words only.

    Returns:
        ``term, freq, range (parts with the word), n_parts, dp, dp_norm`` sorted by frequency.

    Notes:
        DP: Gries (2008); DPnorm: Lijffijt & Gries (2012). Computed from the sparse
        (term, part) counts: parts without the word contribute ``s_i`` each.

    Example:
        >>> toks = pd.DataFrame({"doc_id": list("aabb"), "lower": ["x", "y", "x", "z"],
        ...                      "is_punct": [False] * 4})
        >>> dispersion(toks)[["term", "dp"]].values.tolist()
        [['x', 0.0], ['y', 0.5], ['z', 0.5]]
    """
    _check_on(on)
    words = _words(tokens, drop_punct)
    if parts not in words:
        if documents is None or parts not in documents:
            raise ValueError(f"`parts` value = {parts!r} is invalid; value must be a tokens column "
                             f"or a documents column (pass documents=)")
        words = words.merge(documents[["doc_id", parts]], on="doc_id", how="left")
    df = pd.DataFrame({"term": _keys(words, on), "part": words[parts].to_numpy()})
    sizes = df.groupby("part").size()
    share = sizes / sizes.sum()
    counts = df.groupby(["term", "part"]).size().rename("f").reset_index()
    if terms is not None:
        # Terms are normalised like the tokens ("NATO" finds "nato" with on="lower").
        terms = list(dict.fromkeys(key_of(str(t), on) for t in terms))
        counts = counts[counts["term"].isin(terms)]
    freq = counts.groupby("term")["f"].transform("sum")
    s_i = counts["part"].map(share).to_numpy()
    counts["absdiff"] = np.abs(counts["f"].to_numpy() / freq.to_numpy() - s_i)
    counts["s"] = s_i
    g = counts.groupby("term").agg(freq=("f", "sum"), range=("f", "size"), absdiff=("absdiff", "sum"),
                                   s=("s", "sum"))
    g["n_parts"] = len(sizes)
    g["dp"] = 0.5 * (g["absdiff"] + (1 - g["s"]))
    g["dp_norm"] = g["dp"] / (1 - share.min()) if len(sizes) > 1 else np.nan
    out = g[g["freq"] >= min_freq].reset_index()
    if terms is not None:
        missing = [t for t in terms if t not in set(out["term"])]
        if missing:
            out = pd.concat([out, pd.DataFrame({"term": missing, "freq": 0, "range": 0,
                                                "n_parts": len(sizes), "dp": np.nan, "dp_norm": np.nan})])
    out = out.sort_values(["freq", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out["dp"] = out["dp"].round(12)
    out["dp_norm"] = out["dp_norm"].round(12)
    return out[["term", "freq", "range", "n_parts", "dp", "dp_norm"]].astype({"freq": "int64", "range": "int64"})


# ----------------------------------------------------------------------------- trends

GROUP_COLUMNS = ("country", "speaker", "author", "source")


def two_groups(documents: pd.DataFrame, *, by: str | None = None, target=None,
               reference=None) -> tuple[str | None, object, object]:
    """Choose the two sub-corpora a comparison (keyness, trends) contrasts.

    Args:
        documents: the analysis documents table.
        by: the documents column to split on; default: the first of :data:`GROUP_COLUMNS`
            with at least two values.
        target, reference: the two values compared; default: the two values with most
            documents (ties broken by value, so the choice is reproducible).

    Returns:
        ``(column, target, reference)``; ``(None, None, None)`` when the corpus holds a single
        group (one document, one speaker), so there is nothing to compare.

    Raises:
        ValueError: ``by`` is not a column, or ``target``/``reference`` is not one of its values.

    Example:
        >>> docs = pd.DataFrame({"doc_id": list("abc"), "country": ["RUS", "USA", "RUS"]})
        >>> two_groups(docs)
        ('country', 'RUS', 'USA')
        >>> two_groups(docs.head(1))
        (None, None, None)
    """
    if by is not None and by not in documents:
        raise ValueError(f"`by` value = {by!r} is invalid; value must be one of {list(documents.columns)}")
    candidates = [by] if by is not None else [c for c in GROUP_COLUMNS if c in documents]
    for col in candidates:
        values = documents[col].dropna().astype(str)
        values = values[values.str.strip() != ""]
        counts = values.value_counts()
        if len(counts) < 2:
            continue
        ranked = sorted(counts.index, key=lambda v: (-counts[v], v))
        for name, value in (("target", target), ("reference", reference)):
            if value is not None and str(value) not in counts.index:
                raise ValueError(f"`{name}` value = {value!r} is invalid; value must be one of "
                                 f"{sorted(counts.index)} (column {col!r})")
        t = str(target) if target is not None else ranked[0]
        r = str(reference) if reference is not None else next(v for v in ranked if v != t)
        return col, t, r
    return None, None, None


def largest_groups(documents: pd.DataFrame, column: str, *, n: int = 12) -> list[str]:
    """The ``n`` values of ``column`` with most documents (ties by value), as strings: a figure
    with one row, colour or line per group stays readable (44 presidents do not).

    Example:
        >>> docs = pd.DataFrame({"doc_id": list("abcd"), "author": ["X", "Y", "Y", "Z"]})
        >>> largest_groups(docs, "author", n=2)
        ['Y', 'X']
    """
    if column not in documents:
        raise ValueError(f"`column` value = {column!r} is invalid; value must be one of {list(documents.columns)}")
    counts = documents[column].dropna().astype(str).value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], v))[:n]


def frequent_words(tokens: pd.DataFrame, *, n: int = 3, on: str = "lower", min_len: int = 3,
                   drop_stop: bool = True) -> list[str]:
    """The ``n`` most frequent alphabetic words (stop words and punctuation left out).

    A default for the words a notebook looks at (concordance, collocations, trends) when the
    user names none: they then exist in any corpus.

    Example:
        >>> toks = pd.DataFrame({"doc_id": "d", "lower": ["the", "talks", "talks", "war", "."],
        ...                      "is_punct": [False, False, False, False, True],
        ...                      "is_stop": [True, False, False, False, False]})
        >>> frequent_words(toks, n=2)
        ['talks', 'war']
    """
    _check_on(on)
    words = _words(tokens, True, drop_stop)[on].astype(str)
    words = words[words.str.isalpha() & (words.str.len() >= min_len)]
    counts = words.value_counts()
    return sorted(counts.index, key=lambda w: (-counts[w], w))[:n]


def _period(values: pd.Series, period: str | int) -> pd.Series:
    if period == "auto":
        period = auto_period(values)
    if period in ("month", "quarter"):
        if not pd.api.types.is_datetime64_any_dtype(values):
            raise ValueError(f"`period` value = {period!r} needs a date column; use 'year', 'decade' or an int")
        code = "M" if period == "month" else "Q"
        return values.dt.tz_localize(None).dt.to_period(code).astype(str).where(values.notna())
    if pd.api.types.is_datetime64_any_dtype(values):
        year = values.dt.year
    else:
        year = pd.to_numeric(values, errors="coerce")
    if period == "year":
        return year.astype("Int64")
    if period == "decade":
        return (year // 10 * 10).astype("Int64")
    if isinstance(period, int) and not isinstance(period, bool) and period > 0:
        return (year // period * period).astype("Int64")
    raise ValueError(f"`period` value = {period!r} is invalid; value must be one of "
                     "['year', 'decade', 'quarter', 'month'] or a positive int (years per bin)")


def auto_period(values: pd.Series) -> str:
    """A period for :func:`frequency_over_time` that gives a handful of points for these dates:
    ``"decade"`` over more than 30 years, ``"year"`` over more than 2, else ``"quarter"``
    (``"year"`` for a column of plain years).

    Example:
        >>> auto_period(pd.Series([1994, 2024]))
        'year'
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        years = values.dt.year
    else:
        years = pd.to_numeric(values, errors="coerce")
    span = (years.max() - years.min()) if years.notna().any() else 0
    if span > 30:
        return "decade"
    if span > 2 or not pd.api.types.is_datetime64_any_dtype(values):
        return "year"
    return "quarter"


def frequency_over_time(tokens: pd.DataFrame, documents: pd.DataFrame, terms: Sequence[str], *,
                        date_col: str = "date", period: str | int = "year", on: str = "lower",
                        by: str | None = None) -> pd.DataFrame:
    """Relative frequency of words or phrases per 1,000 words by period.

    Args:
        tokens, documents: the analysis tables.
        terms: phrase queries (see :func:`match_phrase`), e.g. ``["escalation", "nuclear *"]``.
        date_col: a documents column with dates or years (``"date"``, ``"year"`` ...).
        period: ``"year"``, ``"decade"``, a bin width in years, or for date columns
            ``"quarter"``/``"month"`` (labels such as ``"2024Q3"``, ``"2024-08"``);
            ``"auto"`` chooses by the dates' span (:func:`auto_period`).
        on: ``"lower"``, ``"lemma"`` or ``"text"``.
        by: an optional documents column to split each period by (``"country"``).

    Returns:
        Long table ``period, [by], term, count, words, per_1000``; periods without the term
        have count 0; documents without a date are left out.

    Notes:
        Normalised frequency per 1,000 words (Biber, Conrad & Reppen 1998, Corpus
        Linguistics, ch. 9): comparable across periods of different size; "words" are the
        non-punctuation tokens, and a phrase counts once per occurrence.

    Example:
        >>> import toolkit
        >>> docs = pd.DataFrame({"text": ["War. War and peace.", "Peace now."],
        ...                      "date": ["1991-05-01", "2003-01-01"]})
        >>> a = toolkit.analyze(docs, annotators=[])
        >>> f = frequency_over_time(a.tokens, a.documents, ["war"], period="decade")
        >>> f[["period", "count", "words", "per_1000"]].values.tolist()
        [[1990, 2, 4, 500.0], [2000, 0, 2, 0.0]]
    """
    if date_col not in documents:
        raise ValueError(f"`date_col` value = {date_col!r} is invalid; value must be one of {list(documents.columns)}")
    if by is not None and by not in documents:
        raise ValueError(f"`by` value = {by!r} is invalid; value must be one of {list(documents.columns)}")
    meta = pd.DataFrame({"doc_id": documents["doc_id"], "period": _period(documents[date_col], period)})
    groups = ["period"]
    if by is not None:
        meta[by] = documents[by].to_numpy()
        groups.append(by)
    meta = meta.dropna(subset=["period"])
    words = _words(tokens, True)
    sizes = words.groupby("doc_id").size().rename("words")
    base = meta.merge(sizes, left_on="doc_id", right_index=True, how="left").fillna({"words": 0})
    totals = base.groupby(groups, dropna=False)["words"].sum()
    frames = []
    for term in terms:
        hits = match_phrase(tokens, term, on=on).groupby("doc_id").size().rename("count")
        c = base.merge(hits, left_on="doc_id", right_index=True, how="left").fillna({"count": 0})
        t = c.groupby(groups, dropna=False)["count"].sum().to_frame()
        t["words"] = totals
        t["term"] = term
        frames.append(t.reset_index())
    if not frames:
        return pd.DataFrame(columns=groups + ["term", "count", "words", "per_1000"])
    out = pd.concat(frames, ignore_index=True)
    out["count"] = out["count"].astype("int64")
    out["words"] = out["words"].astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_1000"] = np.where(out["words"] > 0, 1000 * out["count"] / out["words"].clip(lower=1), np.nan)
    return out[groups + ["term", "count", "words", "per_1000"]]


# ----------------------------------------------------------------------------- figures

def plot_keyness(table: pd.DataFrame, *, n: int = 15, target_label: str = "target",
                 reference_label: str = "reference"):
    """Bar chart of Log Ratio for the top-``n`` key words (by G²) of each side.

    Example:
        >>> k = keyness_scores([20, 1], [2, 30], 1000, 1000).assign(term=["a", "b"],
        ...     significant=True)
        >>> plot_keyness(k, n=1).axes[0].get_xlabel()
        'Log Ratio (log2 of the ratio of relative frequencies)'
    """
    import matplotlib.pyplot as plt

    from . import style as st

    top = pd.concat([table[table["direction"] == side].nlargest(n, "g2") for side in ("target", "reference")])
    top = top.sort_values("log_ratio")
    fig, ax = plt.subplots(figsize=st.figsize("one-and-half", rows=max(len(top), 4), row_height=0.15, base=1.0))
    # the two sides differ in colour and hatch (greyscale prints)
    colours = [st.OKABE_ITO[0] if d == "target" else st.OKABE_ITO[3] for d in top["direction"]]
    bars = ax.barh(top["term"].astype(str), top["log_ratio"], color=colours, edgecolor="#333333", linewidth=0.4)
    for bar, d in zip(bars, top["direction"]):
        bar.set_hatch("" if d == "target" else "//")
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel("Log Ratio (log2 of the ratio of relative frequencies)")
    ax.set_title(f"Key Words: {target_label} (right) vs {reference_label} (left, hatched), Top {n} by G²")
    fig.tight_layout()
    return fig


def plot_collocates(table: pd.DataFrame, *, measure: str = "log_dice", n: int = 20, node: str = ""):
    """Horizontal bars of the top-``n`` collocates by ``measure``.

    Example:
        >>> c = pd.DataFrame({"collocate": ["a", "b"], "log_dice": [12.0, 10.5]})
        >>> plot_collocates(c).axes[0].get_xlabel()
        'logDice'
    """
    import matplotlib.pyplot as plt

    from . import style as st

    if measure not in table:
        raise ValueError(f"`measure` value = {measure!r} is invalid; value must be one of {list(COLLOCATE_MEASURES)}")
    top = table.nlargest(n, measure).iloc[::-1]
    fig, ax = plt.subplots(figsize=st.figsize("single", rows=max(len(top), 4), row_height=0.15, base=0.9))
    ax.barh(top["collocate"].astype(str), top[measure], color=st.OKABE_ITO[2])
    ax.set_xlabel(st.label(measure))
    ax.set_title(f"Collocates of {node!r}" if node else "Collocates")
    fig.tight_layout()
    return fig


def plot_frequency(table: pd.DataFrame, *, hue: str = "term", style: str | None = None):
    """Line plot of ``per_1000`` by ``period`` from :func:`frequency_over_time`.

    ``hue`` and ``style`` name columns (e.g. ``hue="term", style="country"`` for a table made
    with ``by="country"``). Without ``style``, the ``hue`` groups differ in marker and line
    style too, so the lines stay apart in greyscale.

    Example:
        >>> f = pd.DataFrame({"period": [1990, 2000], "term": ["war", "war"], "per_1000": [1.0, 2.0]})
        >>> plot_frequency(f).axes[0].get_ylabel()
        'Per 1,000 words'
    """
    import matplotlib.pyplot as plt
    import seaborn as sns

    from . import style as st

    fig, ax = plt.subplots(figsize=st.figsize("one-and-half", 2.8))
    data = table.copy()
    if pd.api.types.is_numeric_dtype(data["period"]):
        data["period"] = data["period"].astype(float)
    else:  # "2024Q3", "2024-08": categorical, in time order
        data = data.sort_values("period")
    hue = hue if hue in data else None
    style = style if style in data else hue
    sns.lineplot(data=data, x="period", y="per_1000", hue=hue, style=style, markers=True,
                 dashes=True, ax=ax, sort=False, ms=4)
    ax.set_ylabel("Per 1,000 words")
    ax.set_xlabel("Period")
    if ax.get_legend() is not None:
        sns.move_legend(ax, "upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                        title=st.label(hue) if hue and style == hue else None)
    fig.tight_layout()
    return fig
