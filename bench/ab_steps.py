"""A/B of pipeline steps: this working tree against a git ref, same tables, CPU words/s.

Usage::

    NLTK_DATA=... TOOLKIT_SHARED=../shared .venv/bin/python bench/ab_steps.py \\
        [--ref main] [--steps rhetoric] [--words 200000] [--repeats 5]

``--ref``'s ``toolkit/`` is extracted with ``git archive`` into a temporary folder. Each run is
a fresh process (A = the ref, B = this tree, interleaved A, B, A, B, ... so that a change in the
machine's load touches both alike) that analyses a warm-up subset of UN speeches, then
``--words`` words of others with one worker and no cache, and reports the CPU seconds of each
step (``meta["run"]["step_cpu_seconds"]``). Every table of every run must equal the first A
run's (``pandas.testing.assert_frame_equal``), else the script stops with the difference.
Printed: each step's words per CPU second for A and B, median and range over the runs, and
B/A of the medians.

``--pure`` makes A this same tree run as pure Python (``TOOLKIT_PURE=1``) and B the tree with
its compiled modules (``toolkit._native``), the compiler's gain alone; ``--tree`` puts another
checkout's ``toolkit/`` in B's place (a scratch copy with more modules compiled).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def child(out: Path, steps: list[str], words: int) -> None:
    """One measured run in this process: tables to ``out/*.parquet``, CPU seconds to stdout."""
    # the tree under test (PYTHONPATH) first: bench/run.py puts this tree on sys.path
    import toolkit
    from toolkit import pipeline

    sys.path.insert(0, str(HERE))
    from run import n_words, un_subset

    warm = un_subset(30_000, offset=6)
    pipeline.analyze(warm, annotators=steps, workers=1, cache=False, progress=False)
    docs = un_subset(words, offset=0)
    a = pipeline.analyze(docs, annotators=steps, workers=1, cache=False, progress=False)
    for name in a.tables:
        if name != "load_report":
            a[name].to_parquet(out / f"{name}.parquet")
    print(json.dumps({"toolkit": toolkit.__file__, "words": n_words(docs["text"]),
                      "cpu": a.meta["run"]["step_cpu_seconds"]}))


def _run(tree: Path, out: Path, steps: list[str], words: int, *, pure: bool = False) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("TOOLKIT_PURE", None)
    if pure:
        env["TOOLKIT_PURE"] = "1"
    cmd = [sys.executable, str(HERE / "ab_steps.py"), "--child", str(out), "--steps",
           ",".join(steps), "--words", str(words)]
    res = subprocess.run(cmd, env=env, cwd=tree, capture_output=True, text=True, check=False)
    if res.returncode:
        sys.exit(f"run in {tree} failed:\n{res.stderr[-3000:]}")
    got = json.loads(res.stdout.strip().splitlines()[-1])
    if not got["toolkit"].startswith(str(tree)):
        sys.exit(f"run in {tree} imported {got['toolkit']}")
    return got


def _same(first: Path, other: Path) -> None:
    import pandas as pd

    names = sorted(p.name for p in first.glob("*.parquet"))
    assert names == sorted(p.name for p in other.glob("*.parquet")), (names, other)
    for name in names:
        pd.testing.assert_frame_equal(pd.read_parquet(first / name), pd.read_parquet(other / name),
                                      check_exact=True, obj=name)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ref", default="main")
    ap.add_argument("--steps", default="rhetoric")
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--pure", action="store_true",
                    help="A = the B tree as pure Python (TOOLKIT_PURE=1) instead of --ref")
    ap.add_argument("--tree", type=Path, default=ROOT, help="B's tree (default: this checkout)")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    steps = [s for s in args.steps.split(",") if s]
    if args.child:
        child(args.child, steps, args.words)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tree = args.tree.resolve()
        ref = tree if args.pure else tmp / "ref"
        if not args.pure:
            ref.mkdir()
            archive = subprocess.run(["git", "archive", args.ref, "toolkit"], cwd=ROOT, check=True,
                                     capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(ref)], input=archive, check=True)
        name_a = "pure Python (TOOLKIT_PURE=1)" if args.pure else args.ref
        rates: dict[str, dict[str, list[float]]] = {"A": {}, "B": {}}
        for r in range(args.repeats):
            for side, where in (("A", ref), ("B", tree)):
                out = tmp / f"{side}{r}"
                got = _run(where, out, steps, args.words, pure=args.pure and side == "A")
                try:
                    _same(tmp / "A0", out)
                except AssertionError as exc:
                    # a ref that moved on (merged output changes) differs by intent: compare
                    # with the commit this branch started from instead
                    sys.exit(f"run {r + 1} {side}: tables differ from the first A run: "
                             f"{str(exc).splitlines()[0]}\nIf --ref {args.ref} changed output "
                             f"since this branch left it, use --ref $(git merge-base HEAD {args.ref}).")
                for step, sec in got["cpu"].items():
                    rates[side].setdefault(step, []).append(got["words"] / sec)
            print(f"run {r + 1}: " + "; ".join(f"{s} A {rates['A'][s][-1]:,.0f} B {rates['B'][s][-1]:,.0f}"
                                                for s in rates["A"]), flush=True)
        print(f"\nwords per CPU second, {args.repeats} interleaved runs of {got['words']:,} words "
              f"(A = {name_a}, B = {tree}); tables equal in every run")
        for step in rates["A"]:
            a, b = rates["A"][step], rates["B"][step]
            ma, mb = statistics.median(a), statistics.median(b)
            print(f"{step:<12} A {ma:>10,.0f} [{min(a):,.0f}-{max(a):,.0f}]  "
                  f"B {mb:>10,.0f} [{min(b):,.0f}-{max(b):,.0f}]  B/A {mb / ma:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
