"""The Dask engine: a local cluster of two worker processes gives the in-process tables."""
from __future__ import annotations

import pandas as pd
import pipeline_helpers as H
import pytest

from toolkit.pipeline import analyze, lexicon_annotator

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.mark.slow  # starting two worker processes that load WordNet takes 5-15 s on a busy machine
def test_dask_cluster_matches_in_process(client, tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "usercache"))
    lex = H.write_lexicon(tmp_path / "lex", [("warn", "warning"), ("threaten", "threat")])
    anns = [lexicon_annotator(lex, name="threats"), H.counter("threats")]
    docs = H.documents(16)
    local = analyze(docs, annotators=anns, workers=1, chunk_size=3, cache=False)
    on_dask = analyze(docs, annotators=anns, engine="dask", chunk_size=3, cache=tmp_path / "cache")
    assert on_dask.meta["run"]["engine"] == "dask" and on_dask.meta["run"]["chunks"] == 6
    assert len(client.scheduler_info()["workers"]) == 2
    for name in local.tables:
        pd.testing.assert_frame_equal(local[name], on_dask[name], obj=name)
    # The client wrote the cache: a second run on the cluster computes nothing.
    again = analyze(docs, annotators=anns, engine="dask", chunk_size=3, cache=tmp_path / "cache")
    assert again.meta["run"]["chunks_from_cache"] == 6
    # Streaming from Dask writes the same tables.
    streamed = analyze(docs, annotators=anns, engine="dask", chunk_size=3, cache=False, out=tmp_path / "out")
    for name in local.tables:
        got = streamed[name]
        exp = local[name]
        if name == "documents":
            got, exp = got.drop(columns="date"), exp.drop(columns="date")  # Parquet has no [s] unit
        pd.testing.assert_frame_equal(exp, got, obj=name)
