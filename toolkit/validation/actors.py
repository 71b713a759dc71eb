"""Actor resolution against UNSCon (who criticises whom in the UN Security Council).

UNSCon (Zaczynska, Bourgonje & Stede 2024, LREC-COLING; CC BY-SA) labels sentences of UN
Security Council speeches on Ukraine (2014, 2016) with the speaking state (``country``) and,
for sentences that criticise someone (``A0`` = Direct/Indirect_NegEval), the target country
(``A4``, or ``-NONE-`` when the target is not a country). Speeches are rebuilt from their
sentences (the sentence offsets are kept), analysed whole by :mod:`toolkit.actors` with the
speaking state as ``speaker_actor`` and the meeting year as date, and mentions are assigned
to sentences by offset.

Measures (what can honestly be measured with these labels):

The speaking state is taken from the file name: the CSV's ``country`` column disagrees with
the file names in about 93% of rows (it appears misaligned; the file names match what the
speeches say).

* ``actors.target`` - who is the target of a criticising sentence: the toolkit's guess is the
  first actor mentioned in the sentence that is not the speaker, not a UN body and not a place
  reading ("none" if there is none), scored against ``A4`` (classes: ISO3 codes + "none").
  Baseline ``names-only`` uses only state names and demonyms (no capitals, seats, roles,
  people, metonymy or places), to show what the resolution rules add.
* ``actors.target_mentioned`` - recall of the gold target country among all actors the
  toolkit finds in the sentence (a ceiling for any target rule: targets named only by a
  pronoun or "they" cannot be found in the sentence).
* ``actors.names`` - coverage of the gazetteer: the share of the corpus's country labels
  (speakers and targets, written as UN names such as "Venezuela_(Bolivarian_Republic_Of)")
  that :func:`toolkit.actors.code_of` maps to a code.

Not measured: self-references ("my delegation", resolved from the document's speaking state,
which the labels do not check independently), metonymy and place readings (no labels).
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..metrics import SCORE_COLUMNS, EvalResult, classification_scores, error_table

# The speaking state is read from the file name ("..._spch015_Russian_Federation_neg_03.txt"):
# in the shared CSV the `country` column disagrees with the file names in most rows (it looks
# misaligned), while the file names match the speeches' content.
_SPEAKER = re.compile(r"_spch\d+_(.+?)(?:_(?:neg|pos))?_\d+(?:_GD)?\.txt$")

DATASET = "unscon"
UN_BODIES = frozenset({"UN", "UNSC", "UNGA", "UNHRC", "OHCHR"})


def load_unscon(eval_dir: Path, *, limit: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Rebuild UNSCon speeches: ``(documents, sentences)``, or ``None`` when the file is absent.

    ``documents`` has ``doc_id, text, date, speaker_actor``; ``sentences`` the gold labels with
    ``doc_id, start, end, text, gold_target, conflict`` (offsets into the rebuilt text).

    Example:
        >>> from toolkit.config import shared_path
        >>> d = shared_path("eval-dev")
        >>> got = load_unscon(d, limit=10) if d else None
        >>> got is None or len(got[1]) >= 10
        True
    """
    from ..actors import code_of

    path = Path(eval_dir) / "conflict" / "unscon_sentences.csv"
    if not path.exists():
        return None
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    docs, sents = [], []
    for file_id, g in raw.groupby("file_id", sort=False):
        offs = g["sentence_char_offsets"].str.split("-", expand=True).astype(int)
        length = int(offs[1].max())
        buf = [" "] * length
        for (a, b), text in zip(offs.itertuples(index=False, name=None), g["sentence_text"]):
            piece = text[: b - a]
            buf[a:a + len(piece)] = list(piece)
        text = "".join(buf)
        year = g["basename"].iloc[0].split("_")[1]
        m = _SPEAKER.search(file_id)
        label = m.group(1) if m else g["country"].iloc[0]
        # Second speeches carry a number ("Russian_Federation2"); one name has a stray letter
        # ("United_States_Of_AmericaA").
        label = re.sub(r"\d+$", "", label)
        label = re.sub(r"(?<=America)A$", "", label)
        code = code_of(label)
        docs.append({"doc_id": file_id, "text": text, "date": f"{year}-07-01",
                     "speaker_actor": code, "speaker_label": label})
        for (a, b), row in zip(offs.itertuples(index=False, name=None), g.itertuples(index=False)):
            gold = row.A4
            sents.append({"doc_id": file_id, "start": a, "end": b, "text": text[a:b].strip(),
                          "conflict": row.A0 != "_", "gold_label": gold,
                          "gold_target": "none" if gold in ("-NONE-", "_") else (code_of(gold) or gold)})
        if limit is not None and len(sents) >= limit:
            break
    return pd.DataFrame(docs), pd.DataFrame(sents)


