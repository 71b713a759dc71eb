"""VADER sentence scores, identical to the reference ``vaderSentiment`` package, with less work.

VADER (Hutto & Gilbert 2014) is scored on every sentence of every analysis, and the reference
implementation spends most of its time on avoidable work: its negation, idiom and "but" checks
lower-case the whole sentence again for every sentiment word (quadratic in sentence length),
``polarity_scores`` walks the text character by character looking for emoji, and every word
goes through several method calls even when it is not in the lexicon.

:class:`FastVader` keeps the reference's data and rules and changes only how much is done:

* each word is lower-cased once per sentence;
* words that are not in the lexicon (most of them) cost two dictionary look-ups;
* the idiom check builds its n-grams only when one of the words can start an idiom;
* the emoji pass runs only when the text holds an emoji character.

Its lexicon, emoji descriptions, boosters, negations, idioms and constants are the package's
own objects (imported, not copied), as are its punctuation emphasis, "but" rule and
normalisation, so a new vaderSentiment release changes both alike; the summary skips the zero
valences (they add nothing to the sums and count as neutral). ``tests/test_vader.py``
checks that every score equals the reference's (``==``) on UN speeches, the seed article,
hand-written edge cases and generated text.

Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text. ICWSM-14.
"""
from __future__ import annotations

import functools
import math
import string
from collections.abc import Sequence
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

_PUNCT = string.punctuation
_NEGATE = frozenset(NEGATE)
_SO_THIS = ("so", "this")
# Words that can be part of a multi-word idiom or booster (the n-grams the idiom check builds
# always contain a space, so single-word keys such as "badass" can never match there).
_IDIOM_WORDS = frozenset(w for key in (*SPECIAL_CASES, *BOOSTER_DICT) if " " in key
                         for w in key.split())


def _negated(word: str) -> bool:
    """The reference's ``negated([word])`` for one lower-cased word."""
    return word in _NEGATE or "n't" in word


