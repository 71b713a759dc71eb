"""The pipeline's machinery: same tables whatever the workers, streaming, resume, contracts."""
from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import pandas as pd
import pipeline_helpers as H
import pytest

from toolkit import pipeline
from toolkit.engine import plan, results, workers
from toolkit.pipeline import Analysis, analyze, plan_chunks


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "usercache"))


@pytest.fixture(scope="session")
def docs() -> pd.DataFrame:
    return H.documents(24)


@pytest.fixture()
def anns(tmp_path):
    lex = H.write_lexicon(tmp_path / "lex", [("warn", "warning"), ("threaten", "threat"),
                                             ("serious consequence", "warning"), ("sanction", "threat")])
    return H.annotators(lex)


def _unit_free(df: pd.DataFrame) -> pd.DataFrame:
    # Parquet has no seconds unit: a datetime64[s] column comes back as [ms], same instants.
    df = df.reset_index(drop=True)
    for col in df.columns:
        if isinstance(df[col].dtype, pd.DatetimeTZDtype):
            df[col] = df[col].dt.as_unit("ns")
    return df


def assert_same(a: Analysis, b: Analysis, names=None):
    for name in names or a.tables:
        pd.testing.assert_frame_equal(_unit_free(a[name]), _unit_free(b[name]), obj=name)


@pytest.mark.parametrize("lengths, chunk_size, max_chars, expected", [
    ([5, 5, 1], 64, 8, [(0, 1), (1, 3)]),
    ([1] * 5, 2, 100, [(0, 2), (2, 3), (3, 5)]),   # the document limit binds: equal counts
    ([50, 1, 1], 64, 10, [(0, 1), (1, 3)]),      # a long document gets a chunk of its own
    ([10] * 6, 64, 20, [(0, 1), (1, 3), (3, 4), (4, 6)]),   # 3 chunks' worth -> 4
    ([10] * 9, 64, 20, [(0, 2), (2, 4), (4, 7), (7, 9)]),   # 4.5 chunks' worth -> 4, not 8
    ([1] * 3, 64, 100, [(0, 3)]),                # a small corpus stays one chunk
    ([], 64, 10, []),
])
def test_plan_chunks(lengths, chunk_size, max_chars, expected):
    df = pd.DataFrame({"text": ["x" * n for n in lengths]})
    assert plan_chunks(df, chunk_size=chunk_size, max_chars=max_chars) == expected


@pytest.mark.parametrize("lengths, workers, expected", [
    ([10] * 4, 2, [(0, 2), (2, 4)]),                    # one chunk's worth, two workers: halves
    ([10] * 4, 3, [(0, 2), (2, 4)]),                    # three workers: a power of two, 2
    ([10] * 8, 4, [(0, 2), (2, 4), (4, 6), (6, 8)]),
    ([10] * 4, 1, [(0, 4)]),                            # one worker: one chunk, as before
    ([5, 5], 2, [(0, 2)]),                              # chunks under max_chars // 8: not split
    ([10] * 3, 4, [(0, 1), (1, 3)]),                    # 30 chars: 2 chunks of >= 10, not 4
    ([40, 1, 1], 2, [(0, 1), (1, 3)]),                  # by characters, not by document count
    ([10], 8, [(0, 1)]),                                # a document is never split
])
def test_plan_chunks_gives_idle_workers_a_share(lengths, workers, expected):
    df = pd.DataFrame({"text": ["x" * n for n in lengths]})
    assert plan_chunks(df, chunk_size=64, max_chars=80, workers=workers) == expected


def test_plan_chunks_depends_on_workers_only_in_small_segments():
    rng = random.Random(5)
    lengths = [rng.randint(2_000, 40_000) for _ in range(300)]
    df = pd.DataFrame({"text": ["x" * n for n in lengths]})
    one, four = (plan_chunks(df, chunk_size=256, max_chars=100_000, workers=w) for w in (1, 4))
    last, chars = 0, 0   # the last segment's start: segments are cut greedily at 8 chunks' worth
    for i, n in enumerate(lengths):
        if i > last and chars + n > 8 * 100_000:
            last, chars = i, 0
        chars += n
    assert [s for s in one if s[1] <= last] == [s for s in four if s[1] <= last]
    assert len([s for s in four if s[0] >= last]) >= 4