def _assign(mentions: pd.DataFrame, sentences: pd.DataFrame) -> list[list[dict]]:
    """Mentions of each gold sentence (by start offset), in text order."""
    out: list[list[dict]] = [[] for _ in range(len(sentences))]
    index = {}
    for i, (doc, a, b) in enumerate(zip(sentences["doc_id"], sentences["start"], sentences["end"])):
        index.setdefault(doc, []).append((a, b, i))
    recs = mentions.sort_values(["doc_id", "start"]).to_dict("records")
    for m in recs:
        for a, b, i in index.get(m["doc_id"], []):
            if a <= m["start"] < b:
                out[i].append(m)
                break
    return out


def predict_target(mentions: list[dict], speaker: str | None, *, names_only: bool = False) -> str:
    """The first mentioned actor that is not the speaker, a UN body or a place ("none" if none).

    Example:
        >>> predict_target([{"actor": "RUS", "location": False, "kind": "state"}], "UKR")
        'RUS'
    """
    for m in mentions:
        if names_only and m["kind"] not in ("state", "demonym"):
            continue
        actor = m["actor"]
        if not actor or actor == speaker or actor in UN_BODIES:
            continue
        if m["location"] or m["kind"] == "self":
            continue
        return actor
    return "none"


def _proportion_rows(hits: np.ndarray, *, label: str, metric: str, n_boot: int, seed: int,
                     system: str = "toolkit") -> pd.DataFrame:
    point = float(hits.mean()) if len(hits) else float("nan")
    lo = hi = float("nan")
    if n_boot > 0 and len(hits):
        rng = np.random.default_rng(seed)
        boots = hits[rng.integers(0, len(hits), (n_boot, len(hits)))].mean(axis=1)
        lo, hi = (float(x) for x in np.percentile(boots, [2.5, 97.5]))
    return pd.DataFrame([{"system": system, "label": label, "metric": metric, "value": point,
                          "ci_low": lo, "ci_high": hi, "support": len(hits)}],
                        columns=SCORE_COLUMNS)


