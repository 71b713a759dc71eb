"""Escalation language: CAMEO/Goldstein-scored cues with modality, who-toward-whom and trends.

Each cue of the ``escalation`` lexicon (CAMEO root categories 01-20 with their Goldstein weights,
plus diplomatic markers such as red lines, "respond accordingly" and nuclear signalling) becomes
one row of the ``escalation`` table, with

* its **kind**: ``act`` (an act or speech act), ``reference`` (a weapon, a kind of actor or a
  danger merely named, the lexicon's ``references``: "the threat of terrorism", "armed groups")
  or ``statement`` (a neutral speech act, or a phrase that outranks a conflict word);

* its **modality** (``asserted``, ``future``, ``conditional``, ``hypothetical``, ``negated``,
  ``cessation``, ``question``, ``reported``), read from the tokens around it (``cessation``: a
  conflict act whose end is called for or ordered, "must stop its shelling", "an end to the
  attacks", which is a demand aimed at whoever does it, not an act of peace), and a ``hedge`` flag
  (``hedged``/``boosted``); the lexicon's YAML holds every factor and marker word (a
  cooperative act after an opposing verb and a danger after a countering word, "combat
  piracy", count as negated);
* its **intensity**: the product of the intensifiers/softeners next to it ("stern warning");
* its **score** = ``weight x modality factor x intensity x hedge factor`` on the Goldstein
  scale (negative = conflict, positive = cooperation);
* **who toward whom**: ``source_actor`` (the quote's speaker when the cue is inside a quote,
  except for material acts whose own subject is named inside the quotation, else
  the first actor mention of the cue's clause that is not inside a prepositional phrase, its
  subject, or without one the nearest such mention before the cue) and
  ``target_actor`` (the first other actor mentioned after the cue: its object, its
  to/against/toward phrase or the subject of its condition), from the ``mentions`` and
  ``quotes`` tables of :mod:`toolkit.actors` and :mod:`toolkit.quotes`, which the pipeline
  always runs before this step (:func:`find_cues` called without them leaves sources null).

``sentence_escalation`` has one row per sentence: the summed score and the ``event_class`` of its
first act (``none``, ``statement``, ``verbal_cooperation``, ``material_cooperation``,
``verbal_conflict``, ``material_conflict``), read as an event coder reads it (an announced
material act is verbal, refused cooperation a refusal, a claim of responsibility a statement;
a weapon, a kind of actor or a danger merely named, the lexicon's ``references``, decides only
in a sentence with no act, and an act in an opening prepositional phrase only when the main
clause has none), comparable with human event coding. :func:`main_event_sentences` reads the
same table from each sentence's main event in the ``events`` table (``event_rule="main"``).

Aggregates: :func:`document_index`, :func:`dyad_index`, :func:`timeseries` (document bootstrap
intervals), :func:`evidence` (the sentences behind a number) and :func:`events` (CAMEO-style
event records).

The escalation index of a group of cues is ``-mean(score)`` over its non-statement cues: the
negated mean modality-weighted Goldstein score, so that positive values are net escalatory,
in Goldstein units (-10..+10), comparable across documents of any length (the average
Goldstein score per dyad-period of event-data research). ``per_1k`` gives the volume:
``-sum(score)`` per 1,000 tokens.

Notes:
    CAMEO: Gerner, Schrodt, Yilmaz & Abu-Jabr (2002); Schrodt (2012) CAMEO codebook 1.1b3.
    Goldstein, J. S. (1992), A Conflict-Cooperation Scale for WEIS Events Data, JCR 36(2).
    Quad classes: Duval & Thompson (1980). Modality: Palmer (2001); hedges: Hyland (2005).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import lexicon as lexmod
from .annotator import Annotator, Chunk
from .tokenize import column_array, iter_rows, vocabulary, word_mask

LEXICON = "escalation"
COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "cue", "category", "cameo", "goldstein",
           "quad_class", "kind", "weight", "modality", "hedge", "intensity", "score", "reported",
           "source_actor", "target_actor", "source"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "score", "event_class", "n_cues",
                    "top_cue", "top_cameo"]
EVENT_CLASSES = ("none", "statement", "verbal_cooperation", "material_cooperation",
                 "verbal_conflict", "material_conflict")
# What a cue is (column ``kind``): an act or speech act, a reference (a weapon, a kind of actor
# or a danger merely named, the lexicon's ``references``: "the threat of terrorism"), or a
# statement (a neutral speech act, or a phrase that outranks a conflict word: "Cold War").
KINDS = ("act", "reference", "statement")
MODALITIES = ("asserted", "future", "conditional", "hypothetical", "negated", "question", "reported",
              "cessation")
# Modalities a lexicon may leave out of its ``modality.factors`` (then never assigned).
_OPTIONAL_MODALITIES = frozenset({"cessation"})
MODIFIER_CATEGORIES = ("intensifier", "softener")
# GDELT/Phoenix numbering of the quad classes, for the event export.
QUAD_NUMBER = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
               "material_conflict": 4}
_FLIP = {"verbal_conflict": "verbal_cooperation", "material_conflict": "material_cooperation",
         "verbal_cooperation": "verbal_conflict", "material_cooperation": "material_conflict"}
# A material act announced for the future ("will release", "willing to withdraw") is a verbal
# act of the same side: CAMEO codes intents to cooperate (03, incl. 035 intent to yield) and
# threats (13) as verbal. Negated, conditional and hypothetical acts keep their class: on the dev
# sets' tune halves making them verbal too helped news (CAMEO) but hurt UN text, where
# "prevent"/"shall"/"if" mark policy acts that coders code as material.
_NOT_DONE = frozenset({"future"})
_ABOUT_ACT = frozenset({"015", "016"})
_VERBAL = {"material_conflict": "verbal_conflict", "material_cooperation": "verbal_cooperation"}
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "--"})
# A quotation long enough to be speech rather than a scare-quoted term (fallback without quotes).
_LONG_QUOTE = re.compile(r"“[^”]{20,}”|\"[^\"\n]{20,}\"")
_QUOTE_KINDS_NOT_SPEECH = ("scare", "title", "term", "mention")


@dataclass(frozen=True)
class ModalityConfig:
    """Factors and marker words of the lexicon's ``modality`` and ``actors`` sections."""

    precedence: tuple[str, ...]
    factors: dict
    hedge_factors: dict
    window: int
    negators: frozenset
    negating_verbs: frozenset
    opposing_verbs: frozenset
    negating_phrases: tuple
    conditional: tuple
    hypothetical: frozenset
    future: tuple
    hedges: frozenset
    boosters: tuple
    reporting_verbs: frozenset
    first_person: frozenset
    blockers: frozenset
    references: frozenset = frozenset()
    countering: tuple = ()
    clause_openers: frozenset = frozenset()
    helping: frozenset = frozenset()
    armed_actors: frozenset = frozenset()
    ceasing: tuple = ()
    ceasing_frames: tuple = ()
    suffering: frozenset = frozenset()
    ceasing_blockers: frozenset = frozenset()


def modality_config(lex: lexmod.Lexicon) -> ModalityConfig:
    """Read the modality factors and markers from a lexicon's metadata.

    Raises:
        ValueError: a factor or marker list is missing.

    Example:
        >>> cfg = modality_config(lexmod.load("escalation"))
        >>> cfg.factors["conditional"], cfg.factors["negated"]
        (0.7, -0.5)
    """
    m = lex.meta.get("modality")
    a = lex.meta.get("actors") or {}
    if not m or "factors" not in m:
        raise ValueError(f"lexicon {lex.tag} has no `modality.factors`; an escalation lexicon needs "
                         f"factors for {list(MODALITIES)}")
    missing = [k for k in MODALITIES if k not in m["factors"] and k not in _OPTIONAL_MODALITIES]
    if missing:
        raise ValueError(f"lexicon {lex.tag}: `modality.factors` lacks {missing}")
    low = lambda xs: tuple(str(x).lower() for x in xs or ())
    return ModalityConfig(
        precedence=tuple(m.get("precedence", MODALITIES)), factors=dict(m["factors"]),
        hedge_factors=dict(m.get("hedge_factors", {})), window=int(m.get("window", 4)),
        negators=frozenset(low(m.get("negators"))), negating_verbs=frozenset(low(m.get("negating_verbs"))),
        opposing_verbs=frozenset(low(m.get("opposing_verbs"))),
        negating_phrases=low(m.get("negating_phrases")), conditional=low(m.get("conditional_markers")),
        hypothetical=frozenset(low(m.get("hypothetical_markers"))), future=low(m.get("future_markers")),
        hedges=frozenset(low(m.get("hedges"))), boosters=low(m.get("boosters")),
        reporting_verbs=frozenset(low(m.get("reporting_verbs"))),
        first_person=frozenset(low(m.get("first_person"))),
        blockers=frozenset(low(a.get("subject_blockers"))),
        references=frozenset(low(lex.meta.get("references"))),
        countering=low(m.get("countering")),
        clause_openers=frozenset(low(a.get("clause_openers"))),
        helping=frozenset(low(a.get("helping"))), armed_actors=frozenset(low(a.get("armed_actors"))),
        ceasing=low(m.get("ceasing")) if "cessation" in m["factors"] else (),
        ceasing_frames=low(m.get("ceasing_frames")), suffering=frozenset(low(a.get("suffering"))),
        ceasing_blockers=frozenset(low(m.get("ceasing_blockers"))))


@functools.lru_cache(maxsize=8)
def _load(name: str) -> tuple[lexmod.Lexicon, ModalityConfig]:
    lex = lexmod.load(name)
    return lex, modality_config(lex)


def _phrase_flags(lower: pd.Series, lemma: pd.Series, sent_key: np.ndarray,
                  phrases: Sequence[str]) -> np.ndarray:
    """Flag the first token of every occurrence of any (multi-word) phrase, inside one sentence.

    Word masks are look-ups per distinct token (:func:`toolkit.tokenize.word_mask`) computed once
    per word; phrases are joined by shifting boolean masks, so the cost is linear in tokens
    whatever the number of phrases.
    """
    n = len(lower)
    out = np.zeros(n, dtype=bool)
    masks: dict[str, np.ndarray] = {}
    for phrase in phrases:
        words = phrase.split()
        hit = np.ones(n, dtype=bool)
        for k, w in enumerate(words):
            if w not in masks:
                masks[w] = word_mask(lower, (w,)) | word_mask(lemma, (w,))
            shifted = np.zeros(n, dtype=bool)
            shifted[: n - k] = masks[w][k:] & (sent_key[k:] == sent_key[: n - k])
            hit &= shifted
        out |= hit
    return out


