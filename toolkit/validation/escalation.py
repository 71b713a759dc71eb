"""Validity of the escalation scale against human event coding, with two baselines in the same run.

Data (``eval-dev/conflict/``), each sentence scored as its own document:

* ``un_quadclass_dev.tsv`` (Osorio et al., "Keep it Local"): UN sentences in the quad classes
  plus "irrelevant". The shared README lists 1 verbal conflict, 2 material conflict,
  3 verbal cooperation, 4 material cooperation, but the labels in this file follow another
  order: items labelled 1 are the ones the source repository's binary ``MatConf`` file marks
  as material conflict, 3 are ``VerConf`` and 4 are ``VerCoop`` (checked item by item), so
  0 irrelevant, 1 material conflict, 2 material cooperation, 3 verbal conflict, 4 verbal
  cooperation (:data:`QUADCLASS_LABELS`).
* ``cameo_pentaclass_train.tsv`` (ConfliBERT CAMEO set): news sentences, 0 make a statement,
  1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. Its
  labels follow the Phoenix quad convention (appeals, CAMEO 02, are statements; reducing
  relations, 16, is verbal conflict), so the toolkit's classes are mapped with
  ``scheme="phoenix"`` for this set.
* ``unscon_sentences.csv`` (Zaczynska, Bourgonje & Stede 2024): UN Security Council sentences;
  positive when ``A0`` marks a direct or indirect negative evaluation of a target.

Systems:

* ``toolkit``: the ``event_class`` of the sentence's first act (``event_rule="first"``, the
  default: the leftmost act, usually the main predicate; an act in an opening prepositional
  phrase only when the main clause has none; a reference (a weapon, an actor, a
  phenomenon the lexicon lists under ``references``) only when the sentence has no act;
  :mod:`toolkit.escalation`); no cue or only statement cues = irrelevant/statement. For UNSCon: a conflict class = negative evaluation.
* ``vader``: VADER compound (Hutto & Gilbert 2014) <= -0.05 = verbal conflict, >= 0.05 = verbal
  cooperation, else irrelevant/statement (sentiment cannot tell verbal from material).
* ``bow_lr_cross``: TF-IDF uni+bigram logistic regression trained on the *other* data set
  (QuadClass is scored by a model trained on the CAMEO set and vice versa; "statement" and
  "irrelevant" are mapped onto each other); UNSCon by a model trained on both, with the two
  conflict classes as positive. Never trained on the items it scores.
* ``bow_lr_cv``: the same model trained in-domain, 5-fold out-of-fold predictions: the
  supervised reference the lexicon is measured against ("how much it trails supervised").
* ``bow_lr_cv_same_coverage`` (QuadClass): ``bow_lr_cv`` on the sentences the toolkit codes,
  the neutral class where it codes none (:func:`same_coverage`): the two classifiers compared
  on the same sentences. On the UN QuadClass set (6 December 2026) the toolkit codes about
  three quarters of the sentences and classifies them better than bag of words does (tune /
  check macro-F1 0.559 / 0.550 against 0.536 / 0.545 at equal coverage); its shortfall against
  ``bow_lr_cv`` is the quarter with no cue, where the supervised model's topic words still score.
* ``toolkit_strongest_act``: the toolkit with ``event_rule="strongest"`` (the act with the
  largest absolute score, the default before 5 December 2026).
* ``toolkit_events_main``: the class of the item's main event in the ``events`` table
  (clause-aware; ``sentence_table(event_rule="main")``: a speech frame or an uncoded main verb
  leaves the class to the first rule's act); measured to decide whether
  ``sentence_escalation`` should read events.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..metrics import EvalResult, classification_scores, confusion, error_table

QUADCLASS_LABELS = {0: "irrelevant", 1: "material_conflict", 2: "material_cooperation",
                    3: "verbal_conflict", 4: "verbal_cooperation"}
PENTACLASS_LABELS = {0: "statement", 1: "verbal_cooperation", 2: "material_cooperation",
                     3: "verbal_conflict", 4: "material_conflict"}
QUAD = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
NEG, NOT_NEG = "negative_evaluation", "other"
RULES = ("strongest", "first")


def load_quadclass(eval_dir: Path, limit: int | None = None) -> pd.DataFrame | None:
    """``text, label`` of the UN QuadClass set (labels named per :data:`QUADCLASS_LABELS`)."""
    p = Path(eval_dir) / "conflict" / "un_quadclass_dev.tsv"
    if not p.exists():
        return None
    df = pd.read_csv(p, sep="\t", quoting=csv.QUOTE_NONE, dtype={"text": str})
    df = df.dropna(subset=["text"])
    df["label"] = df["quadclass"].astype(int).map(QUADCLASS_LABELS)
    return _limit(df[["text", "label"]], limit)


def load_pentaclass(eval_dir: Path, limit: int | None = None) -> pd.DataFrame | None:
    """``text, label`` of the CAMEO pentaclass news set."""
    p = Path(eval_dir) / "conflict" / "cameo_pentaclass_train.tsv"
    if not p.exists():
        return None
    df = pd.read_csv(p, sep="\t", header=None, names=["text", "code"], quoting=csv.QUOTE_NONE,
                     dtype={"text": str})
    df = df.dropna(subset=["text"])
    df["label"] = df["code"].astype(int).map(PENTACLASS_LABELS)
    return _limit(df[["text", "label"]], limit)


# The speaking state is in the file name ("..._spch006_United_States_Of_America_05.txt"; a
# second speech adds a digit, one name a stray letter, an outlier "%20" for "_"); the set's
# ``country`` column is not the speaker (it matches the file name in about 7% of rows, as
# the shared README says).
_SPEAKER_FILE = re.compile(r"_spch\d+_(.+?)(?:_(?:neg|pos))?(?:_|%20)\d+(?:_GD)?\.txt$")


def unscon_speaker(file_id: str) -> str:
    """The speaking state's name in a UNSCon ``file_id``, spaces for underscores ("" if none).

    Example:
        >>> unscon_speaker("UNSC_2014_SPV.7219_spch006_United_States_Of_AmericaA_05.txt")
        'United States Of America'
    """
    m = _SPEAKER_FILE.search(str(file_id))
    if not m:
        return ""
    return re.sub(r"(?<=[a-z])A?\d*$", "", m.group(1)).replace("_", " ")


def load_unscon(eval_dir: Path, limit: int | None = None) -> pd.DataFrame | None:
    """``text, label, speaker, target`` of UNSCon (label: negative evaluation or other;
    speaker: the speaking state named in the file name)."""
    p = Path(eval_dir) / "conflict" / "unscon_sentences.csv"
    if not p.exists():
        return None
    df = pd.read_csv(p, dtype=str, keep_default_na=False)
    out = pd.DataFrame({"text": df["sentence_text"].str.strip(),
                        "label": np.where(df["A0"].isin(["Direct_NegEval", "Indirect_NegEval"]), NEG, NOT_NEG),
                        "speaker": df["file_id"].map(unscon_speaker), "target": df["A4"],
                        # the tune/check split keeps a speech's sentences together
                        "speech": df["basename"] + "/" + df["speech_id"]})
    return _limit(out[out["text"].str.len() > 0], limit)


def _limit(df: pd.DataFrame, limit: int | None) -> pd.DataFrame:
    if limit is not None and len(df) > limit:
        df = df.sample(n=limit, random_state=0)
    return df.reset_index(drop=True)


def toolkit_classes(texts: list[str], *, rules: tuple[str, ...] = ("strongest",),
                    scheme: str = "toolkit", references_decide: bool = True
                    ) -> tuple[dict[str, list[str]], list[str]]:
    """Event class of each text (whole text = one unit) per event rule, and the cues behind it.

    Args:
        texts: the items, each scored as one unit.
        rules: event rules of :func:`toolkit.escalation.sentence_table`.
        scheme: its quad-class scheme.
        references_decide: ``False`` reads a text whose class comes from a reference alone (a
            weapon, a kind of actor or a danger named, with no act: "the threat of terrorism")
            as ``"statement"``, for schemes that code acts toward a party rather than topics.

    Example:
        >>> toolkit_classes(["Rebels attacked the town.", "The meeting is on Monday."])[0]["strongest"]
        ['material_conflict', 'verbal_cooperation']
        >>> toolkit_classes(["Terrorism remains a danger."], rules=("first",),
        ...                 references_decide=False)[0]["first"]
        ['statement']
    """
    from .. import analyze
    from ..escalation import _load, sentence_table

    ids = [str(i) for i in range(len(texts))]
    # The cues as a user's analyze() writes them (actors and quotes feed their sources and
    # speech frames), not find_cues() on bare tokens.
    cues = analyze(pd.DataFrame({"doc_id": ids, "text": texts}), annotators=["escalation"], workers=1,
                   cache=False, progress=False)["escalation"]
    # Each item is one unit: pool the cues of all of its sentences.
    units = pd.DataFrame({"doc_id": ids, "sent_id": 0, "start": 0, "end": [len(t) for t in texts],
                          "text": texts})
    pooled = cues.assign(sent_id=0)
    # Items with an act: a scored cue that is not a reference.
    refs = _load("escalation")[1].references
    acts = set(cues.loc[(cues["score"] != 0) & ~cues["cue"].isin(refs), "doc_id"])
    classes = {}
    for r in rules:
        cls = sentence_table(pooled, units, event_rule=r, scheme=scheme)["event_class"]
        if not references_decide:
            cls = cls.where(units["doc_id"].isin(acts) | cls.isin(["none", "statement"]), "statement")
        classes[r] = cls.tolist()
    ev = cues[cues["quad_class"] != "statement"].groupby("doc_id")["text"].apply(lambda s: "; ".join(s))
    return classes, [ev.get(i, "") for i in ids]


def events_main_classes(texts: list[str], *, scheme: str = "toolkit") -> list[str]:
    """Event class of each text (whole text = one unit) from its main event in the ``events``
    table: :func:`toolkit.escalation.sentence_table` with ``event_rule="main"`` (the main
    clause's predicate; a speech frame or an uncoded main verb leaves the class to the first
    rule's act), ``"statement"`` without an act.

    Example (the meeting makes no events row, so its cue decides, as the first rule reads it):
        >>> events_main_classes(["Rebels attacked the town.", "The meeting is on Monday."])
        ['material_conflict', 'verbal_cooperation']
    """
    from .. import analyze
    from ..escalation import sentence_table

    ids = [str(i) for i in range(len(texts))]
    a = analyze(pd.DataFrame({"doc_id": ids, "text": texts}), annotators=["events"], workers=1,
                cache=False, progress=False)
    # Each item is one unit, as toolkit_classes reads it: pool its sentences' cues and events.
    units = pd.DataFrame({"doc_id": ids, "sent_id": 0, "start": 0, "end": [len(t) for t in texts],
                          "text": texts})
    cls = sentence_table(a["escalation"].assign(sent_id=0), units, event_rule="main", scheme=scheme,
                         events=a["events"].assign(sent_id=0))["event_class"]
    return [c if c in QUAD else "statement" for c in cls]


def vader_compound(texts: list[str]) -> np.ndarray:
    """VADER compound scores (reference implementation, vaderSentiment)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    return np.array([sia.polarity_scores(t)["compound"] for t in texts])


def _vader_classes(compound: np.ndarray, neutral: str) -> list[str]:
    return np.where(compound <= -0.05, "verbal_conflict",
                    np.where(compound >= 0.05, "verbal_cooperation", neutral)).tolist()


def _bow_lr(train_texts, train_labels, test_texts) -> list[str]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                          LogisticRegression(max_iter=2000, class_weight="balanced"))
    model.fit(list(train_texts), list(train_labels))
    return model.predict(list(test_texts)).tolist()


