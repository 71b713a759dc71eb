"""Quotes and attribution: who said what, through which verb, in whose words.

One row per attribution in a ``quotes`` table, each with a speaker (source), a cue (the
reporting verb or "according to") and a content span, as textacy's ``DQTriple(speaker, cue,
content)`` and the PARC scheme (Pareti 2016) model it. The rules work per document on the
tokens with compiled regexes and the ``reporting_verbs`` lexicon (one Aho-Corasick pass), so
they scale linearly with the corpus. Entries marked ``quotes_only`` there (verbs with a sense
that is not speech: "attack", "hit", "raise") are cues only in a frame of speech ("attacked
Clinton for her vote", "raised concerns about"); other steps do not read them as reporting verbs.

Kinds:

* ``direct``: a quotation in quote marks attached to a cue ("“...,” Peskov added", "He said:
  “...”", "“...,” Tarsk Press quoted Orsk as saying") or, with no cue, a long quotation
  (speaker null, or carried over from the attributed quote just before it).
* ``indirect``: a reporting verb with a that-clause or a bare clause ("X warned (that) ..."),
  with an object ("X accused Y of ..."), or after the content ("..., officials said"); also
  attributed wishes and positions, as PARC and PolNeAR attribute them ("X wants to ...",
  "X declined to comment", "X did not immediately respond to requests for comment" (class
  ``nonresponse``), "X supports/opposes the bill", "X sees Y as Z", "X plans to ..."; classes
  ``volitional``, ``position`` and ``intention``, kept only after a subject-like word so that the nouns
  "support" or "plans" do not fire), "As X noted, ...", and the question in "(When) asked
  whether/about ..., X said" (no source unless "asked by X").
* ``mixed``: indirect speech that contains a quoted fragment ("X warned it will respond
  “accordingly”"). The content is the whole reported clause, fragment included.
* ``according_to``: "according to X, ..." and "..., according to X"; also a sentence that
  opens with "In" and a poll, study or view ("In a CBS News poll last month, ...", "In their
  view, ...": rule ``in_source``, cue "In", as PolNeAR marks it).
* ``scare``: a short quoted phrase that is not speech ('special military operation'): a
  framing device (scare or distancing quotes). A short fragment *inside* reported speech
  (mixed quote) or inside a direct quote is reported twice: once as part of the speech row,
  once as its own ``scare`` row whose ``in_quote`` points to that speech row, so that counting
  scare quotes and counting attributions both stay complete.

Quoted titles ("the book “Red Lines”", “The Daily Record”) are not quotes and yield no row.

Conventions (those of PARC 3.0 and PolNeAR, so the output can be scored against them): the
content of a direct quote includes its quote marks, and a quotation that opens mid-clause
("Trade talks are “dead in the water,” an official said") has the clause from its start as content
(the row stays ``direct``); indirect content starts at "that" when
present and excludes the sentence's final period; the cue is the verb group ("has also said",
"said:"), its lexicon class in ``cue_class`` and lemma in ``cue_lemma``, and in ``cue_kind``
what kind of attribution the class is (``speech``; or, for what PolNeAR and PARC attribute
besides speech, ``thought`` for "believes", ``evidence`` for "polls show", ``intention`` for
"wants to", ``position`` for "supports", ``silence`` for "did not respond"; the lexicon's
``cue_kinds``; a refusal to speak, "declined to comment", is ``silence`` and a verb of evidence after
a document, poll or study, "Polls suggest", ``evidence``, whatever the verb's class), so that
``quotes[quotes.cue_kind == "speech"]`` keeps what was said; the speaker span is the
surface subject with its appositive ("Ana Lopes, the foreign minister"; "he", "who", "the
spokesman"; a longer subject a noun phrase hangs in: "Nearly eight of 10 voters", "a 2014
study by Harvard", "The United States, Britain and France"), but not a relative clause with a
cue of its own ("Ms. Lopes, who argued that ..., said": that clause is a row of its own, as a
word belongs to one attribution only in PolNeAR), resolved to
a person and actor in ``speaker_person`` and ``speaker_actor`` by :mod:`toolkit.speakers`
from the ``mentions`` table and names in the text (``speaker_resolution``: ``mention``,
``pronoun``, ``role``, ``name`` or ``document``; ``speaker_rule`` names the rule:
``pronoun_person`` for he/she to the nearest person of that gender, ``description_actor`` for
"the Russian leader", ``nationality_title`` for an unknown "Ukrainian Deputy Prime Minister
X", ...); a pronoun or description resolved to an earlier phrase names it in
``speaker_antecedent`` (with ``speaker_antecedent_start``/``_end``: "He said" after "Iran's
foreign minister warned", "It said" after "Poland's foreign ministry summoned"; a carried
paragraph names the speaker it carries). A quotation that continues an attribution ("“A,” X said. “B.”", "“A,” X said
during a rally in Y, “B.”") shares its speaker and cue spans (``continued_quote``); a
quotation paragraph after a paragraph that ends with an attributed quotation (only its
attribution may follow it there) inherits only the speaker's actor and person
(``carried_quote``). Datelines ("ADDIS ABABA -", "KYIV, May 4 (Reuters) -") and transcript
labels ("THE PRESIDENT:") are neither source nor content; an outlet after "told", "with",
"on" (with or without "the") is the ``channel``. Gazetteer files added to the step's
``lexicons`` option (``options={"quotes": {"lexicons": ["my_actors.csv"]}}``, the files given
to ``actors``) let a user's demonyms name an official's state. A belief verb or a pronoun restatement inside reported speech ("Trump
said he thinks ...") is not a second attribution; nor is a subject in a condition ("unless
Kyiv requests"), a thing's wish ("the bill, which seeks to") or an object ("to address
military support").

Rules: every row carries ``rule``, the id of the rule that made it (``direct_cue_after``,
``direct_said_x``, ``direct_cue_before``, ``direct_channel_after``, ``direct_channel_before``,
``direct_colon_name``, ``direct_continued``, ``direct_unattributed``, ``indirect_subject``,
``indirect_inverted``, ``indirect_participle``, ``indirect_passive``, ``indirect_infinitive``
("went on to say": the subject of the governing verb group; ``_content_before`` is appended
when the content comes first, as in ``indirect_passive_content_before``: "The ceasefire was
confirmed by a UN spokesman", whose subject is what was said), ``indirect_fronted`` ("Claiming ..., Trump told": the subject
after a fronted participial clause), ``indirect_nominal`` ("his claim that ...": the possessor
of a noun of saying), ``indirect_parenthetical``, ``indirect_channel`` (also
the passive "X was quoted by Y as saying"),
``according_to``, ``in_source``, ``asked_question``, ``colon_line``, ``scare``, ``scare_in_speech``; ``+channel``
is appended when a news outlet is the channel), so errors can be counted by rule. The rules are small functions (``rule_<id>``) in :mod:`toolkit._quote_rules`, over
one explicit per-document state, and their precedence is explicit and in one place there: the
stages run in ``STAGES`` order (quotations first, so their cues are not read again as indirect
speech); each quotation is offered to ``DIRECT_RULES`` in turn (the first unused cue after it
in its sentence, else a cue before it, else "Name: “...”"), each cue no quotation took to
``INDIRECT_RULES``; the first rule that claims the quotation or cue decides.

Channels: "Tarsk Press quoted Orsk as saying ..." gives speaker Orsk, cue "quoted" and
``channel`` Tarsk Press (with ``channel_actor``); a news outlet after "told", "with", "to" or
"on" in the cue's sentence ("told Reuters", "in an interview with CNN", "said on Fox News"),
after "carried by" or "published by" ("in a statement carried by KCNA"), and a broadcaster
after "on" next to the cue ("speaking on state TV, X said", "said on national television") is
the channel too (``rule`` gains ``+channel``), never the speaker's state or a target. An
outlet that itself reports ("Yonhap reported", "according to the Guardian") is the speaker,
with no state (``speaker_rule`` ``media_outlet``, sector MED) unless its state runs it as its
voice (``state_media``: KCNA, Xinhua).

Bounded work: rules read a sentence within :data:`SENTENCE_REACH` tokens of the cue, so one
endless sentence costs time and memory linear in its length; rows of a sentence longer than
twice that say so in ``problem``.

"A, as X noted." gives X the clause before "as". Title Case headlines read a speech noun
after the headline's verb as its object ("Biden Faces Calls To Quit"), and a Title Case
section heading before a colon is no speaker ("Little Relief for Refugees: ...").

Quote marks: straight and curly double quotes, NYT-style ``''`` (the tokenizer splits it in
two; the rules' token arrays join it again), guillemets, curly and
straight single quotes; apostrophes inside or after words (Kyiv’s, don’t, the diplomats’) are
never quote marks unless they close an open single quote. Quotes may nest and run across
sentences and paragraphs (a paragraph that ends inside a quotation continues when the next one
opens with a quote mark, the English convention). Unbalanced marks never raise: the quote is
closed at the end of its paragraph and the problem is recorded in ``problem`` and in the
``quote_problems`` table.

Known limits: rules, not a parser. Noun phrases are found without POS tags, so a long
prepositional source ("a report released in September by the Academies") is cut short;
first-person speakers ("we", "I") resolve to the speaking state only when the documents
carry a ``country`` column (UN General Debate). Left out on purpose: the reporter's
evidentials without a source ("seems to", "appears to"), which PolNeAR attributes but
which say nothing about who speaks; nominal cues ("his warning that ...": their that-clause
cannot be bounded without a parser, 39% exact on PolNeAR train when tried); sources in a
prepositional phrase ("in a new Fox News poll, ..."). Content split around a parenthetical
cue ("The plan, he noted, may fail") gives two rows sharing speaker and cue, one per part.

Notes:
    Sources: Pareti (2016) PARC 3.0 and its guidelines; Newell, Margolin & Ruths (2018)
    PolNeAR; Bergler (1992) and Caldas-Coulthard (1994) for reporting-verb stance; the rule
    design follows textacy's ``direct_quotations`` and BBC's citron (cue-anchored rules).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from . import lexicon as _lexicon
from ._quote_words import (
    _ADJUNCT_START,
    _ATTACHING,
    _AUX,
    _BE,
    _BOUNDARY_CAPS,
    _CLAUSE_PUNCT,
    _COMMENT_NOUNS,
    _COMPOUND_HEADS,
    _CONDITIONAL,
    _DETERMINERS,
    _EVIDENCE_NOUNS,
    _FINITE_AFTER_NOUN,
    _FORMULAS,
    _GLUE,
    _HEADLINE_VERBS,
    _INTENTION_NEXT,
    _IRREGULAR_PAST,
    _LEAD_ADVERBS,
    _MILITARY_OBJECTS,
    _NOUN_BLOCKERS,
    _NOUN_PREPOSITIONS,
    _NP_WORDS,
    _PLACE_PREPOSITIONS,
    _SENT_FINAL,
    _SHORT_CLASSES,
    _SHORT_END,
    _SHORT_TOPIC_VERBS,
    _SUBJECT_PRONOUNS,
    _SUBORDINATORS,
    _THING_RELATIVES,
    _TIME_ADVERBS,
    _TIME_NOUNS,
    _TITLE_CUES,
    _TOPIC_VERBS,
    _WH_WORDS,
    HARD_WRAP_REACH,
    LONG_SENTENCE_NOTE,  # noqa: F401  (public: toolkit.quotes.LONG_SENTENCE_NOTE)
    NP_MAX_TOKENS,
    PRONOUNS,
    SENTENCE_REACH,
)
from .annotator import Annotator
from .tokenize import TITLE_ABBREVIATIONS, column_list, iter_rows

LEXICON = "reporting_verbs"
KINDS = ("direct", "indirect", "mixed", "according_to", "scare")
SPAN_PARTS = ("speaker", "cue", "content", "channel")
QUOTE_COLUMNS = [
    "doc_id", "quote_id", "sent_id", "kind", "rule", "start", "end", "text",
    "speaker", "speaker_start", "speaker_end", "speaker_actor", "speaker_person", "speaker_sector",
    "speaker_resolution", "speaker_rule", "speaker_antecedent", "speaker_antecedent_start",
    "speaker_antecedent_end",
    "cue", "cue_start", "cue_end", "cue_class", "cue_lemma", "cue_kind",
    "content", "content_start", "content_end",
    "channel", "channel_start", "channel_end", "channel_actor",
    "in_quote", "problem", "source",
]
PROBLEM_COLUMNS = ["doc_id", "start", "end", "text", "problem"]
INT_COLUMNS = ["quote_id", "sent_id", "start", "end", "speaker_start", "speaker_end",
               "speaker_antecedent_start", "speaker_antecedent_end", "cue_start",
               "cue_end", "content_start", "content_end", "channel_start", "channel_end", "in_quote"]

# Quote marks. ``''`` (two apostrophes) is the NYT-style double quote.
_MARK = re.compile(r"''|’’|‘‘|[\"“”„«»‘’‚‹›']")
_OPEN_DOUBLE, _CLOSE_DOUBLE = "“„«", "”»"
_OPEN_SINGLE, _CLOSE_SINGLE = "‘‚‹", "’›"
_WORDCHAR = re.compile(r"\w")
_PARA_BREAK = re.compile(r"\n")
_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_DOUBLE_MARK = re.compile(r"''|’’|‘‘|[\"“”„«»]")


@dataclass
class _Quote:
    """A span between quote marks (offsets include the marks)."""

    start: int
    end: int
    kind: str  # "double" or "single"
    depth: int
    problem: str | None = None
    title: bool = False
    used: bool = False
    row: int | None = None
    parent: int | None = None


@dataclass
class _Doc:
    """Token arrays of one document, as plain lists for fast scans."""

    doc_id: str
    text: str
    start: list
    end: list
    tok: list
    low: list
    lemma: list
    sent: list
    sent_start: list
    sent_end: list
    cues: dict = field(default_factory=dict)  # token index -> (tok_end, lemma, class, syntax, that_optional)
    remap: list | None = None  # tokens-table position -> index here, when tokens were joined
    sent_ids: list = field(default_factory=list)
    other_sense: set = field(default_factory=set)  # token index of a quotes_only verb out of its frame
    # a coordinated subject's (start, end) offsets -> its last conjunct's start, whose actor the
    # speaker takes ("The UAE, Saudi Arabia, and Qatar have pledged": QAT, as the verb's nearest)
    conjunct_tail: dict = field(default_factory=dict)

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.start, offset)

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """Token bounds of the sentence of token ``i``, clipped to :data:`SENTENCE_REACH` around it."""
        s = self.sent[i]
        return max(self.sent_start[s], i - SENTENCE_REACH), min(self.sent_end[s], i + SENTENCE_REACH + 1)

    def long_sentence(self, i: int) -> bool:
        """Whether the sentence of token ``i`` is longer than the clipped window."""
        s = self.sent[i]
        return self.sent_end[s] - self.sent_start[s] > 2 * SENTENCE_REACH


# --------------------------------------------------------------------------- quote marks

def _is_word(ch: str) -> bool:
    return bool(ch) and _WORDCHAR.match(ch) is not None


def find_quote_spans(text: str) -> tuple[list[_Quote], list[tuple[int, int, str]]]:
    """Return the quoted spans of ``text`` and the problems met (unbalanced marks).

    Double quotes are matched first-class; single quotes only where they cannot be
    apostrophes. A quotation left open at the end of a paragraph continues if the next
    paragraph opens with a quote mark of the same kind, otherwise it is closed there and
    reported as unbalanced.

    Args:
        text: a document text.

    Returns:
        ``(quotes, problems)``: quotes sorted by start, offsets include the marks;
        problems as ``(start, end, message)``.

    Example:
        >>> qs, probs = find_quote_spans("Kyiv’s envoy said: “They call it ‘peace’.” Done.")
        >>> [("Kyiv’s envoy said: “They call it ‘peace’.” Done."[q.start:q.end], q.depth) for q in qs]
        [('“They call it ‘peace’.”', 0), ('‘peace’', 1)]
        >>> find_quote_spans("He said “no.")[1]
        [(8, 9, 'unbalanced quote mark at offset 8')]
    """
    quotes: list[_Quote] = []
    problems: list[tuple[int, int, str]] = []
    stack: list[tuple[str, int]] = []  # (kind, offset of the opening mark)
    n = len(text)
    para_ends = [m.start() for m in _PARA_BREAK.finditer(text)] + [n]
    pi = 0

    skip_to = [0]
    for m in _MARK.finditer(text):
        a = m.start()
        while pi < len(para_ends) and para_ends[pi] < a:
            if stack:
                stack, skip_to[0] = _close_at_paragraph(text, para_ends[pi], stack, quotes, problems, skip_to[0])
            pi += 1
        if a < skip_to[0]:
            continue
        ch = m.group()
        prev = text[a - 1] if a > 0 else ""
        nxt = text[m.end()] if m.end() < n else ""
        prev_space = prev == "" or prev.isspace() or prev in "([{—–-/“‘\"'"
        next_space = nxt == "" or nxt.isspace() or nxt in ".,;:!?)]}—–"
        if ch in ("\"", "''"):
            top_double = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == "double"), None)
            if ch == "''" and _is_word(prev) and _is_word(nxt):
                continue
            if ch == "''" and nxt == "'" and stack and stack[-1][0] == "single" and top_double is not None:
                # "''the word 'old-school,''' said X": the single quote closes first, then the double
                _close(stack, len(stack) - 1, a + 1, text, quotes, problems)
                _close(stack, top_double, a + 3, text, quotes, problems)
                skip_to[0] = a + 3
                continue
            if top_double is not None and not (prev_space and not next_space):
                _close(stack, top_double, m.end(), text, quotes, problems)
            elif prev_space and not next_space or top_double is None and not next_space:
                stack.append(("double", a))
            elif top_double is not None:
                _close(stack, top_double, m.end(), text, quotes, problems)
            else:
                msg = f"unbalanced quote mark at offset {a}"
                problems.append((a, m.end(), msg))
            continue
        if ch in _OPEN_DOUBLE or ch == "‘‘":
            stack.append(("double", a))
            continue
        if ch in _CLOSE_DOUBLE or ch == "’’":
            top_double = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == "double"), None)
            if top_double is None:
                if prev_space and not next_space:  # a right quote typed as an opening one
                    stack.append(("double", a))
                else:
                    problems.append((a, a + 1, f"unbalanced quote mark at offset {a}"))
            else:
                _close(stack, top_double, m.end(), text, quotes, problems)
            continue
        # Single marks: apostrophes unless the context makes them quotes.
        if _is_word(prev) and _is_word(nxt):
            continue  # don’t, Kyiv’s, O'Brien
        top_single = len(stack) - 1 if stack and stack[-1][0] == "single" else None
        if ch in _OPEN_SINGLE or (ch == "'" and prev_space and not next_space):
            if prev_space and not next_space and not nxt.isdigit():
                stack.append(("single", a))
            continue
        if ch in _CLOSE_SINGLE or ch == "'":
            if top_single is not None and not prev.isspace() and not next_space is False:
                _close(stack, top_single, a + 1, text, quotes, problems)
            elif top_single is not None and (next_space or not _is_word(nxt)):
                _close(stack, top_single, a + 1, text, quotes, problems)
            # else: a trailing apostrophe (the diplomats’ findings, ’90s)
    while pi < len(para_ends):
        if stack:
            stack, skip_to[0] = _close_at_paragraph(text, para_ends[pi], stack, quotes, problems, skip_to[0])
        pi += 1
    quotes.sort(key=lambda q: (q.start, -q.end))
    _set_depths(quotes)
    return quotes, problems


def _set_depths(quotes: list[_Quote]) -> None:
    """Each quote's nesting depth from containment (quotes sorted by start, properly nested by
    construction)."""
    open_ends: list[int] = []
    for q in quotes:
        while open_ends and open_ends[-1] <= q.start:
            open_ends.pop()
        q.depth = len(open_ends)
        open_ends.append(q.end)


def _close_at_paragraph(text: str, pend: int, stack: list, quotes: list, problems: list,
                        skip_to: int) -> tuple[list, int]:
    """The quote marks still open at a paragraph end: continue or close as unbalanced.

    Returns the marks that stay open and the offset up to which marks are skipped (the
    reopening mark of a quotation continued in the next paragraph).
    """
    n = len(text)
    # A single line break inside an open quotation is often a hard wrap (UN speeches):
    # keep it open when its closing mark comes before the next blank line.
    if any(kind == "double" for kind, _ in stack):
        # Looked for within a bounded reach, so that many open lines cost linear time.
        reach = min(n, pend + HARD_WRAP_REACH)
        blank = _BLANK.search(text, pend, reach)
        limit = blank.start() if blank else reach
        if not (blank and blank.start() == pend):
            nxt_mark = _DOUBLE_MARK.search(text, pend + 1, limit)
            if nxt_mark is not None:
                ch = nxt_mark.group()
                pos = nxt_mark.start()
                closing = ch in _CLOSE_DOUBLE or ch == "’’" or (
                    ch in ('"', "''") and pos > 0 and not text[pos - 1].isspace())
                line_start = text[text.rfind("\n", 0, pos) + 1:pos].strip() == ""
                if closing or (line_start and text.rfind("\n", 0, pos) > pend):
                    # Closed further on, or reopened at a later paragraph start (decided
                    # there): this line break is a hard wrap.
                    return stack, skip_to
    j = pend
    while j < n and text[j].isspace():
        j += 1
    nxt = text[j] if j < n else ""
    nxt2 = text[j:j + 2]
    keep: list[tuple[str, int]] = []
    for kind, off in stack:
        reopen = kind == "double" and nxt != "" and (nxt in _OPEN_DOUBLE or nxt == '"' or nxt2 == "''")
        if reopen and not keep and kind == "double":
            keep.append((kind, off))
            continue
        if kind == "double":
            end = pend
            while end > off + 1 and text[end - 1].isspace():
                end -= 1
            msg = f"unbalanced quote mark at offset {off}"
            quotes.append(_Quote(off, end, kind, 0, problem=msg))
            problems.append((off, off + 1, msg))
        # An unclosed single mark at a paragraph end was an apostrophe-like use: drop it.
    if keep:
        skip_to = j + (2 if nxt2 == "''" else 1)
    return keep, skip_to


def _close(stack, idx, end, text, quotes, problems) -> None:
    # Marks opened after the one being closed were never closed: single ones were apostrophes.
    for kind, off in stack[idx + 1:]:
        if kind == "double":
            problems.append((off, off + 1, f"unbalanced quote mark at offset {off}"))
    kind, off = stack[idx]
    del stack[idx:]
    if end - off > 2:
        quotes.append(_Quote(off, end, kind, 0))


# --------------------------------------------------------------------------- noun phrases

def _cap(tok: str) -> bool:
    return tok[:1].isupper()


def _alpha(tok: str) -> bool:
    return tok[:1].isalpha()


def _np_word(d: _Doc, k: int) -> bool:
    low = d.low[k]
    if low in _NP_WORDS or low in ("'s", "’s", "%") or low[:1].isdigit():
        return True
    if _cap(d.tok[k]) and (low not in _BOUNDARY_CAPS or (low in _NAME_MONTHS and _surname_aux(d, k, 0))):
        return True  # "Theresa May", "Robert March": a month after a given name is a surname
    return False


_NAME_MONTHS = frozenset("may march june april august".split())


def _unknown_noun(d: _Doc, k: int) -> bool:
    # A lower-case content word the lists do not know ("protocol", "organizers").
    low = d.low[k]
    # Hyphenated nouns count ("front-runner", "co-founder"); not a hyphen alone.
    return (low.replace("-", "").isalpha() and low[:1].isalpha() and low[-1:].isalpha() and len(low) > 2 and low not in _AUX and low not in _BOUNDARY_CAPS
            and low not in PRONOUNS and (not low.endswith("ly") or low in _LY_NOUNS) and not low.endswith("ed")
            and (not low.endswith("ing") or _ing_noun(d, k)) and k not in d.cues and low not in _STOPLIKE)


_ING_DETERMINERS = frozenset("the a an this that its his her their our".split())


def _ing_noun(d: _Doc, k: int) -> bool:
    # "the ruling said", "said the ruling.", "its filing has": an -ing word right after a
    # determiner heads a noun phrase when a verb group or punctuation follows it (not "a
    # meandering stream", "a building saying", "the long-standing dispute").
    if k == 0 or d.low[k - 1] not in _ING_DETERMINERS or d.sent[k - 1] != d.sent[k] or not d.tok[k].isalpha() \
            or not d.tok[k].islower():
        return False
    n = k + 1
    if n >= len(d.low) or d.sent[n] != d.sent[k] or not d.tok[n].isalpha():
        return True
    return d.low[n] in _AUX or (n in d.cues and not d.low[n].endswith("ing"))


_STOPLIKE = frozenset("""
that than what whom whose where when why how there here not nor but and or if so as such very
too more less much many into onto upon about above below under over between through during
against among within without also just only even still yet ever
""".split())


def _short_cap(d: _Doc, k: int) -> bool:
    return k >= 0 and _cap(d.tok[k]) and len(d.tok[k]) <= 4 and d.tok[k].replace("-", "").isalpha()


_SETTING_START = frozenset("at during after before while when".split())


def _clause_appositive(d: _Doc, k: int) -> bool:
    """Whether token ``k`` opens a relative, participial or setting phrase (not a noun one)."""
    low = d.low[k]
    return low in _SETTING_START or (d.tok[k].islower() and len(low) > 4 and low.endswith("ing")
                                     and low != "including")


def _time_before(d: _Doc, j: int, lo: int) -> int:
    """Start of a time adverbial ending right before token ``j`` ("now", "this month",
    "just last week", "on Tuesday"), else ``j``: the reporter's, not part of the subject before it."""
    k = j
    if k - 1 >= lo and d.low[k - 1] in _TIME_ADVERBS:
        k -= 1
    elif k - 2 >= lo and d.low[k - 1] in _TIME_NOUNS and d.low[k - 2] in ("this", "last", "next", "earlier"):
        k -= 2
    elif k - 3 >= lo and d.low[k - 1] in _WEEKDAYS and d.low[k - 2] == "on" and d.tok[k - 3] != ",":
        k -= 2  # "Ryan on Tuesday called": a day between subject and verb, as news writes it
    else:
        return j
    if k - 1 >= lo and d.low[k - 1] in ("just", "only", "also"):
        k -= 1
    if k - 1 >= lo and d.tok[k - 1].islower() and d.low[k - 1].endswith("ed"):
        return j  # "a report released last year found": the time belongs to the participle
    return k


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTHS = frozenset("january february march april may june july august september october november "
                    "december".split())
