"""CPU cost of the workers' server start-up (``toolkit._warm``), A/B against another checkout.

Usage::

    NLTK_DATA=... python bench/bench_warm.py [--repeats 7] [--base DIR] [--steps events,quotes]

Each measurement is a fresh interpreter that imports ``toolkit._warm`` as the forkserver
preloads it (every registered step warmed unless ``--steps`` names some, as
``TOOLKIT_WARM_STEPS`` says) and prints its own CPU time (``time.process_time``, which counts
the interpreter's start-up too) when the import returns. With ``--base DIR`` (e.g.
``git archive main | tar -x -C DIR``) the two checkouts alternate, so a change in the machine's
load hits both alike. Each checkout's modules are byte-compiled first (``compileall``), as an
installed package's are, so that neither pays for compiling (``PYTHONDONTWRITEBYTECODE`` would
otherwise make one pay on every run). ``--fresh-caches`` gives every run of this checkout an
empty folder for the derived caches (``TOOLKIT_DERIVED_CACHE``: the tagger's model, WordNet's
lemma sets), as on the first command after the NLTK data changed. Figures: median CPU seconds per checkout. ``--profile`` prints the
cumulative cProfile of one warm-up of this checkout instead.
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

ROOT = Path(__file__).resolve().parent.parent
CHILD = "import time, toolkit._warm; print(time.process_time())"
PROFILE = ("import cProfile, pstats; cProfile.run('import toolkit._warm', '{out}'); "
           "pstats.Stats('{out}').sort_stats('cumulative').print_stats(45)")


def _env(code: Path, steps: str | None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(code))
    env.pop("TOOLKIT_WARM_STEPS", None)
    if steps is not None:
        env["TOOLKIT_WARM_STEPS"] = json.dumps({"steps": [s for s in steps.split(",") if s], "pos": False})
    return env


def _measure(code: Path, steps: str | None, fresh: bool = False) -> float:
    env = _env(code, steps)
    with tempfile.TemporaryDirectory(prefix="bench-warm-") as tmp:
        if fresh:
            env["TOOLKIT_DERIVED_CACHE"] = tmp
        out = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=str(code),
                             capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"warm-up with {code} failed:\n{out.stderr[-2000:]}")
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=7, help="processes per checkout (alternating)")
    ap.add_argument("--base", type=Path, help="another checkout to compare with")
    ap.add_argument("--steps", help="comma-separated steps to warm (default: every registered one)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one warm-up")
    ap.add_argument("--fresh-caches", action="store_true",
                    help="an empty derived-cache folder for every run of this checkout")
    args = ap.parse_args()
    if args.profile:
        out = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench_warm_{os.getpid()}.prof"
        subprocess.run([sys.executable, "-c", PROFILE.format(out=out)], env=_env(ROOT, args.steps),
                       cwd=str(ROOT), check=True)
        out.unlink(missing_ok=True)
        return
    codes = {"this": ROOT, **({"base": args.base.resolve()} if args.base else {})}
    for code in codes.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(code / "toolkit")],
                       check=True, stdout=subprocess.DEVNULL)
    cpu: dict[str, list[float]] = {k: [] for k in codes}
    for _ in range(args.repeats):
        for name, code in codes.items():
            cpu[name].append(_measure(code, args.steps, args.fresh_caches and name == "this"))
    print(f"CPU seconds of the server's start-up (interpreter + toolkit._warm), median of {args.repeats}")
    for name, ts in cpu.items():
        print(f"{name:>5} ({codes[name]}): {statistics.median(ts):.3f} s  (min {min(ts):.3f}, max {max(ts):.3f})")
    if "base" in codes:
        print(f"saved: {statistics.median(cpu['base']) - statistics.median(cpu['this']):.3f} CPU s")


if __name__ == "__main__":
    main()
