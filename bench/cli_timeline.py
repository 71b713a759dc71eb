"""Where the command's wall time goes: timestamps along ``python -m toolkit analyze``, A/B.

Usage::

    NLTK_DATA=... python bench/cli_timeline.py INPUT [--base DIR] [--repeats 3] [-v] [-- ARGS]

Runs the command on ``INPUT`` (a file the command reads, e.g. the JSON lines ``bench/run.py``
writes) with a fresh cache each time, and records, in every process of the run (the command,
the workers' server, each worker), wall-clock and CPU timestamps through a scratch
``sitecustomize`` put first on ``PYTHONPATH`` (nothing in the toolkit is changed): when the
command is ready to hand out chunks (``Engine._run_pool``), when the server has warmed up
(``import toolkit._warm`` returned), each chunk's start and end, the streamed tables' writes,
and each process's exit. Printed per run, then as medians: wall, CPU of all processes, the
command's and the server's ready times (wall s since the start, and their own CPU s), the
first chunk's start, the last chunk's end, the tail (last chunk's end to the command's exit)
and the command's CPU. ``--base DIR`` (another checkout, run with its ``.venv``'s Python if it
has one, else this one's, e.g. ``git archive REF toolkit | tar -x -C DIR``) alternates with
this tree, so a change in the machine's load hits both alike; the load average is printed per
run. Each tree's modules are byte-compiled first (``compileall``), so that neither pays for
compiling when ``PYTHONDONTWRITEBYTECODE`` is set. ``-v`` prints every event. The machine may
be shared: compare the CPU columns, and the wall ones only between runs at the same load.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Installed as sitecustomize in the measured processes only (TOOLKIT_TIMELINE names the log).
HOOKS = r'''
import atexit, functools, importlib.abc, importlib.util, os, sys, time
_OUT = os.environ.get("TOOLKIT_TIMELINE")


def ev(name):
    with open(_OUT, "a") as fh:
        fh.write(f"{time.time():.4f}\t{os.getpid()}\t{os.getppid()}\t{time.process_time():.4f}\t{name}\n")


def _wrap(owner, attr, name, static=False):
    orig = getattr(owner, attr)

    @functools.wraps(orig)
    def timed(*a, **k):
        ev(name + "-start")
        try:
            return orig(*a, **k)
        finally:
            ev(name + "-end")
    setattr(owner, attr, staticmethod(timed) if static else timed)


PATCH = {
    # a worker's chunk; patched before toolkit.engine.workers imports it, so tasks pickle it
    "toolkit.engine.chunk": lambda m: _wrap(m, "execute", "chunk"),
    "toolkit.engine.workers": lambda m: _wrap(m.Engine, "_run_pool", "run_pool", static=True),
    "toolkit.pipeline": lambda m: [_wrap(m, f, f) for f in ("_check", "_plan", "_stream_done", "_write_out")],
    "toolkit._workers": lambda m: _wrap(m, "start_forkserver", "start_forkserver"),
}
WATCH = {"toolkit._warm", *PATCH}


class _Finder(importlib.abc.MetaPathFinder):
    busy = set()

    def find_spec(self, name, path=None, target=None):
        if name not in WATCH or name in self.busy:
            return None
        self.busy.add(name)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            self.busy.discard(name)
        if spec is None or spec.loader is None:
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            ev("imported:" + name)
            if name in PATCH:
                PATCH[name](module)
        spec.loader.exec_module = exec_module
        return spec


if _OUT:
    ev("start")
    sys.meta_path.insert(0, _Finder())
    atexit.register(ev, "exit")
'''


def run_once(tree: Path, src: str, extra: list[str]) -> dict:
    """One command run from ``tree``; its timeline as a dict of figures (and ``events``)."""
    with tempfile.TemporaryDirectory(prefix="cli-timeline-") as tmp:
        hooks, log = Path(tmp) / "hooks", Path(tmp) / "timeline.tsv"
        hooks.mkdir()
        (hooks / "sitecustomize.py").write_text(HOOKS)
        env = {**os.environ, "TOOLKIT_CACHE": f"{tmp}/cache", "TOOLKIT_TIMELINE": str(log),
               "PYTHONPATH": f"{hooks}{os.pathsep}{tree}"}
        python = tree / ".venv" / "bin" / "python"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.time()
        proc = subprocess.run([str(python if python.exists() else sys.executable), "-m", "toolkit",
                               "analyze", src, "--out", f"{tmp}/out", *extra],
                              env=env, cwd=str(tree), capture_output=True, text=True)
        wall = time.time() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode:
            sys.exit(f"the command failed in {tree}:\n{proc.stderr[-2000:]}")
        rows = [line.split("\t") for line in log.read_text().splitlines()]
    events = [(float(t) - t0, int(pid), int(ppid), float(cpu), name) for t, pid, ppid, cpu, name in rows]
    return _figures(events, wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)


def _figures(events: list[tuple], wall: float, cpu_all: float) -> dict:
    me = os.getpid()
    main = next(pid for _, pid, ppid, _, name in events if name == "start" and ppid == me)

    def first(name, pid=None):
        return next((e for e in events if e[4] == name and (pid is None or e[1] == pid)), None)

    ready, warm = first("run_pool-start", main), first("imported:toolkit._warm")
    spawn = first("start_forkserver-start", main)
    starts = [e for e in events if e[4] == "chunk-start"]
    ends = [e for e in events if e[4] == "chunk-end"]
    out = first("exit", main)
    last = max(e[0] for e in ends) if ends else None
    return {"wall": wall, "cpu_all": cpu_all, "spawn_cpu": spawn[3] if spawn else None,
            "main_ready": ready[0] if ready else None, "main_ready_cpu": ready[3] if ready else None,
            "server_ready": warm[0] if warm else None, "server_ready_cpu": warm[3] if warm else None,
            "first_chunk": min(e[0] for e in starts) if starts else None, "last_chunk_end": last,
            "tail": wall - last if last is not None else None, "chunks": len(ends),
            "main_cpu": out[3] if out else None, "events": events}


COLUMNS = ("wall", "cpu_all", "spawn_cpu", "main_ready", "main_ready_cpu", "server_ready", "server_ready_cpu",
           "first_chunk", "last_chunk_end", "tail", "main_cpu")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="what the command analyses (a file, folder or dataset name)")
    ap.add_argument("--base", type=Path, help="another checkout (with its .venv) to alternate with")
    ap.add_argument("--repeats", type=int, default=3, help="runs per checkout")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every event of each run")
    argv = sys.argv[1:]
    cut = argv.index("--") if "--" in argv else len(argv)
    args, extra = ap.parse_args(argv[:cut]), argv[cut + 1:]   # after --: the command's own
    trees = {"this": ROOT, **({"base": args.base.resolve()} if args.base else {})}
    for tree in trees.values():   # byte code as an installed package has it (see bench_warm.py)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "toolkit")],
                       check=True, stdout=subprocess.DEVNULL)
    results: dict[str, list[dict]] = {k: [] for k in trees}
    print("run   tree  load  " + "  ".join(f"{c:>14}" for c in COLUMNS))
    for i in range(args.repeats):
        for name, tree in (reversed(trees.items()) if i % 2 else trees.items()):
            load = os.getloadavg()[0]
            r = run_once(tree, args.input, extra)
            results[name].append(r)
            print(f"{i + 1:>3} {name:>6} {load:5.2f}  "
                  + "  ".join(f"{r[c]:14.3f}" if r[c] is not None else f"{'-':>14}" for c in COLUMNS))
            if args.verbose:
                for t, pid, _, cpu, ev in r["events"]:
                    print(f"      {t:8.3f} {pid:>7} {cpu:7.3f} {ev}")
    print("median" + " " * 12 + "  ".join(f"{c:>14}" for c in COLUMNS))
    for name, rs in results.items():
        print(f"{name:>17} " + "  ".join(
            f"{statistics.median(r[c] for r in rs):14.3f}" if all(r[c] is not None for r in rs)
            else f"{'-':>14}" for c in COLUMNS))
    print(json.dumps({name: {c: [r[c] for r in rs] for c in COLUMNS} for name, rs in results.items()}))


if __name__ == "__main__":
    main()