def test_plan_chunks_balanced_and_local():
    """Segments of 8 chunks' worth split in 1, 2, 4 or 8 equal chunks; appending documents
    changes only the chunks of the last segment."""
    rng = random.Random(3)
    lengths = [rng.randint(2_000, 40_000) for _ in range(300)]
    df = pd.DataFrame({"text": ["x" * n for n in lengths]})
    spans = plan_chunks(df, chunk_size=256, max_chars=100_000)
    assert spans[0][0] == 0 and spans[-1][1] == len(df)
    assert all(a < b and b == c for (a, b), (c, _) in zip(spans, spans[1:]))
    sizes = [sum(lengths[a:b]) for a, b in spans]
    assert max(sizes) <= 100_000 + 40_000
    first = sizes[:8]   # the first segment: 8 chunks within one document's length of each other
    assert max(first) - min(first) <= 40_000
    more = pd.concat([df, pd.DataFrame({"text": ["y" * 5_000] * 20})], ignore_index=True)
    after = plan_chunks(more, chunk_size=256, max_chars=100_000)
    kept = [s for s in spans if s in after]
    assert len(kept) >= len(spans) - 8   # at most the last segment is planned anew


@pytest.mark.slow  # the first pool starts the forkserver, which loads WordNet (3-10 s on a busy machine)
def test_workers_give_identical_tables(docs, anns):
    one = analyze(docs, annotators=anns, workers=1, chunk_size=5, cache=False)
    two = analyze(docs, annotators=anns, workers=2, chunk_size=5, cache=False)
    assert one.meta["run"]["chunks"] == 5 and two.meta["run"]["workers"] == 2
    assert len(one["threats"]) > 0 and len(one["hit_counts"]) > 0
    assert_same(one, two)
    texts = one.texts()
    for name in ("sentences", "tokens", "threats"):
        t = one[name]
        assert all(texts[d][s:e] == x for d, s, e, x in zip(t["doc_id"], t["start"], t["end"], t["text"]))


def test_un_slice_identical_across_workers():
    un = H.un_slice(12)
    if un is None:
        pytest.skip("UN corpus not in the shared folder (toolkit.config.shared_path('corpora'))")
    one = analyze(un, annotators=[], workers=1, cache=False)
    two = analyze(un, annotators=[], workers=2, cache=False)
    assert_same(one, two)


@pytest.mark.slow
def test_tables_do_not_depend_on_chunking(seed_text):
    """Every annotator sees one document at a time: one document per chunk or all in one chunk
    gives the same tables, row order included (documents in corpus order, not by id)."""
    un = H.un_slice(10)
    docs = (un if un is not None else H.documents(24)).iloc[::-1].reset_index(drop=True)
    if un is not None:  # a speaker code the gazetteer lacks next to known ones ("my country")
        docs["country"] = ["YUG" if i % 4 == 0 else d[:3] for i, d in enumerate(docs["doc_id"])]
    docs = pd.concat([docs, pd.DataFrame({"doc_id": ["seed"], "text": [seed_text]})], ignore_index=True)
    apart = analyze(docs, workers=1, chunk_size=1, cache=False)
    together = analyze(docs, workers=1, chunk_size=1000, cache=False)
    assert apart.meta["run"]["chunks"] == len(docs) and together.meta["run"]["chunks"] < len(docs)
    assert_same(apart, together)
    if un is not None:
        assert (apart["mentions"]["kind"] == "self").any()