def _token_features(tokens: pd.DataFrame, cfg: ModalityConfig) -> dict[str, np.ndarray]:
    """Per-token boolean marker flags and prefix sums, computed once per chunk (vectorised)."""
    lower_s, lemma_s = tokens["lower"], tokens["lemma"]
    lower = column_array(lower_s)
    doc = vocabulary(tokens["doc_id"])[0]
    sent = tokens["sent_id"].to_numpy()
    n = len(tokens)
    new_sent = np.ones(n, dtype=bool)
    if n:
        new_sent[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
    sent_key = np.cumsum(new_sent)
    brk = word_mask(lower_s, _CLAUSE_BREAKS)
    clause_key = np.cumsum(new_sent | brk)
    # Sentence-initial `should` ("Should Washington lift ...") is conditional; elsewhere it is
    # deontic ("States, including X, should uphold ...").
    prev_punct = new_sent.copy()
    if n:
        prev_punct[1:] |= word_mask(lower_s, ("“", '"', "‘", "("))[:-1] & new_sent[:-1]
    cond = _phrase_flags(lower_s, lemma_s, sent_key, [c for c in cfg.conditional if c != "should"])
    if "should" in cfg.conditional:
        cond |= (lower == "should") & prev_punct
    as_if = np.zeros(n, dtype=bool)
    as_if[1:] = (lower[1:] == "if") & (lower[:-1] == "as")
    cond &= ~as_if
    flags = {
        "neg_word": word_mask(lower_s, cfg.negators),
        "neg_verb": word_mask(lemma_s, cfg.negating_verbs),
        "neg_phrase": _phrase_flags(lower_s, lemma_s, sent_key, cfg.negating_phrases),
        # matched on the word's own form: "stop its shelling" is called for, "stopped" done
        "cease": _phrase_flags(lower_s, lower_s, sent_key, cfg.ceasing),
        "oppose": word_mask(lemma_s, cfg.opposing_verbs),
        "counter": _phrase_flags(lower_s, lemma_s, sent_key, cfg.countering),
        "hyp": word_mask(lower_s, cfg.hypothetical),
        "fut": _phrase_flags(lower_s, lemma_s, sent_key, cfg.future),
        "hedge": word_mask(lower_s, cfg.hedges) | word_mask(lemma_s, cfg.hedges),
        "boost": _phrase_flags(lower_s, lemma_s, sent_key, cfg.boosters),
        "report": word_mask(lemma_s, cfg.reporting_verbs),
        "first": word_mask(lower_s, cfg.first_person),
    }
    feats = {k: np.concatenate(([0], np.cumsum(v))) for k, v in flags.items()}
    feats.update(sent_key=sent_key, clause_key=clause_key, cond=cond, lower=lower)
    # The last word at or before each row that opens a clause (a complementizer, a relative
    # pronoun, a subordinator or a reporting verb): a subject is sought after it.
    opens = flags["report"] | word_mask(lower_s, cfg.clause_openers)
    feats["last_opener"] = np.maximum.accumulate(np.where(opens, np.arange(n), -1)) if n else opens
    # The last ceasing word and the last word that frames a demand (`must`, `urge`, `call`, ...)
    # at or before each row: a cessation is called for only inside such a frame.
    frame = _phrase_flags(lower_s, lemma_s, sent_key, cfg.ceasing_frames)
    stop_talk = opens | word_mask(lemma_s, cfg.ceasing_blockers)
    for name, mask in (("last_cease", flags["cease"]), ("last_frame", frame), ("last_stop_talk", stop_talk),
                       ("last_neg", flags["neg_word"] | flags["neg_verb"])):
        feats[name] = np.maximum.accumulate(np.where(mask, np.arange(n), -1)) if n else np.zeros(0, dtype=int)
    feats["imperative"] = flags["cease"] & prev_punct
    # First row of each clause and sentence, indexed by key.
    feats["clause_first"] = np.concatenate(([0], np.flatnonzero(np.diff(clause_key)) + 1))
    feats["sent_first"] = np.concatenate(([0], np.flatnonzero(np.diff(sent_key)) + 1))
    return feats


def _window_any(csum: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    return (csum[hi] - csum[lo]) > 0


def _dedupe_spans(hits: pd.DataFrame) -> pd.DataFrame:
    """One entry per span: the entry listed first in the lexicon (lowest ``entry_id``) wins.

    An entry that must outrank another on the same span is listed before it in the CSV (the
    matcher's hits carry no ``match_on``, so a per-entry ``match_on`` does not rank).
    """
    if hits.empty:
        return hits
    # Hits come in document order; keep it (sorting by the id string would reorder documents).
    doc = pd.factorize(hits["doc_id"], sort=False)[0]
    hits = hits.assign(_doc=doc).sort_values(["_doc", "start", "end", "entry_id"], kind="stable")
    return hits.drop_duplicates(["doc_id", "start", "end"]).drop(columns=["_doc"])


def _lead_adverbs(lex) -> frozenset:
    """The lexicon's one-word intensifiers and softeners that are adverbs in -ly (``firmly``,
    ``strongly`` ...): a cue entry that starts with one (``firmly oppose``) has its act in the
    word after it; the adjectives (``serious consequence``) head no verb and are left alone."""
    e = lex.entries
    one = e[e["category"].isin(MODIFIER_CATEGORIES) & ~e["entry"].str.contains(" ", regex=False)]
    return frozenset(w for w in one["entry"].str.lower() if w.endswith("ly"))


def _verb_first(hits: pd.DataFrame, tokens: pd.DataFrame, texts: Mapping[str, str],
                adverbs: frozenset) -> pd.DataFrame:
    """Cues of an entry that opens with a degree adverb of the lexicon (``firmly oppose``,
    ``strongly oppose``) start at the word after the adverb, so that the cue's first word is its
    verb (the events step takes a cue's act from the predicate at its first word; "Tarsk firmly
    opposes the plan" was an uncoded ``opposes``). The entry, its weight and its span's end stay;
    the adverb is left outside the evidence span.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> t = "Tarsk firmly opposes the plan."
        >>> _, toks = tokenize_documents(["d"], [t])
        >>> find_cues(toks, {"d": t})[["text", "cue", "category"]].values.tolist()
        [['opposes', 'firmly oppose', 'reject']]
    """
    if hits.empty or not adverbs:
        return hits
    ents = hits["entry"].astype(str).str.lower().str.split(" ")
    lead = np.array([len(w) > 1 and w[0] in adverbs and w[1] != "..." for w in ents.tolist()], dtype=bool)
    lead &= ~hits["category"].isin(MODIFIER_CATEGORIES).to_numpy()
    if not lead.any():
        return hits
    hits = hits.copy()
    first_row = {d: a for d, (a, _) in _row_bounds(tokens).items()}
    tok_start = tokens["start"].to_numpy()
    idx = np.flatnonzero(lead)
    docs = hits["doc_id"].to_numpy()[idx]
    rows = np.array([first_row[d] for d in docs], dtype=int) + hits["tok_start"].to_numpy()[idx].astype(int) + 1
    new_start = tok_start[rows].astype(int)
    ends = hits["end"].to_numpy()[idx].astype(int)
    cols = hits.columns
    hits.iloc[idx, cols.get_loc("start")] = new_start
    hits.iloc[idx, cols.get_loc("tok_start")] = hits["tok_start"].to_numpy()[idx] + 1
    hits.iloc[idx, cols.get_loc("text")] = [texts[d][a:b] for d, a, b in zip(docs, new_start, ends)]
    return hits


@functools.lru_cache(maxsize=8)
def _frames_of(lex) -> tuple | None:
    """The lexicon's ``speech_frames`` section, read once: speech verbs, copulas, the evaluative
    CAMEO codes, subjects that are the speaker's own side, and each modal with the entry whose
    act it gives the speaker (``should`` -> ``urge``); None when the section is absent."""
    f = lex.meta.get("speech_frames")
    if not f:
        return None
    low = lambda xs: frozenset(str(x).lower() for x in xs or ())
    e = lex.entries
    acts = {}
    for modal, entry in (f.get("modals") or {}).items():
        row = e[e["entry"] == entry]
        if row.empty:
            raise ValueError(f"lexicon {lex.tag}: speech_frames.modals.{modal} names {entry!r}, no entry")
        acts[str(modal).lower()] = row.iloc[0]
    return (low(f.get("verbs")), low(f.get("copulas")), low(f.get("evaluative_cameo")),
            low(f.get("own_side")), acts, int(f.get("reach", 3)), low(f.get("between")),
            low(f.get("experiencer")), low(f.get("conduct_nouns")), low(f.get("subject_ends")))


def _speech_frames(hits: pd.DataFrame, tokens: pd.DataFrame, lex) -> pd.DataFrame:
    """A plain speech verb (``said``, CAMEO 010) takes the act its reported clause performs
    (lexicon ``speech_frames``), so the speaker's row is the act and not a bare statement:

    * an evaluative predicate: a criticism cue (110/111) right after a copula ("said the strikes
      were unacceptable", "said the decision was a grave mistake") makes the speech a criticism;
    * a deontic modal whose subject is another party, followed by an act of the lexicon within
      ``reach`` words ("Orsk should consider reviving talks, X said", "Y must withdraw its
      troops") makes it an appeal (``should``, ``ought``) or a demand (``must``).

    The speech cue keeps its entry and span and gets the act's category, CAMEO code, Goldstein
    value and quad class; its weight stays 0, so scores do not count the act twice. An
    epistemic modal with no act after it ("the weather should improve") and a modal of the
    speaker's own side ("we must act") leave it a statement.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> t = "Velmar said the blockade was unacceptable. Orsk should resume talks, Tarsk said."
        >>> _, toks = tokenize_documents(["d"], [t])
        >>> c = find_cues(toks, {"d": t})
        >>> c.loc[c["cue"] == "say", ["text", "category", "cameo", "weight"]].values.tolist()
        [['said', 'disapprove', '111', 0.0], ['said', 'appeal', '020', 0.0]]
    """
    frames = _frames_of(lex)
    if hits.empty or frames is None:
        return hits
    verbs, copulas, evaluative, own, acts, reach, fillers, experiencer, conduct, ends = frames
    speech = (hits["entry"].isin(verbs) & (hits["cameo"].astype(str) == "010")).to_numpy()
    if not speech.any():
        return hits
    first_row = {d: a for d, (a, _) in _row_bounds(tokens).items()}
    lower = tokens["lower"].tolist()
    words = tokens["text"].tolist()
    sent_of = tokens["sent_id"].to_numpy()
    docs, sents = hits["doc_id"].tolist(), hits["sent_id"].tolist()
    rows = [first_row[d] + int(t) for d, t in zip(docs, hits["tok_start"].tolist())]
    cameo, quad = hits["cameo"].astype(str).tolist(), hits["quad_class"].tolist()
    by_sent: dict[tuple, list[int]] = defaultdict(list)
    for i, key in enumerate(zip(docs, sents)):
        by_sent[key].append(i)
    hits = hits.copy()
    cols = ["category", "cameo", "goldstein", "quad_class"]
    for c in cols + ["weight"]:   # the statement's own codes, for _unframe_accusations
        hits["_said_" + c] = hits[c]
    hits["_frame_lo"], hits["_frame_hi"], hits["_obliged_row"] = -1, -1, -1
    ends_at = [first_row[d] + int(t) for d, t in zip(docs, hits["tok_end"].tolist())]
    for key, idx in by_sent.items():
        # a finite speech verb ("to say nothing" is none)
        says = [i for i in idx if speech[i] and not (rows[i] > 0 and lower[rows[i] - 1] == "to")]
        if not says:
            continue
        said = min(rows[i] for i in says)
        src, span = None, (-1, -1)
        for i in idx:   # an evaluative predicate: a criticism right after a copula
            r = rows[i]
            if cameo[i] in evaluative and _after_copula(lower, sent_of, r, copulas, fillers, reach,
                                                        floor=first_row[key[0]]) \
                    and (r > said or "," in lower[r:said]):   # before the verb: "..., X said"
                lo = said + 1 if r > said else _sentence_first(sent_of, r, first_row[key[0]])
                lo += lower[lo] == "that"
                if _evaluates_conduct(lower, words, rows, ends_at, idx, cameo, r, ends_at[i], lo,
                                      (experiencer, conduct, ends, copulas), named_first=r > said):
                    src, span = hits.iloc[i], (lo, ends_at[i])
                break
        obliged = -1
        if src is None:   # the modal frame before its speech verb ("Y must go, X said") or after
            found = _modal_act(idx, rows, lower, words, sent_of, cameo, quad, acts, own, reach, speech,
                               before=said, floor=first_row[key[0]])
            if found is None:   # ("X said Y must go")
                found = _modal_act(idx, rows, lower, words, sent_of, cameo, quad, acts, own, reach, speech,
                                   before=said, floor=first_row[key[0]], after=said)
            if found is not None:
                src, obliged = found
        if src is None:
            continue
        for i in says:
            for c in cols:
                hits.iat[i, hits.columns.get_loc(c)] = src[c]
            hits.iat[i, hits.columns.get_loc("weight")] = 0.0
            hits.iat[i, hits.columns.get_loc("_frame_lo")] = span[0]
            hits.iat[i, hits.columns.get_loc("_frame_hi")] = span[1]
            hits.iat[i, hits.columns.get_loc("_obliged_row")] = obliged
    return hits


def _unframe_accusations(cues: pd.DataFrame, source_actor, base: np.ndarray) -> pd.DataFrame:
    """A speech verb that ``_speech_frames`` made a criticism goes back to its statement when
    its evaluated clause holds a conflict act of another party (a cue of the conflict quad
    classes whose doer is an actor other than the speaker's): "Turkey said the Swedish decision
    was disappointing", "Qatar said the Israeli strike was a violation of its sovereignty". The
    events step reads that report as the speaker's accusation of the doer (claim.accuse, CAMEO
    112, with the doer as target), a stronger act than a criticism aimed at no one.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> t = "Velmar said the blockade was unacceptable."
        >>> _, toks = tokenize_documents(["d"], [t])
        >>> find_cues(toks, {"d": t})["cameo"].tolist()[:1]
        ['111']
    """
    if "_frame_lo" not in cues.columns or not (cues["_frame_lo"].to_numpy() >= 0).any():
        return cues
    lo, hi = cues["_frame_lo"].to_numpy().astype(int), cues["_frame_hi"].to_numpy().astype(int)
    row = base + cues["tok_start"].to_numpy().astype(int)
    conflict = cues["quad_class"].isin(["verbal_conflict", "material_conflict"]).to_numpy()
    keys = list(zip(cues["doc_id"].tolist(), cues["sent_id"].tolist()))
    cues = cues.copy()
    for i in np.flatnonzero(lo >= 0):
        speaker = source_actor[i]
        near = np.flatnonzero((row >= lo[i]) & (row < hi[i]) & conflict)
        if any(keys[j] == keys[i] and j != i and isinstance(source_actor[j], str)
               and source_actor[j] != speaker for j in near):
            for c in ("category", "cameo", "goldstein", "quad_class", "weight"):
                cues.iat[i, cues.columns.get_loc(c)] = cues["_said_" + c].iat[i]
    return cues


def _unframe_own_obligations(cues: pd.DataFrame, source_actor, actor_idx: dict,
                             tok_start: np.ndarray) -> pd.DataFrame:
    """A speech verb that ``_speech_frames`` made a demand or appeal ("X said Y must ...") goes
    back to its statement when the party told what it must do is the speaker's own actor,
    named by a word the frame's own-side test cannot see ("The Israeli prime minister said
    Israel must ...", "Russian Foreign Minister Sergei Lavrov said Russia must respond"): a
    state's leader saying what the state must do demands nothing of another party (the events
    step aims that statement at the obliged act's target, ``target.reported_obliged_act``).

    Example:
        >>> import pandas as pd, toolkit
        >>> t = ["The Israeli prime minister said Israel must destroy Hamas.",
        ...      "The Israeli prime minister said Iran must end its attacks."]
        >>> a = toolkit.analyze(pd.DataFrame({"doc_id": ["a", "b"], "text": t}), annotators=["escalation"],
        ...                     workers=1, cache=False, progress=False)["escalation"]
        >>> a.loc[a["cue"] == "say", ["doc_id", "cameo"]].values.tolist()
        [['a', '010'], ['b', '100']]
    """
    if "_obliged_row" not in cues.columns or not (cues["_obliged_row"].to_numpy() >= 0).any():
        return cues
    ob = cues["_obliged_row"].to_numpy().astype(int)
    cues = cues.copy()
    for i in np.flatnonzero(ob >= 0):
        speaker = source_actor[i]
        found = actor_idx.get((cues["doc_id"].iat[i], int(cues["sent_id"].iat[i])))
        if not isinstance(speaker, str) or found is None:
            continue
        at = int(tok_start[ob[i]])
        if any(a <= at < b and actor == speaker for a, b, actor in zip(found[0], found[1], found[2])):
            for c in ("category", "cameo", "goldstein", "quad_class", "weight"):
                cues.iat[i, cues.columns.get_loc(c)] = cues["_said_" + c].iat[i]
    return cues


def _announced_threats(cues: pd.DataFrame, source_actor, flags: dict, lex, rows) -> pd.DataFrame:
    """A plain speech verb (CAMEO 010, not framed, not negated) whose sentence announces a
    material conflict act of the speaker's own actor as the consequence of a condition takes the
    threat entry of the lexicon (``speech_frames.announced``): a future or hypothetical modal
    before the act ("will", "would"), the condition word after it ("if", "unless"), and no
    condition word nor negator between the speech verb (or the sentence's start, when the act
    comes first) and the act: "Mexico's president said Mexico would impose tariffs if
    Washington ...", "Tarsk said it will expel the envoys unless ...". CAMEO 13 (threaten) is a
    conflict act announced contingent on the target's conduct; the act stays its own row with
    its modality. An unconditioned announcement ("said it would restrict exports") is the
    announced act itself, as wire coders code it, and stays a statement; so do another party's
    act ("said Orsk would attack if ...": a prediction or a claim), an act inside the condition
    ("would send aid if the fighting stopped") and a denied intent ("had no intention of going
    to war"). The speech cue's weight stays 0 (no score counted twice). ``rows``: each cue's
    first token row, its sentence's first row, the per-token flags of condition words, and the
    running count of negators (a cumulative sum, as :func:`_token_features` gives).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> t = "Velmar said it would expel the envoys if Orsk refused."
        >>> _, toks = tokenize_documents(["d"], [t])
        >>> find_cues(toks, {"d": t})[["text", "cameo"]].values.tolist()[:1]   # no actors: no source
        [['said', '010']]
    """
    f = lex.meta.get("speech_frames") or {}
    entry = f.get("announced")
    if not entry or cues.empty:
        return cues
    e = lex.entries
    row = e[e["entry"] == entry]
    if row.empty:
        raise ValueError(f"lexicon {lex.tag}: speech_frames.announced names {entry!r}, no entry")
    threat = row.iloc[0]
    verbs = frozenset(str(x).lower() for x in f.get("verbs") or ())
    cameo = cues["cameo"].astype(str).to_numpy()
    speech = cues["entry"].isin(verbs).to_numpy() & (cameo == "010") & ~flags["negated"] & ~flags["question"]
    if not speech.any():
        return cues
    r0, sent_lo, cond, neg, lower, modal = rows
    announced = (cues["quad_class"].to_numpy() == "material_conflict") & flags["conditional"] & \
        (flags["future"] | flags["hypothetical"]) & ~flags["negated"] & ~flags["question"]
    keys = list(zip(cues["doc_id"].tolist(), cues["sent_id"].tolist()))
    by_sent: dict[tuple, list[int]] = defaultdict(list)
    for j in np.flatnonzero(announced).tolist():
        by_sent[keys[j]].append(j)
    cues = cues.copy()
    for i in np.flatnonzero(speech).tolist():
        speaker = source_actor[i]
        if not isinstance(speaker, str):
            continue
        for j in by_sent.get(keys[i], ()):
            lo = r0[i] + 1 if r0[i] < r0[j] else sent_lo[j]
            if source_actor[j] == speaker and not cond[lo:r0[j]].any() and neg[r0[j]] == neg[lo] \
                    and _governed_by_modal(lower, modal, lo, r0[j]):
                for c in ("category", "cameo", "goldstein", "quad_class"):
                    cues.iat[i, cues.columns.get_loc(c)] = threat[c]
                cues.iat[i, cues.columns.get_loc("weight")] = 0.0
                break
    return cues


# words that may stand between the modal and the announced act's verb ("would then impose",
# "will be forced to retaliate", "is going to expel")
_MODAL_GAP = frozenset("be have to forced compelled obliged going then also again further still "
                       "certainly not".split())


def _governed_by_modal(lower, modal, lo: int, r: int) -> bool:
    """Whether the act cue at row ``r`` is the verb of the last future or hypothetical modal
    between rows ``lo`` and ``r`` (only adverbs and auxiliaries between): "would impose
    tariffs", "will be forced to retaliate". Not when another verb comes first, whose object
    the cue only names: "would release frozen funds if ..." promises a release, not a freeze.
    With no modal in that span the announced flag came from further back: True.

    Example:
        >>> import numpy as np
        >>> w = np.array("it would release frozen funds".split())
        >>> m = np.array([False, True, False, False, False])
        >>> _governed_by_modal(w, m, 0, 3), _governed_by_modal(w, m, 0, 2)
        (False, True)
    """
    hits = np.flatnonzero(modal[lo:r])
    if not len(hits):
        return True
    return all(str(x) in _MODAL_GAP or str(x).endswith("ly") for x in lower[lo + int(hits[-1]) + 1:r])


def _sentence_first(sent_of, r: int, floor: int) -> int:
    """The first token row of the sentence of row ``r``, not before its document's first row
    ``floor`` (rows of a sentence are contiguous; sentence ids restart in each document)."""
    while r > floor and sent_of[r - 1] == sent_of[r]:
        r -= 1
    return r


def _evaluates_conduct(lower, words, rows, ends_at, idx, cameo, r: int, end: int, lo: int,
                       lists, named_first: bool = True) -> bool:
    """Whether the criticism at rows ``r``..``end`` after a copula judges an act or a party's
    conduct, so that the speech verb reporting it is a criticism (``_speech_frames``). Not when
    it is a progressive verb with an object ("Orsk was provoking a conflict": Orsk's act, which
    the events step reads as the speaker's accusation), when an experiencer follows ("was
    unacceptable to investors", "for importers": a judgment of a condition's effect on someone;
    unless the subject holds an act cue), or when the subject from row ``lo`` to the copula names no act: its head phrase (up to a
    preposition) must hold a cue of the lexicon other than a statement, a noun of conduct
    (``conduct_nouns``: decision, verdict, ...), a gerund ("the shelling"), a capitalised word
    that does not open the sentence (a party: "the Swedish decision", "said Israel's raid"), or a free relative or
    extraposed subject ("What happened ...", "It was a disgrace that ..."). Condition nouns
    ("the risk", "inflation", "the price of cocoa") name none.

    Example:
        >>> toks = "velmar said inflation was unacceptable".split()
        >>> lists = (frozenset({"to"}), frozenset({"decision"}), frozenset({"of"}), frozenset({"was"}))
        >>> _evaluates_conduct(toks, toks, [4], [5], [0], ["111"], 4, 5, 2, lists)
        False
    """
    experiencer, conduct, ends, copulas = lists
    word = lower[r]
    if end == r + 1 and word.endswith("ing") and end < len(lower) and lower[end].isalpha() \
            and lower[end] not in ("and", "or", "but"):
        return False   # "was provoking a war": a progressive verb, not a predicate adjective
    cop = r - 1
    while cop > lo and lower[cop] not in copulas:
        cop -= 1
    head = lo
    while head < cop and lower[head] not in ends:
        head += 1
    if any(lo <= rows[i] < head and cameo[i] != "010" for i in idx):
        return True   # an act the lexicon names ("the bombing ... was unacceptable to the world")
    if end < len(lower) and lower[end] in experiencer:
        return False
    return lower[lo] in ("what", "it") or any(
        lower[k] in conduct or (lower[k].endswith("ing") and len(lower[k]) > 5)
        or ((k > lo or named_first) and words[k][:1].isupper()) for k in range(lo, head))


def _after_copula(lower: Sequence[str], sent_of, r: int, copulas: frozenset, fillers: frozenset,
                  reach: int, floor: int = 0) -> bool:
    """Whether token ``r`` follows a copula of its sentence with only ``fillers`` (articles,
    degree adverbs) between, at most ``reach`` of them: "was unacceptable", "is a totally
    unacceptable", not "had been transferring oil illegally". ``floor`` is the first row of
    ``r``'s document: sentence ids restart in each document, so the last sentence of the
    document before may share ``r``'s id.

    Example:
        >>> _after_copula(["it", "was", "totally", "illegal"], [0, 0, 0, 0], 3, frozenset({"was"}),
        ...               frozenset({"totally"}), 3)
        True
    """
    k = r - 1
    while k >= floor and r - k <= reach + 1 and sent_of[k] == sent_of[r]:
        if lower[k] in copulas:
            return True
        if lower[k] not in fillers:
            return False
        k -= 1
    return False


def _modal_act(idx, rows, lower, words, sent_of, cameo, quad, acts, own, reach, speech, before,
               floor: int = 0, after: int | None = None):
    """The entry of the act a deontic modal asks of another party in the sentence of hits
    ``idx`` and the token row of the word before the modal (the party asked), or None: a modal (``acts``) before row ``before`` (the speech verb; with ``after``,
    the speech verb's row, the modal of its reported clause after it instead: "X said Y must
    end the attacks"), after a capitalised word or a noun of a party (not the speaker's own
    side, ``own``), with a cue of an act (not a plain statement) within ``reach`` words after
    it; after the speech verb, not the speaker's own name ("Sweden said Sweden must not ...":
    a capitalised word of the sentence's first four or right before the verb). ``floor``: the
    first row of the document (its first sentence has the id of the document before's last one)."""
    cue_rows = sorted(rows[i] for i in idx if not speech[i] and cameo[i] != "010"
                      and quad[i] not in ("modifier",))
    if not cue_rows:
        return None
    lo = min(rows[i] for i in idx)
    a = lo
    while a > floor and sent_of[a - 1] == sent_of[lo]:
        a -= 1
    b = min(max(rows[i] for i in idx), before)
    speaker_words: set = set()
    if after is not None:
        # the speaker's own name ("Sweden said Sweden must not ..."): the words that open the
        # sentence and the word right before the speech verb
        speaker_words = {lower[r] for r in list(range(a, min(a + 4, after))) + [after - 1] if words[r][:1].isupper()}
        a, b = after + 1, max(cue_rows)
    for k in range(a + 1, b):
        act = acts.get(lower[k])
        if act is None or sent_of[k] != sent_of[lo] or lower[k - 1] in own or lower[k - 1] in speaker_words:
            continue
        if not (words[k - 1][:1].isupper() or lower[k - 1] in ("government", "authorities", "side")):
            continue
        if any(k < r <= k + reach + (lower[k + 1] == "to") for r in cue_rows):
            return act, k - 1
    return None


def _row_bounds(tokens: pd.DataFrame) -> dict:
    """``doc_id -> (first row, one past last row)`` (rows of a document are contiguous)."""
    doc, values = vocabulary(tokens["doc_id"])
    if not len(doc):
        return {}
    firsts = np.concatenate(([0], np.flatnonzero(doc[1:] != doc[:-1]) + 1))
    lasts = np.concatenate((firsts[1:], [len(doc)]))
    return {values[d]: (int(a), int(b)) for d, a, b in zip(doc[firsts].tolist(), firsts, lasts)}


def _quote_spans(texts: Mapping[str, str], quotes: pd.DataFrame | None) -> dict[str, tuple]:
    """``doc_id -> (starts, ends, speaker_actors)`` of speech quotations (not scare quotes),
    each a list ordered by start (read per cue, so plain lists: no NumPy call per lookup)."""
    out: dict[str, tuple] = {}
    if quotes is not None and len(quotes) and {"content_start", "content_end"} <= set(quotes.columns):
        q = quotes
        if "kind" in q.columns:
            kind = q["kind"].fillna("").astype(str).str.lower()
            q = q[~kind.str.contains("|".join(_QUOTE_KINDS_NOT_SPEECH))]
        spk = q["speaker_actor"] if "speaker_actor" in q.columns else pd.Series([None] * len(q), index=q.index)
        q = q.assign(_spk=spk).dropna(subset=["content_start"])
        starts, ends = q["content_start"].to_numpy(), q["content_end"].to_numpy()
        speakers = q["_spk"].to_numpy()
        for doc_id, rows in q.groupby("doc_id", sort=False).indices.items():
            rows = rows[np.argsort(starts[rows])]
            out[doc_id] = (starts[rows].astype(int).tolist(), ends[rows].astype(int).tolist(),
                           speakers[rows].tolist())
        return out
    for doc_id, text in texts.items():
        spans = [(m.start(), m.end()) for m in _LONG_QUOTE.finditer(text)]
        if spans:
            out[doc_id] = ([a for a, _ in spans], [b for _, b in spans], [None] * len(spans))
    return out


def _actor_arrays(mentions: pd.DataFrame | None, bounds: dict, tok_start: np.ndarray,
                  blockers: frozenset, lower: np.ndarray) -> dict:
    """Per sentence ``(doc_id, sent_id) -> (starts, ends, actors, blocked)`` of actor mentions.

    ``blocked`` marks mentions inside a prepositional phrase (the token before the mention,
    skipping determiners, is a preposition), which cannot be the subject of the clause.
    Vectorised per document; the per-sentence dictionary is built from sorted arrays.
    """
    if mentions is None or mentions.empty or "actor" not in mentions.columns:
        return {}
    m = mentions[mentions["actor"].notna()]
    m = m[m["actor"].astype(str).str.len() > 0]
    if m.empty:
        return {}
    m = m.sort_values(["doc_id", "sent_id", "start"], kind="stable")
    docs = m["doc_id"].to_numpy()
    sent = m["sent_id"].to_numpy().astype(int)
    starts = m["start"].to_numpy().astype(int)
    ends = m["end"].to_numpy().astype(int)
    actors = m["actor"].astype(str).to_numpy(dtype=object)
    blocked = np.zeros(len(m), dtype=bool)
    for doc_id, i, j in lexmod._doc_slices(docs):
        if doc_id not in bounds:
            continue
        a, b = bounds[doc_id]
        rows = a + np.searchsorted(tok_start[a:b], starts[i:j], side="left") - 1
        for k, r in enumerate(rows):
            while r >= a and lower[r] in _DETERMINERS:
                r -= 1
            blocked[i + k] = r >= a and lower[r] in blockers
    key_change = np.ones(len(m), dtype=bool)
    key_change[1:] = (docs[1:] != docs[:-1]) | (sent[1:] != sent[:-1])
    firsts = np.flatnonzero(key_change).tolist()
    lasts = firsts[1:] + [len(m)]
    # Plain lists: a sentence holds a few mentions, read one by one for each of its cues.
    starts, ends, actors, blocked = starts.tolist(), ends.tolist(), actors.tolist(), blocked.tolist()
    return {(docs[i], int(sent[i])): (starts[i:j], ends[i:j], actors[i:j], blocked[i:j])
            for i, j in zip(firsts, lasts)}


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "all", "both"})


