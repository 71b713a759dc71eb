"""Speed and memory of the whole analysis on UN General Debate speeches.

Prints, for a subset of about ``--words`` words (whitespace-separated) of the UN corpus:
words/s of each stage (load, tokenize, each registered annotator) and of the whole analysis
with one and with two workers; the same-run references ``nltk.word_tokenize`` (one process) and
the naive chain (Punkt + NLTKWordTokenizer + VADER + TextBlob per sentence, one process); the
speed-up of two workers over one; the re-run from the cache; the whole command line
(``python -m toolkit analyze``) on each run's subset, each time next to ``nltk.word_tokenize``
on the same texts (the ratio is the median of those pairs); and, with ``--stream-all``, the
whole UN corpus streamed through Parquet with its peak memory. Every figure is the median of ``--runs``
warm runs. Results go to ``bench/results/<time>.json`` and a Markdown table is printed.

Usage::

    PYTHONPATH=. NLTK_DATA=... TOOLKIT_SHARED=../shared python bench/run.py --words 1000000
    python bench/run.py --words 200000 --runs 1          # a quick look (about a minute)
    python bench/run.py --words 1000000 --stream-all     # + the whole corpus (minutes)
    python bench/run.py --words 1000000 --cli-only       # the command vs word_tokenize only

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


def un_subset(words: int | None, *, stride: int = 7, offset: int = 0) -> pd.DataFrame:
    """Speeches ``offset, offset + stride, ...`` (spread over the years) until ``words`` words.

    Different offsets give disjoint subsets, so repeated runs never meet a text twice (some
    annotators memoise per-sentence scores, which would flatter a second run on the same text).
    ``words=None`` takes the whole corpus.
    """
    path = shared_path("corpora", "ungdc_1946-2024.jsonl.gz")
    if path is None:
        sys.exit("the UN corpus is not in the shared folder; set TOOLKIT_SHARED")
    rows, n = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if words is not None and i % stride != offset:
                continue
            obj = json.loads(line)
            rows.append({"doc_id": obj["file"].removesuffix(".txt"), "text": obj["text"],
                         "country": obj["country_iso3"], "year": int(obj["year"])})
            n += len(obj["text"].split())
            if words is not None and n >= words:
                break
    return pd.DataFrame(rows)


def pure_modules() -> dict[str, str]:
    """The modules of ``toolkit._native.MODULES`` that a new process would import as pure Python,
    and why: a copy removed by a build in another checkout sharing the environment, or an
    uncompiled edit, makes the command slower than what users run (recorded with the figures)."""
    from toolkit import _native

    return {m: why for m, why in _native.status().items() if why != "native"}


def n_words(texts) -> int:
    return sum(len(t.split()) for t in texts)


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


def cli_run(src: Path, out: Path, cache: Path, extra: list[str] | None = None, *,
            memory: bool = True) -> tuple[float, dict]:
    """Wall seconds and sampled peak memory (MB) of ``python -m toolkit analyze``, and the CPU
    seconds of the command with its server and workers (``cpu_s``).

    Sampling memory (PSS reads every process's page map) takes CPU from the command on a small
    machine: time it with ``memory=False`` and measure memory in a run of its own.
    """
    env = {**os.environ, "TOOLKIT_CACHE": str(cache), "PYTHONPATH": str(ROOT)}
    # The command waits for its server, and the server for its workers, so the command's
    # children usage counts every process of the run once it is waited for.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", "analyze", str(src), "--out", str(out),
                             *(extra or [])], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with TreeMemory(proc.pid, enabled=memory) as mem:
        _, stderr = proc.communicate()
    el = time.perf_counter() - t
    ended = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        raise RuntimeError(stderr[-2000:])
    return el, {"main_mb": mem.main_rss_mb, "largest_worker_mb": mem.worker_rss_mb,
                "all_pss_mb": mem.peak_mb,
                "cpu_s": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
                "tail_s": _tail_seconds(cache, ended)}


def _tail_seconds(cache: Path, ended: float) -> float | None:
    """Seconds from the last chunk's end (the newest part a worker wrote to the command's
    fresh cache) to the command's exit: what of the command is serial after the analysis."""
    parts = [p.stat().st_mtime for p in (cache / "pipeline").glob("*/*/*/*.arrow")]
    return round(ended - max(parts), 3) if parts else None