@pytest.mark.parametrize("first, later", [
    ({"x": [1], "y": ["a"]}, {"x": [2], "y": ["b"]}),        # one schema: streamed as it is
    ({"x": [None]}, {"x": [2]}),                              # nulls, then integers: written afresh
    ({"x": [1]}, {"x": [1.5]}),                               # integers, then floats
    ({"x": [1]}, {"x": [1.0]}),                               # a cast that loses nothing, still afresh
    ({"x": [1]}, {"x": [1], "z": ["new"]}),                   # a column only in later parts
    ({"x": pd.Series([], dtype="int64")}, {"x": [3]}),        # an empty first part
])
def test_streamed_table_is_the_combined_file(tmp_path, first, later):
    """A table written part by part while chunks run is byte for byte the file combine_parts
    writes after them, however many parts were written early and whatever their schemas."""
    from toolkit.engine.collect import StreamedTable, combine_parts
    from toolkit.engine.store import Store

    store = Store(tmp_path / "cache")
    parts = []
    for i, data in enumerate([first, later, later]):
        store.write("step", f"key{i}", {"t": pd.DataFrame(data)})
        parts.append(store.path("step", f"key{i}", "t"))
    combine_parts(parts, tmp_path / "combined.parquet", None)
    for k in range(len(parts) + 1):            # parts written before the last chunks ended
        out = StreamedTable(tmp_path / f"streamed{k}.parquet")
        out.extend(parts[:k])
        assert out.finish(parts, None) == len(pd.DataFrame(first)) + 2 * len(pd.DataFrame(later))
        assert (tmp_path / f"streamed{k}.parquet").read_bytes() == (tmp_path / "combined.parquet").read_bytes()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("n_workers", [1, 2])
def test_stream_equals_in_memory(docs, anns, tmp_path, monkeypatch, n_workers):
    written = []   # tables whose parts were written while chunks still ran (a worker idle)
    extend = pipeline.StreamedTable.extend
    monkeypatch.setattr(pipeline.StreamedTable, "extend",
                        lambda self, paths: (extend(self, paths), written.append(len(self.info)))[0])
    mem = analyze(docs, annotators=anns, workers=1, chunk_size=5, cache=False)
    out = tmp_path / "out"
    streamed = analyze(docs, annotators=anns, workers=n_workers, chunk_size=5, cache=False, out=out)
    assert (max(written, default=0) > 0) == (n_workers > 1)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{t}.parquet" for t in mem.tables] + ["analysis.json"])   # no leftover parts
    assert_same(mem, streamed)
    assert_same(mem, Analysis.load(out))
    assert json.loads((out / "analysis.json").read_text())["run"]["chunks"] == 5
    assert "tokens" in streamed.summary()


