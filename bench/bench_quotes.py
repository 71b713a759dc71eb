"""Speed of the quotes annotator (after tokenizing and actor mentions), in tokens per second.

Usage: ``python bench/bench_quotes.py [N_SPEECHES]`` (UN General Debate 2010-2015 when the
shared corpus is present, else the bundled sample). Prints the best of three runs of
``toolkit.quotes.find_quotes`` and the rows it found by kind.
"""
from __future__ import annotations

import sys
import time

from toolkit import actors, datasets
from toolkit.quotes import find_quotes
from toolkit.tokenize import tokenize_documents


def _docs(n: int):
    try:
        return datasets.ungdc(years=range(2010, 2016)).documents.head(n), "UNGDC 2010-2015"
    except datasets.DatasetNotFound:
        return datasets.sample().documents, "bundled sample"


def main(n: int = 220) -> None:
    docs, what = _docs(n)
    sents, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    tables = {"documents": docs, "sentences": sents, "tokens": toks}
    mentions = actors.ANNOTATOR.func(tables).get("mentions")
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        quotes, _ = find_quotes(docs, sents, toks, mentions)
        best = min(best, time.perf_counter() - t0)
    print(f"{what}: {len(docs)} documents, {len(toks):,} tokens")
    print(f"quotes: {best:.2f} s ({len(toks) / best:,.0f} tokens/s), {len(quotes):,} rows "
          f"{quotes['kind'].value_counts().to_dict()}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 220)