def evaluate(eval_dir: Path, *, n_boot: int = 1000, seed: int = 0,
             limit: int | None = None) -> list[EvalResult]:
    """Score actor resolution on UNSCon; ``[]`` when the data set is absent.

    Example:
        >>> from toolkit.config import shared_path
        >>> d = shared_path("eval-dev")
        >>> res = evaluate(d, n_boot=0, limit=60) if d else []
        >>> all(r.dataset == "unscon" for r in res)
        True
    """
    from ..actors import code_of, mentions_from_tables
    from ..tokenize import tokenize_documents

    got = load_unscon(Path(eval_dir), limit=limit)
    if got is None:
        return []
    docs, sents = got
    _, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    mentions = mentions_from_tables(docs, toks, speaker_column="speaker_actor")
    per_sent = _assign(mentions, sents)
    speaker = dict(zip(docs["doc_id"], docs["speaker_actor"]))
    results = []

    conflict = sents.index[sents["conflict"]].tolist()
    gold = [sents.at[i, "gold_target"] for i in conflict]
    pred = [predict_target(per_sent[i], speaker[sents.at[i, "doc_id"]]) for i in conflict]
    base = [predict_target(per_sent[i], speaker[sents.at[i, "doc_id"]], names_only=True) for i in conflict]
    labels = sorted(set(gold) | set(pred), key=lambda x: (x == "none", x))
    gold_classes = sorted(set(gold), key=lambda x: (x == "none", x))
    keys = [sents.at[i, "doc_id"] for i in conflict]     # the tune/check split, by speech
    scores = pd.concat([
        classification_scores(gold, pred, labels=labels, n_boot=n_boot, seed=seed,
                              average_labels=gold_classes, keys=keys),
        classification_scores(gold, base, labels=labels, system="names-only", n_boot=n_boot,
                              seed=seed, average_labels=gold_classes, keys=keys),
    ], ignore_index=True)
    evidence = ["; ".join(f"{m['text']}={m['actor']}" + ("(place)" if m["location"] else "")
                          for m in per_sent[i]) for i in conflict]
    errors = error_table([sents.at[i, "text"] for i in conflict], gold, pred, evidence=evidence)
    results.append(EvalResult(
        measure="actors.target", dataset=DATASET, n=len(conflict), scores=scores, errors=errors,
        notes=("Criticising sentences (A0 set). Gold: A4 target country (ISO3) or 'none'. "
               "Prediction: first actor mentioned in the sentence that is not the speaking state, "
               "not a UN body and not a place reading. Speeches analysed whole (speaker = the "
               "labelled country, date = 1 July of the meeting year). Baseline 'names-only' uses "
               "state names and demonyms only. Macro averages over the gold classes (RUS, UKR, "
               "USA, EGY, none); predictions of other actors count as errors.")))

    with_target = [i for i in conflict if sents.at[i, "gold_target"] != "none"]
    hits = np.array([sents.at[i, "gold_target"] in {m["actor"] for m in per_sent[i]} for i in with_target],
                    dtype=float)
    base_hits = np.array([sents.at[i, "gold_target"] in {m["actor"] for m in per_sent[i]
                                                         if m["kind"] in ("state", "demonym")}
                          for i in with_target], dtype=float)
    scores = pd.concat([
        _proportion_rows(hits, label="all", metric="recall", n_boot=n_boot, seed=seed),
        _proportion_rows(base_hits, label="all", metric="recall", n_boot=n_boot, seed=seed,
                         system="names-only"),
    ], ignore_index=True)
    missed = [i for i, h in zip(with_target, hits) if not h]
    errors = pd.DataFrame({"kind": "FN", "text": [sents.at[i, "text"] for i in missed],
                           "gold": [sents.at[i, "gold_target"] for i in missed],
                           "pred": ["; ".join(sorted({str(m["actor"]) for m in per_sent[i]})) for i in missed],
                           "evidence": [""] * len(missed)})
    results.append(EvalResult(
        measure="actors.target_mentioned", dataset=DATASET, n=len(with_target), scores=scores,
        errors=errors,
        notes=("Criticising sentences with a target country: is that country among the actors the "
               "toolkit finds in the sentence (any mention, places included)? A ceiling for any "
               "target rule; targets referred to only by pronouns are misses.")))

    raw = pd.read_csv(Path(eval_dir) / "conflict" / "unscon_sentences.csv", dtype=str,
                      keep_default_na=False, usecols=["country", "A4", "B3"])
    names = pd.unique(pd.concat([raw["country"], raw["A4"], raw["B3"], docs["speaker_label"]]))
    names = [n for n in names if n not in ("_", "-NONE-") and not n.endswith(".txt")]
    mapped = np.array([code_of(n) is not None for n in names], dtype=float)
    results.append(EvalResult(
        measure="actors.names", dataset=DATASET, n=len(names),
        scores=_proportion_rows(mapped, label="all", metric="coverage", n_boot=0, seed=seed),
        errors=pd.DataFrame({"kind": "FN", "text": [n for n, ok in zip(names, mapped) if not ok]}),
        notes="Distinct country labels of UNSCon (speakers and targets) mapped to a code by "
              "toolkit.actors.code_of."))
    return results
