"""Sentences and tokens with character offsets into the immutable document text.

Sentences: paragraphs first (blank lines, and single line breaks that end a line of text rather
than wrap it), then NLTK's Punkt model (``punkt_tab``) inside each paragraph, with extra
abbreviations common in news (Gen., Sen., Gov. ...). Tokens: one compiled regular expression
that follows Penn Treebank conventions (clitics ``'s``/``n't`` split off, punctuation and quote
marks separate) but keeps what news analysis needs whole: abbreviations with periods ("U.S.",
"Mr."), hyphenated compounds ("American-supplied", "long-range"), numbers with separators
("1,000", "2024-09-11", "3.5"), URLs and e-mail addresses.

Every row carries half-open ``[start, end)`` offsets; ``text[start:end] == row.text`` always.

What several annotators compute from the same tokens table (integer codes of a column, its
Python list, the lexicon matcher's key ids) is shared through a :class:`ChunkMemo` that the
engine opens around one chunk's steps (:func:`chunk_memo`) and that the chunk owns: it is
handed to the helpers for the duration of the chunk rather than kept in module-level memos,
so nothing outlives a chunk, no result depends on what else the process computed before, and
the helpers (:func:`vocabulary`, :func:`column_list`, :func:`word_mask`) work on any
DataFrame, computing afresh when no memo is open.

Notes:
    Punkt: Kiss & Strunk (2006), "Unsupervised Multilingual Sentence Boundary Detection".
    Treebank conventions: https://www.cis.upenn.edu/~treebank/tokenization.html
"""
from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa

from . import resources

SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text"]
TOKEN_COLUMNS = ["doc_id", "sent_id", "tok_id", "start", "end", "text", "lower", "lemma",
                 "is_punct", "is_stop"]

# Abbreviations that take a period and rarely end a sentence in news text.
# Titles and other capitalised abbreviations are matched with their capital ("Gen." but not
# "gen."), so that an ordinary word ending a sentence keeps its period apart.
TITLE_ABBREVIATIONS = frozenset("""
Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Sen Rep Del Gov Pres Amb Ambs
St Jr Sr Rev Hon Messrs Mme Mlle Vol Vols Fig Figs Art Arts Para Paras Sec Secs
Dept Univ Assn Bros Inc Corp Ltd Co Plc Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
""".split())
LOWER_ABBREVIATIONS = frozenset("vs etc al approx cf".split())
# Lower-cased, for the sentence splitter (Punkt stores abbreviations lower-cased).
ABBREVIATIONS = frozenset(a.lower() for a in TITLE_ABBREVIATIONS | LOWER_ABBREVIATIONS) | {"no", "nos"}

_ABBR_ALT = "|".join(sorted(TITLE_ABBREVIATIONS | LOWER_ABBREVIATIONS, key=len, reverse=True))

# Order matters: the first alternative that matches at a position wins.
TOKEN_PATTERN = re.compile(
    r"""
    [A-Za-z][a-z]*(?=[ \t\n,;)])     # fast path, same result: a plain word before a space or , ; )
  | (?:https?://|www\.)[^\s<>"“”‘’'()\[\]]*[^\s<>"“”‘’'()\[\].,;:!?]   # URL
  | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                # e-mail
  | (?:[^\W\d_]\.){2,}(?![^\W\d_])                              # U.S. U.N. e.g.
  | (?<![\w.])(?:""" + _ABBR_ALT + r""")\.(?!\w)                  # Mr. Gen. Sept. etc.
  | (?<![\w.])(?:No|no|Nos|nos)\.(?=\s?\d)                       # No. 5
  | (?<![\w.])[A-Z]\.(?=[ ]?[A-Z])                               # initials: J. R. Tolkien
  | [+-]?\d+(?:[.,:/-]\d+)*(?:[^\W\d_]+)?(?:[-‐]\w+)*           # 1,000 3.5 2024-09-11 1990s-era
  | \w+(?=n['’]t\b)                                             # do|n't
  | n['’]t\b                                                    # n't
  | ['’](?:s|re|ve|ll|d|m)(?!\w)                                # 's 're 've 'll 'd 'm
  | \w+(?:['’](?!(?:s|re|ve|ll|d|m|t)(?!\w))\w+)*(?:[-‐]\w+(?:['’](?!(?:s|re|ve|ll|d|m|t)(?!\w))\w+)*)*  # words, O'Brien, long-range
  | \.\.\.+|…                                                   # ellipsis
  | --+                                                         # dash made of hyphens
  | \S                                                          # any other single symbol
    """,
    re.VERBOSE,
)

# TOKEN_PATTERN with the white space before a token taken into the match (the token is the
# group). At a white-space character every alternative fails (each starts with, or looks for,
# a non-space character), and the regular expression engine found that out alternative by
# alternative at every space; skipped in one step, the tokens are the same (look-behinds still
# see the characters before the token) and findall about 1.6x as fast.
_TOKENS_AFTER_SPACE = re.compile(r"\s*(" + TOKEN_PATTERN.pattern + "\n)", re.VERBOSE)

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_NEWLINE = re.compile(r"\n")
_FALLBACK_SENT_END = re.compile(r"""[.!?]+['"’”)\]]*(?=\s+['"‘“(\[]?[^\s])""")


@functools.lru_cache(maxsize=1)
def _punkt():
    from nltk.tokenize.punkt import PunktTokenizer

    tok = PunktTokenizer("english")
    tok._params.abbrev_types.update(ABBREVIATIONS)
    return _with_memoised_decisions(_with_plain_regexes(tok))


def _with_memoised_decisions(tok, size: int = 100_000):
    """Punkt with its break decision remembered per candidate context ("Nations. The").

    ``text_contains_sentbreak(context)`` annotates the two or three tokens around a candidate
    period from scratch every time; its answer depends on nothing but that string and the
    fixed model parameters, and the same contexts recur all through a corpus.
    """
    decide = getattr(tok, "text_contains_sentbreak", None)
    if decide is None:
        return tok
    if _nltk_sentbreak_known():
        decide = _restated_sentbreak(tok)
    memo: dict[str, bool] = {}

    def text_contains_sentbreak(text: str) -> bool:
        hit = memo.get(text)
        if hit is None:
            if len(memo) >= size:
                memo.clear()
            hit = memo[text] = decide(text)
        return hit

    tok.text_contains_sentbreak = text_contains_sentbreak
    return tok


