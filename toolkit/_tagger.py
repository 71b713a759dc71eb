"""NLTK's averaged perceptron tagger, the same tags as ``PerceptronTagger.tag``, many sentences at once.

NLTK's ``PerceptronTagger.tag`` (``nltk/tag/perceptron.py``) tags one token at a time: it builds
a dict of fourteen feature strings, and ``AveragedPerceptron.predict`` adds, for each feature
found in the model, its weight for each label into a ``defaultdict(float)`` of scores, then
takes ``max(classes, key=lambda label: (scores[label], label))``. Words of the tag dictionary
take their tag without scoring. About 15 microseconds a token, all of it Python.

This module reads the SAME model (weights, tag dictionary, classes) from a loaded
``PerceptronTagger`` and computes the same thing in bulk:

* the model becomes a dense float64 matrix, one row per feature string (row 0 all zeros for the
  strings the model does not know), one column per class, classes in DESCENDING label order so
  that ``argmax`` (the first maximum) picks the larger label among tied scores, as NLTK's
  ``max`` with the secondary label key does;
* the features that do not depend on earlier tags (the word, its suffix and first character,
  the words and suffixes around it) are looked up once per distinct token string and per
  distinct normalised word (a memo per process, emptied when it grows past a bound); the four
  that depend on the previous tags (``i-1 tag``, ``i-2 tag``, ``i tag+i-2 tag``,
  ``i-1 tag+i word``) come from tables indexed by tag ids, built once per model;
* sentences are independent, so token position ``k`` of every sentence still running is
  scored at once: sentences sorted by length, the running ones are a prefix, and each of the
  fourteen features adds its gathered (sentences x classes) weight rows to the scores.

Why the tags are bit-identical: NLTK's score of a label is a left-to-right float sum over the
features in the feature dict's insertion order, starting at 0.0, skipping features that lack
the label (or are not in the model). Here every label's score is the sum over the same features
in the same order, adding 0.0 where NLTK skips; ``x + 0.0 == x`` for every float (only the sign
of a zero can change, which no comparison sees), and IEEE addition is correctly rounded and
commutative in NumPy as in Python. Groups of features are never pre-summed, since float
addition is not associative. All feature values are 1 (the fourteen feature names differ and
none is another followed by a space, so no two keys of one token coincide); a probe on hostile
sentences at build time compares the feature keys and the tags with NLTK's own, and if
anything differs, or the model holds something this module does not expect (a non-finite
weight, a tag containing a space, a falsy tag in the dictionary), every sentence goes through
NLTK's ``tag`` instead. A sentence with a token that is not a ``str`` goes through NLTK too.
``tests/test_tagger.py`` checks equality on hand-made hostile cases, constructed ties, the seed
article, the bundled sample and about 300k tokens of UN speeches; ``bench/bench_tagger.py``
measures the speed on the same sentences and asserts equality first.

The model is read once per tagger object: a tagger whose weights change afterwards needs a new
:class:`FastTagger`.

The tagger itself (:func:`nltk_tagger`) is an NLTK ``PerceptronTagger`` whose model
:func:`read_model` reads from the three JSON files with the standard library, checking that
they hold what that tagger expects (every weight a finite number) and refusing anything else
with one :class:`ModelError` naming the file. NLTK 3.10's own loader parses the same files
and then walks every value again in Python; the checks here come from the same pass that
flattens the weights for the dense matrix, which is the start-up cost every worker waits for.
``tests/test_tagger.py`` checks that the model read here equals the one NLTK's loader reads,
and their tags on a few thousand UN sentences.

Reading the JSON and building the matrices costs about 0.18 CPU s, paid by the workers' server
before every command that tags. So the matrices and tables are also kept in a derived cache
(:func:`build_cache`: ``python -m toolkit._tagger``, run by ``make``, or the first process that
reads the JSON), beside the compiled modules in the virtual environment: NumPy arrays and a JSON
header in an uncompressed ``.npz`` read with ``allow_pickle=False``, used only while its header
names the model files' real paths, sizes, modification times and SHA-256 digests as they are
now, this NLTK version and this format, and its arrays pass shape and range checks; the probe
then compares its tags with NLTK's own tags on the probe sentences, recorded when it was built.
With a valid cache NLTK's tagger gets the tag dictionary and classes, and its weights are read
from the JSON only if NLTK's own ``tag`` is ever called (:class:`_LazyPerceptron`).
``tests/test_tagger_cache.py`` holds the cached model's tags to NLTK's and spoils the cache in
sixteen ways.
"""
from __future__ import annotations

import functools
import json
import os
import threading
import weakref
from collections.abc import Sequence
from itertools import chain, repeat

import numpy as np