_RELEASED = frozenset("released published conducted taken out".split())


def _evidence_time(d: _Doc, j: int, lo: int) -> int | None:
    """Start of the time phrase closing a poll's or study's noun phrase before token ``j`` ("A
    Bloomberg poll in June", "a poll released Friday", "a survey conducted in late May"), which
    PolNeAR keeps in the source, else ``None``."""
    k = j - 1
    if k - 1 < lo or not (d.low[k] in _MONTHS or d.low[k] in _TIME_NOUNS):
        return None
    k -= 1
    if d.low[k] in ("late", "early", "mid") and k - 1 >= lo and d.low[k - 1] in ("in", "on"):
        k -= 1  # "a poll released in late August"
    if d.low[k] in ("in", "on", "last", "this") and k - 1 >= lo:
        k -= 1
    if d.low[k] in _RELEASED and k - 1 >= lo:
        k -= 1
    return k + 1 if d.low[k] in _EVIDENCE_NOUNS else None


def _time_after(d: _Doc, k: int, hi: int) -> int:
    """End of a time adverbial starting at token ``k`` ("on Tuesday", "yesterday", "last week",
    "earlier this month"), else ``k``: the reporter's, between a cue and its clause."""
    end = _time_end(d, k, hi)
    return k if time_possessive(d, k, hi) else end


def _time_end(d: _Doc, k: int, hi: int) -> int:
    """End of the time adverbial at ``k`` (see :func:`_time_after`), else ``k``: "on Tuesday",
    "late on Friday", "Thursday", "Monday night", "in March", "overnight", "earlier this month";
    not a weekday or "overnight" that modifies the noun after it ("said Friday prayers would
    ...", "said overnight shelling had ...").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("He said late on Friday the boats had gone.").d
        >>> d.tok[_time_end(d, 2, len(d.low))]
        'the'
    """
    t = k
    if t + 1 < hi and d.low[t] in ("earlier", "later", "late", "early") and d.low[t + 1] in ("this", "last", "on"):
        t += 1
    elif t + 1 < hi and d.low[t] in ("late", "early") and d.low[t + 1] in _WEEKDAYS:
        t += 1   # "said late Friday the ..."
    if t + 2 < hi and d.low[t] == "overnight" and d.tok[t + 1].isalpha() and d.tok[t + 1].islower() \
            and d.low[t + 1] not in _DETERMINERS and d.low[t + 1] not in PRONOUNS and d.low[t + 1] != "that" \
            and (d.low[t + 2] in _AUX or d.low[t + 2] in _IRREGULAR_PAST):
        return k   # "said overnight shelling had ...": the noun's modifier, the clause's subject
    if t < hi and (d.low[t] in _TIME_ADVERBS or d.low[t] == "overnight"):
        return t + 1
    if t < hi and d.low[t] in _WEEKDAYS and _cap(d.tok[t]) and not (t + 1 < hi and d.low[t + 1] in _DAY_NOUNS):
        return t + 1 + (t + 1 < hi and d.low[t + 1] in _DAY_PARTS)   # "said Thursday", "Monday night"
    if t + 1 < hi and d.low[t] in ("on", "this", "last", "next") and d.low[t + 1] in _TIME_NOUNS:
        return t + 2 + (t + 2 < hi and d.low[t + 1] in _WEEKDAYS and d.low[t + 2] in _DAY_PARTS)
    if t + 1 < hi and d.low[t] == "in" and d.low[t + 1] in _MONTHS and _cap(d.tok[t + 1]):
        return t + 2   # "said in March"
    return k


_DAY_PARTS = frozenset("morning afternoon evening night".split())
# nouns a bare weekday modifies ("said Friday prayers would be held outdoors"): no time adverbial
_DAY_NOUNS = frozenset("prayer prayers sermon sermons mass service services edition editions".split())


def time_possessive(d: _Doc, k: int, hi: int) -> bool:
    """Whether a time phrase at ``k`` owns the noun after it ("this morning's attack",
    "yesterday's vote"): a determiner of a subject, not an adverbial.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("He said this morning's attack was a provocation.").d
        >>> time_possessive(d, 2, len(d.low)), time_possessive(d, 0, len(d.low))
        (True, False)
    """
    end = _time_end(d, k, hi)
    return k < end < hi and d.low[end] in ("'s", "’s")


def _possessed(d: _Doc, k: int, j: int, lo: int) -> bool:
    """Whether token ``k``, the last before ``j``, is a lower-case head after an owner's "'s"
    ("family" in "Scott's family")."""
    return k == j - 1 and k - 2 >= lo and d.low[k - 1] in ("'s", "’s") and d.tok[k].isalpha() \
        and d.tok[k].islower() and _alpha(d.tok[k - 2])


# Participles of a poll after the noun they modify ("those surveyed", "voters polled").
_POLLED = frozenset("surveyed polled interviewed questioned sampled".split())

# Heads of a quantity whose "of" phrase names who it counts ("52 percent of voters", "one or
# more of its members").
_QUANTITY_HEADS = frozenset("percent majority minority most many some all none half more few "
                            "one two three dozens hundreds thousands millions number".split())
_WHOM_QUANTIFIERS = frozenset("many most some all none few several each both half one two three".split())


def _quantified_pronoun(d: _Doc, k: int, lo: int) -> int:
    """Start of the pronoun at ``k`` with its quantifier ("Many of you say", "some of us"), or ``k``."""
    if d.low[k] in ("you", "us") and k - 2 >= lo and d.low[k - 1] == "of" and d.low[k - 2] in _WHOM_QUANTIFIERS:
        return k - 2
    return k


def np_left(d: _Doc, j: int, lo: int) -> tuple[int, int] | None:
    """Token span of the noun phrase that ends right before token ``j`` (not before ``lo``),
    or ``None``.

    Args:
        d: the document's token arrays.
        j: the token after the phrase (a cue, a comma).
        lo: the first token the phrase may start at (the sentence's start).

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Foreign Minister Ana Lopes said on Monday that talks had failed.").d
        >>> a, b = np_left(d, d.low.index("said"), 0)
        >>> d.tok[a:b]
        ['Foreign', 'Minister', 'Ana', 'Lopes']
    """
    j = _time_before(d, j, lo)
    k = j - 1
    if k < lo:
        return None
    low = d.low[k]
    if low in PRONOUNS:
        return (_quantified_pronoun(d, k, lo), j)
    if low in _POLLED and k - 1 >= lo and d.tok[k].islower():
        # "those surveyed say", "Americans polled said": the poll's respondents speak
        if d.low[k - 1] in ("those", "these"):
            return (k - 1, j)
        inner = np_left(d, k, lo) if d.low[k - 1] not in _DETERMINERS else None
        return (inner[0], j) if inner is not None else None
    if low == "whom" and k - 2 >= lo and d.low[k - 1] == "of" and d.low[k - 2] in _WHOM_QUANTIFIERS:
        return (k - 2, j)  # "families, many of whom say": the relative's quantified pronoun
    if d.tok[k] == ")" or (d.tok[k] == "." and k - 1 >= lo and _short_cap(d, k - 1)):
        pass
    elif not (_np_word(d, k) or _unknown_noun(d, k) or _possessed(d, k, j, lo)) or low in _DETERMINERS:
        return None
    unknown = 0
    while k >= lo and j - k <= NP_MAX_TOKENS + 6:
        low = d.low[k]
        if low in _SUBORDINATORS:
            break  # "aid will stop unless Kyiv requests": the subject starts after "unless"
        if _possessed(d, k, j, lo) or (_alpha(d.tok[k]) and k + 1 < j and d.low[k + 1] in ("'s", "’s")):
            k -= 1  # "Scott's family", "the ad's narrator": owner and head are one phrase
            continue
        if d.tok[k] == ")" and k == j - 1 or d.tok[k] == ")" and k + 1 < j and _cap(d.tok[k + 1]) is False:
            # "Governor Mary Fallin (R-OK) said": a short parenthesis inside the name.
            opening = next((t for t in range(k - 1, max(lo, k - 7) - 1, -1) if d.tok[t] == "("), None)
            if opening is None or opening - 1 < lo or not _cap(d.tok[opening - 1]):
                break
            k = opening - 1
            continue
        if _np_word(d, k) or (d.tok[k] == "." and k - 1 >= lo and _short_cap(d, k - 1)):
            k -= 1
            continue
        if d.tok[k] in ("/", "’", "'") and k - 1 >= lo and k + 1 < j and _alpha(d.tok[k - 1]) \
                and (d.tok[k] == "/" or d.low[k - 1].endswith("s")):
            k -= 1  # "Reuters/Ipsos poll", "Sanders’ aides"
            continue
        if low.endswith("ed") and d.tok[k].islower() and k - 1 >= lo and k + 1 < j \
                and (d.low[k - 1] in _DETERMINERS or d.low[k - 1] == "of"):
            k -= 1  # "of registered voters", "the elected officials": an adjective in the phrase
            continue
        if low in ("of", "by") and k - 1 >= lo and k + 1 < j and d.tok[k + 1] not in _CLAUSE_PUNCT \
                and ((low == "of" and (d.low[k - 1] in _QUANTITY_HEADS or d.low[k - 1][:1].isdigit()
                                       or d.low[k - 1] in _EVIDENCE_NOUNS))
                     or (low == "by" and d.low[k - 1] in _EVIDENCE_NOUNS)):
            k -= 1  # "52 percent of registered voters", "a 2014 study by Harvard": one phrase
            continue
        agent_of = _evidence_agent(d, k, lo) if low == "by" and k + 1 < j and d.tok[k + 1] not in _CLAUSE_PUNCT else None
        if agent_of is not None:
            k = agent_of  # "Records obtained by the Ledger", "A poll released Monday by X"
            continue
        if low in ("of", "for", "at", "and", "&", "in") and k - 1 >= lo and k + 1 < j \
                and (_np_word(d, k - 1) or _unknown_noun(d, k - 1)) \
                and (_cap(d.tok[k + 1]) or d.low[k + 1] in _NP_WORDS or (low == "and" and _unknown_noun(d, k + 1))):
            # "X and Y", "voters in Iowa": only between known source words or names, since an
            # unknown word on the left is as likely a verb ("He spoke and officials said").
            if low == "and" and _clause_initial_conjunct(d, k, lo):
                k -= 1  # "The former first lady and U.S. senator said": one subject
                continue
            if low in ("and", "in") and not (_np_word(d, k - 1) and d.low[k - 1] not in _DETERMINERS):
                break
            if low == "and" and not (_cap(d.tok[k - 1]) or _cap(d.tok[k + 1])
                                     or (d.low[k - 1] in _NP_WORDS and d.low[k + 1] in _NP_WORDS)):
                break  # "experts and some lawmakers say", "the campaign and the party": known nouns
            k -= 1
            continue
        if unknown < 3 and _unknown_noun(d, k):
            unknown += 1
            k -= 1
            continue
        break
    a = k + 1
    while a < j and d.low[a] in ("of", "for", "at", "and", "&", "in", "'s", "’s"):
        a += 1
    if a < j and a - 2 >= lo and d.tok[a - 1] == "," and _cap(d.tok[a]) \
            and any(d.low[t] == "and" for t in range(a + 1, j)):
        a = _list_start(d, a, lo)
    elif a < j and a - 2 >= lo and d.tok[a - 1] == "," and any(d.low[t] == "and" for t in range(a + 1, j)):
        a = _plain_list_start(d, a, lo)
    return (a, j) if a < j else None


def _clause_initial_conjunct(d: _Doc, conj: int, lo: int) -> bool:
    """Whether the words before "and" at ``conj`` are a noun phrase that opens the clause with
    a determiner ("The former first lady and U.S. senator said", "The mayor and police chief
    said"), so that an unknown word before "and" is a noun, not a verb ("He spoke and ...")."""
    if not _unknown_noun(d, conj - 1) or d.low[conj - 1] in _IRREGULAR_PAST:
        return False
    p = conj - 1
    while p > lo and conj - p <= 6 and d.low[p - 1] not in _DETERMINERS \
            and (_unknown_noun(d, p - 1) or _np_word(d, p - 1) or d.low[p - 1] == "of"):
        p -= 1
    if p - 1 >= lo and d.low[p - 1] in ("the", "a", "an"):
        return p - 1 == lo or d.tok[p - 2] in _CLAUSE_PUNCT
    # "The family, protesters and civic leaders": an item of a list after a comma
    return conj - p <= 2 and p - 1 > lo and d.tok[p - 1] == "," and d.low[conj - 1].endswith("s")


def _plain_list_start(d: _Doc, a: int, lo: int) -> int:
    """Start of a list of common nouns that opens the clause ("The family, protesters and civic
    leaders", "Ministers, diplomats and generals"); ``a`` when the list does not reach the
    clause's start ("After the meeting, officials and diplomats said": a setting first)."""
    start = a
    while start - 2 >= lo and d.tok[start - 1] == ",":
        item = np_left(d, start - 1, lo)
        if item is None or item[1] != start - 1 or item[1] - item[0] > 4 \
                or any(d.tok[t] == "," for t in range(*item)):
            return a
        start = item[0]
    return start if start == lo or d.tok[start - 1] in _CLAUSE_PUNCT - {","} else a


