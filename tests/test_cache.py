"""The analysis cache: hits, misses, and invalidation exactly where something changed."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pipeline_helpers as H
import pytest

from toolkit.engine import keys
from toolkit.engine import store as store_mod
from toolkit.pipeline import analyze, clear_cache, lexicon_annotator


@pytest.fixture()
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE", str(tmp_path / "usercache"))
    threats = H.write_lexicon(tmp_path / "lex", [("warn", "warning"), ("threaten", "threat")])
    calm = H.write_lexicon(tmp_path / "lex2", [("talk", "dialogue"), ("ceasefire", "dialogue")], name="calm")
    anns = [lexicon_annotator(threats, name="threats"), H.counter("threats"),
            lexicon_annotator(calm, name="calm")]
    return {"docs": H.documents(12), "anns": anns, "cache": tmp_path / "cache",
            "threats": threats, "tmp": tmp_path}


def run(s, **kw):
    kw = {"annotators": s["anns"], "workers": 1, "chunk_size": 4, "cache": s["cache"], **kw}
    return analyze(s.pop("docs_override", s["docs"]), **kw)


def steps_run(a):
    return a.meta["run"]["steps_run"]


def test_second_run_is_served_from_the_cache(setup):
    first = run(setup)
    assert first.meta["run"]["chunks_from_cache"] == 0
    assert steps_run(first) == {"tokenize": 3, "threats": 3, "hit_counts": 3, "calm": 3}
    second = run(setup)
    assert second.meta["run"]["chunks_from_cache"] == 3
    assert set(steps_run(second).values()) == {0}
    for name in first.tables:
        pd.testing.assert_frame_equal(first[name], second[name], obj=name)
    # Arrow IPC files only (no pickles), plus one marker per finished step.
    files = [p for p in Path(setup["cache"]).rglob("*") if p.is_file()]
    assert {p.suffix for p in files} == {".arrow", ""} and all(p.suffix or p.name == "_done" for p in files)


def test_editing_one_lexicon_reruns_only_what_depends_on_it(setup):
    before = run(setup)
    H.write_lexicon(setup["threats"].parent, [("warn", "warning"), ("threaten", "threat"),
                                              ("sanction", "threat")], version="1.1.0")
    after = run(setup)
    assert steps_run(after) == {"tokenize": 0, "threats": 3, "hit_counts": 3, "calm": 0}
    assert len(after["threats"]) > len(before["threats"])           # the new entry is found
    assert "sanctions" in set(after["threats"]["text"])
    assert set(after["threats"]["source"]) == {"threats@1.1.0"}
    pd.testing.assert_frame_equal(before["calm"], after["calm"])


def test_lexicon_content_counts_even_without_a_version_bump(setup):
    run(setup)
    H.write_lexicon(setup["threats"].parent, [("warn", "warning")], version="1.0.0")
    again = run(setup)
    assert steps_run(again)["threats"] == 3
    assert set(again["threats"]["category"]) == {"warning"}         # never the stale threat hits


def test_changed_document_reruns_its_chunk_only(setup):
    run(setup)
    docs = setup["docs"].copy()
    docs.loc[5, "text"] = docs.loc[5, "text"] + " Borovia warned again."
    setup["docs_override"] = docs
    again = run(setup)
    assert again.meta["run"]["chunks_from_cache"] == 2
    assert steps_run(again)["tokenize"] == 1


def test_changed_metadata_reruns_its_chunk(setup):
    run(setup)
    docs = setup["docs"].copy()
    docs.loc[0, "title"] = "Renamed"
    setup["docs_override"] = docs
    assert run(setup).meta["run"]["chunks_from_cache"] == 2


def test_options_and_code_are_part_of_the_key(setup, monkeypatch):
    run(setup)
    again = run(setup, options={"threats": {"overlaps": "all"}})
    assert steps_run(again) == {"tokenize": 0, "threats": 3, "hit_counts": 3, "calm": 0}
    keys.core_digest.cache_clear()
    monkeypatch.setattr(keys, "__version__", "99.0.0")        # a new toolkit release
    new_release = run(setup)
    keys.core_digest.cache_clear()
    assert steps_run(new_release)["tokenize"] == 3


@pytest.mark.parametrize("edited, reruns", [
    ("clauses.py", {"events"}),           # a rule module events imports, not events.py itself
    ("_tagger.py", {"events", "quotes", "actors"}),   # the tokenizer's pos column uses it
    ("speakers.py", {"quotes", "events"}),   # both import it (events for pronoun antecedents); actors does not
    ("events.yaml", {"events", "quotes", "actors"}),   # rule data: every step's key hashes it
    ("_quote_rules.py", {"quotes"}),      # the rules quotes imports inside its functions
])
def test_modules_and_rule_data_a_step_uses_are_part_of_its_key(monkeypatch, edited, reruns):
    """Editing a module an annotator imports (at any depth) or a rule data file changes the
    step's key, so a stale result is never served."""
    from toolkit.annotator import registry

    anns = [a for a in registry() if a.name in ("actors", "quotes", "events")]
    before = keys.step_fingerprints(anns)
    real = keys.file_digest
    monkeypatch.setattr(keys, "file_digest", lambda p: real(p) + ("x" if Path(p).name == edited else ""))
    keys.core_digest.cache_clear()
    try:
        after = keys.step_fingerprints(anns)
    finally:
        keys.core_digest.cache_clear()
    assert {k for k in before if before[k] != after[k]} - {"tokenize"} == reruns


