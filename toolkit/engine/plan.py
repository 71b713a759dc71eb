"""Planning the work: input batches (for streamed runs) and chunks of whole documents.

Chunks are runs of consecutive whole documents, at most ``chunk_size`` documents and about
:data:`CHUNK_CHARS` characters, so long speeches and short articles give chunks of similar
cost and two workers stay evenly loaded. The plan depends on the corpus, and on the number of
workers only where a segment is too small to give each worker a chunk (a small corpus, or the
last segment of a large one), so engines of any size compute (and cache) the same chunks for
the rest.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator

import pandas as pd

from ..corpus import Corpus, load_corpus

CHUNK_CHARS = 800_000   # about 130k words: each chunk costs ~0.1 CPU s fixed (docs/SCALING.md)
SEGMENT_CHUNKS = 8   # chunks per segment: equal shares for 1, 2, 4 or 8 workers
CHUNK_SLACK = 1.25   # a segment's chunks may run this much over ``max_chars`` rather than double


def plan_chunks(documents: pd.DataFrame, *, chunk_size: int = 256,
                max_chars: int = CHUNK_CHARS, workers: int = 1) -> list[tuple[int, int]]:
    """Split documents into runs ``[a, b)`` of at most ``chunk_size`` docs and ~``max_chars`` chars.

    The documents are first cut greedily into *segments* of up to :data:`SEGMENT_CHUNKS` chunks'
    worth (documents and characters); each segment is then split into 1, 2, 4 or 8 chunks of
    about equal size (by characters; by number of documents where ``chunk_size`` is the tighter
    limit): the fewest chunks of at most :data:`CHUNK_SLACK` x ``max_chars`` characters, so a
    segment of 4.2 chunks' worth makes 4 chunks rather than 8 of half the size (each chunk has
    a fixed cost of about 70 ms). Equal chunks in a power-of-two number keep 2, 4 or 8 workers
    busy to the end of a run, where a greedy plan would leave a short last chunk running alone; the segments keep
    plans local, so documents appended to a corpus change only the chunks of its last segment
    (and the cache serves the rest). Documents are never split: one longer than ``max_chars``
    makes a chunk of its own.

    ``workers``: a segment that its size would leave in fewer chunks than workers (a small
    corpus, the last segment of a large one) is split into as many equal chunks as the largest
    power of two up to ``workers``, none smaller than ``max_chars // 8`` characters, so no
    worker idles while another runs the only chunk.
    Larger segments are planned the same for any number of workers.

    Example:
        >>> plan_chunks(pd.DataFrame({"text": ["a" * 5, "b" * 5, "c"]}), chunk_size=64, max_chars=8)
        [(0, 1), (1, 3)]
        >>> plan_chunks(pd.DataFrame({"text": ["a" * 5] * 4}), chunk_size=64, max_chars=80, workers=2)
        [(0, 2), (2, 4)]
    """
    lengths = [len(t) if isinstance(t, str) else 0 for t in documents["text"].tolist()]
    max_chars = max(1, max_chars)
    spans: list[tuple[int, int]] = []
    start, chars = 0, 0
    for i, n in enumerate(lengths):
        if i > start and (i - start >= SEGMENT_CHUNKS * chunk_size
                          or chars + n > SEGMENT_CHUNKS * max_chars):
            spans += _split_segment(lengths, start, i, chunk_size, max_chars, workers)
            start, chars = i, 0
        chars += n
    if start < len(lengths):
        spans += _split_segment(lengths, start, len(lengths), chunk_size, max_chars, workers)
    return spans


def _split_segment(lengths: list[int], a: int, b: int, chunk_size: int,
                   max_chars: int, workers: int = 1) -> list[tuple[int, int]]:
    """``[a, b)`` in a power-of-two number of chunks of about equal characters (or documents)."""
    import numpy as np

    n_docs = b - a
    chars = sum(lengths[a:b])
    by_chars = 1 if chars <= max_chars // 4 else \
        1 << max(0, math.ceil(math.log2(chars / (CHUNK_SLACK * max_chars))))
    by_docs = -(-n_docs // chunk_size)
    # For idle workers: their number rounded down to a power of two, halved while a chunk
    # would fall under max_chars // 8 (its fixed cost would then outweigh the second CPU).
    for_workers = 1 << max(0, min(SEGMENT_CHUNKS, int(workers)).bit_length() - 1)
    while for_workers > 1 and chars < for_workers * max(1, max_chars // 8):
        for_workers //= 2
    n = min(n_docs, max(by_chars, by_docs, for_workers))
    if n <= 1:
        return [(a, b)]
    if by_docs >= max(by_chars, for_workers):   # the document limit binds: equal numbers of documents
        cuts = [a + round(k * n_docs / n) for k in range(n + 1)]
    else:                     # equal characters: cut where the running total is nearest k/n of it
        cum = np.cumsum(lengths[a:b])
        targets = np.arange(1, n) * (chars / n)
        idx = np.clip(np.searchsorted(cum, targets), 0, n_docs - 1)
        prev = np.clip(idx - 1, 0, None)
        nearer = np.where((idx > 0) & (np.abs(cum[prev] - targets) <= np.abs(cum[idx] - targets)),
                          prev, idx)
        cuts = [a, *(a + int(i) + 1 for i in nearer), b]
    cuts = sorted({c for c in cuts if a <= c <= b})
    out = []
    for x, y in zip(cuts, cuts[1:]):
        # a chunk over the document limit (very unequal document lengths) is cut by count
        k = -(-(y - x) // chunk_size)
        out += [(x + round(j * (y - x) / k), x + round((j + 1) * (y - x) / k)) for j in range(k)]
    return [(x, y) for x, y in out if y > x]


BATCH_BYTES = 16 << 20   # streamed multi-file inputs are loaded this many file bytes at a time


def input_batches(source, *, columns, strict, stream: bool) -> Iterator[Corpus]:
    """The corpus in one piece, or (streaming several files) in batches of about
    :data:`BATCH_BYTES` of files, duplicates found across batches as one load finds them.

    Example:
        >>> [len(c.documents) for c in input_batches(pd.DataFrame({"text": ["a", "b"]}),
        ...                                          columns=None, strict=False, stream=True)]
        [2]
    """
    from ..corpus import load_batches

    if isinstance(source, Corpus):
        yield source
        return
    if not stream or isinstance(source, pd.DataFrame):
        yield load_corpus(source, columns=columns, strict=strict)
        return
    yield from load_batches(source, columns=columns, strict=strict, batch_bytes=BATCH_BYTES)


def dedupe_across(corpus: Corpus, seen_ids: dict[str, int], seen_text: dict[str, str]) -> Corpus:
    """Apply load_corpus's duplicate rules across batches: same text skipped, same id renamed.

    Example:
        >>> ids, texts = {}, {}
        >>> first = dedupe_across(load_corpus(pd.DataFrame({"doc_id": ["a"], "text": ["x"]})), ids, texts)
        >>> again = dedupe_across(load_corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["y", "x"]})),
        ...                       ids, texts)
        >>> again.documents["doc_id"].tolist(), again.report["status"].tolist()
        (['a#2'], ['loaded', 'skipped'])
    """
    docs, report = corpus.documents.copy(), corpus.report.copy()
    # The report rows still loaded under each id, as positions in index order: looked up per
    # document instead of comparing every row of the report for each (quadratic in a batch).
    loaded: dict[str, list[int]] = {}
    for pos, (rid, status) in enumerate(zip(report["doc_id"].tolist(), report["status"].tolist())):
        if status == "loaded":
            loaded.setdefault(rid, []).append(pos)
    keep = []
    for i, (doc_id, text) in enumerate(zip(docs["doc_id"].tolist(), docs["text"].tolist())):
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        if digest in seen_text:
            row = report.index.take(loaded.pop(doc_id, []))
            report.loc[row, ["status", "reason"]] = ["skipped", f"exact duplicate of doc {seen_text[digest]}"]
            continue
        if doc_id in seen_ids:
            seen_ids[doc_id] += 1
            new = f"{doc_id}#{seen_ids[doc_id]}"
            while new in seen_ids:   # an earlier batch may hold that id already ("a", "a#2")
                seen_ids[doc_id] += 1
                new = f"{doc_id}#{seen_ids[doc_id]}"
            moved = loaded.pop(doc_id, [])
            row = report.index.take(moved)
            docs.loc[i, "doc_id"] = new
            report.loc[row, "doc_id"] = new
            report.loc[row, "note"] = (report.loc[row, "note"].fillna("") +
                                       f"; duplicate id {doc_id!r} renamed to {new!r}").str.lstrip("; ")
            loaded[new] = sorted(loaded.get(new, []) + moved)
            doc_id = new
        seen_ids.setdefault(doc_id, 1)
        seen_text[digest] = doc_id
        keep.append(i)
    return Corpus(documents=docs.iloc[keep].reset_index(drop=True), report=report)