def test_stream_batches_of_files(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    d = H.documents(9)
    for k in range(3):
        d.iloc[3 * k:3 * k + 3].to_json(src / f"part{k}.jsonl", orient="records", lines=True)
    # The same id and the same text again in a later file: the rules of load_corpus apply across files.
    pd.DataFrame([{"doc_id": "doc000", "text": "Calmar protested."},
                  {"doc_id": "other", "text": d.loc[1, "text"]}]).to_json(src / "part9.jsonl", orient="records", lines=True)
    monkeypatch.setattr(plan, "BATCH_BYTES", 1)     # one file per batch
    mem = analyze(src, annotators=[], workers=1, cache=False)
    streamed = analyze(src, annotators=[], workers=1, cache=False, out=tmp_path / "out")
    assert "4 batches" in streamed.meta["load_summary"]
    assert_same(mem, streamed, ["documents", "sentences", "tokens"])
    rep = streamed["load_report"]
    assert (rep["reason"].str.startswith("exact duplicate of doc")).sum() == 1
    assert "doc000#2" in set(streamed["documents"]["doc_id"])


@pytest.mark.parametrize("workers", [1, 2])
def test_resume_after_a_failed_chunk(docs, anns, tmp_path, workers):
    logs = tmp_path / "run" / "logs"
    logs.mkdir(parents=True)
    opts = {"hit_counts": {"log_dir": str(logs)}}
    kw = {"annotators": anns, "workers": workers, "chunk_size": 4, "cache": tmp_path / "cache",
          "options": opts}
    (tmp_path / "run" / "FAIL").write_text("doc012")              # the 4th of 6 chunks crashes
    with pytest.raises(RuntimeError, match="injected failure"):
        analyze(docs, out=tmp_path / "out", **kw)
    before = {p.name for p in logs.iterdir()}
    started = {name.split(".")[0] for name in before}            # chunks the failed call began
    (tmp_path / "run" / "FAIL").unlink()
    resumed = analyze(docs, out=tmp_path / "out", **kw)
    run = resumed.meta["run"]
    rerun = [p.name.split(".")[0] for p in logs.iterdir() if p.name not in before]
    chunks = {"-".join(docs["doc_id"].iloc[i:i + 4]) for i in range(0, len(docs), 4)}
    if workers == 1:   # in order: three chunks finished, the 4th failed, none began after it
        assert run["chunks_from_cache"] == 3 == len(started) - 1
    else:              # the other worker's chunk is stopped with the run: finished or not at all
        assert run["chunks_from_cache"] <= len(started) - 1
    assert len(rerun) == len(set(rerun)) == run["steps_run"]["hit_counts"] == 6 - run["chunks_from_cache"]
    assert chunks - set(rerun) <= started - {"-".join(f"doc{i:03d}" for i in range(12, 16))}
    assert set(rerun) <= chunks                                       # every chunk ran once...
    assert not [p.name for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]   # no half-written table
    fresh = analyze(docs, annotators=anns, workers=1, chunk_size=4, cache=False,
                    options={"hit_counts": {"log_dir": str(tmp_path / "run" / "logs")}})
    assert_same(fresh, resumed)                                       # ...and nothing is lost or doubled
    assert resumed["tokens"].groupby("doc_id")["tok_id"].apply(lambda s: s.is_unique).all()


@pytest.mark.slow
def test_workers_are_kept_between_runs(docs, anns, tmp_path):
    """analyze() reuses its worker processes (warm) until shutdown_workers(); a streamed run
    gives them back before it combines its tables."""
    def pids(run: str) -> set[str]:
        logs = tmp_path / run / "logs"
        logs.mkdir(parents=True)
        analyze(docs, annotators=anns, workers=2, chunk_size=4, cache=False,
                options={"hit_counts": {"log_dir": str(logs)}})
        return {p.name.split(".")[1] for p in logs.iterdir()}

    first, second = pids("a"), pids("b")
    assert second <= first
    pipeline.shutdown_workers()
    assert workers._POOL is None and not (pids("c") & first)
    analyze(docs, annotators=anns, workers=2, chunk_size=4, cache=False, out=tmp_path / "out")
    assert workers._POOL is None


@pytest.mark.slow
def test_idle_workers_end_after_a_while(docs, anns, monkeypatch):
    monkeypatch.setattr(workers, "WORKER_IDLE_SECONDS", 0.5)
    analyze(docs, annotators=anns, workers=2, chunk_size=4, cache=False)
    assert workers._POOL is not None
    for _ in range(50):
        if workers._POOL is None:
            break
        time.sleep(0.1)
    assert workers._POOL is None


def test_tables_convert_to_pandas_when_first_used(docs, anns):
    a = analyze(docs, annotators=anns, workers=1, chunk_size=5, cache=False)
    assert isinstance(a.tables._tables["threats"], results.ArrowParts)
    assert f"threats={a.tables.n_rows('threats'):,}" in repr(a)     # counted, not converted
    assert isinstance(a.tables._tables["threats"], results.ArrowParts)
    hits = a["threats"]
    assert isinstance(hits, pd.DataFrame) and a["threats"] is hits and len(hits) > 0
    a.tables["mine"] = hits.head(1)
    assert "mine" in a and len(dict(a.tables)) == len(a.tables)


def test_undeclared_table_is_an_error(docs, anns):
    with pytest.raises(KeyError, match="does not declare in Annotator.requires or Annotator.reads"):
        analyze(docs, annotators=[anns[0], H.sneaky()], workers=1, cache=False)


def test_unknown_engine_and_annotator(docs):
    with pytest.raises(ValueError, match="`engine` value = 'spark' is invalid"):
        analyze(docs, annotators=[], engine="spark")
    with pytest.raises(ValueError, match="`annotators` value"):
        analyze(docs, annotators=["no_such_step"])


def test_run_chunk_contract(docs):
    tables = pipeline.run_chunk(docs.iloc[:2], [])
    assert sorted(tables) == ["sentences", "tokens"]
    assert tables["tokens"]["doc_id"].unique().tolist() == ["doc000", "doc001"]


def test_stream_rerun_rewrites_only_changed_tables(docs, anns, tmp_path):
    kw = {"annotators": anns, "workers": 1, "chunk_size": 5, "cache": tmp_path / "cache",
          "out": tmp_path / "out"}
    analyze(docs, **kw)
    tokens_file = tmp_path / "out" / "tokens.parquet"
    stamp = tokens_file.stat().st_mtime_ns
    again = analyze(docs, **kw)
    assert tokens_file.stat().st_mtime_ns == stamp                  # unchanged: not rewritten
    n_before = len(again["tokens"])
    changed = docs.copy()
    changed.loc[3, "text"] += " Calmar threatened Dunmore."
    third = analyze(changed, **kw)
    assert tokens_file.stat().st_mtime_ns != stamp
    assert len(third["tokens"]) == n_before + 4


def _reads_optional(tables, **_):
    seen = tables.get("threats")
    return {"seen": pd.DataFrame({"n": [0 if seen is None else len(seen)]})}


def test_optional_tables_are_visible_by_default_and_keyed(docs, anns, tmp_path):
    # Like escalation reading `mentions` when present: visible without declaring, and the key
    # follows every earlier step, so editing the earlier lexicon re-runs it.
    opt = pipeline.Annotator(name="seen", produces=("seen",), func=_reads_optional)
    kw = {"annotators": [*anns, opt], "workers": 1, "chunk_size": 12, "cache": tmp_path / "c"}
    first = analyze(docs, **kw)
    assert first["seen"]["n"].sum() == len(first["threats"]) > 0
    lex = Path(anns[0].lexicons[0])
    H.write_lexicon(lex.parent, [("warn", "warning")], version="2.0.0")
    again = analyze(docs, **kw)
    assert again.meta["run"]["steps_run"]["seen"] == 2
    assert again["seen"]["n"].sum() == len(again["threats"])


# ----------------------------------------------------------------------------- options at the door

@pytest.mark.parametrize("kwargs, says", [
    ({"options": {"actor": {}}}, "annotator 'actor', which is not run; annotators run are "
                                 "['actors'"),
    ({"options": {"actors": {"gazeteers": []}}}, "annotator 'actors' has no option 'gazeteers'; its "
                                                 "options are ['lexicons', 'speaker_column'] "
                                                 "(did you mean 'lexicons'? 'gazetteers' is its old "
                                                 "spelling)"),
    ({"options": {"actors": {"lexicon": []}}}, "(did you mean 'lexicons'?)"),
    ({"options": {"escalation": {"lexicons": ["escalaton"]}}}, "'escalaton' is neither a bundled "
                                                              "lexicon nor a .yaml/.csv file "
                                                              "(did you mean 'escalation'?)"),
    ({"options": {"quotes": {"lexicons": ["framing_sv"]}}}, "'framing_sv' is another step's bundled "
                                                            "lexicon, not one of ['reporting_verbs']"),
    ({"options": {"actors": {"lexicons": ["escalation"]}}}, "'actors' adds lexicons only as .csv/.yaml "
                                                           "files"),
    ({"options": {"escalation": {"lexicons": ["tone"]}}}, "is lexicon 'tone', not one of the step's "
                                                         "lexicons ['escalation']"),
    ({"options": {"rhetoric": {"lexicons": {"tone": None}}}}, "None leaves a bundled lexicon out"),
    ({"options": {"escalation": ["lexicon"]}}, "options of annotator 'escalation' must be a dict"),
    ({"options": {"quotes": {}}, "annotators": ["actors"]}, "annotator 'quotes', which is not run"),
    ({"annotators": ["quote"]}, "`annotators` value = ['quote'] is invalid"),
    ({"engine": "threads"}, "`engine` value = 'threads' is invalid"),
])
def test_options_are_checked_before_any_work(kwargs, says, tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "cache"))
    with pytest.raises(pipeline.OptionError) as err:
        analyze(H.documents(2), workers=2, **kwargs)
    assert says in str(err.value)
    assert not (tmp_path / "cache").exists()        # nothing was run or cached
    assert workers._POOL is None or kwargs.get("engine")