class FastVader(SentimentIntensityAnalyzer):
    """``vaderSentiment``'s analyzer with the same scores from less work (see the module notes).

    Example:
        >>> FastVader().polarity_scores("The talks were a great success.")
        {'neg': 0.0, 'neu': 0.339, 'pos': 0.661, 'compound': 0.8316}
    """

    def __init__(self):
        super().__init__()
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        self._word_memo: dict[str, str] = {}   # white-space token -> VADER word

    # ------------------------------------------------------------------ public
    def polarity_scores(self, text):
        """VADER's ``neg``, ``neu``, ``pos`` and ``compound`` for ``text`` (same as the reference)."""
        if not isinstance(text, str):
            return super().polarity_scores(text)
        if not self._emoji_chars.isdisjoint(text):
            text = self._describe_emoji(text)
        text = text.strip()
        words = self.split_words(text)
        low = list(map(str.lower, words))
        scored = self._scored(words, low, self.cap_differential(words))
        if "but" in low:
            full = [0] * len(words)
            for i, v in scored:
                full[i] = v
            nonzero = [v for v in self._but_check(words, full) if v != 0]
        else:
            nonzero = [v for _, v in scored if v != 0]
        return self._summarise(nonzero, len(words), text)

    def split_words(self, text: str) -> list[str]:
        """VADER's words: white-space split, surrounding punctuation stripped unless that
        leaves two characters or fewer (emoticons such as ":)" stay whole).

        Example:
            >>> FastVader().split_words('"Peace," he said: :) “No.”')
            ['Peace', 'he', 'said', ':)', '“No.”']
        """
        memo = self._word_memo
        if len(memo) > 200_000:
            memo.clear()
        out = []
        for token in text.split():
            word = memo.get(token)
            if word is None:
                stripped = token.strip(_PUNCT)
                word = memo[token] = stripped if len(stripped) > 2 else token
            out.append(word)
        return out

    @staticmethod
    def cap_differential(words: Sequence[str]) -> bool:
        """Whether some but not all words are in capitals (VADER's ``allcap_differential``)."""
        caps = sum(map(str.isupper, words))
        return 0 < len(words) - caps < len(words)

    def sentiments(self, words: Sequence[str], is_cap_diff: bool) -> list:
        """The valence of each word after VADER's word rules (boosters, capitals, negation,
        "least", idioms; not yet "but"), as the reference builds the list: ``0`` for words
        that carry none."""
        out: list = [0] * len(words)
        for i, v in self._scored(words, list(map(str.lower, words)), is_cap_diff):
            out[i] = v
        return out

    def _scored(self, words, low, is_cap_diff) -> list[tuple[int, float]]:
        """``(position, valence)`` of the words VADER scores: in the lexicon, not a booster,
        not "kind" of "kind of"."""
        lexicon = self.lexicon
        n = len(low)
        out = []
        for i in compress(range(n), map(lexicon.__contains__, low)):
            w = low[i]
            if w in BOOSTER_DICT or (w == "kind" and i < n - 1 and low[i + 1] == "of"):
                continue
            out.append((i, self._valence(words, low, i, is_cap_diff)))
        return out

    def _summarise(self, nonzero: list, n: int, text: str) -> dict:
        """The reference's ``score_valence`` given only the non-zero valences (in order) and the
        number of words: zeros add nothing to the sums and count as neutral."""
        if not n:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(nonzero))
        punct = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct
        elif sum_s < 0:
            sum_s -= punct
        compound = normalize(sum_s)
        pos_sum, neg_sum = 0.0, 0.0
        for s in nonzero:
            if s > 0:
                pos_sum += (float(s) + 1)
            elif s < 0:
                neg_sum += (float(s) - 1)
        neu_count = n - len(nonzero)
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {"neg": round(math.fabs(neg_sum / total), 3), "neu": round(math.fabs(neu_count / total), 3),
                "pos": round(math.fabs(pos_sum / total), 3), "compound": round(compound, 4)}

    # ------------------------------------------------------------------ rules
    def _valence(self, words, low, i, is_cap_diff) -> float:
        lexicon = self.lexicon
        w = low[i]
        n = len(low)
        valence = lexicon[w]
        if w == "no" and i != n - 1 and low[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and low[i - 1] == "no") or (i > 1 and low[i - 2] == "no") \
                or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor")):
            valence = lexicon[w] * N_SCALAR
        if is_cap_diff and words[i].isupper():
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for k in range(3):
            if i > k and low[i - k - 1] not in lexicon:
                s = self._scalar(words[i - k - 1], low[i - k - 1], valence, is_cap_diff)
                if k == 1 and s != 0:
                    s = s * 0.95
                if k == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation(valence, low, k, i)
                if k == 2:
                    valence = self._idioms(valence, low, i)
        # "least" (not "at least", "very least") negates the next word.
        if i > 1 and low[i - 1] not in lexicon and low[i - 1] == "least":
            if low[i - 2] != "at" and low[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > 0 and low[i - 1] not in lexicon and low[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _scalar(word: str, lower: str, valence: float, is_cap_diff: bool) -> float:
        scalar = 0.0
        if lower in BOOSTER_DICT:
            scalar = BOOSTER_DICT[lower]
            if valence < 0:
                scalar *= -1
            if word.isupper() and is_cap_diff:
                if valence > 0:
                    scalar += C_INCR
                else:
                    scalar -= C_INCR
        return scalar

    @staticmethod
    def _negation(valence: float, low: list[str], k: int, i: int) -> float:
        if k == 0:
            if _negated(low[i - 1]):
                valence = valence * N_SCALAR
        elif k == 1:
            if low[i - 2] == "never" and low[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif low[i - 2] == "without" and low[i - 1] == "doubt":
                pass
            elif _negated(low[i - 2]):
                valence = valence * N_SCALAR
        else:
            if (low[i - 3] == "never" and low[i - 2] in _SO_THIS) or low[i - 1] in _SO_THIS:
                valence = valence * 1.25
            elif low[i - 3] == "without" and (low[i - 2] == "doubt" or low[i - 1] == "doubt"):
                pass
            elif _negated(low[i - 3]):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _idioms(valence: float, low: list[str], i: int) -> float:
        """Idioms ("kiss of death") and multi-word boosters ("sort of") around word ``i`` (i > 2)."""
        n = len(low)
        window = low[i - 3:i + 3]
        if _IDIOM_WORDS.isdisjoint(window):
            return valence
        w3, w2, w1, w0 = low[i - 3], low[i - 2], low[i - 1], low[i]
        onezero, twoonezero, twoone = f"{w1} {w0}", f"{w2} {w1} {w0}", f"{w2} {w1}"
        threetwoone, threetwo = f"{w3} {w2} {w1}", f"{w3} {w2}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if n - 1 > i:
            zeroone = f"{w0} {low[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w0} {low[i + 1]} {low[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for gram in (threetwoone, threetwo, twoone):
            if gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[gram]
        return valence

    def _describe_emoji(self, text: str) -> str:
        """Emoji replaced by their descriptions, spaced as the reference does."""
        out = []
        prev_space = True
        for ch in text:
            if ch in self.emojis:
                if not prev_space:
                    out.append(" ")
                out.append(self.emojis[ch])
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out)


@functools.lru_cache(maxsize=1)
def analyzer() -> FastVader:
    """The shared :class:`FastVader` (its lexicon loads once per process).

    Example:
        >>> analyzer().polarity_scores("We condemn the attack.")["compound"]
        -0.6908
    """
    return FastVader()


def vader_scores(text: str) -> tuple[float, float, float, float]:
    """``(compound, pos, neg, neu)`` of one text, as ``vaderSentiment`` computes them.

    Example:
        >>> vader_scores("We welcome the ceasefire.")
        (0.4588, 0.5, 0.0, 0.5)
    """
    v = analyzer().polarity_scores(text)
    return v["compound"], v["pos"], v["neg"], v["neu"]