def _bow_lr_cv(texts, labels, *, folds: int = 5, seed: int = 0) -> list[str]:
    """Out-of-fold predictions of the same model trained in-domain (an upper reference)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                          LogisticRegression(max_iter=2000, class_weight="balanced"))
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return cross_val_predict(model, list(texts), list(labels), cv=cv).tolist()


def _to_quad(pred: list[str], neutral: str) -> list[str]:
    return [p if p in QUAD else neutral for p in pred]


def same_coverage(pred: list[str], toolkit: list[str], neutral: str) -> list[str]:
    """``pred`` where the toolkit codes a class, ``neutral`` where it codes none: another
    system's predictions restricted to the sentences the toolkit codes.

    Example:
        >>> same_coverage(["verbal_conflict", "material_conflict"],
        ...               ["material_conflict", "irrelevant"], "irrelevant")
        ['verbal_conflict', 'irrelevant']
    """
    return [p if t != neutral else neutral for p, t in zip(pred, toolkit, strict=True)]


def _score_systems(name: str, dataset: str, df: pd.DataFrame, preds: dict[str, list[str]],
                   labels: list[str], *, evidence: list[str], n_boot: int, seed: int,
                   average: list[str] | None = None, notes: str = "") -> EvalResult:
    scores = pd.concat([classification_scores(df["label"], p, labels=labels, system=s, n_boot=n_boot,
                                              seed=seed, average_labels=average,
                                              keys=(df["speech"] if "speech" in df else df["text"]).tolist())
                        for s, p in preds.items()], ignore_index=True)
    errors = error_table(df["text"].tolist(), df["label"].tolist(), preds["toolkit"], evidence=evidence)
    conf = confusion(df["label"].tolist(), preds["toolkit"], labels=labels)
    notes = notes + "\n\nConfusion (toolkit; rows gold, columns predicted):\n" + conf.to_string()
    return EvalResult(measure=name, dataset=dataset, n=len(df), scores=scores, errors=errors, notes=notes)


def _code(name: str) -> str | None:
    from ..actors import code_of

    return code_of(name.replace("_", " ")) if name and name not in ("_", "-NONE-") else None


def evaluate_targets(unscon: pd.DataFrame, *, n_boot: int = 1000, seed: int = 0) -> EvalResult | None:
    """Who is criticised: the target country of UNSCon negative evaluations vs ``target_actor``.

    Items: sentences whose gold label is a negative evaluation of a country (``A4``); the
    speaker is the state named in the file name (:func:`unscon_speaker`). UNSCon's target is
    the party criticised: the *agent* of a conflict act the speaker reports ("Russia annexed
    Crimea" criticises Russia), or the party the speaker's own criticism, appeal or demand is
    aimed at ("we condemn Russia", "we call on Russia to withdraw"). So the toolkit's answer is
    read from the sentence's first such act, in text order (the main act, as
    ``sentence_escalation``'s default rule reads it): a conflict cue's ``source_actor`` when it
    is a third party; else, for a verbal conflict cue or an appeal or demand (CAMEO 02, 10),
    its ``target_actor``; the target of a material act with no named agent is its victim ("a
    Ukrainian plane was shot down"), not the party criticised, so it is not read. A sentence
    whose acts name no party falls back to the first other state it names, the baseline's
    rule, so the two differ only where an act names a party. Baseline ``first_other_state``:
    the first actor mentioned in the sentence that is not the speaker.
    """
    import importlib.util

    if importlib.util.find_spec("toolkit.actors") is None:
        return None
    from .. import analyze

    items = unscon[(unscon["label"] == NEG)].copy()
    items["gold"] = items["target"].map(_code)
    items = items.dropna(subset=["gold"]).reset_index(drop=True)
    if items.empty:
        return None
    ids = [str(i) for i in range(len(items))]
    texts = items["text"].tolist()
    speakers = [_code(c) for c in items["speaker"]]
    docs = pd.DataFrame({"doc_id": ids, "text": texts, "speaker_actor": speakers})
    tables = analyze(docs, annotators=["escalation"], workers=1, cache=False, progress=False)
    cues, mentions = tables["escalation"], tables["mentions"]
    speaker_of = dict(zip(ids, speakers))
    spk = cues["doc_id"].map(speaker_of)
    third = cues["source_actor"].notna() & (cues["source_actor"] != spk)
    verbal = cues["quad_class"].str.startswith("verbal")
    criticised = cues["source_actor"].where(third, cues["target_actor"].where(verbal))
    act = (cues["quad_class"].str.endswith("conflict")
           | cues["cameo"].astype(str).str[:2].isin(["02", "10"]))
    named = cues.assign(criticised=criticised)[act & criticised.notna() & (criticised != spk)]
    named = named.sort_values(["doc_id", "start"], kind="stable").drop_duplicates("doc_id")
    top = named.set_index("doc_id")["criticised"]
    m = mentions.dropna(subset=["actor"]).sort_values(["doc_id", "start"])
    m = m[m["actor"] != m["doc_id"].map(speaker_of)]
    first = m.drop_duplicates("doc_id").set_index("doc_id")["actor"]
    base = [first.get(i, "none") for i in ids]
    pred = [top.get(i, b) for i, b in zip(ids, base)]
    labels = sorted(set(items["gold"])) + ["none"]
    scores = pd.concat([
        classification_scores(items["gold"], pred, labels=labels, system="toolkit", n_boot=n_boot,
                              seed=seed, average_labels=labels[:-1], keys=items["speech"].tolist()),
        classification_scores(items["gold"], base, labels=labels, system="first_other_state",
                              n_boot=n_boot, seed=seed, average_labels=labels[:-1], keys=items["speech"].tolist())],
        ignore_index=True)
    errors = error_table(texts, items["gold"].tolist(), pred)
    return EvalResult(measure="escalation.unscon_target", dataset="unscon", n=len(items), scores=scores,
                      errors=errors, notes="Target country of gold negative evaluations (A4 mapped to "
                      "ISO3); the speaker from the file name. toolkit: the party of the sentence's first "
                      "conflict act, appeal or demand that names one (a third-party agent, else the "
                      "target of a verbal act), else the first other state named (the baseline's rule). "
                      "'none' = no party named; it counts as a miss. Accuracy (label 'all') is the share "
                      "of items whose target is found.")


def evaluate(eval_dir: Path, *, n_boot: int = 1000, seed: int = 0,
             limit: int | None = None) -> list[EvalResult]:
    """Score the escalation scale and both baselines on every conflict set present.

    Example:
        >>> from toolkit.config import shared_path
        >>> d = shared_path("eval-dev")
        >>> res = evaluate(d, n_boot=0, limit=50) if d else []
        >>> all(r.n <= 50 for r in res)
        True
    """
    eval_dir = Path(eval_dir)
    quad = load_quadclass(eval_dir)
    penta = load_pentaclass(eval_dir)
    unscon = load_unscon(eval_dir, limit)
    results: list[EvalResult] = []
    to_penta = {"irrelevant": "statement"}
    to_quadcls = {"statement": "irrelevant"}

    if quad is not None:
        test = _limit(quad, limit)
        tk, ev = toolkit_classes(test["text"].tolist(), rules=RULES)
        preds = {"toolkit": _to_quad(tk["first"], "irrelevant"),
                 "toolkit_strongest_act": _to_quad(tk["strongest"], "irrelevant"),
                 "toolkit_events_main": _to_quad(events_main_classes(test["text"].tolist()), "irrelevant"),
                 "vader": _vader_classes(vader_compound(test["text"].tolist()), "irrelevant")}
        if penta is not None:
            preds["bow_lr_cross"] = _bow_lr(penta["text"], penta["label"].replace(to_quadcls), test["text"])
        preds["bow_lr_cv"] = _bow_lr_cv(test["text"], test["label"], seed=seed)
        preds["bow_lr_cv_same_coverage"] = same_coverage(preds["bow_lr_cv"], preds["toolkit"], "irrelevant")
        labels = ["irrelevant", *QUAD]
        results.append(_score_systems(
            "escalation.quadclass", "un-quadclass-dev", test, preds, labels, evidence=ev,
            n_boot=n_boot, seed=seed, average=QUAD,
            notes="Labels read as 0 irrelevant, 1 material conflict, 2 material cooperation, "
                  "3 verbal conflict, 4 verbal cooperation (verified against the source "
                  "repository's binary files; the shared README's order does not match the file). "
                  "Macro-F1 over the four quad classes; 'irrelevant' = no cue or statements only. "
                  "bow_lr_cross is trained on the CAMEO pentaclass set (statement -> irrelevant). "
                  "bow_lr_cv_same_coverage: bow_lr_cv where the toolkit codes a class, 'irrelevant' "
                  "where it codes none (the two compared on the same sentences)."))
    if penta is not None:
        test = _limit(penta, limit)
        # The set follows the Phoenix quad convention (appeals are statements, "reduce
        # relations" is verbal conflict): sentences with `urge`/`call on` are labelled 0 and
        # those with `impose sanctions`/`suspend aid` 3. The lexicon's own scheme is reported
        # in the notes as a sensitivity check.
        tk, ev = toolkit_classes(test["text"].tolist(), rules=RULES, scheme="phoenix")
        own, _ = toolkit_classes(test["text"].tolist(), rules=("first",))
        own_f1 = classification_scores(test["label"], _to_quad(own["first"], "statement"), n_boot=0,
                                       labels=["statement", *QUAD])
        own_f1 = float(own_f1.query("label == 'macro' and metric == 'f1'")["value"].iloc[0])
        preds = {"toolkit": _to_quad(tk["first"], "statement"),
                 "toolkit_strongest_act": _to_quad(tk["strongest"], "statement"),
                 "toolkit_events_main": _to_quad(events_main_classes(test["text"].tolist(),
                                                                     scheme="phoenix"), "statement"),
                 "vader": _vader_classes(vader_compound(test["text"].tolist()), "statement")}
        if quad is not None:
            preds["bow_lr_cross"] = _bow_lr(quad["text"], quad["label"].replace(to_penta), test["text"])
        preds["bow_lr_cv"] = _bow_lr_cv(test["text"], test["label"], seed=seed)
        labels = ["statement", *QUAD]
        results.append(_score_systems(
            "escalation.pentaclass", "cameo-pentaclass", test, preds, labels, evidence=ev,
            n_boot=n_boot, seed=seed,
            notes="Macro-F1 over all five classes. 'statement' = no cue or statements only. "
                  "Event classes use the Phoenix quad convention of this set (CAMEO 01-02 "
                  "statement, 16 verbal conflict; toolkit.escalation.quad_classes(scheme="
                  f"'phoenix')); with the lexicon's own scheme macro-F1 is {own_f1:.3f}. "
                  "bow_lr_cross is trained on the UN QuadClass set (irrelevant -> statement)."))
    if unscon is not None:
        # A negative evaluation evaluates a party; a sentence that only names a danger or a
        # weapon (a reference deciding its class: "the threat of terrorism") evaluates none.
        tk, ev = toolkit_classes(unscon["text"].tolist(), rules=RULES, references_decide=False)
        conflict = {"verbal_conflict", "material_conflict"}
        preds = {"toolkit": [NEG if c in conflict else NOT_NEG for c in tk["first"]],
                 "toolkit_strongest_act": [NEG if c in conflict else NOT_NEG for c in tk["strongest"]],
                 # as sentence_escalation shows it: a reference alone decides the class too
                 "toolkit_as_table": [NEG if c in conflict else NOT_NEG for c in
                                      toolkit_classes(unscon["text"].tolist(), rules=RULES)[0]["first"]],
                 "vader": np.where(vader_compound(unscon["text"].tolist()) <= -0.05, NEG, NOT_NEG).tolist()}
        train = pd.concat([d for d in (quad, penta) if d is not None], ignore_index=True)
        if len(train):
            y = np.where(train["label"].isin(conflict), NEG, NOT_NEG)
            preds["bow_lr_cross"] = _bow_lr(train["text"], y, unscon["text"])
        preds["bow_lr_cv"] = _bow_lr_cv(unscon["text"], unscon["label"], seed=seed)
        results.append(_score_systems(
            "escalation.unscon_negeval", "unscon", unscon, preds, [NEG, NOT_NEG], evidence=ev,
            n_boot=n_boot, seed=seed, average=[NEG, NOT_NEG],
            notes="Positive = A0 is Direct_NegEval or Indirect_NegEval. toolkit: the first act is "
                  "verbal or material conflict (a sentence whose class a reference decides, with no "
                  "act, is not an evaluation of a party); toolkit_as_table: the class the sentence_escalation "
                  "table gives (a reference alone decides it too). bow_lr_cross trained on QuadClass + CAMEO "
                  "(conflict classes positive)."))
        targets = evaluate_targets(unscon, n_boot=n_boot, seed=seed)
        if targets is not None:
            results.append(targets)
    return results
