"""The tagger's derived cache (toolkit._tagger.build_cache / load_cache): the same tags as NLTK's
tagger, and a stale, corrupt or foreign cache ignored without a traceback."""
from __future__ import annotations

import json
import os
import shutil
import zipfile

import numpy as np
import pytest

from toolkit import _tagger, datasets, resources
from toolkit.tokenize import tokenize_documents

MODEL = {"weights": {"bias": {"NN": 1.5, "DT": -0.5, "JJ": -0.0}, "i word the": {"DT": 2.0},
                     "i-1 tag+i word DT x": {"JJ": 3.0}},
         "tagdict": {"the": "DT"}, "classes": ["DT", "JJ", "NN"]}


def reference(tagger, sents):
    return [[t for _, t in tagger.tag(list(s))] for s in sents]


@pytest.fixture(autouse=True)
def own_cache_dir(tmp_path, monkeypatch):
    # every cache these tests write goes to their own folder, never the environment's
    where = tmp_path / "cache"
    monkeypatch.setenv("TOOLKIT_DERIVED_CACHE", str(where))
    _tagger.nltk_tagger.cache_clear()
    yield where
    _tagger.nltk_tagger.cache_clear()


@pytest.fixture
def small_model(tmp_path, monkeypatch):
    folder = tmp_path / "model"
    folder.mkdir()
    for part, value in MODEL.items():
        (folder / f"averaged_perceptron_tagger_eng.{part}.json").write_text(json.dumps(value))
    monkeypatch.setattr(resources, "available", lambda name: True)
    monkeypatch.setattr(resources, "_find", lambda path: str(folder))
    return folder


@pytest.fixture(scope="module")
def shared_model_folder():
    try:
        folder = resources._find(resources.RESOURCES["averaged_perceptron_tagger_eng"].path)
    except LookupError:
        folder = None
    if folder is None or not os.path.isdir(folder):
        pytest.skip("NLTK data 'averaged_perceptron_tagger_eng' (unzipped) not found (set NLTK_DATA)")
    return folder


SENTS = [["the", "x"], ["x", "the", "y"], [], ["the", "x", "x", "the"]]


def test_first_use_writes_the_cache_and_the_next_process_uses_it(small_model, own_cache_dir):
    first = _tagger.nltk_tagger()
    assert type(first.model).__name__ == "AveragedPerceptron"
    assert _tagger.fast(first).tag_sents(SENTS) == reference(first, SENTS)
    assert len(list(own_cache_dir.glob("tagger-*.npz"))) == 1
    _tagger.nltk_tagger.cache_clear()
    again = _tagger.nltk_tagger()
    assert isinstance(again.model, _tagger._LazyPerceptron)
    fast = _tagger.fast(again)
    assert fast.exact
    assert fast.tag_sents(SENTS) == reference(first, SENTS) == reference(again, SENTS)


def test_cached_arrays_are_the_built_ones(small_model, own_cache_dir):
    built = _tagger.fast(_tagger.nltk_tagger())
    cached = _tagger.load_cache(str(small_model))
    assert cached is not None
    assert cached.W.tobytes() == built.W.tobytes()   # bit for bit, -0.0 included
    for k in ("T1", "T2", "T12", "TW"):
        assert np.array_equal(getattr(cached, k), getattr(built, k))
    assert cached.row == built.row and cached.tw_word == built.tw_word and cached.tags == built.tags


def test_non_string_tokens_read_nltks_weights_lazily(small_model):
    _tagger.fast(_tagger.nltk_tagger())
    _tagger.nltk_tagger.cache_clear()
    tg = _tagger.nltk_tagger()
    assert tg.model._model is None

    class Tok(str):
        def lower(self):      # a str subclass may behave differently: NLTK decides
            return "the"

    got = _tagger.fast(tg).tag_sents([["x", Tok("Y")], ["the", "x"]])
    assert tg.model._model is not None
    assert got == [[t for _, t in tg.tag(["x", Tok("Y")])], ["DT", "JJ"]]


def _stale_by_mtime(folder):
    p = folder / "averaged_perceptron_tagger_eng.tagdict.json"
    st = p.stat()
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))


def _stale_by_content(folder):
    # same size, same modification time: only the content hash tells
    p = folder / "averaged_perceptron_tagger_eng.weights.json"
    st = p.stat()
    p.write_text(p.read_text().replace("2.0", "4.0"))
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _flip_a_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _garbage(path):
    path.write_bytes(b"not a zip file at all\n" * 10)


def _empty(path):
    path.write_bytes(b"")