def _restated_sentbreak(tok):
    """``tok.text_contains_sentbreak`` restated on plain strings (NLTK 3.10's Punkt decision).

    Punkt builds a token object per word of the context and runs its annotation passes through
    generators; the same rules on strings and tuples decide the same, about four times as fast.
    Used only while :func:`_nltk_sentbreak_known` sees the code it restates;
    ``tests/test_tokenize_matches_reference.py`` compares the two on real and generated contexts.
    """
    params, lang, token_cls = tok._params, tok._lang_vars, tok._Token
    # ``lang.word_tokenize(s)`` is ``lang._word_tokenizer_re().findall(s)`` (compiled once)
    word_tokenize, numeric = lang._word_tokenizer_re().findall, token_cls._RE_NUMERIC
    ellipsis, initial = token_cls._RE_ELLIPSIS, token_cls._RE_INITIAL
    abbrev, colloc, starters = params.abbrev_types, params.collocations, params.sent_starters
    ortho, end_chars, punctuation = params.ortho_context, lang.sent_end_chars, tok.PUNCTUATION
    from nltk.tokenize.punkt import _ORTHO_BEG_LC, _ORTHO_LC, _ORTHO_MID_UC, _ORTHO_UC

    def first_pass(w: str) -> tuple:
        """(word, type, sentbreak, abbr, ellipsis) after Punkt's type-based first pass."""
        low = w.lower()
        # NLTK's ``numeric.sub``: the pattern is anchored at both ends and a word holds no
        # newline, so it replaces the whole word or nothing
        typ = "##number##" if numeric.match(low) else low
        if w in end_chars:
            return w, typ, True, None, None
        if ellipsis.match(w):
            return w, typ, None, None, True
        if w.endswith(".") and not w.endswith(".."):
            low = low[:-1]
            if low in abbrev or low.split("-")[-1] in abbrev:
                return w, typ, None, True, None
            return w, typ, True, None, None
        return w, typ, None, None, None

    def no_period(typ: str) -> str:
        return typ[:-1] if len(typ) > 1 and typ[-1] == "." else typ

    def starts_sentence(w: str, typ_ns: str):
        """Punkt's orthographic heuristic: True, False or "unknown"."""
        if w in punctuation:
            return False
        oc = ortho.get(typ_ns, 0)
        if w[0].isupper() and (oc & _ORTHO_LC) and not (oc & _ORTHO_MID_UC):
            return True
        if w[0].islower() and ((oc & _ORTHO_UC) or not (oc & _ORTHO_BEG_LC)):
            return False
        return "unknown"

    def breaks_before(t1: tuple, t2: tuple) -> bool:
        """Whether ``t1`` (followed by ``t2``) is a sentence break after the second pass."""
        w1, typ1, brk, abbr, ell = t1
        if not w1.endswith("."):
            return bool(brk)
        w2, typ2, brk2 = t2[0], t2[1], t2[2]
        typ, next_typ = no_period(typ1), (no_period(typ2) if brk2 else typ2)
        is_initial = initial.match(w1)
        if (typ, next_typ) in colloc:
            return False
        if (abbr or ell) and not is_initial:
            if starts_sentence(w2, next_typ) is True:
                return True
            if w2[0].isupper() and next_typ in starters:
                return True
        if is_initial or typ == "##number##":
            starter = starts_sentence(w2, next_typ)
            if starter is False:
                return False
            if (starter == "unknown" and is_initial and w2[0].isupper()
                    and not (ortho.get(next_typ, 0) & _ORTHO_LC)):
                return False
        return bool(brk)

    def text_contains_sentbreak(text: str) -> bool:
        toks = [first_pass(w) for line in text.split("\n") if line.strip()
                for w in word_tokenize(line)]
        return any(breaks_before(toks[i], toks[i + 1]) for i in range(len(toks) - 1))

    return text_contains_sentbreak


def _nltk_sentbreak_known() -> bool:
    """Whether NLTK's Punkt decision code is the code :func:`_restated_sentbreak` restates
    (NLTK 3.10's); any other NLTK decides with its own code (the same breaks, slower)."""
    import hashlib
    import inspect

    try:
        from nltk.tokenize import punkt

        base, sent = punkt.PunktBaseClass, punkt.PunktSentenceTokenizer
        parts = (sent.text_contains_sentbreak, sent._annotate_tokens, sent._annotate_second_pass,
                 sent._second_pass_annotation, sent._ortho_heuristic, base._tokenize_words,
                 base._annotate_first_pass, base._first_pass_annotation, punkt._pair_iter,
                 punkt.PunktToken, punkt.PunktLanguageVars.word_tokenize)
        src = "".join(inspect.getsource(x) for x in parts)
    except (ImportError, AttributeError, OSError, TypeError):
        return False
    return hashlib.sha256(src.encode()).hexdigest() == _NLTK_SENTBREAK_SHA256


_NLTK_SENTBREAK_SHA256 = "328e891e27cca3441ee343589e36a31966d219b0292b679da9b190f1381995b7"


_RE_FLAGS = re.I | re.M | re.S | re.U | re.X | re.A


def _regex_spaces(pattern: str) -> str:
    """``pattern`` for ``re`` with the ``regex`` module's white space (``\\s`` without U+001C-1F).

    Python's ``re`` counts the information separators U+001C-U+001F as white space (as
    ``str.isspace`` does); the ``regex`` engine that NLTK compiles with does not.
    """
    swap = {r"\s": r"[^\S\x1c-\x1f]", r"\S": r"[\S\x1c-\x1f]"}
    return re.sub(r"(?<!\\)\\[sS]", lambda m: swap[m.group()], pattern)


