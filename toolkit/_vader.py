"""VADER sentiment scores, the same numbers as the reference ``vaderSentiment``, faster.

VADER (Hutto & Gilbert 2014) is a lexicon and a handful of rules: boosters and dampeners
before a word, negations up to three words back, "no", "least", "kind of", ALL-CAPS
emphasis, a few idioms, a contrastive "but", and "!"/"?" emphasis. The reference package
``vaderSentiment`` (3.3.2) spends most of its time on avoidable work: every rule re-lowercases
the whole sentence for each lexicon word (quadratic in the sentence length), emoji are
replaced one character at a time, and each word costs several method calls. This module
implements the same algorithm with the work done once: each distinct token is stripped and
lowercased once (memoised), the words outside the lexicon (most of them) are skipped in bulk
(C-level ``map``), the rules run only at lexicon words, and emoji are replaced only in texts
that contain an emoji character (only one-character keys can match, none is ASCII).

``vaderSentiment`` stays the reference: its lexicon, emoji descriptions, booster, negation and
idiom tables, constants and ``normalize`` are imported from it, not copied, and
``tests/test_vader.py`` checks that :func:`polarity_scores` returns exactly (``==``, the same
floats) what ``SentimentIntensityAnalyzer().polarity_scores`` returns, on every sentence of
hundreds of UN General Debate speeches, whole documents, hand-written edge cases and
generated texts. The floating point operations are done in the reference's order (sums from
left to right, the same multiplications, ``round(x, 3)``/``round(x, 4)``).

Speed is measured by ``bench/bench_vader.py`` against the reference on the same sentences
(figures in ``docs/SCALING.md``). The tone measure in :mod:`toolkit.rhetoric` runs on the same
core (:func:`sentiments`, :func:`but_check`, :func:`score_sentiments`).

Notes:
    Hutto, C.J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
    Analysis of Social Media Text. Eighth International AAAI Conference on Weblogs and Social
    Media (ICWSM-14), Ann Arbor, MI.
"""
from __future__ import annotations

import heapq
import math
import re
import string
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

__all__ = [
    "EMOJIS",
    "LEXICON",
    "but_check",
    "cap_differential",
    "lower_words",
    "polarity_scores",
    "replace_emoji",
    "score_sentiments",
    "sentiments",
    "vader_score",
    "vader_score_split",
    "vader_scores",
    "valences",
    "words",
]

_REFERENCE = SentimentIntensityAnalyzer()
#: The reference analyzer's word -> valence table (``vader_lexicon.txt``).
LEXICON: dict[str, float] = _REFERENCE.lexicon
#: The reference analyzer's emoji -> description table (``emoji_utf8_lexicon.txt``).
EMOJIS: dict[str, str] = _REFERENCE.emojis

_PUNCT = string.punctuation
_NEGATE = frozenset(NEGATE)
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")
# The reference replaces emoji character by character, so only one-character keys can match.
_EMOJI_CHARS = frozenset(k for k in EMOJIS if len(k) == 1)
_ASCII_EMOJI = any(c.isascii() for c in _EMOJI_CHARS)


def _char_class(chars: Iterable[str]) -> str:
    # consecutive code points as ranges (re scans a class with non-BMP members item by item)
    cps = sorted(map(ord, chars))
    ranges: list[list[int]] = []
    for c in cps:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


_EMOJI_RE = re.compile(_char_class(_EMOJI_CHARS))
# A quick superset test: the few emoji below U+2100 one by one, then everything above. Curly
# quotes, dashes and accented letters (the usual non-ASCII of government text) fall outside.
_EMOJI_HINT = re.compile(_char_class({c for c in _EMOJI_CHARS if c < "\u2100"})[:-1]
                         + "\u2100-\U0010ffff]")
# First words of the multiword keys: a sequence of words can only equal a key (words never
# contain whitespace) if its first word is one of these.
_SPECIAL_FIRST = frozenset(k.split(" ")[0] for k in SPECIAL_CASES)
_SPECIAL_SECOND = frozenset(k.split(" ")[1] for k in SPECIAL_CASES if " " in k)
_BOOSTER_FIRST = frozenset(k.split(" ")[0] for k in BOOSTER_DICT if " " in k)
_ZEROS = (0.0, 0.0, 0.0, 0.0)
# A word's valence: a float, or an int where the reference's idiom table has one ("the bomb": 3).
# A union rather than ``float``, so that a compiled copy (toolkit._native) keeps ints as ints.
_Valence = float | int
_BUT_INDEX_MAX = 64      # values up to which but_check runs the reference's loop


