"""Validate :mod:`toolkit.quotes` against PolNeAR (Newell, Margolin & Ruths 2018).

PolNeAR annotates attributions in US election news (2016) in the PARC scheme: a ``Source``,
a ``Cue`` and a ``Content`` span per attribution, in brat standoff files (``T`` lines with
character offsets, ``E`` lines tying one attribution's parts together). We score the spans of
our ``quotes`` rows (every kind but ``scare``, which is not an attribution) against the gold
spans of each part, per document, as sets:

* exact: a predicted span counts when a gold span of the same part has the same offsets
  (both stripped of surrounding white space and of a trailing comma, which PolNeAR sources
  often keep after an appositive);
* overlap: a predicted span counts when it shares at least one character with a gold span of
  the same part, matched one-to-one (:func:`toolkit.metrics.span_scores`).

Each part is scored as a set of spans per document, so two rows sharing a speaker or cue
("“A,” X said, “B.”") count it once, as PolNeAR's one attribution with two content fragments.

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

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

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
    # White space, and a trailing comma (PolNeAR sources often end with the appositive's comma:
    # "Huma Abedin, vice chairwoman ...,"), carry no content: both sides are compared without.
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
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


def tune_half(item_id: str) -> bool:
    """Whether an item belongs to the tune half (else the check half), by a hash of its id.

    A hash, not a seeded permutation, so an item keeps its half when the data set grows or is
    read in another order. Rules are written looking at the tune half only; both halves are
    reported, and a gain that shows only on the tune half is not a gain.

    Example:
        >>> tune_half("apnews_2016-10-01_x_ab12") in (True, False)
        True
        >>> tune_half("a") == tune_half("a")
        True
    """
    return hashlib.sha1(item_id.encode("utf-8")).digest()[0] % 2 == 0


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


def gold_and_pred(docs: list[PolnearDoc], quotes: pd.DataFrame) -> dict[str, tuple[list, list]]:
    """``part -> (gold spans, predicted spans)`` as ``(doc_id, start, end)`` triples."""
    texts = {d.doc_id: d.text for d in docs}
    pred = predicted_spans(quotes, texts)
    out = {}
    for part in PARTS:
        gold = [(d.doc_id, a, b) for d in docs for a, b in sorted(d.gold[part])]
        got = [(d.doc_id, a, b) for d in docs for a, b in sorted(pred[d.doc_id][part])]
        out[part] = (gold, got)
    return out


def score(docs: list[PolnearDoc], quotes: pd.DataFrame, *, n_boot: int = 1000,
          seed: int = 0) -> pd.DataFrame:
    """Precision, recall and F1 per part and mode, with document-bootstrap 95% intervals.

    Returns:
        :data:`toolkit.metrics.SCORE_COLUMNS` plus ``part`` and ``mode``.
    """
    from ..metrics import span_scores

    frames = []
    for part, (gold, got) in gold_and_pred(docs, quotes).items():
        for mode in ("exact", "overlap"):
            s = span_scores(gold, got, mode=mode, n_boot=n_boot, seed=seed)
            frames.append(s.assign(part=part, mode=mode))
    return pd.concat(frames, ignore_index=True)


def errors(docs: list[PolnearDoc], quotes: pd.DataFrame, part: str, *, max_rows: int = 300) -> pd.DataFrame:
    """Exact-match errors of one part: FN (gold span missed) and FP (span not in gold).

    ``evidence`` shows the overlapping span of the other side, if any (a boundary error).
    """
    texts = {d.doc_id: d.text for d in docs}
    gold, got = gold_and_pred(docs, quotes)[part]
    g_by, p_by = defaultdict(set), defaultdict(set)
    for d, a, b in gold:
        g_by[d].add((a, b))
    for d, a, b in got:
        p_by[d].add((a, b))
    rows = []
    for d in sorted(set(g_by) | set(p_by)):
        t = texts[d]
        for kind, mine, other in (("FN", g_by[d] - p_by[d], p_by[d]), ("FP", p_by[d] - g_by[d], g_by[d])):
            for a, b in sorted(mine):
                near = [t[c:e] for c, e in sorted(other) if c < b and a < e]
                rows.append({"kind": kind, "text": t[max(0, a - 60):b + 60].replace("\n", " "),
                             "gold": t[a:b] if kind == "FN" else "", "pred": t[a:b] if kind == "FP" else "",
                             "evidence": f"{d} [{a}:{b}]" + (f" overlaps: {near[0]!r}" if near else "")})
    df = pd.DataFrame(rows, columns=["kind", "text", "gold", "pred", "evidence"])
    return df.sample(n=min(max_rows, len(df)), random_state=0).sort_index() if len(df) else df


def quote_marks_baseline(docs: list[PolnearDoc], *, n_boot: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Content scores of the naive system: every top-level span in quote marks is a content.

    Example:
        >>> quote_marks_baseline([], n_boot=0).empty
        False
    """
    from ..metrics import span_scores
    from ..quotes import find_quote_spans

    gold = [(d.doc_id, a, b) for d in docs for a, b in sorted(d.gold["Content"])]
    pred = [(d.doc_id, *_strip(d.text, q.start, q.end)) for d in docs
            for q in find_quote_spans(d.text)[0] if q.depth == 0]
    frames = [span_scores(gold, pred, mode=m, system="quote-marks baseline", n_boot=n_boot,
                          seed=seed).assign(mode=m) for m in ("exact", "overlap")]
    return pd.concat(frames, ignore_index=True)