def find_cues(tokens: pd.DataFrame, texts: Mapping[str, str], *,
              mentions: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
              lexicon: str = LEXICON) -> pd.DataFrame:
    """Return the ``escalation`` table: one row per cue with modality, score and actors.

    Args:
        tokens: the tokens table of whole documents (rows of a document contiguous).
        texts: ``doc_id -> text``.
        mentions: the ``mentions`` table of :mod:`toolkit.actors` (optional).
        quotes: the ``quotes`` table of :mod:`toolkit.quotes` (optional).
        lexicon: a lexicon name or path with the escalation lexicon's columns and YAML sections.

    Returns:
        A DataFrame with :data:`COLUMNS`.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> t = "Moscow will respond accordingly if Kyiv attacks."
        >>> _, toks = tokenize_documents(["d"], [t])
        >>> find_cues(toks, {"d": t})[["text", "modality"]].values.tolist()
        [['respond accordingly', 'conditional'], ['attacks', 'conditional']]
    """
    lex, cfg = _load(str(lexicon))
    hits = _verb_first(_dedupe_spans(lex.find(tokens, texts)), tokens, texts, _lead_adverbs(lex))
    hits = _speech_frames(hits, tokens, lex)
    if hits.empty or tokens.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    is_mod = hits["category"].isin(MODIFIER_CATEGORIES).to_numpy()
    mods, cues = hits[is_mod], hits[~is_mod].reset_index(drop=True)
    if cues.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    feats = _token_features(tokens, cfg)
    bounds = _row_bounds(tokens)
    first_row = {d: a for d, (a, _) in bounds.items()}
    base = cues["doc_id"].map(first_row).to_numpy().astype(int)
    r0 = base + cues["tok_start"].to_numpy().astype(int)          # first token row of the cue
    r1 = base + cues["tok_end"].to_numpy().astype(int)            # one past its last token
    flags, hedge, sent_lo = _context_flags(cues, tokens, feats, cfg, r0, r1)
    in_quote, quote_speaker, quote_start = _quote_context(cues, _quote_spans(texts, quotes))
    actor_idx = _actor_arrays(mentions, bounds, tokens["start"].to_numpy().astype(int),
                              cfg.blockers, feats["lower"])
    # Where the cue's clause begins for its subject: after the last clause break or the last
    # word that opens a clause ("Moscow said that Kyiv attacked": Kyiv attacked).
    clause_row = feats["clause_first"][feats["clause_key"][r0] - 1]
    opener = np.where(r0 > 0, feats["last_opener"][np.maximum(r0 - 1, 0)], -1)
    clause_row = np.maximum(clause_row, opener + 1)
    clause_start = tokens["start"].to_numpy().astype(int)[np.minimum(clause_row, r0)]
    suffers = np.array([bool(cfg.suffering & set(str(e).lower().split())) for e in cues["entry"].tolist()],
                       dtype=bool)
    source_actor, target_actor, source_from_mention = _cue_actors(
        cues, actor_idx, in_quote, quote_speaker, quote_start, clause_start, suffers, texts)
    cues = _unframe_accusations(cues, source_actor, base)
    cues = _unframe_own_obligations(cues, source_actor, actor_idx, tokens["start"].to_numpy().astype(int))
    cues = _announced_threats(cues, source_actor, flags, lex,
                              (r0, sent_lo, feats["cond"], feats["neg_word"] + feats["neg_phrase"],
                               feats["lower"], (np.diff(feats["fut"]) > 0) | (np.diff(feats["hyp"]) > 0)))
    verbal = cues["quad_class"].isin(["verbal_conflict", "verbal_cooperation", "statement"]).to_numpy()
    first_person_subject = _window_any(feats["first"], sent_lo, r0)
    reported = in_quote | flags["reported"] | (verbal & source_from_mention & ~first_person_subject)
    flags["reported"] = reported
    n = len(cues)
    modality = np.full(n, "asserted", dtype=object)
    for name in reversed(cfg.precedence):  # the first in precedence wins: assign it last
        modality = np.where(flags[name], name, modality)
    intensity = _intensity(cues, mods, r0, r1, base)
    weight = pd.to_numeric(cues["weight"], errors="coerce").fillna(0.0).to_numpy()
    mfac = pd.Series(modality).map(cfg.factors).to_numpy(dtype=float)
    hfac = pd.Series(hedge).map({"hedged": cfg.hedge_factors.get("hedged", 1.0),
                                 "boosted": cfg.hedge_factors.get("boosted", 1.0)}).fillna(1.0).to_numpy()
    score = weight * mfac * intensity * hfac
    out = pd.DataFrame({
        "doc_id": cues["doc_id"].to_numpy(), "sent_id": cues["sent_id"].to_numpy().astype(int),
        "start": cues["start"].to_numpy().astype(int), "end": cues["end"].to_numpy().astype(int),
        "text": cues["text"].to_numpy(), "cue": cues["entry"].to_numpy(),
        "category": cues["category"].to_numpy(), "cameo": cues["cameo"].astype(str).to_numpy(),
        "goldstein": pd.to_numeric(cues["goldstein"], errors="coerce").to_numpy(),
        "quad_class": cues["quad_class"].to_numpy(), "kind": cue_kinds(cues, cfg.references),
        "weight": weight, "modality": modality,
        "hedge": hedge, "intensity": intensity, "score": np.round(score, 4), "reported": reported,
        "source_actor": source_actor, "target_actor": target_actor, "source": cues["source"].to_numpy()})
    return out[COLUMNS]