def _with_plain_regexes(tok):
    """Punkt with its hot regexes compiled by Python's ``re``: same splits, ~1.7x faster.

    NLTK 3.10 runs every pattern through the ``regex`` engine under a timeout (a guard against
    catastrophic backtracking in caller-supplied patterns). These (the language variables'
    three and the token class's five) are NLTK's own fixed patterns, which run in linear time,
    so ``re`` gives the same matches without the wrapper's per-call cost.
    ``tests/test_tokenize_matches_reference.py`` checks the sentences against stock Punkt. Any NLTK whose
    Punkt lacks these attributes gets its stock tokenizer back.
    """
    from nltk.tokenize import punkt
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken

    def plain(pat):
        return re.compile(_regex_spaces(pat.pattern), pat.flags & _RE_FLAGS)

    try:
        old = tok._lang_vars
        # made by type(), not a class statement: the compiled copy of this module (mypyc)
        # cannot hold a class defined inside a function
        plain_cls = type("_PlainVars", (PunktLanguageVars,),
                         {"__slots__": ("re_boundary_realignment",), "__module__": __name__})
        plain_vars = plain_cls()
        for attr, pat in (("_re_word_tokenizer", old._word_tokenizer_re()),
                          ("_re_period_context", old.period_context_re()),
                          ("re_boundary_realignment", PunktLanguageVars.re_boundary_realignment)):
            setattr(plain_vars, attr, plain(pat))
        # The token class's own patterns (type, ellipsis, initial, alpha, non-punctuation),
        # run for every token of every candidate context.
        attrs = {"__slots__": ()}
        for name in ("_RE_ELLIPSIS", "_RE_NUMERIC", "_RE_INITIAL", "_RE_ALPHA"):
            attrs[name] = plain(getattr(PunktToken, name))
        non_punct = plain(punkt._re_non_punct)
        attrs["is_non_punct"] = property(lambda self: non_punct.search(self.type))
        token_cls = type("_PlainPunktToken", (PunktToken,), attrs)
        tok._lang_vars = plain_vars
        tok._Token = token_cls
    except (AttributeError, TypeError, re.error):
        pass
    return tok


@functools.lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    if resources.require("stopwords"):
        from nltk.corpus import stopwords

        return frozenset(stopwords.words("english"))
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


# Common irregular forms: exact, fast, and the same with or without WordNet.
_IRREGULAR = {
    "is": "be", "are": "be", "was": "be", "were": "be", "am": "be", "been": "be", "being": "be",
    "'s": "'s", "has": "have", "had": "have", "did": "do", "does": "do", "done": "do",
    "said": "say", "says": "say", "told": "tell", "made": "make", "went": "go", "gone": "go",
    "met": "meet",
}


class _LemmaPOS:
    """The part of ``WordNetCorpusReader._lemma_pos_offset_map`` that ``morphy`` reads.

    ``form in m`` and ``pos in m[form]``, answered from one set of lemmas per part of speech
    (built in C from the index files) instead of a dict of dicts of 147k lemmas.
    """

    def __init__(self, by_pos: dict[str, set[str]]) -> None:
        self._by_pos = {p: frozenset(s) for p, s in by_pos.items()}
        self._any = frozenset().union(*self._by_pos.values())   # one look-up, not one per POS

    def __contains__(self, form) -> bool:
        return form in self._any

    def __getitem__(self, form) -> dict[str, list]:
        found: dict[str, list] = {p: [] for p, s in self._by_pos.items() if form in s}
        if not found:
            raise KeyError(form)
        return found

    def of_pos(self, pos: str) -> frozenset[str]:
        """The lemmas of one part of speech (``form in m and pos in m[form]`` for each)."""
        return self._by_pos.get(pos, frozenset())


class _Morphy:
    """NLTK's own ``morphy`` code on just the data it reads, loaded in a fraction of the time.

    ``WordNetCorpusReader.morphy`` consults only ``_exception_map`` (the ``*.exc`` files) and
    which parts of speech each lemma has in ``_lemma_pos_offset_map`` (the ``index.*`` files).
    Loading the whole reader parses every synset offset and sense mapping (about 3 s, paid again
    in every worker process); reading those two things as sets takes a tenth of that. The lemmatizing code
    is NLTK's: ``morphy`` for one part of speech restates NLTK 3.10's few lines on these sets
    (with any other NLTK, whose code may differ, NLTK's own runs), so lemmas are identical
    (``tests/test_tokenize_matches_reference.py`` checks them against NLTK's code and the full
    reader).
    """

    def __init__(self) -> None:
        import nltk
        from nltk.corpus.reader.wordnet import ADJ, ADJ_SAT, WordNetCorpusReader

        cls = WordNetCorpusReader
        self.MORPHOLOGICAL_SUBSTITUTIONS = cls.MORPHOLOGICAL_SUBSTITUTIONS
        self._morphy_impl = cls._morphy
        self._morphy_public = cls.morphy
        try:  # where NLTK's LazyCorpusLoader looks: the folder, else inside the zip
            root = nltk.data.find("corpora/wordnet")
        except LookupError:
            root = nltk.data.find("corpora/wordnet.zip/wordnet/")
        # the parsing (and its derived cache) is resources.wordnet_tables'
        tables = resources.wordnet_tables(root, cls._FILEMAP)
        by_pos: dict[str, set[str]] = tables[0]
        self._exception_map: dict[str, dict[str, list[str]]] = tables[1]
        self._restated = _nltk_morphy_known()
        if ADJ in by_pos:  # NLTK lists adjective lemmas under the satellite tag too
            by_pos[ADJ_SAT] = by_pos.get(ADJ_SAT, set()) | by_pos[ADJ]
        self._lemma_pos_offset_map = _LemmaPOS(by_pos)
        self._exception_map[ADJ_SAT] = self._exception_map[ADJ]

    def _morphy(self, form, pos, check_exceptions=True):
        return self._morphy_impl(self, form, pos, check_exceptions)

    def morphy(self, form, pos=None, check_exceptions=True):
        if pos is None or not check_exceptions or not self._restated:
            return self._morphy_public(self, form, pos, check_exceptions)
        # NLTK's morphy for one part of speech (3.10's code, see _nltk_morphy_known): the
        # first of the form itself, then its exception forms or else its forms by each suffix
        # rule, that WordNet lists as a lemma of that part of speech; without building the
        # candidate lists, closures and de-duplicating sets per call.
        lemmas = self._lemma_pos_offset_map.of_pos(pos)
        if form in lemmas:
            return form
        exceptions = self._exception_map[pos]
        if form in exceptions:
            for f in exceptions[form]:
                if f in lemmas:
                    return f
            return None
        for old, new in self.MORPHOLOGICAL_SUBSTITUTIONS[pos]:
            if form.endswith(old) and form[: -len(old)] + new in lemmas:
                return form[: -len(old)] + new
        return None


