"""Actor networks from annotation tables: who talks about whom, who accuses whom.

* :func:`quote_edges` - speaker -> actor mentioned inside what the speaker said, per
  reporting-verb class (``cue_class``): the edges of "who talks about whom"; restricted to the
  accusatory class it is "who accuses whom".
* :func:`dyad_edges` - any table that already has source and target actors (escalation cues)
  counted per relation.

Both return tidy edge tables ``(source, target, relation, weight, n_docs)`` that
:func:`toolkit.figures.network` draws.

Notes:
    Speaker-target pairs from attributed speech follow the actor-dyad view of event data
    (CAMEO source/target actors; Schrodt 2012), measured here from reported speech.
"""
from __future__ import annotations

import pandas as pd

EDGE_COLUMNS = ["source", "target", "relation", "weight", "n_docs"]
# The quotes table contract of toolkit.quotes (offsets null where a part is absent).
QUOTE_COLUMNS = ["doc_id", "quote_id", "kind", "speaker", "speaker_start", "speaker_end",
                 "speaker_actor", "cue", "cue_start", "cue_end", "cue_class", "content",
                 "content_start", "content_end"]


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=EDGE_COLUMNS)


def quote_edges(quotes: pd.DataFrame, mentions: pd.DataFrame, *, relation: str | None = "cue_class",
                kinds: tuple[str, ...] | None = ("direct", "indirect", "mixed", "according_to"),
                self_loops: bool = False) -> pd.DataFrame:
    """Speaker actor -> each actor mentioned in the quote's content, counted.

    Args:
        quotes: the quotes table (``doc_id``, ``speaker_actor``, ``content_start``,
            ``content_end`` and ``relation``).
        mentions: the mentions table (``doc_id``, ``start``, ``end``, ``actor``).
        relation: the quotes column that labels the edge (``cue_class``); ``None``: one kind.
        kinds: quote kinds that count as speech (scare quotes are not speech).
        self_loops: keep "RUS talks about RUS" edges.

    Returns:
        ``source, target, relation, weight, n_docs``, heaviest first; an actor mentioned
        twice in one quote counts once for that quote.

    Example:
        >>> q = pd.DataFrame({"doc_id": ["d"], "quote_id": [0], "kind": ["direct"],
        ...                   "speaker_actor": ["RUS"], "cue_class": ["warning"],
        ...                   "content_start": [10], "content_end": [40]})
        >>> m = pd.DataFrame({"doc_id": ["d", "d"], "start": [20, 50], "end": [30, 56],
        ...                   "actor": ["USA", "UKR"]})
        >>> quote_edges(q, m)[["source", "target", "relation", "weight"]].values.tolist()
        [['RUS', 'USA', 'warning', 1]]
    """
    need_q = {"doc_id", "speaker_actor", "content_start", "content_end"}
    if quotes is None or mentions is None or quotes.empty or mentions.empty \
            or not need_q <= set(quotes) or not {"doc_id", "start", "end", "actor"} <= set(mentions):
        return _empty()
    q = quotes.dropna(subset=["speaker_actor", "content_start", "content_end"])
    q = q[q["speaker_actor"].astype(str) != ""]
    if kinds is not None and "kind" in q:
        q = q[q["kind"].isin(kinds)]
    q = q.reset_index(drop=True).assign(_qid=lambda d: d.index)
    rel = q[relation].fillna("unclassified").astype(str) if relation and relation in q else "speech"
    q = q.assign(relation=rel)
    m = mentions.dropna(subset=["actor"])[["doc_id", "start", "end", "actor"]]
    pairs = q[["_qid", "doc_id", "speaker_actor", "relation", "content_start", "content_end"]].merge(
        m, on="doc_id")
    inside = (pairs["start"] >= pairs["content_start"]) & (pairs["end"] <= pairs["content_end"])
    pairs = pairs[inside].drop_duplicates(["_qid", "actor"])
    pairs = pairs.rename(columns={"speaker_actor": "source", "actor": "target"})
    pairs["source"] = pairs["source"].astype(str)
    pairs["target"] = pairs["target"].astype(str)
    if not self_loops:
        pairs = pairs[pairs["source"] != pairs["target"]]
    return _count(pairs)