def cue_kinds(cues: pd.DataFrame, references) -> np.ndarray:
    """The ``kind`` of each lexicon hit (:data:`KINDS`): ``statement`` for the quad class
    ``statement``, ``reference`` for an entry of the lexicon's ``references``, else ``act``.

    A reference counts in the scores but names no act ("the threat of terrorism", "armed
    groups"); filter ``kind == "act"`` (with ``source_actor``/``target_actor`` for a party) to
    count acts.

    Example:
        >>> c = pd.DataFrame({"entry": ["attack", "terrorism", "say"],
        ...                   "quad_class": ["material_conflict", "material_conflict", "statement"]})
        >>> cue_kinds(c, frozenset({"terrorism"})).tolist()
        ['act', 'reference', 'statement']
    """
    entry = cues["entry"].astype(str).str.lower()
    return np.where(cues["quad_class"].eq("statement").to_numpy(), "statement",
                    np.where(entry.isin(references).to_numpy(), "reference", "act")).astype(object)


def _context_flags(cues: pd.DataFrame, tokens: pd.DataFrame, feats: dict, cfg, r0, r1):
    """Each cue's modality flags from the words around it, its hedge, and its sentence's first
    token row (``flags["reported"]`` here is a reporting verb before the cue only)."""
    n = len(cues)
    # Windows: up to `window` tokens before the cue, not crossing a clause break.
    clause_lo = feats["clause_first"][feats["clause_key"][r0] - 1]
    lo = np.maximum(r0 - cfg.window, clause_lo)
    sent_lo = feats["sent_first"][feats["sent_key"][r0] - 1]
    cooperative = cues["quad_class"].isin(["verbal_cooperation", "material_cooperation"]).to_numpy()
    # A negator scopes over the first cue after it only: in "did not provoke this war" the war
    # is not negated. So the negator must come after the end of the previous cue's tokens.
    prev_end = np.zeros(n, dtype=int)
    same_sent = np.zeros(n, dtype=bool)
    if n > 1:
        same_sent[1:] = (cues["doc_id"].to_numpy()[1:] == cues["doc_id"].to_numpy()[:-1]) & \
            (cues["sent_id"].to_numpy()[1:] == cues["sent_id"].to_numpy()[:-1])
        prev_end[1:] = r1[:-1]
    neg_lo = np.where(same_sent, np.maximum(lo, np.minimum(prev_end, r0)), lo)
    # A negator before a negating verb cancels it: "cannot rule out assistance", "cannot fail
    # to express concern", "never stopped shelling" assert the act.
    # A negating phrase ("no intention", "an end to") negates whatever stands before it.
    neg_word = _window_any(feats["neg_word"], neg_lo, r0)
    neg_verb = _window_any(feats["neg_verb"], neg_lo, r0)
    negated = (neg_word != neg_verb) | _window_any(feats["neg_phrase"], neg_lo, r0)
    # Opposing verbs are usually cues themselves ("condemned the military aid"): plain window.
    negated |= cooperative & _window_any(feats["oppose"], lo, r0)
    # A conflict act whose end is called for ("must stop its shelling", "to cease their
    # attacks", "an end to the attacks") is a demand on whoever does it (CAMEO 10), not an
    # act of peace; "stopped their attacks" (done: a yield) stays negated.
    # A negator first ("will never stop fighting", "did not stop the raids") keeps the act
    # going: the cancelled negation above, not a cessation.
    conflictual = cues["quad_class"].isin(["verbal_conflict", "material_conflict"]).to_numpy()
    cessation = conflictual & ~neg_word & _window_any(feats["cease"], neg_lo, r0)
    if cfg.ceasing_frames:
        cessation &= _called_for(feats, cessation, sent_lo, r0)
    # Countering a danger the lexicon lists as a reference ("combat terrorism", "efforts to
    # suppress piracy") is a policy of security cooperation, the mirror of opposing a
    # cooperative act; countering an act ("counter the offensive") stays fighting.
    if cfg.references:
        ref = cues["entry"].str.lower().isin(cfg.references).to_numpy()
        negated |= ref & ~cooperative & _window_any(feats["counter"], lo, r0)
        # A danger named ("an end to the violence") is no one's act: ending it is an appeal
        # for peace, and it stays negated.
        cessation &= ~ref
    hedged = _window_any(feats["hedge"], lo, r0)
    boosted = _window_any(feats["boost"], lo, r0)
    # Sentence-level: a conditional clause anywhere in the sentence scopes all of its cues.
    cond_sent = pd.Series(feats["cond"]).groupby(feats["sent_key"]).any()
    conditional = cond_sent.reindex(feats["sent_key"][r0]).to_numpy()
    # Question: the sentence's last token other than a closing quote or bracket is "?".
    lower_arr = feats["lower"]
    closing = word_mask(tokens["lower"], ('"', "”", "’", "'", ")"))
    last_tok = pd.Series(np.where(closing, -1, np.arange(len(lower_arr)))).groupby(feats["sent_key"]).max()
    q_sent = np.zeros(len(last_tok), dtype=bool)
    ok = last_tok.to_numpy() >= 0
    q_sent[ok] = lower_arr[last_tok.to_numpy()[ok]] == "?"
    flags = {"negated": negated, "cessation": cessation, "question": q_sent[feats["sent_key"][r0] - 1],
             "conditional": conditional, "hypothetical": _window_any(feats["hyp"], lo, r0),
             "future": _window_any(feats["fut"], lo, r0),
             "reported": _window_any(feats["report"], sent_lo, r0),
             "asserted": np.ones(n, dtype=bool)}
    hedge = np.where(hedged & ~boosted, "hedged", np.where(boosted & ~hedged, "boosted", ""))
    return flags, hedge, sent_lo


_BARE_STOP = frozenset(["and", "or", "but", ",", ".", ";"])


def _called_for(feats: dict, cessation: np.ndarray, sent_lo: np.ndarray, r0: np.ndarray) -> np.ndarray:
    """Whether the ceasing word before each cue is called for: a word that frames a demand
    (``modality.ceasing_frames``: `must`, `urge`, `call`, `demand`, `order`, ...) earlier in its
    sentence with no negator or negating verb between them, or an imperative opening the sentence
    (`Stop the bombing`); and nothing between the ceasing word and the cue that opens a clause or
    names talk (``modality.ceasing_blockers``: `stop pretending that the blockade ...`).

    `The truce put an end to the shelling`, `brought an end to the fighting` and `failed to stop
    the massacres` report an end reached or missed, not one called for.
    """
    out = np.zeros(len(r0), dtype=bool)
    for i in np.flatnonzero(cessation):
        c = int(feats["last_cease"][r0[i] - 1])
        if c < 0 or feats["last_stop_talk"][r0[i] - 1] > c:
            continue
        # the frame anywhere earlier in the sentence: a list of demands (`We call on X to reduce
        # tensions, stop its destabilization and withdraw`), an aside (`We demand, once more,
        # that X stop ...`)
        f = int(feats["last_frame"][c - 1]) if c > 0 else -1
        # no future or hypothetical end between the frame and it (`important because it will
        # end the shelling`), and an object after a bare ceasing word (`urged X to stop and ...`)
        later = f >= 0 and (feats["fut"][c] - feats["fut"][f + 1] + feats["hyp"][c] - feats["hyp"][f + 1]) > 0
        bare = c + 1 < len(feats["lower"]) and str(feats["lower"][c + 1]) in _BARE_STOP
        if later or bare:
            continue
        out[i] = bool(feats["imperative"][c]) or (f >= sent_lo[i] and feats["last_neg"][c - 1] <= f)
    return out


def _quote_context(cues: pd.DataFrame, qspans: dict):
    """Inside a speech quotation -> reported, credited to its speaker: per cue, whether it is
    quoted, the quote's speaker and the quote's start."""
    n = len(cues)
    in_quote = np.zeros(n, dtype=bool)
    quote_speaker = np.full(n, None, dtype=object)
    quote_start = np.zeros(n, dtype=int)
    for i, (d, a, b) in enumerate(zip(cues["doc_id"].tolist(), cues["start"].astype(int).tolist(),
                                      cues["end"].astype(int).tolist())):
        qs = qspans.get(d)
        if qs is None:
            continue
        j = bisect.bisect_right(qs[0], a) - 1
        if j >= 0 and b <= qs[1][j]:
            in_quote[i] = True
            quote_speaker[i] = qs[2][j]
            quote_start[i] = qs[0][j]
    return in_quote, quote_speaker, quote_start