def _list_start(d: _Doc, a: int, lo: int) -> int:
    """Start of a list of names before "X and Y" at ``a`` ("the United States, Britain and
    France", "Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and ..."): each item a short
    phrase with a capital, after a comma."""
    starts = [a]
    while a - 2 >= lo and d.tok[a - 1] == ",":
        item = np_left(d, a - 1, lo)
        if item is None or item[1] != a - 1 or item[1] - item[0] > 5 or not _cap(d.tok[item[1] - 1]) \
                and d.tok[item[1] - 1] != ")" or any(d.tok[t] == "," for t in range(*item)):
            break
        a = item[0]
        starts.append(a)
    if a - 1 >= lo and d.low[a - 1] in _ATTACHING:
        return starts[-2]  # "In Paris, France and Germany said": the first item is a setting
    return a


def np_right(d: _Doc, i: int, hi: int, *, long: bool = False) -> tuple[int, int] | None:
    """Token span of the noun phrase starting at token ``i`` (before ``hi``), or ``None``.

    ``long`` (for "according to X") runs to the next clause punctuation.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("“We will respond,” said Ana Lopes, the foreign minister.").d
        >>> a, b = np_right(d, d.low.index("said") + 1, len(d.tok))
        >>> d.tok[a:b]
        ['Ana', 'Lopes']
    """
    if i >= hi:
        return None
    if d.low[i] in PRONOUNS and d.low[i] not in ("who", "which"):
        return (i, i + 1)
    k = i
    unknown = 0
    limit = 16 if long else NP_MAX_TOKENS
    while k < hi and k - i < limit:
        tok, low = d.tok[k], d.low[k]
        if tok in ("’", "'") and k > i and d.low[k - 1].endswith("s") and d.end[k - 1] == d.start[k] \
                and k + 1 < hi and d.tok[k + 1].islower() and (_np_word(d, k + 1) or _unknown_noun(d, k + 1)):
            k += 1  # "head of the growers' union": a plural possessive inside the phrase
            continue
        if tok in _CLAUSE_PUNCT or tok in _SENT_FINAL or d.tok[k] in "“”\"‘’''":
            break
        if k in d.cues and k > i and not (long and _source_noun_or_participle(d, k, hi)):
            break
        if long and tok == "/" and k > i and k + 1 < hi and _np_word(d, k + 1):
            k += 1  # "a New York Times/CBS News survey": one source
            continue
        if _np_word(d, k):
            k += 1
            continue
        if low in ("of", "for", "at", "and", "&", "in", "with", "from", "on") and k > i \
                and k + 1 < hi and (_np_word(d, k + 1) or long):
            k += 1
            continue
        if (long or unknown < 2) and (_unknown_noun(d, k) or (long and _alpha(tok))):
            unknown += 1
            k += 1
            continue
        break
    while k > i and d.low[k - 1] in ("of", "for", "at", "and", "&", "in", "with", "from", "on"):
        k -= 1
    return (i, k) if k > i else None


def _source_noun_or_participle(d: _Doc, k: int, hi: int) -> bool:
    """Whether the cue word at ``k`` inside "according to X" belongs to X: a noun that ends
    the phrase ("according to a White House pool report,") or a participle with its agent
    ("preliminary exit polling reported by CNN")."""
    low = d.low[k]
    if low.endswith("ed"):
        return k + 1 < hi and d.low[k + 1] == "by"
    return not low.endswith("ing") and (k + 1 >= hi or d.tok[k + 1] in _CLAUSE_PUNCT or d.tok[k + 1] in _SENT_FINAL)


def _skip_aux_right(d: _Doc, k: int, hi: int) -> int:
    """Move right from token ``k`` over auxiliaries and adverbs; the first other token."""
    while k < hi - 1 and d.low[k] in _AUX:
        k += 1
    return k


def _skip_aux_left(d: _Doc, j: int, lo: int) -> int:
    """Move left from token ``j`` over auxiliaries and adverbs ("has also", "further"), and
    over an aspect verb before a gerund ("keeps saying", "has started telling")."""
    k, aspect = j, d.low[j].endswith("ing")
    while k - 1 >= lo:
        low = d.low[k - 1]
        if low in _AUX and _surname_aux(d, k - 1, lo):
            break  # "Theresa May said": a surname after a given name, not the modal
        if low in _AUX or (low == "first" and k == j and _first_past(d, k)) or (low.endswith("ly") and len(low) > 4 and not _cap(d.tok[k - 1])
                           and not _ly_noun(d, k - 1, lo)):
            k -= 1
        elif aspect and low in _ASPECT_VERBS:
            k, aspect = k - 1, False
        else:
            break
    return k


def _surname_aux(d: _Doc, k: int, lo: int) -> bool:
    """Whether the capitalised auxiliary at ``k`` ("May", "Will") is a name: it follows a
    capitalised word of the same sentence, as a surname follows a given name ("Alan May said").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Foreign Secretary Alan May said so.").d
        >>> _surname_aux(d, 3, 0), _surname_aux(_state_of("It may rain.").d, 1, 0)
        (True, False)
    """
    return (k - 1 >= lo and d.tok[k][:1].isupper() and d.tok[k][1:].islower() and d.sent[k - 1] == d.sent[k]
            and d.tok[k - 1][:1].isupper() and d.tok[k - 1].isalpha() and d.low[k - 1] not in _AUX
            and d.low[k - 1] not in _BOUNDARY_CAPS)


# Verbs of aspect (and catenatives) whose gerund carries the event: "I keep saying", "they
# started telling", "Trump avoids condemning": the verb group is one cue, its subject the source.
_ASPECT_VERBS = frozenset("keep keeps kept keeping continue continues continued start starts started "
                          "begin begins began avoid avoids avoided stop stops stopped resist resists resisted "
                          "quit quits".split())


_LY_NOUNS = frozenset("family assembly ally rally supply monopoly".split())


def _ly_noun(d: _Doc, k: int, lo: int) -> bool:
    # "Scott's family said", "the assembly voted": a noun in -ly, not an adverb.
    return d.low[k] in _LY_NOUNS or (k - 1 >= lo and d.low[k - 1] in _DETERMINERS | {"'s", "’s"})


# --------------------------------------------------------------------------- cues

# Headline verbs whose object is often a speech noun ("Faces Calls", "Dodges Questions"), and
# adjectives before one ("New Demands", "Growing Calls").
_HEADLINE_OBJECT_VERBS = frozenset("face draw spark prompt field ignore renew issue answer dodge rebuff "
                                   "heed resist hear welcome trigger raise make get".split())
_HEADLINE_MODIFIERS = _NOUN_BLOCKERS | frozenset("fresh growing mounting renewed more new".split())


def _is_verb_use(d: _Doc, i: int) -> bool:
    # "the warning", "his claims", "a stern warning": noun readings of reporting verbs.
    if i > 0 and d.low[i - 1] in _NOUN_BLOCKERS and d.sent[i - 1] == d.sent[i] \
            and not _contracted_aux(d, i - 1) and not _first_past(d, i) \
            and not (i > 1 and _floating_quantifier(d, i - 1, d.sent_start[d.sent[i]])):
        return False
    # "press conference", "call centre": the first word of a compound noun.
    if i + 1 < len(d.low) and d.low[i + 1] in _COMPOUND_HEADS:
        return False
    # "a 12-page report", "a 52-count complaint", "the two-year review": a measure modifies a noun.
    # Its unit is singular; a plural one is a noun phrase of its own, the subject ("Two-thirds
    # said ...", "two-thirds of voters said": rule cue.fraction_subject).
    if i > 0 and d.sent[i - 1] == d.sent[i] and _MEASURE.match(d.low[i - 1]) and not d.low[i - 1].endswith("s"):
        return False
    low = d.low[i]
    if low.endswith("ment") or low.endswith("tion"):
        return False
    # "Junot Diaz Stressed The Importance ...": Title Case headlines are not reliable clauses.
    if _cap(d.tok[i]) and i > 0 and d.sent[i - 1] == d.sent[i] and d.tok[i - 1] not in "“\"‘''(" \
            and not (low.endswith("s") and d.lemma[i] in _HEADLINE_VERBS):
        return False
    # "Biden Faces Calls To Quit", "Senator Fields Questions", "Fresh Demands": the headline's
    # verb or adjective comes first, and the speech word after it is its object, a noun.
    if _cap(d.tok[i]) and i > 0 and d.sent[i - 1] == d.sent[i] and _cap(d.tok[i - 1]) \
            and (d.low[i - 1] in _HEADLINE_MODIFIERS
                 or (d.low[i - 1].endswith("s")
                     and d.lemma[i - 1] in _HEADLINE_VERBS | _HEADLINE_OBJECT_VERBS)):
        return False
    return True


_MEASURE = re.compile(r"^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"fifteen|twenty|thirty|forty|fifty|hundred)-[a-z]+$")


def _first_past(d: _Doc, i: int) -> bool:
    """Whether "first" before the past tense at ``i`` is an adverb ("the Courier, which first
    reported the deal", "Oslin first said"), not an ordinal in a noun phrase ("the first reported case")."""
    return (d.low[i - 1] == "first" and (d.low[i].endswith("ed") or d.low[i] in _IRREGULAR_PAST)
            and not (i > 1 and (d.low[i - 2] in _DETERMINERS or d.low[i - 2] in _POSSESSIVES)))


_PERSON_CONTRACTIONS = frozenset("he she who".split())
_IMPERSONAL_CONTRACTIONS = frozenset("it that what there here".split())


def _contracted_aux(d: _Doc, k: int) -> bool:
    """Whether the "’s" at ``k`` is "is"/"has" before the verb at ``k + 1`` ("He’s claiming",
    "she's said", "It’s denouncing"), not a possessive: a pronoun has no possessive "’s". After
    "it"/"that" only a progressive counts: "it’s called X" names a thing, nobody speaks."""
    if d.low[k] not in ("’s", "'s") or k == 0:
        return False
    prev = d.low[k - 1]
    return prev in _PERSON_CONTRACTIONS or (prev in _IMPERSONAL_CONTRACTIONS and d.low[k + 1].endswith("ing"))


_NOUNY_ING = frozenset("understand think learn find know feel".split())


def _subject_before(d: _Doc, i: int, *, noun_subject: bool = False) -> bool:
    """Whether a subject-like word comes right before the verb group at ``i``.

    Wish and position verbs are mostly nouns or complements elsewhere ("draw support",
    "percent support", "plan to support"): they count only after a pronoun, a name, a known
    source noun or an appositive's comma; with ``noun_subject`` (decisions: "The panel decided
    against ...") also after a clause-initial singular noun phrase ("The panel"), which for
    wishes and positions is as often a thing ("The plan seeks to", "The bill supports").
    """
    s0 = d.sent_start[d.sent[i]]
    k = _skip_aux_left(d, i, s0) - 1
    if k < s0:
        return False
    if _evidence_time(d, k + 1, s0) is not None:
        return True  # "A Bloomberg poll in June shows"
    low = d.low[k]
    if low in PRONOUNS or low in ("that", ",", ")", "’s", "'s", "whom") or low[:1].isdigit():
        return True  # "groups that support", "Beck, who supported", "she has sought"
    if low in _EVIDENCE_NOUNS or _evidence_of(d, k, s0):
        return True  # "Polling averages show", "Video of the incident shows"
    if noun_subject and k - 1 >= s0 and d.low[k - 1] in ("the", "a", "an") and (k - 1 == s0 or d.tok[k - 2] in (",", ";")) \
            and _unknown_noun(d, k) and not low.endswith("s"):
        return True  # "The panel decided against ...": a clause-initial singular noun phrase
    return (_cap(d.tok[k]) and low not in _BOUNDARY_CAPS) or (low in _NP_WORDS and low not in _DETERMINERS)


_EVIDENCE_PARTICIPLES = frozenset("""obtained released compiled reviewed published collected filed gathered seen
provided leaked analyzed analysed prepared commissioned produced""".split())


def _evidence_agent(d: _Doc, by: int, lo: int) -> int | None:
    """The evidence noun whose participle "by" at ``by`` follows ("records obtained by", "a
    poll released Monday by"), else ``None``.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("A poll released Monday by Kessler Research shows a tie.").d
        >>> d.low[_evidence_agent(d, d.low.index("by"), 0)]
        'poll'
    """
    k = by - 1
    if k >= lo and (d.low[k] in _WEEKDAYS_AND_NOW or d.low[k] in _MONTHS):
        k -= 1
    if k - 1 >= lo and d.low[k] in _EVIDENCE_PARTICIPLES | _RELEASED and d.low[k - 1] in _EVIDENCE_NOUNS:
        return k - 1
    return None


def _evidence_of(d: _Doc, k: int, s0: int) -> bool:
    """Whether the words ending at ``k`` are the "of" or "from" phrase of an evidence noun
    ("video of the incident", "data from the county clerk") or its agent after a participle
    ("records obtained by the Ledger"), within five words and no punctuation."""
    for t in range(k, max(s0, k - 5), -1):
        if d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL:
            return False
        if d.low[t] in ("of", "from"):
            return t - 1 >= s0 and d.low[t - 1] in _EVIDENCE_NOUNS
        if d.low[t] == "by" and t - 2 >= s0 and d.low[t - 1] in _EVIDENCE_PARTICIPLES:
            return d.low[t - 2] in _EVIDENCE_NOUNS
    return False


def _matrix_start(d: _Doc, to: int, lo: int) -> int:
    """Start of the verb group governing an infinitive cue ("went on | to say", "are quick |
    to point out", "refused | to acknowledge"): up to three lower-case words and auxiliaries
    before ``to``; ``to`` itself when there is none."""
    k, words = to, 0
    while k - 1 >= lo and to - k < 6:
        low, tok = d.low[k - 1], d.tok[k - 1]
        if low in _AUX or (low.endswith("ly") and len(low) > 4 and tok.islower()):
            k -= 1
            continue
        if tok.isalpha() and tok.islower() and words < 3 and low not in _DETERMINERS and low not in _STOPLIKE \
                and low not in _SUBORDINATORS and low not in _GLUE and low not in PRONOUNS and (k - 1) not in d.cues \
                and low not in _NP_WORDS and low not in _TIME_NOUNS:  # "other senators to", "months to"
            k -= 1
            words += 1
            continue
        break
    return k if words else to


def _infinitive_subject(d: _Doc, to: int, lo: int) -> tuple[int, int] | None:
    """"He went on to say", "Advisers are quick to point out", "Trump refused to acknowledge":
    the subject of the verb group that governs the infinitive cue (PolNeAR's source; its cue
    spans that verb group). Not "it" ("it is hard to say") or a subject of a noun ("the right to")."""
    k = _matrix_start(d, to, lo)
    if k == to:
        return None
    sp = np_left(d, k, lo)
    if sp is None or (sp[1] - sp[0] == 1 and d.low[sp[0]] in ("it", "who", "which", "that")):
        return None
    return sp


# Prepositions that introduce what an evaluative or directive verb reports: "warned of",
# "cautioned against", "complained about", "asked for". (With an object between, "accused
# Holt of", PolNeAR train marks the verb alone about as often: left as it is.)
_GOVERNED = frozenset("about against of for".split())
_WEEKDAYS_AND_NOW = _WEEKDAYS | {"today", "yesterday", "tonight"}


def _governed_preposition(d: _Doc, j: int, s1: int, lemma: str, cat: str) -> int:
    """End of the cue after its verb ending at ``j``: past a governed preposition, which PolNeAR
    marks as part of the cue ("warned of", "complained about"), else ``j``. Not for neutral
    verbs, whose "of"/"about" names a topic apart from the cue ("said of the senator")."""
    if j >= s1:
        return j
    # "called Friday for": a day between the verb and its preposition, as PolNeAR marks it
    k = j + 1 if d.low[j] in _WEEKDAYS_AND_NOW and j + 1 < s1 else j
    if lemma in ("called", "calling", "calls") and d.low[k] == "for":
        return k + 1  # "call for" with a time between: the lexicon's phrase, not the labelling "called"
    if lemma == "speak out" and d.low[k] in ("about", "against", "on"):
        return k + 1  # "spoke out (Tuesday) about": the phrasal verb and its preposition
    if cat == "neutral":
        return j
    if cat == "nonresponse" and d.low[k] == "to":
        return k + 1  # "did not respond to requests for comment"
    return k + 1 if d.low[k] in _GOVERNED else j


def _relative_that(d: _Doc, c: int, lo: int) -> bool:
    """Whether "that" at ``c`` opens a relative clause on the noun before it ("the project that
    encourages"), not a reported clause ("said that")."""
    p = c - 1
    return p >= lo and d.low[c] == "that" and p not in d.cues and d.low[p] not in _DETERMINERS \
        and (_np_word(d, p) or _unknown_noun(d, p))


def _in_relative(d: _Doc, c: int, lo: int) -> bool:
    """Whether token ``c`` (a cue or "that") is inside a relative clause of an appositive
    ("Kasich, a Republican who has refused to endorse Trump, said"; "Sorens, the founder of
    the project that encourages ..., said"): the description of the source, which keeps its
    cue words, not a new attribution."""
    if _relative_that(d, c, lo):
        return True
    for t in range(c - 1, max(lo, c - 10) - 1, -1):
        if d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL:
            return False
        if d.low[t] in ("who", "whose", "which") or _relative_that(d, t, lo):
            return True
    return False


def _statement_adjunct(d: _Doc, j: int, s1: int) -> int:
    """End of "in a (written) statement" right after a verb at ``j``, else ``j``.

    PolNeAR marks "said in a statement" as one cue more often than not (43 to 24 times in
    train); other adjuncts ("said on Monday", "in an interview") stay outside the cue.
    """
    if j + 2 < s1 and d.low[j] == "in" and d.low[j + 1] in ("a", "an"):
        k = j + 2
        if d.low[k] in ("written", "joint", "brief", "separate", "short", "prepared") and k + 1 < s1:
            k += 1
        if d.low[k] == "statement":
            return k + 1
    return j


# Nouns of stance that a light verb turns into an attribution ("expressed concern that",
# "voiced doubts about", "raised questions about"); PolNeAR marks the noun, and a preposition
# after it, as part of the cue. "voice" and "raise" are ``quotes_only`` entries of the lexicon:
# other steps do not read them as reporting verbs ("raised taxes").
_STANCE_NOUNS = frozenset("""concern concerns hope hopes confidence doubt doubts regret frustration misgivings
optimism skepticism scepticism disappointment reservations alarm outrage surprise worry worries fear fears
question questions support opposition anger dismay satisfaction gratitude objection objections
displeasure unease""".split())
_LIGHT_VERBS = frozenset(("express", "voice", "raise"))
_STANCE_PREPOSITIONS = frozenset("about over at regarding with for on".split())


def light_verb_object(d: _Doc, j: int, s1: int, lemma: str) -> int | None:
    """End of a light verb's stance noun, and of the preposition after it, when the cue
    ending at ``j`` is "express"/"voice"/"raise" with one ("expressed deep concern about"),
    else ``None``.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Allies expressed deep concern about the plan.").d
        >>> j = d.low.index("expressed") + 1
        >>> d.tok[light_verb_object(d, j, len(d.low), "express") - 1]
        'about'
    """
    if lemma not in _LIGHT_VERBS:
        return None
    for t in range(j, min(j + 3, s1)):
        if d.low[t] in _STANCE_NOUNS:
            return t + 2 if t + 1 < s1 and d.low[t + 1] in _STANCE_PREPOSITIONS else t + 1
        if not (d.tok[t].isalpha() and d.tok[t].islower()) or d.low[t] in _STANCE_PREPOSITIONS \
                or d.low[t] in PRONOUNS or d.low[t] in ("that", "whom"):
            return None  # "the extreme voices who fear compromise": a relative, not an object
    return None