def _nltk_morphy_known() -> bool:
    """Whether NLTK's ``morphy`` is the code :meth:`_Morphy.morphy` restates (NLTK 3.10's).

    Any other NLTK version runs its own code (the same lemmas, slower).
    """
    import hashlib
    import inspect

    from nltk.corpus.reader.wordnet import WordNetCorpusReader as reader

    try:
        src = inspect.getsource(reader._morphy) + inspect.getsource(reader.morphy)
    except (OSError, TypeError):
        return False
    return hashlib.sha256(src.encode()).hexdigest() == _NLTK_MORPHY_SHA256


_NLTK_MORPHY_SHA256 = "04af7b4405118df3bcdedf0e7994c16f27d192428d09935fd3a60a7abef7ba8f"


# WordNet's parts of speech, in the order ``lemmatize`` tries them, as LemmInflect names them.
_UPOS = {"v": "VERB", "n": "NOUN", "a": "ADJ", "r": "ADV"}
# LemmInflect takes modals as forms of a verb ("would" -> "will"); WordNet has no such
# reading, so they keep their form, as with WordNet.
_MODALS = frozenset("would should could might must shall will".split())


@functools.lru_cache(maxsize=1)
def _lemminflect_morphy():
    """``morphy(form, pos)`` answered from LemmInflect's dictionary, which ships in its wheel.

    WordNet's contract, kept so :func:`lemmatize` runs the same algorithm on either dictionary:
    a lemma of ``form`` for that part of speech, ``form`` itself first when it is one
    ("found" stays "found" as a verb, as in WordNet), ``None`` when the dictionary has no
    such reading. LemmInflect's rules for unknown words are not used: like WordNet, an
    unknown word stays as it is.
    """
    from lemminflect import getAllLemmas

    analyses = functools.lru_cache(maxsize=200_000)(getAllLemmas)

    def morphy(form: str, pos: str) -> str | None:
        if form in _MODALS:
            return None
        lemmas = analyses(form).get(_UPOS[pos])
        if not lemmas:
            return None
        return form if form in lemmas else lemmas[0]

    return morphy


@functools.lru_cache(maxsize=1)
def _lemma_backend():
    if resources.require("wordnet"):
        try:
            return ("wordnet", _Morphy().morphy)
        except Exception:  # noqa: BLE001 - a WordNet layout this loader does not know: NLTK's reader
            from nltk.corpus import wordnet

            wordnet.ensure_loaded()
            return ("wordnet", wordnet.morphy)
    return ("lemminflect", _lemminflect_morphy())


def lemma_backend() -> str:
    """Return ``"wordnet"`` or, without WordNet data, ``"lemminflect"`` (degraded lemmas).

    Example:
        >>> lemma_backend() in ("wordnet", "lemminflect")
        True
    """
    return _lemma_backend()[0]


def lemma_source() -> str:
    """The dictionary lemmas come from, with its version where it is a package (for cache keys).

    Without WordNet data the lemmas depend on the installed LemmInflect, which no file digest
    of the toolkit covers.

    Example:
        >>> lemma_source() == "wordnet" or lemma_source().startswith("lemminflect ")
        True
    """
    if resources.available("wordnet"):
        return "wordnet"
    from importlib.metadata import version

    return f"lemminflect {version('lemminflect')}"


@functools.lru_cache(maxsize=500_000)
def lemmatize(lower: str) -> str:
    """Return the context-free lemma of a lower-cased token.

    Verbs first, then nouns, adjectives and adverbs (WordNet's morphy), because the lexicons are
    mostly verbs of speech and action ("warned" -> "warn", "sanctions" -> "sanction"), applied
    until it stops changing so that inflected nominalisations meet their verb ("warnings" ->
    "warning" -> "warn"). This is a matching key more than a dictionary lemma. Results shorter
    than three letters are rejected ("us" stays "us", not "u"). Without WordNet data the same
    steps run on LemmInflect's dictionary (:func:`lemma_backend` says which); lexicon entries
    go through this same function, so they match either way.

    Example:
        >>> lemmatize("warned"), lemmatize("warnings"), lemmatize("us")
        ('warn', 'warn', 'us')
    """
    return lemma_key(lower, _lemma_backend()[1])


def lemma_key(lower: str, morphy) -> str:
    """The steps of :func:`lemmatize` on a given ``morphy(form, pos)`` (a lemma or ``None``).

    Example:
        >>> lemma_key("warnings", _lemminflect_morphy())
        'warn'
    """
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if not lower[:1].isalpha() or len(lower) <= 3:
        return lower
    word = lower
    for _ in range(2):
        for pos in ("v", "n", "a", "r"):
            lem = morphy(word, pos)
            if lem is not None:
                break
        if lem is None or lem == word or len(lem) < 3:
            return word
        word = lem
    return word


_CONTINUATION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but nor that which who whose as than "
    "into onto upon about against between among through during our their its his her my your "
    "this these those is are was were be been has have had will would shall should can could "
    "may might must not".split())


def _last_word(text: str, start: int, k: int) -> str:
    j = k
    while j >= start and text[j].isalpha():
        j -= 1
    return text[j + 1:k + 1]


_SENTENCE_END_CHARS = frozenset('.!?:;"”’)]')