# Words of a reported clause before its cue that name no subject of their own: a clause opener,
# auxiliaries and modals, adverbs, and pronouns that in reported speech stand for the speaker
# ("Moscow said it would respond", "we will not tolerate").
_NO_SUBJECT = frozenset("""that and but so then also now still already again would will could can
may might must shall should is was were are be been being had has have do does did not never n't
to i we it they he she you its their our my his her us them""".split())
_COPULAS = frozenset("is was were are remain remains remained seem seems seemed be been being".split())
_BEFORE_EVALUATION = frozenset("""a an the this such nothing but only not never very so totally
completely clearly simply utterly absolutely deeply highly entirely wholly plainly act acts of
" “ ” ' ‘ ’""".split())
_VERB_PHRASE_PREPS = frozenset("of against about over".split())
_NOBODY = frozenset("nobody someone somebody anyone anybody everyone everybody none no-one".split())
_DETERMINERS = frozenset("the this that these those a an such".split())
_AUXILIARIES = frozenset("would will could can may might must shall should is was were are has have had".split())


def _clause_role(text: str, lo: int, a: int) -> str:
    """How the words of a reported clause before its cue (``text[lo:a]``) bear on the cue's
    source: ``"evaluation"`` (a copula, then the cue: `Iran's conduct was a provocation`),
    ``"phrase"`` (the cue in an of/against/about phrase with no verb of its own: `Japan of
    countermeasures`), ``"subject"`` (a subject of its own: `nobody would`) or ``""``.

    Example:
        >>> _clause_role("Iran's conduct was a provocation", 0, 21)
        'evaluation'
        >>> _clause_role("nobody would threaten", 0, 13), _clause_role("it was trying to", 0, 16)
        ('subject', '')
        >>> _clause_role("Japan of countermeasures", 0, 9), _clause_role("they were threatening", 0, 10)
        ('phrase', '')
    """
    words = re.findall(r"[\w'’-]+|[\"“”‘]", text[lo:a].lower())
    while words and (words[0] == "that" or not words[0][0].isalnum()):
        words = words[1:]
    if not words:
        return ""
    cop = max((j for j, w in enumerate(words) if w in _COPULAS), default=-1)
    cue_word = re.match(r"[\w'’-]*", text[a:].lower()).group(0)
    verb_form = cue_word.endswith(("ing", "ed")) and len(words) == cop + 1  # `were threatening`
    if cop > 0 and not verb_form and all(w in _BEFORE_EVALUATION for w in words[cop + 1:]):
        return "evaluation"
    if words[-1] in _VERB_PHRASE_PREPS or (len(words) > 1 and words[-2] in _VERB_PHRASE_PREPS):
        # ...of a verb that warns, not one that blames (`accused Kyiv of attacks`: Kyiv's)
        blames = re.search(r"(accus|blam|condemn|criti|suspect)\w*\W*$", text[max(0, lo - 40):lo].lower())
        return "phrase" if not blames and not any(w in _COPULAS for w in words) else "subject"
    # a subject that names no actor: an indefinite pronoun, or a determiner with an auxiliary or
    # a past verb after it (`the statement threatened`; not `an AU-led process to end the fight`)
    if words[0] in _NOBODY or (words[0] in _DETERMINERS and (
            cue_word.endswith("ed") or any(w in _AUXILIARIES for w in words[1:]))):
        return "subject"
    return ""



def _cue_actors(cues: pd.DataFrame, actor_idx: dict, in_quote, quote_speaker, quote_start,
                clause_start=None, suffers=None, texts: Mapping[str, str] | None = None):
    """Source and target actor of each cue, and whether the source came from a mention.

    The source outside a quotation is the subject of the cue's clause: its first mention not
    inside a prepositional phrase from ``clause_start`` (per cue, the character where its
    clause begins), else the nearest such mention before the cue. Inside a quotation it is the
    speaker, unless the cue's own clause in the quotation names its subject (and the cue is no
    threat whose subject suffers it, ``suffers``: "X will face consequences").
    """
    n = len(cues)
    source_actor = np.full(n, None, dtype=object)
    target_actor = np.full(n, None, dtype=object)
    source_from_mention = np.zeros(n, dtype=bool)
    material = cues["quad_class"].isin(["material_conflict", "material_cooperation"]).to_numpy()
    in_quote_l, speaker_l, qstart_l = in_quote.tolist(), quote_speaker.tolist(), quote_start.tolist()
    cstart = clause_start.tolist() if clause_start is not None else None
    suffers_l = suffers.tolist() if suffers is not None else [False] * n
    eval_target: list = [None] * n
    for i, (d, si, a, mat) in enumerate(zip(cues["doc_id"].tolist(), cues["sent_id"].astype(int).tolist(),
                                            cues["start"].astype(int).tolist(), material.tolist())):
        m = actor_idx.get((d, si))
        src = speaker_l[i] if in_quote_l[i] and speaker_l[i] is not None else None
        no_subject_actor = False
        if m is not None:
            ms, me, ma, mb = m
            k = len(ms)
            if src is not None and cstart is not None and not suffers_l[i]:
                # Any act whose own clause inside the quotation has a subject is that subject's
                # ("Sandu said Russia was trying to destabilise Moldova": Russia's act, Sandu's
                # claim, as the events table reads it; "Ruto said nobody would threaten Kenya":
                # no one's), the speaker's only without one ("We condemn ...") or when the cue is
                # the evaluation after a copula ("Paris said Iran's conduct was a provocation":
                # the speaker's, toward the subject) or in a phrase of the reporting verb
                # ("China warned Japan of countermeasures").
                lo = max(qstart_l[i], cstart[i])
                inner = [x for x in range(k) if ms[x] >= lo and me[x] <= a and not mb[x]]
                role = _clause_role(texts.get(d, "") if texts is not None else "", lo, a)
                if role == "evaluation":
                    if inner:
                        eval_target[i] = ma[inner[0]]
                elif role == "subject":
                    src = ma[inner[0]] if inner else None
                    no_subject_actor = src is None
                elif role == "" and inner:
                    src = ma[inner[0]]  # an actor subject: `Sandu said Russia was trying to ...`
                elif role == "" and mat:
                    # a material act with no subject before it in its clause (`it was Pakistan's
                    # army that shelled Kashmir`): the last mention before it in the quotation
                    before = [x for x in range(k) if ms[x] >= qstart_l[i] and me[x] <= a and not mb[x]]
                    if before:
                        src = ma[before[-1]]
            if src is None and not no_subject_actor:
                left = [x for x in range(k) if me[x] <= a and not mb[x]]
                if left:
                    cs = cstart[i] if cstart is not None else a
                    src = ma[next((x for x in left if ms[x] >= cs), left[-1])]
                    source_from_mention[i] = not in_quote_l[i]
            if eval_target[i] is not None and eval_target[i] != src:
                target_actor[i] = eval_target[i]
            for x in range(k):  # inside a gapped cue or after it
                if target_actor[i] is None and ms[x] > a and ma[x] != src:
                    target_actor[i] = ma[x]
                    break
        source_actor[i] = src
    return source_actor, target_actor, source_from_mention


def _intensity(cues: pd.DataFrame, mods: pd.DataFrame, r0, r1, base) -> np.ndarray:
    """Multiply each cue by the modifiers attached to it (each modifier to its nearest cue, <= 3 tokens).

    Adjectives attach to a following cue ("stern warning"); adverbs in -ly also to a preceding
    one ("condemned strongly").
    """
    intensity = np.ones(len(cues))
    if mods.empty:
        return intensity
    key = pd.Series(list(iter_rows(cues, "doc_id", "sent_id")))
    by_sent: dict = {}
    for i, k in enumerate(key):
        by_sent.setdefault(k, []).append(i)
    mbase = mods["doc_id"].map(dict(zip(cues["doc_id"], base))).to_numpy()
    for (doc_id, sent_id, ts, te, w, txt), mb in zip(
            iter_rows(mods, "doc_id", "sent_id", "tok_start", "tok_end", "weight", "text"), mbase):
        cands = by_sent.get((doc_id, sent_id))
        if not cands or pd.isna(mb):
            continue
        ms, me = int(mb) + ts, int(mb) + te
        best, best_d = None, 4
        for i in cands:
            # Modifier before the cue ("stern warning"), or after it ("condemned strongly");
            # on a tie the cue after the modifier wins (adjectives precede their noun).
            # Only adverbs follow what they modify ("condemned strongly", not "targets deep inside").
            after_ok = str(txt).lower().endswith("ly")
            d = r0[i] - me if me <= r0[i] else (ms - r1[i] if ms >= r1[i] and after_ok else 99)
            if d < best_d:
                best, best_d = i, d
        if best is not None and best_d <= 3:
            intensity[best] *= float(w)
    return intensity


EVENT_RULES = ("strongest", "first", "main")
# Quad-class schemes over CAMEO root codes. "toolkit" is the lexicon's own ``quad_class`` column
# (Duval & Thompson's split: 01 statement, 02-05 verbal cooperation, 06-08 material
# cooperation, 09-13 verbal conflict, 14-20 material conflict, with documented exceptions).
# "phoenix" is the Phoenix/PETRARCH convention (01-02 neutral statements, 16 reduce relations
# counted as verbal conflict); "gdelt" the GDELT 1.0 codebook (01-04 verbal cooperation,
# 05-08 material cooperation). Markers without a CAMEO code keep their lexicon class.
_ROOTS = {
    "phoenix": {1: "statement", 2: "statement", 3: "verbal_cooperation", 4: "verbal_cooperation",
                5: "verbal_cooperation", 6: "material_cooperation", 7: "material_cooperation",
                8: "material_cooperation", 9: "verbal_conflict", 10: "verbal_conflict",
                11: "verbal_conflict", 12: "verbal_conflict", 13: "verbal_conflict",
                14: "material_conflict", 15: "material_conflict", 16: "verbal_conflict",
                17: "material_conflict", 18: "material_conflict", 19: "material_conflict",
                20: "material_conflict"},
    "gdelt": {**{r: "verbal_cooperation" for r in range(1, 5)},
              **{r: "material_cooperation" for r in range(5, 9)},
              **{r: "verbal_conflict" for r in range(9, 14)},
              **{r: "material_conflict" for r in range(14, 21)}},
}
SCHEMES = ("toolkit", *_ROOTS)


def quad_classes(cues: pd.DataFrame, *, scheme: str = "toolkit") -> pd.Series:
    """The quad class of each cue under a named scheme (see :data:`SCHEMES`).

    Example:
        >>> c = pd.DataFrame({"cameo": ["020", "163", ""], "quad_class": [
        ...     "verbal_cooperation", "material_conflict", "verbal_conflict"]})
        >>> quad_classes(c, scheme="phoenix").tolist()
        ['statement', 'verbal_conflict', 'verbal_conflict']
    """
    if scheme not in SCHEMES:
        raise ValueError(f"`scheme` value = {scheme!r} is invalid; value must be one of {list(SCHEMES)}")
    if scheme == "toolkit":
        return cues["quad_class"]
    root = pd.to_numeric(cues["cameo"].astype(str).str[:2], errors="coerce")
    mapped = root.map(_ROOTS[scheme])
    return mapped.where(mapped.notna(), cues["quad_class"])


# How far (characters) an appeal may stand from the act it calls for: "called for sanctions",
# "calls on Egyptians to join the mobilization" (a clause, not a paragraph).
_APPEAL_REACH = 40


