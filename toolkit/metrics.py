"""Agreement between the toolkit and human labels: P/R/F1, correlations, span matching.

Every validation module returns a list of :class:`EvalResult`; ``python -m toolkit evaluate``
collects them into ``docs/VALIDATION.md`` and a JSON file. Confidence intervals are
percentile bootstraps over items (Efron & Tibshirani 1993), seeded for reproducibility.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

SCORE_COLUMNS = ["system", "label", "metric", "value", "ci_low", "ci_high", "support", "half"]
HALVES = ("tune", "check")


def half_of(key: Hashable) -> str:
    """The half of a dev set an item belongs to, by a hash of its key: ``"tune"`` (rules may be
    written looking at it) or ``"check"`` (reported, never looked at while writing rules).

    The split is fixed by the key alone (BLAKE2 of its text), so it is the same on every
    machine, in every run and for every annotator; about half the items fall in each.

    Example:
        >>> half_of("Moscow warned Kyiv."), half_of("doc-17")
        ('check', 'tune')
    """
    import hashlib

    return HALVES[hashlib.blake2b(str(key).encode("utf-8", "surrogatepass"), digest_size=1).digest()[0] & 1]


def _with_halves(score, keys: Sequence[Hashable] | None, columns: Sequence[Sequence], **kwargs) -> pd.DataFrame:
    """``score(*columns, **kwargs)`` on all items (``half="all"``) and, when ``keys`` are given,
    on each half of them (:func:`half_of`)."""
    out = [score(*columns, **kwargs).assign(half="all")]
    if keys is not None:
        halves = np.array([half_of(k) for k in keys], dtype=object)
        cols = [np.asarray(list(c), dtype=object) for c in columns]
        for h in HALVES:
            mask = halves == h
            if mask.any():
                out.append(score(*(c[mask] for c in cols), **kwargs).assign(half=h))
    return pd.concat(out, ignore_index=True)[SCORE_COLUMNS]


@dataclass
class EvalResult:
    """The scores of one measure on one data set.

    Attributes:
        measure: what is measured, e.g. ``"quotes.cue"`` or ``"escalation.quadclass"``.
        dataset: e.g. ``"polnear-dev"``.
        n: number of items scored.
        scores: long table with :data:`SCORE_COLUMNS` (``system`` is ``"toolkit"`` or a
            baseline's name; ``label`` a class or ``"macro"``/``"micro"``/``"all"``).
        errors: error-analysis rows (``kind`` FP/FN, ``text``, ``gold``, ``pred``, ``evidence``).
        notes: how the data was mapped and anything a reader must know.
    """

    measure: str
    dataset: str
    n: int
    scores: pd.DataFrame
    errors: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: str = ""

    def headline(self, system: str = "toolkit") -> pd.DataFrame:
        """The summary rows (macro/micro/all) of one system, on all items."""
        s = self.scores
        whole = s["half"].fillna("all").eq("all") if "half" in s else True
        return s[(s["system"] == system) & s["label"].isin(["macro", "micro", "all"]) & whole]

    def to_dict(self) -> dict:
        return {"measure": self.measure, "dataset": self.dataset, "n": self.n, "notes": self.notes,
                "scores": self.scores.replace({np.nan: None}).to_dict(orient="records")}


def _prf(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
        r = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
        f = np.where(p + r > 0, 2 * p * r / (p + r), 0.0)
    return p, r, f


def classification_scores(y_true: Sequence[Hashable], y_pred: Sequence[Hashable], *,
                          labels: Sequence[Hashable] | None = None, system: str = "toolkit",
                          n_boot: int = 1000, seed: int = 0,
                          average_labels: Sequence[Hashable] | None = None,
                          keys: Sequence[Hashable] | None = None) -> pd.DataFrame:
    """Per-class precision/recall/F1, macro-F1, accuracy and Cohen's kappa, with bootstrap 95%
    intervals.

    Args:
        y_true, y_pred: gold and predicted labels, one per item.
        labels: classes to report (default: all seen in gold or predictions).
        system: name stored in the ``system`` column.
        n_boot: bootstrap resamples of items (0 for none).
        seed: random seed for the resamples.
        average_labels: classes entering macro-F1 (default: ``labels``), e.g. to leave out an
            "irrelevant" class.
        keys: one key per item (its id or text): the scores are then also given for the tune
            and the check half of the items (:func:`half_of`; column ``half``).

    Returns:
        A long table with :data:`SCORE_COLUMNS`.

    Example:
        >>> s = classification_scores(["a", "a", "b"], ["a", "b", "b"], n_boot=0)
        >>> round(float(s.query("label == 'macro' and metric == 'f1'")["value"].iloc[0]), 3)
        0.667
    """
    yt = np.asarray(list(y_true), dtype=object)
    yp = np.asarray(list(y_pred), dtype=object)
    if len(yt) != len(yp):
        raise ValueError(f"y_true has {len(yt)} items but y_pred has {len(yp)}")
    labels = list(labels) if labels is not None else sorted(set(yt) | set(yp), key=str)
    if keys is not None:
        return _with_halves(classification_scores, keys, [yt, yp], labels=labels, system=system,
                            n_boot=n_boot, seed=seed, average_labels=average_labels)
    avg = list(average_labels) if average_labels is not None else labels
    avg_idx = [labels.index(a) for a in avg]

    def stats(idx: np.ndarray) -> np.ndarray:
        t, p = yt[idx], yp[idx]
        tp = np.array([np.sum((t == c) & (p == c)) for c in labels], dtype=float)
        fp = np.array([np.sum((t != c) & (p == c)) for c in labels], dtype=float)
        fn = np.array([np.sum((t == c) & (p != c)) for c in labels], dtype=float)
        prec, rec, f1 = _prf(tp, fp, fn)
        acc = float(np.mean(t == p)) if len(t) else 0.0
        # Cohen's kappa: agreement beyond what the two label distributions give by chance.
        expected = float(np.sum((tp + fn) * (tp + fp))) / len(t) ** 2 if len(t) else 0.0
        kappa = (acc - expected) / (1 - expected) if expected < 1 else 0.0
        return np.concatenate([prec, rec, f1, [np.mean(prec[avg_idx]), np.mean(rec[avg_idx]),
                                                np.mean(f1[avg_idx]), acc, kappa]])

    n = len(yt)
    point = stats(np.arange(n))
    boots = _bootstrap(stats, n, n_boot, seed)
    k = len(labels)
    rows = []
    support = {c: int(np.sum(yt == c)) for c in labels}
    for i, c in enumerate(labels):
        for j, metric in enumerate(("precision", "recall", "f1")):
            rows.append(_row(system, c, metric, point, boots, j * k + i, support[c]))
    for j, metric in enumerate(("precision", "recall", "f1", "accuracy", "kappa")):
        rows.append(_row(system, "macro" if metric not in ("accuracy", "kappa") else "all", metric,
                         point, boots, 3 * k + j, n))
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def _bootstrap(fn, n: int, n_boot: int, seed: int) -> np.ndarray | None:
    if n_boot <= 0 or n == 0:
        return None
    rng = np.random.default_rng(seed)
    return np.vstack([fn(rng.integers(0, n, n)) for _ in range(n_boot)])


def _row(system, label, metric, point, boots, j, support) -> dict:
    lo = hi = np.nan
    if boots is not None:
        lo, hi = np.percentile(boots[:, j], [2.5, 97.5])
    return {"system": system, "label": label, "metric": metric, "value": float(point[j]),
            "ci_low": float(lo), "ci_high": float(hi), "support": support, "half": "all"}


def correlation_scores(x: Sequence[float], y: Sequence[float], *, system: str = "toolkit",
                       n_boot: int = 1000, seed: int = 0,
                       keys: Sequence[Hashable] | None = None) -> pd.DataFrame:
    """Pearson and Spearman r of a score against human ratings, with bootstrap intervals
    (``keys``: one per item, to score the tune and check halves too, as
    :func:`classification_scores` does).

    Example:
        >>> s = correlation_scores([1, 2, 3, 4], [1, 3, 2, 4], n_boot=0)
        >>> s["metric"].tolist(), round(float(s["value"].iloc[1]), 2)
        (['pearson_r', 'spearman_r'], 0.8)
    """
    from scipy import stats as st

    if keys is not None:
        return _with_halves(correlation_scores, keys, [x, y], system=system, n_boot=n_boot, seed=seed)
    xa, ya = np.asarray(list(x), dtype=float), np.asarray(list(y), dtype=float)
    ok = ~(np.isnan(xa) | np.isnan(ya))
    xa, ya = xa[ok], ya[ok]

    def fn(idx):
        a, b = xa[idx], ya[idx]
        if np.std(a) == 0 or np.std(b) == 0:
            return np.array([np.nan, np.nan])
        return np.array([st.pearsonr(a, b)[0], st.spearmanr(a, b)[0]])

    point = fn(np.arange(len(xa)))
    boots = _bootstrap(fn, len(xa), n_boot, seed)
    rows = []
    for j, metric in enumerate(("pearson_r", "spearman_r")):
        lo = hi = np.nan
        if boots is not None:
            lo, hi = np.nanpercentile(boots[:, j], [2.5, 97.5])
        rows.append({"system": system, "label": "all", "metric": metric, "value": float(point[j]),
                     "ci_low": float(lo), "ci_high": float(hi), "support": int(len(xa)),
                     "half": "all"})
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


Span = tuple[Hashable, int, int]  # (doc_id, start, end)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def span_scores(gold: Sequence[Span], pred: Sequence[Span], *, mode: str = "exact",
                label: str = "all", system: str = "toolkit", n_boot: int = 1000,
                seed: int = 0, halves: bool = False) -> pd.DataFrame:
    """Precision/recall/F1 of predicted spans against gold spans, exact or overlap matching.

    Overlap matching is one-to-one (each gold span can be matched once), so a long predicted
    span cannot be credited for several gold spans. The bootstrap resamples documents. With
    ``halves=True`` the scores are also given for the tune and check halves of the documents
    (:func:`half_of` of the document id; column ``half``).

    Example:
        >>> g = [("d", 0, 5), ("d", 10, 20)]
        >>> p = [("d", 0, 5), ("d", 12, 18), ("d", 30, 31)]
        >>> s = span_scores(g, p, mode="overlap", n_boot=0)
        >>> s.set_index("metric")["value"].round(3).to_dict()
        {'precision': 0.667, 'recall': 1.0, 'f1': 0.8}
    """
    if mode not in ("exact", "overlap"):
        raise ValueError(f"`mode` value = {mode!r} is invalid; value must be one of ['exact', 'overlap']")
    out = [_span_scores(gold, pred, mode=mode, label=label, system=system, n_boot=n_boot, seed=seed)]
    for h in HALVES if halves else ():
        g = [x for x in gold if half_of(x[0]) == h]
        p = [x for x in pred if half_of(x[0]) == h]
        if g or p:
            out.append(_span_scores(g, p, mode=mode, label=label, system=system, n_boot=n_boot,
                                    seed=seed).assign(half=h))
    return pd.concat(out, ignore_index=True)[SCORE_COLUMNS]


def _span_scores(gold, pred, *, mode, label, system, n_boot, seed) -> pd.DataFrame:
    docs = sorted({s[0] for s in gold} | {s[0] for s in pred}, key=str)
    per_doc = {}
    for d in docs:
        g = [s for s in gold if s[0] == d]
        p = [s for s in pred if s[0] == d]
        if mode == "exact":
            tp = len(set(g) & set(p))
        else:
            used, tp = set(), 0
            for ps in sorted(p, key=lambda s: (s[1], s[2])):
                for i, gs in enumerate(g):
                    if i not in used and _overlaps(ps, gs):
                        used.add(i)
                        tp += 1
                        break
        per_doc[d] = (tp, len(p), len(g))
    counts = np.array([per_doc[d] for d in docs], dtype=float).reshape(-1, 3)

    def fn(idx):
        tp, npred, ngold = counts[idx].sum(axis=0) if len(idx) else (0, 0, 0)
        p, r, f = _prf(np.array([tp]), np.array([npred - tp]), np.array([ngold - tp]))
        return np.array([p[0], r[0], f[0]])

    point = fn(np.arange(len(docs)))
    boots = _bootstrap(fn, len(docs), n_boot, seed)
    n_gold = len(gold)
    return pd.DataFrame([_row(system, label, m, point, boots, j, n_gold)
                         for j, m in enumerate(("precision", "recall", "f1"))], columns=SCORE_COLUMNS)


def confusion(y_true: Sequence[Hashable], y_pred: Sequence[Hashable], *,
              labels: Sequence[Hashable] | None = None) -> pd.DataFrame:
    """Confusion matrix as a DataFrame (rows gold, columns predicted).

    Example:
        >>> int(confusion(["a", "b"], ["a", "a"]).loc["b", "a"])
        1
    """
    labels = list(labels) if labels is not None else sorted(set(y_true) | set(y_pred), key=str)
    ct = pd.crosstab(pd.Series(list(y_true), name="gold"), pd.Series(list(y_pred), name="predicted"))
    return ct.reindex(index=labels, columns=labels, fill_value=0)


def error_table(texts: Sequence[str], y_true: Sequence[Hashable], y_pred: Sequence[Hashable], *,
                evidence: Sequence[str] | None = None, positive: Hashable | None = None,
                max_rows: int = 200) -> pd.DataFrame:
    """False positives and false negatives with their text and evidence.

    With ``positive`` given, FP = predicted positive but gold not, FN = the reverse; otherwise
    every disagreement is listed with kind ``"confusion"``.

    Example:
        >>> error_table(["x", "y"], ["a", "b"], ["a", "a"], positive="a")["kind"].tolist()
        ['FP']
    """
    ev = list(evidence) if evidence is not None else [""] * len(texts)
    rows = []
    for t, g, p, e in zip(texts, y_true, y_pred, ev):
        if g == p:
            continue
        if positive is None:
            kind = "confusion"
        elif p == positive:
            kind = "FP"
        elif g == positive:
            kind = "FN"
        else:
            continue
        rows.append({"kind": kind, "text": t, "gold": g, "pred": p, "evidence": e})
    return pd.DataFrame(rows[:max_rows], columns=["kind", "text", "gold", "pred", "evidence"])
