"""TextBlob's PatternAnalyzer polarity and subjectivity, identical, with less work per sentence.

TextBlob's default sentiment (De Smedt & Daelemans 2012, the ``pattern.en`` lexicon of
adjectives) is scored on every sentence of every analysis. Most of its time goes to its
tokenizer, which splits leading and trailing punctuation off every word in a Python loop, and
to a per-word state machine that looks every word up several times. :func:`pattern_scores`
computes the same two numbers with less work:

* the text goes through TextBlob's own string replacements (contractions, quotes, paragraph
  breaks, white space) in the same order;
* the punctuation split of each white-space token depends on nothing but the token, so it is
  memoised (token strings are Zipfian: most are seen before);
* each lower-cased word is classified once (lexicon word, negation, modifier, or inert) from
  the analyzer's own lexicon, and the class is memoised under the token as written too, so the
  inert words (most of a text) are never lower-cased;
* TextBlob's sentence grouping only drops its paragraph markers and joins emoticons and the
  sarcasm mark "(!)" written with spaces; those two patterns are searched for once, and texts
  where they occur (rare in speeches and news) are handed to TextBlob itself.

Everything it reads (the lexicon with its part-of-speech entries, negations, modifiers, labels,
punctuation, abbreviations, emoticons, replacement table) is TextBlob's own object, imported
at run time, not copied. ``tests/test_pattern.py`` checks that polarity and subjectivity equal
TextBlob's (``==``) on UN speeches, the seed article, hand-written cases and generated text.

De Smedt, T. & Daelemans, W. (2012). Pattern for Python. JMLR 13, 2063-2067.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from itertools import chain


@functools.lru_cache(maxsize=1)
def _engine() -> _Pattern:
    return _Pattern()


class _Pattern:
    def __init__(self) -> None:
        from textblob import _text as T
        from textblob.en import sentiment

        sentiment("good")  # loads the lexicon (a lazy dict)
        self.sentiment = sentiment
        self.T = T
        punct = T.PUNCTUATION
        self.lead = tuple(punct.replace(".", ""))
        self.trail = self.lead + (".",)
        self.abbreviations = T.ABBREVIATIONS
        self.replace = dict(T.replacements)
        self.replace_res = [(re.compile(a), b) for a, b in self.replace.items()]
        self.abbr_res = (T.RE_ABBR1, T.RE_ABBR2, T.RE_ABBR3)
        self.emoticons: dict[str, float] = {}
        for (_kind, p), faces in T.EMOTICONS.items():
            for face in faces:
                self.emoticons.setdefault(face.lower(), p)
        self.split_memo: dict[str, tuple[str, ...]] = {}
        self.emoticon_re = _emoticon_search(T)
        self.token_is_runs = T.TOKEN.pattern == r"(\S+)\s"
        self.word_memo: dict[str, tuple | bool] = {}
        self.size = dict.__len__(sentiment)

    # ---------------------------------------------------------------- tokenizer
    def tokens(self, text: str, split: list[str] | None = None) -> list[str] | None:
        """TextBlob's flat token list for ``text``, or None when only TextBlob itself is exact.

        ``split``, when given, must be ``text.split()``: it stands for TextBlob's white-space
        tokens when the text has no quote, apostrophe or line break (which its rules space
        out or turn into sentence ends)."""
        T = self.T
        if split is not None and self.token_is_runs and not _spaced(text):
            return self._flat(split)
        s = text
        if "'" in s:  # every contraction pattern starts with or holds an apostrophe
            for rx, b in self.replace_res:
                s = rx.sub(b, s)
        s = (s.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
             .replace("'", " ' ").replace('"', ' " '))
        s = s.replace("\r\n", "\n")
        if "\n\n" in s:
            s = _LINEBREAK.sub(f" {T.EOS} ", s)
        # TextBlob then collapses white space to single spaces; its token pattern, (\S+)\s,
        # finds the same tokens either way, so that pass is skipped. On text ending in a space
        # that pattern finds exactly the runs of non-space characters, which str.split() gives
        # (both use Python's own white space test) in half the time.
        return self._flat(s.split() if self.token_is_runs else T.TOKEN.findall(s + " "))

    def _flat(self, words: list[str]) -> list[str] | None:
        """The white-space tokens' punctuation split off, sentence ends dropped, and None
        where TextBlob sees sarcasm or an emoticon."""
        T = self.T
        memo = self.split_memo
        if len(memo) > 200_000:
            memo.clear()
        parts_of: list = list(map(memo.get, words))
        if None in parts_of:
            split = self._split
            for k, parts in enumerate(parts_of):
                if parts is None:
                    parts_of[k] = memo[words[k]] = split(words[k])
        out = list(chain.from_iterable(parts_of))
        eos = T.EOS
        if eos in out:
            out = [t for t in out if t != eos]
        joined = " ".join(out)
        if T.RE_SARCASM.search(joined) or self.emoticon_re.search(joined):
            return None
        return out

    def _split(self, t: str) -> tuple[str, ...]:
        """Leading and trailing punctuation of one token split off, as TextBlob's tokenizer does."""
        if not t:
            return ()
        head: list[str] = []
        tail: list[str] = []
        lead, trail, replace = self.lead, self.trail, self.replace
        while t.startswith(lead) and t not in replace:
            head.append(t[0])
            t = t[1:]
        while t.endswith(trail) and t not in replace:
            if t.endswith(lead):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in self.abbreviations or any(rx.match(t) is not None for rx in self.abbr_res):
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            head.append(t)
        head.extend(reversed(tail))
        return tuple(head)

    # ---------------------------------------------------------------- scoring
    def _word(self, w: str) -> tuple | bool:
        """``(known, p, s, i, modifier, negation, label)`` of a lower-cased word, or ``False``
        for an inert word: unknown, not a negation, alphabetic and longer than two letters
        (its only effect is to end a pending negation and modifier)."""
        sent = self.sentiment
        info: tuple | bool
        entry = dict.get(sent, w)
        neg = w in sent.negations
        if entry is not None and None in entry:
            p, s, i = entry[None]
            mod = any(m in entry for m in sent.modifiers)
            info = (True, p, s, i, mod, neg, sent.labeler.get(w))
        elif not neg and w.isalpha() and len(w) > 2:
            info = False
        else:
            info = (False, 0.0, 0.0, 1.0, False, neg, None)
        if len(self.word_memo) > 200_000:
            self.word_memo.clear()
        self.word_memo[w] = info
        return info

    def scores(self, text: str, split: list[str] | None = None) -> tuple[float, float]:
        sent = self.sentiment
        if dict.__len__(sent) != self.size:  # the lexicon was edited (annotate): start afresh
            self.word_memo.clear()
            self.size = dict.__len__(sent)
        toks = self.tokens(text, split)
        if toks is None:
            return tuple(sent(text))
        T = self.T
        ly = sent.modifier
        # Entries: [words, polarity, subjectivity, intensity, negated(-1)/1, label]
        a: list[list] = []
        m = None  # preceding modifier word
        n = None  # preceding negation word
        memo = self.word_memo
        for tok in toks:
            # memoised by the token as written too: most words are inert, and those need no
            # lower-casing at all (a word's class depends only on its lower-case form)
            info = memo.get(tok)
            if info is None:
                w = tok.lower()
                info = memo.get(w)
                if info is None:
                    info = self._word(w)
                memo[tok] = info
            if info is False:
                m = n = None
                continue
            w = tok.lower()
            known, p, s, i, is_mod, is_neg, label = info  # type: ignore[misc]  # (False is skipped)
            if known:
                if m is None:
                    a.append([[w], p, s, i, 1, label])
                else:
                    e = a[-1]
                    e[0].append(w)
                    e[1] = max(-1.0, min(p * e[3], +1.0))
                    e[2] = max(-1.0, min(s * e[3], +1.0))
                    e[3] = i
                    e[5] = label
                if n is not None:
                    e = a[-1]
                    e[0].insert(0, n)
                    e[3] = 1.0 / e[3]
                    e[4] = -1
                m = w if is_mod else None
                n = w if is_neg else None
                continue
            if is_neg:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and ly(m):
                a[-1][0].append(n)
                a[-1][4] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and a:
                a[-1][0].append("!")
                a[-1][1] = max(-1.0, min(a[-1][1] * 1.25, +1.0))
            if w == "(!)":
                a.append([[w], 0.0, 1.0, 1.0, 1, T.IRONY])
            if not w.isalpha() and len(w) <= 5 and w not in T.PUNCTUATION:
                face = self.emoticons.get(w)
                if face is not None:
                    a.append([[w], face, 1.0, 1.0, 1, T.MOOD])
        pol = subj = 0.0
        for e in a:
            pol += e[1] * -0.5 if e[4] < 0 else e[1]
            subj += e[2]
        k = float(len(a) or 1)
        return pol / k, subj / k