# The feature names of PerceptronTagger._get_features, in its order. Checked against NLTK's
# own feature dict by the build-time probe.
_FEATURE_ORDER = ("bias", "i suffix", "i pref1", "i-1 tag", "i-2 tag", "i tag+i-2 tag", "i word",
                  "i-1 tag+i word", "i-1 word", "i-1 suffix", "i-2 word", "i+1 word", "i+1 suffix",
                  "i+2 word")
_TW_PREFIX = "i-1 tag+i word "
_MEMO_LIMIT = 400_000   # distinct token strings (and normalised words) memoised per process
_PROBES = (
    [], ["."], ["the"], ["Russia"], ["", "a b", " "], ["-", "--", "-x", "x-", "a-b", "re-elect"],
    ["1999", "2024", "12345", "3.5", "42", "1,000", "٣٤٥٦", "²³", "1st", "19th-century"],
    ["Москва", "ÉTAT", "İstanbul", "ß", "ǅ", "naïve", "東京", "🙂", "\u00a0", "\t"],
    ["-START-", "-START2-", "-END-", "-END2-", "i", "word", "tag"],
    "The quick brown fox jumps over the lazy dog .".split(),
    "Ukrainian towns were shelled by Russian artillery on 24 February 2022 .".split(),
    "Will Russia attack Ukraine ? '' `` ( ) ; : $ # %".split(),
)


