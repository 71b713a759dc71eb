"""Speed and memory of the whole analysis on UN General Debate speeches.

Prints, for a subset of about ``--words`` words (whitespace-separated) of the UN corpus:
words/s of each stage (load, tokenize, each registered annotator) and of the whole analysis
with one and with two workers; the same-run references ``nltk.word_tokenize`` (one process) and
the naive chain (Punkt + NLTKWordTokenizer + VADER + TextBlob per sentence, one process); the
speed-up of two workers over one; the re-run from the cache; the whole command line
(``python -m toolkit analyze``) on the same subset; and, with ``--stream-all``, the whole UN
corpus streamed through Parquet with its peak memory. Every figure is the median of ``--runs``
warm runs. Results go to ``bench/results/<time>.json`` and a Markdown table is printed.

Usage::

    PYTHONPATH=. NLTK_DATA=... TOOLKIT_SHARED=../shared python bench/run.py --words 1000000
    python bench/run.py --words 200000 --runs 1          # a quick look (about a minute)
    python bench/run.py --words 1000000 --stream-all     # + the whole corpus (minutes)

The machine may be shared: the load average before and after is recorded next to the figures.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

import pandas as pd

from toolkit import pipeline
from toolkit.config import shared_path


def un_subset(words: int | None, *, stride: int = 7) -> pd.DataFrame:
    """Every ``stride``-th UN speech (spread over the years) until ``words`` words; all if None."""
    path = shared_path("corpora", "ungdc_1946-2024.jsonl.gz")
    if path is None:
        sys.exit("the UN corpus is not in the shared folder; set TOOLKIT_SHARED")
    rows, n = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if words is not None and i % stride:
                continue
            obj = json.loads(line)
            rows.append({"doc_id": obj["file"].removesuffix(".txt"), "text": obj["text"],
                         "country": obj["country_iso3"], "year": int(obj["year"])})
            n += len(obj["text"].split())
            if words is not None and n >= words:
                break
    return pd.DataFrame(rows)


def n_words(texts) -> int:
    return sum(len(t.split()) for t in texts)


def timed(fn, runs: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds (this process) over ``runs`` calls after a warm-up call.

    On a shared machine wall time depends on the other jobs; the CPU time of a single process
    does not, so per-core comparisons use CPU time.
    """
    out = fn()
    walls, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), out


def naive_chain(texts) -> int:
    """The chain a first script would write: NLTK per sentence, VADER and TextBlob per sentence."""
    from nltk.tokenize import NLTKWordTokenizer, sent_tokenize
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    tok, vader, n = NLTKWordTokenizer(), SentimentIntensityAnalyzer(), 0
    for text in texts:
        for sent in sent_tokenize(text):
            n += len(tok.tokenize(sent))
            vader.polarity_scores(sent)
            _ = TextBlob(sent).sentiment  # computing it is the point
    return n


