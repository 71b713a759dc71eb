"""CPU speed of the ``events`` step, A/B against another checkout, with its table held equal.

Usage::

    NLTK_DATA=... python bench/bench_events.py [--words 200000] [--runs 3] [--base DIR]

The input tables of the step (``tokens``, ``sentences``, ``mentions``, ``quotes``,
``escalation``) are computed once for about ``--words`` words of UN General Debate speeches
(``bench/run.py``'s ``un_subset``; the bundled sample repeated when the shared corpus is absent)
and written as Parquet to a temporary folder (or ``--tables DIR``, kept and reused). Each
measurement is a fresh process that imports the toolkit from one checkout (this one, or
``--base DIR``, e.g. ``git archive main | tar -x -C DIR``), warms up on other speeches (models,
lexicons, the tagger's word memo), then runs ``events.annotate`` on the tables chunk by chunk as
the pipeline plans them, ``--runs`` times, measuring CPU time (``time.process_time``); each
chunk runs inside a chunk memo that already holds the tokens' string columns as lists, which
the pipeline's earlier steps (actors, quotes) convert before this one, and under the pipeline's
garbage-collection setting (each chunk with the raised young-generation threshold of
``toolkit.engine.chunk``, what the warm-up loaded frozen as the workers' server freezes it). With
``--base`` the two checkouts alternate, so a change in the machine's load hits both alike, and
the two ``events`` tables must be equal (``pandas.testing.assert_frame_equal``, and their column
types) before any figure is printed, unless ``--rules-differ`` says the checkouts are meant to
differ. Figures: words (whitespace-separated, as ``bench/run.py`` counts them) per CPU second,
median of all runs.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INPUTS = ("documents", "sentences", "tokens", "mentions", "quotes", "escalation")


def _subset(words: int, offset: int):
    sys.path.insert(0, str(HERE))
    import pandas as pd
    from run import un_subset

    from toolkit.config import shared_path

    if shared_path("corpora", "ungdc_1946-2024.jsonl.gz") is not None:
        return un_subset(words, offset=offset)
    from toolkit import datasets

    docs = datasets.sample().documents[["doc_id", "text"]]
    reps = max(1, words // max(1, sum(len(t.split()) for t in docs["text"])))
    return pd.concat([docs.assign(doc_id=docs["doc_id"] + f"_{offset}_{k}") for k in range(reps)],
                     ignore_index=True)


def _inputs(words: int, offset: int, folder: Path) -> None:
    """The step's input tables for the subset, as Parquet files in ``folder``."""
    from toolkit import pipeline

    docs = _subset(words, offset)
    a = pipeline.analyze(docs[["doc_id", "text"]], annotators=["actors", "quotes", "escalation"],
                         workers=1, cache=False, progress=False)
    folder.mkdir(parents=True, exist_ok=True)
    for name in INPUTS:
        a[name].to_parquet(folder / f"{name}.parquet", index=False)


def _chunks(folder: Path) -> list[dict]:
    """The input tables split into the chunks of documents the pipeline would plan."""
    import pandas as pd

    from toolkit.engine.plan import plan_chunks

    t = {name: pd.read_parquet(folder / f"{name}.parquet") for name in INPUTS}
    out = []
    for a, b in plan_chunks(t["documents"]):
        ids = set(t["documents"]["doc_id"].iloc[a:b])
        out.append({k: v[v["doc_id"].isin(ids)].reset_index(drop=True) for k, v in t.items()})
    return out


def _shared_columns(tb: dict):
    """A chunk memo holding what the earlier steps of the chunk convert in the pipeline (the
    tokens' string columns as lists, ``tokenize.column_list``), so the step is timed as the
    pipeline runs it; ``None`` for a checkout without chunk memos."""
    try:
        from toolkit.tokenize import ChunkMemo, chunk_memo, column_list
    except ImportError:
        return None
    memo = ChunkMemo()
    with chunk_memo(memo):
        for c in ("text", "lower", "lemma"):
            column_list(tb["tokens"][c])
    return memo


def _chunk_memo(memo):
    import contextlib

    if memo is None:
        return contextlib.nullcontext()
    from toolkit.tokenize import chunk_memo

    return chunk_memo(memo)