@pytest.mark.parametrize("batches, ids", [
    ([["a"], ["a"]], [["a"], ["a#2"]]),
    # an earlier batch already holds the renamed id: the next free one is taken
    ([["a", "a#2"], ["a"]], [["a", "a#2"], ["a#3"]]),
    ([["a"], ["a#2", "a"]], [["a"], ["a#2", "a#3"]]),
])
def test_duplicate_ids_across_batches_get_ids_no_batch_has(batches, ids):
    from toolkit.corpus import load_corpus

    seen_ids, seen_text, got, n = {}, {}, [], 0
    for batch in batches:
        texts = [f"text {n + k}" for k in range(len(batch))]
        n += len(batch)
        c = plan.dedupe_across(load_corpus(pd.DataFrame({"doc_id": batch, "text": texts})), seen_ids, seen_text)
        got.append(c.documents["doc_id"].tolist())
        renamed = c.report[c.report["note"].fillna("").str.contains("renamed")]
        assert all(n_.startswith("duplicate id") or "; duplicate id" in n_ for n_ in renamed["note"])
    assert got == ids


def test_out_must_be_a_writable_folder(tmp_path):
    f = tmp_path / "file"
    f.write_text("mine")
    with pytest.raises(pipeline.OptionError, match="is a file"):
        analyze(H.documents(2), annotators=[], workers=1, out=f)
    assert f.read_text() == "mine"


