"""The vectorised escalation steps give exactly the tables of the pandas code they replaced.

``reference_sentence_table`` is the previous implementation (sorts, a grouped aggregation and
two merges), with the rules added since written in the same pandas style (a negated
disapproval is no act; help to an armed actor is conflict); compared on UN speeches, the seed article, the bundled sample, both event rules and
every quad-class scheme, and on cue tables built to hit ties, negations and zero scores.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pipeline_helpers as H
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import escalation as E
from toolkit.tokenize import tokenize_documents


def reference_sentence_table(cues, sentences, *, event_rule="strongest", scheme="toolkit"):
    out = sentences[["doc_id", "sent_id", "start", "end", "text"]].copy()
    if cues.empty:
        out["score"] = 0.0
        out["event_class"] = "none"
        out["n_cues"] = 0
        out["top_cue"] = None
        out["top_cameo"] = None
        return out[E.SENTENCE_COLUMNS].reset_index(drop=True)
    c = cues.copy()
    q = E.quad_classes(c, scheme=scheme)
    cls = q.where(c["modality"] != "negated", q.map(E._FLIP).fillna(q))
    refusal = (c["modality"] == "negated") & (q == "material_cooperation")
    cls = cls.where(~(c["modality"].isin(E._NOT_DONE) | refusal), cls.map(E._VERBAL).fillna(cls))
    # A negated disapproval (CAMEO 11) is no act: a statement, ranked with the zero scores.
    silent = (c["modality"] == "negated") & c["cameo"].astype(str).str.startswith("11")
    c["_cls"] = np.where((c["score"].abs() > 0) & ~silent, cls, "statement")
    # An appeal (CAMEO 02, not negated) whose next cue in the sentence, within 40 characters,
    # is a conflict act is a demand (verbal conflict): written with a grouped shift here.
    c["_end"] = c["end"] if "end" in c.columns else c["start"]
    by_pos = c.sort_values(["doc_id", "sent_id", "start"], kind="stable")
    g = by_pos.groupby(["doc_id", "sent_id"], sort=False)
    nxt_cls, nxt_start = g["_cls"].shift(-1), g["start"].shift(-1)
    demand = (by_pos["cameo"].astype(str).str[:2] == "02") & (by_pos["modality"] != "negated") \
        & nxt_cls.isin(["verbal_conflict", "material_conflict"]) & (nxt_start - by_pos["_end"] <= 40)
    c.loc[demand[demand].index, "_cls"] = "verbal_conflict"
    if "end" in c.columns and "cue" in c.columns:
        # Help (the cue's first word one of actors.helping, a cooperation class, not negated)
        # whose next cue, within 40 characters, names an armed actor takes the conflict class.
        cfg = E._load(E.LEXICON)[1]
        by_pos = c.sort_values(["doc_id", "sent_id", "start"], kind="stable")
        g = by_pos.groupby(["doc_id", "sent_id"], sort=False)
        nxt_cue, nxt_start = g["cue"].shift(-1).astype(str).str.lower(), g["start"].shift(-1)
        helps = by_pos["cue"].astype(str).str.lower().str.split(" ").str[0].isin(cfg.helping) \
            & by_pos["_cls"].isin(["verbal_cooperation", "material_cooperation"]) \
            & (by_pos["modality"] != "negated") & nxt_cue.isin(cfg.armed_actors) \
            & (nxt_start - by_pos["_end"] <= 40)
        idx = helps[helps].index
        c.loc[idx, "_cls"] = c.loc[idx, "_cls"].map(E._FLIP)
    c = c.drop(columns="_end")
    c["_abs"] = c["score"].abs()
    if event_rule == "strongest":
        c = c.sort_values(["doc_id", "sent_id", "_abs"], ascending=[True, True, False], kind="stable")
    else:
        # Acts first, then acts in an opening prepositional phrase (a sentence-initial
        # preposition up to the first comma), then references (the lexicon's list), then
        # zero-score cues.
        cfg = E._load(E.LEXICON)[1]
        refs = cfg.references
        zero = ((c["_abs"] == 0) | silent) & ~c["cameo"].astype(str).isin(E._ABOUT_ACT)
        phrase_end = {}
        for d, i, start, text in sentences[["doc_id", "sent_id", "start", "text"]].itertuples(index=False):
            head = re.match(r"[^A-Za-z]*([A-Za-z]+)", text)
            if head and head.group(1).lower() in cfg.blockers and "," in text[head.end():]:
                phrase_end[(d, i)] = start + text.index(",", head.end())
        end = pd.Series([phrase_end.get(k, -1) for k in zip(c["doc_id"], c["sent_id"])], index=c.index)
        opening = c["start"] < end
        c["_tier"] = np.where(zero, 3, np.where(c["cue"].isin(refs), 2, np.where(opening, 1, 0)))
        c = c.sort_values(["doc_id", "sent_id", "_tier", "start"], kind="stable").drop(columns="_tier")
    top = c.drop_duplicates(["doc_id", "sent_id"])[["doc_id", "sent_id", "_cls", "cue", "cameo"]]
    agg = c.groupby(["doc_id", "sent_id"], sort=False).agg(score=("score", "sum"), n_cues=("score", "size"))
    agg = agg.reset_index().merge(top, on=["doc_id", "sent_id"])
    out = out.merge(agg, on=["doc_id", "sent_id"], how="left")
    out["score"] = out["score"].fillna(0.0).round(4)
    out["n_cues"] = out["n_cues"].fillna(0).astype("int64")
    out["event_class"] = out["_cls"].fillna("none")
    out = out.rename(columns={"cue": "top_cue", "cameo": "top_cameo"})
    return out[E.SENTENCE_COLUMNS].reset_index(drop=True)


def _cues(docs):
    sents, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    return E.find_cues(toks, texts), sents


def assert_same(cues, sents):
    # the cue-read rules; "main" reads the events table, which the reference has no copy of
    # (tests/test_escalation_main_event.py tests it)
    for rule in [r for r in E.EVENT_RULES if r != "main"]:
        for scheme in E.SCHEMES:
            pd.testing.assert_frame_equal(E.sentence_table(cues, sents, event_rule=rule, scheme=scheme),
                                          reference_sentence_table(cues, sents, event_rule=rule, scheme=scheme))


@pytest.mark.shared
def test_sentence_table_on_un_speeches():
    un = H.un_slice(12)
    if un is None:
        pytest.skip("UN corpus not in the shared folder (toolkit.config.shared_path('corpora'))")
    cues, sents = _cues(un)
    assert len(cues) > 500 and (cues["modality"] == "negated").any()
    assert_same(cues, sents)


def test_sentence_table_on_sample_and_seed(seed_text):
    docs = pd.concat([H.documents(24), pd.DataFrame({"doc_id": ["seed"], "text": [seed_text]})],
                     ignore_index=True)
    cues, sents = _cues(docs)
    assert_same(cues, sents)
    assert_same(cues.iloc[0:0], sents)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["b", "a", "c"]), st.integers(0, 3),
                          st.sampled_from([0.0, 1.0, -1.0, 2.5, -2.5, 0.1, -0.1]),
                          st.sampled_from(["asserted", "negated", "conditional", "future"]),
                          st.sampled_from(list(E._FLIP) + ["statement"]),
                          st.sampled_from(["020", "163", "", "111", "016"])), min_size=1, max_size=30))
def test_sentence_table_on_any_cues(rows):
    cues = pd.DataFrame(rows, columns=["doc_id", "sent_id", "score", "modality", "quad_class", "cameo"])
    cues["start"] = np.arange(len(cues))[::-1] * 3
    # every third cue a reference of the lexicon, so the act-before-reference order is exercised
    cues["cue"] = ["terrorist" if i % 3 == 0 else f"cue{i}" for i in range(len(cues))]
    sents = pd.DataFrame([(d, s, s * 10, s * 10 + 5, f"s{s}") for d in "abcd" for s in range(5)],
                         columns=["doc_id", "sent_id", "start", "end", "text"])
    assert_same(cues, sents)
    # with cue ends and help words, so help given to an armed actor is exercised too
    cues["end"] = cues["start"] + 2
    cues["cue"] = ["terrorist" if i % 3 == 0 else "support" if i % 3 == 1 else "supply ... weapon"
                   for i in range(len(cues))][::-1]
    sents = pd.DataFrame([(d, s, s * 10, s * 10 + 5, f"s{s}") for d in "abcd" for s in range(5)],
                         columns=["doc_id", "sent_id", "start", "end", "text"])
    assert_same(cues, sents)
