"""The attribution rules of :mod:`toolkit.quotes`: small functions with ids over one document.

Each rule is a function ``rule_<name>`` that reads one document's :class:`_State` and returns
its candidate rows, each carrying the id of the rule that made it in ``rule`` (the ids are
listed in :mod:`toolkit.quotes`), or ``None`` when the quotation or cue it is offered is not
its own. The precedence among the rules lives in three tuples and nowhere else:

* :data:`STAGES`, applied in order by :func:`run`:

  1. quoted titles ("the book “Red Lines”") are set aside;
  2. each quotation is offered to :data:`DIRECT_RULES`;
  3. each cue no quotation took, unless it stands inside a quotation or inside reported
     speech, to :data:`INDIRECT_RULES` (so a quotation's cue is never read again as
     indirect speech);
  4. "NAME: clause" lines (:func:`rule_colon_line`);
  5. quotations no rule claimed: unattributed speech or scare quotes (:func:`rule_unclaimed`);
  6. unattributed quotations take the attribution they continue or carry on
     (:func:`rule_continued_quote`; this stage amends rows, it adds none);
  7. short fragments inside reported speech, then short quotations nested in a quotation
     with a row, become scare rows of their own (:func:`rule_scare_in_speech`).

* :data:`DIRECT_RULES`: the first unused cue after the quotation in its sentence
  (:func:`rule_direct_cue_after`, which reads it by :func:`rule_direct_channel_after`,
  :func:`rule_direct_said_x` or :func:`rule_direct_subject_after` by where the cue stands),
  else a cue before it (:func:`rule_direct_cue_before`), else a name and a colon before it
  (:func:`rule_direct_colon_name`).
* :data:`INDIRECT_RULES`: "according to X" (:func:`rule_according_to`), then "X quoted Y as
  saying" (:func:`rule_channel`), then "(when) asked whether ..."
  (:func:`rule_asked_question`), then the reported clause of any other cue
  (:func:`rule_reported_clause`, which splits "A, X said, B" by :func:`rule_parenthetical`).

Within a tuple the first rule that returns a list (even an empty one: the rule claims the
quotation or cue but finds no attribution) decides; the stage, not the rule, adds its rows to
``_State.rows``. A rule may mark the cue it read as used (:func:`_fill_cue`), so that no later
rule reads it again. The token-level readings the rules share (:func:`toolkit.quotes.np_left`,
:func:`toolkit.quotes.speaker_of`, ...) and the word lists live in :mod:`toolkit._quote_words`.

Example:
    >>> [(r["rule"], r["speaker"], r["content"]) for r in run(_state_of("Ana Lopes said the talks had failed."))]
    [('indirect_subject', 'Ana Lopes', 'the talks had failed')]
"""
from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, field

from ._quote_words import (
    SPEECH_NOUNS,
    _ADDRESSEE_VERBS,
    _ADDRESSEES,
    _ADJUNCT_START,
    _APPOSITIVE_HEAD_STOPS,
    _AUX,
    _BE,
    _BOUNDARY_CAPS,
    _CHANNEL_WORDS,
    _CLAUSE_BREAKERS,
    _CLAUSE_PUNCT,
    _COLON_LABELS,
    _DETERMINERS,
    _EVENT_HEADS,
    _EVIDENCE_NOUNS,
    _GLUE,
    _INTENTION_NEXT,
    _IRREGULAR_PAST,
    _NESTED_CUES,
    _NOT_CLAUSE_START,
    _NOT_SOURCES,
    _NOT_SPEECH,
    _NP_WORDS,
    _OBJECT_CLASSES,
    _OBJECT_VERBS,
    _OUTLET_NOUNS,
    _PLATFORMS,
    _POST_NOUNS,
    _QUESTION_WORDS,
    _ROLE_NOUNS,
    _SENT_FINAL,
    _SHORT_CLASSES,
    _SHORT_END,
    _SHORT_TOPIC_VERBS,
    _SUBJECT_PRONOUNS,
    _SUBORDINATORS,
    _TIME_ADVERBS,
    _TIME_NOUNS,
    _WH_COMPLEMENT,
    FRAGMENT_MAX_WORDS,
    LONG_SENTENCE_NOTE,
    PRONOUNS,
    SCARE_MAX_WORDS,
    SENTENCE_REACH,
)
from .quotes import (
    _LY_NOUNS,
    _RELEASED,
    QUOTE_COLUMNS,
    SPAN_PARTS,
    _alpha,
    _appositive,
    _as_source,
    _cap,
    _clause_start,
    _clean,
    _closing_attribution,
    _dateline_end,
    _Doc,
    _ends_sentence,
    _extend_right,
    _governed_preposition,
    _is_title,
    _matrix_start,
    _n_words,
    _noun_modifier,
    _not_speech,
    _np_word,
    _Quote,
    _quote_tokens,
    _skip_aux_left,
    _skip_aux_right,
    _statement_adjunct,
    copula_start,
    light_verb_object,
    _time_after,
    time_possessive,
    _unknown_noun,
    find_quote_spans,
    np_left,
    np_right,
    reduced_relative,
    speaker_of,
)
from .speakers import Mention, SpeakerResolver, first_name_genders


# ---------------------------------------------------------------- state
@dataclass(slots=True)
class _State:
    """What the rules of one document share, and all they share.

    Attributes:
        d: the document's tokens, sentences and cues.
        tag: ``name@version`` of the reporting-verb lexicon (the rows' ``source``).
        quotes: every quotation in the text (:func:`toolkit.quotes.find_quote_spans`), nested
            ones too; a rule that takes one sets its ``used`` and ``row``.
        problems: ``(start, end, message)`` of each unbalanced quote mark.
        top: the top-level quotations, sorted and disjoint.
        top_starts: their start offsets, for bisection.
        spans: the token span ``(a, b)`` of each top-level quotation (:func:`_stage_titles`).
        m_start: the start offset of each mention, sorted.
        m_rows: the mentions, as rows of ``toolkit.quotes._MENTION_FIELDS`` in that order.
        speakers: resolves a speaker span to its actor and person (:mod:`toolkit.speakers`).
        rows: the rows made so far, in the order the rules made them (a quotation's ``row``
            and a scare row's ``in_quote`` point into it).
        used_cues: the token index of each cue a row has taken (no later rule takes it).
    """

    d: _Doc
    tag: str
    quotes: list[_Quote]
    problems: list[tuple[int, int, str]]
    top: list[_Quote]
    top_starts: list[int]
    m_start: list[int]
    m_rows: list[tuple]
    speakers: SpeakerResolver
    rows: list[dict] = field(default_factory=list)
    used_cues: set[int] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, d: _Doc, mentions: list[tuple] | None, tag: str, doc_actor: str | None = None,
           gazetteer=None) -> _State:
        """The state of document ``d`` before any rule ran; ``mentions``: its mentions as rows
        of ``toolkit.quotes._MENTION_FIELDS`` (any order)."""
        quotes, problems = find_quote_spans(d.text)
        top = [q for q in quotes if q.depth == 0]
        m_start: list[int] = []
        m_rows: list[tuple] = []
        for r in sorted(mentions or (), key=lambda r: (r[0], r[1])):
            r = (int(r[0]), int(r[1]), *map(_clean, r[2:7]), bool(_clean(r[7])), *map(_clean, r[8:]))
            m_start.append(r[0])
            m_rows.append(r)
        speakers = SpeakerResolver(
            d, [Mention(*r[:4], *r[4:]) for r in m_rows], [(q.start, q.end) for q in top],
            set(d.cues), doc_actor, gazetteer=gazetteer)
        return cls(d, tag, quotes, problems, top, [q.start for q in top], m_start, m_rows, speakers)


def _state_of(text: str) -> _State:
    """The state of one text before any rule ran, without mentions (the examples' shorthand)."""
    import pandas as pd

    from . import lexicon
    from .quotes import LEXICON, _doc_states
    from .tokenize import tokenize_documents

    s, t = tokenize_documents(["d"], [text])
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    return next(_doc_states(docs, s, t, None, lexicon.load(LEXICON)))[1]


def _rows_of(text: str) -> list[list]:
    """``[rule, speaker, cue, content]`` of each row of one text (the examples' shorthand)."""
    return [[r[c] for c in ("rule", "speaker", "cue", "content")] for r in run(_state_of(text))]


# ---------------------------------------------------------------- rows
def _empty_row(d: _Doc, kind: str, rule: str) -> dict:
    row = dict.fromkeys(QUOTE_COLUMNS)
    row["doc_id"] = d.doc_id
    row["kind"] = kind
    row["rule"] = rule
    return row


def _set(row: dict, part: str, d: _Doc, a: int | None, b: int | None) -> None:
    """Set a part from character offsets."""
    if a is None or b is None or b <= a:
        return
    row[part] = d.text[a:b]
    row[f"{part}_start"] = a
    row[f"{part}_end"] = b


def _set_tok(row: dict, part: str, d: _Doc, span: tuple[int, int] | None) -> None:
    if span is None:
        return
    if part == "speaker":
        span = _trim_source(d, span)
    _set(row, part, d, d.start[span[0]], d.end[span[1] - 1])


_SCENE_PREPOSITIONS = frozenset("in at during after before on".split())
_SOURCE_ADVERBS = frozenset("perhaps maybe even also then now still yet so and but".split())
_SOURCE_PREPOSITIONS = frozenset("of in on for at from with by to about over".split())


def _trim_source(d: _Doc, span: tuple[int, int]) -> tuple[int, int]:
    """A source span without what is not the source: a prepositional phrase before it that a
    comma ends ("of the plan, Mr. Lopes said": "Mr. Lopes"), and a relative clause after it
    that carries a cue of its own ("Ms. Lopes, who argued that ..., said": "Ms. Lopes"), since
    a word belongs to one attribution only (PolNeAR's univocal rule)."""
    a, b = span
    while b - a > 1 and d.low[a] in _SOURCE_ADVERBS:
        a += 1  # "Perhaps the debate moderators will demand": a sentence adverb
    if d.low[a] in _SOURCE_PREPOSITIONS:
        comma = next((t for t in range(b - 2, a, -1) if d.tok[t] == ","), None)
        if comma is not None:
            a = comma + 1
    elif a > 0 and d.low[a - 1] in _SCENE_PREPOSITIONS and d.sent[a - 1] == d.sent[a] \
            and (a - 1 == d.sent_bounds(a)[0] or d.tok[a - 2] in _CLAUSE_PUNCT):
        # "In a statement, one of the attorneys, Justin Bamberg, said": the fronted scene
        # ends at its comma; the source follows it.
        comma = next((t for t in range(a + 1, b - 1) if d.tok[t] == ","), None)
        if comma is not None:
            a = comma + 1
    for c in range(a + 1, b - 1):
        if d.tok[c] == "," and d.low[c + 1] in ("who", "which") \
                and any(t in d.cues for t in range(c + 2, b)):
            return a, c
    return a, b


# ---------------------------------------------------------------- steps the rules share

def _mentions_in(st: _State, a: int, b: int) -> list[tuple]:
    i = bisect.bisect_left(st.m_start, a)
    out = []
    while i < len(st.m_rows) and st.m_rows[i][0] < b:
        if st.m_rows[i][1] <= b:
            out.append(st.m_rows[i])
        i += 1
    # A mention starting before a but overlapping (e.g. a pronoun resolved by actors).
    j = bisect.bisect_left(st.m_start, a) - 1
    if j >= 0 and st.m_rows[j][1] > a:
        out.append(st.m_rows[j])
    return out


def _resolve(st: _State, row: dict) -> None:
    """Speaker actor, person and sector of the row's speaker span (:mod:`toolkit.speakers`)."""
    if row["speaker_start"] is None:
        return
    # a coordinated subject takes the actor of its last conjunct, the verb's nearest
    first = st.d.conjunct_tail.get((row["speaker_start"], row["speaker_end"]), row["speaker_start"])
    res = st.speakers.resolve(first, row["speaker_end"])
    if res is None:
        return
    row["speaker_actor"], row["speaker_person"], row["speaker_sector"] = res.actor, res.person, res.sector
    row["speaker_resolution"], row["speaker_rule"] = res.resolution, res.rule
    if res.antecedent_start >= 0 and res.resolution in ("pronoun", "role") \
            and res.antecedent_end <= row["speaker_start"] \
            and st.d.text[res.antecedent_start:res.antecedent_end].lower() not in _PRONOUN_WORDS:
        # "He said": whom "He" is ("Iran's foreign minister"); not a name's own words, not the
        # pronoun a chain passed through ("He ... he said": the person is in speaker_person)
        row["speaker_antecedent"] = st.d.text[res.antecedent_start:res.antecedent_end]
        row["speaker_antecedent_start"], row["speaker_antecedent_end"] = res.antecedent_start, res.antecedent_end


# Pronouns that are no antecedent a reader can use.
_PRONOUN_WORDS = frozenset("he she it they him her them his its their we i you".split())


# Irregular past tenses an unknown-word reading takes for nouns ("Trump spoke for an hour,").
_PAST_VERBS = frozenset("spoke took went came made gave held sent met stood sat ran saw got put set "
                        "wrote told said left began brought".split())


# Prepositions that open a fronted time or setting phrase, never a speaker.
_FRONTED_PREPOSITIONS = frozenset("in by during after before over since within until rather at on for".split())


def _participle_speaker(st: _State, i: int) -> tuple[dict | None, tuple[int, int] | None]:
    """Speaker of a participial cue: the last earlier row's speaker in the sentence, else
    the sentence's first noun phrase."""
    d = st.d
    s0, _ = d.sent_bounds(i)
    for row in st.rows[:-65:-1]:   # the last 64 rows, latest first (mypyc refuses reversed() here)
        if row["cue_start"] is not None and row["cue_start"] < d.start[i] \
                and row["cue_start"] >= d.start[s0] and row["speaker_start"] is not None:
            if str(row["speaker"]).lower() == "which":
                break  # "The alliance, which portrays itself as ..., acts ..., rejecting": the main clause's subject
            return row, None
    k = _dateline_end(d, s0, i)
    while k < i and (d.low[k] in _BOUNDARY_CAPS or d.tok[k] in _CLAUSE_PUNCT) \
            and d.low[k] not in _FRONTED_PREPOSITIONS:  # "In 1986, the court ...": not past "In"
        k += 1
    if k < i and d.low[k] in _FRONTED_PREPOSITIONS:
        # "In the next eight weeks, the campaign ..., emphasizing": the subject follows the fronted phrase.
        comma = next((t for t in range(k + 1, i) if d.tok[t] == ","), None)
        if comma is None:
            return None, None
        k = comma + 1
    sp = np_right(d, k, i)
    if sp is not None and _not_a_subject(d, sp):
        # "A few days ago, the envoy wrote ..., saying": past a fronted time, the subject
        comma = next((t for t in range(sp[1], i) if d.tok[t] == ","), None)
        sp = np_right(d, comma + 1, i) if comma is not None and d.low[sp[1] - 1] in _DURATIONS | {"ago"} else None
        if sp is not None and _not_a_subject(d, sp):
            sp = None
        if sp is None:
            return None, (i, i)
    if sp is not None and sp[1] < i and d.tok[sp[1]] == ",":
        # "Christie, New Jersey's governor, endorsed ..., saying": the name keeps its appositive.
        c2 = next((t for t in range(sp[1] + 1, min(i, sp[1] + 16)) if d.tok[t] == ","), None)
        ap = _appositive(d, c2, s0) if c2 is not None and c2 + 1 < i and d.tok[c2 + 1].islower() else None
        first = d.low[sp[1] + 1]
        if ap is not None and ap[0] == sp[0] and ap[1] > sp[1] and first not in ("who", "whose", "which", "such") \
                and not first.endswith("ly") and not any(t in d.cues or d.low[t] in _AUX for t in range(sp[1] + 1, ap[1])):
            sp = ap  # not "Clinton, clearly frustrated", "Cruz, who won Texas": PolNeAR leaves those out
    if sp is not None:
        # "Hillary Clinton spoke out on Monday, arguing": the subject ends at its verb.
        verb = next((t for t in range(sp[0] + 1, sp[1]) if d.low[t] in _PAST_VERBS), None)
        if verb is not None:
            sp = (sp[0], verb)
    return None, sp


_DURATIONS = frozenset("seconds minutes hours days weeks months years decades".split())


