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

Every span measure is also reported on two halves of the texts split by a hash of their name
(:func:`tune_half`, column ``half``): rules were written looking at the tune half only; a gain
must show on the check half too. This split was fixed (and looked at) before the project's
:func:`toolkit.metrics.half_of` existed; it is kept for the quotes measures so that their
check half stays unseen.

Speaker resolution is measured on its own (``quotes.speaker.pronoun``): 74 "he"/"she" sources of
PolNeAR dev (a seeded sample of each half) whose referent the toolkit's authors read from the
text and wrote down (``data/pronoun_referent_labels.tsv``: document, offsets, pronoun,
referent's surname; pronouns whose referent the text does not name were left out). A
resolution is right when the resolved person contains the surname. Two figures: on the gold
pronoun spans (:func:`toolkit.quotes.resolve_speaker_spans`, whether or not the quote is found)
and on the quote rows whose speaker is that pronoun. Continued quotations
(``speaker_rule`` ``continued_quote``/``carried_quote``) are scored against PolNeAR's own
attributions: a continued quotation is one attribution with several content fragments, so its
speaker is right when it is that attribution's source.

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


def _tables(docs: list[PolnearDoc]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Documents, sentences, tokens and mentions of PolNeAR texts, as ``analyze`` makes them."""
    from ..actors import mentions_from_tables
    from ..tokenize import tokenize_documents

    frame = pd.DataFrame({"doc_id": [d.doc_id for d in docs], "text": [d.text for d in docs]})
    sents, toks = tokenize_documents(frame["doc_id"].tolist(), frame["text"].tolist())
    mentions = mentions_from_tables(frame.assign(date=pd.NaT), toks)
    return frame, sents, toks, mentions


def predict(docs: list[PolnearDoc], tables=None) -> pd.DataFrame:
    """Run the quotes annotator on PolNeAR texts (with the actors' mentions, as ``analyze``
    does); return its ``quotes`` table."""
    from ..quotes import find_quotes

    frame, sents, toks, mentions = tables if tables is not None else _tables(docs)
    quotes, _ = find_quotes(frame, sents, toks, mentions)
    return quotes


REFERENTS = Path(__file__).parent / "data" / "pronoun_referent_labels.tsv"


def _right(person, referent: str) -> bool:
    return isinstance(person, str) and referent.lower() in person.lower()


def speaker_scores(docs: list[PolnearDoc], quotes: pd.DataFrame, tables, *,
                   referents: Path = REFERENTS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pronoun speakers right, on gold spans and on found rows, per half; and their errors.

    Returns:
        ``(scores, errors)``: scores in :data:`toolkit.metrics.SCORE_COLUMNS` (metric
        ``accuracy``; system ``toolkit (gold spans)`` or ``toolkit (quote rows)``).
    """
    from ..quotes import resolve_speaker_spans

    ids = {d.doc_id for d in docs}
    lab = pd.read_csv(referents, sep="\t")
    lab = lab[lab["doc_id"].isin(ids)].reset_index(drop=True)
    frame, sents, toks, mentions = tables
    res = resolve_speaker_spans(frame, sents, toks, mentions, lab[["doc_id", "start", "end"]])
    rows = quotes.dropna(subset=["speaker_start"]).astype({"speaker_start": "int64"})
    found = dict(zip(zip(rows["doc_id"], rows["speaker_start"]), rows["speaker_person"]))
    lab["gold_span"] = pd.Series([_right(p, r) for p, r in zip(res["speaker_person"], lab["referent"])],
                                 index=lab.index, dtype=bool)
    lab["has_row"] = [(d, a) in found for d, a in zip(lab["doc_id"], lab["start"])]
    lab["quote_row"] = [_right(found.get((d, a)), r) for d, a, r in zip(lab["doc_id"], lab["start"], lab["referent"])]
    lab["half"] = ["tune" if tune_half(d) else "check" for d in lab["doc_id"]]
    out = []
    for half, sub in [("all", lab), *lab.groupby("half")]:
        out.append({"system": "toolkit (gold spans)", "half": half, "value": sub["gold_span"].mean(),
                    "support": len(sub)})
        with_row = sub[sub["has_row"]]
        out.append({"system": "toolkit (quote rows)", "half": half, "support": len(with_row),
                    "value": with_row["quote_row"].mean() if len(with_row) else float("nan")})
    scores = _accuracy_frame(out)
    texts = {d.doc_id: d.text for d in docs}
    bad = lab.loc[~lab["gold_span"].astype(bool)].assign(resolved=res["speaker_person"], rule=res["speaker_rule"])
    errors = pd.DataFrame({
        "kind": "wrong", "text": [texts[d][max(0, a - 200):a + 40].replace("\n", " ") for d, a in zip(bad["doc_id"], bad["start"])],
        "gold": bad["referent"], "pred": bad["resolved"].fillna(""),
        "evidence": [f"{d} [{a}] {h} rule={r}" for d, a, h, r in zip(bad["doc_id"], bad["start"], bad["half"], bad["rule"])]})
    return scores, errors


def read_attributions(path: Path, text: str) -> list[dict[str, list[tuple[int, int]]]]:
    """The attributions of one brat ``.ann`` file: part -> spans, one dict per ``E`` line.

    Example:
        >>> import tempfile
        >>> p = Path(tempfile.mkdtemp()) / "x_abcd.ann"
        >>> _ = p.write_text("T1\\tSource 0 2\\tHe\\nT2\\tCue 3 7\\tsaid\\nE1\\tAttribution:T2 Source:T1 Cue:T2\\n")
        >>> read_attributions(p, "He said")[0]["Source"]
        [(0, 2)]
    """
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if m and m.group("label") in PARTS:
                frags = [_strip(text, *(int(x) for x in f.split())) for f in m.group("spans").split(";")]
                spans[line.split("\t", 1)[0]] = (m.group("label"), frags)
        elif line.startswith("E"):
            att: dict[str, list[tuple[int, int]]] = {p: [] for p in PARTS}
            for arg in line.split("\t", 1)[1].split():
                tid = arg.split(":", 1)[1]
                if tid in spans:
                    att[spans[tid][0]].extend(spans[tid][1])
            out.append(att)
    return out


def continued_scores(docs: list[PolnearDoc], quotes: pd.DataFrame, split_dir: Path) -> pd.DataFrame:
    """Continued and carried quotations whose speaker is their PolNeAR attribution's source.

    A row is judged when its content is a content fragment of a gold attribution with a source;
    a continued row is right when its speaker span is that source, a carried row (a new
    paragraph: no speaker span) when its resolved person contains the source's last word.
    """
    rows = quotes[quotes["speaker_rule"].isin(["continued_quote", "carried_quote"])]
    judged = []
    for d in docs:
        ann = sorted((split_dir / "attributions").glob(f"{d.doc_id}_{d.annotator}.ann"))
        if not ann:
            continue
        by_content = {}
        for att in read_attributions(ann[0], d.text):
            for c in att["Content"]:
                if att["Source"]:
                    by_content[c] = att["Source"]
        for r in rows[rows["doc_id"] == d.doc_id].itertuples():
            src = by_content.get(_strip(d.text, int(r.content_start), int(r.content_end)))
            if src is None:
                continue
            if r.speaker_rule == "continued_quote":
                ok = _strip(d.text, int(r.speaker_start), int(r.speaker_end)) in src
            else:
                last = d.text[src[0][0]:src[0][1]].split()[-1].strip(".,’'s").lower()
                ok = isinstance(r.speaker_person, str) and last in r.speaker_person.lower()
            judged.append({"half": "tune" if tune_half(d.doc_id) else "check", "ok": ok})
    j = pd.DataFrame(judged, columns=["half", "ok"])
    return _accuracy_frame([{"system": "toolkit", "half": half, "support": len(sub),
                             "value": sub["ok"].mean() if len(sub) else float("nan")}
                            for half, sub in [("all", j), *j.groupby("half")]])


def _accuracy_frame(rows: list[dict]) -> pd.DataFrame:
    from ..metrics import SCORE_COLUMNS

    return pd.DataFrame(rows).assign(label="all", metric="accuracy", ci_low=float("nan"),
                                     ci_high=float("nan"))[SCORE_COLUMNS]


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

    Column ``half``: ``all`` scores every text, ``tune`` and ``check`` the two halves of
    :func:`tune_half`.

    Returns:
        :data:`toolkit.metrics.SCORE_COLUMNS` plus ``part`` and ``mode``.
    """
    from ..metrics import span_scores

    frames = []
    for part, (gold, got) in gold_and_pred(docs, quotes).items():
        for mode in ("exact", "overlap"):
            s = span_scores(gold, got, mode=mode, n_boot=n_boot, seed=seed)
            frames.append(s.assign(part=part, mode=mode))
            for half, keep in (("tune", True), ("check", False)):
                g = [x for x in gold if tune_half(x[0]) == keep]
                p = [x for x in got if tune_half(x[0]) == keep]
                s = span_scores(g, p, mode=mode, n_boot=n_boot, seed=seed)
                frames.append(s.assign(part=part, mode=mode, half=half))
    return pd.concat(frames, ignore_index=True)


def span_rules(quotes: pd.DataFrame, texts: dict[str, str], part: str) -> dict[tuple, str]:
    """``(doc_id, start, end) -> rule`` of the first row whose ``part`` span that is (stripped
    as :func:`predicted_spans` strips it; ``+channel`` dropped), so errors count by rule.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["d"], "kind": ["indirect"], "rule": ["indirect_subject+channel"],
        ...                   "cue_start": [3], "cue_end": [7]})
        >>> span_rules(q, {"d": "He said it"}, "Cue")
        {('d', 3, 7): 'indirect_subject'}
    """
    col = PART_COLUMN[part]
    speech = quotes[(quotes["kind"] != "scare") & quotes[f"{col}_start"].notna()]
    out: dict[tuple, str] = {}
    for doc, a, b, rule in zip(speech["doc_id"], speech[f"{col}_start"], speech[f"{col}_end"], speech["rule"]):
        out.setdefault((doc, *_strip(texts[doc], int(a), int(b))), str(rule).split("+")[0])
    return out


def errors(docs: list[PolnearDoc], quotes: pd.DataFrame, part: str, *, max_rows: int = 300) -> pd.DataFrame:
    """Exact-match errors of one part: FN (gold span missed) and FP (span not in gold).

    ``evidence`` shows the overlapping span of the other side, if any (a boundary error), and
    the rule of the predicted span (for an FN, of the overlapping one; ``rule=-`` when none).
    """
    texts = {d.doc_id: d.text for d in docs}
    gold, got = gold_and_pred(docs, quotes)[part]
    rules = span_rules(quotes, texts, part)
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
                near = [(c, e) for c, e in sorted(other) if c < b and a < e]
                rule = rules.get((d, a, b)) if kind == "FP" else (rules.get((d, *near[0])) if near else None)
                rows.append({"kind": kind, "text": t[max(0, a - 60):b + 60].replace("\n", " "),
                             "gold": t[a:b] if kind == "FN" else "", "pred": t[a:b] if kind == "FP" else "",
                             "evidence": f"{d} [{a}:{b}] rule={rule or '-'}"
                                         + (f" overlaps: {t[near[0][0]:near[0][1]]!r}" if near else "")})
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
    tables = _tables(docs)
    quotes = predict(docs, tables)
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
    spk, spk_err = speaker_scores(docs, quotes, tables)
    out.append(EvalResult(measure="quotes.speaker.pronoun", dataset="polnear-dev", n=int(spk["support"].iloc[0]),
                          scores=spk, errors=spk_err, notes=SPEAKER_NOTES))
    cont = continued_scores(docs, quotes, split)
    out.append(EvalResult(measure="quotes.speaker.continued", dataset="polnear-dev", n=int(cont["support"].iloc[0]),
                          scores=cont, notes=CONTINUED_NOTES))
    return out


SPEAKER_NOTES = ("Pronoun speakers (\"he\"/\"she\") of PolNeAR dev, referents read from the text by the "
                 "toolkit's authors for a seeded sample of each half (toolkit/validation/data). Right: the "
                 "resolved person contains the referent's surname. 'gold spans': resolution of the gold pronoun "
                 "span on its own; 'quote rows': the rows whose speaker is that pronoun (a quote the rules do "
                 "not find has no row). Rules were written looking at the tune half only.")
CONTINUED_NOTES = ("Quotations that continue an attribution (speaker_rule continued_quote, carried_quote) whose "
                   "content is a content fragment of a PolNeAR attribution with a source: right when the row's "
                   "speaker span is that source (continued) or its resolved person contains the source's last "
                   "word (carried, a new paragraph).")