class FastTagger:
    """Tag many tokenised sentences with an NLTK ``PerceptronTagger``'s model, bit-for-bit.

    Args:
        tagger: a loaded ``nltk.tag.perceptron.PerceptronTagger``; its ``model.weights``,
            ``tagdict`` and ``classes`` are read once.

    Example:
        >>> from nltk.tag.perceptron import PerceptronTagger
        >>> t = PerceptronTagger(load=False)
        >>> t.train([[("today", "NN"), ("is", "VBZ"), ("good", "JJ"), ("day", "NN")]], nr_iter=2)
        >>> FastTagger(t).tag_sents([["today", "is", "good"]]) == [[w for _, w in t.tag(["today", "is", "good"])]]
        True
    """

    def __init__(self, tagger) -> None:
        self.nltk = tagger
        self.exact = False
        self._lock = threading.Lock()
        cached = _CACHED_OF.pop(tagger, None)   # nltk_tagger's validated cache, for this tagger
        try:
            if cached is not None:
                self._adopt(cached)
                self.exact = self._probe(cached.probe_tags)
            if not self.exact:
                self._build(tagger)
                self.exact = self._probe()
        except (TypeError, ValueError, OverflowError, AttributeError, KeyError, IndexError):
            self.exact = False

    # ------------------------------------------------------------------ model
    def _build(self, tagger) -> None:
        weights = tagger.model.weights
        classes = sorted(tagger.model.classes, reverse=True)   # argmax's first = the larger label
        extra = sorted({t for t in tagger.tagdict.values() if t not in tagger.model.classes})
        tags = classes + extra + list(tagger.START)
        if any(not isinstance(t, str) or " " in t for t in tags) or len(set(tags)) != len(tags):
            raise ValueError("a tag with a space or a repeated tag: keys would not parse")
        if any(not v or not isinstance(v, str) for v in tagger.tagdict.values()):
            raise ValueError("a falsy tag in the tag dictionary")
        self.n_classes = len(classes)
        self.tags = tags
        tag_id = {t: i for i, t in enumerate(tags)}
        if not set(map(type, weights)) <= {str}:
            raise TypeError("a feature key that is not a string")
        # One row per feature, in the weights' order (row 0: the features the model lacks).
        self.row = dict(zip(weights, range(1, len(weights) + 1)))
        read = _FLAT_OF.pop(tagger, None)   # nltk_tagger's, if the weights are still those it read
        lens, labels, vals = read[1] if read is not None and read[0] is weights else _flat_weights(weights)
        col = {c: i for i, c in enumerate(classes)}
        cols = np.array(list(map(col.get, labels, repeat(-1))), dtype=np.int64)
        rows = np.repeat(np.arange(1, len(weights) + 1, dtype=np.int64), lens)
        known = cols >= 0   # a label outside classes never wins NLTK's max
        self.W = np.zeros((len(self.row) + 1, self.n_classes), dtype=np.float64)
        self.W[rows[known], cols[known]] = vals[known]
        self.W.setflags(write=False)
        get = self.row.get
        n_t = len(tags)
        self.T1 = np.array([get("i-1 tag " + t, 0) for t in tags], dtype=np.int64)
        self.T2 = np.array([get("i-2 tag " + t, 0) for t in tags], dtype=np.int64)
        self.T12 = np.array([[get("i tag+i-2 tag " + a + " " + b, 0) for b in tags] for a in tags],
                            dtype=np.int64)
        # "i-1 tag+i word T W": T holds no space, so the key splits at its first space after the
        # prefix; a (tag, word) pair missing here is a feature the model does not have.
        by_word: dict[str, dict[int, int]] = {}
        for feat, r in self.row.items():
            if feat.startswith(_TW_PREFIX):
                t, _, w = feat[len(_TW_PREFIX):].partition(" ")
                if t in tag_id:
                    by_word.setdefault(w, {})[tag_id[t]] = r
        self.tw_word = {w: i for i, w in enumerate(by_word, start=1)}
        self.TW = np.zeros((len(by_word) + 1, n_t), dtype=np.int64)
        for w, i in self.tw_word.items():
            for t, r in by_word[w].items():
                self.TW[i, t] = r
        self._finish()

    def _adopt(self, cached: _CachedModel) -> None:
        """Take the matrices and tables of a validated cache (:func:`load_cache`) instead."""
        self.n_classes, self.tags, self.row = cached.n_classes, cached.tags, cached.row
        self.W, self.T1, self.T2, self.T12, self.TW = cached.W, cached.T1, cached.T2, cached.T12, cached.TW
        self.tw_word = cached.tw_word
        self._finish()

    def _finish(self) -> None:
        self.tag_id = {t: i for i, t in enumerate(self.tags)}
        self._tag_names = np.array(self.tags, dtype=object)
        self.bias = self.W[self.row.get("bias", 0)]
        self.start = [self.tag_id[t] for t in self.nltk.START]
        self._reset_memo()

    def _reset_memo(self) -> None:
        # raw token -> row of _raw_arr: tag-dictionary tag id (-1 if none), "i suffix",
        # "i pref1", normalised word id
        self._raw: dict[str, int] = {}
        self._raw_arr = np.zeros((0, 4), dtype=np.int64)
        # normalised word -> row of _norm_arr: "i word", "i-1 word", "i-1 suffix", "i-2 word",
        # "i+1 word", "i+1 suffix", "i+2 word", the word's row of the i-1 tag+i word table
        self._norm: dict[str, int] = {}
        self._norm_arr = np.zeros((0, 8), dtype=np.int64)
        ctx = [*self.nltk.START, *self.nltk.END]
        self._learn_norms(ctx)
        self._ctx = [self._norm[w] for w in ctx]

    def _learn_norms(self, norms: list[str]) -> None:
        """Memoise the feature rows of normalised words not seen yet (a batch at a time)."""
        new = [w for w in dict.fromkeys(norms) if w not in self._norm]
        if not new:
            return
        get, tw = self.row.get, self.tw_word.get
        sufs = [w[-3:] for w in new]
        block = np.array([[get("i word " + w, 0) for w in new], [get("i-1 word " + w, 0) for w in new],
                          [get("i-1 suffix " + x, 0) for x in sufs], [get("i-2 word " + w, 0) for w in new],
                          [get("i+1 word " + w, 0) for w in new], [get("i+1 suffix " + x, 0) for x in sufs],
                          [get("i+2 word " + w, 0) for w in new], [tw(w, 0) for w in new]],
                         dtype=np.int64).reshape(8, -1).T
        self._norm.update(zip(new, range(len(self._norm), len(self._norm) + len(new))))
        self._norm_arr = np.concatenate([self._norm_arr, block])

    def _learn_words(self, words: list[str]) -> None:
        """Memoise the feature rows of raw token strings not seen yet (a batch at a time)."""
        new = [w for w in dict.fromkeys(words) if w not in self._raw]
        if not new:
            return
        get, tid = self.row.get, self.tag_id
        norms = list(map(self.nltk.normalize, new))
        self._learn_norms(norms)
        block = np.array([[tid[t] if t else -1 for t in map(self.nltk.tagdict.get, new)],
                          [get("i suffix " + w[-3:], 0) for w in new],
                          [get("i pref1 " + (w[0] if w else ""), 0) for w in new],
                          list(map(self._norm.__getitem__, norms))], dtype=np.int64).reshape(4, -1).T
        self._raw.update(zip(new, range(len(self._raw), len(self._raw) + len(new))))
        self._raw_arr = np.concatenate([self._raw_arr, block])

    # ------------------------------------------------------------------ tagging
    def tag_sents(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """The tags of each sentence, as ``[t for _, t in tagger.tag(list(sentence))]`` gives them.

        Example:
            >>> from toolkit.clauses import _perceptron
            >>> tg = _perceptron()
            >>> tg is None or fast(tg).tag_sents([["Russia", "warned", "."], []]) == [["NNP", "VBD", "."], []]
            True
        """
        sents = [s if type(s) is list else list(s) for s in sentences]   # read, never changed
        out: list[list[str] | None] = [None] * len(sents)
        fast_idx = []
        for k, s in enumerate(sents):
            if self.exact and set(map(type, s)) <= {str}:
                fast_idx.append(k)
            else:
                out[k] = [t for _, t in self.nltk.tag(s)]
        if fast_idx:
            with self._lock:   # the memo's dicts and arrays grow together: one thread at a time
                if len(self._raw) > _MEMO_LIMIT or len(self._norm) > _MEMO_LIMIT:
                    self._reset_memo()
                ids = self._tag_ids([sents[k] for k in fast_idx])
            flat = self._tag_names[ids].tolist()
            a = 0
            for k in fast_idx:
                b = a + len(sents[k])
                out[k] = flat[a:b]
                a = b
        return out   # type: ignore[return-value]

    def _tag_ids(self, sents: list[list[str]]) -> np.ndarray:
        """Tag ids of the sentences' tokens, one flat array (all tokens are ``str``)."""
        lens = np.array([len(s) for s in sents], dtype=np.int64)
        words = [w for s in sents for w in s]
        ids = list(map(self._raw.get, words))
        if None in ids:
            self._learn_words([w for w, i in zip(words, ids) if i is None])
            ids = list(map(self._raw.__getitem__, words))
        flat = np.array(ids, dtype=np.int64)
        raw_arr, norm_arr = self._raw_arr, self._norm_arr
        rf = raw_arr[flat]
        # Padded context of norm ids: START START2 w0 .. wn-1 END END2 per sentence.
        n_s = len(sents)
        pstart = np.arange(n_s, dtype=np.int64) * 4 + np.concatenate(([0], np.cumsum(lens)[:-1]))
        ctx = np.empty(int(lens.sum()) + 4 * n_s, dtype=np.int64)
        s1, s2, e1, e2 = self._ctx
        ctx[pstart], ctx[pstart + 1] = s1, s2
        ctx[pstart + lens + 2], ctx[pstart + lens + 3] = e1, e2
        tok_pos = np.repeat(pstart + 2, lens) + (np.arange(len(flat)) - np.repeat(np.cumsum(lens) - lens, lens))
        ctx[tok_pos] = rf[:, 3]
        nf = norm_arr
        at = ctx[tok_pos]
        # Static feature rows per token, columns in NLTK's order around the dynamic features:
        # suffix, pref1 | i-1 tag, i-2 tag, i tag+i-2 tag | word | i-1 tag+i word (table row) |
        # i-1 word, i-1 suffix, i-2 word, i+1 word, i+1 suffix, i+2 word.
        st = np.stack([rf[:, 1], rf[:, 2], nf[at, 0], nf[at, 7],
                       nf[ctx[tok_pos - 1], 1], nf[ctx[tok_pos - 1], 2], nf[ctx[tok_pos - 2], 3],
                       nf[ctx[tok_pos + 1], 4], nf[ctx[tok_pos + 1], 5], nf[ctx[tok_pos + 2], 6]])
        return self._decode(lens, rf[:, 0], st)

    def _decode(self, lens: np.ndarray, td: np.ndarray, st: np.ndarray) -> np.ndarray:
        """Greedy left-to-right decoding, position by position over the running sentences."""
        order = np.argsort(-lens, kind="stable")
        first = np.concatenate(([0], np.cumsum(lens)[:-1]))[order]
        slens = lens[order]
        n_s = len(lens)
        prev = np.full(n_s, self.start[0], dtype=np.int64)
        prev2 = np.full(n_s, self.start[1], dtype=np.int64)
        out = np.empty(len(td), dtype=np.int64)
        W, T1, T2, T12, TW = self.W, self.T1, self.T2, self.T12, self.TW
        bias = self.bias
        n_run = n_s
        for k in range(int(slens[0]) if n_s else 0):
            while n_run and slens[n_run - 1] <= k:
                n_run -= 1
            t = first[:n_run] + k
            tags_k = td[t]
            need = np.flatnonzero(tags_k < 0)
            if len(need):
                f = st[:, t[need]]
                p1, p2 = prev[need], prev2[need]
                # NLTK's order; each row is added on its own (float addition is not associative).
                sc = W.take(f[0], axis=0)
                sc += bias   # (0.0 + bias) + suffix: addition commutes
                for rows in (f[1], T1[p1], T2[p2], T12[p1, p2], f[2], TW[f[3], p1],
                             f[4], f[5], f[6], f[7], f[8], f[9]):
                    sc += W.take(rows, axis=0)
                tags_k[need] = sc.argmax(axis=1)
            out[t] = tags_k
            prev2[:n_run] = prev[:n_run]
            prev[:n_run] = tags_k
        return out

    # ------------------------------------------------------------------ self-check
    def _probe(self, want: list[list[str]] | None = None) -> bool:
        """Whether feature keys and tags agree with NLTK's own on hostile probe sentences.

        ``want``: the tags NLTK's ``tag`` gave on the probes when a cache of this model was
        built (:func:`build_cache`); ``None``: ask NLTK's tagger now.
        """
        t = self.nltk
        flat = self._tag_ids([list(s) for s in _PROBES]).tolist()
        got, a = [], 0
        for s in _PROBES:
            got.append([self.tags[i] for i in flat[a:a + len(s)]])
            a += len(s)
        for s, tags in zip(_PROBES, got):
            ctx = t.START + [t.normalize(w) for w in s] + t.END
            prev, prev2 = t.START
            for i, w in enumerate(s):
                feats = t._get_features(i, w, ctx, prev, prev2)
                if set(feats.values()) != {1} or list(feats) != self._keys(i, w, ctx, prev, prev2):
                    return False
                # this module's own tags as the previous ones: if they differ from NLTK's, the
                # comparison below fails; if not, these are NLTK's previous tags
                prev2, prev = prev, tags[i]
        if want is None:
            want = [[x for _, x in t.tag(list(s))] for s in _PROBES]
        return got == want

    @staticmethod
    def _keys(i: int, w: str, ctx: list[str], prev: str, prev2: str) -> list[str]:
        """The feature keys this module assumes, in its order (for the probe)."""
        i += 2
        args = ((), (w[-3:],), (w[0] if w else "",), (prev,), (prev2,), (prev, prev2), (ctx[i],),
                (prev, ctx[i]), (ctx[i - 1],), (ctx[i - 1][-3:],), (ctx[i - 2],), (ctx[i + 1],),
                (ctx[i + 1][-3:],), (ctx[i + 2],))
        return [" ".join((name, *a)) for name, a in zip(_FEATURE_ORDER, args)]


class ModelError(ValueError):
    """The tagger's model files are not the averaged perceptron model this module reads."""


_MODEL_NAME = "averaged_perceptron_tagger_eng"
_MAX_MODEL_BYTES = 64 << 20   # the English weights file is about 6 MB
# the flattened weights nltk_tagger's model files gave, by the tagger made from them (a weak
# key: an entry goes with its tagger), for that tagger's FastTagger to take once
_FLAT_OF: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# nltk_tagger's valid caches (load_cache), by the tagger they are for, for its FastTagger
_CACHED_OF: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# nltk_tagger's taggers read from JSON with no valid cache: the model folder and its files'
# sources (_sources) as read, for fast() to write one
_UNCACHED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _flat_weights(weights: dict) -> tuple[np.ndarray, list, np.ndarray]:
    """Each feature's label count, then every label and its weight, in the weights' order.

    Raises ``TypeError``/``ValueError``/``OverflowError`` unless every feature maps to a dict
    of numbers (``int`` or ``float``, never ``bool``) that are finite as float64.
    """
    inner = list(weights.values())
    if not set(map(type, inner)) <= {dict}:
        raise TypeError("a feature whose weights are not a dict")
    lens = np.fromiter(map(len, inner), dtype=np.int64, count=len(inner))
    labels = list(chain.from_iterable(inner))
    vals = list(chain.from_iterable(map(dict.values, inner)))
    if not set(map(type, vals)) <= {float, int}:
        raise TypeError("a weight that is not a number (NLTK would fail or compute otherwise)")
    arr = np.array(vals, dtype=np.float64)
    if not np.isfinite(arr).all():
        raise ValueError("a non-finite weight")
    return lens, labels, arr


def _read_json(path: str):
    try:
        with open(path, "rb") as f:
            data = f.read(_MAX_MODEL_BYTES + 1)
    except OSError as e:
        raise ModelError(f"{path}: cannot be read ({e.strerror or e})") from None
    if len(data) > _MAX_MODEL_BYTES:
        raise ModelError(f"{path}: larger than {_MAX_MODEL_BYTES >> 20} MB, not a tagger model")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as e:   # UnicodeDecodeError is a ValueError
        raise ModelError(f"{path}: not valid JSON ({str(e)[:120]})") from None


def read_model(folder: str) -> tuple[dict, dict, list]:
    """The weights, tag dictionary and classes of the perceptron tagger's files in ``folder``.

    Reads the three JSON files NLTK's ``PerceptronTagger.load_from_json`` reads (with the
    standard library: NLTK 3.10's bounded loader walks every value again in Python) and checks
    that they hold what that tagger expects: weights a dict of features, each a dict of labels
    to finite numbers; a tag dictionary of words to non-empty tags; a list of distinct tags.

    Raises:
        ModelError: naming the file and what is wrong with it.

    Example:
        >>> import tempfile, pathlib
        >>> parts = {"weights": {"bias": {"NN": 1.5}}, "tagdict": {"the": "DT"}, "classes": ["DT", "NN"]}
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     for part, value in parts.items():
        ...         _ = pathlib.Path(tmp, f"{_MODEL_NAME}.{part}.json").write_text(json.dumps(value))
        ...     read_model(tmp)
        ({'bias': {'NN': 1.5}}, {'the': 'DT'}, ['DT', 'NN'])
    """
    weights, tagdict, classes, _ = _read_model(folder)
    return weights, tagdict, classes


def _read_model(folder: str) -> tuple[dict, dict, list, tuple[np.ndarray, list, np.ndarray]]:
    """:func:`read_model`'s three parts and the weights flattened while checking them
    (:func:`_flat_weights`), which :class:`FastTagger` builds its matrix from."""
    paths = [os.path.join(folder, f"{_MODEL_NAME}.{part}.json") for part in ("weights", "tagdict", "classes")]
    weights, tagdict, classes = map(_read_json, paths)
    if not isinstance(weights, dict) or not weights:
        raise ModelError(f"{paths[0]}: not a JSON object of features")
    try:
        flat = _flat_weights(weights)
    except (TypeError, ValueError, OverflowError) as e:
        raise ModelError(f"{paths[0]}: {e}; not a tagger model") from None
    if not isinstance(tagdict, dict) or not all(type(t) is str and t for t in tagdict.values()):
        raise ModelError(f"{paths[1]}: not a JSON object of words to non-empty tags")
    if not isinstance(classes, list) or not classes or not all(type(t) is str and t for t in classes) \
            or len(set(classes)) != len(classes):
        raise ModelError(f"{paths[2]}: not a JSON list of distinct non-empty tags")
    return weights, tagdict, classes, flat


# ----------------------------------------------------------------------------- the derived cache
#
# Reading the JSON model and building the matrices above is most of the tagger's start-up, paid
# by the workers' server before every command. The cache is those matrices and tables (NumPy
# arrays and one JSON header in an uncompressed .npz, loaded with allow_pickle=False: never a
# pickle), written by ``python -m toolkit._tagger`` (``make``) or on first use. It is used only
# when its header names the model files it was built from (real path, size, modification time
# and SHA-256 of each, read again now), this NLTK version and this format, and when its arrays
# have the shapes, types and index ranges that header implies; anything else (stale, truncated,
# corrupt, foreign) is ignored and the model is read from its JSON as before. Its tags on the
# probe sentences are checked against the ones NLTK's own tagger gave when it was built.

_CACHE_FORMAT = 1
_ARRAYS = ("T1", "T2", "T12", "TW")
_STORED = ("Wi", "Wv", *_ARRAYS)   # W as the flat positions and values of its non-zero cells


class _CachedModel:
    """The matrices and tables :class:`FastTagger` builds, as read from a valid cache."""

    def __init__(self, header: dict, arrays: dict) -> None:
        self.tags: list[str] = header["tags"]
        self.n_classes: int = header["n_classes"]
        self.row = dict(zip(header["features"], range(1, len(header["features"]) + 1)))
        self.tw_word = dict(zip(header["tw_words"], range(1, len(header["tw_words"]) + 1)))
        self.probe_tags: list[list[str]] = header["probe_tags"]
        self.T1, self.T2, self.T12, self.TW = (arrays[k] for k in _ARRAYS)
        self.Wi, self.Wv = arrays["Wi"], arrays["Wv"]
        self.W = np.zeros((len(self.row) + 1, self.n_classes), dtype=np.float64)


def cache_dir() -> str:
    """The folder of the tagger's derived cache (:func:`toolkit.resources.derived_cache_dir`).

    Example:
        >>> from toolkit import resources
        >>> cache_dir() == resources.derived_cache_dir()
        True
    """
    from . import resources

    return resources.derived_cache_dir()


def _model_paths(folder: str) -> list[str]:
    return [os.path.join(folder, f"{_MODEL_NAME}.{part}.json") for part in ("weights", "tagdict", "classes")]


def _cache_path(folder: str, where: str | None = None) -> str:
    import hashlib

    import nltk

    key = "\0".join((os.path.realpath(folder), nltk.__version__, str(_CACHE_FORMAT)))
    return os.path.join(where or cache_dir(), f"tagger-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz")


def _sources(folder: str) -> list[list]:
    """Real path, size, modification time (ns) and SHA-256 of each model file."""
    import hashlib

    out = []
    for path in _model_paths(folder):
        with open(path, "rb") as f:
            st = os.fstat(f.fileno())
            digest = hashlib.sha256(f.read(_MAX_MODEL_BYTES + 1)).hexdigest()
        out.append([os.path.realpath(path), st.st_size, st.st_mtime_ns, digest])
    return out


def build_cache(folder: str, where: str | None = None) -> str | None:
    """Write the derived cache of the model in ``folder``; its path, or ``None`` when the model
    is not one the fast path reproduces exactly (nothing is written then).

    The file is written beside its final name and renamed into place, so a reader never sees
    half of it; only that temporary file is ever removed.

    Raises:
        ModelError: the model files are not a tagger model.
        OSError: the cache folder cannot be written.

    Example:
        >>> build_cache("/nonexistent")  # doctest: +SKIP
    """
    from nltk.tag.perceptron import PerceptronTagger

    sources = _sources(folder)
    tagger = PerceptronTagger(load=False)
    weights, tagdict, classes, flat = _read_model(folder)
    tagger.decode_json_params((weights, tagdict, classes))
    _FLAT_OF[tagger] = (weights, flat)
    return _write_cache(FastTagger(tagger), folder, sources, where)


def _write_cache(ft: FastTagger, folder: str, sources: list[list], where: str | None = None) -> str | None:
    import nltk

    if not ft.exact or _sources(folder) != sources:   # changed while being read: not this model
        return None
    probe_tags = [[x for _, x in ft.nltk.tag(list(s))] for s in _PROBES]
    header = {"format": _CACHE_FORMAT, "nltk": nltk.__version__, "sources": sources,
              "tags": ft.tags, "n_classes": ft.n_classes, "features": list(ft.row),
              "tw_words": list(ft.tw_word), "probe_tags": probe_tags}
    target = _cache_path(folder, where)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    tmp = f"{target}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        # every cell whose bits are not those of +0.0 (a -0.0 weight stays -0.0)
        wi = np.flatnonzero(ft.W.view(np.int64))
        with open(tmp, "wb") as f:
            np.savez(f, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                     Wi=wi, Wv=ft.W.ravel()[wi], **{k: getattr(ft, k) for k in _ARRAYS})
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):   # this call's own temporary file, never another
            os.remove(tmp)
    return target