def _not_a_subject(d: _Doc, sp: tuple[int, int]) -> bool:
    """Whether a sentence's first phrase cannot be a participle's speaker: a time ("A few days
    ago", "Five minutes"), a lone adverb ("Obviously") or an auxiliary ("Were")."""
    last = d.low[sp[1] - 1]
    if last == "ago" or last in _DURATIONS:
        return True
    return sp[1] - sp[0] == 1 and (last in _AUX or (last.endswith("ly") and last not in _LY_NOUNS))


def _fill_speaker(st: _State, row: dict, i: int, lo: int) -> bool:
    how, sp = speaker_of(st.d, i, lo)
    if how == "participle":
        src, sp = _participle_speaker(st, i)
        if src is not None:
            for c in ("speaker", "speaker_start", "speaker_end", "speaker_actor",
                      "speaker_person", "speaker_sector", "speaker_resolution", "speaker_rule",
                      "speaker_antecedent", "speaker_antecedent_start", "speaker_antecedent_end"):
                row[c] = src[c]
            return True
    if sp is None:
        return how == "passive"
    if sp[0] == sp[1]:
        return True  # a participle whose sentence has no subject before it: the cue alone
    _set_tok(row, "speaker", st.d, sp)
    _resolve(st, row)
    return True


# Adverbs of time that stay with the cue before a comma ("adding later, “...”").
_CUE_ADVERBS = frozenset("later again afterward afterwards earlier".split())


def _manner_adverb(d: _Doc, j: int) -> bool:
    return d.low[j].endswith("ly") and len(d.low[j]) > 4 and d.tok[j].islower() and d.low[j] not in _LY_NOUNS


def _fill_cue(st: _State, row: dict, i: int) -> None:
    # The cue is the verb group, as PARC/PolNeAR mark it: auxiliaries and adverbs before
    # the verb ("has also said") and a colon right after it ("said:").
    d = st.d
    j, lemma, cat, syn, _ = d.cues[i]
    a = i
    if syn == "verb":
        s0, s1 = d.sent_bounds(i)
        lo = s0
        if row.get("speaker_end") is not None and row["speaker_end"] <= d.start[i]:
            lo = max(lo, bisect.bisect_left(d.start, row["speaker_end"]))
        a = copula_start(d, i, lo) or _skip_aux_left(d, i, lo)  # "felt confident", "were also incensed"
        m = _matrix_start(d, a - 1, lo) if a - 1 > lo and d.low[a - 1] == "to" else a
        if m < a - 1 and m - 1 >= lo and d.low[m].endswith("ing") and d.tok[m - 1] in (",", "—", "–"):
            a = m  # ", going on to say": the participle's verb group is part of the cue
        elif a - 1 > lo and d.low[a - 1] == "to" and row.get("speaker_end") is not None \
                and row["speaker_end"] <= d.start[a - 1] and m == lo:
            a = lo  # "went on to say": the governing verb group is part of the cue
        if j + 1 < s1 and (_manner_adverb(d, j) or d.low[j] in _CUE_ADVERBS) \
                and (d.tok[j + 1] in _CLAUSE_PUNCT or d.tok[j + 1] in _SENT_FINAL or d.low[j + 1] == "that"):
            j += 1  # "said sarcastically,", "complain bitterly that", "adding later,": the saying's adverb
        j = _statement_adjunct(d, j, s1)
        j = light_verb_object(d, j, s1, lemma) or j  # "expressed concern about": the stance noun too
        j = _governed_preposition(d, j, s1, lemma, cat)
        if j < s1 and d.tok[j] == ":":
            j += 1
    _set(row, "cue", d, d.start[a], d.end[j - 1])
    row["cue_class"], row["cue_lemma"] = cat, lemma
    row["source"] = st.tag
    st.used_cues.add(i)
    if row["channel_start"] is None:
        _media_channel(st, row, i)
    if row["channel_start"] is None:
        _text_channel(st, row, i)


def _media_channel(st: _State, row: dict, i: int) -> None:
    """"told Reuters", "in an interview with CNN", "said on Fox News": the outlet is the
    channel of the speech, not its speaker or target (the row's ``rule`` gains ``+channel``)."""
    d = st.d
    s0, s1 = d.sent_bounds(i)
    lo, hi = d.start[s0], d.end[s1 - 1]
    k = bisect.bisect_left(st.m_start, lo)
    while k < len(st.m_rows) and st.m_rows[k][0] < hi:
        m = st.m_rows[k]
        k += 1
        if m[8] != "media" and m[6] != "media":
            continue
        if row["speaker_start"] is not None and row["speaker_start"] <= m[0] < row["speaker_end"]:
            continue  # "Reuters reported": the outlet is the speaker
        t = t0 = bisect.bisect_left(d.start, m[0])
        if t > s0 and d.low[t - 1] in ("the", "a", "an") and not (row["speaker_start"] is not None
                                                                 and row["speaker_start"] <= d.start[t - 1]
                                                                 < row["speaker_end"]):
            t -= 1  # "told the Associated Press", "in an interview with the BBC"
        prev = d.low[t - 1] if t > s0 else ""
        # "in a statement carried by KCNA", "remarks published by Tasnim": the outlet that ran it
        carried = prev == "by" and t - 2 >= s0 and d.low[t - 2] in _CARRIED
        if prev in _CHANNEL_WORDS or carried or (prev == "in" and t - 1 == d.cues[i][0]) or t0 == d.cues[i][0]:
            _set(row, "channel", d, m[0], m[1])
            row["channel_actor"] = m[2]
            row["rule"] = f"{row['rule']}+channel" if row["rule"] else "channel"
            return


# Words that may follow an outlet's name in "told the Anadolu news agency ...": the clause or
# an adjunct starts there, so the outlet noun ended the phrase.
_AFTER_OUTLET = frozenset("that on in at during last this after before when while as about it he "
                          "she they we the a".split())


def _outlet_after_tell(d: _Doc, j: int, s1: int) -> tuple[int, int] | None:
    """"told the (state) news agency RIA Novosti", "told the daily Kommersant": the outlet
    phrase after "told", from its first word after the article through the outlet noun and a
    name after it; ``None`` when no outlet noun ends the phrase ("told the television audience")."""
    a = j + (j < s1 and d.low[j] in ("the", "a", "an"))
    head = next((t for t in range(a, min(s1, a + 5)) if d.low[t] in _OUTLET_NOUNS), None)
    if head is None and a > j and d.low[j] == "the":
        return _masthead(d, a, s1)
    if head is None or any(d.tok[t] in _CLAUSE_PUNCT or d.low[t] == "that" for t in range(a, head)):
        return None
    b = head + 1
    while b < s1 and b - head <= 4 and _cap(d.tok[b]) and d.low[b] not in _PLATFORMS:
        b += 1
    if b < s1 and d.tok[b].isalpha() and d.tok[b].islower() and d.low[b] not in _AFTER_OUTLET:
        return None  # the outlet noun modifies a noun: "told the radio audience"
    return a, b


# Last words of newspapers' and wire services' names ("the Harbour Gazette", "the Valen
# Courier"): after "told the" a capitalised name ending in one is an outlet the list may not know.
_MASTHEAD_WORDS = frozenset("""gazette herald times post journal tribune courier chronicle observer
telegraph mirror express guardian dispatch monitor bulletin examiner inquirer wire news""".split())


def _masthead(d: _Doc, a: int, s1: int) -> tuple[int, int] | None:
    """The span of a capitalised name of up to five words from ``a`` whose last word is a
    masthead word ("told the Harbour Gazette", "the Valen Courier"), followed by no lower-case
    noun ("the Post Office" is no outlet: its last word is no masthead word); else ``None``.

    Example:
        >>> _rows_of("Lopes told the Harbour Gazette that troops would stay.")[0][0]
        'indirect_subject+channel'
    """
    b = a
    while b < s1 and b - a < 5 and _cap(d.tok[b]) and d.tok[b].isalpha():
        b += 1
    if b == a or d.low[b - 1] not in _MASTHEAD_WORDS:
        return None
    if b < s1 and d.tok[b].isalpha() and d.tok[b].islower() and d.low[b] not in _AFTER_OUTLET:
        return None
    return a, b


def _platform_at(d: _Doc, on: int, s1: int) -> tuple[int, int] | None:
    """The platform named after "on" ("on Telegram", "on X", "on Truth Social"), as a token span."""
    t = on + 1
    if t >= s1 or d.low[t] not in _PLATFORMS or not d.tok[t][:1].isupper():
        return None
    if d.low[t] == "truth":
        return (t, t + 2) if t + 1 < s1 and d.low[t + 1] == "social" else None
    return t, t + 1


def _broadcast_at(d: _Doc, on: int, s1: int) -> tuple[int, int] | None:
    """The broadcaster after "on" that names no outlet: "on state TV", "on national
    television", "on the state broadcaster", as a token span (article left out); ``None`` for
    anything else ("on television" alone, "on the state of the economy").

    Example:
        >>> _rows_of("Speaking on state TV, Ana Lopes said the army was ready.")[0]
        ['indirect_subject+channel', 'Ana Lopes', 'said', 'the army was ready']
    """
    a = on + 1 + (on + 1 < s1 and d.low[on + 1] in ("the", "a"))
    if a + 1 < s1 and d.low[a] in _BROADCAST_OWNERS and d.low[a + 1] in _BROADCAST_NOUNS:
        return a, a + 2
    return None


# What makes "on ..." before the cue the speech's channel: "speaking on state TV, X said".
_ON_AIR = frozenset("speaking appearing interview interviewed remarks address speech".split())
_BROADCAST_OWNERS = frozenset("state national public".split())
_BROADCAST_NOUNS = frozenset("tv television radio broadcaster media channel".split())
# Participles of an outlet that ran a statement: "a statement carried by KCNA".
_CARRIED = frozenset("carried published broadcast aired run released distributed posted".split())


# Last words of outlets' names that are no surnames ("Sky News", "Voice TV").
_OUTLET_WORDS = frozenset("news tv television radio times post journal herald tribune today "
                          "online daily weekly channel network agency press".split())


def _interview_outlet(d: _Doc, w: int, s1: int) -> tuple[int, int] | None:
    """"in an interview with Channel 4", "interview with the BBC's Today programme": the
    capitalised name after "interview with"."""
    a = w + 2
    a += a < s1 and d.low[a] == "the"
    b = a
    while b < s1 and b - a < 6 and (_cap(d.tok[b]) or (b > a and (d.tok[b].isdigit() or d.low[b] in ("’s", "'s")))):
        b += 1
    while b > a and d.low[b - 1] in ("’s", "'s"):
        b -= 1
    if b - a == 2 and d.tok[b - 1].isalpha() and d.low[b - 1] not in _OUTLET_WORDS \
            and d.tok[a] in first_name_genders():
        return None  # "an interview with John Smith": a person, not an outlet
    return (a, b) if b > a else None


def _text_channel(st: _State, row: dict, i: int) -> None:
    """The channel of a speech whose outlet the actor list does not know: "told the Anadolu
    news agency", "said on Telegram", "in a post on X", "in an interview with Channel 4". The
    outlet is the speech's channel, never its speaker or the speaker's state (``channel_actor``
    stays empty; the row's ``rule`` gains ``+channel``)."""
    d = st.d
    j, lemma = d.cues[i][0], d.cues[i][1]
    s0, s1 = d.sent_bounds(i)
    span = _outlet_after_tell(d, j, s1) if lemma == "tell" else None
    lo, hi = max(s0, i - 30), min(s1, j + 30)
    window = d.low[lo:hi]
    if span is None and "on" not in window and "interview" not in window:
        return  # most cues: no platform or interview near, and list membership is cheap
    for t in range(lo, hi):
        if span is not None:
            break
        low = d.low[t]
        if low == "on" and (t == j or any(d.low[k] in _POST_NOUNS or d.low[k] in ("posted", "wrote", "written")
                                          for k in range(max(s0, t - 3), t))):
            span = _platform_at(d, t, s1) or (_broadcast_at(d, t, s1) if t == j else None)
        elif low == "on" and t < i and any(d.low[k] in _ON_AIR for k in range(max(s0, t - 3), t)):
            span = _broadcast_at(d, t, s1)  # "speaking on state TV, X said", "said on national television"
        elif low == "interview" and t + 2 < s1 and d.low[t + 1] == "with" \
                and (_cap(d.tok[t + 2]) or d.low[t + 2] == "the"):
            span = _interview_outlet(d, t, s1)
    if span is None:
        return
    a, b = d.start[span[0]], d.end[span[1] - 1]
    if row["speaker_start"] is not None and row["speaker_start"] <= a < row["speaker_end"]:
        return
    _set(row, "channel", d, a, b)
    row["rule"] = f"{row['rule']}+channel" if row["rule"] else "channel"


def _channel(st: _State, row: dict, c: int, lo: int, s1: int) -> bool:
    """X quoted Y as saying: channel X (subject), speaker Y (object). In the passive, "Y was
    quoted (by X) as saying": speaker Y (subject), channel X (the by-phrase)."""
    d = st.d
    j = d.cues[c][0]
    if c - 1 >= lo and d.low[c - 1] in _BE and j + 1 < s1:
        sp = np_left(d, _skip_aux_left(d, c, lo), lo)
        ch = np_right(d, j + 1, s1) if d.low[j] == "by" else None
        after = ch[1] if ch is not None else j
        if sp is None or after + 1 >= s1 or d.low[after] != "as":
            return False
    else:
        ch = np_left(d, _skip_aux_left(d, c, lo), lo)
        sp = np_right(d, j, s1)
        if sp is None or sp[1] + 1 >= s1 or d.low[sp[1]] != "as":
            return False
    if ch is not None:
        _set_tok(row, "channel", d, ch)
        inside = _mentions_in(st, row["channel_start"], row["channel_end"])
        if inside:
            row["channel_actor"] = inside[0][2]
    _set_tok(row, "speaker", d, sp)
    _resolve(st, row)
    return True


def _top_between(st: _State, lo: int, hi: int) -> list[_Quote]:
    """Top-level quotes that start in ``[lo, hi)`` (they are sorted and disjoint)."""
    i = bisect.bisect_left(st.top_starts, lo)
    out = []
    while i < len(st.top) and st.top[i].start < hi:
        out.append(st.top[i])
        i += 1
    return out


def _in_quote(st: _State, pos: int) -> bool:
    i = bisect.bisect_right(st.top_starts, pos) - 1
    return i >= 0 and pos < st.top[i].end and not st.top[i].title


def _nested(st: _State, i: int) -> bool:
    # Content spans are kept sorted; a containing span starts shortly before the cue, so
    # the few nearest spans on the left are enough (no scan over every row).
    # (the 8 greatest spans starting at or before the cue, as sorting them all would give)
    a = st.d.start[i]
    spans = [(r["content_start"], r["content_end"]) for r in st.rows[-64:]
             if r["content_start"] is not None and r["kind"] != "scare" and r["content_start"] <= a]
    return any(a < e for _, e in (heapq.nlargest(8, spans) if len(spans) > 8 else spans))


def _reusable(st: _State, c: int) -> bool:
    # “A,” X said, “B.”: the cue already used by A also introduces B.
    return any(r["cue_start"] == st.d.start[c] and r["kind"] == "direct" for r in st.rows)


def _inside_speech(st: _State, i: int) -> bool:
    """A cue inside a quotation, or a belief verb, a pronoun restatement or a non-speech
    verb inside reported speech, belongs to that speech, not to a new attribution."""
    d = st.d
    _, lemma, cat, _, _ = d.cues[i]
    if _in_quote(st, d.start[i]):
        return True  # a cue inside a quotation belongs to the quoted speaker's words
    # "Trump said he thinks ...", "said Machado promised to ...": part of that speech.
    return (cat == "cognitive" or lemma not in _NESTED_CUES
            or (d.low[i - 1] in PRONOUNS - {"who", "which"} if i > 0 else False)) and _nested(st, i)



# ---------------------------------------------------------------- reported clauses