_HIT_FIELDS = ("tok_start", "tok_end", "entry", "category", "syntax", "that_optional", "quotes_only")


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozen".split())


def _verb_in_context(d: _Doc, i: int, j: int, lemma: str) -> bool:
    """Whether the hit at tokens ``i``..``j`` is a verb given its neighbours; False for nouns
    and non-speech senses that the lemma alone cannot tell apart.

    Example: "In one tweet Friday" (a noun after a number), "the low demand for coal",
    "called into a radio show", "a stream called Miracle Run", "declined from 58 percent".
    """
    low, n = d.low[i], len(d.low)
    prev = d.low[i - 1] if i > 0 and d.sent[i - 1] == d.sent[i] else ""
    nxt = d.low[i + 1] if i + 1 < n and d.sent[i + 1] == d.sent[i] else ""
    if prev in _NUMBER_WORDS and low in (lemma, lemma + "s") and lemma not in ("say", "tell") \
            and not (i > 1 and d.low[i - 2] in ("the", "all", "these", "those", ",")):
        return False  # "In one tweet Friday", but "the two write", "Trump, 70, knows"
    if lemma.startswith("demand") and low in ("demand", "demands") and nxt == "for":
        return False
    if lemma == "brief" and (low == "briefing" or low == "brief" and not (
            prev in _AUX or prev == "to" or prev in PRONOUNS or prev.endswith("ly"))):
        return False  # "his brief campaign", "a news briefing"; "we'll happily brief" is the verb
    if lemma == "call" or low in ("called", "calling", "calls"):
        if nxt == "into" or (nxt == "in" and i + 2 < n and d.low[i + 2] == "to"):
            return False  # "called into a radio show": a phone call
        if low == "called" and i >= 2 and d.low[i - 2] in ("a", "an") and prev not in _NP_WORDS \
                and i + 1 < n and _cap(d.tok[i + 1]):
            return False  # "a stream called Miracle Run": a name
    if lemma == "decline":
        k = i + 1
        while k < n and d.low[k].endswith("ly"):
            k += 1
        if k < n and (d.low[k] in ("from", "by") or d.low[k][:1].isdigit()
                      or (d.low[k] == "to" and k + 1 < n and d.low[k + 1][:1].isdigit())):
            return False  # "declined slightly from 58 percent": a number falling
    return True


# Objects that give a verb its non-speech sense: one calls (convenes) a meeting, concludes
# (finalises) a treaty, and a disaster claims lives.
_CONVENED = frozenset("meeting meetings session sessions summit election elections vote referendum strike strikes "
                      "ceasefire truce halt conference hearing recess".split())
_CONVENED_MODIFIERS = frozenset("snap early new fresh emergency special general national".split())
_CONCLUDED = frozenset("treaty treaties agreement agreements deal deals accord accords talks visit tour "
                       "negotiations contract contracts pact".split())
# One assumes an office or a manner ("assumed his post", "assumed the office of treasurer",
# "assumed Trump's signature style"), not a belief.
_ASSUMED = frozenset("""post posts office role roles duties duty control power powers command responsibility
responsibilities presidency chairmanship leadership mantle position seat style tone name identity
debt debts burden lead""".split())
_OBJECT_SENSES = {"called": _CONVENED, "calling": _CONVENED, "calls": _CONVENED, "call": _CONVENED,
                  "conclude": _CONCLUDED, "claim": frozenset(("lives", "life")), "assume": _ASSUMED}


def _non_speech_object(d: _Doc, j: int, lemma: str) -> bool:
    """Whether the noun phrase right after a cue ending at ``j`` gives the verb a sense other
    than speech ("called an emergency meeting", "has concluded 27,000 bilateral treaties",
    "claiming the lives of civilians", "assumed his post"): its head, within six words and before any "that"."""
    heads = _OBJECT_SENSES.get(lemma)
    if heads is None or j >= len(d.low):
        return False
    if heads is _CONVENED and not (d.low[j] in ("a", "an") or d.low[j] in heads or d.low[j] in _CONVENED_MODIFIERS):
        return False  # "called her vote a mistake" labels; one convenes "a vote", "snap elections"
    for t in range(j, min(j + 6, len(d.low))):
        if d.low[t] in heads:
            return True
        if d.low[t] == "that" or d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL or d.sent[t] != d.sent[j - 1]:
            return False
    return False


# Adjectives of feeling or certainty with a "that" clause: "Many Democrats are afraid that ...".
_STANCE_ADJECTIVES = frozenset("""afraid incensed frustrated convinced confident adamant hopeful concerned
angry upset outraged disappointed skeptical optimistic aware""".split())
_COPULAS = _BE | frozenset("feel feels felt seem seems seemed remain remains remained appear appears appeared "
                           "grow grew grown become became".split())
_IMPERSONAL = frozenset("it there this that which what".split())


def copula_start(d: _Doc, i: int, lo: int) -> int | None:
    """Start of the verb group that predicates the stance adjective at ``i`` ("were also |
    incensed", "has felt | confident"): its copula and the auxiliaries before it, else ``None``.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("The minister felt confident that the deal would hold.").d
        >>> d.tok[copula_start(d, d.low.index("confident"), 0)]
        'felt'
    """
    if d.low[i] not in _STANCE_ADJECTIVES:
        return None
    k = i - 1
    while k >= lo and (d.low[k].endswith("ly") or d.low[k] in _DEGREE_WORDS):
        k -= 1
    if k < lo or d.low[k] not in _COPULAS:
        return None
    return _skip_aux_left(d, k, lo)


_DEGREE_WORDS = frozenset("also not n't n’t so very more less still now quite increasingly deeply".split())


def _adjective_of_stance(d: _Doc, i: int, j: int) -> bool:
    """Whether the adjective at ``i`` is predicated of a subject by a copula and takes a
    "that" clause ("were also incensed that", "felt confident that"), not of "it"."""
    if j >= len(d.low) or d.low[j] != "that":
        return False
    s0 = d.sent_start[d.sent[i]]
    k = copula_start(d, i, s0)
    return k is not None and k - 1 >= s0 and d.low[k - 1] not in _IMPERSONAL


def _reason_for(d: _Doc, j: int) -> bool:
    """Whether the object after a judgment verb ending at ``j`` is followed by its reason:
    "for" and a possessive, a gerund or "not" ("attacked Clinton for her support", "for
    not paying"), within the clause."""
    for t in range(j, min(j + 8, len(d.low) - 1)):
        if d.sent[t] != d.sent[j - 1] or d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL:
            return False
        if d.low[t] == "for" and t > j:
            nxt = d.low[t + 1]
            return nxt in _POSSESSIVES or nxt == "not" or (nxt.endswith("ing") and d.tok[t + 1].islower())
    return False


# "appeal" and "protest" report speech only in their frame of speech: "appealed (on Friday) for
# calm", "appealed to the allies to send ...", "protested to Beijing", "protested that ...",
# "protested the ruling for its ...". The noun ("broad appeal", "a spontaneous protest"), the
# appeal of a thing ("appeal to voters who ...") and a demonstration ("protested outside the
# hotel", "protesting against the trade pact") are none. "protest" with an object after a
# subject ("the miners protested the cuts") is kept.
_FRAMED_SPEECH = frozenset(("appeal", "protest"))
_APPEAL_STOPS = frozenset("who which that whose because".split())
# After "protest(ed)", a place, "against" or a time is a demonstration, not an object protested.
_PROTEST_NOT_OBJECT = frozenset("""outside in at against near on across along during over around
through before after throughout inside while as since until""".split())


def speech_frame(d: _Doc, i: int, j: int, lemma: str) -> bool:
    """Whether "appeal" or "protest" at tokens ``i``..``j`` stands in its frame of speech (see
    :data:`_FRAMED_SPEECH`), after a time adverbial if any: "appeal" after a subject and
    before "for", "that" or "to X to/for"; "protest" before "to", "that", a quotation, a reason after "for" or, after
    a subject, an object.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Tarsk appealed on Friday for calm. The plan has broad appeal in Orsk.").d
        >>> [speech_frame(d, k, k + 1, "appeal") for k, w in enumerate(d.low) if w.startswith("appeal")]
        [True, False]
    """
    n = len(d.low)
    k = _time_after(d, j, n)
    if k >= n or d.sent[k] != d.sent[i]:
        return False
    if lemma == "protest":
        if d.low[k] in ("to", "that") or d.tok[k] == ":" or bool(_MARK.fullmatch(d.tok[k])) or _reason_for(d, j):
            return True
        return d.low[k] not in _PROTEST_NOT_OBJECT and _alpha(d.tok[k]) and _subject_before(d, i)  # "protested the ruling"
    if not _subject_before(d, i):
        return False  # "holds particular appeal for", "a direct appeal to voters ... to": the noun
    if d.low[k] in ("for", "that"):
        return True
    if d.low[k] != "to":
        return False
    for t in range(k + 1, min(k + 10, n)):  # "appealed to the allies to send", "... for help"
        if d.tok[t] in ("—", "–", "--"):
            continue  # "appealing to—to the laboratory directors to ...": a spoken restart
        if d.sent[t] != d.sent[i] or d.tok[t] in _CLAUSE_PUNCT or d.low[t] in _APPEAL_STOPS:
            return False
        if d.low[t] in ("to", "for"):
            return True
    return False


_POSSESSIVES = frozenset("his her their its our my your".split())
# Verbs of judgment read as speech only with the reason after "for" ("faulted the agency for
# its response"). Those with a physical sense as well ("attacked the town", "hit the target")
# are ``quotes_only`` entries of the lexicon, kept in the same frame (:func:`_quotes_only_frame`).
_JUDGED_FOR = frozenset("fault berate scold assail excoriate congratulate".split())
# Verbs of characterisation and view, ``quotes_only`` entries kept only as "X portrayed Y as Z"
# (:func:`as_frame`): an actor "portrayed" a role, a ballot is "cast", a fence "painted".
_AS_VERBS = frozenset("portray depict characterize paint cast view regard".split())


def as_frame(d: _Doc, i: int, j: int) -> bool:
    """Whether a verb of characterisation at ``i``..``j`` has an object and then "as" within its
    clause, and is active after a subject or as a participle after a comma ("portrayed her as
    a relic", "Clinton, casting herself as"; not "was cast as the lead", "viewed by many as",
    "painted the fence", "the world view can be used as", "an accord regarding X can serve as").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Marsk portrayed Brede as a relic. Brede was cast as the lead.").d
        >>> [as_frame(d, k, k + 1) for k, w in enumerate(d.low) if w in ("portrayed", "cast")]
        [True, False]
    """
    k = i - 1
    while k >= 0 and d.sent[k] == d.sent[i] and d.low[k].endswith("ly"):
        k -= 1  # "was widely viewed as"
    if k >= 0 and d.sent[k] == d.sent[i] and d.low[k] in _BE:
        return False
    if (j < len(d.low) and d.low[j] == "by") or d.low[i] == "regarding" \
            or (not _subject_before(d, i) and not (i > 0 and d.tok[i - 1] == "," and d.low[i].endswith("ing"))):
        return False  # "viewed by some as": a passive; "world view", "an accord regarding": nouns, a preposition
    t = j
    while t < min(j + 10, len(d.low)):
        if d.sent[t] != d.sent[i] or d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL:
            return False
        if d.low[i] in _CAST_FORMS and d.low[t] in _CAST_OBJECTS:
            return False  # "cast their ballots as", "cast doubt on ... as": no characterisation
        if d.low[t] != "as" or t == j:
            t += 1
            continue
        if t + 2 < len(d.low) and d.low[t + 1] in _AS_AS and d.low[t + 2] == "as":
            t += 3  # "painted the doors as well as the gate"
            continue
        return not _as_clause(d, t)
    return False


_CAST_FORMS = frozenset("cast casts casting".split())
# Objects with which "cast" is the act itself, never a characterisation ("cast a vote",
# "cast his country's veto", "cast doubt on", "cast a shadow over", "cast a spell").
_CAST_OBJECTS = frozenset("""vote votes ballot ballots veto vetoes doubt doubts shadow shadows
spell spells glance glances eye eyes net nets light lot lots aspersions pall blame""".split())
_AS_AS = frozenset("well soon long far much".split())
# Words after which an "-ed" form is a participle of the "as" phrase ("as a leader obsessed
# with power", "as a force backed by Iran"), not the finite verb of a clause.
_PARTICIPLE_NEXT = frozenset("by with of to for at as from against into about".split())
_AS_RELATIVES = frozenset("who whom whose which that where".split())
_AS_FINITE = frozenset("is was were are has have had will would could can may might should must does did".split())
# Words after which an "-ed" form is no finite verb: a determiner ("as a failed state"), an
# adverb or a preposition ("as bad for unemployed workers", "as a bid to put pressure on").
_AS_NOT_SUBJECT = _DETERMINERS | frozenset("""and or as more most so too very not than to for of with in on at
by from about against""".split())


def _as_clause(d: _Doc, a: int) -> bool:
    """Whether the "as" at ``a`` opens a clause ("as the Council voted", "as he spoke", "as
    the sanctions were debated": a subject and a finite verb) rather than the predicate of a
    characterisation ("as a betrayal", "as weak on Iran", "as a force backed by Iran").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Voters cast ballots as the polls opened. Marsk cast Brede as a leader backed by Iran.").d
        >>> [_as_clause(d, k) for k, w in enumerate(d.low) if w == "as"]
        [True, False]
    """
    n = len(d.low)
    if a + 1 >= n or d.sent[a + 1] != d.sent[a]:
        return False
    if d.low[a + 1] in _SUBJECT_PRONOUNS or d.low[a + 1] in _AS_FINITE or d.low[a + 1] == "it":
        return True  # "as he spoke", "as it approached", "as was expected"
    for t in range(a + 2, min(a + 12, n)):
        low, prev = d.low[t], d.low[t - 1]
        if d.sent[t] != d.sent[a] or d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL \
                or low in _AS_RELATIVES or prev in _AS_RELATIVES or low in _SHORT_END:
            return False  # "as a victory as fighting eased": the predicate ends at a subordinator
        if low in _AS_FINITE:
            return True  # "as the sanctions were debated", "as talks have stalled"
        verbish = low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4 and d.tok[t].islower())
        if verbish and prev not in _AS_NOT_SUBJECT and not prev.endswith("ly") \
                and not (t + 1 < n and d.sent[t + 1] == d.sent[a] and d.low[t + 1] in _PARTICIPLE_NEXT):
            return True  # "as the violence continued", "as prices rose in Kumasi"
    return False


def _quotes_only_frame(d: _Doc, i: int, j: int, lemma: str, ments: list[tuple] | None = None) -> bool:
    """Whether a ``quotes_only`` lexicon hit at tokens ``i``..``j`` (a verb with a sense that is
    not speech: "attack", "hit", "raise") stands in a frame of speech: a light verb with its
    noun of stance ("raised questions about", not "raised taxes"; not the noun "voices"), or a
    verb of judgment with its reason after "for" ("attacked Clinton for her vote", not
    "attacked the town"), a verb of characterisation with "as" (:func:`as_frame`) unless the frame is the military act (:func:`_armed_frame`, which reads
    the document's ``mentions`` rows ``ments`` when given).

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Ryan raised concerns about the plan. Kyiv raised taxes.").d
        >>> [_quotes_only_frame(d, k, k + 1, "raise") for k, w in enumerate(d.low) if w == "raised"]
        [True, False]
    """
    if lemma in _LIGHT_VERBS:
        return d.low[i] != "voices" and light_verb_object(d, j, len(d.low), lemma) is not None
    if lemma in _AS_VERBS:
        return as_frame(d, i, j)
    return _reason_for(d, j) and not _armed_frame(d, i, j, ments)


def _armed_frame(d: _Doc, i: int, j: int, ments: list[tuple] | None) -> bool:
    """Whether a verb of attack at ``i``..``j`` with a reason after "for" is the military act:
    its object's head is a military word ("attacked Kurdish fighters for their role"), or, per
    the ``mentions`` rows (``_MENTION_FIELDS``) at hand, its subject is a state or an armed
    force ("Russia attacked Ukraine for its NATO ambitions") or its object an armed force.
    A person attacking a state stays speech ("Trump attacked China for its trade practices")."""
    s0 = d.sent_start[d.sent[i]]
    t, head = j, -1
    while t < len(d.low) and d.sent[t] == d.sent[i] and d.low[t] != "for":
        if head < 0 and t > j and d.low[t] in _PLACE_PREPOSITIONS:
            head = t - 1  # "attacked Hamas targets in Gaza for ...": the head is before "in"
        t += 1
    if t > j and d.low[head if head >= 0 else t - 1] in _MILITARY_OBJECTS:
        return True
    k = _skip_aux_left(d, i, s0) - 1
    for start, end, _actor, _person, sector, _role, kind, *_ in ments or ():
        armed = sector == "MIL" or (sector == "REB" and kind == "role")
        if k >= s0 and start <= d.start[k] < end and (armed or kind == "state"):
            return True
        if armed and t > j and d.start[j] <= start < d.start[t - 1] + 1:
            return True
    return False


def _plural_noun(d: _Doc, i: int) -> bool:
    """Whether the hit at ``i`` can only be a noun: a plural in "-ings" ("our numerous
    warnings"; a gerund has no plural), an "-s" form after "to" and a bare verb ("to resolve
    disputes", "to make claims": no third-person verb there), or "welcome" after "be" ("are
    welcome to", an adjective)."""
    low = d.low[i]
    if low.endswith("ings") and len(low) > 5:
        return True
    if low == "welcome" and i > 0 and d.low[i - 1] in _BE:
        return True
    return low.endswith("s") and i >= 2 and d.sent[i - 2] == d.sent[i] and d.low[i - 2] == "to" \
        and d.tok[i - 1].isalpha() and d.tok[i - 1].islower() and d.low[i - 1] not in _AUX \
        and not d.low[i - 1].endswith("ly")


# Plurals without "-s", after which a bare verb agrees ("the people hope", "the police say").
_BARE_PLURALS = frozenset("people police men women children media staff public clergy".split())


def _modified_noun(d: _Doc, i: int) -> bool:
    """Whether the bare hit at ``i`` is a noun after a determiner and singular modifiers, with a
    noun's follower (punctuation or a preposition): "his initial tweet, ...", "The 2012
    request by ...", "Republican support for". A bare (uninflected) verb needs a plural
    subject, so one whose lower-case words back to a singular determiner end in no "-s"
    ("the party leaders hope", a plural) and hold no auxiliary or adverb is a noun.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("After his initial tweet, Velkov posted a photo.").d
        >>> _modified_noun(d, d.low.index("tweet"))
        True
        >>> d = _state_of("The party leaders hope for a deal.").d
        >>> _modified_noun(d, d.low.index("hope"))
        False
    """
    low_i = d.low[i]
    if low_i != d.lemma[i] or not d.tok[i].islower() or low_i in _IRREGULAR_PAST or low_i == "found":
        return False
    if i + 1 >= len(d.low) or d.sent[i + 1] != d.sent[i] \
            or not (d.tok[i + 1] in _CLAUSE_PUNCT or d.tok[i + 1] in _SENT_FINAL or d.low[i + 1] in _NOUN_FOLLOWERS):
        return False
    s0 = d.sent_start[d.sent[i]]
    k = i - 1
    while k >= s0 and i - k <= 3:
        low = d.low[k]
        if low in _SINGULAR_DETERMINERS and k < i - 1:
            return True
        if not (d.tok[k].islower() and low.isalpha() or (len(low) == 4 and low.isdigit())) \
                or low in _AUX or low in _STOPLIKE or low in PRONOUNS or low in _NUMBER_WORDS \
                or low in _SUBORDINATORS or low in _BARE_PLURALS or low.endswith("s") or low.endswith("ly") \
                or k in d.cues:
            return False
        k -= 1
    return False