def load_cache(folder: str, where: str | None = None, *, sources: list | None = None) -> _CachedModel | None:
    """The valid derived cache of the model in ``folder``, or ``None`` (absent, stale or corrupt).

    ``sources``: the model files' :func:`_sources`, when the caller has them already.

    Example:
        >>> load_cache("/nonexistent") is None
        True
    """
    import nltk

    try:
        with np.load(_cache_path(folder, where), allow_pickle=False) as z:
            if set(z.files) != {"header", *_STORED}:
                return None
            header = json.loads(z["header"].tobytes())
            if not (isinstance(header, dict) and header.get("format") == _CACHE_FORMAT
                    and header.get("nltk") == nltk.__version__
                    and header.get("sources") == (sources if sources is not None else _sources(folder))):
                return None
            arrays = {k: z[k] for k in _STORED}
        model = _CachedModel(header, arrays)
        return model if _consistent(model) else None
    except Exception:  # noqa: BLE001 - any unreadable cache (zip, JSON, types, I/O) is ignored
        return None


def _consistent(m: _CachedModel) -> bool:
    """Whether a cache's arrays have the shapes, types and index ranges its header implies."""
    n_t, n_rows = len(m.tags), len(m.row) + 1
    strs = all(type(t) is str for t in m.tags) and all(type(t) is str for t in m.tw_word)
    shapes = {"T1": (n_t,), "T2": (n_t,), "T12": (n_t, n_t), "TW": (len(m.tw_word) + 1, n_t)}
    for k, shape in shapes.items():
        a = getattr(m, k)
        if a.shape != shape or a.dtype != np.int64 or (a.size and (a.min() < 0 or a.max() >= n_rows)):
            return False
    wi, wv = m.Wi, m.Wv
    if wi.ndim != 1 or wi.shape != wv.shape or wi.dtype != np.int64 or wv.dtype != np.float64:
        return False
    if wi.size and (wi[0] < 0 or wi[-1] >= m.W.size or not (np.diff(wi) > 0).all()):
        return False   # positions strictly increasing and inside W
    if not np.isfinite(wv).all():
        return False
    m.W.ravel()[wi] = wv
    m.W.setflags(write=False)
    return strs and len(m.row) == n_rows - 1 and 0 < m.n_classes <= n_t and isinstance(m.probe_tags, list)


