"""Validity of the frame dictionaries against human frame coding (eval-dev ``frames/``).

Two sets, two questions:

* **FrAC** (Guida et al. 2025): 523 sentences, each coded with one Media Frames Corpus frame
  (Card et al. 2015), several codes merged. Does the PFC dictionary pick the coders' frame?
  Each sentence gets the frame (mapped to the FrAC codes, see :data:`PFC_TO_FRAC`) with the
  largest weighted cue count; no cue, or only cues of frames FrAC folds into "Other", predicts
  ``15 Other``. Macro-F1 averages the nine substantive codes (Other is the "no frame" class).
* **Narrative Frames** (Frermann et al. 2023): 428 climate-change news articles with five
  boolean frames adapted from Semetko & Valkenburg (2000). Does the generic-frames dictionary
  find them? ``present`` with the default rule of :func:`toolkit.framing.document_frames`
  (at least 2 distinct cues and 1 hit per 1,000 words), mapped CO<-conflict,
  RE<-attribution_of_responsibility (Frermann et al.'s "resolution" is Semetko &
  Valkenburg's responsibility frame: who can solve the problem), EC<-economic_consequences,
  HI<-human_interest, MO<-morality. ROC AUC of the score shows the ranking quality apart from
  the threshold.

Beside each dictionary, the supervised option (:func:`toolkit.framing.train_classifier`,
TF-IDF + logistic regression) is scored by 5-fold cross-validation: every item is predicted by a
model trained on the other folds (FrAC folds group sentences of the same article), never by a
model that saw it. The diplomatic frames have no human-coded counterpart here (neither set is
about interstate conflict); their checks are the codebook and the seed-article tests.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..framing import document_frames, find_frames, train_classifier, word_counts
from ..metrics import SCORE_COLUMNS, EvalResult, classification_scores, error_table
from ..tokenize import tokenize_documents

FRAC_CODES = {1: "1 Economic", 3: "3 Morality", 4: "4 Fairness_and_equality",
              5: "5 Legality+Crime", 6: "6 Policy+Political", 8: "8 Security_and_defense",
              9: "9 Health_and_safety", 11: "11 Cultural_identity", 12: "12 Public_opinion",
              15: "15 Other"}
# PFC frame -> FrAC's merged code. Capacity_and_resources (2), Quality_of_life (10) and
# External_regulation_and_reputation (14) have no code of their own in FrAC: they fall in Other.
PFC_TO_FRAC = {"Economic": 1, "Morality": 3, "Fairness_and_equality": 4,
               "Legality_Constitutionality_and_jurisprudence": 5, "Crime_and_punishment": 5,
               "Policy_prescription_and_evaluation": 6, "Political": 6,
               "Security_and_defense": 8, "Health_and_safety": 9, "Cultural_identity": 11,
               "Public_opinion": 12, "Capacity_and_resources": 15, "Quality_of_life": 15,
               "External_regulation_and_reputation": 15}
NF_FRAMES = {"CO": "conflict", "RE": "attribution_of_responsibility", "EC": "economic_consequences",
             "HI": "human_interest", "MO": "morality"}
SUPERVISED = {"tfidf+dictionary": "logreg tfidf+dictionary (5-fold CV)",
              "tfidf": "logreg tfidf (5-fold CV)"}


def _cues(texts: list[str], lexicon: str) -> pd.DataFrame:
    ids = [str(i) for i in range(len(texts))]
    _, toks = tokenize_documents(ids, texts)
    frames = find_frames(toks, dict(zip(ids, texts)), lexicons=[lexicon])
    return frames, word_counts(toks).reindex(ids, fill_value=0)


def predict_frac(texts: list[str]) -> tuple[list[str], list[str]]:
    """Dictionary prediction of FrAC codes: ``(labels, evidence)`` per sentence.

    Example:
        >>> predict_frac(["Taxes and prices keep rising.", "Nice weather."])[0]
        ['1 Economic', '15 Other']
    """
    frames, _ = _cues(texts, "framing_pfc")
    frames = frames.assign(code=frames["frame"].map(PFC_TO_FRAC))
    sub = frames[frames["code"] != 15]
    w = sub.groupby(["doc_id", "code"])["weight"].sum().reset_index()
    # Ties go to the code whose first cue comes first in the sentence.
    first = sub.groupby(["doc_id", "code"])["start"].min().reset_index()
    w = w.merge(first, on=["doc_id", "code"]).sort_values(["doc_id", "weight", "start"],
                                                          ascending=[True, False, True])
    best = w.drop_duplicates("doc_id").set_index("doc_id")["code"]
    ev = frames.groupby("doc_id").apply(
        lambda g: "; ".join(f"{r.frame}:{r.text}" for r in g.itertuples()), include_groups=False)
    ids = [str(i) for i in range(len(texts))]
    labels = [FRAC_CODES[int(best[i])] if i in best.index else FRAC_CODES[15] for i in ids]
    return labels, [ev.get(i, "") for i in ids]


def _evaluate_frac(path: Path, *, n_boot: int, seed: int, limit: int | None) -> EvalResult:
    df = pd.read_csv(path)
    if limit:
        df = df.sample(n=min(limit, len(df)), random_state=seed).reset_index(drop=True)
    texts = df["sentence"].astype(str).tolist()
    gold = [FRAC_CODES[int(x)] for x in df["label"]]
    pred, evidence = predict_frac(texts)
    labels = list(FRAC_CODES.values())
    substantive = labels[:-1]
    # Sentences of one article share a fold and a half; a sentence without an id is its own group.
    groups = [str(g) if pd.notna(g) else f"row{i}" for i, g in enumerate(df["id"])]
    scores = [classification_scores(gold, pred, labels=labels, average_labels=substantive,
                                    system="dictionary (framing_pfc)", n_boot=n_boot, seed=seed,
                                    keys=groups)]
    notes_sup = ""
    if len(df) >= 100:
        for features, system in SUPERVISED.items():
            clf = train_classifier(texts, gold, groups=groups, folds=5, seed=seed, features=features)
            scores.append(classification_scores(gold, clf.cv_predictions, labels=labels,
                                                average_labels=substantive, system=system,
                                                n_boot=n_boot, seed=seed, keys=groups))
        notes_sup = (" The logreg rows (toolkit.framing.train_classifier) are 5-fold "
                     "cross-validated on FrAC itself, folds grouped by article id: TF-IDF "
                     "uni+bigrams, with or without the dictionaries' cue counts as features.")
    errors = error_table(texts, gold, pred, evidence=evidence, max_rows=300)
    notes = ("Sentence-level, single label. PFC frames mapped to FrAC's merged Media Frames codes: "
             "Legality+Crime_and_punishment -> 5, Policy_prescription+Political -> 6; "
             "Capacity_and_resources, Quality_of_life and External_regulation_and_reputation have no "
             "FrAC code and count as 15 Other. Prediction = the code with the largest weighted cue "
             "count (ties: earliest cue); no cue -> 15 Other. Macro-F1 over the nine substantive "
             "codes." + notes_sup)
    return EvalResult(measure="framing.pfc_sentence", dataset="frac-dev", n=len(df),
                      scores=pd.concat(scores, ignore_index=True), errors=errors, notes=notes)


def _boolean(col: pd.Series) -> np.ndarray:
    return col.astype(str).str.strip().str.rstrip(")").str.lower().eq("true").to_numpy()


def multilabel_scores(y: np.ndarray, p: np.ndarray, names: list[str], *, system: str,
                      n_boot: int = 1000, seed: int = 0, scores: np.ndarray | None = None) -> pd.DataFrame:
    """Per-label P/R/F1 (positive class) and macro averages for boolean matrices, bootstrapped.

    One multinomial resample of items per replicate, shared by all labels, so the macro
    interval accounts for their correlation. ``scores`` (continuous, same shape) adds ROC AUC.

    Example:
        >>> y = np.array([[1, 0], [1, 1], [0, 1]], bool); p = np.array([[1, 0], [0, 1], [0, 1]], bool)
        >>> s = multilabel_scores(y, p, ["a", "b"], system="x", n_boot=0)
        >>> s.query("label == 'macro' and metric == 'f1'")["value"].round(3).tolist()
        [0.833]
    """
    y, p = np.asarray(y, bool), np.asarray(p, bool)
    n = y.shape[0]

    def prf(w: np.ndarray) -> np.ndarray:  # w: (B, n) item counts
        tp, fp, fn = w @ (y & p), w @ (~y & p), w @ (y & ~p)
        with np.errstate(divide="ignore", invalid="ignore"):
            pr = np.where(tp + fp > 0, tp / (tp + fp), 0.0)
            rc = np.where(tp + fn > 0, tp / (tp + fn), 0.0)
            f1 = np.where(pr + rc > 0, 2 * pr * rc / (pr + rc), 0.0)
        return np.concatenate([pr, rc, f1, pr.mean(1, keepdims=True), rc.mean(1, keepdims=True),
                               f1.mean(1, keepdims=True)], axis=1)

    point = prf(np.ones((1, n)))[0]
    boots = None
    if n_boot > 0 and n:
        rng = np.random.default_rng(seed)
        boots = prf(rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float))
    rows = []
    for j, (label, metric) in enumerate([(nm, m) for m in ("precision", "recall", "f1") for nm in names]
                                        + [("macro", m) for m in ("precision", "recall", "f1")]):
        col = j  # prf() columns follow the same metric-major order
        lo, hi = (np.percentile(boots[:, col], [2.5, 97.5]) if boots is not None else (np.nan, np.nan))
        sup = int(y[:, names.index(label)].sum()) if label in names else n
        rows.append({"system": system, "label": label, "metric": metric, "value": float(point[col]),
                     "ci_low": float(lo), "ci_high": float(hi), "support": sup})
    if scores is not None:
        from sklearn.metrics import roc_auc_score

        for i, nm in enumerate(names):
            if 0 < y[:, i].sum() < n:
                rows.append({"system": system, "label": nm, "metric": "roc_auc",
                             "value": float(roc_auc_score(y[:, i], scores[:, i])), "ci_low": np.nan,
                             "ci_high": np.nan, "support": int(y[:, i].sum())})
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def _evaluate_narrative(path: Path, *, n_boot: int, seed: int, limit: int | None) -> EvalResult:
    df = pd.read_csv(path, sep="\t")
    if limit:
        df = df.sample(n=min(limit, len(df)), random_state=seed).reset_index(drop=True)
    texts = df["text"].astype(str).tolist()
    codes = list(NF_FRAMES)
    y = np.column_stack([_boolean(df[c]) for c in codes])
    frames, words = _cues(texts, "framing_sv")
    prof = document_frames(frames, words, lexicons=["framing_sv"])
    ids = [str(i) for i in range(len(texts))]
    wide = {v: prof.pivot(index="doc_id", columns="frame", values=v).reindex(ids)
            for v in ("present", "score", "cues")}
    sv = [NF_FRAMES[c] for c in codes]
    present = wide["present"][sv].to_numpy(bool)
    score = wide["score"][sv].to_numpy(float)
    any_cue = (wide["cues"][sv].to_numpy() >= 1)
    parts = [multilabel_scores(y, present, codes, system="dictionary (framing_sv, default rule)",
                               n_boot=n_boot, seed=seed, scores=score),
             multilabel_scores(y, any_cue, codes, system="dictionary (framing_sv, any cue)",
                               n_boot=n_boot, seed=seed)]
    notes_sup = ""
    if len(df) >= 100:
        labels = [[c for c, on in zip(codes, row) if on] for row in y]
        for features, system in SUPERVISED.items():
            clf = train_classifier(texts, labels, folds=5, seed=seed, features=features)
            cvp = np.asarray(clf.cv_predictions, dtype=bool)
            order = [clf.labels.index(c) for c in codes]
            parts.append(multilabel_scores(y, cvp[:, order], codes, system=system,
                                           n_boot=n_boot, seed=seed))
        notes_sup = (" The logreg rows (toolkit.framing.train_classifier) are 5-fold "
                     "cross-validated on these articles.")
    # Errors: per article and frame, the misses and false alarms with the cues found.
    ev = frames.groupby(["doc_id", "frame"])["text"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    rows = []
    for i, doc in enumerate(ids):
        for j, c in enumerate(codes):
            if y[i, j] != present[i, j]:
                rows.append({"kind": "FN" if y[i, j] else "FP", "text": texts[i][:300],
                             "gold": c if y[i, j] else "", "pred": c if present[i, j] else "",
                             "evidence": ev.get((doc, sv[j]), "")})
    errors = pd.DataFrame(rows[:400], columns=["kind", "text", "gold", "pred", "evidence"])
    notes = ("Article-level, five booleans. Mapping: CO<-conflict, RE<-attribution_of_responsibility, "
             "EC<-economic_consequences, HI<-human_interest, MO<-morality. Default rule: present when "
             ">= 2 distinct cues and >= 1 weighted hit per 1,000 words; 'any cue': one cue suffices. "
             "roc_auc ranks articles by the frame score (threshold-free)." + notes_sup)
    return EvalResult(measure="framing.generic_article", dataset="narrative-frames-dev", n=len(df),
                      scores=pd.concat(parts, ignore_index=True), errors=errors, notes=notes)


def evaluate(eval_dir: Path, *, n_boot: int = 1000, seed: int = 0,
             limit: int | None = None) -> list[EvalResult]:
    """Score the frame dictionaries (and the cross-validated supervised option) on eval-dev.

    Example:
        >>> from toolkit.config import shared_path
        >>> d = shared_path("eval-dev")
        >>> res = evaluate(d, n_boot=0, limit=30) if d else []  # doctest: +SKIP
    """
    eval_dir = Path(eval_dir)
    out = []
    frac = eval_dir / "frames" / "frac_sentences.csv"
    if frac.exists():
        out.append(_evaluate_frac(frac, n_boot=n_boot, seed=seed, limit=limit))
    nf = eval_dir / "frames" / "narrative_frames_articles.tsv"
    if nf.exists():
        out.append(_evaluate_narrative(nf, n_boot=n_boot, seed=seed, limit=limit))
    return out
