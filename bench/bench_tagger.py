"""CPU speed of part-of-speech tagging: NLTK's ``PerceptronTagger.tag`` vs :mod:`toolkit._tagger`.

Usage: ``python bench/bench_tagger.py [N_TOKENS] [REPEATS]`` (default 200,000 tokens, 5 runs).

Sentences of UN General Debate speeches (every 20th speech of the corpus) when the shared
corpus is present, else the bundled sample repeated, tokenised by the toolkit. Both taggers
read the same model object. Before timing, the fast path's tags are checked for equality with
NLTK's on every sentence. Speed is CPU time of this process (``time.process_time``), the
median of interleaved runs; the fast path tags batches of 4,000 sentences (about one pipeline
chunk's structure sentences), once with an empty word memo (``cold``, a fresh
:class:`~toolkit._tagger.FastTagger` per run) and once with the memo filled (``warm``).
"""
from __future__ import annotations

import statistics
import sys
import time

from _documents import un_or_sample

from toolkit import _tagger, clauses
from toolkit.tokenize import tokenize_documents

BATCH = 4000


def _sentences(n_tokens: int) -> tuple[list[list[str]], str]:
    docs, what = un_or_sample()
    out: list[list[str]] = []
    n, k = 0, 0
    while n < n_tokens:
        chunk = docs[k % len(docs):k % len(docs) + 20]
        k += 20
        _, toks = tokenize_documents([str(i) for i in range(len(chunk))], chunk)
        for _, g in toks.groupby(["doc_id", "sent_id"], sort=False)["text"]:
            out.append(g.tolist())
            n += len(out[-1])
            if n >= n_tokens:
                break
    return out, what


def main(n_tokens: int = 200_000, repeats: int = 5) -> None:
    tagger = clauses._perceptron()
    if tagger is None:
        sys.exit("NLTK data 'averaged_perceptron_tagger_eng' not found (set NLTK_DATA)")
    sents, what = _sentences(n_tokens)
    n = sum(map(len, sents))
    batches = [sents[k:k + BATCH] for k in range(0, len(sents), BATCH)]
    print(f"{what}: {len(sents):,} sentences, {n:,} tokens; CPU time, median of {repeats}")

    want = [[t for _, t in tagger.tag(s)] for s in sents]
    warm = _tagger.FastTagger(tagger)
    assert warm.exact, "the fast path's self-check failed: it would fall back to NLTK"
    got = [t for b in batches for t in warm.tag_sents(b)]
    assert got == want, "the fast path's tags differ from NLTK's"
    print(f"equality: {n:,} of {n:,} tokens ({len(sents):,} sentences) equal to PerceptronTagger.tag")

    def cold():
        fast = _tagger.FastTagger(tagger)
        t0 = time.process_time()
        for b in batches:
            fast.tag_sents(b)
        return time.process_time() - t0

    def timed(fn):
        t0 = time.process_time()
        fn()
        return time.process_time() - t0

    runs: dict[str, list[float]] = {"nltk": [], "fast, cold memo": [], "fast, warm memo": []}
    for _ in range(repeats):   # interleaved, so a change in the machine's load hits all alike
        runs["nltk"].append(timed(lambda: [tagger.tag(s) for s in sents]))
        runs["fast, cold memo"].append(cold())
        runs["fast, warm memo"].append(timed(lambda: [warm.tag_sents(b) for b in batches]))
    base = statistics.median(runs["nltk"])
    for name, ts in runs.items():
        t = statistics.median(ts)
        print(f"{name:>16}: {t:7.3f} s  {n / t:>12,.0f} tokens/s  {base / t:5.1f}x")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