def _skippable_before_that(d: _Doc, k: int, that: int, lemma: str, s1: int) -> bool:
    """Whether the words from ``k`` (right after a cue) to a later "that" may be skipped: none,
    an adjunct or adverb ("said on Friday that", "said via email that", "said repeatedly
    that"), or the addressee of a verb that takes one ("told reporters that"). Any other word
    starts the reported clause itself ("says hackers are taking aim at ... that ...", "disputes
    the idea that ..."), as PolNeAR marks it."""
    if that == k:
        return True
    low = d.low[k]
    if low in _ADJUNCT_START or low in _TIME_NOUNS or low in _TIME_ADVERBS or d.tok[k] in _CLAUSE_PUNCT:
        return True
    if low.endswith("ly") and len(low) > 4 and d.tok[k].islower():
        return True
    if lemma == "tell":
        return True  # "told a meeting of Pacific Island leaders that": all of it the addressee
    if lemma not in _ADDRESSEE_VERBS:
        return False
    obj = np_right(d, k, s1)
    return obj is not None and (obj[1] == that or d.low[obj[1]] in _ADJUNCT_START
                                or d.low[obj[1]] in _TIME_NOUNS or d.tok[obj[1]] == ",")


def _quote_after_addressee(d: _Doc, k: int, s1: int) -> int | None:
    """The opening quote mark of "told CBS, “We are ...”" (a comma and a quotation after a
    short addressee starting at ``k``), else ``None``."""
    for t in range(k + 1, min(s1 - 1, k + 8)):
        if d.tok[t] in _SENT_FINAL or d.tok[t] in (";", ":") or t in d.cues or d.low[t] == "that":
            return None
        if d.tok[t] == "," and d.tok[t + 1] in ("“", '"', "''", "‘"):
            return t + 1
    return None


def _after_named_addressee(d: _Doc, k: int, s1: int) -> int | None:
    """"told Reuters the offer stood", "told Ana Lopes the talks would resume": the clause after a
    named addressee (a run of capitalised words, "the BBC" too) when it starts with a determiner
    or pronoun and has a verb (an auxiliary, an -ed form or an irregular past); ``None`` for
    "told Congress the truth", where only an object follows."""
    t = k + (d.low[k] == "the")
    if t >= s1 or not _cap(d.tok[t]):
        return None
    while t < s1 and _cap(d.tok[t]):
        t += 1
    if t >= s1 or not (d.low[t] in _DETERMINERS or d.low[t] in PRONOUNS) or d.low[t] in ("’s", "'s"):
        return None
    verb = any(d.low[u] in _AUX or d.low[u] in _IRREGULAR_PAST or (d.low[u].endswith("ed") and d.tok[u].islower())
               for u in range(t + 1, min(s1, t + 12)))
    return t if verb else None


def _block_after(d: _Doc, colon: int) -> tuple[int, int] | None:
    """"The governor added:" and a paragraph of unquoted speech on the next line (a block
    quotation, as web news sets one): that paragraph, read up to :data:`SENTENCE_REACH` tokens;
    ``None`` when the colon ends the text or a quotation opens the paragraph (the direct rules'
    case)."""
    a = colon + 1
    if a >= len(d.tok) or "\n" not in d.text[d.end[colon]:d.start[a]] or not d.tok[a][:1].isalnum():
        return None
    b = a + 1
    while b < len(d.tok) and b - a < SENTENCE_REACH and "\n" not in d.text[d.end[b - 1]:d.start[b]]:
        b += 1
    return a, b


def _content_after(st: _State, i: int, row: dict) -> tuple[int, int] | None:
    """Token span of the reported clause after the cue ``i``."""
    d = st.d
    j, lemma, cat, _, that_opt = d.cues[i]
    s0, s1 = d.sent_bounds(i)
    k = j
    if k >= s1:
        return None
    light = light_verb_object(d, j, s1, lemma)
    if light is not None and light < s1 and d.tok[light] not in _SENT_FINAL:
        return _clause_end(st, light, s1, s1)  # "raised questions about | his microphone"
    # Skip a short adjunct or addressee before "that" ("told reporters on Monday that").
    that: int | None = None
    # "plans to keep that promise": the infinitive is the content, not a later "that".
    aside = _participle_aside(d, k, s1)  # "said in a statement, citing officials, that ..."
    for t in range(k, k if cat in _SHORT_CLASSES and d.low[k] in _INTENTION_NEXT else min(s1, k + 14)):
        if aside is not None and aside[0] <= t < aside[1]:
            continue
        if d.low[t] == "that":
            that = t
            break
        if d.tok[t] in _SENT_FINAL or d.tok[t] in (";", ":") or t in d.cues or d.tok[t] in "“\"''":
            break
    later: int | None = None
    if that is not None and not _skippable_before_that(d, k, that, lemma, s1):
        # "says hackers are taking aim ... that ...": the clause starts at the cue; the later
        # "that" only when no clause starts there ("echoed statements by X that ...").
        later = that
        that = None
    start = None
    if that is not None:
        start = that
    else:
        as_clause = False
        if d.tok[k] == ":" and (k + 1 >= s1 or "\n" in d.text[d.end[k]:d.start[k + 1]]):
            return _block_after(d, k)  # "Limbaugh added:" and the paragraph after it
        if d.tok[k] not in (",", ":") and cat != "cognitive" and _as_source(d, row) and not _as_after_comma(d, row):
            k = _as_adjunct_end(d, k, s1, addressee=lemma == "tell")  # "As Lopes noted in her testimony, CLAUSE"
        if d.tok[k] in (",", ":"):
            # "As Lopes pointed out, CLAUSE", but not the formula "as you know, ..."
            as_clause = d.tok[k] == "," and cat != "cognitive" and _as_source(d, row)
            if d.tok[k] == ":" or (that_opt and lemma in ("say", "add", "write", "tweet")) or as_clause:
                k += 1
            else:
                return None
        if k >= s1:
            return None
        k = _past_time(d, k, s1, lemma, that_opt)
        if lemma == "tell" and that_opt:
            # "told The Washington Post he was ...": the clause after the addressee.
            obj = np_right(d, k, s1)
            quote = _quote_after_addressee(d, k, s1)
            if quote is not None:
                start = quote  # "told CBS, “We are ...”": the quotation, not the addressee
            elif d.low[k] in _ADDRESSEES and k + 1 < s1 and not _cap(d.tok[k + 1]):
                start = _time_after(d, k + 1, s1)  # "told reporters the alliance would ...": the clause after them
                if start < s1 and _after_setting_phrase(d, start, s1) is not None:
                    start = _after_setting_phrase(d, start, s1)  # "told reporters in Orsk the army would ..."
                if start >= s1 or (d.low[start] in _ADJUNCT_START and not time_possessive(d, start, s1)) \
                        or d.tok[start] in _SENT_FINAL:
                    return None  # "..., X told reporters on Tuesday.": the content is before the cue
            elif _after_named_addressee(d, k, s1) is not None:
                start = _after_named_addressee(d, k, s1)
            elif obj is not None and obj[1] < s1 and (d.low[obj[1]] in PRONOUNS or d.low[obj[1]] in _DETERMINERS
                                                      or _cap(d.tok[obj[1]])):
                start = obj[1]
            elif obj is not None and obj[1] < _time_after(d, obj[1], s1) < s1 \
                    and _clause_subject_start(d, _time_after(d, obj[1], s1)):
                start = _time_after(d, obj[1], s1)  # "told Reuters on Friday the troops would stay"
            elif obj is not None and (obj[1] >= s1 or d.tok[obj[1]] in _SENT_FINAL
                                      or (d.low[obj[1]] in _ADJUNCT_START and d.low[obj[1]] != "to")):
                return None  # "..., X told a news conference in Orsk.": only the addressee follows
            else:
                start = k
        elif lemma in _ADDRESSEE_VERBS or cat in _OBJECT_CLASSES or lemma in _OBJECT_VERBS \
                or (cat == "evidential" and d.low[max(_skip_aux_left(d, i, s0) - 1, s0)] in _EVIDENCE_NOUNS):
            start = k
        elif lemma == "ask" and d.low[k] in ("whether", "if", "why", "how", "what", "about", "who", "when"):
            start = k
        elif d.low[k] in _WH_COMPLEMENT and lemma not in ("say", "add", "continue") and cat != "directive":
            start = k  # "explained why he backs Trump", "didn't know what to make of him"
        elif (that_opt or as_clause) and (d.low[k] not in _NOT_CLAUSE_START or _demonstrative_subject(d, k, s1)) \
                and (_alpha(d.tok[k]) or d.tok[k] in "“\"‘''" or d.tok[k][:1].isdigit()):
            start = k
        elif d.low[k] == "to" and cat in ("directive", "reassuring", "warning", "cognitive", "concessive") \
                and not (k + 1 < s1 and (d.low[k + 1] in _AUX or d.tok[k + 1] in _CLAUSE_PUNCT)):
            start = k  # "agreed to review ..." but not "the measures agreed to is ..."
        if start is not None and cat == "directive" and lemma not in ("call for", "demand", "propose",
                                                                      "recommend", "request") \
                and not (lemma == "ask" and any(d.low[t] in ("whether", "if", "why", "how", "what", "about",
                                                           "who", "when") for t in range(start, min(s1, start + 8)))):
            # Directives report an action wanted of someone: "urged Kyiv to ...".
            if not any(d.low[t] == "to" for t in range(start, min(s1, start + 8))):
                return None
    if start is None:
        start = later
    if start is None or start >= s1:
        return None
    return _clause_end(st, start, _object_end(st, i, start, s1), s1)


def _as_after_comma(d: _Doc, row: dict) -> bool:
    """Whether the "as" before the speaker follows a comma ("He is no poet, as I said before,
    and ..."): such an aside may report the clause before it, so no clause after it is read."""
    a = bisect.bisect_left(d.start, row["speaker_start"])
    return a >= 2 and d.tok[a - 2] == ","


# Words that open an adjunct (place, time, manner, addressee) after the cue of "As X noted":
# prepositions and time words, never a determiner, which opens the verb's object.
_AS_ADJUNCT_OPENERS = frozenset("""in on at during before after earlier last this yesterday today recently
repeatedly many several often previously publicly privately once twice again already to with
for""".split())


def _as_adjunct_end(d: _Doc, k: int, s1: int, *, addressee: bool = False) -> int:
    """The comma that closes a short adjunct after the cue of "As X noted" (``k``: the token
    after the cue): "in his testimony", "last week", "earlier this year"; else ``k``.
    The adjunct opens with a preposition or a time word (or, with ``addressee``, is the
    addressee of "told"), has no verb of its own and at most seven words.

    Example:
        >>> st = _state_of("As Ekman noted in his testimony, the fund was never audited.")
        >>> st.d.tok[_as_adjunct_end(st.d, 3, len(st.d.tok))]
        ','
    """
    if d.low[k] not in _AS_ADJUNCT_OPENERS and not (addressee and (d.low[k] in _ADDRESSEES or _cap(d.tok[k]))):
        return k  # "As we work to defend our safety, ...": an object, no adjunct
    for t in range(k, min(s1, k + 8)):
        if d.tok[t] == ",":
            return t if t > k else k
        if t in d.cues or not (d.tok[t].isalnum() or d.tok[t] in ("'s", "’s", "-")) or d.low[t] in _FINITE_AUX:
            return k
    return k


def _clause_subject_start(d: _Doc, k: int) -> bool:
    """Whether token ``k`` can open a clause's subject: a personal pronoun, a determiner
    ("the troops would ..."), or a capitalised name.

    Example:
        >>> st = _state_of("Royce told Reuters on Friday the troops would stay.")
        >>> _clause_subject_start(st.d, 5), _clause_subject_start(st.d, 3)
        (True, False)
    """
    return d.low[k] in PRONOUNS or (d.low[k] in _DETERMINERS and d.low[k] not in ("this", "last", "next")) \
        or (_cap(d.tok[k]) and d.low[k] not in _BOUNDARY_CAPS)


def _past_time(d: _Doc, k: int, s1: int, lemma: str, that_opt: bool) -> int:
    """The token after a time adjunct that follows the cue at ``k`` when a clause or an
    infinitive starts there ("said on Tuesday his country had ...", "vowed on Tuesday to
    respond"), else ``k``.

    Example:
        >>> st = _state_of("Veld vowed on Tuesday to respond.")
        >>> st.d.tok[_past_time(st.d, 2, len(st.d.tok), "vow", False)]
        'to'
    """
    after = _time_after(d, k, s1) if that_opt and lemma in ("say", "add", "tell") else k
    if k < after < s1 and (d.low[after] in PRONOUNS or d.low[after] in _DETERMINERS or _cap(d.tok[after])
                           or _bare_subject(d, after, s1)):
        return after  # "said on Tuesday his country had ...", "said on Monday exports fell": the clause after the time
    if that_opt and lemma in ("say", "add"):
        setting = _after_setting_phrase(d, k, s1)
        if setting is not None:
            return setting  # "said on Twitter the airport would ...": the clause after the setting
    timed = _time_after(d, k, s1)
    if k < timed < s1 and d.low[timed] == "to" and lemma != "tell":
        return timed  # "vowed on Tuesday to respond": the infinitive after the time
    return k


_SETTING_PREPOSITIONS = frozenset("on in at during via after before over".split())
SETTING_MAX_TOKENS = 12  # tokens from the preposition to the clause's finite verb


def _after_setting_phrase(d: _Doc, k: int, s1: int) -> int | None:
    """The start of a clause after a short prepositional phrase of the reporter's at ``k``
    ("said on Twitter the airport would ...", "said at a news conference in Orsk the army
    would ...", "said on condition of anonymity the deal was ..."), else ``None``.

    The phrase has no verb, comma or "that"; the first finite verb (an auxiliary, an irregular
    past or an -ed form) after it is the clause's, and the clause's subject opens at the first
    determiner or pronoun after the phrase's last preposition that is not that preposition's
    object ("at a rally in Orsk the army would ..."), or at a name right after a lower-case
    noun ("at the summit Tarsia would ..."), or at the second name of two right after the
    preposition ("in Riga Latvia would ..."). Anything else ("in the city centre protesters had ...",
    where the phrase could end at either noun) is left unread.

    Example:
        >>> st = _state_of("He said on Twitter the airport would reopen.")
        >>> st.d.tok[_after_setting_phrase(st.d, 2, len(st.d.tok))]
        'the'
        >>> _after_setting_phrase(_state_of("He said before he died.").d, 2, 6) is None
        True
        >>> st = _state_of("He said at a news conference in Riga Latvia would sign.")
        >>> st.d.tok[_after_setting_phrase(st.d, 2, len(st.d.tok))]
        'Latvia'
        >>> st = _state_of("He said in Addis Ababa Kenya would sign.")
        >>> st.d.tok[_after_setting_phrase(st.d, 2, len(st.d.tok))]
        'Kenya'
    """
    if d.low[k] not in _SETTING_PREPOSITIONS:
        return None
    verb = None
    for t in range(k + 1, min(s1, k + SETTING_MAX_TOKENS)):
        low = d.low[t]
        if low in _FINITE_AUX or low in _IRREGULAR_PAST or (low.endswith("ed") and d.tok[t].islower()):
            verb = t
            break
        if t in d.cues or low == "that" or not (d.tok[t].isalnum() or d.tok[t] in ("'s", "’s", "-", ".")):
            return None
    if verb is None:
        return None
    # The subject opens after the phrase's last preposition ("at a news conference in Orsk | the
    # army would"): at its first determiner or pronoun that is not the preposition's own object.
    last = max(t for t in range(k, verb) if d.low[t] in _SETTING_PREPOSITIONS or d.low[t] == "with")
    for t in range(last + 2, verb):
        if (d.low[t] in PRONOUNS and d.low[t] not in ("who", "which")) \
                or (d.low[t] in _DETERMINERS and d.low[t] not in ("'s", "’s", "no")):
            return t
    name = verb - 1
    while name > last + 1 and _cap(d.tok[name - 1]):
        name -= 1
    if name > last and _cap(d.tok[name]) and d.tok[name - 1].islower() and d.low[name - 1] not in _DETERMINERS:
        if name == last + 1:
            # "in Riga Latvia would": the first name is the place, the rest the subject. A run of
            # three or more names with no role word ("in New York Russia would", "in Buenos
            # Aires Chile would") holds a place of two words or more: the subject is the last
            # name (rule content.setting_place_run); with a role word ("in Riga Prime Minister
            # Karins would") the first name stays the place.
            if verb - name >= 3 and not any(d.low[t] in _ROLE_NOUNS for t in range(name, verb)):
                return verb - 1
            return name + 1 if name + 1 < verb else None
        return name
    return None