_SINGULAR_DETERMINERS = frozenset("the a an this".split()) | _POSSESSIVES
_NOUN_FOLLOWERS = frozenset("by for of from on in with about against over at".split())


def _personal_subject(d: _Doc, i: int) -> bool:
    """Whether a personal pronoun is the subject right before the verb group at ``i``."""
    k = _skip_aux_left(d, i, d.sent_start[d.sent[i]]) - 1
    return k >= d.sent_start[d.sent[i]] and d.low[k] in _PERSONAL


_PERSONAL = frozenset("he she they we i you".split())
_SHOWN_CLAUSE = frozenset("that how why what whether if".split())


# Things one gives as material support ("backed the rebels with weapons"): after "with", they
# make a position verb an act of help, not a stated view.
_MATERIEL = frozenset("""weapons arms ammunition helicopters drones tanks missiles artillery jets aircraft troops
soldiers fighters money funds funding cash loans aid supplies equipment intelligence airstrikes strikes
fuel food""".split())


def _material_support(d: _Doc, i: int, j: int) -> bool:
    """Whether the position verb at ``i`` (ending at ``j``) is material help: "with" and a
    thing given follow within the clause ("supports the police with helicopters", "backed
    Kyiv with weapons and money"), not a view ("supports the bill with reservations").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("The army supports the police with helicopters.").d
        >>> _material_support(d, 2, 3)
        True
    """
    for t in range(j, min(j + 7, len(d.low))):
        if d.sent[t] != d.sent[i] or d.tok[t] in _CLAUSE_PUNCT or d.low[t] == "that":
            return False
        if d.low[t] == "with":
            return any(d.low[u] in _MATERIEL for u in range(t + 1, min(t + 5, len(d.low))) if d.sent[u] == d.sent[i])
    return False


def _inside_name(d: _Doc, i: int) -> bool:
    """Whether the capitalised token ``i`` is inside a name set in lower-case text ("a document
    called the Master Questions List"): capitalised words on both sides, and a lower-case word
    before the name (a Title Case headline, "Trump Says Vote Is Rigged", has none).

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("We wrote a guide called the Master Questions List.").d
        >>> _inside_name(d, d.tok.index("Questions")), _inside_name(_state_of("Ana Lopes Says No").d, 2)
        (True, False)
    """
    if not (0 < i < len(d.tok) - 1 and _cap(d.tok[i]) and _cap(d.tok[i + 1]) and _cap(d.tok[i - 1])
            and d.sent[i - 1] == d.sent[i] == d.sent[i + 1]):
        return False
    r = i - 1
    while r > 0 and d.sent[r - 1] == d.sent[i] and _cap(d.tok[r - 1]):
        r -= 1
    return r > 0 and d.sent[r - 1] == d.sent[i] and d.tok[r - 1].isalpha() and d.tok[r - 1].islower()


_LABELLING = frozenset("called calling calls".split())
_FRONTED_OBJECTS = frozenset("what which that whom".split())


def _name_without_label(d: _Doc, j: int) -> bool:
    """Whether a labelling verb ending at ``j`` ("called") is followed by a name and nothing that
    labels it: the name (capitalised words, "the" before them) ends the clause or is followed by
    a preposition, a time word or a finite verb ("a group called Tarsian Voice said ...",
    "called Lopes on Friday"), as a naming participle or a phone call is, not "called Lopes a
    liar" or "called Lopes “a traitor”".

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("A group called Tarsian Voice said so. They called Lopes a liar.").d
        >>> _name_without_label(d, 3), _name_without_label(d, 11)
        (True, False)
    """
    t = j + (j < len(d.low) and d.low[j] == "the")
    if t >= len(d.tok) or not _cap(d.tok[t]) or d.sent[t] != d.sent[j - 1]:
        return False
    if any(d.low[k] in _FRONTED_OBJECTS and d.sent[k] == d.sent[j - 1] for k in range(max(0, j - 8), j - 1)):
        return False   # "what Eisenhower called the Great Crusade": the name is the label
    while t < len(d.tok) and _cap(d.tok[t]) and d.sent[t] == d.sent[j - 1]:
        t += 1
    if t >= len(d.tok) or d.sent[t] != d.sent[j - 1]:
        return True
    low = d.low[t]
    if low in ("'s", "’s"):
        return False   # "called Dorsey's plan reckless"
    if d.tok[t] == ",":
        return j >= 2 and d.tok[j - 2] == ","   # "The party, called Forward Velland, won" but "called Lopes, the ..., a liar"
    return d.tok[t] in _SENT_FINAL or d.tok[t] in _CLAUSE_PUNCT or low in _ADJUNCT_START or low in _AUX \
        or low in ("and", "but", "or") or low in _IRREGULAR_PAST or (low.endswith("ed") and d.tok[t].islower())


def _refusal_to_speak(d: _Doc, lemma: str, j: int) -> bool:
    """Whether a refusal verb (``lemma`` decline or refuse, ending before token ``j``) is
    followed by a verb of speaking ("The embassy declined to comment"): a silence, whatever its
    subject, so it needs no subject-like word before it as other wishes do."""
    if lemma not in _REFUSALS or j >= len(d.low):
        return False
    return _REFUSED_SPEECH.match(" " + " ".join(d.low[j:j + 3])) is not None


def _find_cues(d: _Doc, hits: list[tuple], first_tok: int, ments: list[tuple] | None = None) -> None:
    """Mark the reporting-verb hits of one document (rows of :data:`_HIT_FIELDS`) that are cues
    (``ments``: the document's mentions, rows of :data:`_MENTION_FIELDS`, when at hand)."""
    for a, b, lemma, cat, syn, opt, only in hits:
        # tok_start/tok_end are tok_ids: within a document, minus the first, the row index.
        i, j = int(a) - first_tok, int(b) - first_tok
        if d.remap is not None:
            i, j = d.remap[i], d.remap[j - 1] + 1
        if syn == "verb" and (not _is_verb_use(d, i) or _plural_noun(d, i) or _modified_noun(d, i)):
            continue
        if cat in _SHORT_CLASSES and not _refusal_to_speak(d, lemma, j) \
                and (not _subject_before(d, i, noun_subject=cat == "intention") or (j < len(d.low) and d.low[j] == "by")):
            continue  # "support among voters", "separatists backed by the army"; "The embassy declined to comment" stays"
        if cat == "position" and _material_support(d, i, j):
            continue  # "supports the police with helicopters": material help, not a stated position
        if cat == "intention" and (j >= len(d.low) or d.low[j] not in _INTENTION_NEXT
                                   or d.low[max(_skip_aux_left(d, i, 0) - 1, 0)] in ("’s", "'s")):
            continue  # only "plans to", "decided against": "her plan would", "the plan to" are nouns
        if cat == "nonresponse" and lemma != "not comment on" and not any(d.low[t] in _COMMENT_NOUNS for t in range(j, min(j + 8, len(d.low)))
                                            if d.sent[t] == d.sent[i]):
            continue  # "did not respond to requests for comment", not "did not respond to the shelling"
        if lemma == "see" and not any(d.low[t] == "as" for t in range(j + 1, min(j + 10, len(d.low)))
                                      if d.sent[t] == d.sent[i]):
            continue  # only "sees X as Y" is a view; "saw the incident" is perception
        if lemma in ("show", "calls", "see") and not _subject_before(d, i):
            continue  # "the radio show", "circles show": evidence needs a source-like subject
        if lemma == "show" and _personal_subject(d, i) and not (j < len(d.low) and d.low[j] in _SHOWN_CLAUSE):
            continue  # "he showed great flexibility": a person displays a quality; "he showed that" argues
        if lemma in _NOUNY_ING and d.low[i].endswith("ing") and i > 0 and d.sent[i - 1] == d.sent[i] \
                and _unknown_noun(d, i - 1) and d.low[i - 1] not in _NP_WORDS:
            continue  # "mutual understanding", "new thinking": a noun, not a verb
        if lemma == "believe" and j < len(d.low) and d.low[j] in ("me", "us", "it") \
                and (j + 1 >= len(d.low) or d.tok[j + 1] in _CLAUSE_PUNCT or d.tok[j + 1] in _SENT_FINAL
                     or d.low[j + 1:j + 3] == ["or", "not"]):
            continue  # "believe me, ...", "believe it or not": a formula, not a belief
        if _inside_name(d, i):
            continue  # "a document called the Master Questions List": a word of a name
        if lemma in _TOPIC_VERBS and " " not in lemma and j < len(d.low) and d.low[j] in _NOUN_PREPOSITIONS:
            continue  # "questions about his taxes", "mention of the plan": a noun
        if d.low[i] == "known" and not (i > 0 and d.low[i - 1] in _AUX):
            continue  # "the leader known as": an adjective, not knowledge reported
        if (lemma == "compare" and j < len(d.low) and d.low[j] == "to") or d.low[i] == "reference" \
                or (lemma == "speak of" and d.low[i] == "speaking" and not (i > 0 and d.low[i - 1] in _AUX)):
            continue  # "nothing compared to", "speaking of X, ...", "a geographic reference": not a report
        if not _verb_in_context(d, i, j, lemma):
            continue
        if lemma in _LABELLING and _name_without_label(d, j):
            continue  # "a militia called the Northern Front", "called Lopes on Friday": naming, a phone call
        if lemma == "put it" and not any(d.low[t] == "as" and d.sent[t] == d.sent[i] for t in range(max(i - 8, 0), i)) \
                and not any(d.tok[t] == ":" for t in range(j, min(j + 3, len(d.tok)))):
            continue  # only "as X put it" and "X put it bluntly: ..." report wording: "put it on the table" does not
        if lemma in _SHORT_TOPIC_VERBS and _time_after(d, j, len(d.low)) < len(d.low) \
                and d.low[_time_after(d, j, len(d.low))] in _AUX:
            continue  # "the plan I will outline today is ...": a relative clause without its object
        if lemma in ("compare", "liken") and not any(d.low[t] == "to" for t in range(j, min(j + 10, len(d.low)))
                                                     if d.sent[t] == d.sent[i]):
            continue  # "rose 5 percent compared with last year": only "likened/compared X to Y" is a view
        if lemma == "continue" and j < len(d.low) and d.low[j] == "to":
            continue  # "continues to insist that": aspect, the next verb is the cue
        if lemma in _STANCE_ADJECTIVES and not _adjective_of_stance(d, i, j):
            continue  # only "X are afraid that ...": not "an afraid child", "it is clear that"
        if lemma in _JUDGED_FOR and not _reason_for(d, j):
            continue  # "faulted the agency for its response", not "faulted on the loan"
        if lemma in _FRAMED_SPEECH and not speech_frame(d, i, j, lemma):
            continue  # "appealed for calm", "protested to Beijing"; not "broad appeal", "protested outside"
        if str(only).lower() == "true" and not _quotes_only_frame(d, i, j, lemma, ments):
            d.other_sense.add(i)
            continue  # "attacked the town", "raised taxes": the entry's other sense
        if _non_speech_object(d, j, lemma):
            continue  # "called an emergency meeting", "concluded 27,000 treaties", "claimed the lives of"
        if lemma == "charge" and (j >= len(d.low) or d.low[j] != "that"):
            continue  # "charged with fraud", "charged more": only "charged that" reports speech
        if i > 0 and d.sent[i - 1] == d.sent[i] and (d.low[i - 1], d.low[i]) in _FORMULAS:
            continue  # "having said that, ...", "it is worth noting that": the writer's formulas
        if lemma not in ("say", "tell") and j < len(d.low) and d.sent[j] == d.sent[i] and d.low[j] in _FINITE_AFTER_NOUN:
            continue  # "Health worries have dogged", "the protest remained peaceful": a noun subject
        if d.low[i].endswith("ed") and i > 0 and d.sent[i - 1] == d.sent[i] and d.low[i - 1][:1].isdigit():
            continue  # "270 pledged delegates": an adjective
        if _in_title(d, i):
            continue  # 'a story headlined “Riga warns Minsk” said ...': a title's verb reports nothing
        d.cues[i] = (j, lemma, cat, syn, opt == "true")


# Words after which a quotation is a title ('a story headlined “...”', 'a report titled “...”',
# 'headlined its report “...”', 'the film “...”'; :data:`_TITLE_CUES`, as :func:`_is_title`
# reads them): the verbs inside it are the title's words, not cues.
_LABEL_VERBS = frozenset("labelled labeled".split())
_TITLE_VERBS = frozenset("headlined titled entitled".split()) | _LABEL_VERBS
_TITLE_FRAME = _TITLE_CUES | _TITLE_VERBS | {"headline"}
TITLE_FRAME_GAP = 3   # tokens between the frame word and the quotation ("headlined its report “...”")


def _in_title(d: _Doc, i: int) -> bool:
    """Whether token ``i`` is inside a quoted title that follows a title frame word
    (:data:`_TITLE_FRAME`) in its sentence.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = 'A story headlined "Riga warns Minsk" said Latvia would act.'
        >>> _, toks = tokenize_documents(["d"], [text])
        >>> d = _Doc("d", text, list(toks["start"]), list(toks["end"]), list(toks["text"]),
        ...          list(toks["lower"]), list(toks["lower"]), [0] * len(toks), [0], [len(toks)])
        >>> _in_title(d, 5), _in_title(d, 8)
        (True, False)
    """
    lo = d.sent_start[d.sent[i]]
    opener = -1
    for k in range(i - 1, max(lo, i - 40) - 1, -1):
        t = d.tok[k]
        if t in ("”", "''"):
            return False
        if t in ("“", "``"):
            opener = k
            break
        if t == '"':
            if sum(1 for x in range(lo, k) if d.tok[x] == '"') % 2:
                return False   # a closing straight mark
            opener = k
            break
    if opener < 0:
        return False
    for k in range(opener - 1, max(lo, opener - 1 - TITLE_FRAME_GAP) - 1, -1):
        if d.low[k] in _TITLE_FRAME:
            return True
        if not d.tok[k][:1].isalpha():
            return False
    return False


def _title_before(d: _Doc, k: int, lo: int) -> tuple[int, int] | None:
    """The subject "A story" of a verb at ``k`` right after a quoted title ('A story headlined
    “...” said', :func:`_in_title`): the noun phrase before the frame word (the title's words
    name no speaker); ``None`` when no title closes right before ``k``.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of('A story headlined "Riga warns Minsk" said Latvia would act.').d
        >>> a, b = _title_before(d, d.low.index("said"), 0)
        >>> " ".join(d.tok[a:b])
        'A story'
    """
    if k - 2 < lo or d.tok[k - 1] not in ("”", '"', "''") or not _in_title(d, k - 2):
        return None
    f = k - 2
    while f > lo and d.low[f] not in _TITLE_FRAME:
        f -= 1
    if d.low[f] not in _TITLE_FRAME:
        return None
    if d.low[f] not in _TITLE_VERBS:
        return np_left(d, f + 1, lo)   # 'The film “...” showed': the noun is the head
    return np_left(d, f - 1 if f - 1 > lo and d.tok[f - 1] == "," else f, lo)


# --------------------------------------------------------------------------- speakers and clauses
# Token-level readings the attribution rules (:mod:`toolkit._quote_rules`) share: they need the
# document's tokens only, not the rows found so far.

# A reporting participle not in -ed: "Merkova was told by advisers that ...": the advisers speak, the
# passive subject is the one told (rule speaker.passive_irregular).
_IRREGULAR_PARTICIPLES = frozenset(("told",))


def speaker_of(d: _Doc, i: int, lo: int) -> tuple[str, tuple[int, int] | None]:
    """``(how, token span)`` of the speaker of the cue at token ``i``, reading no earlier than
    ``lo``: ``how`` is ``subject``, ``inverted`` (", said X"), ``passive`` ("announced by
    X"), ``participle`` (", arguing that": the span is ``None``, the main clause's subject
    speaks) or ``infinitive`` ("went on to say"); the span is ``None`` when none is found.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("“We will respond,” said Ana Lopes, the foreign minister.").d
        >>> how, (a, b) = speaker_of(d, d.low.index("said"), 0)
        >>> how, " ".join(d.tok[a:b])
        ('inverted', 'Ana Lopes , the foreign minister')
    """
    j = d.cues[i][0]
    s0, s1 = d.sent_bounds(i)
    lo = max(lo, s0)
    if lo == s0:
        lo = _dateline_end(d, s0, i)  # "BEIJING, March 3 (Xinhua) - China's foreign ministry ..."
    # Passive: "it was announced by X", "X is quoted as saying".
    k = _skip_aux_left(d, i, lo)
    cop = copula_start(d, i, lo)
    if cop is not None:  # "The minister felt confident that": the subject before the copula
        return "subject", np_left(d, cop, lo)
    if i - 1 >= lo and d.low[i - 1] in _BE | {"been"} and (d.low[i].endswith("ed") or d.low[i] in _IRREGULAR_PARTICIPLES):
        if j < s1 and d.low[j] == "by":
            return "passive", np_right(d, j + 1, s1)
        if j + 1 < s1 and d.low[j] == "as" and d.low[j + 1] in ("saying", "having"):
            return "subject", np_left(d, _skip_aux_left(d, i, lo), lo)
        return "passive", None
    # Fronted participle: "Claiming the criticism is unfair, Trump told Fox ...": the subject
    # after the participial clause's comma.
    if d.low[i].endswith("ing") and k == lo and _cap(d.tok[k]):
        comma = _fronted_clause_end(d, j, s1)
        sp = np_right(d, comma, s1) if comma is not None else None
        if sp is not None and not (_cap(d.tok[sp[0]]) or d.low[sp[0]] in _DETERMINERS or d.low[sp[0]] in PRONOUNS):
            sp = None  # "Adding new members will paralyse the Council, enlarge ...": a gerund subject
        return "fronted", sp
    # Participle after a comma: the subject of the main clause.
    if d.low[i].endswith("ing") and k - 1 >= lo and (d.tok[k - 1] in (",", "—", "–", ";") or (
            k - 2 > lo and d.tok[k - 2] == "," and d.tok[k - 1] in ("”", '"', "''") and _in_title(d, k - 2))):
        return "participle", None  # 'ran a piece headlined “Algiers hits back,” saying ...' too
    # "issued a statement saying ...", "sent a letter urging ...": the document's author speaks
    if d.low[i].endswith("ing") and k - 1 >= lo and d.low[k - 1] in _DOCUMENT_NOUNS:
        return "participle", None
    # "He began by saying ...": the subject of the main verb.
    if d.low[i].endswith("ing") and k - 1 >= lo and d.low[k - 1] in ("by", "after", "before", "while"):
        return "participle", None
    # Coordinated verbs: "X tweeted a photo and said ...": the subject of the first verb
    # (unless "X and Y said", which np_left reads as one subject).
    if k - 1 > lo and d.low[k - 1] in ("and", "but") and np_left(d, k, lo) is None:
        return "participle", None
    # Inverted: ", said X" / "” said X".
    if k - 1 >= lo and (d.tok[k - 1] in (",", "”", "\"", "’", "''") or k == lo) \
            and d.low[i] in ("said", "says", "added", "asked", "wrote", "explained", "continued",
                             "noted", "warned", "told", "insisted", "replied", "declared",
                             "stressed", "argued", "recalled", "tweeted"):
        sp = np_right(d, j, s1)
        if sp is not None and (sp[1] >= s1 or d.tok[sp[1]] in _SENT_FINAL or d.tok[sp[1]] in _CLAUSE_PUNCT
                               or d.tok[sp[1]] in "“”\"''"):
            if d.low[sp[0]] not in ("that",) and d.low[sp[0]] not in PRONOUNS - {"he", "she", "they", "we", "i"}:
                return "inverted", _extend_right(d, sp, s1)
    contact = _contact_clause(d, k, lo)
    if contact is not None:
        return "subject", contact  # "all the experts I interviewed said", "Everyone we spoke to said"
    if k - 1 > lo and d.low[k - 1] == "to":
        m = _matrix_start(d, k - 1, lo)
        if m < k - 1 and m - 1 >= lo and d.low[m].endswith("ing") and d.tok[m - 1] in (",", "—", "–"):
            return "participle", None  # "Sanders said, going on to say that ...": the main clause's subject
        sp = _infinitive_subject(d, k - 1, lo)
        return "infinitive", _whole_subject(d, sp, lo) if sp is not None else None
    titled = _title_before(d, k, lo) if not d.low[i].endswith("ing") else None
    if titled is not None:
        return "subject", titled  # 'A story headlined “Riga warns Minsk” said ...': the story speaks
    t = _evidence_time(d, k, lo)
    if t is None and _floating_quantifier(d, k - 1, lo):
        k -= 1  # "Lopes and Dorsey both said": the quantifier floats after its subject
    sp = np_left(d, k if t is None else t, lo)
    if sp is None and k - 1 > lo and d.tok[k - 1] in (",", "—", "–", "--"):
        sp = _appositive(d, k - 1, lo)
        if sp is not None:  # "A farmer in Eastbrook, Ohio, said": the place hangs on "in"
            sp = _whole_subject(d, sp, lo)
    elif sp is not None:
        sp = _premodified_subject(d, _whole_subject(d, sp, lo), lo) if t is None else (sp[0], k)
    if sp is not None:
        sp = _coordinated_subject(d, _relative_subject(d, _after_setting(d, sp, lo), lo), lo)
    return "subject", sp


