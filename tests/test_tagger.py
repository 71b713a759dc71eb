"""The fast tagging path (toolkit._tagger) returns exactly NLTK's PerceptronTagger.tag tags."""
from __future__ import annotations

import gzip
import json
import warnings
from itertools import islice

import pytest

from toolkit import _tagger, clauses, datasets
from toolkit.tokenize import tokenize_documents

from conftest import need_shared


@pytest.fixture(scope="module")
def nltk_tagger():
    tg = clauses._perceptron()
    if tg is None:
        pytest.skip("NLTK data 'averaged_perceptron_tagger_eng' not found (set NLTK_DATA)")
    return tg


def reference(tagger, sents):
    return [[t for _, t in tagger.tag(list(s))] for s in sents]


def sentences_of(texts) -> list[list[str]]:
    _, toks = tokenize_documents([str(i) for i in range(len(texts))], list(texts))
    return [g.tolist() for _, g in toks.groupby(["doc_id", "sent_id"], sort=False)["text"]]


HOSTILE = [
    [], ["."], ["the"], ["Russia"], ["warned"], [""], ["", ""], [" "], ["a b", "c d e", " x"],
    ["1999", "2024", "0000", "12345", "123", "3.5", "1,000", "42nd", "1990s"],
    ["٣٤٥٦", "²³", "１２３４", "Ⅻ", "½"],                             # unicode digits (isdigit, not ASCII)
    ["-", "--", "-x", "x-", "a-b", "re-elect", "-1999", "1999-2000", "–", "—"],
    ["Москва", "ÉTAT", "İstanbul", "ß", "ǅ", "naïve", "東京", "🙂", "\u00a0", "\t", "\n"],
    ["-START-", "-START2-", "-END-", "-END2-", "bias", "i", "tag", "word"],
    ["THE", "The", "the", "tHe"], ["'s", "n't", "''", "``", "(", ")", ";", ":", "$", "#", "%"],
    "Ukrainian towns were shelled by Russian artillery on 24 February 2022 .".split(),
    "Will Russia attack Ukraine ?".split(),
    "Moscow said Kyiv had sabotaged the talks , officials said .".split(),
    ("The Security Council , which met on Monday , condemned the attack and called on all parties "
     "to exercise restraint , " * 40).split() + ["."],                  # ~700 tokens
    ["word"] * 300,
]