def _bare_subject(d: _Doc, k: int, s1: int) -> bool:
    """Whether a clause with a bare subject starts at ``k`` ("exports fell", "some 400 families
    had fled", "inflation would peak"): at most three lower-case words or numbers, then a finite
    verb (an auxiliary, an irregular past or an -ed form).

    Example:
        >>> st = _state_of("He said on Monday exports fell.")
        >>> _bare_subject(st.d, 4, 6), _bare_subject(st.d, 1, 6)
        (True, False)
    """
    if d.low[k] in _NOT_CLAUSE_START or d.low[k] in _FINITE_AUX or not (d.tok[k].islower() or d.tok[k][:1].isdigit()):
        return False
    for t in range(k + 1, min(s1, k + 4)):
        low = d.low[t]
        if low in _FINITE_AUX or low in _IRREGULAR_PAST or (low.endswith("ed") and d.tok[t].islower()):
            return True
        if not (d.tok[t].islower() or d.tok[t][:1].isdigit()) or d.low[t] in _NOT_CLAUSE_START:
            return False
    return False


def _demonstrative_subject(d: _Doc, k: int, s1: int) -> bool:
    """Whether "this" at ``k`` is the subject of a clause ("said this was a mistake", "thinks
    this is over") or a time phrase its determiner ("said this morning's attack was ...",
    "yesterday's vote"), not the start of a time adverbial ("said this week") that cannot open one.
    "such" opens a subject when a finite verb follows its short noun phrase ("said such a move
    would harm ties"), not an object ("never said such a thing")."""
    if d.low[k] == "such":
        for t in range(k + 1, min(s1, k + 6)):
            if d.low[t] in _FINITE_AUX:
                return t > k + 1
            if not d.tok[t].isalpha():
                return False
        return False
    return (d.low[k] == "this" and k + 1 < s1 and d.low[k + 1] in _FINITE_AUX) or time_possessive(d, k, s1)


_DASHES = frozenset(("--", "—", "–", "―"))
_CLAUSE_OPENERS = frozenset("that to whether if why how what who when where".split())
_SETTING_AFTER_OBJECT = frozenset("since while when".split())


def _participle_aside(d: _Doc, k: int, s1: int) -> tuple[int, int] | None:
    """Token span of a participial aside set off by commas within the six tokens after ``k``
    and closed before a "that" (", citing officials, that ..."), else ``None``."""
    comma = next((t for t in range(k, min(s1, k + 6)) if d.tok[t] == ","), None)
    if comma is None or comma + 1 not in d.cues or not d.low[comma + 1].endswith("ing"):
        return None
    close = next((t for t in range(comma + 2, min(s1, comma + 10)) if d.tok[t] == ","), None)
    if close is None or close + 1 >= s1 or d.low[close + 1] != "that":
        return None
    return (comma, close + 1)


def _object_end(st: _State, i: int, start: int, s1: int) -> int:
    """Where the reported clause or object of the cue ``i`` starting at ``start`` may run to
    at most (before :func:`_clause_end` reads it): a topic verb's or a wish's object ends
    at a clause break, any object before a clause of time, and a clause in a fronted
    "While X said that A, B ..." at the main clause's comma."""
    d = st.d
    _, lemma, cat, _, _ = d.cues[i]
    s0, _ = d.sent_bounds(i)
    end = s1
    if lemma in _SHORT_TOPIC_VERBS:
        # "invoked the rising seas to thrill ...", "likened X to Y - a charge that ...": the object
        # ends at a dash, a subordinator or a purpose "to", but keeps its appositives.
        end = next((t for t in range(start + 1, s1) if d.tok[t] in ("-", "—", "–", ";", "--")
                    or d.low[t] in _SHORT_END), s1)
    elif cat in _SHORT_CLASSES or lemma == "refer to":
        end = next((t for t in range(start + 1, s1) if d.tok[t] in _CLAUSE_PUNCT
                    or d.low[t] in _SHORT_END), s1)
    elif (cat in _OBJECT_CLASSES or lemma in _OBJECT_VERBS) and d.low[start] not in _CLAUSE_OPENERS \
            and d.tok[start] not in _CLAUSE_PUNCT:
        # "has not mentioned Machado since the debate", "spoke about her ties to the churches
        # while at a convention": an object ends before a clause of time, which is the saying's
        # ("after"/"during" as often attach inside the object, so they do not end it)
        end = next((t for t in range(start + 1, end) if d.low[t] in _SETTING_AFTER_OBJECT
                    and not _in_quote(st, d.start[t])), end)
    # "said, citing officials, that ...": the aside's object ends before the outer verb's ", that"
    aside = _participle_aside(d, i - 1, s1) if i > 0 and d.tok[i - 1] == "," else None
    if aside is not None:
        end = min(end, aside[1] - 1)
    # "While X said that A, B ..." and "The bill, which lawmakers say is flawed, passed": the
    # reported clause ends at the comma that closes the subordinate or relative clause.
    if d.low[s0] in _SUBORDINATORS and s0 < i:
        comma = next((t for t in range(start + 1, s1) if d.tok[t] == ","), None)
        if comma is not None:
            end = comma
    elif _in_comma_relative(d, i, s0):
        # (the comma before the main clause's words, not one before an appositive name or a quotation)
        comma = next((t for t in range(start + 1, s1 - 1) if d.tok[t] == "," and d.tok[t + 1].isalpha()
                      and d.tok[t + 1].islower() and not _in_quote(st, d.start[t])), None)
        if comma is not None:
            end = comma
    return end


_RELATIVE_PRONOUNS = frozenset("who whom which whose".split())
_OPENERS = frozenset("but and yet so still".split())


def _in_comma_relative(d: _Doc, i: int, s0: int) -> bool:
    """Whether the cue at ``i`` is the verb of a relative clause set off by commas inside the
    sentence's subject ("The bill, which lawmakers say is flawed, passed"; "Kasich, who said
    he would not vote for Trump, ..."): its reported clause ends where the relative does, before
    the main clause's verb. A relative on a later noun ("like MacArthur, who knew that ...")
    may run to the sentence's end."""
    k = _skip_aux_left(d, i, s0) - 1
    for t in range(k, max(s0, k - 6) - 1, -1):
        if d.low[t] in _RELATIVE_PRONOUNS:
            if t - 2 < s0 or d.tok[t - 1] not in (",", "—", "–", "--"):
                return False
            head = np_left(d, t - 1, s0)
            return head is not None and (head[0] == s0 or (head[0] == s0 + 1 and d.low[s0] in _OPENERS))
        if d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL or t in d.cues:
            return False
    return False


def _clause_end(st: _State, start: int, end: int, s1: int) -> tuple[int, int] | None:
    """Token span of a reported clause from ``start``: it stops before a following
    participial cue (", arguing that ..."), a coordinated cue, a new clause, ";" or a
    closing attribution, and keeps a closing quote mark."""
    d = st.d
    for t in range(start + 1, end):
        if t in d.cues and d.low[t].endswith("ing") and d.tok[t - 1] in (",", "—", "–") and t > start + 1:
            end = t - 1
            break
        if t in d.cues and d.low[t].endswith("ing") and d.tok[t - 1] in ("”", '"', "''") and t > start + 2 \
                and d.tok[t - 2] == ",":
            end = t  # "that X “had a crazy policy,” adding, “...”": the quotation closes the clause
            break
        if t in d.cues and t > start + 1 and not _in_quote(st, d.start[t]):
            # (a cue inside a quotation is the quoted speaker's: "that “the only way is to go and ask”")
            back = _skip_aux_left(d, t, start)
            if d.low[back - 1] in ("and", "but") and back - 1 > start:
                end = back - 1  # "tweeted a photo and said ...": the next verb's own content
                break
            if back - 2 > start and d.low[back - 2] in ("and", "but") and d.low[back - 1] in _SUBJECT_PRONOUNS:
                end = back - 2  # "agreed that X, but he said Y": a second attribution
                break
            subj = np_left(d, back, start + 1)
            if subj is not None and subj[0] - 2 > start and d.tok[subj[0] - 2] == "," and _cap(d.tok[subj[0]]) \
                    and (d.low[subj[0] - 1] == "but" or (d.low[subj[0] - 1] == "and" and d.tok[subj[0] - 3].islower())):
                # "shows him with his hands up, but Shelby said ...": a second attribution (after
                # "and" only when no name precedes the comma: "X, Y, and Z wrote" is one list)
                end = subj[0] - 2
                break
        if d.tok[t] in (",", "—", "–") and t + 1 < end and t > start + 2 and d.low[t + 1] in _CLAUSE_BREAKERS:
            end = t  # ", after he introduced a bill", ", putting them ...": a new clause
            break
        if d.tok[t] in _DASHES and t > start + 2 and not _in_quote(st, d.start[t]) \
                and sum(d.tok[u] in _DASHES for u in range(start, s1)) == 1:
            end = t  # "... -- far lower than the rate he proposed": a closing comment, not a
            break    # pair of dashes around an aside inside the clause
        if d.tok[t] == ";" and not _in_quote(st, d.start[t]):
            end = t  # (a semicolon inside a quotation is the quoted speaker's)
            break
        if d.tok[t] == "," and t > start + 1 and t + 1 < end and _skip_aux_right(d, t + 1, end) in d.cues \
                and d.cues[_skip_aux_right(d, t + 1, end)][3] == "verb" and d.low[t + 1] not in PRONOUNS:
            end = t  # "Barkley, who said he votes X, said ...": the main clause's verb
            break
        if d.tok[t] == "," and t > start and t + 1 < len(d.low) and not _in_quote(st, d.start[t]) \
                and _closing_attribution(d, t + 2 if d.low[t + 1] == "as" else t + 1, end):
            end = t  # "Ukraine accused Russia of X, the foreign ministry said.", "points to Hamas,
            break    # officials said": that cue's own (after a one-word content too)
    while end > start and d.tok[end - 1] in _SENT_FINAL | _CLAUSE_PUNCT:
        end -= 1
    if end == start:
        return None
    # Keep a closing quote mark (and the period inside it) when the quote ends the clause.
    if end < s1 and d.tok[end] in _SENT_FINAL and end + 1 < s1 + 1 and end + 1 <= s1 - 1 \
            and d.tok[end + 1] in "”\"’''":
        end += 2
    if end < len(d.tok) and d.tok[end - 1] in _SENT_FINAL and end - 1 > start:
        end -= 1
    return (start, end) if end > start else None


