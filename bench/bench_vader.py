"""CPU speed of VADER: the reference ``vaderSentiment`` vs :mod:`toolkit._vader`, and of tone.

Usage: ``python bench/bench_vader.py [N_WORDS] [REPEATS]`` (default 200,000 words, 7 runs).

Sentences of UN General Debate speeches (every 20th speech of the corpus, all sessions) when
the shared corpus is present, else the bundled sample repeated. Speed is CPU time of this
process (``time.process_time``), the median of the runs, so other work on the machine does
not count. Before timing, every score is checked for equality with the reference; tone
(ToneAnalyzer.score on the sentences with tone-lexicon hits) is compared with the
implementation before the fast core, copied in ``tests/test_vader.py``.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from _documents import un_or_sample
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from toolkit import _vader, rhetoric

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def _texts(n_words: int) -> tuple[list[str], str]:
    docs, what = un_or_sample()
    from toolkit.tokenize import tokenize_documents

    out, words, k = [], 0, 0
    while words < n_words:
        chunk = docs[k % len(docs):k % len(docs) + 20]
        k += 20
        sents, _ = tokenize_documents([str(i) for i in range(len(chunk))], chunk)
        for t in sents["text"]:
            out.append(t)
            words += len(t.split())
            if words >= n_words:
                break
    return out, what


def cpu(fns: dict, repeats: int) -> dict[str, float]:
    """Median CPU seconds of each function; the runs are interleaved (a, b, a, b, ...) so that
    a change in the machine's load affects all alike."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(repeats):
        for k, fn in fns.items():
            t0 = time.process_time()
            fn()
            times[k].append(time.process_time() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def main(n_words: int = 200_000, repeats: int = 7) -> None:
    texts, what = _texts(n_words)
    words = sum(len(t.split()) for t in texts)
    print(f"{what}: {len(texts):,} sentences, {words:,} words; CPU time, median of {repeats}")
    ref = SentimentIntensityAnalyzer()

    want = [ref.polarity_scores(t) for t in texts]
    got = [_vader.polarity_scores(t) for t in texts]
    assert got == want, "fast VADER differs from vaderSentiment"
    batch = _vader.vader_scores(texts)
    assert batch == [(w["compound"], w["pos"], w["neg"], w["neu"]) for w in want]
    print(f"equality: {len(texts):,} of {len(texts):,} sentences equal to vaderSentiment")

    t = cpu({"ref": lambda: [ref.polarity_scores(t) for t in texts],
             "fast": lambda: [_vader.polarity_scores(t) for t in texts],
             "batch": lambda: _vader.vader_scores(texts),
             "cold": lambda: (_vader._WORDS.clear(), _vader.vader_scores(texts))}, repeats)
    print(f"{'vaderSentiment polarity_scores':<36} {words / t['ref']:>10,.0f} words/s")
    print(f"{'toolkit._vader.polarity_scores':<36} {words / t['fast']:>10,.0f} words/s"
          f"  {t['ref'] / t['fast']:4.1f}x")
    print(f"{'toolkit._vader.vader_scores (batch)':<36} {words / t['batch']:>10,.0f} words/s"
          f"  {t['ref'] / t['batch']:4.1f}x")
    print(f"{'  the same, word memo emptied first':<36} {words / t['cold']:>10,.0f} words/s"
          f"  {t['ref'] / t['cold']:4.1f}x")

    from test_vader import ReferenceToneAnalyzer, _sentence_hits

    pairs = _sentence_hits(texts)
    tone_words = sum(len(t.split()) for t, _ in pairs)
    old, new = ReferenceToneAnalyzer(), rhetoric.ToneAnalyzer()
    scale = rhetoric.TONE_SCALE
    assert [new.score(t, h, scale=scale) for t, h in pairs] == \
        [old.score(t, h, scale=scale) for t, h in pairs], "tone differs from the old analyzer"
    assert [repr(new.valences(t, h, scale=scale)) for t, h in pairs] == \
        [repr(old.valences(t, h, scale=scale)) for t, h in pairs]
    print(f"tone: {len(pairs):,} sentences with tone hits ({tone_words:,} words), all equal")
    t = cpu({"old": lambda: [old.score(t, h, scale=scale) for t, h in pairs],
             "new": lambda: [new.score(t, h, scale=scale) for t, h in pairs]}, repeats)
    print(f"{'ToneAnalyzer.score, before':<36} {tone_words / t['old']:>10,.0f} words/s")
    print(f"{'ToneAnalyzer.score, fast core':<36} {tone_words / t['new']:>10,.0f} words/s"
          f"  {t['old'] / t['new']:4.1f}x")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