def _conjunct_head(d: _Doc, k: int) -> bool:
    """Whether token ``k`` can end one conjunct of a coordinated subject: a name, a closing
    parenthesis ("Gov. Ted Marsh (D)"), a subject pronoun, a known source noun or a plural
    noun (not a verb: "The talks collapsed and officials said")."""
    low = d.low[k]
    return k not in d.cues and (_cap(d.tok[k]) or d.tok[k] == ")" or low in _SUBJECT_PRONOUNS or low in _NP_WORDS
                                or (_unknown_noun(d, k) and low.endswith("s")))


def _coordinated_subject(d: _Doc, sp: tuple[int, int], lo: int) -> tuple[int, int]:
    """A subject that the noun-phrase reader cut at a conjunction joins the conjuncts before
    it when they open the clause ("Neither Ortiz nor Kohl said", "Her aides and allies say",
    "Mayor Ana Ruiz, Senator Li Wen, and other local leaders said", "X as well as Y said"),
    as PolNeAR marks the whole coordinated source.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Neither Ortiz nor Kohl said the deal was dead.").d
        >>> a, b = _coordinated_subject(d, (3, 4), 0)
        >>> " ".join(d.tok[a:b])
        'Neither Ortiz nor Kohl'
        >>> d = _state_of("The talks collapsed and officials said the deal was dead.").d
        >>> _coordinated_subject(d, (4, 5), 0)
        (4, 5)
    """
    c = sp[0] - 1
    if d.low[sp[0]] in PRONOUNS:
        return sp  # "We begin our campaign and I want ...": a pronoun opens a clause of its own
    if c > lo and d.low[c] == "even":
        c -= 1  # "Politicians and even some technologists say"
    if c - 2 >= lo and d.low[c - 2] == "as" and d.low[c - 1] == "well" and d.low[c] == "as":
        c -= 2
    elif c < lo or d.low[c] not in ("and", "or", "nor"):
        return sp
    serial = c - 1 > lo and d.tok[c - 1] == ","
    if serial:
        c -= 1  # "X, Y, and other leaders": a serial comma (after two items at least)
    item = np_left(d, c, lo)
    if item is None or item[1] != c or not _conjunct_head(d, c - 1) \
            or any(d.low[t] in PRONOUNS or d.low[t] in ("'s", "’s") and d.low[t - 1] in PRONOUNS
                   for t in range(item[0], item[1]) if item[1] - item[0] > 1):
        return sp  # "You became brothers and sisters": a clause, not a conjunct
    starts = [item[0]]
    while starts[-1] - 2 >= lo and d.tok[starts[-1] - 1] == ",":
        prev = np_left(d, starts[-1] - 1, lo)
        if prev is None or prev[1] != starts[-1] - 1 or prev[1] - prev[0] > 6 \
                or any(d.tok[t] == "," for t in range(*prev)) or not _conjunct_head(d, prev[1] - 1):
            break
        starts.append(prev[0])
    for a in reversed(starts[1:] if serial else starts):  # the longest list that opens the clause
        if a - 1 >= lo and d.low[a - 1] in ("neither", "either", "both"):
            a -= 1
        if a == lo or d.tok[a - 1] in _CLAUSE_PUNCT or d.tok[a - 1] in _SENT_FINAL \
                or d.tok[a - 1] in ("“", '"', "‘") or d.low[a - 1] in ("but", "and", "yet", "while", "that"):
            d.conjunct_tail[(d.start[a], d.end[sp[1] - 1])] = d.start[sp[0]]
            return (a, sp[1])
    return sp


def _floating_quantifier(d: _Doc, q: int, lo: int) -> bool:
    """Whether "all", "both" or "each" at ``q`` floats after the subject before it ("The three
    ministers all said", "Ruiz, Dahl and Roth (D-N.J.) all suggested", "They each said"):
    after a name, a closing parenthesis, a plural pronoun or a plural noun.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Lopes and Dorsey both said the deal was dead.").d
        >>> _floating_quantifier(d, 3, 0), _floating_quantifier(_state_of("Both said no.").d, 0, 0)
        (True, False)
    """
    if q - 1 < lo or d.low[q] not in ("all", "both", "each") or d.sent[q - 1] != d.sent[q]:
        return False
    prev, low = d.tok[q - 1], d.low[q - 1]
    return (_cap(prev) and low not in _BOUNDARY_CAPS) or prev == ")" or low in ("they", "we", "you") \
        or (low.endswith("s") and (_np_word(d, q - 1) or _unknown_noun(d, q - 1)) and low not in _DETERMINERS)


_SETTING_PREPOSITIONS = frozenset("in at during".split())
_LINKING_WORDS = frozenset("of for with by on in at to and from about".split())
_NAME_ENDS = frozenset("""gazette herald times post journal tribune courier chronicle observer telegraph
wire news radio tv television network agency press""".split())


# Relative pronouns that open a restrictive relative clause inside a subject ("Voters who
# backed her said", "Unions that endorsed him say"), and how far back one is looked for.
_RELATIVE_OPENERS = frozenset("who that".split())
RELATIVE_REACH = 14


def _relative_subject(d: _Doc, sp: tuple[int, int], lo: int) -> tuple[int, int]:
    """A subject with a restrictive relative clause, as PARC marks it: the noun-phrase reader
    stops at the clause's last noun ("Voters who backed Lindqvist in 2019 said": "2019"); the
    subject is the head before "who"/"that" with the clause. Only when the head opens the
    clause (the sentence's start or clause punctuation), the relative has no comma or quotation
    mark, and the word after the pronoun is a verb, not a determiner or a name (so "the fact
    that Ruiz said" stays "Ruiz").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Voters who backed Lindqvist in 2019 said they would switch.").d
        >>> a, b = _relative_subject(d, np_left(d, d.low.index("said"), 0), 0)
        >>> " ".join(d.tok[a:b])
        'Voters who backed Lindqvist in 2019'
    """
    a, b = sp
    if d.low[a] in PRONOUNS:
        return sp
    r = a - 1
    while r > lo and a - r < RELATIVE_REACH and d.low[r] not in _RELATIVE_OPENERS:
        if d.tok[r] in _CLAUSE_PUNCT or d.tok[r] in "“”\"''‘’" or d.low[r] in _SUBORDINATORS:
            return sp
        r -= 1
    if r <= lo or d.low[r] not in _RELATIVE_OPENERS:
        return sp
    nxt = d.tok[r + 1]
    if not (nxt.islower() or nxt in ("'d", "’d")) or d.low[r + 1] in _DETERMINERS or d.low[r + 1] in PRONOUNS:
        return sp  # "the fact that Ruiz said", "the report that the panel released": no subject gap
    if r + 1 == a and not any(d.low[t] in _DETERMINERS for t in range(a + 1, b)):
        return sp  # "the wages that people expect": the phrase after the pronoun is its subject
    if any(d.tok[t] in _CLAUSE_PUNCT for t in range(a, b)):
        return sp  # the span the reader found already runs over a comma: no single noun phrase
    if d.low[r - 1] in ("those", "these"):
        h = r - 1  # "Those who back the mayor say"
    else:
        head = np_left(d, r, lo)
        if head is None or head[1] != r or any(t in d.cues or d.low[t] in PRONOUNS for t in range(head[0], r)):
            return sp  # "He met voters who ...": a verb or a pronoun in the head
        h = _premodified_subject(d, _whole_subject(d, head, lo), lo)[0]
    if h > lo and d.tok[h - 1] not in _CLAUSE_PUNCT and d.low[h - 1] not in ("and", "but"):
        return sp  # "He met voters who backed her": the head is an object, not a subject
    return (h, b)


def _after_setting(d: _Doc, sp: tuple[int, int], lo: int) -> tuple[int, int]:
    """The subject after a fronted setting with no comma ("In a Bloomberg interview Trump
    declared": "Trump", not "a Bloomberg interview Trump"): when the span follows a
    sentence-initial "In"/"At"/"During" and no comma, the subject starts at a determiner
    after a noun ("In a statement the ministry said") or, when a lower-case noun is followed
    by a name, is the name closing the span (after an outlet's last word: "... of the
    Harbour Gazette Dorsey").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("In a Valen Radio interview Dorsey declared that it was over.").d
        >>> a, b = _after_setting(d, (1, 6), 0)
        >>> d.tok[a:b]
        ['Dorsey']
    """
    a, b = sp
    s0 = max(lo, d.sent_start[d.sent[a]])
    if a - 1 < s0 or d.low[s0] not in _SETTING_PREPOSITIONS or any(d.tok[t] in _CLAUSE_PUNCT for t in range(s0, b)):
        return sp
    det = next((t for t in range(b - 2, a, -1) if d.low[t] in ("the", "a", "an")
                and d.low[t - 1] not in _LINKING_WORDS), None)
    if det is not None:
        return det, b  # "In a statement the foreign ministry said"
    if not _cap(d.tok[b - 1]):
        return sp
    n = b
    while n - 1 > a and _cap(d.tok[n - 1]) and d.low[n - 1] not in _NAME_ENDS:
        n -= 1
    if n == a or not any(d.tok[t].islower() and d.tok[t].isalpha() and d.low[t] not in _DETERMINERS
                         for t in range(a, n)):
        return sp
    return n, b


_CONTACT_SUBJECTS = frozenset("i we he she they you".split())


def _contact_clause(d: _Doc, k: int, lo: int) -> tuple[int, int] | None:
    """The subject ending right before the verb group at ``k`` that is a noun phrase with a
    relative clause without "that" (a contact clause: pronoun, past verb, maybe a stranded
    preposition): "all the experts I interviewed said", "Everyone we spoke to said", "The
    officials he met said"; else ``None``.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Everyone we spoke to said the plan was too complex.").d
        >>> a, b = _contact_clause(d, d.low.index("said"), 0)
        >>> d.tok[a:b]
        ['Everyone', 'we', 'spoke', 'to']
    """
    v = k - 1
    if v - 1 > lo and d.low[v] in ("to", "with", "about"):
        v -= 1
    if v - 2 < lo or not d.tok[v].islower() or not (d.low[v].endswith("ed") or d.low[v] in _IRREGULAR_PAST):
        return None
    if d.low[v - 1] not in _CONTACT_SUBJECTS or d.sent[v - 1] != d.sent[k]:
        return None
    np = np_left(d, v - 1, lo)
    if np is None or d.low[v - 2] in PRONOUNS or d.low[v - 2] in _DETERMINERS or not (
            _np_word(d, v - 2) or _unknown_noun(d, v - 2)):
        return None
    return np[0], k


# Things one writes or posts, whose "-ing" reports what their author says ("a statement saying").
_DOCUMENT_NOUNS = frozenset("""statement statements letter letters tweet tweets post posts message messages memo
release note notes email emails op-ed editorial video ad ads advertisement petition resolution""".split())


def _fronted_clause_end(d: _Doc, j: int, s1: int) -> int | None:
    """The first token after the comma that closes a fronted participial clause starting
    before ``j`` (past a closing quote mark: 'Bemoaning the "phony system," Trump ...'), when a
    finite main clause seems to follow (a word, not another comma); else ``None``."""
    comma = next((t for t in range(j, min(s1, j + 40)) if d.tok[t] == ","), None)
    if comma is None:
        return None
    t = comma + 1
    while t < s1 and d.tok[t] in ("”", '"', "’", "''"):
        t += 1
    return t if t + 1 < s1 and _alpha(d.tok[t]) else None


# Prepositions after a participle that modifies the noun before it ("briefed on", "blamed on",
# "released by", "reported in"), and how many tokens its phrase may run before the main verb.
_REDUCED_PREPOSITIONS = frozenset("on by in at about from for during with".split())
REDUCED_PHRASE_MAX = 8
# Words of a time or of a statement, whose phrase sets a finite cue ("reported on Monday",
# "announced in a statement"), not a participle's agent or topic.
_REDUCED_NOT_AFTER = _TIME_NOUNS | _TIME_ADVERBS | _WEEKDAYS | _MONTHS | _DOCUMENT_NOUNS | frozenset(
    "statement interview conference briefing television radio twitter".split())


def reduced_relative(d: _Doc, i: int) -> bool:
    """Whether the cue at token ``i`` is a past participle that modifies the noun before it
    ("Diplomats briefed on the talks said", "A drone attack blamed on Ukraine set fire", "Figures
    reported on Sunday showed"), not a finite verb: it follows a noun (no auxiliary, pronoun or
    punctuation), a preposition follows it, and a short phrase after that (no comma, "that",
    quotation mark, time or statement word) ends at a past tense of the clause: a cue in "-ed"
    or an irregular past. "The ministry reported on Monday that ...", "demanded from Moscow
    guarantees" stay cues.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Diplomats briefed on the talks said the deal was close.").d
        >>> reduced_relative(d, d.low.index("briefed")), reduced_relative(d, d.low.index("said"))
        (True, False)
    """
    low = d.low[i]
    if not low.endswith("ed") or i < 1 or d.sent[i - 1] != d.sent[i]:
        return False  # a regular past form: "said", "told" take no noun before them as their object
    prev = d.tok[i - 1]
    if not prev.isalpha() or d.low[i - 1] in PRONOUNS or d.low[i - 1] in _AUX or d.low[i - 1] in _DETERMINERS \
            or (i - 1) in d.cues:
        return False
    j = d.cues[i][0]
    s1 = d.sent_bounds(i)[1]
    if j >= s1 or d.low[j] not in _REDUCED_PREPOSITIONS:
        return False
    for t in range(j + 1, min(s1, j + 1 + REDUCED_PHRASE_MAX)):
        if d.tok[t] in _CLAUSE_PUNCT or d.low[t] in ("that", "whether", "and", "but") or d.tok[t] in "“”\"\x27\x27" \
                or d.low[t] in _REDUCED_NOT_AFTER:
            return False  # "The ministry reported on Monday exports fell": a finite cue and its setting
        if t > j + 1 and (d.low[t] in _IRREGULAR_PAST or (t in d.cues and d.low[t].endswith("ed"))):
            return True  # a past tense ("said", "showed", "set"), not a noun cue ("guarantees")
    return False


def _possessive_s(d: _Doc, k: int, lo: int) -> bool:
    """Whether "'s" at ``k`` marks a name's possessive inside a subject ("China's embassy in
    Manila said"), not "is": a capitalized word before it and a lower-case word after it."""
    return d.low[k] in ("'s", "’s") and k - 1 >= lo and _cap(d.tok[k - 1]) and k + 1 < len(d.tok) \
        and d.tok[k + 1].isalpha() and d.tok[k + 1].islower()


# Subordinators after which a clause, and so a subject, starts ("while nine in 10 said").
_CLAUSE_START_WORDS = frozenset("while whereas although though because since when after before if".split())


def _whole_subject(d: _Doc, sp: tuple[int, int], lo: int) -> tuple[int, int]:
    """"Nearly eight of 10 voters say", "A report released last year found", "Many people
    involved in the talks assumed": a noun phrase that hangs on a preposition or participle
    belongs to a longer subject starting at its clause's start (when that is short and has
    no cue, quotation or clause punctuation)."""
    a = sp[0]
    if a - 1 < lo or d.low[a] in PRONOUNS:
        return sp  # "now saying they think": a pronoun is a whole subject
    prev = d.low[a - 1]
    participle = len(prev) > 4 and (prev.endswith("ing") or prev.endswith("ed"))
    ages = prev in ("under", "over") and d.low[a][:1].isdigit()  # "Men under 35 say"
    if not (prev in _ATTACHING or ages or (participle and d.low[a] not in _DETERMINERS)):
        return sp  # "Forces killed the terrorist leader": a verb and its object, not one subject
    if prev == "to" and not (_cap(d.tok[a]) or d.low[a] in _DETERMINERS):
        return sp  # "arrived to address military support": an infinitive, not "advisers to X"
    c = a - 1
    while c > lo and a - c < 12 and d.tok[c - 1] not in _CLAUSE_PUNCT and d.tok[c - 1] not in ("-", "“", "”", "\"") \
            and ((c - 1) not in d.cues or reduced_relative(d, c - 1)) \
            and d.low[c - 1] not in _SUBORDINATORS and (d.low[c - 1] not in _AUX or _possessive_s(d, c - 1, lo)) \
            and d.low[c - 1] not in _WH_WORDS:
        c -= 1
    if c - 1 >= lo and d.low[c - 1] in ("only", "just") and (c - 1 == lo or d.tok[c - 2] in _CLAUSE_PUNCT):
        c -= 1  # "Only about 4 in 10 voters in each state say": a focus word opens the phrase
    if c > lo and d.tok[c - 1] not in _CLAUSE_PUNCT and d.tok[c - 1] != "-" and d.low[c - 1] not in _CLAUSE_START_WORDS:
        return sp  # too long, or a cue or a subordinator on the way: not one noun phrase
    if c > lo and d.low[c - 1] in _CLAUSE_START_WORDS and d.low[c] in _ATTACHING:
        return sp  # "because of the lessons learned": a preposition's object, no clause
    first = d.tok[c]
    quantity = c + 1 < a and d.low[c] == "at" and d.low[c + 1] in ("least", "most")  # "At least half of"
    if d.low[c] in _ADJUNCT_START and not quantity or d.low[c] in _SUBORDINATORS or d.low[c] in PRONOUNS \
            or (first.islower() and (first.endswith("ing") or first.endswith("ed"))):
        return sp  # "contradicting Tulsa police": a verb, not the head of a subject
    while c < a - 1 and d.low[c] in ("but", "and", "even", "yet", "or", "so"):
        c += 1  # "But 16 percent of voters said": the link is the reporter's
    return (c, sp[1])