_LINEBREAK = re.compile(r"\n{2,}")
# Characters TextBlob's tokenizer spaces out ("'" also starts its contractions) and the line
# breaks of its sentence ends: a text without any has TextBlob's white-space tokens as words.
_SPACED = frozenset("'\"\u201c\u201d\u2018\u2019\n")


def _spaced(text: str) -> bool:
    """Whether ``text`` has a character of :data:`_SPACED`: seven substring tests, each a
    C scan of the text, instead of a set look-up per character (``isdisjoint``).

    Example:
        >>> _spaced("We said \u201cno\u201d."), _spaced("We said no.")
        (True, False)
    """
    return ("'" in text or '"' in text or "\n" in text or "\u201c" in text or "\u201d" in text
            or "\u2018" in text or "\u2019" in text)


def _emoticon_search(T) -> re.Pattern:
    """TextBlob's emoticon pattern with its alternatives grouped by their first character.

    ``RE_EMOTICONS`` tries its 76 alternatives one after another wherever a sentence has one of
    their first characters (every "o" and "x" among them); grouped, one test picks the few that
    can match, and the pattern finds a match exactly where the original does (the tests compare
    them). If TextBlob builds the pattern differently, its own is used.
    """
    alts = getattr(T, "TEMP_RE_EMOTICONS", None)
    if not alts or T.RE_EMOTICONS.pattern != r"(%s)($|\s)" % "|".join(alts):
        return T.RE_EMOTICONS
    groups: dict[str, list[str]] = {}
    for alt in alts:
        first = alt[:2] if alt.startswith("\\") else alt[:1]
        groups.setdefault(first, []).append(alt[len(first):])
    parts = []
    for first, rests in groups.items():
        inner = "|".join(r for r in rests if r)
        if not inner:
            parts.append(first)
        else:
            parts.append(first + f"(?:{inner})" + ("?" if "" in rests else ""))
    return re.compile("(?:" + "|".join(parts) + r")(?:$|\s)")


def pattern_scores(text: str, split: list[str] | None = None) -> tuple[float, float]:
    """TextBlob's ``PatternAnalyzer`` ``(polarity, subjectivity)`` of ``text``, exactly.

    ``split``, if given, must equal ``text.split()`` (for example the tokens
    :func:`toolkit._vader.vader_score_split` returns): it saves splitting the text again.

    Example:
        >>> pattern_scores("The talks were a great success.")
        (0.55, 0.375)
    """
    return _engine().scores(text, split)


def pattern_scores_many(texts: Sequence[str]) -> list[tuple[float, float]]:
    """:func:`pattern_scores` of each text.

    Example:
        >>> pattern_scores_many(["A good deal.", "Not a good deal."])
        [(0.7, 0.6000000000000001), (-0.35, 0.6000000000000001)]
    """
    engine = _engine()
    return [engine.scores(t) for t in texts]
