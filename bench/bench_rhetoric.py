"""Speed of the rhetoric annotator: baselines, tone and markers, in words per second.

Usage: ``python bench/bench_rhetoric.py [N_SPEECHES]`` (UN General Debate 2014 when the shared
corpus is present, else the bundled sample repeated). Prints one line per stage; caches are
cleared before each timed stage so repeated sentences do not flatter the figures. Then
``annotate`` on one-sentence documents of 361 and 722 KB (the bundled sample with its full
stops turned into commas): the seconds should double, not quadruple.
"""
from __future__ import annotations

import sys
import time

import pandas as pd

from toolkit import datasets, rhetoric
from toolkit.tokenize import tokenize_documents


def _docs(n: int):
    try:
        return datasets.ungdc(years=[2014]).documents.head(n), "UNGDC 2014"
    except datasets.DatasetNotFound:
        docs = datasets.sample().documents
        return docs, "bundled sample"


def main(n: int = 100) -> None:
    docs, what = _docs(n)
    sents, toks = tokenize_documents(docs["doc_id"].tolist(), docs["text"].tolist())
    texts = dict(zip(docs["doc_id"], docs["text"]))
    words = int((~toks["is_punct"]).sum())
    rhetoric.annotate({"documents": docs.head(1), "sentences": sents.head(1), "tokens": toks.head(1)})
    print(f"{what}: {len(docs)} documents, {len(sents):,} sentences, {words:,} words")

    def timed(label, fn):
        rhetoric.baseline_scores.cache_clear()
        rhetoric._tone_cached.cache_clear()
        rhetoric._scores_and_tone.cache_clear()
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
        print(f"{label:<44} {dt:7.2f} s {words / dt:>10,.0f} words/s")
        return out

    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from toolkit import _vader
    from toolkit._pattern import pattern_scores

    sample_texts = sents["text"].tolist()
    timed("TextBlob(text).sentiment (objects)", lambda: [TextBlob(t).sentiment for t in sample_texts])
    ref = timed("textblob.en.sentiment(text)", lambda: [tuple(rhetoric._pattern()(t)) for t in sample_texts])
    got = timed("toolkit._pattern.pattern_scores (our path)", lambda: [pattern_scores(t) for t in sample_texts])
    assert got == ref, "pattern_scores differs from TextBlob"
    vader = SentimentIntensityAnalyzer()
    ref = timed("vaderSentiment polarity_scores", lambda: [vader.polarity_scores(t) for t in sample_texts])
    got = timed("toolkit._vader.polarity_scores (our path)", lambda: [_vader.polarity_scores(t) for t in sample_texts])
    assert got == ref, "toolkit._vader differs from vaderSentiment"
    s = timed("sentiment table (both baselines + tone)", lambda: rhetoric.sentiment_table(sents, toks, texts))
    timed("rhetoric table (markers)", lambda: rhetoric.rhetoric_table(toks, texts))
    timed("annotate (both tables)", lambda: rhetoric.annotate({"documents": docs, "sentences": sents,
                                                                "tokens": toks}))
    print(f"sentences re-scored by tone (a tone entry matched): {(s['tone_cues'] != '').mean():.1%}")
    long_sentences()


def long_sentences(sizes=(361_000, 722_000)) -> None:
    """``annotate`` on one sentence of each size: bounded work means linear time."""
    import re

    unit = re.sub(r"\s+", " ", re.sub(r"[.!?;:]+", ",", " ".join(datasets.sample().documents["text"]))) + " "
    for n in sizes:
        text = (unit * (n // len(unit) + 1))[:n].strip()
        sents, toks = tokenize_documents(["long"], [text])
        docs = pd.DataFrame({"doc_id": ["long"], "text": [text]})
        rhetoric.baseline_scores.cache_clear()
        rhetoric._tone_cached.cache_clear()
        rhetoric._scores_and_tone.cache_clear()
        t0 = time.perf_counter()
        rhetoric.annotate({"documents": docs, "sentences": sents, "tokens": toks})
        print(f"annotate, one sentence of {n / 1000:.0f} KB ({len(sents)} sentence(s), {len(toks):,} tokens)"
              f" {time.perf_counter() - t0:7.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