class _LazyPerceptron:
    """NLTK's ``AveragedPerceptron`` whose weights are read from the JSON on first use.

    With a valid cache the fast path never needs NLTK's weights; NLTK's own ``tag`` (a sentence
    with a token that is not a string) and ``predict`` still get them, read and checked by
    :func:`read_model` then.
    """

    def __init__(self, folder: str, classes: set) -> None:
        from nltk.tag.perceptron import AveragedPerceptron

        self._folder = folder
        self._model: AveragedPerceptron | None = None
        self.classes = classes

    def _real(self):
        if self._model is None:
            from nltk.tag.perceptron import AveragedPerceptron

            model = AveragedPerceptron()
            model.weights, _, _, _ = _read_model(self._folder)
            model.classes = self.classes
            self._model = model
        return self._model

    @property
    def weights(self) -> dict:
        return self._real().weights

    def predict(self, features, return_conf=False):
        return self._real().predict(features, return_conf)

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._real(), name)


@functools.lru_cache(maxsize=1)
def nltk_tagger():
    """NLTK's averaged perceptron tagger (one per process), or ``None`` when its data is missing.

    Its model comes from :func:`read_model` when the data is a folder (NLTK's own loader reads
    a zipped copy).

    Raises:
        ModelError: the model files are there but are not a tagger model.

    Example:
        >>> tg = nltk_tagger()
        >>> tg is None or tg is nltk_tagger()
        True
    """
    from . import resources

    if not resources.available(_MODEL_NAME):   # honours TOOLKIT_NLTK_DATA_ONLY
        return None
    from nltk.tag.perceptron import PerceptronTagger

    folder = resources._find(resources.RESOURCES[_MODEL_NAME].path)
    if folder is not None and os.path.isdir(folder):
        tagger = PerceptronTagger(load=False)
        try:
            sources = _sources(folder)
        except OSError:
            sources = None   # _read_model names the file that cannot be read
        cached = load_cache(folder, sources=sources) if sources is not None else None
        if cached is not None:
            tagdict, classes = (_read_json(p) for p in _model_paths(folder)[1:])
            if isinstance(tagdict, dict) and isinstance(classes, list):
                tagger.tagdict = tagdict
                tagger.classes = set(classes)
                tagger.model = _LazyPerceptron(folder, tagger.classes)
                _CACHED_OF[tagger] = cached
                return tagger
        weights, tagdict, classes, flat = _read_model(folder)
        tagger.decode_json_params((weights, tagdict, classes))
        _FLAT_OF[tagger] = (weights, flat)   # not computed again by its FastTagger
        if sources is not None:
            _UNCACHED[tagger] = (folder, sources)
        return tagger
    try:
        return PerceptronTagger()
    except (LookupError, OSError, ValueError):
        return None