def _rewrite(path, **change):
    with np.load(path, allow_pickle=False) as z:
        parts = {k: z[k] for k in z.files}
    header = json.loads(parts["header"].tobytes())
    for k, v in change.items():
        if k in header:
            header[k] = v
        else:
            parts[k] = v
    parts["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    with open(path, "wb") as f:
        np.savez(f, **parts)


def _a_pickled_member(path):
    with open(path, "wb") as f:
        np.savez(f, header=np.array([{"format": 1}], dtype=object))


def _extra_member(path):
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("more.npy", b"x")


@pytest.mark.parametrize("spoil", [
    lambda folder, cache: _stale_by_mtime(folder),
    lambda folder, cache: _stale_by_content(folder),
    lambda folder, cache: _truncate(cache),
    lambda folder, cache: _flip_a_byte(cache),
    lambda folder, cache: _garbage(cache),
    lambda folder, cache: _empty(cache),
    lambda folder, cache: _a_pickled_member(cache),
    lambda folder, cache: _extra_member(cache),
    lambda folder, cache: _rewrite(cache, format=99),
    lambda folder, cache: _rewrite(cache, nltk="0.0"),
    lambda folder, cache: _rewrite(cache, features=["bias"]),
    lambda folder, cache: _rewrite(cache, tags=["DT", 5, "NN", "-START-", "-START2-"]),
    lambda folder, cache: _rewrite(cache, T1=np.array([0, 0, 0, 99, 0], dtype=np.int64)),
    lambda folder, cache: _rewrite(cache, Wi=np.array([5, 2], dtype=np.int64), Wv=np.array([1.0, 2.0])),
    lambda folder, cache: _rewrite(cache, Wi=np.array([10**6], dtype=np.int64), Wv=np.array([1.0])),
    lambda folder, cache: _rewrite(cache, Wv=None),
], ids=["stale mtime", "stale content", "truncated", "flipped byte", "garbage", "empty",
        "pickled member", "extra member", "format", "nltk version", "features", "tags",
        "index out of range", "positions unordered", "position outside", "values not numbers"])
def test_a_stale_or_corrupt_cache_is_ignored(small_model, own_cache_dir, spoil):
    _tagger.fast(_tagger.nltk_tagger())
    (cache,) = own_cache_dir.glob("tagger-*.npz")
    spoil(small_model, cache)
    assert _tagger.load_cache(str(small_model)) is None
    _tagger.nltk_tagger.cache_clear()
    tg = _tagger.nltk_tagger()   # read from the JSON again, no traceback
    assert type(tg.model).__name__ == "AveragedPerceptron"
    fast = _tagger.fast(tg)
    assert fast.exact and fast.tag_sents(SENTS) == reference(tg, SENTS)
    # ... and the cache written again is the right one
    assert _tagger.load_cache(str(small_model)) is not None


def test_a_cache_for_another_model_probes_wrong_and_is_not_used(small_model, own_cache_dir):
    # the header says this model but the arrays are another's: the probe's recorded tags catch it
    _tagger.fast(_tagger.nltk_tagger())
    (cache,) = own_cache_dir.glob("tagger-*.npz")
    _rewrite(cache, probe_tags=[["X"]])
    _tagger.nltk_tagger.cache_clear()
    tg = _tagger.nltk_tagger()
    fast = _tagger.fast(tg)
    assert fast.exact and fast.tag_sents(SENTS) == reference(tg, SENTS)


def test_an_unwritable_cache_folder_is_no_error(small_model, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TOOLKIT_DERIVED_CACHE", str(blocker / "cache"))
    tg = _tagger.nltk_tagger()
    assert _tagger.fast(tg).tag_sents(SENTS) == reference(tg, SENTS)
    assert blocker.read_text() == "not a folder"


def test_building_keeps_other_files(small_model, own_cache_dir):
    own_cache_dir.mkdir()
    other = own_cache_dir / "tagger-0000000000000000.npz.1.2.tmp"
    other.write_text("someone else's")
    assert _tagger.build_cache(str(small_model)) is not None
    assert other.read_text() == "someone else's"
    assert sorted(p.name for p in own_cache_dir.iterdir() if p != other) == \
        [os.path.basename(_tagger._cache_path(str(small_model)))]


def test_the_shared_model_cached_tags_as_nltk(shared_model_folder, tmp_path, seed_text, ungdc_slice):
    folder = tmp_path / "model"
    shutil.copytree(shared_model_folder, folder)
    assert _tagger.build_cache(str(folder)) is not None
    cached = _tagger.load_cache(str(folder))
    assert cached is not None
    from nltk.tag.perceptron import PerceptronTagger

    own = PerceptronTagger()   # NLTK's own loader, from NLTK_DATA
    tagger = PerceptronTagger(load=False)
    tagger.tagdict, tagger.classes = own.tagdict, own.classes
    tagger.model = _tagger._LazyPerceptron(str(folder), own.classes)
    _tagger._CACHED_OF[tagger] = cached
    fast = _tagger.FastTagger(tagger)
    assert fast.exact and tagger.model._model is None   # probed without NLTK's weights
    texts = [seed_text, *datasets.sample().documents["text"].tolist(),
             *ungdc_slice.documents["text"].tolist()]
    _, toks = tokenize_documents([str(i) for i in range(len(texts))], texts)
    sents = [g.tolist() for _, g in toks.groupby(["doc_id", "sent_id"], sort=False)["text"]]
    sents += [[], ["٣٤٥٦", "²³", "-START-", "i", "Москва", "🙂", "\u00a0"], ["", " ", "a b"]]
    assert sum(map(len, sents)) > 10_000
    assert fast.tag_sents(sents) == reference(own, sents)


def test_make_writes_both_caches_once(shared_model_folder, own_cache_dir, capsys):
    assert _tagger.main() == 0
    assert "tagger cache: written to" in capsys.readouterr().out
    names = sorted(p.name.split("-")[0] for p in own_cache_dir.iterdir())
    assert names == (["tagger", "wordnet"] if resources.available("wordnet") else ["tagger"])
    assert _tagger.main() == 0
    assert "tagger cache: up to date" in capsys.readouterr().out
