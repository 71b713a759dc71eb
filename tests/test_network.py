"""network: who talks about whom, who accuses whom, how each speaker is quoted."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit import network

TEXT = ("Moscow accused Kyiv of shelling the plant. Washington said Kyiv and Moscow must talk. "
        "The spokesman warned that Kyiv would pay.")


def _q(speaker_actor, cue_class, content, kind="direct", doc="d"):
    start = TEXT.index(content)
    return {"doc_id": doc, "quote_id": 0, "kind": kind, "speaker_actor": speaker_actor,
            "cue_class": cue_class, "content_start": start, "content_end": start + len(content)}


def _mentions():
    rows, i = [], 0
    for word, actor in (("Moscow", "RUS"), ("Kyiv", "UKR"), ("Washington", "USA")):
        i = 0
        while (i := TEXT.find(word, i)) >= 0:
            rows.append({"doc_id": "d", "start": i, "end": i + len(word), "actor": actor, "text": word})
            i += 1
    return pd.DataFrame(rows)


@pytest.mark.parametrize("quotes, expected", [
    ([_q("RUS", "accusatory", "Kyiv of shelling the plant")], [("RUS", "UKR", "accusatory", 1)]),
    # both actors inside the content; the speaker itself is not an edge
    ([_q("USA", "neutral", "Kyiv and Moscow must talk")],
     [("USA", "RUS", "neutral", 1), ("USA", "UKR", "neutral", 1)]),
    ([_q("RUS", "neutral", "Kyiv and Moscow must talk")], [("RUS", "UKR", "neutral", 1)]),
    # scare quotes are not speech; unresolved speakers give no edge
    ([_q("RUS", None, "Kyiv would pay", kind="scare")], []),
    ([_q(None, "warning", "Kyiv would pay")], []),
    ([_q("RUS", None, "Kyiv would pay")], [("RUS", "UKR", "unclassified", 1)]),
    ([_q("RUS", "warning", "Kyiv would pay"), _q("RUS", "warning", "Kyiv of shelling the plant")],
     [("RUS", "UKR", "warning", 2)]),
])
def test_quote_edges(quotes, expected):
    edges = network.quote_edges(pd.DataFrame(quotes), _mentions())
    assert list(edges.columns) == network.EDGE_COLUMNS
    assert [tuple(r) for r in edges[["source", "target", "relation", "weight"]].values.tolist()] == expected


def test_quote_edges_tolerates_missing_tables():
    assert network.quote_edges(pd.DataFrame(columns=network.QUOTE_COLUMNS), _mentions()).empty
    assert network.quote_edges(pd.DataFrame([_q("RUS", "x", "Kyiv would pay")]), pd.DataFrame()).empty
    assert network.quote_edges(None, None).empty


def test_dyad_edges_counts_documents():
    t = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "source_actor": ["RUS", "RUS", "RUS", "USA"],
                      "target_actor": ["USA", "USA", "USA", "USA"], "category": ["threat"] * 4})
    e = network.dyad_edges(t)
    assert e[["source", "target", "weight", "n_docs"]].values.tolist() == [["RUS", "USA", 3, 2]]


def test_speaker_profile_shares_and_fallbacks():
    q = pd.DataFrame({"kind": ["direct", "direct", "indirect", "direct", "scare"],
                      "speaker_actor": ["RUS", "RUS", None, "", None],
                      "speaker": ["Peskov", "Peskov", "we", "officials", None],
                      "cue_class": ["warning", None, "neutral", "neutral", None]})
    p = network.speaker_profile(q)
    rows = {(r.speaker_actor, r.cue_class): (r.quotes, r.share) for r in p.itertuples()}
    assert rows == {("RUS", "warning"): (1, 0.5), ("RUS", "(no cue)"): (1, 0.5),
                    ("(no actor)", "neutral"): (2, 1.0)}
    by_name = network.speaker_profile(q, by="speaker")
    assert set(by_name["speaker"]) == {"Peskov", "we", "officials"}
    assert network.speaker_profile(pd.DataFrame(columns=network.QUOTE_COLUMNS)).empty


def test_actor_summary():
    s = network.actor_summary(_mentions())
    assert s["actor"].tolist() == ["UKR", "RUS", "USA"]
    assert s["mentions"].tolist() == [3, 2, 1]
    assert network.actor_summary(pd.DataFrame()).empty