def test_option_files_are_hashed_by_content(setup, tmp_path):
    f = tmp_path / "gazetteer.csv"
    f.write_text("name\nArland\n")
    a = keys.value_digest({"gazetteers": [str(f)]})
    f.write_text("name\nBorovia\n")
    assert keys.value_digest({"gazetteers": [str(f)]}) != a


def test_cache_false_and_clear_cache(setup):
    a = run(setup, cache=False)
    assert a.meta["run"]["cache"] is None and not Path(setup["cache"]).exists()
    run(setup)
    assert clear_cache(setup["cache"]) == 12                       # 3 chunks x 4 steps
    assert run(setup).meta["run"]["chunks_from_cache"] == 0


def test_interrupted_write_is_never_served(setup):
    run(setup)
    store = store_mod.Store(setup["cache"])
    done = sorted(Path(setup["cache"]).rglob("_done"))
    done[0].unlink()                                                # as if killed mid-write
    again = run(setup)
    assert sum(steps_run(again).values()) >= 1
    assert len(list(Path(setup["cache"]).rglob("_done"))) == len(done)
    assert store.root == Path(setup["cache"])


def test_parts_are_written_with_the_chosen_compression_and_read_in_any(setup, monkeypatch):
    """TOOLKIT_CACHE_COMPRESSION picks the codec of new parts; a cache written with another
    codec is still served, with the same tables."""
    monkeypatch.setenv("TOOLKIT_CACHE_COMPRESSION", "zstd")
    packed = run(setup, cache=setup["tmp"] / "packed")
    monkeypatch.setenv("TOOLKIT_CACHE_COMPRESSION", "none")
    plain = run(setup, cache=setup["tmp"] / "plain")
    size = {name: sum(p.stat().st_size for p in (setup["tmp"] / name).rglob("tokens.arrow"))
            for name in ("packed", "plain")}
    assert 0 < size["packed"] < size["plain"] / 2
    again = run(setup, cache=setup["tmp"] / "packed")   # zstd parts, read with "none" set
    assert again.meta["run"]["chunks_from_cache"] == again.meta["run"]["chunks"] == 3
    for name in plain.tables:
        if name != "load_report":
            pd.testing.assert_frame_equal(again[name], plain[name])
            pd.testing.assert_frame_equal(packed[name], plain[name])


def test_unknown_compression_is_a_clear_error(setup, monkeypatch):
    monkeypatch.setenv("TOOLKIT_CACHE_COMPRESSION", "gzip9")
    with pytest.raises(ValueError, match="TOOLKIT_CACHE_COMPRESSION.*one of"):
        run(setup)