def replace_emoji(text: str | Iterable[str]) -> str:
    """``text`` with each emoji replaced by its description, spaced as the reference does.

    A description gets a space before it unless it starts the text or follows a space.

    Example:
        >>> replace_emoji("I 💘 it😁")
        'I heart with arrow it beaming face with smiling eyes'
    """
    if type(text) is not str:
        return _replace_emoji_any(text)
    if (_ASCII_EMOJI or not text.isascii()) and _EMOJI_HINT.search(text) \
            and not _EMOJI_CHARS.isdisjoint(text):
        return _EMOJI_RE.sub(lambda m: _described(m, text), text)
    return text


def _described(m: re.Match, text: str) -> str:
    a = m.start()
    # The reference's "previous character was a space": True at the start of the text, False
    # after an emoji and after any character but " " (tabs and newlines included).
    if a == 0 or text[a - 1] == " ":
        return EMOJIS[m.group()]
    return " " + EMOJIS[m.group()]


def _replace_emoji_any(text) -> str:
    # Anything that is not exactly a str (a str subclass, a list of strings, ...) is iterated
    # as the reference iterates it, raising what it raises (TypeError for bytes or None).
    out = ""
    prev_space = True
    for ch in text:
        if ch in EMOJIS:
            if not prev_space:
                out += " "
            out += EMOJIS[ch]
            prev_space = False
        else:
            out += ch
            prev_space = ch == " "
    return out


