"""Annotators and corpora for the pipeline tests, in a module so worker processes can import them.

The corpus is made of short statements by fictional states (Arland, Borovia, Calmar), varied so
that chunks differ and several documents hold lexicon hits while others hold none.
"""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from toolkit.config import shared_path
from toolkit.annotator import Annotator
from toolkit.pipeline import lexicon_annotator

STATES = ["Arland", "Borovia", "Calmar", "Dunmore"]
SENTENCES = [
    "{a} warned {b} of serious consequences if the troops crossed the river.",
    "The foreign ministry of {a} said it would respond accordingly.",
    "{b} rejected the ultimatum and called for talks in Geneva.",
    "Officials in {a} threatened new sanctions against {b}.",
    "The U.N. envoy met Mr. Haldor on Tuesday; no agreement was reached.",
    "{b}'s president didn't rule out a ceasefire, aides said.",
    "Trade between {a} and {b} rose by 3.5 per cent in 2023.",
    "\"We will not be intimidated,\" the spokesman for {b} told reporters.",
]


def documents(n: int = 24) -> pd.DataFrame:
    """``n`` short documents, one to four paragraphs each, deterministic."""
    rows = []
    for i in range(n):
        a, b = STATES[i % 4], STATES[(i + 1 + i // 4) % 4]
        paras = []
        for p in range(1 + i % 4):
            sents = [SENTENCES[(i + p + k) % len(SENTENCES)].format(a=a, b=b) for k in range(2 + (i + p) % 3)]
            paras.append(" ".join(sents))
        rows.append({"doc_id": f"doc{i:03d}", "text": "\n\n".join(paras), "title": f"Statement {i}",
                     "country": a})
    return pd.DataFrame(rows)


def un_slice(n: int = 30) -> pd.DataFrame | None:
    """The first ``n`` UN General Debate speeches (shared corpus), or ``None`` when absent."""
    path = shared_path("corpora", "ungdc_1946-2024.jsonl.gz")
    if path is None:
        return None
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            rows.append({"doc_id": obj["file"].removesuffix(".txt"), "text": obj["text"]})
            if len(rows) >= n:
                break
    return pd.DataFrame(rows)


def write_lexicon(folder: Path, entries: list[tuple[str, str]], *, version: str = "1.0.0",
                  name: str = "threats") -> Path:
    """Write a user lexicon ``<name>.csv`` + ``<name>.yaml``; return the YAML path."""
    folder.mkdir(parents=True, exist_ok=True)
    cats = sorted({c for _, c in entries})
    lines = ["entry,category,weight,note"] + [f"{e},{c},1.0," for e, c in entries]
    (folder / f"{name}.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {"name": name, "version": version, "description": "test lexicon",
            "categories": {c: c for c in cats}, "match_on": "lemma", "sources": ["tests"],
            "changelog": [{"version": version, "date": "2026-01-01", "changes": "test"}]}
    ypath = folder / f"{name}.yaml"
    ypath.write_text(json.dumps(meta), encoding="utf-8")  # JSON is valid YAML
    return ypath


def _count_hits(tables: Mapping[str, pd.DataFrame], *, table: str = "threats",
                log_dir: str = "") -> dict[str, pd.DataFrame]:
    """Hits per sentence of another annotator's table.

    With ``log_dir``, each call leaves a file named after its documents there, and the call
    fails when ``log_dir/../FAIL`` names one of its documents (an injected crash; the flag file
    is not an option, so it does not change the cache key).
    """
    docs = tables["documents"]
    if log_dir:
        name = "-".join(docs["doc_id"].tolist())
        Path(log_dir, f"{name}.{os.getpid()}.{len(list(Path(log_dir).iterdir()))}").write_text("")
        flag = Path(log_dir).parent / "FAIL"
        if flag.exists() and flag.read_text().strip() in set(docs["doc_id"]):
            raise RuntimeError("injected failure")
    hits = tables[table]
    out = (hits.groupby(["doc_id", "sent_id"], sort=True).size().rename("n_hits").reset_index()
           if len(hits) else pd.DataFrame({"doc_id": pd.Series([], dtype="str"),
                                          "sent_id": pd.Series([], dtype="int64"),
                                          "n_hits": pd.Series([], dtype="int64")}))
    return {"hit_counts": out}


def counter(table: str = "threats") -> Annotator:
    """An annotator that depends on another annotator's table."""
    return Annotator(name="hit_counts", produces=("hit_counts",), func=_count_hits,
                     requires=("tokens", table), reads=(), description="hits per sentence")


def _sneaky(tables, **_):
    tables["threats"]  # reads a table it does not declare
    return {"sneaky": pd.DataFrame({"doc_id": []})}


def sneaky() -> Annotator:
    return Annotator(name="sneaky", produces=("sneaky",), func=_sneaky, requires=("tokens",), reads=())


def annotators(lexicon_path: Path) -> list[Annotator]:
    return [lexicon_annotator(lexicon_path, name="threats"), counter("threats")]