@pytest.mark.parametrize("sent", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_cases_equal_nltk(nltk_tagger, sent):
    assert _tagger.tag_sents(nltk_tagger, [sent]) == reference(nltk_tagger, [sent])


def test_hostile_cases_in_one_batch(nltk_tagger):
    # Batched: sentences of every length share the position loop.
    assert _tagger.tag_sents(nltk_tagger, HOSTILE) == reference(nltk_tagger, HOSTILE)
    assert _tagger.fast(nltk_tagger).exact


def test_non_string_tokens_go_to_nltk(nltk_tagger):
    class Tok(str):
        def lower(self):      # a str subclass may behave differently: NLTK decides
            return "zz"

    sent = ["Russia", Tok("Warned"), "."]
    assert _tagger.tag_sents(nltk_tagger, [sent]) == reference(nltk_tagger, [sent])


def _tagger_with(weights, tagdict, classes):
    from nltk.tag.perceptron import PerceptronTagger

    tg = PerceptronTagger(load=False)
    tg.decode_json_params((weights, tagdict, classes))
    return tg


@pytest.mark.parametrize("tie, winner", [("JJ", "NN"), ("NNS", "NNS"), ("VBD", "VBN")])
def test_ties_go_to_the_larger_label(nltk_tagger, tie, winner):
    # A copy of the real model in which class `tie` has exactly NN's weights (or VBD VBN's):
    # every token where one of the pair wins is a tie, and NLTK's max picks the larger label.
    src = "VBN" if tie == "VBD" else "NN"
    weights = {}
    for feat, w in nltk_tagger.model.weights.items():
        w = {k: v for k, v in w.items() if k != tie}
        if src in w:
            w[tie] = w[src]
        weights[feat] = w
    tg = _tagger_with(weights, {}, list(nltk_tagger.classes))
    sents = HOSTILE[14:18] + [s.split() for s in (
        "The new sanctions hurt ordinary people in rural areas .",
        "Officials reported attacks on several border towns overnight .")]
    want = reference(tg, sents)
    assert any(t in (tie, src) for s in want for t in s)
    assert {t for s in want for t in s} & {winner}
    fast = _tagger.FastTagger(tg)
    assert fast.exact   # the fast path itself, not the fallback to NLTK
    assert fast.tag_sents(sents) == want


def test_tiny_model_ties_and_unscored_classes():
    # Every class ties at 0.0 except one below: the largest label wins, as in NLTK.
    tg = _tagger_with({"bias": {"A": -1.0}, "i word x": {"B": 0.5, "C": 0.5}}, {"y": "A"}, ["A", "B", "C", "D"])
    sents = [["x"], ["z"], ["y", "x", "z"], []]
    assert reference(tg, sents) == [["C"], ["D"], ["A", "C", "D"], []]
    fast = _tagger.FastTagger(tg)
    assert fast.exact and fast.tag_sents(sents) == reference(tg, sents)


@pytest.mark.parametrize("weights, tagdict, classes", [
    ({"bias": {"A B": 1.0}}, {}, ["A B", "C"]),                     # a tag with a space
    ({"bias": {"A": float("nan")}}, {}, ["A", "C"]),                 # a non-finite weight
    ({"bias": {"A": 1.0}}, {"x": ""}, ["A", "C"]),                   # a falsy dictionary tag
    ({"bias": {"A": True}, "i word x": {"C": 1.5}}, {}, ["A", "C"]),  # a weight that is no number
])
def test_unexpected_models_fall_back_to_nltk(weights, tagdict, classes):
    tg = _tagger_with(weights, tagdict, classes)
    fast = _tagger.FastTagger(tg)
    assert not fast.exact
    sents = [["x", "y"], []]
    assert fast.tag_sents(sents) == reference(tg, sents)


def test_memo_reset_keeps_results(nltk_tagger, monkeypatch):
    monkeypatch.setattr(_tagger, "_MEMO_LIMIT", 5)
    fast = _tagger.FastTagger(nltk_tagger)
    assert fast.exact
    sents = HOSTILE[10:16]
    for _ in range(3):
        assert fast.tag_sents(sents) == reference(nltk_tagger, sents)


def test_threads_share_one_memo(nltk_tagger):
    import threading

    sents = sentences_of(datasets.sample().documents["text"].tolist())
    fast, got = _tagger.FastTagger(nltk_tagger), {}   # an empty memo: the threads fill it together

    def run(i):
        got[i] = fast.tag_sents(sents[i::4])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    want = reference(nltk_tagger, sents)
    assert [got[i] for i in range(4)] == [want[i::4] for i in range(4)]


def test_seed_article_equal(nltk_tagger, seed_text):
    sents = sentences_of([seed_text])
    assert _tagger.tag_sents(nltk_tagger, sents) == reference(nltk_tagger, sents)


def test_sample_equal(nltk_tagger):
    sents = sentences_of(datasets.sample().documents["text"].tolist())
    assert len(sents) > 40
    assert _tagger.tag_sents(nltk_tagger, sents) == reference(nltk_tagger, sents)


def test_un_speeches_equal(nltk_tagger):
    path = need_shared("corpora", "ungdc_1946-2024.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line)["text"] for line in islice(f, 3, None, 97)]
    sents, n = [], 0
    for k in range(0, len(docs), 10):
        for s in sentences_of(docs[k:k + 10]):
            sents.append(s)
            n += len(s)
        if n >= 300_000:
            break
    assert n >= 300_000
    fast = _tagger.fast(nltk_tagger)
    got = [t for k in range(0, len(sents), 4000) for t in fast.tag_sents(sents[k:k + 4000])]
    assert got == reference(nltk_tagger, sents)


def _un_sentences(start: int, step: int, tokens: int) -> list[list[str]]:
    path = need_shared("corpora", "ungdc_1946-2024.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line)["text"] for line in islice(f, start, None, step)]
    sents, n = [], 0
    for k in range(0, len(docs), 10):
        for s in sentences_of(docs[k:k + 10]):
            sents.append(s)
            n += len(s)
        if n >= tokens:
            break
    return sents


def test_our_reader_tags_as_nltks_own_loader(nltk_tagger):
    # The toolkit's tagger reads the model files itself (toolkit._tagger.read_model); NLTK's
    # PerceptronTagger() loads them its own way: the same model, and the same tags on a few
    # thousand real sentences (other speeches than test_un_speeches_equal's).
    from nltk.tag.perceptron import PerceptronTagger

    own = PerceptronTagger()
    assert nltk_tagger.model.weights == own.model.weights
    assert nltk_tagger.tagdict == own.tagdict and nltk_tagger.classes == own.classes
    sents = _un_sentences(5, 211, 100_000)
    assert len(sents) >= 3000
    assert _tagger.tag_sents(nltk_tagger, sents) == reference(own, sents)


MODEL = {"weights": {"bias": {"NN": 1.5, "DT": -0.5}, "i word the": {"DT": 2.0}},
         "tagdict": {"the": "DT"}, "classes": ["DT", "NN"]}


def _model_folder(tmp_path, **raw):
    for part in ("weights", "tagdict", "classes"):
        text = raw.get(part, json.dumps(MODEL[part]))
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (tmp_path / f"averaged_perceptron_tagger_eng.{part}.json").write_bytes(data)
    return str(tmp_path)


def test_read_model_reads_a_good_model(tmp_path):
    assert _tagger.read_model(_model_folder(tmp_path)) == (MODEL["weights"], MODEL["tagdict"], MODEL["classes"])


@pytest.mark.parametrize("part, text, why", [
    ("weights", '{"bias": {"NN": NaN}}', "non-finite"),
    ("weights", '{"bias": {"NN": Infinity}}', "non-finite"),
    ("weights", '{"bias": {"NN": -Infinity}}', "non-finite"),
    ("weights", '{"bias": {"NN": 1e999}}', "non-finite"),            # overflows to inf
    ("weights", '{"bias": {"NN": ' + "9" * 400 + '}}', "not a tagger"),  # an int no float holds
    ("weights", '{"bias": {"NN": true}}', "not a number"),
    ("weights", '{"bias": {"NN": "1.5"}}', "not a number"),
    ("weights", '{"bias": {"NN": null}}', "not a number"),
    ("weights", '{"bias": {"NN": [1.5]}}', "not a number"),
    ("weights", '{"bias": [1.5]}', "not a dict"),
    ("weights", '{"bias": 1.5}', "not a dict"),
    ("weights", "[]", "not a JSON object"),
    ("weights", "{}", "not a JSON object"),
    ("weights", '{"bias": {"NN": 1.5}', "not valid JSON"),
    ("weights", "[" * 100_000 + "]" * 100_000, "not valid JSON"),     # nesting past the parser's depth
    ("weights", b'{"bias": {"\xff": 1.0}}', "not valid JSON"),                  # not UTF-8
    ("tagdict", '{"the": ""}', "non-empty tags"),
    ("tagdict", '{"the": 3}', "non-empty tags"),
    ("tagdict", '["the"]', "non-empty tags"),
    ("classes", '["DT", "DT"]', "distinct"),
    ("classes", '["DT", ""]', "distinct"),
    ("classes", '{"DT": 1}', "distinct"),
    ("classes", "[]", "distinct"),
])
def test_read_model_refuses_what_is_not_a_model(tmp_path, part, text, why):
    folder = _model_folder(tmp_path, **{part: text})
    with pytest.raises(_tagger.ModelError) as err:
        _tagger.read_model(folder)
    msg = str(err.value)
    assert msg.startswith(str(tmp_path / f"averaged_perceptron_tagger_eng.{part}.json") + ":")
    assert why in msg and "\n" not in msg


def test_read_model_refuses_an_oversized_file_before_parsing_it(tmp_path, monkeypatch):
    monkeypatch.setattr(_tagger, "_MAX_MODEL_BYTES", 64)
    folder = _model_folder(tmp_path, weights=json.dumps({"bias": {"NN": 1.0}, "x" * 80: {"NN": 1.0}}))
    with pytest.raises(_tagger.ModelError, match="larger than"):
        _tagger.read_model(folder)


def test_read_model_names_a_missing_file(tmp_path):
    folder = _model_folder(tmp_path)
    (tmp_path / "averaged_perceptron_tagger_eng.tagdict.json").unlink()
    with pytest.raises(_tagger.ModelError, match="tagdict.json: cannot be read"):
        _tagger.read_model(folder)


@pytest.fixture
def fresh_tagger_cache(tmp_path, monkeypatch):
    # the derived model cache these tests' models write goes to their own folder
    monkeypatch.setenv("TOOLKIT_DERIVED_CACHE", str(tmp_path / "tagger-cache"))
    _tagger.nltk_tagger.cache_clear()
    yield
    _tagger.nltk_tagger.cache_clear()


def test_a_broken_model_is_one_clear_error(tmp_path, monkeypatch, fresh_tagger_cache):
    from toolkit import resources

    folder = _model_folder(tmp_path, weights='{"bias": {"NN": NaN}}')
    monkeypatch.setattr(resources, "available", lambda name: True)
    monkeypatch.setattr(resources, "_find", lambda path: folder)
    with pytest.raises(_tagger.ModelError, match="weights.json: a non-finite weight"):
        _tagger.nltk_tagger()


def test_a_small_model_folder_tags_as_nltk(tmp_path, monkeypatch, fresh_tagger_cache):
    from toolkit import resources

    folder = _model_folder(tmp_path)
    monkeypatch.setattr(resources, "available", lambda name: True)
    monkeypatch.setattr(resources, "_find", lambda path: folder)
    tg = _tagger.nltk_tagger()
    sents = [["the", "x"], ["x", "the", "y"], []]
    assert _tagger.tag_sents(tg, sents) == reference(_tagger_with(*MODEL.values()), sents) \
        == [["DT", "NN"], ["NN", "DT", "NN"], []]
    assert _tagger.fast(tg).exact


@pytest.mark.parametrize("tokens, tags", [
    (["Towns", "were", "shelled", "by", "Russia", "."], ["NNP", "VBD", "VBN", "IN", "NNP", "."]),
    (["They", "met", "in", "1999", "."], ["PRP", "NN", "IN", "CD", "."]),
    ([], []),
])
def test_without_tagger_data_the_fallback_tags(monkeypatch, fresh_tagger_cache, tokens, tags):
    from toolkit import resources

    monkeypatch.setattr(resources, "available", lambda name: False)
    assert _tagger.nltk_tagger() is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", clauses.TaggerMissingWarning)   # warned once per process
        assert clauses.tag_many([tokens]) == [(tags, clauses._MISSING)]


hypothesis = pytest.importorskip("hypothesis", reason="hypothesis (a dev dependency) is not installed")
st = hypothesis.strategies

WORDS = ["the", "The", "Russia", "warned", "attack", "attacks", "said", ",", ".", "to", "be", "was",
         "1999", "12", "3-4", "-", "re-elect", "A", "x", "", " ", "a b", "États", "ΑΘΗΝΑ", "٣٤٥٦"]
TOKEN = st.one_of(st.sampled_from(WORDS), st.text(max_size=6))


@hypothesis.settings(max_examples=150, deadline=None)
@hypothesis.given(st.lists(st.lists(TOKEN, max_size=25), max_size=6))
def test_random_sentences_equal(sents):
    tg = clauses._perceptron()
    if tg is None:
        pytest.skip("NLTK data 'averaged_perceptron_tagger_eng' not found (set NLTK_DATA)")
    assert _tagger.tag_sents(tg, sents) == reference(tg, sents)
