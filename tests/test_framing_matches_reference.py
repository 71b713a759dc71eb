"""The vectorised framing steps give exactly the tables of the pandas code they replaced.

``reference_document_frames`` is the previous implementation (a grouped aggregation reindexed
onto the document x frame grid); compared on UN speeches, the sample, the seed article, with
and without negated cues, and on generated frame tables.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pipeline_helpers as H
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import framing as F
from toolkit.tokenize import tokenize_documents


def reference_document_frames(frames, words, *, lexicons=F.DEFAULT_LEXICONS, min_cues=2,
                              min_rate=1.0, count_negated=True):
    cat = F.frame_catalog(lexicons)[["scheme", "frame"]]
    words = words.astype("int64")
    docs = pd.Index(words.index, name="doc_id")
    f = frames if count_negated else frames[~frames["negated"].astype(bool)]
    agg = (f.groupby(["doc_id", "scheme", "frame"], sort=False)
           .agg(hits=("weight", "sum"), cues=("cue", "nunique")))
    grid = pd.MultiIndex.from_arrays([np.repeat(docs.to_numpy(), len(cat)),
                                      np.tile(cat["scheme"].to_numpy(), len(docs)),
                                      np.tile(cat["frame"].to_numpy(), len(docs))],
                                     names=["doc_id", "scheme", "frame"])
    out = agg.reindex(grid, fill_value=0).reset_index()
    out["hits"] = out["hits"].astype(float)
    out["cues"] = out["cues"].astype("int64")
    out["words"] = np.repeat(words.to_numpy(), len(cat))
    with np.errstate(divide="ignore", invalid="ignore"):
        out["score"] = np.where(out["words"] > 0, 1000.0 * out["hits"] / out["words"], 0.0)
    out["present"] = (out["cues"] >= min_cues) & (out["score"] >= min_rate)
    return out[F.DOCUMENT_FRAME_COLUMNS]


def assert_same(frames, words, **kw):
    for neg in (True, False):
        pd.testing.assert_frame_equal(F.document_frames(frames, words, count_negated=neg, **kw),
                                      reference_document_frames(frames, words, count_negated=neg, **kw))


def _frames(docs):
    _, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    return F.find_frames(toks, texts), F.word_counts(toks).reindex(list(texts), fill_value=0)


@pytest.mark.shared
def test_document_frames_on_un_speeches():
    un = H.un_slice(12)
    if un is None:
        pytest.skip("UN corpus not in the shared folder (toolkit.config.shared_path('corpora'))")
    frames, words = _frames(un)
    assert len(frames) > 1000 and frames["negated"].any()
    assert_same(frames, words)


def test_document_frames_on_sample_and_seed(seed_text):
    docs = pd.concat([H.documents(24), pd.DataFrame({"doc_id": ["seed"], "text": [seed_text]})],
                     ignore_index=True)
    frames, words = _frames(docs)
    assert_same(frames, words)
    assert_same(frames.iloc[0:0], words)
    assert_same(frames, words.iloc[:5])          # cues of documents off the grid are dropped


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "zz"]),
                          st.sampled_from([("diplomatic", "nuclear_danger"), ("pfc", "economic"),
                                           ("pfc", "not_a_frame")]),
                          st.sampled_from(["nuclear", "warhead", "trade", None]),
                          st.sampled_from([1.0, 0.5, 2.0, 0.1]), st.booleans()), max_size=40))
def test_document_frames_on_any_frames(rows):
    frames = pd.DataFrame([(d, s, fr, c, w, n) for d, (s, fr), c, w, n in rows],
                          columns=["doc_id", "scheme", "frame", "cue", "weight", "negated"])
    frames["weight"] = frames["weight"].astype(float)
    words = pd.Series({"d1": 300, "d2": 0, "d3": 1200})
    assert_same(frames, words, min_cues=1)