# Words that open a subject noun phrase before its head ("about half of voters", "my editor",
# "only a third"): a determiner, a possessive or an approximating quantifier.
_PREMODIFIERS = _DETERMINERS | frozenset("""about nearly almost roughly around only some many most several
few all both less more fewer than least at just""".split())
# the premodifiers that may open a subject ("about half of voters"), not those that only follow one
_PREMODIFIER_STARTS = _PREMODIFIERS - {"at", "than", "least"}
# Lower-case words that open a clause but never a subject noun phrase.
_CLAUSE_ADVERBS = _AUX | frozenset("""so then now still yet even also too instead meanwhile however here there
today yesterday tonight thus hence later earlier again""".split())


def _premodified_subject(d: _Doc, sp: tuple[int, int], lo: int) -> tuple[int, int]:
    """A subject whose first words the noun-phrase reader left out ("about half of voters
    said", "my editor at the time said", "leaked emails show"): up to three determiners,
    quantifiers or lower-case modifiers before the span join it when the first of them is a
    determiner or quantifier and they reach the clause's start (the sentence's start or clause
    punctuation), as PARC marks the whole noun phrase.

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("In Marlow, about half of voters said the tax was fair.").d
        >>> i = d.low.index("said")
        >>> a, b = _premodified_subject(d, np_left(d, i, 0), 0)
        >>> " ".join(d.tok[a:b])
        'about half of voters'
    """
    a = sp[0]
    if d.low[a] in PRONOUNS:
        return sp
    c = a
    while c - 1 >= lo and a - c < 3 and (d.low[c - 1] in _PREMODIFIERS or (
            d.tok[c - 1].islower() and d.low[c - 1] not in _CLAUSE_ADVERBS
            and (_unknown_noun(d, c - 1) or (d.low[c - 1].endswith("ed") and len(d.low[c - 1]) > 4
                                             and c - 1 not in d.cues)))):
        c -= 1
    while c < a and d.low[c] not in _PREMODIFIER_STARTS:
        c += 1  # "remembered Freddy said": a word that is not a determiner first may be a verb
    if c == a or not (c == lo or d.tok[c - 1] in _CLAUSE_PUNCT):
        return sp
    return (c, sp[1])


_ASIDE_START = frozenset("""however meanwhile though too instead also then now again nonetheless
nevertheless therefore for with without in at after before during like once""".split())


def _aside(d: _Doc, k: int) -> bool:
    """Whether the words from ``k`` between a subject's commas are the reporter's aside, not a
    description of the source ("however", "for example", "in a statement", "half joking")."""
    low = d.low[k]
    # an -ly word alone between commas ("Lopes, reportedly, said"); "Jones, elderly resident
    # of the town, said" is a description
    return low in _ASIDE_START or (low.endswith("ly") and len(low) > 4 and d.tok[k].islower()
                                   and low not in _LY_NOUNS and k + 1 < len(d.tok) and d.tok[k + 1] == ",")


def _appositive(d: _Doc, comma: int, lo: int) -> tuple[int, int] | None:
    """"Huma Abedin, vice chairwoman of the campaign, said": the name and its appositive."""
    found = None
    dash = d.tok[comma] in ("—", "–", "--")
    aside = None if dash else _aside_opening(d, comma, lo)
    for c in range(comma - 1, max(lo, comma - 30) - 1, -1):
        if aside is not None and c > aside:
            continue  # "Lopez, citing intelligence reports, said": the aside's words are its own
        tok = d.tok[c]
        if (tok in ("—", "–", "--")) if dash else tok == ",":
            if d.low[c + 1] in ("that", "and", "but", "or", "so") or ((c + 1) in d.cues and not _participle_aside_cue(d, c + 1)):
                break
            head = np_left(d, c, lo)
            if head is not None and found is None and not dash and _aside(d, c + 1):
                # "Others, however, say", "Lopes, without naming him, said": not the source's;
                # "Ana Lopes, the party's chair, for example, said": the name before the aside
                return _named_before_aside(d, c, lo) or head
            if head is not None and d.low[head[1] - 1] not in PRONOUNS:
                found = (head[0], comma)
                # "Donna Rawlings, 59, of Ashton, Md., who ..., said", "Ana Lopes, the
                # minister, an ally of X, said": go on left over an age, a place or a
                # description; a name is the source's start ("the election, Minyon Moore,").
                p = head[0] - 1
                place = p > lo and d.low[p] in ("of", "from")
                if place:
                    p -= 1
                first = d.tok[head[0]]
                state = _short_cap(d, head[0]) and d.tok[head[0] + 1] == "."  # "Md."
                if p <= lo or d.tok[p] != "," or not (place or first[:1].isdigit() or first.islower() or state):
                    if d.low[head[0] - 1] in _DESCRIPTION_PLACE and _description_comma(d, head[0] - 1, lo):
                        continue  # "Ana Lopes, a farmer from Orsk, Tver, said": the place is inside
                    break         # the description; the name before it is the source's start
            continue
        if tok == "." and (_short_cap(d, c - 1) or _PARTY_STATE.match(d.tok[c - 1])):
            continue  # "Md.", "Va.", "R-Fla.": state abbreviations inside an appositive
        if tok in _SENT_FINAL or tok in (";", ":", "“", "”", "\""):
            break
        if (c in d.cues or d.low[c] == "that") and not _in_relative(d, c, lo) and not _participle_aside_cue(d, c):
            break
    return _noun_appositive(d, found)


# Prepositions that attach a place to a description ("a farmer from Orsk, Tver", "a retiree in
# Dunmore, Pa.").
_DESCRIPTION_PLACE = frozenset("of from in at near outside".split())


def _description_comma(d: _Doc, prep: int, lo: int) -> bool:
    """Whether the preposition at ``prep`` ends a description that a comma opens a few words
    before it ("Ana Lopes, a 55-year-old farmer from Orsk, Tver, said"): the words between are
    a noun phrase (no cue, verb or clause punctuation) and the comma's next word starts a
    description (a determiner, an age or a lower-case word).

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Ana Lopes, a farmer from Orsk, Tver, said it.").d
        >>> _description_comma(d, d.low.index("from"), 0)
        True
        >>> d = _state_of("Farmers from Orsk, Tver, said it.").d
        >>> _description_comma(d, d.low.index("from"), 0)
        False
    """
    for c in range(prep - 1, max(lo, prep - 9) - 1, -1):
        tok = d.tok[c]
        if tok == ",":
            nxt = d.tok[c + 1]
            return c > lo and c + 1 < prep and (d.low[c + 1] in _DETERMINERS or nxt[:1].isdigit() or nxt.islower())
        if tok in _SENT_FINAL or tok in _CLAUSE_PUNCT or c in d.cues or d.low[c] in _AUX or d.low[c] == "that":
            return False
    return False


def _named_before_aside(d: _Doc, comma: int, lo: int) -> tuple[int, int] | None:
    """The named source with its description before the comma that opens a reporter's aside
    ("Ana Lopes, the party's chair, for example, said"): :func:`_appositive` read from that
    comma, kept only when it starts the clause with a capital (not "In Orsk, officials, however,
    said", whose "Orsk" hangs on a preposition)."""
    sp = _appositive(d, comma, lo)
    if sp is None or sp[1] != comma or not _cap(d.tok[sp[0]]) or "," not in d.tok[sp[0]:sp[1]]:
        return None
    if sp[0] == lo or d.tok[sp[0] - 1] in _SENT_FINAL or d.tok[sp[0] - 1] in _CLAUSE_PUNCT \
            or d.low[sp[0] - 1] in ("but", "and", "“", '"'):
        return sp
    return None


# A party and state after a legislator's name ("Sen. Marco Rubio, R-Fla.,"), which the tokenizer
# splits from its period.
_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][a-z]{1,4}$")


def _aside_opening(d: _Doc, comma: int, lo: int) -> int | None:
    """The comma that opens a participial aside closed by the comma at ``comma`` ("Lopez,
    citing intelligence reports, said"), or None."""
    for c in range(comma - 1, max(lo, comma - 30) - 1, -1):
        if d.tok[c] in _SENT_FINAL or d.tok[c] in _CLAUSE_PUNCT:
            return c if d.tok[c] == "," and _participle_aside_cue(d, c + 1) else None
    return None


def _participle_aside_cue(d: _Doc, c: int) -> bool:
    """Whether the cue at ``c`` opens a participial aside right after a comma ("Salceda,
    citing data from the State Department, said ..."): it has its own row (the subject speaks
    through it), and the subject before it is also the main verb's."""
    return c in d.cues and c > 0 and d.tok[c - 1] == "," and d.tok[c].islower() and d.low[c].endswith("ing") \
        and d.cues[c][3] == "verb"  # not "according to X", whose X is the speaker