class TreeMemory:
    """Samples memory of a process and its children: main RSS, largest child RSS, summed PSS.

    Sampling, not ``ru_maxrss``: a child started by fork inherits this process's peak in it.
    PSS counts the pages that forked workers share once, so the sum is the real footprint.
    """

    def __init__(self, pid: int, every: float = 0.2, *, enabled: bool = True):
        import psutil

        self.proc, self.every, self.enabled = psutil.Process(pid), every, enabled
        self.peak_mb = self.main_rss_mb = self.worker_rss_mb = 0.0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        import psutil

        while not self._stop.is_set():
            try:
                main = self.proc.memory_full_info()
                children = self.proc.children(recursive=True)
            except psutil.Error:
                break
            total = main.pss
            for p in children:
                try:
                    info = p.memory_full_info()
                except psutil.Error:
                    continue
                total += info.pss
                self.worker_rss_mb = max(self.worker_rss_mb, info.rss / 2**20)
            self.main_rss_mb = max(self.main_rss_mb, main.rss / 2**20)
            self.peak_mb = max(self.peak_mb, total / 2**20)
            self._stop.wait(self.every)

    def __enter__(self):
        if self.enabled:
            self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self.enabled:
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
    el, peak = cli_run(shards, tmp / "out-all", tmp / "cache-all", ["--no-cache"])
    import pyarrow.parquet as pq

    n_tokens = pq.ParquetFile(tmp / "out-all" / "tokens.parquet").metadata.num_rows
    return {"documents": int(pq.ParquetFile(tmp / "out-all" / "documents.parquet").metadata.num_rows),
            "words": words, "tokens": n_tokens, "seconds": el, "words_per_s": words / el,
            "peak_rss_main_mb": peak["main_mb"], "peak_rss_largest_worker_mb": peak["largest_worker_mb"],
            "peak_pss_all_processes_mb": peak["all_pss_mb"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="words of UN speeches (default 1M)")
    ap.add_argument("--runs", type=int, default=3,
                    help="runs per figure (median), each on different speeches")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--naive-words", type=int, default=200_000,
                    help="words for the slow reference chain (its words/s is what counts)")
    ap.add_argument("--stream-all", action="store_true", help="also stream the whole UN corpus")
    ap.add_argument("--stream-only", action="store_true",
                    help="only stream the whole UN corpus (time and peak memory)")
    ap.add_argument("--cli-only", action="store_true",
                    help="only the command line next to word_tokenize, once per run (no results file)")
    ap.add_argument("--annotators", default=None,
                    help="comma-separated steps to run (default: every registered one), e.g. "
                         "actors,quotes,framing,escalation,rhetoric to leave out events")
    args = ap.parse_args(argv)
    if not 1 <= args.runs <= 5:
        ap.error("--runs must be 1 to 5 (runs, the cache test and the warm-up use disjoint speeches)")
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
    pure_before = pure_modules()
    chosen = None if args.annotators is None else [a for a in args.annotators.split(",") if a]
    cli_extra = [] if chosen is None else ["--annotators", ",".join(chosen)]
    if args.cli_only:
        return cli_only(args.words, args.runs, cli_extra)
    anns = pipeline.select(chosen)
    import nltk
    from nltk import word_tokenize

    from toolkit import load_corpus

    res: dict = {"annotators": [a.name for a in anns], "workers": args.workers, "runs": args.runs,
                 "python": platform.python_version(), "cpus": os.cpu_count(), "nltk": nltk.__version__}
    print(f"annotators: {res['annotators'] or 'none registered'}; load average {load_before[0]:.1f} "
          f"on {os.cpu_count()} CPUs", flush=True)

    def analyze(corpus, workers, cache=False):
        return pipeline.analyze(corpus, annotators=chosen, workers=workers, cache=cache, progress=False)

    def wall_cpu(fn, *args):
        t, c = time.perf_counter(), time.process_time()
        out = fn(*args)
        return time.perf_counter() - t, time.process_time() - c, out

    # Warm-up on texts the measured runs never see: loads models, starts the worker server.
    warm = un_subset(30_000, offset=6)
    naive_chain(warm["text"].tolist()[:3])
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    naive_pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"))
    list(naive_pool.map(naive_chain, [warm["text"].tolist()[:2], warm["text"].tolist()[2:4]]))
    [word_tokenize(t) for t in warm["text"]]
    analyze(warm, 1)
    pipeline.analyze(warm, workers=args.workers, cache=False, progress=False, chunk_size=4)

    rates: dict[str, list[float]] = {}

    def rate(name, value):
        rates.setdefault(name, []).append(value)

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for r in range(args.runs):
            docs = un_subset(args.words, offset=r)
            texts = docs["text"].tolist()
            words = n_words(texts)
            src = tmp / f"un_subset_{r}.jsonl"
            docs.to_json(src, orient="records", lines=True, force_ascii=False)
            if r == 0:
                res.update(words=words, documents=len(docs))
                first_src = src
            w, c, corpus = wall_cpu(load_corpus, src)
            rate("load", words / w)
            rate("load_cpu", words / c)
            w, c, _ = wall_cpu(lambda ts: [word_tokenize(t) for t in ts], texts)
            rate("word_tokenize", words / w)
            rate("word_tokenize_cpu", words / c)
            sub = []
            for t in texts:
                sub.append(t)
                if n_words(sub) >= args.naive_words:
                    break
            w, c, _ = wall_cpu(naive_chain, sub)
            rate("naive", n_words(sub) / w)
            rate("naive_cpu", n_words(sub) / c)
            # The same chain in two processes: what two workers can gain on this machine now
            # (shared or hyper-threaded cores give less than 2x even to independent work).
            halves = [sub[0::2], sub[1::2]]
            t = time.perf_counter()
            list(naive_pool.map(naive_chain, halves))
            rate("naive_2proc_speedup", w / (time.perf_counter() - t))
            w1, c1, a1 = wall_cpu(analyze, corpus, 1)
            rate("analyze_1", words / w1)
            rate("analyze_1_cpu", words / c1)
            for step, sec in a1.meta["run"]["step_cpu_seconds"].items():
                rate(f"step_cpu:{step}", words / sec if sec else 0.0)
            w2, _, a2 = wall_cpu(analyze, corpus, args.workers)
            rate("analyze_n", words / w2)
            rate("speedup", w1 / w2)
            for name in a1.tables:
                pd.testing.assert_frame_equal(a1[name], a2[name])
            del a1, a2
            print(f"run {r + 1}: {words:,} words; word_tokenize {rates['word_tokenize'][-1]:,.0f} w/s; "
                  f"naive chain {rates['naive_cpu'][-1]:,.0f} w/CPU-s; analysis 1 worker "
                  f"{rates['analyze_1_cpu'][-1]:,.0f} w/CPU-s, {rates['analyze_1'][-1]:,.0f} w/s; "
                  f"{args.workers} workers {rates['analyze_n'][-1]:,.0f} w/s", flush=True)

        naive_pool.shutdown()
        # The cache on speeches no run has seen: analyze() keeps its workers between calls and
        # they remember per-sentence scores, which would flatter a first run on texts they
        # analysed before (and so understate what the cache saves).
        cache_docs = un_subset(args.words, offset=args.runs)
        res["cache_words"] = n_words(cache_docs["text"])
        corpus = load_corpus(cache_docs)
        words = res["words"]
        cache = tmp / "cache"
        w_first, _, _ = wall_cpu(analyze, corpus, args.workers, cache)
        hits = [wall_cpu(analyze, corpus, args.workers, cache) for _ in range(args.runs)]
        assert all(h[2].meta["run"]["chunks_from_cache"] == h[2].meta["run"]["chunks"] for h in hits)
        res["cache_first_run_s"] = w_first
        res["cache_rerun_s"] = statistics.median(h[0] for h in hits)
        # The command line runs alone: this process's tables and idle workers (kept between
        # analyze() calls) freed first, as they would not exist on a user's machine.
        del hits, corpus
        pipeline.shutdown_workers()
        import gc

        gc.collect()

        # Timed alone, next to nltk.word_tokenize over the same texts (the machine's speed drifts
        # over a long benchmark), once on each run's speeches: the ratio is the median of the
        # pairs. Memory from a second first run (sampling costs CPU).
        pairs, tails = [], []
        for r in range(args.runs):
            src = tmp / f"un_subset_{r}.jsonl"
            texts = load_corpus(src).documents["text"].tolist()
            cli_s, cli = cli_run(src, tmp / f"cli-out-{r}", tmp / f"cli-cache-{r}", cli_extra, memory=False)
            t = time.perf_counter()
            [word_tokenize(x) for x in texts]
            pairs.append((n_words(texts), cli_s, time.perf_counter() - t, cli["cpu_s"]))
            tails.append(cli["tail_s"])   # the serial part after the last chunk
        res["cli_s"], res["cli_word_tokenize_s"] = pairs[0][1], pairs[0][2]
        res["cli_pairs"] = [{"words": w_, "cli_s": c_, "word_tokenize_s": t_, "cli_cpu_s": u_, "cli_tail_s": tail}
                            for (w_, c_, t_, u_), tail in zip(pairs, tails)]
        res["cli_words_per_cpu_s"] = statistics.median(w_ / u_ for w_, _, _, u_ in pairs)
        res["cli_words_per_s"] = statistics.median(w_ / c_ for w_, c_, _, _ in pairs)
        _, peak = cli_run(first_src, tmp / "cli-out-mem", tmp / "cli-cache-mem", cli_extra)
        res["cli_peak_rss_mb"] = peak["main_mb"]
        res["cli_peak_worker_rss_mb"] = peak["largest_worker_mb"]
        res["cli_peak_pss_all_mb"] = peak["all_pss_mb"]
        res["cli_rerun_s"], _ = cli_run(first_src, tmp / "cli-out-0", tmp / "cli-cache-0", cli_extra,
                                        memory=False)
        ratios = _cli_ratios(res)
        print(f"CLI: {res['cli_words_per_s']:,.0f} words/s, {statistics.median(ratios):.2f}x "
              f"word_tokenize (runs: {', '.join(f'{x:.2f}' for x in ratios)}), "
              f"{res['cli_words_per_cpu_s']:,.0f} words per CPU second (all its processes), "
              f"re-run {res['cli_rerun_s']:.2f} s", flush=True)
        if all(x is not None for x in tails):
            print(f"CLI: {statistics.median(tails):.2f} s from the last chunk's end to the exit "
                  f"(runs: {', '.join(f'{x:.2f}' for x in tails)})", flush=True)

        if args.stream_all:
            res["stream_all"] = stream_all(tmp)
            print(f"whole corpus streamed: {res['stream_all']}", flush=True)

    res["rates"] = {k: statistics.median(v) for k, v in rates.items()}
    res["rates_all_runs"] = rates
    res["load_average_before_after"] = [round(load_before[0], 2), round(os.getloadavg()[0], 2)]
    res["pure_modules_before_after"] = [pure_before, pure_modules()]
    if any(res["pure_modules_before_after"]):
        print(f"WARNING: modules ran as pure Python, not compiled (before, after): "
              f"{res['pure_modules_before_after']}; the figures understate the toolkit", flush=True)
    res["main_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (out_dir / f"{stamp}.json").write_text(json.dumps(res, indent=2) + "\n")
    print()
    print(markdown(res))
    print(f"\n(results: bench/results/{stamp}.json)")
    return 0


def cli_only(words: int, runs: int, extra: list[str]) -> int:
    """The command on ``words`` words of each run's speeches, each time next to
    ``nltk.word_tokenize`` on the same texts (as the full benchmark times it), printed only."""
    from nltk import word_tokenize

    from toolkit import load_corpus

    ratios = []
    pure = pure_modules()
    if pure:
        print(f"WARNING: modules run as pure Python, not compiled: {pure}", flush=True)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for r in range(runs):
            src = tmp / f"un_subset_{r}.jsonl"
            un_subset(words, offset=r).to_json(src, orient="records", lines=True, force_ascii=False)
            texts = load_corpus(src).documents["text"].tolist()
            load = os.getloadavg()[0]
            cli_s, cli = cli_run(src, tmp / f"cli-out-{r}", tmp / f"cli-cache-{r}", extra, memory=False)
            t = time.perf_counter()
            [word_tokenize(x) for x in texts]
            wt_s = time.perf_counter() - t
            ratios.append(wt_s / cli_s)
            print(f"run {r + 1}: {n_words(texts):,} words, load average {load:.2f}: command {cli_s:.2f} s "
                  f"({cli['cpu_s']:.2f} CPU s, tail {cli['tail_s']} s), word_tokenize {wt_s:.2f} s: "
                  f"{ratios[-1]:.2f}x", flush=True)
    print(f"the command vs word_tokenize: {statistics.median(ratios):.2f}x "
          f"({min(ratios):.2f}-{max(ratios):.2f}); load average now {os.getloadavg()[0]:.2f}")
    return 0


def _cli_ratios(r: dict) -> list[float]:
    """The command's speed relative to ``word_tokenize`` in each timed pair."""
    if "cli_pairs" in r:
        return [p["word_tokenize_s"] / p["cli_s"] for p in r["cli_pairs"]]
    # results from before 3 December afternoon: one pair
    wt = r.get("cli_word_tokenize_s", r["words"] / r["rates"]["word_tokenize"])
    return [wt / r["cli_s"]]


def _cli_ratio(r: dict) -> str:
    """The command's median ratio to ``word_tokenize`` and its range over the runs."""
    ratios = _cli_ratios(r)
    span = f" ({min(ratios):.2f}-{max(ratios):.2f})" if len(ratios) > 1 else ""
    return f"{statistics.median(ratios):.2f}x{span}"


def markdown(r: dict) -> str:
    """The figures as a Markdown table (words/s of wall time and per CPU second)."""
    q = r["rates"]
    w = r["words"]
    f = lambda x: f"{x:,.0f}" if x else "-"
    rows = [("load (JSONL -> documents)", f(q["load"]), f(q["load_cpu"]), "")]
    for key, v in q.items():
        if key.startswith("step_cpu:"):
            rows.append((f"step `{key.split(':', 1)[1]}`", "", f(v), ""))
    rows += [
        ("whole analysis, 1 worker (in process)", f(q["analyze_1"]), f(q["analyze_1_cpu"]),
         f"{q['analyze_1_cpu'] / q['naive_cpu']:.2f}x the naive chain per CPU second"),
        (f"whole analysis, {r['workers']} workers", f(q["analyze_n"]), "",
         (f"{q['speedup']:.2f}x over 1 worker (wall; the naive chain in 2 processes: "
          f"{q.get('naive_2proc_speedup', float('nan')):.2f}x); {q['analyze_n'] / q['word_tokenize']:.2f}x "
          "`nltk.word_tokenize`")),
        ("`python -m toolkit analyze` (start, load, analysis, Parquet)",
         f(r.get("cli_words_per_s", w / r["cli_s"])), f(r.get("cli_words_per_cpu_s")),
         (f"{_cli_ratio(r)} `nltk.word_tokenize` (wall, each run timed next to it); peak RSS "
          f"{r['cli_peak_rss_mb']:.0f} MB main, {r['cli_peak_worker_rss_mb']:.0f} MB largest worker, "
          f"{r['cli_peak_pss_all_mb']:.0f} MB all processes (PSS)")),
        ("re-run from the cache (in process)", f(r.get("cache_words", w) / r["cache_rerun_s"]), "",
         f"{r['cache_first_run_s'] / r['cache_rerun_s']:.0f}x faster than the first run"),
        ("re-run from the cache (command line)", f(w / r["cli_rerun_s"]), "",
         f"{r['cli_s'] / r['cli_rerun_s']:.1f}x faster than its first run (start-up and input included)"),
        ("`nltk.word_tokenize`, 1 process (reference)", f(q["word_tokenize"]), f(q["word_tokenize_cpu"]), ""),
        ("naive chain: Punkt + NLTKWordTokenizer + VADER + TextBlob, 1 process (reference)",
         f(q["naive"]), f(q["naive_cpu"]), ""),
    ]
    if "stream_all" in r:
        s = r["stream_all"]
        rows.append((f"whole UN corpus streamed to Parquet ({s['words'] / 1e6:.1f}M words, {s['documents']:,} docs)",
                     f(s["words_per_s"]), "",
                     (f"peak RSS main {s['peak_rss_main_mb']:.0f} MB, largest worker "
                      f"{s['peak_rss_largest_worker_mb']:.0f} MB, all processes (PSS) "
                      f"{s['peak_pss_all_processes_mb']:.0f} MB")))
    head = (f"{r['documents']} UN speeches, {w:,} words (run 1; each run uses different speeches), "
            f"annotators: {', '.join(r['annotators']) or 'none'}; nltk {r['nltk']}, Python {r['python']}, "
            f"{r['cpus']} CPUs shared with other jobs (load average {r['load_average_before_after'][0]} -> "
            f"{r['load_average_before_after'][1]}); medians of {r['runs']} runs.\n\n")
    table = ("| stage | words/s (wall) | words per CPU second | note |\n|---|---:|---:|---|\n"
             + "\n".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows))
    return head + table


if __name__ == "__main__":
    sys.exit(main())