def _next_cue_in_reach(cues: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The cues in text order (``order``, positions into ``cues``) and, in that order, whether
    the next cue is in the same sentence and starts at most :data:`_APPEAL_REACH` characters
    after this one ends. Without an ``end`` column (hand-built cue tables) the reach counts from
    the cue's start.

    Example:
        >>> c = pd.DataFrame({"doc_id": ["d", "d", "d"], "sent_id": [0, 0, 1],
        ...                   "start": [30, 0, 70], "end": [35, 5, 75]})
        >>> order, nxt = _next_cue_in_reach(c)
        >>> order.tolist(), nxt.tolist()
        ([1, 0, 2], [True, False, False])
    """
    order = np.lexsort((cues["start"].to_numpy(), cues["sent_id"].to_numpy(),
                        pd.factorize(cues["doc_id"])[0]))
    doc = cues["doc_id"].to_numpy(dtype=object)[order]
    sent = cues["sent_id"].to_numpy()[order]
    start = cues["start"].to_numpy()[order]
    end = (cues["end"] if "end" in cues.columns else cues["start"]).to_numpy()[order]
    nxt_same = np.zeros(len(order), dtype=bool)
    nxt_same[:-1] = (doc[1:] == doc[:-1]) & (sent[1:] == sent[:-1]) & (start[1:] - end[:-1] <= _APPEAL_REACH)
    return order, nxt_same


def _appeals_for_conflict(cues: pd.DataFrame, cls: np.ndarray, negated: np.ndarray) -> np.ndarray:
    """An appeal (CAMEO 02) for a conflict act is a demand: verbal conflict, under any scheme.

    "The EU called for sanctions against X" is conflictual talk aimed at X, as event coders code
    it, where "called on the parties to cooperate" stays an appeal. The act called for is the
    next cue of the sentence, starting at most :data:`_APPEAL_REACH` characters after the appeal
    ends, or anywhere later in the sentence when its end is called for (modality ``cessation``:
    "called on X to work for calm and stop its shelling"); a negated act ("called for an end to the violence") is cooperative and leaves it.

    Example:
        >>> c = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "start": [4, 15],
        ...     "end": [14, 24], "cameo": ["020", "163"]})
        >>> _appeals_for_conflict(c, np.array(["statement", "material_conflict"], dtype=object),
        ...                       np.array([False, False])).tolist()
        ['verbal_conflict', 'material_conflict']
    """
    if len(cues) < 2:
        return cls
    order, nxt_same = _next_cue_in_reach(cues)
    root = cues["cameo"].astype(str).str[:2].to_numpy()[order]
    c = cls[order]
    nxt_conflict = np.zeros(len(order), dtype=bool)
    nxt_conflict[:-1] = np.isin(c[1:], ("verbal_conflict", "material_conflict"))
    # The end of an act called for later in the sentence is what the appeal asks for ("urged
    # X to work for calm and to cease its raids"), however far it stands.
    same_sent = np.zeros(len(order), dtype=bool)
    if "modality" in cues.columns:
        doc = cues["doc_id"].to_numpy(dtype=object)[order]
        sent = cues["sent_id"].to_numpy()[order]
        ceased = (cues["modality"].to_numpy(dtype=object)[order] == "cessation")
        same_sent[:-1] = (doc[1:] == doc[:-1]) & (sent[1:] == sent[:-1]) & ceased[1:]
    hit = (root == "02") & ~negated[order] & (nxt_same | same_sent) & nxt_conflict
    out = cls.copy()
    out[order[hit]] = "verbal_conflict"
    return out


def _help_for_armed_actors(cues: pd.DataFrame, cls: np.ndarray, negated: np.ndarray,
                           cfg: ModalityConfig) -> np.ndarray:
    """Help given to an armed actor is taking part in its conflict: conflict, not cooperation.

    "Russia's support for the terrorists", "arming the militias", "funding armed groups": a
    cooperative cue whose first word is one of the lexicon's ``actors.helping`` words, followed
    in the same sentence (the next cue, at most :data:`_APPEAL_REACH` characters on) by a
    reference to an armed actor (``actors.armed_actors``), takes the conflict class of its
    side (verbal support: verbal conflict; material help: material conflict). Countering such
    an actor ("combat the terrorists", "disarm the militias") is no help and keeps its class.

    Example:
        >>> c = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "start": [0, 12],
        ...     "end": [7, 22], "cue": ["support", "terrorist"]})
        >>> cfg = _load(LEXICON)[1]
        >>> _help_for_armed_actors(c, np.array(["verbal_cooperation", "material_conflict"], dtype=object),
        ...                        np.array([False, False]), cfg).tolist()
        ['verbal_conflict', 'material_conflict']
    """
    if len(cues) < 2 or not cfg.helping or not cfg.armed_actors:
        return cls
    order, nxt_same = _next_cue_in_reach(cues)
    cue = cues["cue"].astype(str).str.lower().to_numpy(dtype=object)[order]
    first = np.array([c.split(" ", 1)[0] for c in cue], dtype=object)
    c = cls[order]
    nxt_armed = np.zeros(len(order), dtype=bool)
    nxt_armed[:-1] = np.isin(cue[1:], list(cfg.armed_actors))
    helps = np.isin(first, list(cfg.helping)) & np.isin(c, ("verbal_cooperation", "material_cooperation"))
    hit = helps & ~negated[order] & nxt_same & nxt_armed
    out = cls.copy()
    out[order[hit]] = [_FLIP[x] for x in c[hit]]
    return out



# The first word of a sentence, after any numbering, quotation mark or bracket.
_FIRST_WORD = re.compile(r"[^A-Za-z]*([A-Za-z]+)")


def in_opening_phrase(cues: pd.DataFrame, sentences: pd.DataFrame, prepositions) -> np.ndarray:
    """Whether each cue lies in its sentence's opening prepositional phrase.

    The phrase runs from a sentence-initial preposition (one of ``prepositions``, the lexicon's
    ``actors.subject_blockers``) to the sentence's first comma: "In response to the attack,
    Kyiv recalled its ambassador" has its main act after the comma. A sentence that does not
    open with a preposition, or has no comma after it, has no opening phrase.

    Example:
        >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0],
        ...                   "text": ["After the attack, Kyiv recalled its envoy."]})
        >>> c = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 0], "start": [10, 23]})
        >>> in_opening_phrase(c, s, frozenset({"after"})).tolist()
        [True, False]
    """
    if cues.empty or sentences.empty:
        return np.zeros(len(cues), dtype=bool)
    keys = list(zip(cues["doc_id"].tolist(), cues["sent_id"].tolist()))
    # Only a sentence with two cues or more can have one on each side of the comma.
    seen: set = set()
    several = {k for k in keys if k in seen or seen.add(k)}
    ends = {}
    for doc, sid, start, text in zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(),
                                     sentences["start"].tolist(), sentences["text"].tolist()):
        if (doc, sid) not in several:
            continue
        m = _FIRST_WORD.match(text)
        if m and m.group(1).lower() in prepositions:
            comma = text.find(",", m.end())
            if comma > 0:
                ends[(doc, sid)] = int(start) + comma
    if not ends:
        return np.zeros(len(cues), dtype=bool)
    end = np.array([ends.get(k, -1) for k in keys], dtype=np.int64)
    return cues["start"].to_numpy(dtype=np.int64) < end


def _first_rule_tiers(cues: pd.DataFrame, sentences: pd.DataFrame, absval: np.ndarray,
                      lexicon: str) -> np.ndarray:
    """Which cues may name a sentence's event under ``event_rule="first"``, best (0) first.

    0: acts; 1: acts inside an opening prepositional phrase ("Despite the ceasefire, rebels
    shelled the town": the main clause decides); 2: references (a weapon, an actor, a
    phenomenon named: "terrorists were condemned" is the condemnation); 3: zero-score
    (statement) cues, except claims and denials of responsibility (CAMEO 015, 016), which are
    the event of a sentence that names the act they are about ("rejected accusations of
    genocide") and rank as acts.
    """
    about_act = cues["cameo"].astype(str).isin(_ABOUT_ACT).to_numpy()
    cfg = _load(str(lexicon))[1]
    refs = cfg.references
    is_ref = (cues["cue"].isin(refs).to_numpy(dtype=bool) if refs and "cue" in cues.columns
              else np.zeros(len(cues), dtype=bool))
    opening = in_opening_phrase(cues, sentences, cfg.blockers)
    return np.where((absval == 0) & ~about_act, 3, np.where(is_ref, 2, np.where(opening, 1, 0)))


def _cue_classes(cues: pd.DataFrame, *, scheme: str, lexicon: str) -> tuple[np.ndarray, np.ndarray]:
    """The class each cue gives its sentence under ``sentence_table``'s reading, and whether it
    is a negated disapproval (no act: the act named next decides).

    Example:
        >>> c = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [0, 1], "start": [0, 0],
        ...     "cameo": ["190", "110"], "quad_class": ["material_conflict", "verbal_conflict"],
        ...     "modality": ["cessation", "negated"], "score": [-3.0, 1.0]})
        >>> cls, silent = _cue_classes(c, scheme="toolkit", lexicon=LEXICON)
        >>> cls.tolist(), silent.tolist()
        (['verbal_conflict', 'statement'], [False, True])
    """
    # A negated act counts as its opposite; zero score = statement.
    q = quad_classes(cues, scheme=scheme).to_numpy(dtype=object)
    negated = (cues["modality"] == "negated").to_numpy(dtype=bool, na_value=False)
    absval = np.abs(cues["score"].to_numpy(dtype=float))
    cls = np.where(negated, [_FLIP.get(x, x) if isinstance(x, str) else x for x in q], q)
    not_done = cues["modality"].isin(_NOT_DONE).to_numpy(dtype=bool, na_value=False)
    # Not doing a cooperative act is a refusal ("will not release the hostages", "will not
    # lift the embargo"): CAMEO 12, verbal conflict, not material conflict.
    not_done = not_done | (negated & (q == "material_cooperation"))
    cls = np.where(not_done, [_VERBAL.get(x, x) if isinstance(x, str) else x for x in cls], cls)
    # An act whose end is called for ("must stop its shelling") is a demand: verbal conflict.
    cessation = (cues["modality"] == "cessation").to_numpy(dtype=bool, na_value=False)
    cls = np.where(cessation, [_VERBAL.get(x, x) if isinstance(x, str) else x for x in cls], cls)
    # Not disapproving ("has not even condemned the attack") is no act of cooperation: the
    # sentence's act is the one it names next, as for a statement cue.
    silent = negated & cues["cameo"].astype(str).str.startswith("11").to_numpy(dtype=bool)
    cls = np.where((absval > 0) & ~silent, cls, "statement")
    cls = _appeals_for_conflict(cues, cls, negated)
    if "cue" in cues.columns and "end" in cues.columns:
        cls = _help_for_armed_actors(cues, cls, negated, _load(str(lexicon))[1])
    return cls, silent

_UNCODED_ACTS = ("statement", "unclassified")
_QUADS = frozenset(QUAD_NUMBER)


def _event_class(ev: pd.DataFrame, scheme: str) -> np.ndarray:
    """The class an ``events`` row gives its sentence: its act's quad class under ``scheme``,
    the opposite when it is negated or denied ("did not attack"), and a refusal (verbal
    conflict) when the act not done is material cooperation ("will not release the hostages"),
    as :func:`_cue_classes` reads a negated cue."""
    q = quad_classes(ev, scheme=scheme).to_numpy(dtype=object)
    neg = ev["factuality"].isin(("negated", "denied")).to_numpy(dtype=bool)
    flipped = np.array([_FLIP.get(x, x) for x in q], dtype=object)
    out = np.where(neg, flipped, q)
    return np.where(neg & (q == "material_cooperation"), "verbal_conflict", out)


def _main_events(cues: pd.DataFrame, cls: np.ndarray, events: pd.DataFrame, scheme: str) -> dict:
    """Each sentence's main event as ``sentence_table(event_rule="main")`` reads it:
    ``(doc_id, sent_id) -> (class, cue start, cue position or -1)``.

    The main event is the sentence's first ``main`` row with a coded act (``statement`` and
    ``unclassified`` rows pass: a speech frame or an uncoded main verb leaves the class to the
    act it frames). Its class is its cue's (:func:`_cue_classes`: negation, calls for an end,
    appeals for conflict) when the events layer kept the cue's own class, else the row's own
    (:func:`_event_class`: an offer, a demand, a refusal the clause structure read).
    """
    ev = events[events["main"].astype(bool).to_numpy() & ~events["act"].isin(_UNCODED_ACTS).to_numpy()]
    if ev.empty:
        return {}
    ev = ev.sort_values(["doc_id", "sent_id", "start"], kind="stable").drop_duplicates(["doc_id", "sent_id"])
    own = _event_class(ev, scheme)
    pos = {}
    for i, key in enumerate(zip(cues["doc_id"].tolist(), cues["start"].astype("int64").tolist())):
        pos.setdefault(key, i)
    raw = cues["quad_class"].to_numpy(dtype=object)
    out = {}
    for k, (doc, sid, cs, q) in enumerate(zip(ev["doc_id"].tolist(), ev["sent_id"].tolist(),
                                                ev["cue_start"].astype("int64").tolist(), ev["quad_class"].tolist())):
        i = pos.get((doc, cs), -1)
        out[(doc, int(sid))] = (cls[i] if i >= 0 and raw[i] == q else own[k], cs, i)
    return out


def _read_main_events(out: pd.DataFrame, cues: pd.DataFrame, cls: np.ndarray, top_pos: np.ndarray,
                      events: pd.DataFrame, scheme: str, sentences: pd.DataFrame, lexicon: str) -> None:
    """``event_rule="main"``: the class, top cue and top CAMEO code of each sentence (rows of
    ``out``, whose first-rule top cue is ``top_pos``, -1 for none) from its main event
    (:func:`_main_events`), in place. The first rule's act stays when it stands before the main
    event's cue and the events layer made no row of it (a cue the clause structure did not read:
    "Reaffirms the need to combat terrorism", a resolution's subjectless "Urges ... to
    implement"; a claim of responsibility, CAMEO 015, for the attack the events layer rows),
    unless it lies in an opening adverbial clause or phrase ("After the talks collapsed,
    artillery opened fire": :func:`in_opening_phrase` with the clause openers of
    ``clauses.yaml``), and when the sentence has no coded main event.
    """
    picks = _main_events(cues, cls, events, scheme)
    if not picks:
        return
    from . import clauses as cl

    w = cl.words()
    opening = in_opening_phrase(cues, sentences, _load(str(lexicon))[1].blockers | w.adverbial | w.conditional)
    about = cues["cameo"].astype(str).isin(_ABOUT_ACT).to_numpy()
    read = set(zip(events["doc_id"].tolist(), events["cue_start"].astype("int64").tolist()))
    starts = cues["start"].astype("int64").to_numpy()
    docs = cues["doc_id"].to_numpy(dtype=object)
    klass = out["event_class"].to_numpy(dtype=object).copy()
    cue_col = out["top_cue"].astype(object).to_numpy().copy()
    cameo_col = out["top_cameo"].astype(object).to_numpy().copy()
    for r, key in enumerate(iter_rows(out, "doc_id", "sent_id")):
        pick = picks.get((key[0], int(key[1])))
        if pick is None or pick[0] not in _QUADS:
            continue
        t = int(top_pos[r])
        if t >= 0 and (klass[r] in _QUADS or about[t]) and starts[t] < pick[1] and not opening[t] \
                and (docs[t], int(starts[t])) not in read:
            continue
        klass[r] = pick[0]
        if pick[2] >= 0:
            cue_col[r], cameo_col[r] = cues["cue"].iat[pick[2]], cues["cameo"].iat[pick[2]]
    out["event_class"] = klass
    out["top_cue"] = pd.array(cue_col, dtype=cues["cue"].dtype)
    out["top_cameo"] = pd.array(cameo_col, dtype=cues["cameo"].dtype)


def sentence_table(cues: pd.DataFrame, sentences: pd.DataFrame, *,
                   event_rule: str = "first", scheme: str = "toolkit",
                   lexicon: str = LEXICON, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return ``sentence_escalation``: summed score and the class of each sentence's act.

    A negated act counts as its opposite ("avoid a direct conflict" is cooperative), a conflict
    act whose end is called for (modality ``cessation``: "must stop its shelling") is a demand,
    verbal conflict, except
    disapproval (CAMEO 11): not condemning is no act, so the act named next decides ("has not
    even condemned the attack" is about the attack); a material
    act announced for the future counts as the verbal act of its side ("will release the
    hostages" is an intent to cooperate, CAMEO 03; "will attack" a threat, 13), and a negated
    material cooperation is a refusal ("will not lift the embargo": verbal conflict, CAMEO 12);
    a sentence whose cues all score zero is a ``statement``; one without cues is ``none``.

    Args:
        cues: the ``escalation`` table.
        sentences: the ``sentences`` table (every sentence gets a row).
        event_rule: ``"first"`` (the default: the leftmost non-statement cue, usually the main
            predicate, as event coders code the main verb; an act inside an opening
            prepositional phrase, "Despite the ceasefire, rebels shelled the town", decides only
            when the rest of the sentence has no act (:func:`in_opening_phrase`); a cue the
            lexicon lists under ``references``, a noun naming a weapon, an actor or a phenomenon
            rather than an act, decides only when the sentence has no act) or ``"strongest"`` (largest absolute
            score). On the dev sets "first" agrees better with human coding on both the tune
            and the check half (docs/VALIDATION.md: ``toolkit`` against
            ``toolkit_strongest_act``).
            ``"main"`` reads the ``events`` table: the class of the sentence's main event (the
            main clause's predicate, issue 17), past a speech frame or an uncoded main verb to
            the first rule's act (:func:`_read_main_events`).
        scheme: the quad-class scheme of ``event_class`` (:data:`SCHEMES`), to compare with
            event data coded under another convention.
        lexicon: the lexicon the cues came from (its ``references`` list).
        events: the ``events`` table of the same documents (``event_rule="main"`` only).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> t = "Kyiv condemned the strikes. The talks resumed."
        >>> s, toks = tokenize_documents(["d"], [t])
        >>> sentence_table(find_cues(toks, {"d": t}), s)["event_class"].tolist()
        ['verbal_conflict', 'verbal_cooperation']
        >>> t = "The terrorists were condemned by the Council."
        >>> s, toks = tokenize_documents(["d"], [t])
        >>> sentence_table(find_cues(toks, {"d": t}), s)["top_cue"].tolist()
        ['condemn']
    """
    out = sentences[["doc_id", "sent_id", "start", "end", "text"]].copy()
    if cues.empty:
        out["score"] = 0.0
        out["event_class"] = "none"
        out["n_cues"] = 0
        out["top_cue"] = None
        out["top_cameo"] = None
        return out[SENTENCE_COLUMNS].reset_index(drop=True)
    if event_rule not in EVENT_RULES:
        raise ValueError(f"`event_rule` value = {event_rule!r} is invalid; value must be one of {list(EVENT_RULES)}")
    if event_rule == "main" and events is None:
        raise ValueError("`event_rule` value = 'main' needs `events`, the events table of the same documents")
    score = cues["score"].to_numpy(dtype=float)
    absval = np.abs(score)
    cls, silent = _cue_classes(cues, scheme=scheme, lexicon=lexicon)
    # Cues of a sentence together (documents in id order, as a sort by doc_id gives), the one
    # that names the sentence's class first; np.lexsort is stable, like the sort it replaces.
    docs, doc_key = np.unique(cues["doc_id"].to_numpy(dtype=object), return_inverse=True)
    sent = cues["sent_id"].to_numpy(dtype=np.int64)
    if event_rule == "strongest":
        order = np.lexsort((-absval, sent, doc_key))
    else:  # leftmost cue of the best tier first
        tier = _first_rule_tiers(cues, sentences, np.where(silent, 0.0, absval), lexicon)
        order = np.lexsort((cues["start"].to_numpy(), tier, sent, doc_key))
    doc_s, sent_s = doc_key[order], sent[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (doc_s[1:] != doc_s[:-1]) | (sent_s[1:] != sent_s[:-1])
    group = np.cumsum(first) - 1
    # Summed in that order by pandas' grouped sum (compensated), as before.
    sums = pd.Series(score[order]).groupby(group, sort=False).sum().to_numpy()
    counts = np.bincount(group)
    top = order[first]
    where = {(d, s): k for k, (d, s) in enumerate(zip(docs[doc_key[top]].tolist(), sent[top].tolist()))}
    rows = np.array([where.get(key, -1) for key in iter_rows(out, "doc_id", "sent_id")], dtype=np.int64)
    has = rows >= 0
    pick = np.where(has, rows, 0)
    out["score"] = np.round(np.where(has, sums[pick], 0.0), 4)
    out["event_class"] = np.where(has, cls[top][pick], "none")
    out["n_cues"] = np.where(has, counts[pick], 0).astype("int64")
    for col, name in (("cue", "top_cue"), ("cameo", "top_cameo")):
        vals = cues[col].to_numpy(dtype=object)[top][pick]
        out[name] = pd.array(np.where(has, vals, None), dtype=cues[col].dtype)
    if event_rule == "main" and len(events):
        _read_main_events(out, cues, cls, np.where(has, top[pick], -1), events, scheme, sentences, lexicon)
    return out[SENTENCE_COLUMNS].reset_index(drop=True)


def annotate(tables: Mapping[str, pd.DataFrame], *, lexicons=None, event_rule: str = "first",
             lexicon: str | None = None) -> dict[str, pd.DataFrame]:
    """Pipeline step: ``escalation`` and ``sentence_escalation`` for one chunk of documents.

    Uses ``mentions`` and ``quotes`` when earlier annotators produced them. Options (via
    ``analyze(..., options={"escalation": {...}})``): ``lexicons`` (a file in place of the
    bundled ``escalation`` lexicon, as :func:`toolkit.lexicon.choose` says), ``event_rule``;
    ``lexicon`` is the old spelling of ``lexicons``, read for one release.

    Example:
        >>> import pandas as pd
        >>> from toolkit.tokenize import tokenize_documents
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": ["Russia warned Ukraine."]})
        >>> s, t = tokenize_documents(["d"], docs["text"].tolist())
        >>> out = annotate({"documents": docs, "sentences": s, "tokens": t})
        >>> out["escalation"]["cameo"].tolist()
        ['130']
    """
    lexicon = lexmod.step_lexicons("escalation", (LEXICON,), lexicons,
                                   lexicon=lexicon).get(LEXICON, LEXICON)
    tables = Chunk.of(tables)
    texts = tables.texts
    cues = find_cues(tables["tokens"], texts, mentions=tables.get("mentions"),
                     quotes=tables.get("quotes"), lexicon=lexicon)
    return {"escalation": cues,
            "sentence_escalation": sentence_table(cues, tables["sentences"], event_rule=event_rule,
                                                  lexicon=lexicon)}


# The cue's source comes from the quote speakers (quotes) and the actor mentions (actors): a
# run that asks for escalation or events alone runs both, so that a sentence gets the same rows
# whichever tables were asked for (without quotes, a cue inside "..., she said" had no source).
# ``reads=()``: the key names exactly those steps, so every run shares one cached result.
ANNOTATOR = Annotator(
    name="escalation", produces=("escalation", "sentence_escalation"), func=annotate,
    requires=("tokens", "sentences", "mentions", "quotes"), reads=(), lexicons=(LEXICON,),
    lexicon_policy="replace",
    description="CAMEO/Goldstein escalation cues with modality, intensity and source/target actors")


# --------------------------------------------------------------------------------------------
# Aggregates
# --------------------------------------------------------------------------------------------

def _tables(analysis) -> Mapping[str, pd.DataFrame]:
    return analysis.tables if hasattr(analysis, "tables") else analysis


def main_event_sentences(analysis, *, scheme: str = "toolkit", lexicon: str = LEXICON) -> pd.DataFrame:
    """``sentence_escalation`` read from each sentence's main event (issue 17, item 4): the
    table :func:`sentence_table` gives with ``event_rule="main"`` for an analysis that has the
    ``events`` table (``analyze(..., annotators=["events"])``).

    Example:
        >>> from toolkit import analyze
        >>> a = analyze(pd.DataFrame({"doc_id": ["d"], "text": ["Rebels attacked the town."]}),
        ...             annotators=["events"], workers=1, progress=False, cache=False)
        >>> main_event_sentences(a)["event_class"].tolist()
        ['material_conflict']
    """
    t = _tables(analysis)
    if "events" not in t:
        raise ValueError("main_event_sentences needs the `events` table: run analyze(..., annotators=['events'])")
    return sentence_table(t["escalation"], t["sentences"], event_rule="main", scheme=scheme,
                          lexicon=lexicon, events=t["events"])


# An event's factuality read as the cue modality whose factor scores it (the escalation
# lexicon's ``modality.factors``): an alleged act counts as reported speech, a denied one as
# negated, a request as possibility talk.
FACTUALITY_MODALITY = {"asserted": "asserted", "alleged": "reported", "denied": "negated",
                       "negated": "negated", "conditional": "conditional", "future": "future",
                       "requested": "hypothetical", "hypothetical": "hypothetical",
                       "question": "question"}


def scored_events(analysis, *, alleged: bool = False, lexicon: str = LEXICON) -> pd.DataFrame:
    """The ``events`` table as escalation rows: one per event (statements left out), with the
    escalation columns every index reads (``source_actor``, ``target_actor``, ``quad_class``,
    ``cameo``, ``goldstein``, ``modality``, ``score`` ...).

    Each event is scored as its cue is (weight x modality factor x intensity x hedge), with
    the weight of the event's own act (the Goldstein value of its CAMEO code, where the clause
    re-read the cue, e.g. "warned against" as an appeal) and the modality of its factuality
    (:data:`FACTUALITY_MODALITY`). Acts alleged by a claimant ("Moscow said Kyiv sabotaged
    the talks": Kyiv's alleged act) are counted only with ``alleged=True``; the claimant's own
    speech act (Moscow accuses Kyiv) is an asserted event and always counted.

    Example:
        >>> ev = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [6],
        ...     "text": ["warned"], "source_actor": ["RUS"], "target_actor": ["UKR"],
        ...     "cameo": ["138"], "quad_class": ["verbal_conflict"], "factuality": ["asserted"],
        ...     "cue": ["warn"], "act": ["warn"], "cue_start": [0], "cue_end": [6]})
        >>> scored_events({"events": ev, "escalation": pd.DataFrame()})["score"].tolist()
        [-7.0]
    """
    t = _tables(analysis)
    ev = t["events"]
    # Coded acts only: a main predicate the lexicon does not code ("unclassified", no quad
    # class) is structure, not an event to score, as events.dyads leaves it out too.
    ev = ev[ev["quad_class"].notna() & (ev["quad_class"] != "statement") & (ev["act"] != "unclassified")]
    if not alleged:
        ev = ev[ev["factuality"] != "alleged"]
    lex, cfg = _load(str(lexicon))
    entries = lex.entries.assign(g=pd.to_numeric(lex.entries["goldstein"], errors="coerce"))
    gold_of = entries.dropna(subset=["g"]).drop_duplicates("cameo").set_index("cameo")["g"]
    cues = t["escalation"] if "escalation" in t else pd.DataFrame()
    keep = ["doc_id", "start", "end", "cameo", "weight", "intensity", "hedge", "goldstein"]
    if len(cues) and all(c in cues.columns for c in keep):
        ev = ev.merge(cues[keep].rename(columns={"start": "cue_start", "end": "cue_end", "cameo": "cue_cameo",
                                                 "goldstein": "cue_goldstein"}),
                      on=["doc_id", "cue_start", "cue_end"], how="left")
    for col, default in (("weight", np.nan), ("intensity", 1.0), ("hedge", ""),
                         ("cue_goldstein", np.nan), ("cue_cameo", None)):
        if col not in ev.columns:
            ev[col] = default
    cameo = ev["cameo"].astype(str)
    goldstein = cameo.map(gold_of).astype(float)
    # The cue's own weight where the event keeps its act (some weights sit below Goldstein on
    # purpose, as the lexicon notes); the Goldstein value of the act the clause made of it else.
    same_act = cameo.eq(ev["cue_cameo"].astype(str)) & ev["weight"].notna()
    weight = ev["weight"].where(same_act, goldstein).fillna(ev["weight"]).fillna(0.0)
    modality = ev["factuality"].map(FACTUALITY_MODALITY).fillna("asserted")
    hfac = ev["hedge"].map(cfg.hedge_factors).fillna(1.0)
    score = weight * modality.map(cfg.factors).astype(float) * ev["intensity"].fillna(1.0) * hfac
    return ev.assign(goldstein=goldstein.where(goldstein.notna(), ev["cue_goldstein"]),
                     weight=weight, modality=modality, score=score.round(4),
                     reported=ev["factuality"].eq("alleged")).reset_index(drop=True)


def _cues_with_docs(analysis, *, speaker_column: str | None = None,
                    date_column: str | None = None, alleged: bool = False) -> pd.DataFrame:
    """Events (or, without an ``events`` table, cues), statements excluded, joined with
    document metadata; sources filled from the speaker."""
    t = _tables(analysis)
    if "events" in t:
        cues = scored_events(analysis, alleged=alleged)
    else:
        cues = t["escalation"]
        cues = cues[cues["quad_class"] != "statement"]
    docs = t["documents"]
    keep = ["doc_id"] + [c for c in (speaker_column, date_column) if c and c in docs.columns]
    for c in (speaker_column, date_column):
        if c and c not in docs.columns:
            raise ValueError(f"`{c}` is not a documents column; columns are {list(docs.columns)}")
    out = cues.merge(docs[list(dict.fromkeys(keep))], on="doc_id", how="left")
    if speaker_column:
        out["source_actor"] = out["source_actor"].where(out["source_actor"].notna(), out[speaker_column])
        out["target_actor"] = out["target_actor"].where(out["target_actor"] != out["source_actor"])
    return out


def document_index(analysis, *, alleged: bool = False) -> pd.DataFrame:
    """Per document: cues, conflict share, escalation index (``-mean score``) and volume per 1k tokens.

    With an ``events`` table the rows counted are events (:func:`scored_events`; acts alleged
    by a claimant only with ``alleged=True``), else the cues of the ``escalation`` table.

    Example:
        >>> import toolkit
        >>> a = toolkit.analyze(pd.DataFrame({"text": ["Russia threatened Ukraine."]}),
        ...                     annotators=["escalation"], workers=1)
        >>> float(document_index(a)["index"].iloc[0])
        4.4
    """
    t = _tables(analysis)
    cues = _cues_with_docs(analysis, alleged=alleged)
    ntok = t["tokens"].loc[~t["tokens"]["is_punct"]].groupby("doc_id").size().rename("n_tokens")
    g = cues.assign(conflict=cues["quad_class"].str.endswith("conflict")).groupby("doc_id")
    out = pd.DataFrame({"n_cues": g.size(), "conflict_share": g["conflict"].mean(),
                        "index": -g["score"].mean(), "sum_score": g["score"].sum()})
    out = t["documents"][["doc_id"]].merge(out, left_on="doc_id", right_index=True, how="left")
    out = out.merge(ntok, left_on="doc_id", right_index=True, how="left")
    out["n_cues"] = out["n_cues"].fillna(0).astype("int64")
    out["per_1k"] = -out["sum_score"].fillna(0) / out["n_tokens"].replace(0, np.nan) * 1000
    return out.drop(columns="sum_score").reset_index(drop=True)


def _dyad_labels(src: pd.Series, tgt: pd.Series, directed: bool) -> pd.Series:
    if directed:
        return src.astype(str) + "→" + tgt.astype(str)
    a, b = src.astype(str), tgt.astype(str)
    return pd.Series(np.where(a <= b, a + "↔" + b, b + "↔" + a), index=src.index)


def dyad_index(analysis, *, speaker_column: str | None = None, directed: bool = True,
               by: Sequence[str] = (), alleged: bool = False) -> pd.DataFrame:
    """Escalation index per (source, target) dyad, optionally per document column (``by``).

    Args:
        analysis: an :class:`~toolkit.pipeline.Analysis` (or its tables).
        speaker_column: documents column that credits cues with no source to the document's
            speaker (e.g. ``"country"`` for UN speeches, where "we" is the speaking state).
        directed: ``False`` pools both directions (``RUS↔USA``).
        by: further documents columns to group by (``["year"]``).
        alleged: also count acts alleged by a claimant (with an ``events`` table; by default
            only asserted, denied, conditional ... events and the claimants' own speech acts).

    Example:
        >>> import toolkit
        >>> a = toolkit.analyze(pd.DataFrame({"text": ["Russia threatened Ukraine."]}),
        ...                     annotators=["escalation"], workers=1)
        >>> dyad_index(a)[["dyad", "n_cues"]].values.tolist()  # actors and quotes run first
        [['RUS→UKR', 1]]
    """
    cues = _cues_with_docs(analysis, speaker_column=speaker_column, alleged=alleged)
    docs = _tables(analysis)["documents"]
    if by:
        cues = cues.merge(docs[["doc_id", *[b for b in by if b not in cues.columns]]], on="doc_id", how="left")
    cues = cues.dropna(subset=["source_actor", "target_actor"])
    cues = cues.assign(dyad=_dyad_labels(cues["source_actor"], cues["target_actor"], directed),
                       conflict=cues["quad_class"].str.endswith("conflict"))
    g = cues.groupby(["dyad", *by], sort=True)
    out = pd.DataFrame({"n_cues": g.size(), "n_docs": g["doc_id"].nunique(),
                        "conflict_share": g["conflict"].mean(), "index": -g["score"].mean()})
    return out.reset_index()


def _period(dates: pd.Series, freq: str) -> pd.Series:
    if freq == "year":
        return dates.dt.year
    if freq == "month":
        return dates.dt.tz_localize(None).dt.to_period("M").dt.to_timestamp() if dates.dt.tz is not None \
            else dates.dt.to_period("M").dt.to_timestamp()
    if freq == "quarter":
        d = dates.dt.tz_localize(None) if dates.dt.tz is not None else dates
        return d.dt.to_period("Q").dt.to_timestamp()
    raise ValueError(f"`freq` value = {freq!r} is invalid; value must be one of ['year', 'quarter', 'month']")


def timeseries(analysis, *, date_column: str = "date", freq: str = "year",
               dyads: Sequence[tuple[str, str]] | None = None, directed: bool = False,
               speaker_column: str | None = None, n_boot: int = 1000, seed: int = 0,
               level: float = 0.95, alleged: bool = False) -> pd.DataFrame:
    """Escalation index per period (and dyad) with document-bootstrap confidence intervals.

    Documents are the resampling unit (cues of one speech are not independent): for each period
    and dyad, documents are drawn with replacement and the index recomputed as
    ``-sum(score) / n_cues`` over the drawn documents.

    Args:
        analysis: an Analysis (or its tables).
        date_column: a documents column holding dates (datetime) or years (integers).
        freq: ``"year"``, ``"quarter"`` or ``"month"`` (datetime columns only).
        dyads: pairs to keep, e.g. ``[("RUS", "USA"), ("RUS", "UKR")]``; ``None`` = all cues
            pooled into one series named ``"all"``.
        directed: keep the direction of each dyad (``RUS→USA``) or pool both (``RUS↔USA``).
        speaker_column: see :func:`dyad_index`.
        n_boot: bootstrap resamples (0 for none); level: interval coverage.
        alleged: see :func:`dyad_index`.

    Returns:
        Columns ``period, dyad, index, ci_low, ci_high, n_cues, n_docs``.

    Example:
        >>> import toolkit
        >>> df = pd.DataFrame({"text": ["Russia threatened Ukraine.", "Talks resumed."],
        ...                    "date": ["2014-03-01", "2015-01-01"]})
        >>> a = toolkit.analyze(df, annotators=["escalation"], workers=1)
        >>> ts = timeseries(a, n_boot=50)
        >>> ts["period"].tolist(), ts["index"].tolist()
        ([2014, 2015], [4.4, -1.0])
    """
    cues = _cues_with_docs(analysis, speaker_column=speaker_column, date_column=date_column,
                           alleged=alleged)
    col = cues[date_column]
    if pd.api.types.is_datetime64_any_dtype(col):
        cues["period"] = _period(col, freq)
    else:
        cues["period"] = pd.to_numeric(col, errors="coerce")
    cues = cues.dropna(subset=["period"])
    if pd.api.types.is_float_dtype(cues["period"]):
        cues["period"] = cues["period"].astype("int64")  # years
    if dyads is None:
        cues["dyad"] = "all"
    else:
        cues = cues.dropna(subset=["source_actor", "target_actor"])
        cues["dyad"] = _dyad_labels(cues["source_actor"], cues["target_actor"], directed)
        wanted = set(_dyad_labels(pd.Series([a for a, _ in dyads]), pd.Series([b for _, b in dyads]), directed))
        cues = cues[cues["dyad"].isin(wanted)]
    # Per document sums first, so the bootstrap is vectorised over documents.
    per_doc = cues.groupby(["period", "dyad", "doc_id"], sort=True).agg(s=("score", "sum"), k=("score", "size"))
    rng = np.random.default_rng(seed)
    rows = []
    alpha = (1 - level) / 2
    for (period, dyad), g in per_doc.groupby(level=["period", "dyad"], sort=True):
        s, k = g["s"].to_numpy(), g["k"].to_numpy()
        point = -s.sum() / k.sum()
        lo = hi = np.nan
        if n_boot > 0 and len(s) > 1:
            idx = rng.integers(0, len(s), size=(n_boot, len(s)))
            boot = -s[idx].sum(axis=1) / k[idx].sum(axis=1)
            lo, hi = np.quantile(boot, [alpha, 1 - alpha])
        rows.append({"period": period, "dyad": dyad, "index": round(float(point), 4),
                     "ci_low": float(lo), "ci_high": float(hi), "n_cues": int(k.sum()),
                     "n_docs": len(s)})
    out = pd.DataFrame(rows, columns=["period", "dyad", "index", "ci_low", "ci_high", "n_cues", "n_docs"])
    if dyads is None:
        out = out.drop(columns="dyad")
    return out


def evidence(analysis, *, dyad: tuple[str, str] | None = None, year: int | None = None,
             doc_id: str | None = None, directed: bool = False, speaker_column: str | None = None,
             date_column: str = "date", n: int = 20) -> pd.DataFrame:
    """The sentences behind a number: cues of a dyad/year/document, most escalatory first.

    Example:
        >>> import toolkit
        >>> df = pd.DataFrame({"text": ["Russia threatened Ukraine."], "date": ["2014-03-01"]})
        >>> a = toolkit.analyze(df, annotators=["escalation"], workers=1)
        >>> evidence(a, year=2014)["sentence"].tolist()
        ['Russia threatened Ukraine.']
    """
    t = _tables(analysis)
    cues = _cues_with_docs(analysis, speaker_column=speaker_column,
                           date_column=date_column if date_column in t["documents"].columns else None)
    if year is not None:
        col = cues[date_column]
        yr = col.dt.year if pd.api.types.is_datetime64_any_dtype(col) else pd.to_numeric(col, errors="coerce")
        cues = cues[yr == year]
    if doc_id is not None:
        cues = cues[cues["doc_id"] == doc_id]
    if dyad is not None:
        a, b = dyad
        fwd = (cues["source_actor"] == a) & (cues["target_actor"] == b)
        back = (cues["source_actor"] == b) & (cues["target_actor"] == a)
        cues = cues[fwd | (back if not directed else False)]
    sents = t["sentences"][["doc_id", "sent_id", "text"]].rename(columns={"text": "sentence"})
    out = cues.merge(sents, on=["doc_id", "sent_id"], how="left").sort_values("score", kind="stable")
    cols = ["doc_id", "sent_id", "start", "end", "text", "cue", "cameo", "modality", "score",
            "source_actor", "target_actor", "sentence"]
    return out[cols].head(n).reset_index(drop=True)


def events(analysis, *, date_column: str = "date", speaker_column: str | None = None,
           modalities: Sequence[str] = ("asserted", "future", "conditional", "reported"),
           require_dyad: bool = False) -> pd.DataFrame:
    """Event records in the CAMEO style: one row per coded cue, with its evidence sentence.

    Columns follow the Phoenix/ICEWS layout: ``date`` (``YYYYMMDD``), ``source``, ``target``,
    ``code`` (CAMEO, string), ``root_code``, ``quad_class`` (1 verbal cooperation ... 4 material
    conflict), ``goldstein`` (published), ``score`` (toolkit, modality-weighted), ``modality``,
    ``doc_id``, ``sent_id``, ``start``, ``end``, ``evidence``. Cues without a CAMEO code
    (pure markers) and negated/hypothetical/question cues are left out, as event coders do.

    Example:
        >>> import toolkit
        >>> df = pd.DataFrame({"text": ["Russia threatened Ukraine."], "date": ["2014-03-01"]})
        >>> a = toolkit.analyze(df, annotators=["escalation"], workers=1)
        >>> events(a)[["date", "code", "goldstein"]].values.tolist()
        [['20140301', '130', -4.4]]
    """
    t = _tables(analysis)
    has_date = date_column in t["documents"].columns
    cues = _cues_with_docs(analysis, speaker_column=speaker_column,
                           date_column=date_column if has_date else None)
    cues = cues[cues["modality"].isin(modalities) & (cues["cameo"].fillna("").str.len() > 0)
                & (cues["cameo"] != "nan")]
    if require_dyad:
        cues = cues.dropna(subset=["source_actor", "target_actor"])
    sents = t["sentences"][["doc_id", "sent_id", "text"]].rename(columns={"text": "evidence"})
    cues = cues.merge(sents, on=["doc_id", "sent_id"], how="left")
    if has_date:
        d = cues[date_column]
        date = d.dt.strftime("%Y%m%d") if pd.api.types.is_datetime64_any_dtype(d) else d.astype(str)
    else:
        date = pd.Series([None] * len(cues), index=cues.index)
    out = pd.DataFrame({
        "date": date, "source": cues["source_actor"], "target": cues["target_actor"],
        "code": cues["cameo"], "root_code": cues["cameo"].str[:2],
        "quad_class": cues["quad_class"].map(QUAD_NUMBER).astype("Int64"),
        "goldstein": cues["goldstein"], "score": cues["score"], "modality": cues["modality"],
        "doc_id": cues["doc_id"], "sent_id": cues["sent_id"], "start": cues["start"],
        "end": cues["end"], "evidence": cues["evidence"]})
    return out.reset_index(drop=True)


def write_events(records: pd.DataFrame, path) -> None:
    """Write event records as a tab-separated file (one event per line, header first).

    Example:
        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "events.tsv")
        >>> write_events(pd.DataFrame({"date": ["20140301"], "code": ["130"]}), p)
        >>> open(p).read().splitlines()[1]
        '20140301\\t130'
    """
    records.to_csv(path, sep="\t", index=False)


# --------------------------------------------------------------------------------------------
# Summaries for display (the figures that draw them live in toolkit.plots)
# --------------------------------------------------------------------------------------------

QUAD_ORDER = ["material_conflict", "verbal_conflict", "statement", "verbal_cooperation",
              "material_cooperation"]


def ladder(cues: pd.DataFrame) -> pd.DataFrame:
    """Counts of cues by CAMEO root category, ordered as an escalation ladder (by mean Goldstein).

    Example:
        >>> ladder(pd.DataFrame({"category": ["threaten", "fight"], "weight": [-4.4, -10.0],
        ...     "quad_class": ["verbal_conflict", "material_conflict"]}))["category"].tolist()
        ['fight', 'threaten']
    """
    c = cues[~cues["category"].isin(MODIFIER_CATEGORIES)]
    g = c.groupby(["category", "quad_class"]).agg(n=("weight", "size"), mean_weight=("weight", "mean"))
    g = g.reset_index().sort_values("mean_weight", kind="stable")
    g["share"] = g["n"] / g["n"].sum()
    return g.reset_index(drop=True)