def _pipeline_gc():
    """The garbage-collection setting the pipeline runs each chunk under (a raised young-
    generation threshold, ``toolkit.engine.chunk``), or none for a checkout without it."""
    import contextlib

    try:
        from toolkit.engine.chunk import _fewer_collections
    except ImportError:
        return contextlib.nullcontext()
    return _fewer_collections()


def _child(folder: Path, warm: Path, runs: int, table_out: Path) -> None:
    """One measurement process: warm up, then time the step ``runs`` times; print JSON."""
    import pandas as pd

    from toolkit import events

    for tb in _chunks(warm):
        events.annotate(tb)
    gc.freeze()   # as the workers' server does after its warm-up (toolkit._warm)
    chunks = _chunks(folder)
    memos = [_shared_columns(tb) for tb in chunks]
    words = sum(len(t.split()) for c in chunks for t in c["documents"]["text"])
    cpu = []
    for _ in range(runs):
        t0 = time.process_time()
        parts = []
        for tb, memo in zip(chunks, memos):
            with _pipeline_gc(), _chunk_memo(memo):
                parts.append(events.annotate(tb)["events"])
        cpu.append(time.process_time() - t0)
    pd.concat(parts, ignore_index=True).to_parquet(table_out, index=False)
    # Parquet keeps the values; the in-memory types are compared apart.
    dtypes = [[str(t) for t in p.dtypes] for p in parts]
    print(json.dumps({"words": words, "cpu": cpu, "dtypes": dtypes}))


def _measure(code: Path, folder: Path, warm: Path, runs: int, table_out: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code))
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), str(warm), str(runs), str(table_out)],
                         env=env, cwd=str(code), capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"measurement with {code} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=3, help="timed runs per process")
    ap.add_argument("--repeats", type=int, default=3, help="processes per checkout (alternating)")
    ap.add_argument("--base", type=Path, help="another checkout to compare with (its table must be equal)")
    ap.add_argument("--rules-differ", action="store_true",
                    help="the checkouts' rules differ (e.g. main and a branch with new rules): compare "
                         "speed only, without the equality check")
    ap.add_argument("--tables", type=Path, help="keep the input tables in this folder and reuse them "
                    "(default: a temporary folder)")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]), Path(args.child[3]))
        return
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    with tempfile.TemporaryDirectory(prefix="bench_events_") as tmp:
        tmp = Path(tmp)
        tables = args.tables or tmp
        if not (tables / f"main_{args.words}" / "escalation.parquet").exists():
            _inputs(args.words, 0, tables / f"main_{args.words}")
        if not (tables / "warm" / "escalation.parquet").exists():
            _inputs(20_000, 3, tables / "warm")
        codes = {"this": ROOT, **({"base": args.base.resolve()} if args.base else {})}
        cpu: dict[str, list[float]] = {k: [] for k in codes}
        dtypes: dict[str, list] = {}
        words = 0
        for r in range(args.repeats):
            for name, code in codes.items():
                res = _measure(code, tables / f"main_{args.words}", tables / "warm", args.runs,
                               tmp / f"{name}.parquet")
                cpu[name] += res["cpu"]
                words, dtypes[name] = res["words"], res["dtypes"]
        if "base" in codes and args.rules_differ:
            print("equality not checked (--rules-differ): the two checkouts' rules differ")
        elif "base" in codes:
            got, want = (pd.read_parquet(tmp / f"{k}.parquet") for k in ("this", "base"))
            pd.testing.assert_frame_equal(got, want)
            assert dtypes["this"] == dtypes["base"], "the events tables' column types differ"
            print(f"equality: the events tables are equal ({len(got):,} rows)")
        print(f"{words:,} words; CPU seconds of the events step, median of {args.repeats} x {args.runs} runs")
        for name, ts in cpu.items():
            t = statistics.median(ts)
            print(f"{name:>5} ({codes[name]}): {t:6.3f} s  {words / t:>10,.0f} words per CPU second")
        if "base" in codes:
            print(f"speed-up: {statistics.median(cpu['base']) / statistics.median(cpu['this']):.2f}x")


if __name__ == "__main__":
    main()