def _content_before(st: _State, i: int, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """"CONTENT, X said." -> token span of CONTENT (sentence start to the comma)."""
    d = st.d
    s0, s1 = d.sent_bounds(i)
    first = sp[0] if sp is not None and sp[0] < i else i
    if sp is not None and d.low[sp[0]] in _RELATIVE_PRONOUNS:
        return None  # "The rebels, who refused to disarm, ...": the antecedent, not what was said
    if first - 2 > s0 and d.low[first - 1] == "as" and d.tok[first - 2] in (",", "—", "–") \
            and "," not in d.tok[d.cues[i][0]:s1]:
        first -= 1  # "The deal is fragile, as the minister noted.": the clause before "as"
    if first - 1 <= s0 or d.tok[first - 1] not in (",", "—", "–"):
        return None
    # Nothing but a short adjunct may follow the cue ("on Monday", "in a statement").
    j = d.cues[i][0]
    if sp is not None and sp[0] >= j:
        j = sp[1]
    # "..., X said, adding that ...": the participle starts an attribution of its own.
    # "..., analysts say; in 2012 ...": after a verb of saying, a semicolon ends it too.
    stop = next((t for t in range(j, s1 - 1) if d.tok[t] == "," and t + 1 in d.cues
                 and d.low[t + 1].endswith("ing")), s1) if d.cues[i][2] not in _SHORT_CLASSES else s1
    if d.cues[i][4]:
        stop = next((t for t in range(j, stop) if d.tok[t] == ";"), stop)
    rest = [t for t in range(j, stop) if d.tok[t] not in _SENT_FINAL and d.tok[t] not in "”\"’''"]
    if any(d.low[t] == "that" for t in rest):
        return None
    named = next((n for n, t in enumerate(rest[:4]) if d.low[t] in _ADJUNCT_START), 0) \
        if len(rest) > 8 and d.cues[i][1] == "tell" else 0
    obj = np_right(d, rest[0], s1) if rest and d.cues[i][1] == "tell" else None
    long = len(rest) > 8
    if named and all(_cap(d.tok[t]) for t in rest[:named]):
        rest = rest[named:]  # "..., Kishida told Zelenskiy at a meeting on the sidelines of ...": a named addressee
    elif obj is not None:
        rest = [t for t in rest if t >= obj[1]]  # "..., X told reporters on Tuesday": the addressee, then an adjunct
    if long and not (rest and _verbless_adjunct(d, rest)):
        return None
    if rest and d.low[rest[0]] not in _ADJUNCT_START and d.tok[rest[0]] not in (",", "(", "—", "–"):
        return None  # "the envoys discussed their plans": an object, not a closing adjunct
    start = s0
    # Start after a preceding quote or cue in the same sentence; a quotation no rule took is a
    # part of the content ("A cashier who “steals ...” is held accountable, Warren said").
    for q in _top_between(st, d.start[s0], d.start[first]):
        if q.end <= d.start[first] and q.used:
            start = max(start, bisect.bisect_left(d.start, q.end))
    if d.tok[start] in "“\"''" and start + 1 < first \
            and not any(d.tok[t] in ("”", '"', "''") for t in range(start + 1, first)):
        start += 1  # an opening mark whose quotation runs on past the cue; a closed one stays
    start = _clause_start(d, start, first)
    end = first - 1
    # "If it is to remain credible, the UN must respond" and "At a press conference in Geneva,
    # X said": a condition or a setting with no main clause before the cue is not content;
    # "If states fail, the ministry can step in, Lopes said" has one, and the condition is
    # part of what was said.
    main_clause = any(d.tok[t] == "," for t in range(start + 2, end - 1))
    if d.low[start] in _SUBORDINATORS and not main_clause:
        return None
    if d.low[start] in _ADJUNCT_START and d.low[start] not in ("this", "last", "next", "earlier", "later") \
            and not main_clause:
        return None
    if end - 1 > start and d.low[end - 1] == "ago" and (np_right(d, start, end - 1) or (0, 0))[1] >= end - 1:
        return None  # "A few days ago, the envoy wrote": a time, not what was written
    return (start, end) if end > start else None


def _verbless_adjunct(d: _Doc, rest: list[int]) -> bool:
    """Whether tokens ``rest`` after a closing cue are one prepositional adjunct of at most
    twelve words with no verb, comma or cue ("at a meeting on the sidelines of the G7 summit"),
    which may close "CONTENT, X told Y ..." however long its chain of prepositions.

    Example:
        >>> st = _state_of("Aid will grow, Lopes told Varga at a meeting on the sidelines of the summit.")
        >>> _verbless_adjunct(st.d, list(range(7, 16)))
        True
    """
    return (len(rest) <= 12 and d.low[rest[0]] in _ADJUNCT_START
            and not any(t in d.cues or d.low[t] in _AUX or d.tok[t] in _CLAUSE_PUNCT
                        or d.low[t] in _RELATIVE_PRONOUNS or d.low[t] == "to" for t in rest))


def _fronted_content(st: _State, start: int, sp: tuple[int, int]) -> tuple[int, int] | None:
    """Content of a fronted participial cue ("Claiming the criticism is unfair, Trump told
    ..."): from ``start`` (after the cue) to the comma before the main clause's subject ``sp``."""
    d = st.d
    end = sp[0]
    while end > start and (d.tok[end - 1] in _CLAUSE_PUNCT or d.tok[end - 1] in ("”", '"', "’", "''")):
        end -= 1
    if end <= start:
        return None
    if d.tok[end] in ("”", '"', "’", "''") and d.tok[start] in ("“", '"', "‘", "''"):
        end += 1  # keep a quotation's closing mark with its opening one
    return (start, end)


def rule_parenthetical(st: _State, row: dict, i: int, sp: tuple[int, int]) -> list[dict] | None:
    """``indirect_parenthetical``: "The plan, he said, would cost billions": a cue set off by
    commas inside the reported sentence (offered by :func:`rule_reported_clause` once it has
    the cue's speaker span ``sp``; ``row`` holds that speaker). Two rows share the speaker and
    cue, one per content fragment, as PARC and PolNeAR split the content around the cue (and
    as "“A,” X said, “B.”" gives two rows); ``None`` when the cue is not parenthetical.

    Example:
        >>> _rows_of("The plan, he said, would cost billions.")
        [['indirect_parenthetical', 'he', 'said', 'The plan'], ['indirect_parenthetical', 'he', 'said', 'would cost billions']]
    """
    d = st.d
    s0, s1 = d.sent_bounds(i)
    j = d.cues[i][0]
    first, last = min(sp[0], i), max(sp[1], j)
    if first - 1 <= s0 or d.tok[first - 1] not in (",", "—", "–") or last + 1 >= s1 \
            or d.tok[last] != d.tok[first - 1] or d.low[i].endswith("ing"):
        return None
    if not any(_cap(d.tok[t]) or d.low[t] in PRONOUNS or d.low[t] in _NP_WORDS for t in range(*sp)):
        return None  # ", mutual understanding, ...": no speaker-like word
    if any(d.tok[t] in "“”\"‘’''" for t in range(s0, s1)):
        return None  # quotations are handled as direct or mixed speech
    start = _clause_start(d, s0, first - 1)
    if first - 1 - start < 2 or d.low[start] in _SUBORDINATORS or d.low[start] in _ADJUNCT_START:
        return None
    end = s1
    while end > last + 1 and d.tok[end - 1] in _SENT_FINAL | _CLAUSE_PUNCT:
        end -= 1
    if end - (last + 1) < 2 or d.low[last + 1] in ("and", "but", "who", "which", "that") \
            or (last + 1) in d.cues:
        return None
    _fill_cue(st, row, i)
    row["rule"] = "indirect_parenthetical"
    second = dict(row)
    _set_tok(row, "content", d, (start, first - 1))
    _set_tok(second, "content", d, (last + 1, end))
    return [row, second]


_RELATIVE_ENDS = frozenset("who that which whom".split())
ACCORDING_TAIL_MAX = 25  # tokens of an appositive that may close a sentence-final source


def _according_source(d: _Doc, sp: tuple[int, int], i: int, h: int, s1: int) -> tuple[int, int]:
    """The source of "according to" at token ``i``, from the phrase reader's span ``sp``: a
    relative pronoun it ends with is dropped ("according to an adviser who asked not to be
    named": "an adviser"), and when the phrase closes the sentence after a comma, an
    appositive after the source's comma joins it ("..., according to Ana Ruiz, an analyst at
    Norbank."), as PARC marks the whole noun phrase. Not when "According to X," opens the
    sentence (its comma ends the source), nor over a cue or a quotation mark.

    Example:
        >>> st = _state_of("Exports fell, according to Ana Ruiz, an analyst at Norbank.")
        >>> d = st.d
        >>> i = d.low.index("according")
        >>> a, b = _according_source(d, (i + 2, i + 4), i, 0, len(d.tok) - 1)
        >>> " ".join(d.tok[a:b])
        'Ana Ruiz , an analyst at Norbank'
    """
    a, b = sp
    if b - a > 1 and d.low[b - 1] in _RELATIVE_ENDS:
        return a, b - 1
    if b + 2 >= s1 or d.tok[b] != "," or i == h or d.tok[i - 1] not in _CLAUSE_PUNCT:
        return sp
    end = s1
    while end > b and (d.tok[end - 1] in _SENT_FINAL or d.tok[end - 1] in (")", "”", "\"", "’", "''")):
        end -= 1
    tail = range(b + 1, end)
    first = b + 1
    noun_phrase = d.low[first] in ("a", "an", "the", "another", "one") or _cap(d.tok[first]) \
        or (first + 1 < end and d.tok[first].isalpha() and d.tok[first].islower() and d.low[first + 1] == "of")
    if not tail or len(tail) > ACCORDING_TAIL_MAX or not noun_phrase or d.low[first] in PRONOUNS \
            or any(t in d.cues or d.low[t] in _AUX or d.low[t] in _BE or d.low[t] in _SUBORDINATORS
                   or d.tok[t] in ("“", "”", "\"", "''", "(", ";", ":") for t in tail):
        return sp  # "..., according to the department, nearly nine million workers should ...": content
    # one appositive, not a second ("..., a Danish diplomat, a setback for ..."); ", and" joins
    # sources, ", Wisconsin" ends a place and ", which ..." a relative clause of the appositive
    end = next((t for t in tail if d.tok[t] == "," and d.low[t + 1] not in _APPOSITIVE_GOES_ON
                and not _cap(d.tok[t + 1])), end)
    if not _source_appositive(d, first, end):
        return sp  # "..., according to a diplomat, a move that angered Kestria": a comment on the news
    return a, end


def _source_appositive(d: _Doc, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` after a sentence-final "according to" source describe
    that source: not when the head noun names an event or a judgement of it ("a move", "a
    setback for Tallis": an appositive to the whole clause), nor when "that"/"which" with a past
    or modal verb follows it ("a step that angered ...", :func:`_event_verb`).

    Example:
        >>> st = _state_of("Talks failed, according to Ana Ruiz, a setback for Orsk.")
        >>> i = st.d.low.index("setback") - 1
        >>> _source_appositive(st.d, i, i + 4)
        False
    """
    stop = first
    while stop < end and d.low[stop] not in _APPOSITIVE_HEAD_STOPS:
        stop += 1
    if stop > first and d.low[stop - 1] in _EVENT_HEADS:
        return False
    # "a move that angered ...": the relative right after the head, not ", which ran the poll"
    return not (stop + 1 < end and d.low[stop] in ("that", "which") and _event_verb(d.low[stop + 1]))


# Words after a comma that continue an "according to" source: a second source, a relative clause.
_APPOSITIVE_GOES_ON = frozenset("and or who whom whose which".split())
# Irregular past forms and modals that make "that/which" + verb tell what an event did or will do.
_EVENT_VERB_FORMS = frozenset("""drew left sent made gave took brought caught struck threw won lost
hit shook came cost put set meant will would could may might""".split())


def _event_verb(low: str) -> bool:
    """Whether ``low`` after "that"/"which" tells what an event did or will do ("a move that
    angered ...", "a step that will anger ..."), not what a source habitually does ("a firm
    that tracks ships", "a group which monitors the war")."""
    return low in _EVENT_VERB_FORMS or (low.endswith("ed") and len(low) > 3)


def _according_to(st: _State, row: dict, i: int) -> bool:
    """"According to X, ..." / "..., according to X": fills ``row``; returns whether X is a source."""
    d = st.d
    j = d.cues[i][0]
    s0, s1 = d.sent_bounds(i)
    sp = np_right(d, j, s1, long=True)
    if sp is None or d.low[sp[1] - 1] in _NOT_SOURCES or (sp[1] - sp[0] > 1 and d.low[sp[0] + 1] in _NOT_SOURCES):
        return False  # "according to its national circumstances": in accordance with, not a source
    h = _dateline_end(d, s0, i)  # "TEHRAN, March 3 (Reuters) - According to Tasnim, ..."
    sp = _according_source(d, sp, i, h, s1)
    _set_tok(row, "speaker", d, sp)
    _resolve(st, row)
    if sp[1] < s1 and d.tok[sp[1]] == "," and (i == h or d.tok[i - 1] in _CLAUSE_PUNCT and i - 1 == h):
        start, end = sp[1] + 1, s1
    else:
        start, end = _clause_start(d, s0, i), i
    while end > start and d.tok[end - 1] in _SENT_FINAL | _CLAUSE_PUNCT:
        end -= 1
    if end <= start:
        return False
    row["kind"] = "according_to"
    _fill_cue(st, row, i)
    _set_tok(row, "content", d, (start, end))
    return True


def _asked_question(st: _State, row: dict, i: int) -> bool:
    """"(When) asked whether/about ..., X said": the question put to the main clause's
    subject, attributed to whoever asked it ("by X" when named, else no source), as
    PolNeAR does. The content runs from the question word to the comma. Fills ``row``;
    returns whether the cue is such a question."""
    d = st.d
    s0, s1 = d.sent_bounds(i)
    j = d.cues[i][0]
    # "..., when asked", and "X said when asked whether ..." after the answer's own cue.
    after_cue = i - 1 > s0 and d.low[i - 1] == "when" and (d.tok[i - 2] == "," or (i - 2) in d.cues)
    lead = s0 + 1 if s0 + 1 < i and d.low[s0] in ("but", "and", "yet") else s0  # "But when asked ..."
    if d.low[i] != "asked" or not (i == lead or (i - 1 == lead and d.low[lead] in ("when", "if", "after", "once"))
                                   or after_cue):
        return False
    start = _time_after(d, j, s1)  # "Asked Tuesday about the merger"
    sp = None
    if start < s1 and d.low[start] == "by":
        sp = np_right(d, start + 1, s1)
        if sp is None:
            return False
        start = _time_after(d, sp[1], s1)  # "asked by reporters on Thursday whether"
    if start >= s1 or (d.low[start] not in _QUESTION_WORDS and not (start == j and d.low[j - 1] == "about")):
        return False  # a question word, or the cue's own "about" ("Asked Tuesday about the merger")
    comma = next((t for t in range(start + 1, s1) if d.tok[t] == ","), None)
    if comma is None and after_cue:
        comma = s1  # "... said when asked whether he would run.": the question ends the sentence
        while comma > start + 1 and d.tok[comma - 1] in _SENT_FINAL | {"”", '"', "''", "’"}:
            comma -= 1
    if comma is None:
        return False
    if sp is not None:
        _set_tok(row, "speaker", d, sp)
        _resolve(st, row)
    _fill_cue(st, row, i)
    start = max(start, bisect.bisect_left(d.start, row["cue_end"]))  # "asked about | the blockade"
    _set_tok(row, "content", d, (start, comma))
    return True



# ---------------------------------------------------------------- direct-quote rules

def _cue_after_quote(st: _State, q: _Quote, b: int) -> tuple[int, int, int] | None:
    """``(cue, first token after the quotation and its comma, sentence end)`` of the first
    unused cue after the quotation ending before token ``b``, or ``None``."""
    d = st.d
    if b >= len(d.tok):
        return None
    s0, s1 = d.sent_bounds(b - 1)
    if d.sent[b] != d.sent[b - 1]:
        # The sentence splitter may cut “...?” | he asked. Follow only a short tail in the
        # same paragraph; a new paragraph or a long sentence is not this quote's attribution.
        s0, s1 = d.sent_bounds(b)
        if "\n" in d.text[q.end:d.start[b]] or s1 - s0 > 14 or (_cap(d.tok[b]) and s1 - s0 > 6):
            return None
    k = b
    if k < s1 and d.tok[k] in (",", "—", "–"):
        k += 1
    limit = min(s1, k + 26)  # "“...,” Ana Lopes, the chief strategist of ..., said": long appositives
    depth = 0
    for c in range(k, limit):
        if c in d.cues and c not in st.used_cues:
            return c, k, s1
        if d.tok[c] == "(":
            depth += 1
        elif d.tok[c] == ")":
            depth -= 1
        elif (d.tok[c] in _SENT_FINAL and depth <= 0 and not _abbreviation_stop(d, c, limit)) \
                or d.tok[c] in ("“", "\"", ";"):
            break
    return None


def _abbreviation_stop(d: _Doc, c: int, limit: int) -> bool:
    """Whether the period at ``c`` ends an abbreviation inside the sentence, not the sentence:
    a short capitalised word right before it and a comma right after it ("Mitch McConnell,
    R-Ky., said", "Sen. Ana Cruz, D-Ore., said")."""
    return d.tok[c] == "." and c + 1 < limit and d.tok[c + 1] == "," and c > 0 \
        and d.end[c - 1] == d.start[c] and _cap(d.tok[c - 1]) and len(d.tok[c - 1]) <= 5


def rule_direct_channel_after(st: _State, c: int, k: int, s1: int) -> list[dict] | None:
    """``direct_channel_after``: “...,” Tarsk Press quoted Orsk as saying (speaker Orsk,
    channel Tarsk Press); ``c`` is the cue, ``k`` the first token after the quotation and its
    comma, ``s1`` the sentence's end.

    Example:
        >>> _rows_of("“We will respond,” Tarsk Press quoted Orsk as saying.")
        [['direct_channel_after', 'Orsk', 'quoted', '“We will respond,”']]
    """
    row = _empty_row(st.d, "direct", "direct_channel_after")
    return [row] if _channel(st, row, c, k, s1) else None


def rule_direct_said_x(st: _State, c: int, k: int, s1: int) -> list[dict] | None:
    """``direct_said_x``: “...,” said X, with X's appositive (arguments as
    :func:`rule_direct_channel_after`'s).

    Example:
        >>> _rows_of("“We will respond,” said Ana Lopes, the foreign minister.")
        [['direct_said_x', 'Ana Lopes, the foreign minister', 'said', '“We will respond,”']]
    """
    d = st.d
    sp = np_right(d, d.cues[c][0], s1)
    if sp is None:
        return None
    row = _empty_row(d, "direct", "direct_said_x")
    _set_tok(row, "speaker", d, _extend_right(d, sp, s1))
    _resolve(st, row)
    return [row]


def rule_direct_subject_after(st: _State, c: int, k: int, s1: int) -> list[dict] | None:
    """``direct_cue_after``: “...,” X said / “...,” another friend, Mariam Emara, told CNN: the
    subject between the quotation and the cue (arguments as
    :func:`rule_direct_channel_after`'s); ``None`` for a coordinated verb (“...” and accused).

    Example:
        >>> _rows_of("“We will respond,” another friend, Mariam Emara, told CNN.")
        [['direct_cue_after', 'another friend, Mariam Emara', 'told', '“We will respond,”']]
    """
    d = st.d
    kk = _skip_aux_left(d, c, k)
    sp = np_left(d, kk, k)
    if sp is None and kk - 1 > k and d.tok[kk - 1] == ",":
        sp = _appositive(d, kk - 1, k)
    if (sp is None or sp[0] != k) and kk - k <= 24 and all(
            d.tok[t] in (",", "(", ")", ".") or d.low[t] in ("of", "for", "at", "and", "to", "in", "from")
            or _np_word(d, t) or _unknown_noun(d, t)
            or (t == k and d.low[t].endswith("ed") and d.tok[t].islower() and _np_word(d, t + 1))
            for t in range(k, kk)):  # "retired Air Force general Lloyd Newton": an adjective first
        # “...,” another friend, Mariam Emara, told CNN: name and appositive
        e = kk
        while e > k and d.tok[e - 1] == ",":
            e -= 1
        sp = (k, e) if e > k else None
    if sp is None or sp[0] != k or all(d.low[t] in _GLUE or d.tok[t] in ",()." for t in range(*sp)):
        return None  # “...” and accused: a coordinated verb, not a speaker
    row = _empty_row(d, "direct", "direct_cue_after")
    _set_tok(row, "speaker", d, sp)
    _resolve(st, row)
    return [row]


def rule_direct_cue_after(st: _State, q: _Quote, a: int, b: int) -> list[dict] | None:
    """“...,” X said / “...,” said X / “...” Tarsk Press quoted Orsk as saying: the first
    unused cue after the quotation in its sentence, read by the rule its place names
    (:func:`rule_direct_channel_after` for a channel cue, :func:`rule_direct_said_x` for a
    cue right after the quotation, else :func:`rule_direct_subject_after`).

    Example:
        >>> _rows_of("“We will respond,” the minister said.")
        [['direct_cue_after', 'the minister', 'said', '“We will respond,”']]
    """
    found = _cue_after_quote(st, q, b)
    if found is None:
        return None
    c, k, s1 = found
    if st.d.cues[c][3] == "channel":
        rows = rule_direct_channel_after(st, c, k, s1)
    elif c == k:
        rows = rule_direct_said_x(st, c, k, s1)
    else:
        rows = rule_direct_subject_after(st, c, k, s1)
    if rows is None:
        return None
    for row in rows:
        _fill_cue(st, row, c)
    return rows


def rule_direct_cue_before(st: _State, q: _Quote, a: int, b: int) -> list[dict] | None:
    """``direct_cue_before`` (``direct_channel_before``): X said: “...” / X said, “...” / “A,” X
    said, “B.” Claims the quotation (an empty list when it finds no speaker) once a cue
    stands right before it.

    Example:
        >>> _rows_of("The minister said: “We will respond to any attack.”")
        [['direct_cue_before', 'The minister', 'said:', '“We will respond to any attack.”']]
    """
    d = st.d
    if a == 0:
        return None
    k = a - 1
    s0, _ = d.sent_bounds(a)
    if d.sent[k] != d.sent[a]:
        # The quote opens a sentence: only a colon ending the previous one links them.
        if d.tok[k] != ":":
            return None
        s0, _ = d.sent_bounds(k)
    colon = d.tok[k] == ":"
    if d.tok[k] in (":", ","):
        k -= 1
    lo = s0
    # "X said in a statement: “...”": allow a short adjunct after the cue before a colon.
    comma = d.tok[a - 1] == ","
    reach = 8 if colon else 7 if comma else 1
    punct = k < a - 1
    # Without a colon or comma only a clause-long quotation follows a cue directly
    # ("said “We will win.”"); "respond “accordingly”" is a fragment, not a quotation.
    if not punct and _n_words(d, a, b) <= SCARE_MAX_WORDS:
        return None
    for c in range(k, max(lo - 1, k - reach), -1):
        # "said of the senator, “...”": a short "of/about" phrase between cue and comma.
        said_of = comma and c in d.cues and c < k and d.cues[c][0] <= k \
            and d.low[d.cues[c][0]] in ("of", "about") \
            and not any(d.tok[t] in _CLAUSE_PUNCT or t in d.cues for t in range(d.cues[c][0], k + 1))
        # "X said, adding later, “...”": an adverb between the cue and the comma.
        adverb = comma and c in d.cues and d.cues[c][0] == k and c < k \
            and (d.low[k] in _CUE_ADVERBS or _manner_adverb(d, k))
        if c in d.cues and d.cues[c][0] == k + 1 or (colon and c in d.cues) or said_of or adverb:
            if c in st.used_cues and not _reusable(st, c):
                return []
            row = _empty_row(d, "direct", "direct_cue_before")
            if d.cues[c][3] == "channel":
                row["rule"] = "direct_channel_before"
                if not _channel(st, row, c, lo, d.sent_bounds(c)[1]):
                    return []
            elif not _fill_speaker(st, row, c, lo):
                return []
            _fill_cue(st, row, c)
            return [row]
        if d.tok[c] in _SENT_FINAL:
            break
    return None


def _colon_row(st: _State, colon: int, lo: int, rule: str) -> tuple[dict, tuple[int, int]] | None:
    """A name (or short noun phrase with a capital) from ``lo``, the start of its sentence,
    then the colon at token ``colon``: the row with that speaker and the colon as its cue,
    as PolNeAR annotates it ("Obama: “...”", "FALLIN: Well, ...", headlines "Newspaper: X
    used private email"), and the speaker's token span; ``None`` when the words before the
    colon are no speaker."""
    d = st.d
    if colon in st.used_cues:
        return None
    sp = np_left(d, colon, lo)
    if sp is not None and sp[0] != lo and d.tok[sp[0] - 1] in ("-", "–", "—") and sp[0] - 1 > lo:
        lo = sp[0]  # "HEADLINE - Mark Smith: “...”" (newsletter digests)
    # "Poll: Clinton leads in Ohio" as a document's headline: the poll is the source.
    poll = sp is not None and sp == (lo, colon) and colon == lo + 1 and d.low[lo] in ("poll", "survey") \
        and lo == d.sent_start[0] + (d.tok[d.sent_start[0]] in "“\"‘''")
    if sp is None or sp[0] != lo or not any(_cap(d.tok[t]) for t in range(*sp)) \
            or (not poll and (d.low[sp[0]] in _COLON_LABELS or d.low[sp[1] - 1] in _COLON_LABELS)) \
            or d.low[sp[1] - 1] in PRONOUNS:
        return None
    if not any(_cap(d.tok[t]) for t in range(sp[0] + 1, sp[1])) and d.low[sp[0]] in _NP_WORDS \
            and d.low[sp[1] - 1] not in _NP_WORDS:
        return None  # "Two questions: ...", "Another challenge: ...": a heading, no speaker
    if _section_heading(st, sp):
        return None
    row = _empty_row(d, "direct", rule)
    _set_tok(row, "speaker", d, sp)
    _resolve(st, row)
    _set(row, "cue", d, d.start[colon], d.end[colon])
    row["cue_class"], row["cue_lemma"], row["source"] = "neutral", ":", st.tag
    st.used_cues.add(colon)
    return row, sp


def _section_heading(st: _State, sp: tuple[int, int]) -> bool:
    """Whether the words before a colon are a section heading in Title Case ("Little Relief
    for Refugees: ...", "Veto Power Impedes Peace Efforts: ..."): three words or more, past
    the document's first sentence (a headline may name its source so: "Warren Hammers Wells
    Fargo CEO: ..."), with no word of a source (a title, a role) and no person or actor named
    in them."""
    d = st.d
    words = [t for t in range(*sp) if _alpha(d.tok[t])]
    if len(words) < 3 or d.sent[sp[0]] == 0 or any(d.tok[t].isupper() and len(d.tok[t]) > 1 for t in words):
        return False
    if not all(_cap(d.tok[t]) or d.low[t] in _GLUE | {"the", "a", "an"} for t in words) \
            or any(d.low[t] in _NP_WORDS or d.low[t] == "and" for t in words):
        return False  # "Foreign Minister Ana Lopes of Freedonia:", "Herman and Joshua:": speakers
    return not any(m[2] or m[3] for m in _mentions_in(st, d.start[sp[0]], d.end[sp[1] - 1]))


def rule_direct_colon_name(st: _State, q: _Quote, a: int, b: int) -> list[dict] | None:
    """``direct_colon_name``: "Obama: “...”", a quotation after a name and a colon.

    Example:
        >>> _rows_of("Lopes: “We will respond to any attack.”")
        [['direct_colon_name', 'Lopes', ':', '“We will respond to any attack.”']]
    """
    d = st.d
    if a == 0 or d.tok[a - 1] != ":":
        return None
    s0, _ = d.sent_bounds(a - 1 if d.sent[a - 1] != d.sent[a] else a)
    found = _colon_row(st, a - 1, s0, "direct_colon_name")
    return None if found is None else [found[0]]


# The direct-quote rules, in precedence order: each quotation (not a title) is offered to them
# in turn, and the first that returns a list decides.
DIRECT_RULES = (rule_direct_cue_after, rule_direct_cue_before, rule_direct_colon_name)


# ---------------------------------------------------------------- indirect-speech rules

def rule_according_to(st: _State, i: int) -> list[dict] | None:
    """``according_to``: "According to X, ..." / "..., according to X".

    Example:
        >>> _rows_of("According to the ministry, the talks failed.")
        [['according_to', 'the ministry', 'According to', 'the talks failed']]
    """
    if st.d.cues[i][3] != "according_to":
        return None
    row = _empty_row(st.d, "indirect", "according_to")
    return [row] if _according_to(st, row, i) else []


def rule_channel(st: _State, i: int) -> list[dict] | None:
    """``indirect_channel``: "Tarsk Press quoted Orsk as saying (that) ...": speaker, channel
    and content.

    Example:
        >>> _rows_of("Tarsk Press quoted Orsk as saying the talks had failed.")
        [['indirect_channel', 'Orsk', 'quoted', 'the talks had failed']]
    """
    d = st.d
    if d.cues[i][3] != "channel":
        return None
    s0, s1 = d.sent_bounds(i)
    row = _empty_row(d, "indirect", "indirect_channel")
    if not _channel(st, row, i, s0, s1):
        return []
    k = max(row["speaker_end"], row["channel_end"] or 0, d.end[d.cues[i][0] - 1])
    after = bisect.bisect_left(d.start, k)
    while after < s1 and d.low[after] in ("as", "saying", "having", "said"):
        after += 1
    cont = (after + (d.low[after] == "that" and 0), s1) if after < s1 else None
    _fill_cue(st, row, i)
    if not cont:
        return []
    e = cont[1]
    while e > cont[0] and d.tok[e - 1] in _SENT_FINAL:
        e -= 1
    _set_tok(row, "content", d, (cont[0], e))
    return [row]


def rule_asked_question(st: _State, i: int) -> list[dict] | None:
    """``asked_question``: "(When) asked whether ..., X said": the question as its asker's
    attribution ("asked by X"; no source otherwise, as PolNeAR marks it).

    Example:
        >>> _rows_of("Asked whether talks would resume, Lopes said no date was set.")
        [['asked_question', None, 'Asked', 'whether talks would resume']]
    """
    if st.d.cues[i][1] != "ask":
        return None
    row = _empty_row(st.d, "indirect", "asked_question")
    return [row] if _asked_question(st, row, i) else None


def _unowned_speech_noun(d: _Doc, i: int, sp: tuple[int, int] | None) -> bool:
    """Whether the cue at ``i`` is a noun of saying after a modifier, with its "that" clause and
    no owner ("libellous charges that ...", "growing claims that ..."): the allegation is
    reported, by a source the sentence does not name.

    Example:
        >>> st = _state_of("They denied libellous charges that troops fired.")
        >>> _unowned_speech_noun(st.d, 3, (0, 3))
        True
    """
    return sp is not None and sp[1] == i and _noun_modifier(d.tok[i - 1]) and d.low[i] in SPEECH_NOUNS \
        and i + 1 < len(d.low) and d.low[i + 1] == "that"


_HOLDING_VERBS = frozenset("""express expressed expresses expressing voice voiced voices voicing see sees saw
seeing hold holds held holding have has had having harbour harbours harboured harbor harbors harbored""".split())
_HELD_STOPS = frozenset("that and but or who which whom when while if because as although though".split())


def _held_noun(d: _Doc, i: int, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """The holder's span when the cue at ``i`` is a noun after a modifier that a verb of
    holding or expressing takes ("Officials held out little hope that ...", "The minister
    expressed grave doubts that ...", "Diplomats see little hope that ..."): the subject
    before that verb, else ``None``.

    Example:
        >>> st = _state_of("Diplomats see little hope that talks resume.")
        >>> _held_noun(st.d, 3, (0, 3)), _held_noun(_state_of("They denied libellous charges that troops fired.").d, 3, (0, 3))
        ((0, 1), None)
        >>> _held_noun(_state_of("The envoy has little hope that talks resume.").d, 4, (3, 4))
        (0, 2)
    """
    if sp is None or sp[1] != i or i < 3 or not _noun_modifier(d.tok[i - 1]):
        return None
    v = i - 2 - (d.low[i - 2] == "out")
    if v < 1 or d.low[v] not in _HOLDING_VERBS:
        return None
    a = min(sp[0], v)
    if a == v:   # "The envoy has little hope": the subject stopped at the auxiliary
        s0, _ = d.sent_bounds(v)
        while a > s0 and v - a < 6 and a - 1 not in d.cues and (d.tok[a - 1].isalnum() or d.tok[a - 1] in ("'s", "’s")) \
                and d.low[a - 1] not in _HELD_STOPS:
            a -= 1
    return (a, v) if a < v else None


# Passive cues whose subject is what was said ("The ceasefire was confirmed by X"), not the
# addressee ("X was told / asked / urged / warned by Y") nor a belief's object.
_PASSIVE_SUBJECT_CLASSES = frozenset("""neutral emphatic hedged denial concessive evidential accusatory
approving position""".split())
_ADDRESSEE_LEMMAS = frozenset("tell ask inform brief assure reassure remind".split())
_NO_SUBJECT_WORDS = frozenset("it which who that what there".split())


def _passive_subject(d: _Doc, i: int, sp: tuple[int, int]) -> tuple[int, int] | None:
    """Token span of the subject of a by-agent passive cue at ``i`` with no clause after it, as
    the content: "The ceasefire was confirmed by a UN spokesman" (content "The ceasefire"),
    "The plan was rejected by the council", "a different account was told by the police"; ``None``
    for an addressee ("Holt was told by aides"), an expletive or relative subject ("It was announced by ...", "which was reported
    by ..."), or a cue the agent precedes.

    Example:
        >>> _rows_of("The ceasefire was confirmed by a UN spokesman on Sunday.")
        [['indirect_passive_content_before', 'a UN spokesman', 'was confirmed', 'The ceasefire']]
        >>> _rows_of("Veld was asked by aides about the plan.")
        []
    """
    _, lemma, cat, _, _ = d.cues[i]
    if cat not in _PASSIVE_SUBJECT_CLASSES or lemma in _ADDRESSEE_LEMMAS and lemma != "tell" or sp[0] < i:
        return None
    s0, s1 = d.sent_bounds(i)
    k = _skip_aux_left(d, i, s0)
    subj = np_left(d, k, s0)
    if subj is None or subj[1] != k or (subj[1] - subj[0] == 1 and d.low[subj[0]] in _NO_SUBJECT_WORDS):
        return None
    if lemma == "tell" and (_cap(d.tok[subj[1] - 1]) or d.low[subj[0]] in PRONOUNS
                            or sp[1] < s1 and d.tok[sp[1]] not in (",", ";", ".", "!", "?")):
        # "Holt was told by aides (to ...)": a name or pronoun told, or a complement after the
        # agent, is the addressee; only a thing told with nothing after its teller is the content
        # ("a different version of the story was told by local officials, who ...")
        return None
    if subj[0] > s0 and d.low[subj[0] - 1] in ("that", "which", "who"):
        return None  # "the deal that was confirmed by X": a relative clause's head
    return subj


_AGENT_ADJUNCTS = frozenset("in on at during after before over with via".split())


def _passive_agent(d: _Doc, sp: tuple[int, int], cat: str) -> tuple[int, int]:
    """The by-agent ``sp`` of a passive cue without the setting or reason phrase a noun phrase
    reading took along ("by both firms | in a joint statement", accusatory "by rivals | for the
    delay"); "a spokeswoman for the ministry" keeps its "for", and "dozens" its "of papers".

    Example:
        >>> st = _state_of("The merger was announced by both firms in a statement.")
        >>> a, b = _passive_agent(st.d, (5, 10), "neutral")
        >>> " ".join(st.d.tok[a:b])
        'both firms'
    """
    _, s1 = d.sent_bounds(sp[0])
    if sp[1] + 1 < s1 and d.low[sp[1]] == "of" and np_right(d, sp[1] + 1, s1) is not None:
        sp = (sp[0], np_right(d, sp[1] + 1, s1)[1])  # "by dozens | of papers", "by a number | of experts"
    for t in range(sp[0] + 1, sp[1]):
        if d.low[t] in _AGENT_ADJUNCTS or (cat == "accusatory" and d.low[t] == "for"):
            return (sp[0], t)
    return sp


def rule_reported_clause(st: _State, i: int) -> list[dict] | None:
    """``indirect_<how>``: "X said (that) ...", ", said X", "X, arguing that ...", "it was
    announced by X that ...", "..., X said": the speaker of the cue (``how``: subject,
    inverted, participle, passive, infinitive, fronted; ``_content_before`` appended when the content
    comes first) and its clause; ``indirect_parenthetical`` for "A, X said, B".

    Example:
        >>> _rows_of("The minister warned that sanctions would follow.")
        [['indirect_subject', 'The minister', 'warned', 'that sanctions would follow']]
        >>> _rows_of("The talks failed, the minister said.")
        [['indirect_subject_content_before', 'the minister', 'said', 'The talks failed']]
    """
    d = st.d
    if reduced_relative(d, i):
        return []  # "Diplomats briefed on the talks said": a participle in the next cue's subject
    s0, _ = d.sent_bounds(i)
    cat = d.cues[i][2]
    row = _empty_row(d, "indirect", "indirect")
    how, sp = speaker_of(d, i, s0)
    row["rule"] = f"indirect_{how}"
    content = None
    if how == "inverted":
        content = _content_before(st, i, sp)
        _set_tok(row, "speaker", d, sp)
        _resolve(st, row)
    elif how == "participle":
        if not _fill_speaker(st, row, i, s0):
            return []
    elif how == "passive":
        if sp is not None:
            _set_tok(row, "speaker", d, sp)
            _resolve(st, row)
    elif how == "fronted":
        if sp is None:
            return []
        # "Saying he was tired, the minister left": the subject ends at its verb
        verb = next((t for t in range(sp[0] + 1, sp[1]) if d.low[t] in _PAST_VERBS or d.low[t] in _AUX
                     or t in d.cues), None)
        sp = (sp[0], verb) if verb is not None else sp
        _fill_cue(st, row, i)
        content = _fronted_content(st, bisect.bisect_left(d.start, row["cue_end"]), sp)
        if content is None:
            return []
        _set_tok(row, "speaker", d, sp)
        _resolve(st, row)
        _set_tok(row, "content", d, content)
        return [row]
    elif _held_noun(d, i, sp) is not None:
        sp = _held_noun(d, i, sp)   # "Officials held out little hope that ...": the officials'
        _set_tok(row, "speaker", d, sp)
        _resolve(st, row)
    elif _unowned_speech_noun(d, i, sp):
        row["rule"] = "indirect_nominal"  # "libellous charges that ...": an allegation, its source unnamed
    else:
        if sp is None or _not_speech(d, i, sp, cat):
            return []
        _set_tok(row, "speaker", d, sp)
        _resolve(st, row)
        content = _content_before(st, i, sp)
    if how in ("inverted", "subject") and sp is not None:
        split = rule_parenthetical(st, row, i, sp)
        if split is not None:
            return split
    if content is not None:
        row["rule"] += "_content_before"
    else:
        content = _content_after(st, i, row)
        if content is not None and how == "passive" and sp is not None and content[0] < sp[1]:
            content = None
        if content is None and how == "passive" and sp is not None:
            content = _passive_subject(d, i, sp)  # "The ceasefire was confirmed by a UN spokesman."
            if content is not None:
                row["rule"] += "_content_before"
                if _passive_agent(d, sp, cat) != sp:
                    _set_tok(row, "speaker", d, _passive_agent(d, sp, cat))
                    _resolve(st, row)
    if content is None:
        return []
    _fill_cue(st, row, i)
    cue_end = bisect.bisect_left(d.start, row["cue_end"])
    if content[0] < cue_end < content[1] and row["cue_start"] <= d.start[content[0]]:
        content = (cue_end, content[1])  # "accused Holt of | being a Democrat"
    if row["channel_start"] is not None and row["channel_actor"] is None and content[0] < content[1]:
        ch = bisect.bisect_left(d.start, row["channel_start"])
        if ch - content[0] in (0, 1) and bisect.bisect_left(d.start, row["channel_end"]) < content[1]:
            content = (bisect.bisect_left(d.start, row["channel_end"]), content[1])  # "told the daily X | the plan ..."
    _set_tok(row, "content", d, content)
    return [row]



# The indirect-speech rules, in precedence order: each cue no quotation claimed is offered to
# them in turn, and the first that returns a list decides (with a row or without one).
INDIRECT_RULES = (rule_according_to, rule_channel, rule_asked_question, rule_reported_clause)


_THAT = re.compile(r"that\b")  # a literal prefix: the engine's fast search, then a check of the noun before
_POSSESSIVE_WORDS = frozenset("his her their its our my your".split())
_FINITE_AUX = _BE | frozenset("has have had will would could can may might should must does did".split())


def rule_nominal(st: _State, n: int) -> list[dict] | None:
    """``indirect_nominal``: a noun of saying or believing with its possessor and a "that"
    clause ("his claim that ...", "Tulsa police's earlier claim that ...", "Stumpf's repeated
    emphasis that ..."): the possessor speaks, the noun (with its adjectives) is the cue.

    Example:
        >>> _rows_of("Contrary to his claim that people would learn nothing, the audit was public.")
        [['indirect_nominal', 'his', 'claim', 'that people would learn nothing']]
    """
    d = st.d
    s0, s1 = d.sent_bounds(n)
    t = n + 1
    if t + 1 >= s1 or d.low[t] != "that" or d.low[t + 1] in _FINITE_AUX or _in_quote(st, d.start[n]):
        return None  # "the claim that was rejected": a relative clause
    m = n
    while m - 1 > s0 and n - m < 2 and d.tok[m - 1].isalpha() and d.tok[m - 1].islower() \
            and d.low[m - 1] not in _DETERMINERS and d.low[m - 1] not in _POSSESSIVE_WORDS \
            and d.low[m - 1] not in ("and", "or", "but"):
        m -= 1  # "earlier", "repeated", "tacit"
    if m - 1 < s0:
        return None
    if d.low[m - 1] in _POSSESSIVE_WORDS:
        sp = (m - 1, m)
    elif d.tok[m - 1] in ("'s", "’s") and (owner := np_left(d, m - 1, s0)) is not None:
        sp = (owner[0], m)
    else:
        return None
    # "Contrary to his claim that A, B": the clause ends at a comma (outside quotations)
    comma = next((u for u in range(t + 2, s1) if d.tok[u] == "," and not _in_quote(st, d.start[u])), s1)
    content = _clause_end(st, t, comma, s1)
    if content is None:
        return None
    row = _empty_row(d, "indirect", "indirect_nominal")
    _set_tok(row, "speaker", d, (sp[0], sp[1] - 1) if sp[1] - sp[0] > 1 else sp)
    _resolve(st, row)  # the owner without its "'s" ("Donald Trump’s" is Donald Trump)
    _set_tok(row, "speaker", d, sp)
    _set_tok(row, "cue", d, (m, n + 1))
    row["cue_class"], row["cue_lemma"], row["source"] = SPEECH_NOUNS[d.low[n]], d.low[n], st.tag
    _set_tok(row, "content", d, content)
    return [row]


# ---------------------------------------------------------------- other rules
def rule_colon_line(st: _State, colon: int, lo: int) -> list[dict] | None:
    """``colon_line``: "NAME: clause" (headlines, interview transcripts): the clause after the
    colon is the content; a transcript turn in capitals ("PENCE: Well, look, ...") runs to the
    end of its paragraph.

    Example:
        >>> _rows_of("Kremlin: Talks with Kyiv have stalled again.")
        [['colon_line', 'Kremlin', ':', 'Talks with Kyiv have stalled again']]
    """
    found = _colon_row(st, colon, lo, "colon_line")
    if found is None:
        return None
    row, sp = found
    d = st.d
    _, s1 = d.sent_bounds(colon)
    end = s1
    if all(d.tok[t].isupper() for t in range(*sp) if _alpha(d.tok[t])):
        # A transcript turn ("PENCE: Well, look, ..."): the content is the whole paragraph.
        # A turn runs to its paragraph's end, read within the same bounded reach.
        reach = min(len(d.tok), colon + 1 + 2 * SENTENCE_REACH)
        para_end = d.text.find("\n", d.end[colon], d.end[reach - 1])
        para_end = d.end[reach - 1] if para_end < 0 else para_end
        end = max(s1, bisect.bisect_left(d.start, para_end))
        while end > colon + 1 and d.tok[end - 1] in "”\"’''":
            end -= 1
    else:
        while end > colon + 1 and d.tok[end - 1] in _SENT_FINAL:
            end -= 1
    if end - colon - 1 < 3:
        return []
    row["kind"] = "indirect"
    _set_tok(row, "content", d, (colon + 1, end))
    return [row]


def rule_unclaimed(st: _State, q: _Quote, a: int, b: int) -> list[dict]:
    """A quotation no rule claimed: a short one is a scare quote (``scare``), a longer one or a
    sentence unattributed speech (``direct_unattributed``).

    Example:
        >>> _rows_of("The “peace plan” failed.")
        [['scare', None, None, '“peace plan”']]
        >>> _rows_of("“We will not retreat from the border.”")
        [['direct_unattributed', None, None, '“We will not retreat from the border.”']]
    """
    d = st.d
    scare = _n_words(d, a, b) <= SCARE_MAX_WORDS and not _ends_sentence(d, q, a, b)
    row = _empty_row(d, "scare", "scare") if scare else _empty_row(d, "direct", "direct_unattributed")
    _set(row, "content", d, q.start, q.end)
    row["problem"] = q.problem
    return [row]


def rule_scare_in_speech(st: _State, q: _Quote, parent: int) -> list[dict]:
    """``scare_in_speech``: a short quoted fragment inside the speech row ``st.rows[parent]``,
    as a scare row of its own whose ``in_quote`` points to that row.

    Example:
        >>> _rows_of("The minister warned that Kyiv would pay a “heavy price”.")[1]
        ['scare_in_speech', None, None, '“heavy price”']
    """
    row = _empty_row(st.d, "scare", "scare_in_speech")
    _set(row, "content", st.d, q.start, q.end)
    row["problem"] = q.problem
    row["in_quote"] = st.rows[parent]
    return [row]


_NEGATED = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.IGNORECASE)
_ADJUNCT_GAP = re.compile(r"[^\n\"“”‘’«»']{1,100}")


def _short_adjunct(gap: str) -> bool:
    """Whether text between a quote's attribution and the next quotation is a short adjunct
    of that attribution (no paragraph break, no quote mark, at most one sentence end)."""
    return _ADJUNCT_GAP.fullmatch(gap) is not None and sum(gap.count(c) for c in ".!?") <= 1 \
        and not re.search(r"\b(?:he|she|they|it|we|i)\b", gap, re.IGNORECASE)


def _speech_index(st: _State) -> tuple[list[dict], list[int], list[int], list[int], list[int]]:
    """The rows a quotation may continue, with bisection keys: ``(speech, ends, by_end,
    starts, by_start)``, ``ends``/``starts`` sorted (the end of a row's last part, the start of
    a direct quote's content) and ``by_end``/``by_start`` the matching indices into ``speech``."""
    # A wish, plan or silence ("They decided to go home. “...”") does not introduce the
    # quotation after it; only speech does.
    # Nor does a negated cue ("He didn't suggest retaliation. “...”"): no words were said.
    speech = [r for r in st.rows if r["cue_start"] is not None and r["kind"] != "scare"
              and r["cue_class"] not in _NOT_SPEECH and not _NEGATED.search(r["cue"] or "")]
    by_end = sorted(((max(r[f"{p}_end"] for p in SPAN_PARTS if r[f"{p}_end"] is not None), n)
                     for n, r in enumerate(speech)))
    direct = sorted((r["content_start"], n) for n, r in enumerate(speech) if r["kind"] == "direct")
    return speech, [e for e, _ in by_end], [n for _, n in by_end], [a for a, _ in direct], [n for _, n in direct]


def rule_continued_quote(st: _State, row: dict, index: tuple) -> tuple[dict, str] | None:
    """The attribution an unattributed quotation ``row`` continues, and how: ``"continued"``
    (rule ``direct_continued``: it shares the speaker and cue spans) or ``"carried"`` (only
    the speaker's actor and person; ``speaker_rule`` ``carried_quote``); ``index`` is
    :func:`_speech_index`'s. In order: the attribution ending right before it ("“A,” X
    said. “B.”", also after a short adjunct), the one ending the paragraph before, the
    quotation right after it ("“A.” “B,” X said."), then :func:`_paragraph_before`.

    Example:
        >>> _rows_of("“We will respond,” Lopes said. “We are ready.”")[1]
        ['direct_continued', 'Lopes', 'said', '“We are ready.”']
    """
    text = st.d.text
    speech, ends, by_end, starts, by_start = index
    a, b = row["content_start"], row["content_end"]
    i = bisect.bisect_right(ends, a) - 1
    if i >= 0:
        gap = text[ends[i]:a]
        if not any(ch.isalnum() for ch in gap) and "\n" not in gap:
            return speech[by_end[i]], "continued"
        if "\n" in gap and len(gap) < 400 and not any(ch.isalnum() for ch in gap.strip(" .,\n\t”\"")):
            return speech[by_end[i]], "carried"
        if _short_adjunct(gap):
            # "“A,” X said during a rally in Y, “B”" / "... said in an interview. “B”"
            return speech[by_end[i]], "continued"
    j = bisect.bisect_left(starts, b)
    if j < len(starts) and not text[b:starts[j]].strip():
        return speech[by_start[j]], "continued"
    src = _paragraph_before(st, a)
    return None if src is None else (src, "carried")


def _paragraph_before(st: _State, a: int) -> dict | None:
    """The attributed direct quotation that ends the paragraph before a paragraph opening
    with the quotation at ``a`` ("“A,” X told reporters in Kyiv." / "“B.”"): only its
    attribution's own words may follow it there, so the next paragraph's quotation is
    most likely X's still (news style gives a new speaker a new attribution)."""
    text = st.d.text
    p = text.rfind("\n", 0, a)
    if p < 0 or text[p:a].strip():
        return None
    pp = text.rfind("\n", 0, len(text[:p].rstrip()))
    last = None
    for r in st.rows:
        if r["kind"] == "direct" and pp < r["content_start"] and r["content_end"] <= p \
                and (last is None or r["content_end"] > last["content_end"]):
            last = r
    if last is None or not (last["speaker_actor"] or last["speaker_person"]):
        return None
    tail = text[last["content_end"]:p].strip()
    closed = text[last["content_start"]:last["content_end"]].rstrip("”\"’' ").endswith((".", "!", "?"))
    if tail and (closed or any(ch in tail.rstrip(".!?") for ch in ".!?“”\"") or len(tail.split()) > 12):
        return None  # another sentence, or another quotation, ends the paragraph
    return last



# ---------------------------------------------------------------- stages and the driver
# A stage offers the document's quotations or cues to its rules, in its tuple's order, and adds
# the rows of the first rule that claims each; :data:`STAGES` orders the stages.
def _add_direct(st: _State, row: dict, q: _Quote) -> None:
    """Add a direct-quote row whose content is the quotation ``q``, and mark ``q`` taken."""
    _set(row, "content", st.d, q.start, q.end)
    row["problem"] = q.problem
    q.used = True
    q.row = len(st.rows)
    st.rows.append(row)


def _add_indirect(st: _State, row: dict, keep_kind: bool = False) -> None:
    """Add a reported-speech row; quotations inside its content become part of it (the row
    turns ``mixed`` unless ``keep_kind``) and the content reaches a closing quote mark."""
    a, b = row["content_start"], row["content_end"]
    b = _clip_at_close(st, row, a, b)
    if a is None or b is None:   # no content: no quotation to take in
        st.rows.append(row)
        return
    n = len(st.rows)
    for q in _top_between(st, a, b):
        if q.end <= b + 1 and not q.title and not q.used:
            q.used = True
            q.row = n
            if not keep_kind:
                row["kind"] = "mixed"
            if q.end > b:
                _set(row, "content", st.d, a, q.end)
                b = q.end
    st.rows.append(row)


def _clip_at_close(st: _State, row: dict, a: int | None, b: int | None) -> int | None:
    """The end of a content ``[a, b)`` that starts inside a quotation, of a cue inside it: at
    most that quotation's closing mark, which it did not open with ('... “Riga warns Minsk” said
    ...' read from a cue inside the title ends at "Minsk"); sets ``row``'s content when it clips.

    Example:
        >>> # content 'Minsk" said Latvia would act' becomes 'Minsk'
    """
    c = row.get("cue_start")
    if a is None or b is None or c is None:
        return b
    k = bisect.bisect_right(st.top_starts, a) - 1
    if k < 0 or not (st.top[k].start < min(a, c) and max(a, c) < st.top[k].end < b):
        return b
    cut = st.top[k].end
    while cut > a and st.d.text[cut - 1] in "”\"'’":
        cut -= 1   # the closing mark ("''" is two characters)
    while cut > a and st.d.text[cut - 1] in " ,;:":
        cut -= 1
    if cut > a:
        _set(row, "content", st.d, a, cut)
    return row["content_end"]


def _stage_titles(st: _State) -> None:
    """Quoted titles ("the book “Red Lines”", “The Daily Record”) are no quotation: set aside."""
    st.spans = []
    for q in st.top:
        a, b = _quote_tokens(st.d, q)
        st.spans.append((a, b))
        q.title = b > a + 1 and _is_title(st.d, q, a, b)


def _stage_direct_quotes(st: _State) -> None:
    """Each quotation (not a title) to :data:`DIRECT_RULES`, in text order."""
    for q, (a, b) in zip(st.top, st.spans):
        if not q.title and b > a:
            for rule in DIRECT_RULES:
                rows = rule(st, q, a, b)
                if rows is not None:
                    for row in rows:
                        _add_direct(st, row, q)
                    break


def _stage_indirect(st: _State) -> None:
    """Each cue no quotation took, and not inside a quotation or reported speech, to
    :data:`INDIRECT_RULES`, in text order."""
    d = st.d
    for i in sorted(d.cues):
        if i in st.used_cues or _inside_speech(st, i):
            continue
        for rule in INDIRECT_RULES:
            rows = rule(st, i)
            if rows is None:
                continue
            for row in rows:
                _add_indirect(st, row, keep_kind=row["kind"] == "according_to")
            break


def _stage_nominal(st: _State) -> None:
    """Each noun of saying right before "that" to :func:`rule_nominal` (the "that"s are found
    by a regular expression over the text: the step stays as fast as without the rule)."""
    d = st.d
    for m in _THAT.finditer(d.text):
        t = bisect.bisect_left(d.start, m.start())
        if 0 < t < len(d.start) and d.start[t] == m.start() and d.low[t - 1] in SPEECH_NOUNS:
            for row in rule_nominal(st, t - 1) or ():
                _add_indirect(st, row)


# Heads of a sentence-opening "In ..." phrase that names a source of evidence or a view ("In
# a CBS News poll last month, ...", "In Trump's mind, ...", "In their view, ..."). PolNeAR
# attributes the clause after it to that phrase, with "In" as the cue.
_IN_VIEW_HEADS = frozenset("view words opinion mind eyes".split())
_IN_SOURCE_HEADS = frozenset("poll polls survey surveys study studies".split()) | _IN_VIEW_HEADS
_IN_NOT_SOURCE = frozenset("other view addition fact particular short general turn".split())  # "In other words", "In view of"


# Words that end the head noun of "In a poll ..." ("a CBS News poll last month", "a poll
# released Monday by ..."); a view's phrase ends only at "of" ("In the eyes of many voters").
_IN_SOURCE_STOPS = frozenset("of by for on from last this commissioned issued carried".split()) | (_RELEASED - {"out"})


def _in_source_head(d: _Doc, s0: int, comma: int) -> bool:
    """Whether the phrase after "In" at ``s0`` up to ``comma`` names a source: its head noun,
    the last word before the comma or before a word of :data:`_IN_SOURCE_STOPS`, is a poll, a
    study or a view ("In a poll released Monday", not "In the study area" or "In the wake of a
    poll"); a view's phrase stops only at "of", whose object is then a source ("In the eyes of
    many voters", not "In the eyes of the law" nor "In the view from the hilltop")."""
    stop = next((t for t in range(s0 + 2, comma) if d.low[t] in _IN_SOURCE_STOPS), comma)
    head = stop - 1
    if d.low[head] not in _IN_SOURCE_HEADS or any(d.low[t] in ("after", "before", "since", "with") or t in d.cues
                                                  for t in range(s0 + 1, head)):
        return False  # "In the days after the poll": the poll is not what the phrase is
    if d.low[head] not in _IN_VIEW_HEADS:
        return True
    if stop == comma:
        return True
    last = comma - 1
    return d.low[stop] == "of" and last > stop and d.low[last] not in _DETERMINERS \
        and (_cap(d.tok[last]) or d.low[last] in _NP_WORDS)


def rule_in_source(st: _State, s: int) -> list[dict] | None:
    """``in_source`` (kind ``according_to``): "In a CBS News poll last month, Cruz had a lead":
    the phrase after the sentence's opening "In", when its head is a poll, a study or a view,
    is the source and the clause after its comma the content; not when that clause has a cue
    of its own ("In a poll, 52 percent said ...": the respondents speak) nor for "In other
    words" or "In the wake of a poll".

    Example:
        >>> _rows_of("In a Freedonia Times poll released Monday, the president led by 6 points.")
        [['in_source', 'a Freedonia Times poll released Monday', 'In', 'the president led by 6 points']]
    """
    d = st.d
    s0, s1 = _dateline_end(d, d.sent_start[s], d.sent_end[s]), d.sent_end[s]
    if s0 + 3 >= s1 or d.low[s0] != "in" or d.low[s0 + 1] in _IN_NOT_SOURCE or _in_quote(st, d.start[s0]):
        return None
    comma = next((t for t in range(s0 + 2, min(s1, s0 + 18)) if d.tok[t] in _CLAUSE_PUNCT or d.tok[t] in _SENT_FINAL), None)
    if comma is None or d.tok[comma] != ",":
        return None
    if not _in_source_head(d, s0, comma):
        return None
    end = s1
    while end > comma + 1 and d.tok[end - 1] in _SENT_FINAL | _CLAUSE_PUNCT:
        end -= 1
    if end - comma < 3 or any(t in d.cues or t in d.other_sense for t in range(comma + 1, end)):
        return None  # a cue, or a quotes_only verb out of its frame ("Trump attacked the pollster")
    row = _empty_row(d, "according_to", "in_source")
    _set_tok(row, "speaker", d, (s0 + 1, comma))
    _resolve(st, row)
    _set_tok(row, "cue", d, (s0, s0 + 1))
    row["cue_class"], row["cue_lemma"] = "evidential", "in"
    _set_tok(row, "content", d, (comma + 1, end))
    return [row]


def _stage_in_source(st: _State) -> None:
    """Each sentence that opens with "In" to :func:`rule_in_source`."""
    d = st.d
    for s in range(len(d.sent_start)):
        a = d.sent_start[s]
        if a < len(d.low) and (d.low[a] == "in" or d.tok[a].isupper()):
            for row in rule_in_source(st, s) or ():
                _add_indirect(st, row, keep_kind=True)


def _stage_colon_lines(st: _State) -> None:
    """Sentences of the form "NAME: clause" whose colon is within the first words, to
    :func:`rule_colon_line` (a colon before a quotation was the direct rules')."""
    d = st.d
    for s in range(len(d.sent_start)):
        s0, s1 = d.sent_start[s], d.sent_end[s]
        if d.tok[s0] in "“\"‘''":
            s0 += 1  # a transcript quoted whole: "WALLACE: Let's start ...
        for t in range(s0 + 1, min(s1 - 1, s0 + 8)):
            if d.tok[t] == ":":
                if d.tok[t + 1] not in "“\"‘''":
                    for row in rule_colon_line(st, t, s0) or ():
                        _add_indirect(st, row)
                break
            if d.tok[t] in _SENT_FINAL or t in d.cues:
                break


def _stage_unclaimed_quotes(st: _State) -> None:
    """Quotations no rule claimed, to :func:`rule_unclaimed`."""
    for q, (a, b) in zip(st.top, st.spans):
        if q.title or b <= a or q.used:
            continue
        for row in rule_unclaimed(st, q, a, b):
            q.row = len(st.rows)
            st.rows.append(row)


def _stage_continuations(st: _State) -> None:
    """Give each unattributed quotation the attribution it continues (:func:`rule_continued_quote`).

    "“A,” X said. “B.”" and "“A.” (new paragraph) “B,” X said.": B (resp. A) belongs to the
    same attribution, as PARC and PolNeAR link it: the speaker and cue spans are shared.
    Otherwise a quotation paragraph right after an attributed one only inherits the
    speaker's actor and person (``speaker_resolution="carried"``).
    """
    index = _speech_index(st)
    for row in sorted(st.rows, key=lambda r: r["content_start"] or 0):  # earlier carried rows carry on
        if row["kind"] != "direct" or row["cue_start"] is not None:
            continue
        found = rule_continued_quote(st, row, index)
        if found is None:
            continue
        src, how = found
        cols = ["speaker_actor", "speaker_person", "speaker_sector"]
        if how == "continued":
            cols += ["speaker", "speaker_start", "speaker_end", "speaker_antecedent",
                     "speaker_antecedent_start", "speaker_antecedent_end", "cue", "cue_start", "cue_end",
                     "cue_class", "cue_lemma", "channel", "channel_start", "channel_end",
                     "channel_actor", "source"]
        elif not (src["speaker_actor"] or src["speaker_person"] or src["speaker_sector"] == "MED"):
            continue  # nothing to carry; a news outlet (no state: speakers' media_outlet) carries its sector
        for c in cols:
            row[c] = src[c]
        if how == "carried" and src["speaker_start"] is not None:
            # the paragraph carries the previous attribution's speaker: that is whom it refers to
            via = "speaker_antecedent" if src["speaker_antecedent"] else "speaker"
            row["speaker_antecedent"] = src[via]
            row["speaker_antecedent_start"] = src[via + "_start"]
            row["speaker_antecedent_end"] = src[via + "_end"]
        row["speaker_resolution"] = how
        row["speaker_rule"] = f"{how}_quote"
        if how == "continued":
            row["rule"] = "direct_continued"


# Rules of direct quotations whose content starts at the clause when the quotation opens
# mid-clause; a quotation after its cue ("X said the plan is “...”") is the cue's clause
# already, and an unattributed one is widened only after a "that".
UNATTRIBUTED_CLAUSE_REACH = 12  # tokens from "that" to an unattributed quotation
# A quotation right after one of these is a title or name ('a statement headlined “...”',
# 'the operation, dubbed “...”'), not speech that opens mid-clause: its content is not widened.
_NAME_FRAME = frozenset("headlined headline titled entitled called named dubbed labelled labeled "
                        "slogan hashtag".split())
# "In a statement “...”", "Under the banner “...”": a frame of the reporter's, not the clause.
_FRAME_PREPS = frozenset("in under".split())
_FRAME_DETS = frozenset("a an the his her its their".split())
FRAME_MAX_TOKENS = 6
_CLAUSE_START_RULES = frozenset({"direct_cue_after", "direct_said_x", "direct_channel_after",
                                 "direct_continued", "direct_unattributed"})


def _subject_relative(d: _Doc, t: int) -> bool:
    """Whether "that" at ``t`` is a relative pronoun with a verb right after it ("the regime
    that chants", "a sign that read", "a rule that's"): no reported clause opens there."""
    n = t + 1
    if n >= len(d.tok) or not d.tok[n][:1].islower():
        return False
    low = d.low[n]
    return low in _AUX or low in ("'s", "’s") or n in d.cues or low.endswith("ed") \
        or (low.endswith("s") and d.lemma[n] != low and not low.endswith("ss"))


def _mid_clause_start(st: _State, row: dict) -> int | None:
    """Token where the clause opens of a direct quotation that opens mid-clause ("Guns are
    “the ultimate crisis,” Lee said": at "Guns"; "..., adding that the race is “close”": at
    "that"); ``None`` when the quotation opens its clause or sentence.

    The clause starts at the last "that" between the sentence's start (or the end of the
    previous quotation or attribution part in it, or a colon, semicolon or dash, a spaced
    hyphen too, :func:`_spaced_dash`) and the quotation, else there (after a dateline and
    leading adverbials, :func:`_clause_start`); not for a title or name (after a word of
    :data:`_NAME_FRAME`) nor over a short prepositional frame ("In a statement “...”");
    an unattributed quotation only at a "that" (not a subject relative, :func:`_subject_relative`) at most :data:`UNATTRIBUTED_CLAUSE_REACH` tokens before it. PolNeAR marks such a content from the
    clause's start: on its train split the widened content is the gold content of 151 more
    quotations than the quotation alone, and of none fewer.
    """
    d = st.d
    a = row["content_start"]
    i = d.tok_at(a)
    if i == 0 or i >= len(d.tok) or d.start[i] != a or not d.tok[i - 1][-1:].isalnum():
        return None
    s0, _ = d.sent_bounds(i)
    if s0 >= i:
        return None
    lo_off = d.start[s0]
    for r in st.rows:
        for part in ("speaker", "cue", "content", "channel"):
            e = r[f"{part}_end"]
            if e is not None and lo_off < e <= a:
                lo_off = e
    for q in st.top:
        if lo_off < q.end <= a:
            lo_off = q.end
    if d.low[i - 1] in _NAME_FRAME:
        return None  # a title or name, not speech opening mid-clause
    lo = d.tok_at(lo_off)
    for t in range(lo, i):
        if d.tok[t] in (":", ";", "—", "–", "--") or _spaced_dash(d, t):
            lo = t + 1
    that = next((t for t in range(i - 1, lo - 1, -1) if d.low[t] == "that" and not _subject_relative(d, t)), None)
    if row["rule"] == "direct_unattributed":
        # no cue to anchor it: only a short clause right after "that" ("... that democracy is “...”")
        return that if that is not None and i - that <= UNATTRIBUTED_CLAUSE_REACH else None
    if that is not None:
        return that
    while lo < i and (d.tok[lo] in (",", "-", "(", ")") or d.low[lo] in ("and", "but")):
        lo += 1
    lo = _clause_start(d, lo, i) if lo == s0 else lo
    if lo == s0 and i - lo <= FRAME_MAX_TOKENS and d.low[lo] in _FRAME_PREPS and d.low[lo + 1] in _FRAME_DETS:
        return None  # "In a statement “...”": a prepositional frame, not the clause
    return lo if lo < i else None


def _spaced_dash(d: _Doc, t: int) -> bool:
    """Whether token ``t`` is a hyphen-minus standing as a dash, spaces on both sides
    ("The message was clear - the talks are “over”")."""
    return d.tok[t] == "-" and 0 < t < len(d.tok) - 1 and d.end[t - 1] < d.start[t] and d.end[t] < d.start[t + 1]


def _stage_clause_starts(st: _State) -> None:
    """A direct quotation that opens mid-clause has the whole clause as content ("Trade talks
    are “dead in the water,” an official said": from "Trade"), as PolNeAR marks it; the row
    stays ``direct`` (:func:`_mid_clause_start`).

    Example:
        >>> _rows_of("Trade talks are “dead in the water,” an official in Lisvane said.")
        [['direct_cue_after', 'an official in Lisvane', 'said', 'Trade talks are “dead in the water,”']]
    """
    for row in st.rows:
        if row["kind"] == "direct" and row["rule"] in _CLAUSE_START_RULES:
            t = _mid_clause_start(st, row)
            if t is not None:
                _set(row, "content", st.d, st.d.start[t], row["content_end"])


def _stage_fragments(st: _State) -> None:
    """Short fragments inside reported speech rows are scare quotes too (see
    :mod:`toolkit.quotes`), by :func:`rule_scare_in_speech`."""
    for q, (a, b) in zip(st.top, st.spans):
        if q.used and q.row is not None and st.rows[q.row]["kind"] in ("mixed", "according_to", "indirect") \
                and not q.title and _n_words(st.d, a, b) <= FRAGMENT_MAX_WORDS:
            st.rows.extend(rule_scare_in_speech(st, q, q.row))


def _stage_nested_scares(st: _State) -> None:
    """Short quotations nested inside a quotation that has a row, by :func:`rule_scare_in_speech`."""
    for q in st.quotes:
        if q.depth > 0:
            a, b = _quote_tokens(st.d, q)
            k = bisect.bisect_right(st.top_starts, q.start) - 1
            parent = st.top[k] if k >= 0 and q.end <= st.top[k].end else None
            if parent is not None and parent.row is not None and b > a \
                    and _n_words(st.d, a, b) <= SCARE_MAX_WORDS and not _is_title(st.d, q, a, b):
                st.rows.extend(rule_scare_in_speech(st, q, parent.row))


# The stages in precedence order: each claims quotations and cues that later stages no longer
# take (direct quotes first, so that their cues are not read again as indirect speech;
# quotations no cue claimed last; continuations amend the rows the stages before made).
STAGES = (_stage_titles, _stage_direct_quotes, _stage_indirect, _stage_nominal, _stage_in_source, _stage_colon_lines,
          _stage_unclaimed_quotes, _stage_continuations, _stage_clause_starts, _stage_fragments, _stage_nested_scares)


def run(st: _State) -> list[dict]:
    """Apply :data:`STAGES` in order to one document's state; return its rows, sorted and
    numbered, with their overall span, sentence position and notes.

    Example:
        >>> st = _state_of("“We will respond,” Lopes said. The “peace plan” failed.")
        >>> [(r["rule"], r["content"]) for r in run(st)]
        [('direct_cue_after', '“We will respond,”'), ('scare', '“peace plan”')]
    """
    for stage in STAGES:
        stage(st)
    return _finish(st)


def _first(row: dict) -> int:
    return min(row[f"{p}_start"] for p in SPAN_PARTS if row[f"{p}_start"] is not None)


def _finish(st: _State) -> list[dict]:
    """Sort the rows, number them, and fill their overall span, sentence and notes."""
    d = st.d
    st.rows.sort(key=lambda r: (_first(r), r["kind"] == "scare"))
    rows = list(st.rows)
    for n, r in enumerate(rows):
        r["quote_id"] = n
    for r in rows:
        if r["in_quote"] is not None:
            r["in_quote"] = r["in_quote"]["quote_id"]
        starts = [r[f"{p}_start"] for p in SPAN_PARTS if r[f"{p}_start"] is not None]
        ends = [r[f"{p}_end"] for p in SPAN_PARTS if r[f"{p}_end"] is not None]
        r["start"], r["end"] = min(starts), max(ends)
        r["text"] = d.text[r["start"]:r["end"]]
        anchor = r["cue_start"] if r["cue_start"] is not None else r["content_start"]
        tok = min(bisect.bisect_right(d.start, anchor) - 1, len(d.sent) - 1)
        r["sent_id"] = d.sent[tok] if d.sent else 0
        if d.sent and r["cue_start"] is not None and d.long_sentence(tok):
            r["problem"] = LONG_SENTENCE_NOTE if not r["problem"] else f"{r['problem']}; {LONG_SENTENCE_NOTE}"
    return rows