@pytest.mark.parametrize("cache", [False, True])
def test_a_streamed_run_deletes_only_what_it_wrote(tmp_path, cache):
    out = tmp_path / "out"
    for mine in (".batches", ".parts"):   # folders of the user's that earlier versions' names matched
        (out / mine).mkdir(parents=True)
        (out / mine / "notes.txt").write_text("mine")
    leftover = out / pipeline.SCRATCH     # an interrupted run's working folder, with its mark
    leftover.mkdir()
    (leftover / pipeline._SCRATCH_MARK).write_bytes(b"")
    (leftover / "batches").mkdir()
    kw = {"cache": tmp_path / "cache"} if cache else {"cache": False}
    analyze(H.documents(4), annotators=[], workers=1, out=out, **kw)
    assert all((out / m / "notes.txt").read_text() == "mine" for m in (".batches", ".parts"))
    assert not leftover.exists() and (out / "documents.parquet").exists()


def test_a_scratch_folder_the_toolkit_did_not_write_is_refused(tmp_path):
    theirs = tmp_path / "out" / pipeline.SCRATCH
    theirs.mkdir(parents=True)
    (theirs / "notes.txt").write_text("mine")
    with pytest.raises(pipeline.OptionError, match="did not write"):
        analyze(H.documents(2), annotators=[], workers=1, cache=False, out=tmp_path / "out")
    assert (theirs / "notes.txt").read_text() == "mine"


def test_cli_names_the_bad_option_in_one_line(capsys):
    from toolkit import cli

    assert cli.main(["analyze", "sample", "--annotators", "actors,quote", "--out", "/nonexistent/x",
                     "--workers", "1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "'quote'" in err[0] and "did you mean 'quotes'" in err[0]


# ----------------------------------------------------------------------------- partial caches

@pytest.mark.slow
def test_a_partly_cached_chunk_gives_each_step_all_its_inputs(tmp_path, monkeypatch):
    """actors+quotes cached, escalation and framing not: they must still see mentions and
    quotes (issue 18: they ran without them and cached the wrong result under the right key)."""
    from toolkit import datasets

    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "cache"))
    docs = datasets.sample().documents
    analyze(docs, annotators=["actors", "quotes"], workers=1, out=tmp_path / "o0")
    partly = analyze(docs, workers=1, out=tmp_path / "o1")
    assert partly.meta["run"]["steps_run"]["quotes"] == 0          # served from the cache
    fresh = analyze(docs, workers=1, cache=False, out=tmp_path / "o2")
    assert_same(partly, fresh)
    again = analyze(docs, workers=1)                                # in memory, from the cache
    assert again.meta["run"]["chunks_from_cache"] == again.meta["run"]["chunks"]
    assert_same(again, fresh, [n for n in fresh.tables if n != "load_report"])


# ----------------------------------------------------------------------------- damaged caches