def _hard_wrapped(text: str, start: int, end: int) -> tuple[bool, float]:
    """Whether ``text`` is hard-wrapped prose, and its median line length.

    A text is taken as hard-wrapped when it has at least five single line breaks and most of them
    follow a character that cannot end a sentence (the UN corpus's 1990s speeches wrap at about
    60 characters).
    """
    lines = text[start:end].split("\n")
    full = [ln.rstrip() for ln in lines if ln.strip()]
    if len(full) < 6:
        return False, 0.0
    open_ends = sum(1 for ln in full[:-1] if ln[-1] not in _SENTENCE_END_CHARS)
    lengths = sorted(len(ln) for ln in full)
    return open_ends / (len(full) - 1) > 0.5, float(lengths[len(lengths) // 2])


def _paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split ``text`` into paragraph spans.

    A blank line always separates paragraphs. A single line break separates them unless it
    wraps a sentence:

    * in hard-wrapped text (see :func:`_hard_wrapped`) a line break counts only after a
      character that can end a sentence, or after a short line (a heading) followed by a
      capital;
    * elsewhere it is a wrap when the line before ends in a letter, digit, comma, semicolon or
      hyphen and the next line starts in lower case, or the line before ends on a word that
      cannot end a sentence ("of", "the", "and" ...).
    """
    end = len(text) if end is None else end
    wrapped, median = _hard_wrapped(text, start, end)
    cuts = [start]
    line_start = start
    for m in _NEWLINE.finditer(text, start, end):
        i = m.start()
        j = i + 1
        while j < end and text[j] in " \t\r":
            j += 1
        k = i - 1
        while k >= start and text[k] in " \t\r":
            k -= 1
        this_line = (line_start, i)
        line_start = i + 1
        if k < start or j >= end:
            continue
        prev, nxt = text[k], text[j]
        if nxt == "\n":
            continue  # blank line: the next newline decides
        if wrapped:
            short = (this_line[1] - this_line[0]) < 0.6 * median
            if prev in _SENTENCE_END_CHARS or (short and nxt.isupper()):
                cuts.append(i)
            continue
        if (prev.isalnum() or prev in ",;-") and nxt.islower():
            continue  # a wrapped line
        if prev.isalpha() and _last_word(text, start, k).lower() in _CONTINUATION_WORDS:
            continue  # "the people of\nIndia": a line cannot end a sentence on "of"
        cuts.append(i)
    cuts.append(end)
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _fallback_sentences(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in _FALLBACK_SENT_END.finditer(text):
        before = text[last:m.start()].rsplit(None, 1)
        word = before[-1].lower().strip("(\"'“‘") if before else ""
        if m.group().startswith(".") and (word in ABBREVIATIONS or len(word) == 1 or "." in word):
            continue
        spans.append((last, m.end()))
        last = m.end()
        while last < len(text) and text[last].isspace():
            last += 1
    if last < len(text):
        spans.append((last, len(text)))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return half-open sentence spans for ``text`` (stripped of surrounding white space).

    Example:
        >>> t = "Mr. Peskov spoke. The U.S. replied.\\nNew paragraph"
        >>> [t[a:b] for a, b in sentence_spans(t)]
        ['Mr. Peskov spoke.', 'The U.S. replied.', 'New paragraph']
    """
    use_punkt = resources.require("punkt_tab")
    out: list[tuple[int, int]] = []
    for a, b in _paragraph_spans(text):
        para = text[a:b]
        inner = _punkt().span_tokenize(para) if use_punkt else _fallback_sentences(para)
        for s, e in inner:
            s2, e2 = a + s, a + e
            while s2 < e2 and text[s2].isspace():
                s2 += 1
            while e2 > s2 and text[e2 - 1].isspace():
                e2 -= 1
            if e2 > s2:
                if out and out[-1][1] >= a and _glued(text, out[-1], s2):
                    out[-1] = (out[-1][0], e2)
                else:
                    out.append((s2, e2))
    return out


# Titles that precede a name and never end a sentence in news text.
_TITLES_BEFORE_NAMES = frozenset(
    "Mr Mrs Ms Dr Prof Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pvt Sen Rep Gov Pres Amb Rev Hon "
    "Messrs Mme Mlle".split())
_TRAILING_TITLE = re.compile(r"(?<![\w.])(" + "|".join(_TITLES_BEFORE_NAMES) + r")\.$")
_TITLE_TAIL = max(map(len, _TITLES_BEFORE_NAMES)) + 2
_LOWER_START = re.compile(r"""^[\s"'“”‘’(\[]*[a-z]""")


def _glued(text: str, prev: tuple[int, int], start: int) -> bool:
    """Whether Punkt split a sentence it should not have (a repair, applied in one paragraph).

    Two cases Punkt gets wrong in news text: a title ending the "sentence" (``liberties,''
    Mr. | Earnest said``), and a period inside parentheses before a lower-case continuation
    (``Sen. Claire McCaskill (D-Mo.) | said``). A sentence does not start in lower case.
    """
    # Only the end of the previous sentence can match: the longest title and its period, and
    # the character before them that the look-behind reads (or the sentence's start).
    before = text[max(prev[0], prev[1] - _TITLE_TAIL):prev[1]]
    if _TRAILING_TITLE.search(before):
        return True
    return before.endswith((".", ".)")) and bool(_LOWER_START.match(text[start:start + 8]))


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return half-open token spans of ``text[start:end]`` as offsets into ``text``.

    Example:
        >>> t = "Kyiv’s American-supplied missiles can't reach 300 kilometers (190 miles)."
        >>> [t[a:b] for a, b in token_spans(t)][:6]
        ['Kyiv', '’s', 'American-supplied', 'missiles', 'ca', "n't"]
    """
    end = len(text) if end is None else end
    return [m.span() for m in TOKEN_PATTERN.finditer(text, start, end)]


def word_tokenize(text: str) -> list[str]:
    """Return the token strings of ``text`` (a drop-in for ``nltk.word_tokenize`` with offsets kept).

    Example:
        >>> word_tokenize("Tarsk Press quoted Orsk as saying: “no.”")
        ['Tarsk', 'Press', 'quoted', 'Orsk', 'as', 'saying', ':', '“', 'no', '.', '”']
    """
    return [text[a:b] for a, b in token_spans(text)]


# A character that str.isalnum() accepts: re's \w for str patterns is exactly those and "_".
_ALNUM = re.compile(r"[^\W_]")


def _is_punct(tok: str) -> bool:
    # not any(ch.isalnum() for ch in tok), one search in C
    return _ALNUM.search(tok) is None


def _features(vocab: Sequence[str]) -> tuple[list[str], list[str], list[bool], list[bool]]:
    """``lower, lemma, is_punct, is_stop`` of each distinct token string (each computed once)."""
    stop = _stopwords()
    lower = [t.lower() for t in vocab]
    return (lower, [lemmatize(w) for w in lower], [_is_punct(t) for t in vocab],
            [w in stop for w in lower])


# Every alternative of TOKEN_PATTERN consumes non-space characters only, and its last one (\\S)
# takes any non-space character, so the tokens of a sentence are exactly its runs of non-space
# characters cut into pieces: the k-th token character is the k-th non-space character. All
# white space characters are below U+3001 (checked by the tests against str.isspace).
_SPACE_CODES = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)


def _token_offsets(text: str, spans: Sequence[tuple[int, int]], toks: Sequence[str]
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of ``toks`` (the tokens of the sentence ``spans`` of ``text``, in order).

    Vectorised: token ``i`` starts at the non-space character numbered by the summed lengths
    of the tokens before it. Falls back to the regular expression's own spans if the counts
    do not add up (which the property above rules out).
    """
    lens = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
    if len(toks):
        try:
            cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:   # lone surrogates
            cps = None
        if cps is not None:
            edges: np.ndarray = np.zeros(len(text) + 1, dtype=np.int64)
            bounds = np.asarray(spans, dtype=np.int64)
            np.add.at(edges, bounds[:, 0], 1)
            np.add.at(edges, bounds[:, 1], -1)
            keep = (np.cumsum(edges[:-1]) > 0) & ~np.isin(cps, _SPACE_CODES)
            pos = np.flatnonzero(keep)
            cum = np.cumsum(lens)
            if len(pos) == int(cum[-1]):
                starts = pos[cum - lens]
                ends = pos[cum - 1] + 1
                if np.array_equal(ends - starts, lens):
                    return starts, ends
    out = [m.span() for a, b in spans for m in TOKEN_PATTERN.finditer(text, a, b)]
    arr = np.asarray(out, dtype=np.int64).reshape(-1, 2)
    return arr[:, 0].copy(), arr[:, 1].copy()


def tokenize_documents(doc_ids: Sequence[str], texts: Sequence[str], *,
                       pos: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split documents into the ``sentences`` and ``tokens`` tables.

    Args:
        doc_ids: document ids, parallel to ``texts``.
        texts: the immutable document texts.
        pos: add a ``pos`` column (Penn tags from NLTK's perceptron tagger; slow, and only
            when its data is installed).

    Returns:
        ``(sentences, tokens)``. ``sent_id`` and ``tok_id`` count from 0 within each document.

    Notes:
        Built for speed with the same output as a per-token loop: the regular expression runs
        once per sentence, token features (lower case, lemma, punctuation, stop word) are
        computed once per distinct token string of the batch (token frequencies are Zipfian, so
        a 35k-token chunk has about 6k distinct strings), and columns are assembled as Arrow
        arrays (dictionary-decoded in C) rather than appended value by value.

    Example:
        >>> sents, toks = tokenize_documents(["d1"], ["The Kremlin warned. Washington replied."])
        >>> sents["text"].tolist()
        ['The Kremlin warned.', 'Washington replied.']
        >>> toks.loc[2, ["text", "lemma"]].tolist()
        ['warned', 'warn']
    """
    import pyarrow as pa

    s_doc, s_sid, s_start, s_end, s_text, t_text, t_sent, t_doc_n, starts_parts, ends_parts = \
        _split_documents(texts)
    ids = pa.array([str(i) for i in doc_ids], type=pa.large_string())
    n_tok = len(t_text)
    doc_of_tok: np.ndarray = np.repeat(np.arange(len(t_doc_n), dtype="int64"), t_doc_n)
    first_tok = np.concatenate(([0], np.cumsum(t_doc_n)[:-1])).astype("int64") if t_doc_n else np.zeros(0, "int64")
    tok_id = np.arange(n_tok, dtype="int64") - np.repeat(first_tok, t_doc_n)
    sent_of_tok: np.ndarray = np.repeat(np.asarray(s_sid, dtype="int64"), np.asarray(t_sent, dtype="int64"))
    t_start = np.concatenate(starts_parts) if starts_parts else np.zeros(0, "int64")
    t_end = np.concatenate(ends_parts) if ends_parts else np.zeros(0, "int64")

    # Distinct token strings, in first-appearance order (Arrow's dictionary encoding, in C).
    text_arr = pa.array(t_text, type=pa.large_string())
    enc = text_arr.dictionary_encode()
    codes = enc.indices.to_numpy(zero_copy_only=False).astype("int64", copy=False)
    distinct = enc.dictionary.to_pylist()
    lower, lemma, is_punct, is_stop = _features(distinct)

    def decode(values: list[str], idx: np.ndarray) -> pa.Array:
        return pa.array(values, type=pa.large_string()).take(pa.array(idx))

    def text_col(values: list[str]) -> pa.Array:
        return pa.array(values, type=pa.large_string())

    sentences = pa.table({
        "doc_id": ids.take(pa.array(np.asarray(s_doc, dtype="int64"))),
        "sent_id": pa.array(np.asarray(s_sid, dtype="int64")),
        "start": pa.array(np.asarray(s_start, dtype="int64")),
        "end": pa.array(np.asarray(s_end, dtype="int64")),
        "text": text_col(s_text),
    }).to_pandas()
    tokens = pa.table({
        "doc_id": ids.take(pa.array(doc_of_tok)),
        "sent_id": pa.array(sent_of_tok),
        "tok_id": pa.array(tok_id),
        "start": pa.array(t_start),
        "end": pa.array(t_end),
        "text": text_arr,
        "lower": decode(lower, codes),
        "lemma": decode(lemma, codes),
        "is_punct": pa.array(np.asarray(is_punct, dtype=bool)[codes]),
        "is_stop": pa.array(np.asarray(is_stop, dtype=bool)[codes]),
    }).to_pandas()
    _seed_token_codes(tokens, codes, distinct, lower, lemma, doc_of_tok, doc_ids)
    if pos:
        tokens["pos"] = pos_tags(tokens)
    return sentences, tokens


def _split_documents(texts: Sequence[str]) -> tuple:
    """Sentences and token strings of every document, as parallel lists: per sentence its
    document index, id, start, end and text; the token strings, the tokens per sentence and
    per document, and each document's token start and end offsets."""
    s_doc: list[int] = []
    s_sid: list[int] = []
    s_start: list[int] = []
    s_end: list[int] = []
    s_text: list[str] = []
    t_text: list[str] = []
    t_sent: list[int] = []     # tokens per sentence
    t_doc_n: list[int] = []    # tokens per document
    starts_parts: list[np.ndarray] = []
    ends_parts: list[np.ndarray] = []
    for d, text in enumerate(texts):
        n0 = len(t_text)
        spans = sentence_spans(text)
        for sent_id, (a, b) in enumerate(spans):
            s_doc.append(d)
            s_sid.append(sent_id)
            s_start.append(a)
            s_end.append(b)
            s_text.append(text[a:b])
            toks = _TOKENS_AFTER_SPACE.findall(text, a, b)
            t_text.extend(toks)
            t_sent.append(len(toks))
        t_doc_n.append(len(t_text) - n0)
        starts, ends = _token_offsets(text, spans, t_text[n0:])
        starts_parts.append(starts)
        ends_parts.append(ends)
    return s_doc, s_sid, s_start, s_end, s_text, t_text, t_sent, t_doc_n, starts_parts, ends_parts


def _seed_token_codes(tokens: pd.DataFrame, codes: np.ndarray, distinct: list, lower: list,
                      lemma: list, doc_of_tok: np.ndarray, doc_ids: Sequence[str]) -> None:
    """The annotators' shared codes of the string columns (:func:`vocabulary`), known already
    from building the table."""
    _seed_vocab(tokens["text"], codes, distinct)
    for name, per_distinct in (("lower", lower), ("lemma", lemma)):
        sub, uniques = pd.factorize(np.asarray(per_distinct, dtype=object), sort=False)
        _seed_vocab(tokens[name], sub.astype(np.int64)[codes], list(uniques))
    doc_codes, doc_rows = pd.factorize(doc_of_tok, sort=False)
    doc_values = [str(doc_ids[k]) for k in doc_rows]
    if len(set(doc_values)) == len(doc_values):   # ids unique within the chunk
        _seed_vocab(tokens["doc_id"], doc_codes.astype(np.int64), doc_values)


def pos_tags(tokens: pd.DataFrame) -> pd.Series:
    """Return Penn Treebank POS tags for a tokens table (per sentence), or nulls without data.

    Example:
        >>> _, toks = tokenize_documents(["d"], ["Russia warned."])
        >>> pos_tags(toks).tolist() in (["NNP", "VBD", "."], [None, None, None])
        True
    """
    if not resources.require("averaged_perceptron_tagger_eng"):
        return pd.Series([None] * len(tokens), index=tokens.index, dtype="object")
    from . import _tagger as fast

    text = tokens["text"].tolist()
    sents = [[text[k] for k in idx] for idx in tokens.groupby(["doc_id", "sent_id"], sort=False).indices.values()]
    # Each sentence's tags in group order, laid over the rows in order, as NLTK's tag gave them
    # one sentence at a time (toolkit._tagger is held to equality with PerceptronTagger.tag).
    tags = [t for s in fast.tag_sents(_tagger(), sents) for t in s]
    return pd.Series(tags, index=tokens.index, dtype="object")


@functools.lru_cache(maxsize=1)
def _tagger():
    from . import _tagger as fast

    tagger = fast.nltk_tagger()   # the events step's tagger: one model in memory, not two
    if tagger is None:
        from nltk.tag import PerceptronTagger

        tagger = PerceptronTagger()
    return tagger


def sentence_of(sent_starts: Sequence[int], offset: int) -> int:
    """Return the index of the sentence (by sorted start offsets) that contains ``offset``.

    Example:
        >>> sentence_of([0, 20, 45], 30)
        1
    """
    return bisect.bisect_right(sent_starts, offset) - 1


def iter_sentences(sentences: pd.DataFrame) -> Iterable[tuple[str, int, int, int, str]]:
    """Yield ``(doc_id, sent_id, start, end, text)`` tuples (faster than ``itertuples``).

    Example:
        >>> s, _ = tokenize_documents(["d"], ["One. Two."])
        >>> [t[4] for t in iter_sentences(s)]
        ['One.', 'Two.']
    """
    return iter_rows(sentences, "doc_id", "sent_id", "start", "end", "text")


def iter_rows(table: pd.DataFrame, *columns: str) -> Iterable[tuple]:
    """Yield the values of ``columns`` row by row, as plain Python objects.

    ``zip(table["a"], table["b"])`` iterates Arrow-backed string columns one scalar at a time
    (about ten times slower than converting the column once); this converts each column once.

    Example:
        >>> list(iter_rows(pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 5]}), "doc_id", "start"))
        [('a', 0), ('b', 5)]
    """
    return zip(*(column_list(table[c]) for c in columns))


class ChunkMemo:
    """Values computed from the columns of one chunk's tables (codes, lists, key ids), kept
    while the chunk's steps run: what one annotator computed from the tokens table, the next
    one reuses.

    The Chunk owns one (:attr:`toolkit.annotator.Chunk.columns`) and the engine opens it
    around the chunk's steps with :func:`chunk_memo`; nothing in it outlives the chunk. A value
    is stored against the Arrow array behind a column, which the memo holds, so the array
    stays alive (and its identity unambiguous) for as long as the value does; Arrow arrays are
    immutable and pandas replaces a column's array when the column is assigned, so a stored
    value is never stale. ``key`` tells apart several values of one array.

    Example:
        >>> memo, arr = ChunkMemo(), pa.array(["a", "b"])
        >>> memo.get(arr) is None, memo.put(arr, 2), memo.get(arr)
        (True, 2, 2)
    """

    def __init__(self) -> None:
        self._values: dict[tuple[int, object], tuple[object, object]] = {}

    def get(self, arr, key=None):
        hit = self._values.get((id(arr), key))
        return hit[1] if hit is not None and hit[0] is arr else None

    def put(self, arr, value, key=None):
        self._values[(id(arr), key)] = (arr, value)
        return value

    def clear(self) -> None:
        """Forget every stored value (and release the arrays held for them).

        Example:
            >>> memo, arr = ChunkMemo(), pa.array(["a"])
            >>> _ = memo.put(arr, 1)
            >>> memo.clear()
            >>> memo.get(arr) is None
            True
        """
        self._values.clear()


_OPEN: contextvars.ContextVar[ChunkMemo | None] = contextvars.ContextVar("toolkit_chunk_memo", default=None)


@contextlib.contextmanager
def chunk_memo(memo: ChunkMemo | None = None):
    """Share what is computed from the columns of one chunk's tables while the block runs.

    The engine opens the Chunk's memo around each chunk's steps; in a notebook, wrap several
    calls on the same tokens table to compute its codes and lists once. Inside an open memo,
    ``chunk_memo()`` reuses it; a memo made here is emptied when the block ends. Outside
    any, :func:`vocabulary`, :func:`column_list`, :func:`word_mask` and the lexicon matcher
    compute afresh on each call (same results).

    Example:
        >>> s = pd.Series(["war", "and", "war"], dtype="string[pyarrow]")
        >>> with chunk_memo():
        ...     vocabulary(s)[0] is vocabulary(s)[0]
        True
        >>> vocabulary(s)[0] is vocabulary(s)[0]
        False
    """
    current = _OPEN.get()
    if memo is None and current is not None:
        yield current
        return
    mine = memo is None
    opened = ChunkMemo() if memo is None else memo
    token = _OPEN.set(opened)
    try:
        yield opened
    finally:
        _OPEN.reset(token)
        if mine:
            opened.clear()


def _memo_of(column: pd.Series):
    """``(open memo, Arrow array of column)``, or ``(None, None)`` when nothing is shared."""
    memo = _OPEN.get()
    if memo is None:
        return None, None
    arr = arrow_array(column)
    return (memo, arr) if arr is not None else (None, None)


def arrow_array(column: pd.Series):
    """The Arrow array behind a pandas column, or ``None`` (numpy-backed columns).

    Read through the public Arrow export protocol (``__arrow_array__``), which for pandas'
    Arrow-backed arrays hands out the array itself, the same object each time.

    Example:
        >>> arrow_array(pd.Series(["a"])) is arrow_array(pd.Series(["a"]))
        False
        >>> s = pd.Series(["a"]); arrow_array(s) is arrow_array(s)
        True
    """
    values = column.array
    if isinstance(values, pd.arrays.ArrowExtensionArray):
        return values.__arrow_array__()
    return None


def _vocab(column: pd.Series) -> tuple[np.ndarray, list, dict]:
    memo, arr = _memo_of(column)
    if memo is not None:
        hit = memo.get(arr, "vocab")
        if hit is not None:
            return hit
    arr = arrow_array(column) if arr is None else arr
    if arr is not None and arr.type in (pa.string(), pa.large_string()):
        # Arrow's dictionary encoding, in C (first-appearance order, nulls get code -1).
        enc = (arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr).dictionary_encode()
        codes = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
        values = enc.dictionary.to_pylist()
    else:
        fcodes, uniques = pd.factorize(column, sort=False)
        codes, values = np.asarray(fcodes, dtype=np.int64), list(uniques)
    out = codes, values, {v: i for i, v in enumerate(values)}
    return memo.put(arr, out, "vocab") if memo is not None else out


def _seed_vocab(column: pd.Series, codes: np.ndarray, values: list) -> None:
    """Record the codes and distinct values of a column that were computed while building it
    (first-appearance order, as :func:`vocabulary` would find them), when a memo is open."""
    memo, arr = _memo_of(column)
    if memo is not None and len(codes) == len(column):
        memo.put(arr, (codes, values, {v: i for i, v in enumerate(values)}), "vocab")


def vocabulary(column: pd.Series) -> tuple[np.ndarray, list]:
    """Integer codes of a token column and its distinct values (``values[codes[i]]`` is row ``i``).

    Computed once per column of a tokens table while a :func:`chunk_memo` is open (the engine
    opens one per chunk) and shared by every caller (token strings are Zipfian: a chunk of 35k
    tokens has about 6k distinct ones); afresh on each call outside one. Missing values get
    code ``-1``.

    Example:
        >>> codes, values = vocabulary(pd.Series(["war", "and", "war"]))
        >>> codes.tolist(), values
        ([0, 1, 0], ['war', 'and'])
    """
    codes, values, _ = _vocab(column)
    return codes, values


def word_mask(column: pd.Series, words: Iterable[str]) -> np.ndarray:
    """``column.isin(words).to_numpy()`` for a token column, without hashing every row.

    The column's codes are computed once (:func:`vocabulary`); a call then costs one look-up
    per word plus one vectorised pass.

    Example:
        >>> word_mask(pd.Series(["we", "warn", "you"]), {"warn", "threaten"}).tolist()
        [False, True, False]
    """
    codes, values, index = _vocab(column)
    ids = [index[w] for w in set(words) if w in index]
    if not ids:
        return np.zeros(len(codes), dtype=bool)
    if len(ids) == 1:
        return codes == ids[0]
    lookup: np.ndarray = np.zeros(len(values) + 1, dtype=bool)   # code -1 (missing) reads the last, False
    lookup[ids] = True
    return lookup[codes]


def _column_cache(column: pd.Series) -> dict | None:
    """The open memo's entry of an Arrow-backed string column (``None``: no memo is open, or
    another kind of column)."""
    memo, arr = _memo_of(column)
    # Columns with missing values convert as pandas does (NaN or None by dtype), uncached.
    if memo is None or arr.type not in (pa.string(), pa.large_string()) or arr.null_count:
        return None
    entry = memo.get(arr, "lists")
    return entry if entry is not None else memo.put(arr, {}, "lists")


def column_array(column: pd.Series) -> np.ndarray:
    """``column.to_numpy(dtype=object)``, built once per string column of a tokens table while a
    :func:`chunk_memo` is open, and shared.

    The values are taken from the column's distinct strings (:func:`vocabulary`), so equal
    tokens share one Python string and nothing is decoded twice. Callers must not modify it.

    Example:
        >>> column_array(pd.Series(["Kyiv", "warned", "Kyiv"])).tolist()
        ['Kyiv', 'warned', 'Kyiv']
    """
    entry = _column_cache(column)
    if entry is None:
        return column.to_numpy(dtype=object)
    if "array" not in entry:
        codes, values = vocabulary(column)
        entry["array"] = np.array(values, dtype=object)[codes]
    return entry["array"]


def column_list(column: pd.Series) -> list:
    """``column.tolist()``, converted once per string column of a tokens table and shared.

    Several annotators read the token strings as Python lists; an Arrow-backed column is
    immutable, so its list is built once per chunk (while a :func:`chunk_memo` is open).
    Callers must not modify the list.

    Example:
        >>> column_list(pd.Series(["Kyiv", "warned"]))
        ['Kyiv', 'warned']
    """
    entry = _column_cache(column)
    if entry is None:
        return column.tolist()
    if "list" not in entry:
        entry["list"] = column_array(column).tolist()
    return entry["list"]


def document_order(doc_ids: pd.Series, tokens: pd.DataFrame) -> np.ndarray:
    """Position of each row's document in the tokens table (the corpus order of the chunk).

    Tables sorted by this, not by the ``doc_id`` string, keep the documents in corpus order
    whatever documents share a chunk.

    Example:
        >>> _, t = tokenize_documents(["b", "a"], ["One.", "Two."])
        >>> document_order(pd.Series(["a", "b", "a"]), t).tolist()
        [1, 0, 1]
    """
    _, values = vocabulary(tokens["doc_id"])
    return pd.Index(values).get_indexer(doc_ids)
