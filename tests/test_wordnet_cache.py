"""WordNet's lemma sets for the lemmatizer (toolkit.resources.wordnet_tables): parsed or from
their derived cache, the same tables; a stale or corrupt cache ignored without a traceback."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from toolkit import resources, tokenize


@pytest.fixture(autouse=True)
def own_cache_dir(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("TOOLKIT_DERIVED_CACHE", str(where))
    return where


@pytest.fixture(scope="module")
def wordnet_zip():
    path = resources._find("corpora/wordnet.zip")
    if path is None or not path.endswith(".zip"):
        pytest.skip("NLTK data 'wordnet' (zipped) not found (set NLTK_DATA)")
    return path


def _tables(zip_path):
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    root = nltk.data.ZipFilePathPointer(str(zip_path), "wordnet/")
    return resources.wordnet_tables(root, WordNetCorpusReader._FILEMAP)


@pytest.fixture
def zip_copy(wordnet_zip, tmp_path, monkeypatch):
    import nltk

    copy = tmp_path / "nltk_data" / "corpora" / "wordnet.zip"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(wordnet_zip, copy)
    # NLTK opens zips only inside its data folders
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "nltk_data"), *nltk.data.path])
    return copy


@pytest.fixture
def parses(monkeypatch):
    calls = []
    real = resources._parse_wordnet
    monkeypatch.setattr(resources, "_parse_wordnet", lambda *a: calls.append(1) or real(*a))
    return calls


def test_the_cache_gives_the_parsed_tables(zip_copy, own_cache_dir, parses):
    parsed = _tables(zip_copy)
    (cache,) = own_cache_dir.glob("wordnet-*.json")
    cached = _tables(zip_copy)
    assert cached == parsed and len(parses) == 1   # the second from the cache
    assert len(parsed[0]["n"]) > 100_000 and "dog" in parsed[0]["n"] and parsed[1]["v"]["went"] == ["go"]
    assert list(own_cache_dir.iterdir()) == [cache]   # no temporary file left


def _touch(zip_copy, cache):
    st = zip_copy.stat()
    os.utime(zip_copy, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


def _edit(cache, **change):
    data = json.loads(cache.read_text())
    data.update(change)
    cache.write_text(json.dumps(data))


@pytest.mark.parametrize("spoil", [
    _touch,
    lambda z, c: c.write_bytes(c.read_bytes()[: c.stat().st_size // 2]),
    lambda z, c: c.write_bytes(b"\xff\xfe not json"),
    lambda z, c: c.write_text("[]"),
    lambda z, c: _edit(c, format=99),
    lambda z, c: _edit(c, sources=["zip", "/elsewhere", 1, 2, []]),
    lambda z, c: _edit(c, lemmas={"n": ["dog"]}),
    lambda z, c: _edit(c, exceptions={"v": {"went": "go"}}),
    lambda z, c: _edit(c, lemmas=None),
], ids=["zip touched", "truncated", "not json", "a list", "format", "sources", "lemmas a list",
        "exception not a list", "no lemmas"])
def test_a_stale_or_corrupt_cache_is_ignored(zip_copy, own_cache_dir, parses, spoil):
    parsed = _tables(zip_copy)
    (cache,) = own_cache_dir.glob("wordnet-*.json")
    spoil(zip_copy, cache)
    assert _tables(zip_copy) == parsed and len(parses) == 2   # parsed again, no traceback
    assert _tables(zip_copy) == parsed and len(parses) == 2   # ... then from the cache written again


def test_an_unwritable_cache_folder_is_no_error(zip_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TOOLKIT_DERIVED_CACHE", str(blocker / "cache"))
    assert "dog" in _tables(zip_copy)[0]["n"]
    assert blocker.read_text() == "not a folder"


WORDS = ["warnings", "went", "sanctions", "better", "geese", "threatened", "accused", "was",
         "found", "dogs", "running", "leaves", "us", "criteria", "xyzzyq", "mice", "broader"]


def test_lemmas_from_the_cache_are_nltks(wordnet_zip, own_cache_dir):
    # the lemmatizer built twice (parsed, then from the cache) lemmatizes as NLTK's WordNet
    from nltk.corpus import wordnet

    first = tokenize._Morphy()
    assert list(own_cache_dir.glob("wordnet-*.json"))
    second = tokenize._Morphy()
    for pos in ("v", "n", "a", "r", "s"):
        for w in WORDS:
            assert first.morphy(w, pos) == second.morphy(w, pos) == wordnet.morphy(w, pos), (w, pos)
