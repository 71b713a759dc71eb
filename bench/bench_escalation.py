"""Speed of the escalation annotator, in words per second, stage by stage.

Usage: ``python bench/bench_escalation.py [N_SPEECHES]`` (UN General Debate 2014 when the shared
corpus is present, else the bundled sample). Stages: the lexicon match alone (one
Aho-Corasick pass), cues with modality and actors (``find_cues``, which includes the match),
the sentence table, and the document-bootstrap time series.
"""
from __future__ import annotations

import sys
import time

from toolkit import datasets, escalation, lexicon
from toolkit.actors import mentions_from_tables
from toolkit.tokenize import tokenize_documents


def _docs(n: int):
    try:
        return datasets.ungdc(years=[2014]).documents.head(n), "UNGDC 2014"
    except datasets.DatasetNotFound:
        return datasets.sample().documents, "bundled sample"


def main(n: int = 100) -> None:
    docs, what = _docs(n)
    sents, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    words = int((~toks["is_punct"]).sum())
    mentions = mentions_from_tables(docs, toks)
    escalation.find_cues(toks.head(50), texts)  # load the lexicon and WordNet outside the timing
    print(f"{what}: {len(docs)} documents, {len(sents):,} sentences, {words:,} words")

    def timed(label, fn):
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
        print(f"{label:<44} {dt:7.2f} s {words / dt:>10,.0f} words/s")
        return out

    lex = lexicon.load(escalation.LEXICON)
    timed("lexicon match (Aho-Corasick, one pass)", lambda: lex.find(toks, texts))
    cues = timed("find_cues (match + modality + actors)",
                 lambda: escalation.find_cues(toks, texts, mentions=mentions))
    timed("sentence_table", lambda: escalation.sentence_table(cues, sents))
    tables = {"documents": docs, "sentences": sents, "tokens": toks, "escalation": cues}
    timed("timeseries (1,000 document bootstraps)",
          lambda: escalation.timeseries(tables, date_column="year", n_boot=1000))
    print(f"{len(cues):,} cues")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