def _noun_appositive(d: _Doc, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """"Trump, speaking to veterans, said", "Clinton, at the debate, said": PolNeAR's source
    is the name with its noun appositives ("Ana Lopes, 59, of Orsk", "unions, including
    X", "Ana Lopes, who runs the campaign"), not a participle or setting after them."""
    if sp is None:
        return None
    for c in range(sp[0] + 1, sp[1]):
        if d.tok[c] in (",", "—", "–", "--") and c + 1 < sp[1] and _clause_appositive(d, c + 1):
            return (sp[0], c)
    return sp


def _extend_right(d: _Doc, sp: tuple[int, int], s1: int) -> tuple[int, int]:
    """"said Ana Lopes, a senior fellow at the institute." / "said the man who built ...":
    an inverted speaker keeps its appositive or relative clause up to the sentence end or
    up to a participle or setting (:meth:`_setting_after`)."""
    k = sp[1]
    if k < s1 and d.tok[k] == "(":
        # "said Sen. Ana Cruz (D-Ore.), a member of ...": the party label belongs to the name.
        close = next((t for t in range(k + 1, min(s1, k + 8)) if d.tok[t] == ")"), None)
        if close is not None:
            k = close + 1
            sp = (sp[0], k)
    if k >= s1 or not (d.tok[k] == "," or d.low[k] in ("who", "whose")) \
            or (d.tok[k] == "," and k + 1 < s1 and _setting_after(d, k + 1)):
        return sp
    end = s1
    for t in range(k + 1, s1):
        # A quotation or a colon after the appositive starts new speech: stop before it.
        # Reporting verbs inside the appositive ("who supports Clinton", "who added
        # that ...") describe the speaker and stay in the span, as PolNeAR marks them.
        if (d.tok[t] in "“”\"‘''" and not _plural_possessive(d, t)) or d.tok[t] in (";", ":"):
            end = t
            break
        if d.tok[t] == "," and t + 1 < s1 and _setting_after(d, t + 1):
            end = t
            break
    while end > k and (d.tok[end - 1] in _SENT_FINAL or d.tok[end - 1] in "”\"’''," or d.tok[end - 1] == ","):
        end -= 1
    if end - k > 30 or end <= k + 1:
        return sp
    return (sp[0], end)


def _plural_possessive(d: _Doc, t: int) -> bool:
    # "the growers' union": an apostrophe glued to a plural before a lower-case noun.
    return (d.tok[t] in ("'", "’") and t > 0 and d.low[t - 1].endswith("s") and d.end[t - 1] == d.start[t]
            and t + 1 < len(d.tok) and d.tok[t + 1].isalpha() and d.tok[t + 1].islower())


def _setting_after(d: _Doc, k: int) -> bool:
    """", summing up the talks", ", in a statement", ", at a rally": after an inverted
    speaker, the reporter's scene, which PolNeAR leaves out of the source (in PolNeAR
    train 32 such participles and 10 such settings are left out, 4 and none kept)."""
    if k + 1 < len(d.low) and d.low[k] == "on" and d.low[k + 1] in _WEEKDAYS:
        return True  # ", on Monday": the reporter's time, like a setting
    return _clause_appositive(d, k) or d.low[k] == "in"


def _dateline_end(d: _Doc, start: int, limit: int) -> int:
    """Token after a dateline starting at ``start`` ("WASHINGTON (Reuters) -", "ADDIS ABABA -",
    "KYIV, May 4 -"), else ``start``: a place and date, never a source."""
    dash = ("-", "—", "–", "--")
    t = start
    while t < limit and (d.tok[t].isupper() and len(d.tok[t]) > 1 or d.tok[t] == "."):
        t += 1  # the place, in capitals: "ADDIS ABABA", "WASHINGTON"
    if t > start and t < limit and d.tok[t] == ":":
        # A transcript's speaker label ("THE PRESIDENT:", "SECRETARY MNUCHIN:—") is the
        # transcriber's, like a dateline.
        return t + 2 if t + 1 < limit and d.tok[t + 1] in dash else t + 1
    if t == start or t >= limit or d.tok[t] not in dash + (",", "("):
        return start  # "EU foreign ministers - meeting in Brussels - said": not a dateline
    for k in range(t, min(limit, start + 12)):  # "KYIV, April 3 (Reuters) -"
        if d.tok[k] in dash:
            return k + 1
    return start


def _clause_start(d: _Doc, start: int, limit: int) -> int:
    """Skip a dateline ("WASHINGTON (Reuters) -") and leading adverbials ("In fact,",
    "Nationally, however,", "Despite the attacks,") that are the reporter's, not the
    source's, words."""
    start = _dateline_end(d, start, limit)
    for _ in range(3):
        if start >= limit:
            break
        low = d.low[start]
        if not (low in _ADJUNCT_START or low in _LEAD_ADVERBS or (low.endswith("ly") and len(low) > 4)):
            break
        comma = next((t for t in range(start + 1, min(limit, start + 9)) if d.tok[t] == ","), None)
        if comma is None or comma + 1 >= limit:
            break
        start = comma + 1
    return start


def _as_source(d: _Doc, row: dict) -> bool:
    """"As Clyburn noted, CONTENT": the speaker comes right after a clause-initial "as"."""
    if row.get("speaker_start") is None:
        return False
    a = bisect.bisect_left(d.start, row["speaker_start"])
    if a == 0 or d.low[a - 1] != "as":
        return False
    s0 = d.sent_start[d.sent[a]]
    return a - 1 == s0 or d.tok[a - 2] in _CLAUSE_PUNCT or d.low[a - 2] in ("but", "and", "yet", "so")


# Words that modify a noun and never head a subject: before a cue word they make it the noun
# ("little hope", "growing fears", "reasonable doubt"), not a verb with a subject.
_NOUN_MODIFIERS = frozenset("""little much less great grave deep deeper serious growing mounting rising renewed
lingering increasing fading deepening widespread widening faint slim strong stronger""".split())


def _noun_modifier(tok: str) -> bool:
    """Whether ``tok`` (lower-case) modifies a noun and cannot head a subject: a word of
    :data:`_NOUN_MODIFIERS` or an adjective in -ous, -ful, -able or -ible ("reasonable").

    Example:
        >>> _noun_modifier("reasonable"), _noun_modifier("little"), _noun_modifier("officials")
        (True, True, False)
    """
    low = tok.lower()
    if not tok.isalpha() or (tok[0].isupper() and low not in _NOUN_MODIFIERS):
        return False
    return low in _NOUN_MODIFIERS or (low.endswith(("ous", "ful", "able", "ible")) and low not in _MODIFIER_NOUNS)


_MODIFIER_NOUNS = frozenset("constable constables notable notables".split())


def _not_speech(d: _Doc, i: int, sp: tuple[int, int], cat: str) -> bool:
    """A subject in a condition ("unless Kyiv requests"), a thing's wish or position
    ("the bill, which seeks to"), or an object taken for a subject ("to address military
    support"): no attribution."""
    if sp[0] > 0 and d.low[sp[0] - 1] in _CONDITIONAL and d.sent[sp[0] - 1] == d.sent[i]:
        return True
    if cat in _SHORT_CLASSES and sp[0] > 0 and d.low[sp[0] - 1] == "to":
        return True  # "came to discuss air defence for Kyiv": an object, not a subject
    if sp[1] == i and _noun_modifier(d.tok[i - 1]):
        return True  # "reasonable doubt the deal ...", "little hope", "Growing fears that": a noun
    return cat in _SHORT_CLASSES and sp[1] - sp[0] == 1 and d.low[sp[0]] in _THING_RELATIVES


def _closing_attribution(d: _Doc, k: int, end: int) -> bool:
    """Whether tokens ``[k, end)`` are "<noun phrase> <cue> [adjunct]" closing the sentence
    (the phrase may hang a prepositional phrase or two on its head: "a source close to the
    delegation told TASS").

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of("Talks stalled, a source close to the delegation told TASS.").d
        >>> _closing_attribution(d, d.low.index("a"), len(d.tok) - 1)
        True
    """
    sp = np_right(d, k, end)
    if sp is None:
        return False
    c = _skip_aux_right(d, sp[1], end)
    hops = 0
    while c not in d.cues and c + 1 < end and d.low[c] in _ATTACHING and hops < 2:
        more = np_right(d, c + 1, end)  # "a source close | to the delegation", "officials | in Kyiv"
        if more is None:
            return False
        c, hops = _skip_aux_right(d, more[1], end), hops + 1
    return c in d.cues and d.cues[c][3] == "verb" and d.cues[c][0] >= end - 3


def _quote_tokens(d: _Doc, q: _Quote) -> tuple[int, int]:
    a = d.tok_at(q.start)
    b = bisect.bisect_left(d.start, q.end)
    return a, b


def _n_words(d: _Doc, a: int, b: int) -> int:
    return sum(1 for k in range(a, b) if _alpha(d.tok[k]) or d.tok[k][:1].isdigit())


def _names_after_noun(d: _Doc, k: int, a: int) -> bool:
    """Whether the label verb at ``k`` names a thing by the quotation at ``a`` ('a memo
    labelled “...”'): right before it and after a noun, not a verb's object or complement
    ('labelled the claim “Mostly False”', 'it was labeled “Mostly True”' judge the thing).

    Example:
        >>> from toolkit._quote_rules import _state_of
        >>> d = _state_of('A memo labelled "Plan B" said so. It was labelled "False".').d
        >>> _names_after_noun(d, 2, 3), _names_after_noun(d, 12, 13)
        (True, False)
    """
    return k == a - 1 and k > 0 and d.tok[k - 1].isalpha() and d.low[k - 1] not in _BE \
        and d.low[k - 1] not in PRONOUNS and d.low[k - 1] not in _AUX


def _is_title(d: _Doc, q: _Quote, a: int, b: int) -> bool:
    inner = [k for k in range(a + 1, b - 1) if _alpha(d.tok[k])]
    if not inner:
        return False
    for k in range(a - 1, max(0, a - 3) - 1, -1):
        if d.tok[k] in _SENT_FINAL or d.tok[k] in (":", ";"):
            break  # "... on The Laura Ingraham Show. “She is a disgrace,” he said": speech
        if d.low[k] in _TITLE_CUES and (d.low[k] not in _LABEL_VERBS or _names_after_noun(d, k, a)):
            return True
    # Title Case of two or more words, no final punctuation inside: a name or title.
    last_inner = d.tok[b - 2] if b - 2 > a else ""
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with", "or"}
    if len(inner) >= 2 and all(_cap(d.tok[k]) or d.low[k] in small for k in inner) \
            and _cap(d.tok[inner[0]]) and last_inner not in _SENT_FINAL and last_inner != ",":
        return True
    return False


def _ends_sentence(d: _Doc, q: _Quote, a: int, b: int) -> bool:
    # “We will win.” is a sentence, even when short: speech, not a scare quote; so is a
    # one-word quotation standing as a sentence of its own (“Nobody.” after “A,” she said.).
    if not (b - 2 > a and d.tok[b - 2] in _SENT_FINAL | {","}):
        return False
    n = _n_words(d, a, b)
    if n >= 2:
        return True
    opens = a == 0 or d.tok[a - 1] in _SENT_FINAL or "\n" in d.text[d.end[a - 1]:d.start[a]]
    return n == 1 and opens and d.tok[b - 2] in _SENT_FINAL and _cap(d.tok[a + 1])


_NA, _NAT = pd.NA, pd.NaT
_PLAIN = (str, bool, int)


def _clean(v):
    if v is None or v is _NA or v is _NAT:
        return None
    if isinstance(v, _PLAIN):
        return v  # the common cases, without a pandas call per value
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def _frame(rows: list[dict]) -> pd.DataFrame:
    data = {c: [r[c] for r in rows] for c in QUOTE_COLUMNS}
    df = pd.DataFrame({c: (pd.array(v, dtype="Int64") if c in INT_COLUMNS else pd.Series(v, dtype="object"))
                       for c, v in data.items()}, columns=QUOTE_COLUMNS)
    return df


def _runs(values: list) -> list[tuple[object, int, int]]:
    """``(value, start, end)`` of each run of equal values (rows of a document are contiguous)."""
    out = []
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            out.append((values[start], start, i))
            start = i
    return out


_MENTION_FIELDS = ("start", "end", "actor", "person", "sector", "role", "kind", "location", "actor_type",
                   "entry")


def _rows_by_doc(df: pd.DataFrame | None, fields: Sequence[str]) -> dict[object, list[tuple]]:
    """``doc_id -> [values of fields, per row]`` in table order (a missing column gives None).

    Plain tuples: a chunk has many documents, and a per-document table costs pandas calls.
    """
    if df is None or not len(df):
        return {}
    cols = [column_list(df[c]) if c in df else [None] * len(df) for c in fields]
    out: dict[object, list[tuple]] = {}
    for doc, *row in zip(column_list(df["doc_id"]), *cols):
        rows = out.get(doc)
        if rows is None:
            rows = out[doc] = []
        rows.append(tuple(row))
    return out


def _doc_states(documents: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame,
                mentions: pd.DataFrame | None, lex: _lexicon.Lexicon, gazetteer=None):
    """Yield ``(doc_id, state, group_sid)`` per document: the rules' state (its token arrays
    with the cues marked, its quotations and mentions) and the sentence id of each (re-joined)
    sentence position."""
    # The rules import this module's word lists and token helpers, so they are imported here,
    # when used, and not at the top (the two modules would import each other).
    from ._quote_rules import _State

    if gazetteer is None:   # the bundled one, for every document's speaker resolver (one check of its files)
        from .actors import load_gazetteer
        gazetteer = load_gazetteer()
    texts = dict(iter_rows(documents, "doc_id", "text"))
    hits = lex.find(tokens, texts, overlaps="longest")
    hits_by_doc = _rows_by_doc(hits, _HIT_FIELDS)
    ment_by_doc = _rows_by_doc(mentions, _MENTION_FIELDS)
    s_docs, s_start, s_end, s_id = (sentences[c].tolist() for c in ("doc_id", "start", "end", "sent_id"))
    sent_by_doc = {doc: s_id[a:b] for doc, a, b in _runs(s_docs)}
    # Speeches name their speaker in the metadata (UNGDC ``country``): "we"/"I" resolve to it.
    speaker_of_doc = {}
    if "country" in documents:
        speaker_of_doc = {k: _clean(v) for k, v in iter_rows(documents, "doc_id", "country")}
    doc_arr = tokens["doc_id"].to_numpy()
    cols = {c: column_list(tokens[c]) for c in ("start", "end", "text", "lower", "lemma", "sent_id", "tok_id")}
    bounds = {doc: (i, j) for doc, i, j in _lexicon._doc_slices(doc_arr)}
    for doc_id, text in texts.items():
        i, j = bounds.get(doc_id, (0, 0))
        s_ids = sent_by_doc.get(doc_id, [])
        d, group_sid = _doc_arrays(doc_id, text, cols, i, j, s_ids)
        h = hits_by_doc.get(doc_id)
        if h is not None:
            _find_cues(d, h, cols["tok_id"][i] if j > i else 0, ment_by_doc.get(doc_id))
        st = _State.of(d, ment_by_doc.get(doc_id), lex.tag, doc_actor=speaker_of_doc.get(doc_id),
                       gazetteer=gazetteer)
        yield doc_id, st, group_sid


# Tokens that never open a sentence: a split before one is the splitter's error after an
# abbreviation ("(R-Mo.), said", "Jr.), a Clinton backer").
_NO_SENTENCE_START = frozenset((")", ",", ";", "]"))


def _doc_arrays(doc_id, text: str, cols: dict, i: int, j: int, s_ids: list) -> tuple[_Doc, list]:
    """The :class:`_Doc` of tokens ``[i, j)`` and the sentence id of each sentence position."""
    sid_to_pos = {s: p for p, s in enumerate(s_ids)}
    raw_pos = [sid_to_pos[s] for s in cols["sent_id"][i:j]]
    arrays = [cols[c][i:j] for c in ("start", "end", "text", "lower", "lemma")]
    remap = None
    if "'" in arrays[2]:
        arrays, raw_pos, remap = _join_double_apostrophes(arrays, raw_pos)
    toks_doc = arrays[2]
    # Re-join sentences the splitter cut after a title ("... liberties,'' Mr. | Earnest said."):
    # a quote's attribution must stay in the quote's sentence.
    group = list(range(len(s_ids)))
    for n in range(1, len(raw_pos)):
        p, prev = raw_pos[n], raw_pos[n - 1]
        if p != prev:
            last = toks_doc[n - 1]
            first = toks_doc[n]
            if (last.endswith(".") and last[:-1] in TITLE_ABBREVIATIONS) or (
                    (first[:1].islower() or first in _NO_SENTENCE_START)
                    and "\n" not in text[arrays[1][n - 1]:arrays[0][n]]):
                group[p] = group[prev]  # also "Sen. Roy Blunt (R-Mo. | ), facing ...": no sentence opens with ")"
    renum = {g: k for k, g in enumerate(sorted(set(group)))}
    group = [renum[g] for g in group]
    group_sid = [None] * len(renum)
    for p in range(len(s_ids) - 1, -1, -1):
        group_sid[group[p]] = s_ids[p]
    sent_pos = [group[p] for p in raw_pos]
    # Token index range of each sentence (start inclusive, end exclusive).
    tok_lo = [0] * len(renum)
    tok_hi = [0] * len(renum)
    for n, p in enumerate(sent_pos):
        if n == 0 or sent_pos[n - 1] != p:
            tok_lo[p] = n
        tok_hi[p] = n + 1
    d = _Doc(doc_id, text, arrays[0], arrays[1], arrays[2], arrays[3], arrays[4], sent_pos, tok_lo, tok_hi)
    d.sent_ids = s_ids
    d.remap = remap
    return d, group_sid


def _positions(items: list, value) -> list[int]:
    """Indices of ``value`` in ``items`` (``list.index`` in C, not a loop over every item)."""
    out: list[int] = []
    n = -1
    while True:
        try:
            n = items.index(value, n + 1)
        except ValueError:
            return out
        out.append(n)


def _join_double_apostrophes(arrays: list[list], raw_pos: list) -> tuple[list[list], list, list[int]]:
    """The token arrays with each pair of touching apostrophes joined into one ``''`` token,
    the quote mark the New York Times prints (the tokenizer splits it in two), and the index
    of each old token in the new arrays. The joined mark belongs to the sentence of the word
    it touches: an opening mark to the next word's, a closing mark to the previous word's."""
    starts, ends, toks = arrays[0], arrays[1], arrays[2]
    if not any(toks[n + 1] == "'" and ends[n] == starts[n + 1]
               for n in _positions(toks, "'") if n + 1 < len(toks)):
        return arrays, raw_pos, list(range(len(toks)))   # no touching pair: nothing to join
    out: list[list] = [[] for _ in arrays]
    pos, remap = [], []
    n, m = 0, len(toks)
    while n < m:
        if toks[n] == "'" and n + 1 < m and toks[n + 1] == "'" and ends[n] == starts[n + 1]:
            opening = n + 2 < m and ends[n + 1] == starts[n + 2] and not (n > 0 and ends[n - 1] == starts[n])
            for k, value in enumerate((starts[n], ends[n + 1], "''", "''", "''")):
                out[k].append(value)
            pos.append(raw_pos[n + 1] if opening else raw_pos[n])
            remap += [len(pos) - 1, len(pos) - 1]
            n += 2
            continue
        for k, arr in enumerate(arrays):
            out[k].append(arr[n])
        pos.append(raw_pos[n])
        remap.append(len(pos) - 1)
        n += 1
    return out, pos, remap


SPEECH = "speech"
SILENCE = "silence"
EVIDENCE = "evidence"
INTENTION = "intention"


def cue_kinds(lex: _lexicon.Lexicon) -> dict[str, str]:
    """The kind of attribution of each cue class, from the lexicon's ``cue_kinds`` (class ->
    ``speech``, ``thought``, ``evidence``, ``intention``, ``position`` or ``silence``); a class
    the lexicon does not list there (a user's own) is speech.

    Example:
        >>> k = cue_kinds(_lexicon.load(LEXICON))
        >>> k["neutral"], k["cognitive"], k["evidential"], k["nonresponse"]
        ('speech', 'thought', 'evidence', 'silence')
    """
    declared = lex.meta.get("cue_kinds") or {}
    return {str(c): str(declared.get(c, SPEECH)) for c in lex.categories} | {str(c): str(k) for c, k in declared.items()}


# A refusal to speak ("declined to comment", "refused to say whether") is a silence, as the
# lexicon's nonresponse class ("did not respond to requests for comment"), not an intention.
_REFUSALS = frozenset("decline refuse".split())
# "agreed to review the case" commits to an act (a deal, which the events table codes), it
# reports nothing said: its kind is intention, as "plans to" is; "agreed that ..." stays speech.
# (PolNeAR's coders mark about a third of "agreed to" as a cue in its train split.)
_COMMITMENTS = frozenset(("agree",))
_INFINITIVE_AFTER = re.compile(
    r"\s+to\s+(?!(?:be|the|a|an|it|this|that|these|those|any|such|all|our|their|his|her|its|my|your|them|him|us|me)\b)"
    r"(?:really\s+|also\s+|basically\s+|not\s+)?(?-i:[a-z]+)(?<!talks)(?<!demands)(?<!terms)(?<!proposals)"
    r"(?<!plans)(?<!conditions)(?<!requests)(?<!calls)(?<!measures)(?<!steps)\b", re.IGNORECASE)
_REFUSED_SPEECH = re.compile(
    r"\s+to\s+(?:comment|say|discuss|elaborate|answer|confirm|deny|speak|talk|respond|reply|specify|disclose"
    r"|reveal|identify|name|explain|detail|divulge|address|be\s+interviewed|be\s+quoted)\b", re.IGNORECASE)


# Verbs that present evidence when a document, poll or study is their source ("Polls suggest",
# "Intelligence gathered by Britain indicates", "The data point to"): the kind is evidence
# whatever the verb's class, as the evidential class's "show" and "find" are.
_EVIDENCE_CUES = frozenset(("suggest", "indicate", "point to", "show", "find", "reveal", "confirm", "prove", "demonstrate"))
_EVIDENCE_BREAK = frozenset("of from by in for at on with".split()) | _EVIDENCE_PARTICIPLES | _RELEASED


def evidence_source(speaker: str | None) -> bool:
    """Whether a source phrase is a document, poll or study (an evidence noun heads it, before
    any "of", "by" or participle: "Polls", "Intelligence gathered by Britain", "A Bloomberg
    poll in June"), not a person or body ("Diplomats", "the Associated Press").

    Example:
        >>> [evidence_source(s) for s in ("Intelligence gathered by Britain", "The data", "Diplomats", None)]
        [True, True, False, False]
    """
    words = re.findall(r"[\w’'-]+", (speaker or "").lower())
    head = None
    for w in words:
        if w in _EVIDENCE_BREAK:
            break
        head = w
    return head in _EVIDENCE_NOUNS


def cue_kind(kind: str, cue_class: str | None, kinds: dict[str, str], lemma: str | None = None,
             after: str = "", speaker: str | None = None) -> str | None:
    """The ``cue_kind`` of one row: its cue class's kind; ``speech`` for a quotation with no cue
    (quote marks present words as spoken or written); none for a scare quote. A refusal
    (``lemma`` decline or refuse) with a verb of speaking in the text ``after`` the cue is a
    silence ("declined to comment", "refused to say whether"), as the nonresponse class is.
    A verb that presents evidence ("suggest", "indicate", "point to") with a document, poll or
    study as its ``speaker`` (:func:`evidence_source`) is evidence ("Polls suggest ...").
    "agreed to" before an infinitive is an intention: a commitment to act, not speech.

    Example:
        >>> kinds = {"neutral": "speech", "cognitive": "thought", "volitional": "intention"}
        >>> cue_kind("indirect", "cognitive", kinds), cue_kind("direct", None, kinds), cue_kind("scare", None, kinds)
        ('thought', 'speech', None)
        >>> cue_kind("indirect", "volitional", kinds, "decline", " to comment."), cue_kind("indirect", "volitional", kinds, "decline", " to join")
        ('silence', 'intention')
        >>> cue_kind("indirect", "hedged", {"hedged": "speech"}, "suggest", speaker="Polls")
        'evidence'
        >>> [cue_kind("indirect", "concessive", {}, "agree", a) for a in (" to reopen it", " that it was late", " to a truce")]
        ['intention', 'speech', 'speech']
        >>> [cue_kind("indirect", "concessive", {}, "agree", a) for a in (" to talks with Hamas", " to Russia's demands")]
        ['speech', 'speech']
    """
    if kind == "scare":
        return None
    if lemma in _REFUSALS and _REFUSED_SPEECH.match(after):
        return SILENCE
    if lemma in _EVIDENCE_CUES and evidence_source(speaker):
        return EVIDENCE
    if lemma in _COMMITMENTS and _INFINITIVE_AFTER.match(after):
        return INTENTION
    return kinds.get(cue_class, SPEECH) if cue_class else SPEECH


def find_quotes(documents: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame,
                mentions: pd.DataFrame | None = None, *,
                lexicon: str | _lexicon.Lexicon = LEXICON, gazetteer=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Find direct, indirect, mixed, according-to and scare quotes in tokenized documents.

    Args:
        documents: ``doc_id, text``.
        sentences: the sentences table of the same documents.
        tokens: the tokens table of the same documents.
        mentions: optional ``mentions`` table (``doc_id, start, end, actor, person, sector``
            and, when present, ``role, kind, location, actor_type, entry``) used to resolve
            speakers to actors; without it only names found in the text resolve.
        lexicon: the reporting-verb lexicon (name, path or loaded lexicon).
        gazetteer: the :class:`toolkit.actors.Gazetteer` the mentions were found with (a user's
            demonyms, "Kestrian", then give an official's state); ``None``: the bundled one.

    Returns:
        ``(quotes, quote_problems)``; see the module docstring for the columns' meaning.

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "“We will respond,” the minister said. The “peace plan” failed."
        >>> s, t = tokenize_documents(["d"], [text])
        >>> q, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), s, t)
        >>> q[["kind", "rule", "speaker", "cue", "content"]].values.tolist()
        [['direct', 'direct_cue_after', 'the minister', 'said', '“We will respond,”'], ['scare', 'scare', None, None, '“peace plan”']]
    """
    from ._quote_rules import run  # see _doc_states

    lex = lexicon if isinstance(lexicon, _lexicon.Lexicon) else _lexicon.load(lexicon)
    rows: list[dict] = []
    problems: list[dict] = []
    kinds = cue_kinds(lex)
    for doc_id, st, group_sid in _doc_states(documents, sentences, tokens, mentions, lex, gazetteer):
        doc_rows = run(st)
        text = st.d.text
        for r in doc_rows:
            r["sent_id"] = group_sid[r["sent_id"]] if group_sid else None
            end = r["cue_end"]
            r["cue_kind"] = cue_kind(r["kind"], r["cue_class"], kinds, r["cue_lemma"],
                                     text[end:end + 40] if end is not None else "", r["speaker"])
        rows.extend(doc_rows)
        for a, b, msg in st.problems:
            problems.append({"doc_id": doc_id, "start": a, "end": b, "text": text[a:b], "problem": msg})
    quotes = _frame(rows)
    probs = pd.DataFrame(problems, columns=PROBLEM_COLUMNS)
    for c in ("start", "end"):
        probs[c] = probs[c].astype("int64")
    return quotes, probs


def resolve_speaker_spans(documents: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame,
                          mentions: pd.DataFrame | None, spans: pd.DataFrame, *,
                          lexicon: str | _lexicon.Lexicon = LEXICON, gazetteer=None) -> pd.DataFrame:
    """Resolve given speaker spans (``doc_id, start, end``) as :func:`find_quotes` would.

    For measuring speaker resolution on its own, on gold speaker spans, apart from whether the
    quote around them is found.

    Returns:
        ``spans`` with ``speaker_actor, speaker_person, speaker_sector, speaker_resolution,
        speaker_rule`` (null where no rule answers).

    Example:
        >>> from toolkit.tokenize import tokenize_documents
        >>> text = "Anna Kovac spoke first. Then she said talks had failed."
        >>> s, t = tokenize_documents(["d"], [text])
        >>> sp = pd.DataFrame({"doc_id": ["d"], "start": [29], "end": [32]})
        >>> resolve_speaker_spans(pd.DataFrame({"doc_id": ["d"], "text": [text]}), s, t, None, sp)["speaker_person"].tolist()
        ['Anna Kovac']
    """
    lex = lexicon if isinstance(lexicon, _lexicon.Lexicon) else _lexicon.load(lexicon)
    wanted: dict = {}
    for doc, a, b in iter_rows(spans, "doc_id", "start", "end"):
        wanted.setdefault(doc, []).append((int(a), int(b)))
    out = {}
    if not wanted:
        return spans.assign(**{f"speaker_{c}": pd.Series(dtype="object") for c in
                               ("actor", "person", "sector", "resolution", "rule")})
    keep = [t[t["doc_id"].isin(wanted)] if t is not None else None for t in (documents, sentences, tokens, mentions)]
    for doc_id, st, _ in _doc_states(keep[0], keep[1], keep[2], keep[3], lex, gazetteer):
        for a, b in wanted[doc_id]:
            out[(doc_id, a, b)] = st.speakers.resolve(a, b)
    cols = ("actor", "person", "sector", "resolution", "rule")
    res = [out.get((doc, int(a), int(b))) for doc, a, b in iter_rows(spans, "doc_id", "start", "end")]
    return spans.assign(**{f"speaker_{c}": [getattr(r, c) if r is not None else None for r in res] for c in cols})


def _annotate(tables: Mapping[str, pd.DataFrame], *, lexicons=None,
              lexicon: str | None = None) -> dict[str, pd.DataFrame]:
    # ``lexicons`` as toolkit.lexicon.choose reads it; ``lexicon`` its old spelling (one release).
    # Files added beside the reporting verbs are the actors step's gazetteer files (as its own
    # ``lexicons`` option adds them), so that a user's demonyms name the speakers' states too.
    choice = _lexicon.step_lexicons("quotes", (LEXICON,), lexicons, policy="add", lexicon=lexicon)
    files = [v for k, v in choice.items() if k != LEXICON and v is not None]
    gazetteer = None
    if files:
        from .actors import load_gazetteer
        gazetteer = load_gazetteer(files)
    quotes, problems = find_quotes(tables["documents"], tables["sentences"], tables["tokens"],
                                   tables.get("mentions"), lexicon=choice.get(LEXICON, LEXICON),
                                   gazetteer=gazetteer)
    return {"quotes": quotes, "quote_problems": problems}


ANNOTATOR = Annotator(
    name="quotes",
    produces=("quotes", "quote_problems"),
    func=_annotate,
    requires=("tokens", "mentions"),
    lexicons=(LEXICON,),
    lexicon_policy="add",
    description="Direct, indirect, mixed, according-to and scare quotes with speaker, cue "
                "(reporting-verb class) and content spans; speakers resolved to actors.",
)