def _parts(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.arrow") if p.stat().st_size > 1000)


@pytest.mark.parametrize("damage", ["truncate", "overwrite", "empty"])
def test_a_damaged_cache_part_is_recomputed_with_a_warning(damage, docs, anns, tmp_path):
    cache = tmp_path / "cache"
    first = analyze(docs, annotators=anns, workers=1, chunk_size=6, cache=cache)
    part = _parts(cache)[0]
    data = part.read_bytes()
    if damage == "truncate":
        part.write_bytes(data[: len(data) // 2])
    elif damage == "overwrite":           # same size: only the checksum can tell
        mid = len(data) // 2
        part.write_bytes(data[:mid] + b"XXXXXXXX" + data[mid + 8:])
    else:
        part.write_bytes(b"")
    for out in (None, tmp_path / "out"):
        with pytest.warns(UserWarning, match=f"damaged cache file {part}"):
            again = analyze(docs, annotators=anns, workers=1, chunk_size=6, cache=cache, out=out)
        assert_same(first, again, [n for n in first.tables if n != "load_report"])
        data = part.read_bytes()
        if out is None:   # damage it again for the streamed run
            part.write_bytes(data[:-5] if damage != "overwrite" else data[:-9] + b"X" * 8 + data[-1:])


# ----------------------------------------------------------------------------- the chunk

def test_every_step_gets_one_shared_chunk_with_only_what_it_declares():
    from toolkit.annotator import Annotator, Chunk

    seen = {}

    def first(chunk, **_):
        seen["first"] = chunk
        seen["texts1"], seen["rows"] = chunk.texts, chunk.doc_rows("sentences")
        return {"a": chunk["documents"][["doc_id"]].assign(x=1)}

    def second(chunk, **_):
        seen["second"] = chunk
        seen["texts2"] = chunk.texts
        with pytest.raises(KeyError, match="does not declare"):
            chunk["a"]
        return {"b": chunk["documents"][["doc_id"]]}

    anns = [Annotator("first", ("a",), first, requires=()),
            Annotator("second", ("b",), second, requires=(), reads=())]
    docs = pd.DataFrame({"doc_id": ["d1", "d2"], "text": ["One. Two.", "Three."]})
    analyze(docs, annotators=anns, workers=1, cache=False)
    assert isinstance(seen["first"], Chunk) and "a" not in seen["second"]
    assert seen["texts1"] is seen["texts2"]                 # built once per chunk, shared
    assert seen["rows"] == {"d1": (0, 2), "d2": (2, 3)}


def test_the_sample_gets_its_gazetteer_and_overlays_reach_the_steps(tmp_path):
    """One corpus, one default: analyze(datasets.sample()) resolves the fictional states as
    the report does; lexicons= overlays a bundled lexicon and the metadata says so."""
    from toolkit import datasets

    a = analyze(datasets.sample(), annotators=["actors"], workers=1, cache=False)
    assert a["mentions"]["actor"].notna().mean() > 0.5
    overlay = pd.DataFrame({"entry": ["brinkmanship"], "category": ["threaten"]})
    docs = pd.DataFrame({"doc_id": ["d"], "text": ["Arland accused Borovia of brinkmanship."]})
    b = analyze(docs, annotators=["escalation"], workers=1, cache=False,
                lexicons={"escalation": overlay})
    assert "brinkmanship" in b["escalation"]["text"].tolist()
    assert "+overlay." in b.meta["lexicons"]["escalation"]
    assert b.meta["lexicon_overlays"]["escalation"]["added"] == 1
    with pytest.raises(Exception, match="escalatoin"):
        analyze(docs, annotators=["escalation"], workers=1, cache=False, lexicons={"escalatoin": overlay})


def test_a_damaged_index_or_many_damaged_parts_are_recomputed(docs, anns, tmp_path):
    cache = tmp_path / "cache"
    first = analyze(docs, annotators=anns, workers=1, chunk_size=4, cache=cache)
    parts = _parts(cache)
    index = parts[0].parent / "_done"
    index.write_text("not json")                                  # a garbled index
    data = parts[0].read_bytes()
    parts[0].write_bytes(data[:50] + b"X" * 7 + data[57:])         # and a part it no longer guards
    for p in parts[1:6]:                                          # more damage than attempts before
        d = p.read_bytes()
        p.write_bytes(d[:40] + b"Y" * 8 + d[48:])
    with pytest.warns(UserWarning, match="damaged cache file"):
        again = analyze(docs, annotators=anns, workers=1, chunk_size=4, cache=cache, out=tmp_path / "o")
    assert_same(first, again, [n for n in first.tables if n != "load_report"])
    third = analyze(docs, annotators=anns, workers=1, chunk_size=4, cache=cache)
    assert third.meta["run"]["chunks_from_cache"] == third.meta["run"]["chunks"]   # repaired


def test_records_of_an_undeclared_table_say_what_to_declare():
    from toolkit.annotator import Chunk

    c = Chunk({"mentions": pd.DataFrame({"doc_id": ["d"], "actor": ["RUS"]})}).view("mine", [])
    with pytest.raises(KeyError, match="does not declare"):
        c.records("mentions", ["actor"])
    assert c.records("quotes", ["speaker"]) == {}                  # absent: nothing to read


def test_options_of_wrapped_and_partial_annotators():
    import functools

    from toolkit.annotator import Annotator, option_names

    def step(tables, cfg, *, depth=1):
        return {}

    def verbose(func):
        @functools.wraps(func)
        def wrapper(tables, *, verbose=False, **kwargs):
            return func(tables, **kwargs)
        return wrapper

    assert option_names(Annotator("a", ("a",), functools.partial(step, cfg={}))) == ("cfg", "depth")
    assert option_names(Annotator("b", ("b",), functools.partial(step, None))) == ("depth",)
    assert option_names(Annotator("c", ("c",), verbose(step))) is None      # takes **kwargs


def test_csv_tables_hold_no_spreadsheet_formulas_and_read_back_exactly(tmp_path):
    """A text that starts with "=" is a formula in Excel: the CSV cell gets a leading
    apostrophe, and Analysis.load gives the exact text back (Parquet keeps it as it is)."""
    from toolkit import analyze
    from toolkit.pipeline import Analysis

    text = '=HYPERLINK("http://evil.example","Click") Russia warned Ukraine. -1 +1 @x \'=y'
    a = analyze(pd.DataFrame({"doc_id": ["=cmd|' /C calc'!A0"], "text": [text]}), annotators=[],
                cache=False, workers=1)
    a.save(tmp_path, format="csv")
    import csv

    with open(tmp_path / "documents.csv", newline="", encoding="utf-8") as fh:
        cells = [c for row in csv.reader(fh) for c in row]
    assert not any(c.lstrip("'").startswith(("=", "+", "-", "@")) and not c.startswith("'") for c in cells)
    with open(tmp_path / "tokens.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    tokens = [row[rows[0].index("text")] for row in rows[1:]]
    assert "'-1" in tokens and "'=" in tokens
    back = Analysis.load(tmp_path)
    assert back.documents["text"].iloc[0] == text and back.documents["doc_id"].iloc[0] == "=cmd|' /C calc'!A0"
    assert back.tokens["text"].tolist() == a.tokens["text"].tolist()


@pytest.mark.parametrize("kwargs, message", [
    ({"workers": 0}, "`workers` value = 0 is invalid; value must be a whole number >= 1"),
    ({"workers": -3}, "`workers` value = -3 is invalid"),
    ({"workers": 1.5}, "`workers` value = 1.5 is invalid"),
    ({"workers": True}, "`workers` value = True is invalid"),
    ({"chunk_size": 0}, "`chunk_size` value = 0 is invalid"),
    ({"chunk_size": None}, "`chunk_size` value = None is invalid"),
])
def test_worker_and_chunk_counts_are_checked_at_the_door(kwargs, message):
    from toolkit import analyze
    from toolkit.annotator import OptionError

    with pytest.raises(OptionError, match=re.escape(message)):
        analyze(pd.DataFrame({"text": ["Kyiv replied."]}), annotators=[], cache=False, **kwargs)


def test_workers_zero_on_the_command_line_is_one_line(tmp_path, capsys):
    from toolkit.cli import main

    (tmp_path / "a.txt").write_text("Kyiv replied.", encoding="utf-8")
    assert main(["analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--workers", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: `workers` value = 0 is invalid") and err.count("\n") == 1
