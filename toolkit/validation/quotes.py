"""Validate :mod:`toolkit.quotes` against PolNeAR (Newell, Margolin & Ruths 2018).

PolNeAR annotates attributions in US election news (2016) in the PARC scheme: a ``Source``,
a ``Cue`` and a ``Content`` span per attribution, in brat standoff files (``T`` lines with
character offsets, ``E`` lines tying one attribution's parts together). We score the spans of
our ``quotes`` rows (every kind but ``scare``, which is not an attribution) against the gold
spans of each part, per document, as sets:

* exact: a predicted span counts when a gold span of the same part has the same offsets
  (both stripped of surrounding white space);
* overlap: a predicted span counts when it shares at least one character with a gold span of
  the same part; a gold span is recalled when some prediction overlaps it.

Discontinuous gold spans (``T9 Content 315 448;463 553``) count as one gold span per fragment,
because our content spans are contiguous (a quote split by "he said" gives two rows).
Several texts were annotated by more than one annotator (file suffix ``_<annotator>.ann``);
we score each text once, against the annotator whose id sorts first, so the choice is
deterministic and independent of our output.

Notes:
    For orientation: BBC's citron reports, on PARC 3.0, exact F1 about 0.82 for cues and
    sources and 0.59 for content (0.83 overlap). PolNeAR also attributes beliefs and
    perceptions ("thinks", "shows", "found"), which a speech-oriented rule set mostly misses.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

PARTS = ("Source", "Cue", "Content")
PART_COLUMN = {"Source": "speaker", "Cue": "cue", "Content": "content"}
_ANN_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_T_LINE = re.compile(r"^T\d+\t(?P<label>\S+) (?P<spans>[\d ;]+)\t")


@dataclass(frozen=True)
class PolnearDoc:
    """One PolNeAR text with the gold spans of its chosen annotator."""

    doc_id: str
    text: str
    annotator: str
    gold: dict  # part -> set of (start, end)


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def read_ann(path: Path, text: str) -> dict[str, set[tuple[int, int]]]:
    """Gold spans by part (``Source``, ``Cue``, ``Content``) of one brat ``.ann`` file.

    Only spans that take part in an attribution (an ``E`` line) are kept.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "x_abcd.ann"
        >>> _ = p.write_text("T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nE1\\tAttribution:T2 Source:T1 Cue:T2\\n")
        >>> read_ann(p, "He said")["Cue"]
        {(3, 7)}
    """
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    used: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if not m or m.group("label") not in PARTS:
                continue
            frags = []
            for frag in m.group("spans").split(";"):
                a, b = (int(x) for x in frag.split())
                frags.append(_strip(text, a, b))
            spans[line.split("\t", 1)[0]] = (m.group("label"), frags)
        elif line.startswith("E"):
            for arg in line.split("\t", 1)[1].split():
                used.add(arg.split(":", 1)[1])
    gold: dict[str, set[tuple[int, int]]] = {p: set() for p in PARTS}
    for tid, (label, frags) in spans.items():
        if tid in used:
            gold[label].update(f for f in frags if f[1] > f[0])
    return gold


def load_polnear(split_dir: Path, *, limit: int | None = None) -> list[PolnearDoc]:
    """Read one PolNeAR split (``text/*.txt`` + ``attributions/*.ann``).

    Args:
        split_dir: e.g. ``eval-dev/quotes/polnear/dev``.
        limit: keep the first ``limit`` texts (sorted by name).

    Returns:
        One :class:`PolnearDoc` per text that has at least one annotation file.

    Example:
        >>> load_polnear(Path("/nonexistent"))
        []
    """
    text_dir, ann_dir = split_dir / "text", split_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        return []
    by_stem: dict[str, list[tuple[str, Path]]] = defaultdict(list)
    for p in ann_dir.glob("*.ann"):
        m = _ANN_NAME.match(p.name)
        if m:
            by_stem[m.group("stem")].append((m.group("annotator"), p))
    docs = []
    for stem in sorted(by_stem):
        tpath = text_dir / f"{stem}.txt"
        if not tpath.exists():
            continue
        annotator, apath = sorted(by_stem[stem])[0]  # deterministic: first annotator id
        text = tpath.read_text(encoding="utf-8")
        docs.append(PolnearDoc(stem, text, annotator, read_ann(apath, text)))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def predict(docs: list[PolnearDoc]) -> pd.DataFrame:
    """Run the quotes annotator on PolNeAR texts; return its ``quotes`` table."""
    from ..quotes import find_quotes
    from ..tokenize import tokenize_documents

    frame = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "text": [d.text for d in docs]})
    sents, toks = tokenize_documents(frame["doc_id"].tolist(), frame["text"].tolist())
    quotes, _ = find_quotes(frame, sents, toks)
    return quotes


def predicted_spans(quotes: pd.DataFrame, texts: dict[str, str]) -> dict[str, dict[str, set]]:
    """``doc_id -> part -> set of spans`` from a quotes table (scare rows excluded)."""
    out: dict[str, dict[str, set]] = defaultdict(lambda: {p: set() for p in PARTS})
    speech = quotes[quotes["kind"] != "scare"]
    for part in PARTS:
        col = PART_COLUMN[part]
        sub = speech[speech[f"{col}_start"].notna()]
        for doc, a, b in zip(sub["doc_id"], sub[f"{col}_start"], sub[f"{col}_end"]):
            out[doc][part].add(_strip(texts[doc], int(a), int(b)))
    return out


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    a, b = span
    return any(a < d and c < b for c, d in others)


def doc_counts(gold: set, pred: set, mode: str) -> tuple[int, int, int, int]:
    """``(tp_pred, n_pred, tp_gold, n_gold)`` for one document and part.

    Example:
        >>> doc_counts({(0, 5)}, {(0, 5), (7, 9)}, "exact")
        (1, 2, 1, 1)
        >>> doc_counts({(0, 5)}, {(3, 9)}, "overlap")
        (1, 1, 1, 1)
    """
    if mode == "exact":
        tp = len(gold & pred)
        return tp, len(pred), tp, len(gold)
    g, p = sorted(gold), sorted(pred)
    return (sum(_overlaps(s, g) for s in p), len(p), sum(_overlaps(s, p) for s in g), len(g))


def _prf(c: np.ndarray) -> tuple[float, float, float]:
    tp_p, n_p, tp_g, n_g = c.sum(axis=0)
    prec = tp_p / n_p if n_p else 0.0
    rec = tp_g / n_g if n_g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return float(prec), float(rec), float(f1)


def score(docs: list[PolnearDoc], quotes: pd.DataFrame, *, n_boot: int = 1000,
          seed: int = 0) -> pd.DataFrame:
    """Precision, recall and F1 per part and mode, with document-bootstrap 95% intervals.

    Returns:
        One row per (part, mode): ``part, mode, precision, recall, f1, f1_lo, f1_hi, n_gold,
        n_pred, n_docs``.
    """
    texts = {d.doc_id: d.text for d in docs}
    pred = predicted_spans(quotes, texts)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(docs), size=(n_boot, len(docs))) if n_boot and docs else None
    rows = []
    for part in PARTS:
        for mode in ("exact", "overlap"):
            c = np.array([doc_counts(d.gold[part], pred[d.doc_id][part], mode) for d in docs],
                         dtype=float).reshape(-1, 4)
            p, r, f = _prf(c)
            lo = hi = np.nan
            if idx is not None:
                boots = [_prf(c[i])[2] for i in idx]
                lo, hi = np.percentile(boots, [2.5, 97.5])
            rows.append({"part": part, "mode": mode, "precision": p, "recall": r, "f1": f,
                         "f1_lo": float(lo), "f1_hi": float(hi), "n_gold": int(c[:, 3].sum()),
                         "n_pred": int(c[:, 1].sum()), "n_docs": len(docs)})
    return pd.DataFrame(rows)


def evaluate(eval_dir: Path, *, n_boot: int = 1000, seed: int = 0, limit: int | None = None) -> list:
    """Score the quotes annotator on the PolNeAR dev split.

    Args:
        eval_dir: the eval-dev folder (holding ``quotes/polnear/dev``).
        n_boot: bootstrap resamples (documents) for the F1 intervals.
        seed: random seed of the bootstrap.
        limit: score only the first ``limit`` texts (for fast tests).

    Returns:
        A list of evaluation records, one per part (source, cue, content) and mode (exact,
        overlap); empty when the data set is absent.

    Example:
        >>> evaluate(Path("/nonexistent"))
        []
    """
    split = Path(eval_dir) / "quotes" / "polnear" / "dev"
    docs = load_polnear(split, limit=limit)
    if not docs:
        return []
    table = score(docs, predict(docs), n_boot=n_boot, seed=seed)
    return _records(table)


def _records(table: pd.DataFrame) -> list:
    try:
        from ..metrics import EvalResult
    except ImportError:  # toolkit.metrics not merged yet: plain dicts with the same fields
        EvalResult = None
    out = []
    for r in table.itertuples(index=False):
        rec = {"annotator": "quotes", "dataset": "polnear-dev",
               "metric": f"{r.part.lower()}_{r.mode}_f1", "value": r.f1, "ci_low": r.f1_lo,
               "ci_high": r.f1_hi, "n": r.n_gold,
               "details": {"precision": r.precision, "recall": r.recall, "n_pred": r.n_pred,
                           "n_docs": r.n_docs}}
        out.append(EvalResult(**rec) if EvalResult is not None else rec)
    return out