def cli_run(src: Path, out: Path, cache: Path, extra: list[str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB, largest process) of ``python -m toolkit analyze``."""
    env = {**os.environ, "TOOLKIT_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RUSAGE_WRAPPER, "-m", "toolkit", "analyze", str(src),
                           "--out", str(out), *(extra or [])], env=env, capture_output=True, text=True, check=False)
    el = time.perf_counter() - t
    if proc.returncode:
        raise RuntimeError(proc.stderr[-2000:])
    peak = json.loads(proc.stdout.strip().splitlines()[-1])
    return el, peak


# Runs a module like `python -m` and prints the peak RSS of itself and of its children.
_RUSAGE_WRAPPER = """
import json, resource, runpy, sys
sys.argv = sys.argv[2:]
try:
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
except SystemExit as e:
    if e.code: raise
r = resource.getrusage
print(json.dumps({"main_mb": r(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "largest_child_mb": r(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


class TreeMemory:
    """Samples the summed PSS (proportional set size) of this process and its children."""

    def __init__(self, pid: int, every: float = 0.5):
        import psutil

        self.proc, self.every, self.peak_mb = psutil.Process(pid), every, 0.0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            total = 0
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    total += p.memory_full_info().pss
                except psutil.Error:
                    pass
            self.peak_mb = max(self.peak_mb, total / 2**20)
            self._stop.wait(self.every)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


def stream_all(tmp: Path) -> dict:
    """Stream the whole UN corpus (written as Parquet shards) through the CLI; time and memory."""
    shards = tmp / "ungdc-shards"
    shards.mkdir()
    path = shared_path("corpora", "ungdc_1946-2024.jsonl.gz")
    rows, k, words = [], 0, 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            words += len(obj["text"].split())
            rows.append({"doc_id": obj["file"].removesuffix(".txt"), "text": obj["text"],
                         "country": obj["country_iso3"], "year": int(obj["year"])})
            if len(rows) == 500:
                pd.DataFrame(rows).to_parquet(shards / f"part-{k:04d}.parquet", index=False)
                rows, k = [], k + 1
    if rows:
        pd.DataFrame(rows).to_parquet(shards / f"part-{k:04d}.parquet", index=False)
    env = {**os.environ, "TOOLKIT_CACHE": str(tmp / "cache-all"), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", _RUSAGE_WRAPPER, "-m", "toolkit", "analyze", str(shards),
           "--out", str(tmp / "out-all"), "--no-cache"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as mem:
        stdout, stderr = proc.communicate()
    el = time.perf_counter() - t
    if proc.returncode:
        raise RuntimeError(stderr[-2000:])
    peak = json.loads(stdout.strip().splitlines()[-1])
    import pyarrow.parquet as pq

    n_tokens = pq.ParquetFile(tmp / "out-all" / "tokens.parquet").metadata.num_rows
    return {"documents": int(pq.ParquetFile(tmp / "out-all" / "documents.parquet").metadata.num_rows),
            "words": words, "tokens": n_tokens, "seconds": el, "words_per_s": words / el,
            "peak_rss_main_mb": peak["main_mb"], "peak_rss_largest_worker_mb": peak["largest_child_mb"],
            "peak_pss_all_processes_mb": mem.peak_mb}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="words of UN speeches (default 1M)")
    ap.add_argument("--runs", type=int, default=3, help="warm runs per figure (median)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--naive-words", type=int, default=200_000,
                    help="words for the slow reference chain (its words/s is what counts)")
    ap.add_argument("--stream-all", action="store_true", help="also stream the whole UN corpus")
    ap.add_argument("--stream-only", action="store_true",
                    help="only stream the whole UN corpus (time and peak memory)")
    args = ap.parse_args(argv)
    if args.stream_only:
        before = os.getloadavg()[0]
        with tempfile.TemporaryDirectory() as tmpdir:
            res = {"stream_all": stream_all(Path(tmpdir)),
                   "annotators": [a.name for a in pipeline.registry()],
                   "load_average_before_after": [round(before, 2), round(os.getloadavg()[0], 2)]}
        out_dir = HERE / "results"
        out_dir.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        (out_dir / f"stream-{stamp}.json").write_text(json.dumps(res, indent=2) + "\n")
        print(json.dumps(res, indent=2))
        return 0

    load_before = os.getloadavg()
    docs = un_subset(args.words)
    texts = docs["text"].tolist()
    words = n_words(texts)
    anns = pipeline.registry()
    print(f"{len(docs)} UN speeches, {words:,} words; annotators: {[a.name for a in anns] or 'none registered'}; "
          f"load average {load_before[0]:.1f} on {os.cpu_count()} CPUs", flush=True)
    res: dict = {"words": words, "documents": len(docs), "annotators": [a.name for a in anns],
                 "workers": args.workers,
                 "runs": args.runs, "python": platform.python_version(), "cpus": os.cpu_count()}
    import nltk

    res["nltk"] = nltk.__version__
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        src = tmp / "un_subset.jsonl"
        docs.to_json(src, orient="records", lines=True, force_ascii=False)

        from toolkit import load_corpus

        t_load, c_load, corpus = timed(lambda: load_corpus(src), args.runs)
        res["load_s"], res["load_cpu_s"] = t_load, c_load

        from nltk import word_tokenize

        t_wt, c_wt, _ = timed(lambda: [word_tokenize(t) for t in texts], max(1, args.runs - 1))
        res["nltk_word_tokenize_s"], res["nltk_word_tokenize_cpu_s"] = t_wt, c_wt
        print(f"nltk.word_tokenize: {words / t_wt:,.0f} words/s ({words / c_wt:,.0f} per CPU second)", flush=True)

        sub = []
        for t in texts:
            sub.append(t)
            if n_words(sub) >= args.naive_words:
                break
        t_naive, c_naive, _ = timed(lambda: naive_chain(sub), 1)
        res["naive_chain_words_per_s"] = n_words(sub) / t_naive
        res["naive_chain_words_per_cpu_s"] = n_words(sub) / c_naive
        print(f"naive chain: {res['naive_chain_words_per_s']:,.0f} words/s "
              f"({res['naive_chain_words_per_cpu_s']:,.0f} per CPU second)", flush=True)

        def run(workers, cache=False):
            return pipeline.analyze(corpus, workers=workers, cache=cache, progress=False)

        t1, c1, a1 = timed(lambda: run(1), args.runs)
        t2, _, a2 = timed(lambda: run(args.workers), args.runs)
        res["analyze_1_worker_s"], res["analyze_n_workers_s"] = t1, t2
        res["analyze_1_worker_cpu_s"] = c1
        res["steps_cpu_s_1_worker"] = a1.meta["run"]["step_cpu_seconds"]
        res["steps_wall_s_1_worker"] = a1.meta["run"]["step_seconds"]
        res["steps_cpu_s_n_workers"] = a2.meta["run"]["step_cpu_seconds"]
        res["tokens"] = len(a1["tokens"])
        for name in a1.tables:
            pd.testing.assert_frame_equal(a1[name], a2[name])
        print(f"analyze: 1 worker {words / t1:,.0f} words/s, {args.workers} workers {words / t2:,.0f} words/s",
              flush=True)

        cache = tmp / "cache"
        t_first = time.perf_counter()
        run(args.workers, cache)
        res["cache_first_run_s"] = time.perf_counter() - t_first
        t_hit, _, hit = timed(lambda: run(args.workers, cache), args.runs)
        assert hit.meta["run"]["chunks_from_cache"] == hit.meta["run"]["chunks"]
        res["cache_rerun_s"] = t_hit

        cli_times, cli_peaks = [], []
        for i in range(args.runs):
            el, peak = cli_run(src, tmp / f"cli-out-{i}", tmp / f"cli-cache-{i}")
            cli_times.append(el)
            cli_peaks.append(peak)
        res["cli_s"] = statistics.median(cli_times)
        res["cli_peak_rss_mb"] = max(p["main_mb"] for p in cli_peaks)
        res["cli_rerun_s"], _ = cli_run(src, tmp / "cli-out-0", tmp / "cli-cache-0")
        print(f"CLI: {words / res['cli_s']:,.0f} words/s, re-run {res['cli_rerun_s']:.2f} s", flush=True)

        if args.stream_all:
            res["stream_all"] = stream_all(tmp)
            print(f"whole corpus streamed: {res['stream_all']}", flush=True)

    res["load_average_before_after"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    res["main_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (out_dir / f"{stamp}.json").write_text(json.dumps(res, indent=2) + "\n")
    print()
    print(markdown(res))
    print(f"\n(results: bench/results/{stamp}.json)")
    return 0


def markdown(r: dict) -> str:
    w = r["words"]
    wps = lambda s: f"{w / s:,.0f}" if s else "-"
    rows = [("load (JSONL -> documents)", wps(r["load_s"]), wps(r["load_cpu_s"]), "")]
    for step, c in r["steps_cpu_s_1_worker"].items():
        rows.append((f"step `{step}`", wps(r["steps_wall_s_1_worker"][step]), wps(c), ""))
    per_core = (w / r["analyze_1_worker_cpu_s"]) / r["naive_chain_words_per_cpu_s"]
    rows += [
        ("whole analysis, 1 worker (in process)", wps(r["analyze_1_worker_s"]), wps(r["analyze_1_worker_cpu_s"]),
         f"{per_core:.2f}x the naive chain per CPU second"),
        (f"whole analysis, {r.get('workers', 2)} workers", wps(r["analyze_n_workers_s"]), "",
         f"{r['analyze_1_worker_s'] / r['analyze_n_workers_s']:.2f}x over 1 worker (wall)"),
        ("`python -m toolkit analyze` (start, load, analysis, Parquet)", wps(r["cli_s"]), "",
         (f"{r['nltk_word_tokenize_s'] / r['cli_s']:.2f}x `nltk.word_tokenize` (wall); "
          f"peak RSS {r['cli_peak_rss_mb']:.0f} MB")),
        ("re-run from the cache (in process)", wps(r["cache_rerun_s"]), "",
         f"{r['analyze_n_workers_s'] / r['cache_rerun_s']:.0f}x faster than computing"),
        ("re-run from the cache (command line)", wps(r["cli_rerun_s"]), "",
         f"{r['cli_s'] / r['cli_rerun_s']:.1f}x faster than its first run"),
        ("`nltk.word_tokenize`, 1 process (reference)", wps(r["nltk_word_tokenize_s"]),
         wps(r["nltk_word_tokenize_cpu_s"]), ""),
        ("naive chain: Punkt + NLTKWordTokenizer + VADER + TextBlob (reference)",
         f"{r['naive_chain_words_per_s']:,.0f}", f"{r['naive_chain_words_per_cpu_s']:,.0f}", ""),
    ]
    if "stream_all" in r:
        s = r["stream_all"]
        rows.append((f"whole UN corpus streamed to Parquet ({s['words'] / 1e6:.1f}M words, {s['documents']:,} docs)",
                     f"{s['words_per_s']:,.0f}", "",
                     (f"peak RSS main {s['peak_rss_main_mb']:.0f} MB, largest worker "
                      f"{s['peak_rss_largest_worker_mb']:.0f} MB, all processes (PSS) "
                      f"{s['peak_pss_all_processes_mb']:.0f} MB")))
    head = (f"{r['documents']} UN speeches, {w:,} words, annotators: {', '.join(r['annotators']) or 'none'}; "
            f"nltk {r['nltk']}, Python {r['python']}, {r['cpus']} CPUs, load average "
            f"{r['load_average_before_after'][0]} -> {r['load_average_before_after'][1]}; medians of {r['runs']} warm runs.\n\n")
    table = ("| stage | words/s (wall) | words per CPU second | note |\n|---|---:|---:|---|\n"
             + "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows))
    return head + table


if __name__ == "__main__":
    sys.exit(main())