class _Memo(dict):
    """A bounded memo: ``memo[key]`` computes ``fn(key)`` once (cleared when it grows large)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, key):
        value = self.fn(key)
        if len(self) >= _MEMO_SIZE:
            self.clear()
        self[key] = value
        return value


def _strip(token: str) -> str:
    # VADER strips leading and trailing string.punctuation from a token unless two
    # characters or fewer would be left (an emoticon such as ":)")
    stripped = token.strip(_PUNCT)
    return token if len(stripped) <= 2 else stripped


_MEMO_SIZE = 500_000
_STRIPPED = _Memo(_strip)                          # token -> VADER's word
_WORDS = _Memo(lambda token: _strip(token).lower())  # token -> VADER's word, lowercased


def words(text: str) -> list[str]:
    """VADER's words of ``text``: white-space tokens, surrounding punctuation stripped.

    Example:
        >>> words("(Good) news, :) ok!")
        ['Good', 'news', ':)', 'ok!']
    """
    return list(map(_STRIPPED.__getitem__, text.split()))


def lower_words(text: str) -> tuple[list[str], list[str]]:
    """The white-space tokens of ``text`` and VADER's lowercased words (punctuation stripped).

    Example:
        >>> lower_words("(Good) NEWS, :)")
        (['(Good)', 'NEWS,', ':)'], ['good', 'news', ':)'])
    """
    toks = text.split()
    return toks, list(map(_WORDS.__getitem__, toks))


def cap_differential(words: Sequence[str]) -> bool:
    """VADER's ``allcap_differential``: some, but not all, of ``words`` are in ALL CAPS.

    Example:
        >>> cap_differential(["VERY", "good"]), cap_differential(["VERY", "GOOD"])
        (True, False)
    """
    caps = sum(map(str.isupper, words))
    return 0 < caps < len(words)


def sentiments(lw: Sequence[str], words: Sequence[str], cap_diff: bool | None = None,
               lexicon: Mapping[str, float] = LEXICON) -> list:
    """VADER's per-word valences (its ``sentiments`` list before the "but" rule).

    Args:
        lw: the words, lowercased (VADER's ``words_and_emoticons``, lower case).
        words: the same words in their case (only ``isupper()`` is used).
        cap_diff: VADER's ``is_cap_diff`` (some but not all words in ALL CAPS); ``None``:
            computed from ``words``, and only if a word that it affects is in ALL CAPS.
        lexicon: word -> valence (the tone measure passes a lexicon with its own entries).

    Returns:
        One value per word: ``0`` (int, as the reference) for words outside the lexicon and
        for boosters, else the valence after VADER's rules.

    Example:
        >>> lw = "not very good".split()
        >>> [round(v, 4) for v in sentiments(lw, lw)]
        [0, 0, -1.6228]
    """
    n = len(lw)
    inlex = list(map(lexicon.__contains__, lw))
    out: list = [0] * n
    if True not in inlex:
        return out
    booster = BOOSTER_DICT
    negate = _NEGATE
    first, second = _SPECIAL_FIRST, _SPECIAL_SECOND
    last = n - 1
    for i in compress(range(n), inlex):
        w = lw[i]
        if w in booster or (w == "kind" and i < last and lw[i + 1] == "of"):
            continue
        base = lexicon[w]
        v: _Valence = base
        # "no" before a lexicon word negates it and scores nothing itself
        if w == "no" and i < last and inlex[i + 1]:
            v = 0.0
        up = False
        if words[i].isupper():
            if cap_diff is None:
                cap_diff = cap_differential(words)
            up = cap_diff
        if i < 3:   # the first three words, where fewer words precede
            v, cap_diff = _first_words(i, v, base, up, lw, words, inlex, cap_diff)
            out[i] = v
            continue
        w1, w2, w3 = lw[i - 1], lw[i - 2], lw[i - 3]
        if w1 == "no" or w2 == "no" or (w3 == "no" and (w1 == "or" or w1 == "nor")):
            v = base * N_SCALAR
        if up:
            if v > 0:
                v += C_INCR
            else:
                v -= C_INCR
        # the three preceding words outside the lexicon: boosters, negations, idioms (v + 0.0:
        # the reference adds a zero scalar, which turns -0.0 into 0.0)
        if not inlex[i - 1]:
            if w1 in booster:
                v, cap_diff = _boosted(v, i - 1, None, lw, words, cap_diff)
            else:
                v = v + 0.0
            if w1 in negate or "n't" in w1:
                v = v * N_SCALAR
        if not inlex[i - 2]:
            if w2 in booster:
                v, cap_diff = _boosted(v, i - 2, 0.95, lw, words, cap_diff)
            else:
                v = v + 0.0
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                v = v * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif w2 in negate or "n't" in w2:
                v = v * N_SCALAR
        if not inlex[i - 3]:
            if w3 in booster:
                v, cap_diff = _boosted(v, i - 3, 0.9, lw, words, cap_diff)
            else:
                v = v + 0.0
            # (sic) any word after "so"/"this" is boosted, "never" or not: the reference's
            # "never and so or this" reads as "(never and so) or this"
            if (w3 == "never" and w2 in _SO_THIS) or w1 in _SO_THIS:
                v = v * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif w3 in negate or "n't" in w3:
                v = v * N_SCALAR
            # idioms: every sequence checked starts with a key's first word followed by its
            # second one (words never contain spaces); then the two-word boosters
            if ((w3 in first and w2 in second) or (w2 in first and w1 in second)
                    or (w1 in first and w in second)
                    or (w in first and i < last and lw[i + 1] in second)):
                v = _special_cases(v, lw, i)
            if w3 in _BOOSTER_FIRST or w2 in _BOOSTER_FIRST:
                v = _two_word_boosters(v, w3, w2, w1)
        out[i] = _least(v, i, lw, inlex) if w1 == "least" else v
    return out


def _least(v: _Valence, i: int, lw: Sequence[str], inlex: Sequence[bool]) -> _Valence:
    # "least" before a word negates it, except "at least" and "very least"
    if i > 0 and lw[i - 1] == "least" and not inlex[i - 1]:
        if i > 1:
            if lw[i - 2] != "at" and lw[i - 2] != "very":
                v = v * N_SCALAR
        else:
            v = v * N_SCALAR
    return v


def _boosted(v: float, k: int, factor: float | None, lw: Sequence[str], words: Sequence[str],
             cap_diff: bool | None) -> tuple[float, bool | None]:
    # The booster rule for the booster word at ``k`` (outside the lexicon), ``factor`` None for
    # the word just before (the reference adds its scalar unscaled there), else 0.95 or 0.9.
    b = BOOSTER_DICT[lw[k]]
    if cap_diff is None and words[k].isupper():
        cap_diff = cap_differential(words)
    s = _scalar(b, words[k], v, cap_diff)
    return v + (s if factor is None else s * factor), cap_diff


def _two_word_boosters(v: _Valence, w3: str, w2: str, w1: str) -> _Valence:
    # (a three-word "threetwoone" is never a booster key: those have two words)
    twoone = w2 + " " + w1
    for gram in (w3 + " " + twoone, w3 + " " + w2, twoone):
        if gram in BOOSTER_DICT:
            v = v + BOOSTER_DICT[gram]
    return v


def _first_words(i: int, v: float, base: float, up: bool | None, lw: Sequence[str],
                 words: Sequence[str], inlex: Sequence[bool], cap_diff: bool | None
                 ) -> tuple[float, bool | None]:
    """The rules of :func:`sentiments` for a lexicon word among the first three, where fewer
    words precede (no idioms, no two-word boosters). Returns the valence and ``cap_diff``."""
    w1 = lw[i - 1] if i else ""
    if w1 == "no" or (i > 1 and lw[i - 2] == "no"):
        v = base * N_SCALAR
    if up:
        if v > 0:
            v += C_INCR
        else:
            v -= C_INCR
    if i == 0:
        return v, cap_diff
    if not inlex[i - 1]:
        if w1 in BOOSTER_DICT:
            v, cap_diff = _boosted(v, i - 1, None, lw, words, cap_diff)
        else:
            v = v + 0.0
        if w1 in _NEGATE or "n't" in w1:
            v = v * N_SCALAR
    if i > 1 and not inlex[i - 2]:
        w2 = lw[i - 2]
        if w2 in BOOSTER_DICT:
            v, cap_diff = _boosted(v, i - 2, 0.95, lw, words, cap_diff)
        else:
            v = v + 0.0
        if w2 == "never" and (w1 == "so" or w1 == "this"):
            v = v * 1.25
        elif w2 == "without" and w1 == "doubt":
            pass
        elif w2 in _NEGATE or "n't" in w2:
            v = v * N_SCALAR
    return _least(v, i, lw, inlex), cap_diff


def _scalar(b: float, word: str, v: float, cap_diff: bool | None) -> float:
    # the reference's scalar_inc_dec for a booster word (its value ``b`` looked up already)
    if v < 0:
        b *= -1
    if cap_diff and word.isupper():
        if v > 0:
            b += C_INCR
        else:
            b -= C_INCR
    return b


def _special_cases(v: _Valence, lw: Sequence[str], i: int) -> _Valence:
    # The reference's idiom check (reached only for i >= 3): the first backward sequence that
    # is a special case sets the valence, then the forward ones (each may set it again).
    w0, w1, w2, w3 = lw[i], lw[i - 1], lw[i - 2], lw[i - 3]
    for seq in (w1 + " " + w0, w2 + " " + w1 + " " + w0, w2 + " " + w1,
                w3 + " " + w2 + " " + w1, w3 + " " + w2):
        if seq in SPECIAL_CASES:
            v = SPECIAL_CASES[seq]
            break
    n = len(lw)
    if n - 1 > i:
        seq = w0 + " " + lw[i + 1]
        if seq in SPECIAL_CASES:
            v = SPECIAL_CASES[seq]
    if n - 1 > i + 1:
        seq = w0 + " " + lw[i + 1] + " " + lw[i + 2]
        if seq in SPECIAL_CASES:
            v = SPECIAL_CASES[seq]
    return v


def but_check(lw: Sequence[str], values: list) -> list:
    """VADER's contrastive "but": halve the valences before the first "but", x1.5 after.

    Exactly the reference's ``_but_check``, quirk included: each value is looked up with
    ``list.index``, so where values repeat, the first equal element is the one changed
    (possibly several times). Modifies and returns ``values``.

    Example:
        >>> but_check(["good", "but", "good"], [1.9, 0, 1.9])
        [0.95, 0, 2.8499999999999996]
        >>> but_check(["good", "but", "fine"], [1.9, 0, 0.95])  # (sic) 0.95 found at 0 first
        [0.475, 0, 0.95]
    """
    if "but" not in lw:
        return values
    bi = lw.index("but")
    # Short lists (sentences): the reference's loop, whose list.index scans run in C, is
    # faster than the heaps. NaN: list.index matches it by identity; keep the reference loop.
    if len(values) <= _BUT_INDEX_MAX or any(math.isnan(v) for v in values):
        return _but_check_by_index(bi, values)
    # Where list.index finds a value: for each value, a heap of the positions that held it.
    # A position that changed since stays in its old heap until it reaches the top, where the
    # check against ``values`` drops it. Each position is pushed once per change, so the whole
    # pass is O(n log n), where the reference's scans from the start were O(n^2) (15 s for one
    # 100 KB sentence; the same values).
    where: dict[float, list[int]] = {}
    for i, v in enumerate(values):
        where.setdefault(v, []).append(i)   # ascending: already a heap
    for k in range(len(values)):
        v = values[k]
        heap = where[v]
        while values[heap[0]] != v:
            heapq.heappop(heap)
        si = heap[0]
        if si == bi:
            continue
        new = v * 0.5 if si < bi else v * 1.5
        values[si] = new
        if new != v:
            heapq.heappush(where.setdefault(new, []), si)
    return values


def _but_check_by_index(bi: int, values: list) -> list:
    index = values.index
    for k in range(len(values)):
        v = values[k]
        si = index(v)
        if si < bi:
            values[si] = v * 0.5
        elif si > bi:
            values[si] = v * 1.5
    return values


def score_sentiments(values: list, text: str) -> tuple[float, float, float, float]:
    """``(compound, pos, neg, neu)`` from per-word valences, as VADER's ``score_valence``.

    ``text`` supplies the "!" and "?" emphasis.

    Example:
        >>> score_sentiments([0, 1.9], "Good!")
        (0.4926, 0.761, 0.0, 0.239)
    """
    if not values:
        return _ZEROS
    sum_s = float(sum(values))
    ep = text.count("!")
    ep = min(ep, 4)
    qm = text.count("?")
    qm_amp = 0.0
    if qm > 1:
        qm_amp = qm * 0.18 if qm <= 3 else 0.96
    amp = ep * 0.292 + qm_amp
    if sum_s > 0:
        sum_s += amp
    elif sum_s < 0:
        sum_s -= amp
    compound = normalize(sum_s)
    pos_sum = 0.0
    neg_sum = 0.0
    # zeros (0, 0.0, -0.0) add to neither sum; NaN never occurs (finite lexicon, constants)
    neu_count = values.count(0)
    for x in filter(None, values):
        if x > 0:
            pos_sum += float(x) + 1
        else:
            neg_sum += float(x) - 1
    if pos_sum > abs(neg_sum):
        pos_sum += amp
    elif pos_sum < abs(neg_sum):
        neg_sum -= amp
    total = pos_sum + abs(neg_sum) + neu_count
    return (round(compound, 4), round(abs(pos_sum / total), 3), round(abs(neg_sum / total), 3),
            round(abs(neu_count / total), 3))


def valences(text: str | Iterable[str]) -> tuple[list, list[str], str]:
    """VADER's per-word valences of ``text`` (after the "but" rule), its words and the text.

    The words are VADER's (whitespace split, punctuation stripped, lower case) and the text
    is ``text`` with emoji described: what :func:`score_sentiments` takes.

    Example:
        >>> valences("Good, but not great!")
        ([0.95, 0, 0, -3.441], ['good', 'but', 'not', 'great'], 'Good, but not great!')
    """
    if type(text) is not str or _ASCII_EMOJI or not text.isascii():
        text = replace_emoji(text)
    toks, lw = lower_words(text)
    values = sentiments(lw, toks)
    if "but" in lw:
        but_check(lw, values)
    return values, lw, text


def vader_score_split(text: str) -> tuple[tuple[float, float, float, float],
                                          tuple[list[str], list[str]] | None]:
    """:func:`vader_score` of ``text`` and the words it scored, :func:`lower_words` of ``text``
    (``None`` when emoji were described, so that VADER scored other words).

    The caller can hand the words to other scorers (:func:`toolkit._pattern.pattern_scores`,
    the tone measure): one split instead of several, and the strings' hashes, computed by
    VADER's memo, are reused.

    Example:
        >>> vader_score_split("Good NEWS!")
        ((0.4926, 0.761, 0.0, 0.239), (['Good', 'NEWS!'], ['good', 'news']))
    """
    scored = text if (not _ASCII_EMOJI and text.isascii()) else replace_emoji(text)
    toks, lw = lower_words(scored)
    values = sentiments(lw, toks)
    if "but" in lw:
        but_check(lw, values)
    return score_sentiments(values, scored), ((toks, lw) if scored is text else None)


def vader_score(text: str | Iterable[str]) -> tuple[float, float, float, float]:
    """VADER ``(compound, pos, neg, neu)`` of one text, equal to the reference's scores.

    Example:
        >>> vader_score("The talks were a great success.")
        (0.8316, 0.661, 0.0, 0.339)
    """
    values, _, text = valences(text)
    return score_sentiments(values, text)


def vader_scores(texts: Iterable[str | Iterable[str]]) -> list[tuple[float, float, float, float]]:
    """:func:`vader_score` of each text: a list of ``(compound, pos, neg, neu)`` tuples.

    Example:
        >>> vader_scores(["We welcome the ceasefire.", "", "A grave threat!"])
        [(0.4588, 0.5, 0.0, 0.5), (0.0, 0.0, 0.0, 0.0), (-0.7424, 0.0, 0.863, 0.137)]
    """
    return list(map(vader_score, texts))


def polarity_scores(text: str | Iterable[str]) -> dict[str, float]:
    """Drop-in ``SentimentIntensityAnalyzer().polarity_scores(text)``: the same dict.

    Example:
        >>> polarity_scores("VADER is VERY SMART, handsome, and FUNNY!!!")
        {'neg': 0.0, 'neu': 0.233, 'pos': 0.767, 'compound': 0.9342}
    """
    c, p, n, u = vader_score(text)
    return {"neg": n, "neu": u, "pos": p, "compound": c}