NOTES = ("PolNeAR dev (Newell et al. 2018): US 2016 election news, PARC-style attributions "
         "(source, cue, content). Spans compared after stripping surrounding white space and a trailing comma; "
         "discontinuous gold spans count once per fragment; scare-quote rows are not "
         "attributions and are not scored. Texts annotated twice are scored against the "
         "annotator whose id sorts first. {mode} matching{extra}. PolNeAR also attributes "
         "beliefs, intentions and evidence (\"wants\", \"polls show\"), which a reporting-verb "
         "rule set covers only in part. Orientation: citron (BBC) on PARC 3.0 reports exact F1 "
         "~0.82 for cues and sources and 0.59 for content (0.83 overlap). The content measure "
         "also lists a naive baseline: every span in quote marks.")


def evaluate(eval_dir: Path, *, n_boot: int = 1000, seed: int = 0, limit: int | None = None) -> list:
    """Score the quotes annotator on the PolNeAR dev split.

    Args:
        eval_dir: the eval-dev folder (holding ``quotes/polnear/dev``).
        n_boot: bootstrap resamples (documents) for the intervals.
        seed: random seed of the bootstrap.
        limit: score only the first ``limit`` texts (for fast tests).

    Returns:
        Six :class:`~toolkit.metrics.EvalResult`: ``quotes.source``, ``quotes.cue`` and
        ``quotes.content``, each ``exact`` and ``overlap``; empty when the data set is absent.

    Example:
        >>> evaluate(Path("/nonexistent"))
        []
    """
    from ..metrics import EvalResult

    split = Path(eval_dir) / "quotes" / "polnear" / "dev"
    docs = load_polnear(split, limit=limit)
    if not docs:
        return []
    quotes = predict(docs)
    table = score(docs, quotes, n_boot=n_boot, seed=seed)
    base = quote_marks_baseline(docs, n_boot=n_boot, seed=seed)
    out = []
    for part in PARTS:
        errs = errors(docs, quotes, part)
        for mode in ("exact", "overlap"):
            s = table[(table["part"] == part) & (table["mode"] == mode)].drop(columns=["part", "mode"])
            if part == "Content":
                s = pd.concat([s, base[base["mode"] == mode].drop(columns=["mode"])], ignore_index=True)
            extra = " (one-to-one: each gold span matched at most once)" if mode == "overlap" else ""
            out.append(EvalResult(measure=f"quotes.{part.lower()}.{mode}", dataset="polnear-dev",
                                  n=len(docs), scores=s.reset_index(drop=True),
                                  errors=errs if mode == "exact" else pd.DataFrame(),
                                  notes=NOTES.format(mode=mode.capitalize(), extra=extra)))
    return out