@functools.lru_cache(maxsize=4)
def fast(tagger) -> FastTagger:
    """The :class:`FastTagger` of an NLTK ``PerceptronTagger`` object (built once per object).

    Example:
        >>> from toolkit.clauses import _perceptron
        >>> _perceptron() is None or fast(_perceptron()) is fast(_perceptron())
        True
    """
    ft = FastTagger(tagger)
    uncached = _UNCACHED.pop(tagger, None)
    if uncached is not None:   # nltk_tagger found no valid cache: write one for the next process
        try:
            _write_cache(ft, *uncached)
        except OSError:
            pass   # a read-only environment: the model is read from its JSON, as before
    return ft


def tag_sents(tagger, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """Tags of many sentences with ``tagger``'s model, equal to ``tagger.tag`` on each.

    Example:
        >>> from toolkit.clauses import _perceptron
        >>> tg = _perceptron()
        >>> tg is None or tag_sents(tg, [["They", "met", "."]]) == [[t for _, t in tg.tag(["They", "met", "."])]]
        True
    """
    return fast(tagger).tag_sents(sentences)


def main() -> int:
    """``python -m toolkit._tagger``: write the derived caches of the tagger's model and of
    WordNet's lemma sets (``make`` runs it), so that no command pays for parsing them.

    Prints one line per cache and returns 0 in every case but a tagger model that is not one:
    without the NLTK data, or when the cache folder cannot be written, the toolkit parses the
    files as before.

    Example:
        >>> main()  # doctest: +SKIP
        0
    """
    from . import resources

    if resources.available("wordnet"):   # written by the first parse (resources.wordnet_tables)
        from . import tokenize

        try:
            tokenize._Morphy()
            print("wordnet cache: ready")
        except Exception as e:  # noqa: BLE001 - a WordNet layout it does not know: NLTK's reader is used
            print(f"wordnet cache: not written ({type(e).__name__})")
    folder = resources._find(resources.RESOURCES[_MODEL_NAME].path)
    if folder is None or not os.path.isdir(folder):
        print("tagger cache: no unzipped NLTK tagger data; the toolkit reads the model when it finds one")
        return 0
    if load_cache(folder) is not None:
        print("tagger cache: up to date")
        return 0
    try:
        path = build_cache(folder)
    except ModelError as e:
        print(f"tagger cache: {e}")
        return 2
    except OSError as e:
        print(f"tagger cache: not written ({e.strerror or e}); the toolkit reads the JSON model")
        return 0
    print(f"tagger cache: {'written to ' + path if path else 'not written (the fast path does not reproduce this model)'}")
    return 0


__all__ = ["FastTagger", "ModelError", "build_cache", "fast", "load_cache", "read_model", "tag_sents"]


if __name__ == "__main__":
    raise SystemExit(main())
