"""Where a worker's CPU goes: each step's CPU seconds per million words, chunk by chunk, A/B.

Usage::

    NLTK_DATA=... python bench/chunk_budget.py INPUT [--chunks 8] [--repeats 3] [--base DIR]
                                               [--fork] [--profile FILE] [--max-chars N]

Each measurement is a fresh interpreter that warms up as the workers' server does (``import
toolkit._warm``, every registered step), plans ``INPUT`` (a file the command reads, e.g. the
JSON lines ``bench/run.py`` writes) into chunks as a two-worker run does
(:func:`toolkit.engine.plan.plan_chunks`), and runs the first ``--chunks`` of them one after
the other through :func:`toolkit.engine.chunk.execute`, as a worker runs them (no cache, so no
part is written). It prints its warm-up's CPU, each chunk's CPU and each step's CPU seconds
(``Done.cpu``), per million words. ``--fork`` runs each chunk in a child forked from the
warmed process instead, as the forkserver's workers start, so the chunk pays the copy-on-write
faults of a worker's first chunk. ``--base DIR`` (another checkout, e.g. ``git archive REF
toolkit | tar -x -C DIR``) alternates with this tree; ``--profile FILE`` writes a cProfile of
this tree's chunks instead (compiled modules show as one call each: set ``TOOLKIT_PURE=1`` to
see inside them). The machine may be shared: compare CPU, alternate, take medians.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r'''
import json, os, sys, time
t0 = time.process_time()
import toolkit._warm
warm = time.process_time() - t0
from toolkit import load_corpus, pipeline
from toolkit.engine.chunk import Task, execute
from toolkit.engine.plan import CHUNK_CHARS, plan_chunks

src, n, fork, prof, max_chars = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4], sys.argv[5]
docs = load_corpus(src).documents
plan = plan_chunks(docs, workers=2, max_chars=int(max_chars) if max_chars else CHUNK_CHARS)[:n]
anns = pipeline.registry()
keys = {s: "-" for s in ["tokenize", *(a.name for a in anns)]}


def run(i, a, b):
    task = Task(i, docs.iloc[a:b].reset_index(drop=True), keys, anns, False, None, None, False)
    c = time.process_time()
    done = execute(task)
    return time.process_time() - c, done.cpu


def forked(i, a, b):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.write(w, json.dumps(run(i, a, b)).encode())
        os._exit(0)
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 1 << 16)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    os.waitpid(pid, 0)
    return json.loads(b"".join(chunks))


profiler = None
if prof:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
out = [(forked if fork else run)(i, a, b) for i, (a, b) in enumerate(plan)]
if profiler is not None:
    profiler.disable()
    profiler.dump_stats(prof)
words = sum(len(t.split()) for a, b in plan for t in docs["text"].iloc[a:b])
steps = {}
for _, cpu in out:
    for k, v in cpu.items():
        steps[k] = steps.get(k, 0.0) + v
print(json.dumps({"warm": warm, "words": words, "chunks": [c for c, _ in out], "steps": steps}))
'''


def measure(tree: Path, src: str, chunks: int, *, fork: bool, profile: str = "", max_chars: str = "") -> dict:
    """One fresh process's figures (see the module docstring)."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    res = subprocess.run([sys.executable, "-c", CHILD, src, str(chunks), "1" if fork else "0", profile,
                          max_chars], env=env, cwd=str(tree), capture_output=True, text=True, check=False)
    if res.returncode:
        sys.exit(f"the measurement in {tree} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def per_million(r: dict) -> dict[str, float]:
    """CPU seconds per million words: each step, the chunks' total, and the other work."""
    scale = 1e6 / r["words"]
    out = {k: v * scale for k, v in r["steps"].items()}
    total = sum(r["chunks"]) * scale
    out["other"] = total - sum(out.values())
    out["chunks"] = total
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="what the command would analyse (a JSON lines file, a folder ...)")
    ap.add_argument("--chunks", type=int, default=8, help="chunks of the plan to run (default 8)")
    ap.add_argument("--repeats", type=int, default=3, help="fresh processes per checkout")
    ap.add_argument("--base", type=Path, help="another checkout to alternate with")
    ap.add_argument("--fork", action="store_true", help="each chunk in a child forked after the warm-up")
    ap.add_argument("--profile", help="write a cProfile of this tree's chunks to this file, once")
    ap.add_argument("--max-chars", default="", help="characters per chunk (default: CHUNK_CHARS)")
    args = ap.parse_args()
    src = str(Path(args.input).resolve())
    if args.profile:
        r = measure(ROOT, src, args.chunks, fork=False, profile=str(Path(args.profile).resolve()),
                    max_chars=args.max_chars)
        print(f"profile written to {args.profile}; chunks {sum(r['chunks']):.3f} CPU s")
        return
    trees = {"this": ROOT, **({"base": args.base.resolve()} if args.base else {})}
    for tree in trees.values():   # byte code as an installed package has it (see bench_warm.py)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "toolkit")], check=True,
                       stdout=subprocess.DEVNULL)
    runs: dict[str, list[dict]] = {k: [] for k in trees}
    for i in range(args.repeats):
        for name, tree in (reversed(trees.items()) if i % 2 else trees.items()):
            load = os.getloadavg()[0]
            r = measure(tree, src, args.chunks, fork=args.fork, max_chars=args.max_chars)
            runs[name].append(r)
            pm = per_million(r)
            print(f"{i + 1:>2} {name:>5} load {load:4.1f}  warm-up {r['warm']:.3f} s  chunks "
                  + " ".join(f"{c:.2f}" for c in r["chunks"])
                  + "  | per 1M words: " + " ".join(f"{k} {v:.2f}" for k, v in pm.items()), flush=True)
    print("median CPU s per million words (warm-up: CPU s of the server's import)")
    for name, rs in runs.items():
        pms = [per_million(r) for r in rs]
        cols = {k: statistics.median(p[k] for p in pms) for k in pms[0]}
        print(f"{name:>5}: warm-up {statistics.median(r['warm'] for r in rs):.3f}  "
              + "  ".join(f"{k} {v:.3f}" for k, v in cols.items()))


if __name__ == "__main__":
    main()