def dyad_edges(table: pd.DataFrame, *, source: str = "source_actor", target: str = "target_actor",
               relation: str | None = "category", self_loops: bool = False) -> pd.DataFrame:
    """Count rows per (source actor, target actor, relation) of a table that has both actors.

    Example:
        >>> t = pd.DataFrame({"doc_id": ["d", "d"], "source_actor": ["RUS", "RUS"],
        ...                   "target_actor": ["USA", None], "category": ["threat", "threat"]})
        >>> dyad_edges(t)["weight"].tolist()
        [1]
    """
    if table is None or table.empty or not {source, target} <= set(table):
        return _empty()
    d = table.dropna(subset=[source, target])
    d = d[(d[source].astype(str) != "") & (d[target].astype(str) != "")]
    d = d.assign(source=d[source].astype(str), target=d[target].astype(str),
                 relation=d[relation].fillna("unclassified").astype(str)
                 if relation and relation in d else "relation")
    if not self_loops:
        d = d[d["source"] != d["target"]]
    return _count(d)


def _count(pairs: pd.DataFrame) -> pd.DataFrame:
    if pairs.empty:
        return _empty()
    out = (pairs.groupby(["source", "target", "relation"])
           .agg(weight=("doc_id", "size"), n_docs=("doc_id", "nunique")).reset_index())
    out["weight"] = out["weight"].astype("int64")
    out["n_docs"] = out["n_docs"].astype("int64")
    return out.sort_values(["weight", "source", "target", "relation"],
                           ascending=[False, True, True, True]).reset_index(drop=True)[EDGE_COLUMNS]


def actor_summary(mentions: pd.DataFrame, *, top_forms: int = 4) -> pd.DataFrame:
    """Per actor: mentions, documents, and the surface forms most used for it.

    Example:
        >>> m = pd.DataFrame({"doc_id": ["a", "a", "b"], "actor": ["RUS"] * 3,
        ...                   "text": ["Moscow", "the Kremlin", "Moscow"]})
        >>> actor_summary(m).to_dict("records")
        [{'actor': 'RUS', 'mentions': 3, 'documents': 2, 'forms': 'Moscow, the Kremlin'}]
    """
    cols = ["actor", "mentions", "documents", "forms"]
    if mentions is None or mentions.empty or "actor" not in mentions:
        return pd.DataFrame(columns=cols)
    m = mentions.dropna(subset=["actor"])
    g = m.groupby("actor")
    out = pd.DataFrame({"mentions": g.size(), "documents": g["doc_id"].nunique()})
    if "text" in m:
        out["forms"] = g["text"].agg(lambda s: ", ".join(s.value_counts().index[:top_forms]))
    else:
        out["forms"] = ""
    out = out.reset_index().sort_values(["mentions", "actor"], ascending=[False, True])
    return out.reset_index(drop=True)[cols]


def speaker_profile(quotes: pd.DataFrame, *, by: str = "speaker_actor", of: str = "cue_class",
                    exclude_kinds: tuple[str, ...] = ("scare",)) -> pd.DataFrame:
    """How each speaker is quoted: quotes per (speaker, reporting-verb class) and the share.

    Quotes whose ``by`` is empty are counted under ``"(no actor)"`` (a pronoun or an unnamed
    source the actor resolution could not place), never under their surface words, so "we"
    and "officials" do not pose as actors; quotes without a cue get ``"(no cue)"``. Scare
    quotes are not speech and are left out. Use ``by="speaker"`` for surface speakers.

    Returns:
        ``<by>, <of>, quotes, share, speaker_total`` (long form), largest speakers first.

    Example:
        >>> q = pd.DataFrame({"kind": ["direct", "indirect", "scare"], "speaker_actor": ["RUS"] * 3,
        ...                   "cue_class": ["warning", "neutral", None]})
        >>> speaker_profile(q)[["cue_class", "quotes", "share"]].values.tolist()
        [['neutral', 1, 0.5], ['warning', 1, 0.5]]
    """
    cols = [by, of, "quotes", "share", "speaker_total"]
    if quotes is None or quotes.empty or by not in quotes:
        return pd.DataFrame(columns=cols)
    q = quotes
    if "kind" in q and exclude_kinds:
        q = q[~q["kind"].isin(exclude_kinds)]
    who = q[by].where(q[by].notna() & (q[by].astype(str) != ""))
    cue = q[of] if of in q else pd.Series(None, index=q.index, dtype="object")
    q = q.assign(**{by: who.fillna("(no actor)").astype(str), of: cue.fillna("(no cue)").astype(str)})
    if q.empty:
        return pd.DataFrame(columns=cols)
    out = q.groupby([by, of]).size().rename("quotes").reset_index()
    out["speaker_total"] = out.groupby(by)["quotes"].transform("sum")
    out["share"] = out["quotes"] / out["speaker_total"]
    out = out.sort_values(["speaker_total", by, "quotes", of], ascending=[False, True, False, True])
    return out.reset_index(drop=True)[cols]
