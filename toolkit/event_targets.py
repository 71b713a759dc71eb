"""Target resolution for event rows the argument rules leave without a target (issue 17).

:func:`toolkit.events.sentence_events` reads an event's target from its object or a
prepositional phrase. When that phrase is no actor ("condemned the crackdown", "warned it would
respond", "India and Cambodia agreed on border demarcation") the row keeps its source and has no
target, although a coder reads one from the sentence or the paragraph. :func:`resolve` is the
one step that fills such a target, after every other target rule, trying in this order (the
first that answers wins; each answer is a rule id in the row's ``rule`` column):

1. ``target.location_only`` - a border named by a nationality adjective ("killed six militants
   near the Afghan border") is where the act happened, not whom it was aimed at: the target
   is dropped (the adv8-11 codebook, decision 5; CAMEO codes a target only for an actor acted on).
2. ``target.what_said_object`` - "struck what it said were Hezbollah weapons depots": the
   party of the noun phrase after the copula (also in place of a self-target the object's own
   name gave: "bombed what Ankara said were PKK positions").
3. ``target.event_doer_ref`` - a definite noun phrase naming an act ("condemned the crackdown",
   "welcomed the decision", "rejected the accusation") stands for the doer of the latest
   earlier act of the paragraph (an accusation for its accuser).
4. ``target.joint_pair`` - the conjuncts of a coordinated subject of an act parties do together
   ("Thailand and Cambodia agreed on border demarcation"), split into a row each with no target,
   are each other's targets (CAMEO codes a joint act as a dyad).
5. ``target.counterpart_phrase`` - an object naming means, goods or a topic passes the target to
   the first party-naming phrase after it in its clause ("suspended talks on a railway link
   with Baku", "a tariff on imports from India", "warning shots at a Maltese-flagged trawler").
6. ``target.prior_party`` - a warning or threat of response with no object ("Yerevan warned it
   would respond") is aimed at the other party of the paragraph: whoever acted on the source,
   else whom the source acted on, else the one other party the sentence names, else the doer
   of the latest earlier hostile act aimed at no one named or at a co-warner; never a party
   warning alongside it ("Iran and Hezbollah vowed to retaliate", "..., and Iran warned of a
   wider war"), nor a target this step gave.
7. ``target.answered_party`` - a demand or a climb-down with no party named ("Malta demanded an
   explanation", "Paraguay backed down") answers the latest earlier act on the source.
8. ``target.denial_prior_accuser`` - a denial of "any involvement" is aimed at the earlier accuser.
9. ``target.claimant_party`` - a deployment or coercive act another party reports, with no party
   named ("Kosovo said Serbian forces had moved heavy artillery close to the boundary line"), is
   aimed at the reporting party (as ``target.claimant_victim`` in toolkit.events reads attacks),
   when that party is a state (an IGO's or NGO's report names no one acted on); so is a
   concession a state reports with a verb of saying ("Kazakhstan said China had agreed to ...").

Never a self-target: an answer naming the source's own actor, or an actor named inside the
source's own phrase ("Afghanistan's Taliban"), is no answer. The steps read only
the parsed sentence, its mentions and the rows already made (this sentence's and, through
``ctx.previous``, those of the sentences before within events.yaml ``description_lookup:
sentences``); its word lists are data, ``lexicons/event_targets.yaml`` (:func:`target_rules`).
The object's own possessor or nationality ("shelled Eritrea's north", "detained Egyptian
diplomats") and the state of a named place or a shared border ("to the border with Kosovo") are
read before this step, by :meth:`toolkit.events.SentenceContext.actor` and
``target.border_with``, so they are not repeated here.

Example:
    >>> _event_like("crackdown", frozenset(), frozenset())
    True
    >>> _event_like("border", frozenset(), frozenset())
    False
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _yaml
from . import clauses as cl
from .config import LEXICON_DIR

RULES_FILE = LEXICON_DIR / "event_targets.yaml"
_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_MEDIA = "MED"   # the actors lexicon's sector of news outlets (as toolkit.events.MEDIA)


@dataclass(frozen=True)
class TargetRules:
    """The word lists of ``lexicons/event_targets.yaml`` (see its comments)."""

    version: str
    referring_acts: frozenset
    warning_acts: frozenset
    event_suffixes: tuple
    not_events: frozenset
    borders: frozenset
    locative_preps: tuple
    party_preps: tuple
    claimant_acts: frozenset
    border_facing_acts: frozenset
    warning_verbs: frozenset
    answered_links: frozenset
    counterpart_preps: frozenset
    direction_preps: frozenset
    phrase_stops: frozenset
    answering_acts: frozenset
    membership_nouns: frozenset
    counterpart_window: int
    reported_concessions: frozenset
    report_verbs: frozenset
    hedge_verbs: frozenset
    answered_acts: frozenset
    denial_answer_acts: frozenset
    sought_objects: frozenset = frozenset()   # events' target.sought_for: "a warrant for X"
    igo_member_nouns: frozenset = frozenset()   # events' actor.igo_member: "peacekeepers"


@functools.lru_cache(maxsize=4)
def target_rules(path: str | None = None) -> TargetRules:
    """The target rules of ``lexicons/event_targets.yaml`` (or ``path``).

    Example:
        >>> "warn" in target_rules().warning_acts
        True
    """
    d = _yaml.safe_load(Path(path or RULES_FILE).read_text(encoding="utf-8"))
    for key, val in d.items():   # YAML reads a bare on/off/yes/no as a boolean: quote such words
        if key in ("changelog", "sources"):
            continue
        if isinstance(val, list) and any(not isinstance(x, str) for x in val):
            raise ValueError(f"{path or RULES_FILE}: {key} has a non-string entry {val!r}")
    fs = frozenset
    return TargetRules(version=str(d["version"]), referring_acts=fs(d["referring_acts"]),
                       warning_acts=fs(d["warning_acts"]), event_suffixes=tuple(d["event_suffixes"]),
                       not_events=fs(d["not_events"]), borders=fs(d["borders"]),
                       locative_preps=tuple("_" + x for x in d["locative_preps"]),
                       party_preps=tuple("_" + x for x in d["party_preps"]),
                       claimant_acts=fs(d["claimant_acts"]), border_facing_acts=fs(d["border_facing_acts"]),
                       warning_verbs=fs(d["warning_verbs"]), answered_links=fs(d["answered_links"]),
                       counterpart_preps=fs(d["counterpart_preps"]), direction_preps=fs(d["direction_preps"]),
                       phrase_stops=fs(d["phrase_stops"]), answering_acts=fs(d["answering_acts"]),
                       membership_nouns=fs(d["membership_nouns"]), counterpart_window=int(d["counterpart_window"]),
                       reported_concessions=fs(d["reported_concessions"]), report_verbs=fs(d["report_verbs"]),
                       hedge_verbs=fs(d["hedge_verbs"]),
                       answered_acts=fs(d["answered_acts"]), denial_answer_acts=fs(d["denial_answer_acts"]),
                       sought_objects=fs(d.get("sought_objects") or ()),
                       igo_member_nouns=fs(d.get("igo_member_nouns") or ()))


def _event_like(lemma: str, event_nouns: Any, claim_nouns: Any, tr: TargetRules | None = None) -> bool:
    """Whether a noun lemma names an act: an events.yaml event or claim noun, or a noun whose
    ending names one ("expulsion", "crackdown", "closure").

    Example:
        >>> _event_like("expulsion", frozenset(), frozenset())
        True
    """
    if lemma in event_nouns or lemma in claim_nouns:
        return True
    tr = tr or target_rules()
    return lemma not in tr.not_events and len(lemma) > 4 and lemma.endswith(tr.event_suffixes)


def _fields(actor: str, person: Any = None, sector: Any = None, text: Any = None,
            start: Any = None, end: Any = None) -> dict:
    """A target's fields (the shape :func:`toolkit.events._row` reads)."""
    return {"actor": actor, "person": person, "sector": sector, "text": text, "start": start, "end": end}


def _earlier_rows(ctx: Any, rows: list, r: Any) -> list:
    """This sentence's rows made so far, after those of the sentences before within events.yaml
    ``description_lookup: sentences``, oldest first."""
    before = [row for sent, row in ctx.previous if sent >= ctx.sent_id - r.description_sentences]
    return before + list(rows)


def _location_only(s: cl.Structure, e: Any, trule: str, tr: TargetRules) -> tuple[dict, str] | None:
    """``target.location_only``: "near the Afghan border" - a border phrase whose party is only
    an adjective or a name before "border" is a place, not the party acted on; not for a
    deployment (``border_facing_acts``: "deployed tanks near the Kosovo border" faces Kosovo)."""
    tc = e.target.chunk
    if tc is None or e.act in tr.border_facing_acts or trule != "actor.mention" \
            or not e.target.rule.endswith(tr.locative_preps) \
            or s.lemma[tc.head] not in tr.borders or tc.head != tc.end - 1:
        return None
    if tc.end < len(s.lower) and s.lower[tc.end] in ("with", "of"):
        return None   # "the border with Kosovo" names the party (target.border_with)
    return _fields(None), "target.location_only"  # type: ignore[arg-type]


def _event_doer_ref(s: cl.Structure, e: Any, ctx: Any, me: str, rows: list, r: Any, cue: Any,
                    tr: TargetRules) -> tuple[dict, str] | None:
    """``target.event_doer_ref``: "the crackdown" / "the release" / "the accusation" as the object
    of a reaction is the doer of the latest earlier act (an accusation's accuser), never of an
    earlier reaction ("Kenya praised the talks. Somalia rejected the proposal" is no rejection of
    Kenya)."""
    tc = e.target.chunk
    if e.act not in tr.referring_acts or tc is None or not e.target.rule.startswith("patient.") \
            or s.lower[tc.start] not in _DETERMINERS or tc.head != tc.end - 1 or tc.end - tc.start > 3 \
            or s.tags[tc.head] not in ("NN", "NNS") \
            or any(s.tags[k] in ("NNP", "NNPS", "PRP$", "POS", "CD") for k in range(tc.start, tc.end)):
        return None
    if tc.end < len(s.lower) and s.lower[tc.end] in ("of", "by", "on", "against", "'s", "’s", "to", "from"):
        return None   # "the killing of ...", "the attack on ...": the phrase after names the party
    lemma = s.lemma[tc.head]
    if not _event_like(lemma, r.event_nouns, r.claim_nouns, tr):
        return None
    a, b = int(ctx.tok_start[tc.start]), int(ctx.tok_end[tc.end - 1])
    earlier = _earlier_rows(ctx, rows, r)
    own, here = int(ctx.tok_start[cue.tok]), {id(x) for x in rows}
    for k in range(len(earlier) - 1, -1, -1):   # latest first (no reversed(): mypyc)
        row = earlier[k]
        if id(row) in here and (row.get("cue_start") == own or row.get("act") in tr.referring_acts):
            continue   # "Germany and France condemned the attack": the partner's condemnation is no act named
        who = None
        if lemma in r.claim_nouns:   # "rejected the accusation": the accuser of the source
            if row.get("act") in ("accuse", "criticize") and row.get("target_actor") == me:
                who = row.get("source_actor")
            elif row.get("factuality") == "alleged" and row.get("source_actor") == me:
                who = row.get("claimant_actor")
        elif row.get("act") not in ("statement", None) and row.get("factuality") != "alleged" \
                and row.get("act") not in tr.referring_acts and row.get("act") not in r.reacted_acts \
                and (row.get("main") or id(row) in here):   # a reaction is no act a reaction names
            who = row.get("source_actor")
        if who is not None and who != me:
            return _fields(who, text=ctx.text[a:b], start=a, end=b), "target.event_doer_ref"
        if who == me:
            return None   # the source's own act ("defended the decision") aims at no one else
    return None


def _joint_pair(s: cl.Structure, e: Any, ctx: Any, src: dict, cue: Any, rows: list, r: Any,
                tr: TargetRules) -> tuple[dict, str] | None:
    """``target.joint_pair``: the row of one conjunct of "Thailand and Cambodia agreed ..." is
    aimed at the other conjunct, whose row (made just before, from the same cue, with no target)
    is aimed back at it."""
    if not e.source.rule.startswith(("agent.subject", "source.light_agent.subject")):
        return None
    if e.act not in r.reciprocal_acts and not (cue.lemma in r.reciprocal_lemmas and e.act not in ("statement", "unclassified")):
        return None
    tc = e.target.chunk
    if tc is not None and (e.target.rule.endswith(tr.party_preps)
                           or any(ctx.names_party(k) for k in range(tc.start, tc.end))):
        return None   # "reduced aid to Kim Jong-un's regime": a third party is acted on, not each other
    if s.lemma[e.tok] in r.pair_third_parties:
        return None   # "Egypt and Qatar mediated the talks": mediators act together, on others
    me = src.get("actor")
    for row in rows[::-1]:
        if row.get("act") == e.act and row.get("target_actor") is None and row.get("source_actor") not in (None, me) \
                and str(row.get("rule", "")).find("+conjunct") >= 0 and row.get("cue_text") is not None:
            row.update(target_actor=me, target_text=src.get("text"), target_start=src.get("start"),
                       target_end=src.get("end"), rule=row["rule"] + ";target.joint_pair")
            return _fields(row["source_actor"], row.get("source_person"), row.get("source_sector"),
                           row.get("source_text"), row.get("source_start"), row.get("source_end")), "target.joint_pair"
    return None


def _parallel_parties(s: cl.Structure, e: Any, ctx: Any, rows: list, cue: Any, tr: TargetRules) -> set:
    """The actors named in the subject of the warning's own verb or of another warning verb of
    its sentence (``warning_verbs``): co-subjects ("Iran and Hezbollah vowed to retaliate") and
    parallel warners ("Hezbollah vowed to retaliate, and Iran warned of a wider war") warn
    alongside the source; none of them is whom its warning is aimed at. A warning verb in a
    clause the source answers (``answered_links``: "... would respond after Ethiopia threatened
    to fill the dam") is the other party's act, not a parallel one."""
    spans = []
    for p in s.predicates:
        if p.agent is None:
            continue
        answered = p.agent.start > 0 and s.lower[p.agent.start - 1] in tr.answered_links
        if p.start <= e.tok < p.end or s.lemma[p.head] in tr.warning_verbs and not answered:
            spans.append((int(ctx.tok_start[p.agent.start]), int(ctx.tok_end[p.agent.end - 1])))
    sc = e.source.chunk
    if sc is not None:
        spans.append((int(ctx.tok_start[sc.start]), int(ctx.tok_end[sc.end - 1])))
        if sc.end < e.tok and s.lower[sc.end] in ("and", ",", "or"):   # "Congo and Burundi vowed": the later conjuncts
            spans.append((int(ctx.tok_start[sc.end]), int(ctx.tok_start[e.tok])))
    # the rows of the earlier conjuncts, made from the same cue, and the sentence's other warnings
    # of the same class with no target of their own
    own = int(ctx.tok_start[cue.tok])
    got = {x.get("source_actor") for x in rows if x.get("cue_start") == own or x.get("act") == e.act
           and (x.get("target_actor") is None or str(x.get("rule", "")).find("target.prior_party") >= 0)}
    return got | {m[2] for m in ctx.mentions if m[2] is not None and any(a <= m[0] < b for a, b in spans)}


def _prior_party(s: cl.Structure, e: Any, ctx: Any, own: set, rows: list, r: Any, cue: Any,
                 tr: TargetRules) -> tuple[dict, str] | None:
    """``target.prior_party``: a warning or threat of response with no party named is aimed at
    the latest earlier doer of a hostile act on the source (events.yaml ``retaliation_targets``),
    else at the latest party the source did one to, else at the one other party acting in its
    sentence, else at the doer of the latest hostile act of the sentences before when that act
    is aimed at no one named or at a party warning alongside ("Venezuela annexed the region.
    Guyana and Brazil warned of consequences": VEN for each; "Ukraine's drones hit a Russian
    port. Moscow and Minsk warned of a response": UKR for Minsk too). Never a party
    that warns alongside the source (:func:`_parallel_parties`), nor one whose target this step
    gave (the warnings of one sentence aim at no one through each other)."""
    if e.act not in tr.warning_acts:
        return None
    tc = e.target.chunk
    if tc is not None and not (e.target.rule.startswith("patient.") and s.tags[tc.head] in ("NN", "NNS")
                               and tc.end - tc.start <= 3):
        return None   # an object or phrase of its own that names no one ("warned of a crisis")
    skip = own | _parallel_parties(s, e, ctx, rows, cue, tr)
    earlier = [x for x in _earlier_rows(ctx, rows, r) if str(x.get("rule", "")).find("target.prior_party") < 0]
    for want in ("acted_on", "acted"):
        for k in range(len(earlier) - 1, -1, -1):
            row = earlier[k]
            if row.get("act") not in r.retaliation_acts:
                continue   # "China sent weapons to Russia. Russia vowed to retaliate": no act one answers
            who = None
            if want == "acted_on" and row.get("target_actor") in own:
                who = row.get("source_actor")
            elif want == "acted" and row.get("source_actor") in own:
                who = row.get("target_actor")
            if who is not None and who not in skip:
                return _fields(who), "target.prior_party"
    # the one other party acting in the sentence, the head of a subject of one of its verbs ("... after
    # Ethiopia began the filling"): no place, person or news outlet ("CAIRO (AP) -"), nor a party
    # the feared outcome only names ("would lead to a conflict with NATO"), nor one of the
    # warning's own condition ("would pay a price if it allowed Russia to win")
    cond = (int(ctx.tok_start[e.condition[0]]), int(ctx.tok_end[e.condition[1] - 1])) if e.condition else (-1, -1)
    # nor the subject of an object relative clause on a noun ("made threats that China called
    # irresponsible": China answers the threats, it is not their target)
    heads = [int(ctx.tok_start[p.agent.head]) for p in s.predicates if p.agent is not None and p.voice == "active"
             and not (p.agent.start >= 2 and s.lower[p.agent.start - 1] in ("that", "which")
                      and s.tags[p.agent.start - 2] in ("NN", "NNS"))]
    others = {m[2] for m in ctx.mentions if m[2] is not None and not m[5] and m[2] not in skip and m[3] is None
              and m[4] != _MEDIA and not cond[0] <= m[0] < cond[1] and any(m[0] <= h < m[1] for h in heads)}
    if len(others) == 1:
        return _fields(next(iter(others))), "target.prior_party"
    if others:
        return None
    here = {id(x) for x in rows}
    for k in range(len(earlier) - 1, -1, -1):   # the doer of the latest hostile act before, on no one
        row = earlier[k]                           # named or on a party warning alongside the source
        if id(row) not in here and row.get("act") in r.retaliation_acts and row.get("act") not in tr.warning_acts \
                and row.get("factuality") != "alleged" and row.get("source_actor") not in skip | {None}:
            if row.get("target_actor") is None or row["target_actor"] in skip:
                return _fields(row["source_actor"]), "target.prior_party"
            return None   # "Poland expelled Belarusian diplomats. Russia said it would retaliate": not POL
    return None


_CLAUSE_BREAK_TAGS = frozenset({"VB", "VBD", "VBZ", "VBP", "MD", "WDT", "WP", "WRB", ".", ":", ","})
_NP_TAGS = ("DT", "JJ", "NN", "CD", "PRP$", "POS", "HYPH", "VBN")


def _counterpart(s: cl.Structure, e: Any, ctx: Any, skip: set, tr: TargetRules) -> tuple[dict, str] | None:
    """``target.counterpart_phrase``: an object or phrase that names means, goods or a topic
    ("suspended talks on a railway link with Baku", "a tariff on aluminium imports from India",
    "fired warning shots at a Maltese-flagged trawler") passes the target to the first phrase
    after it, within its clause, opened by ``counterpart_preps`` and naming a party (CAMEO codes
    the counterpart of talks and the state a measure falls on). A nationality adjective there
    ("Chinese drones") names a party only after ``direction_preps`` ("at", "against"): "attacked
    the town with Chinese drones" names the means' maker, not the one attacked. The phrase ends
    at a verb, a participle ("embargoes imposed on Cuba": the embargoes' own clause), "and", a
    comma or ``phrase_stops`` ("after", "that"), and within ``counterpart_window`` words of the
    object; a reported clause's subject has no such phrase ("demanded that the sanctions on X
    be lifted" is no demand of X); places and the source's side are
    skipped, and so is a border ("on the Lebanese border" is a place). An accused before a gerund
    charge (events ``target.accused_before_charge``) has none: the charge's phrases are its own. "in" names the body a
    membership noun belongs to ("froze its participation in the CSTO": ``membership_nouns``).

    Example:
        >>> # "Armenia suspended talks on a railway link with Baku": ARM -> AZE
    """
    tc = e.target.chunk
    if tc is None or e.act == "statement" or e.target.rule.startswith("target.reported") \
            or any(ctx.names_party(k) for k in range(tc.start, tc.end)):
        return None   # a reported clause's subject is no object: its phrases belong to its clause
    n, k = len(s.lower), tc.end
    while k < min(n, tc.end + tr.counterpart_window):
        w = s.lower[k]
        if w in tr.phrase_stops or s.tags[k] in _CLAUSE_BREAK_TAGS or s.tags[k] in ("VBN", "VBG", "CC") \
                or w == "to" and k + 1 < n and s.tags[k + 1].startswith("VB"):
            return None   # a reduced relative ("embargoes imposed on Cuba") or a new conjunct
        j = k + 1   # the noun phrase after the word; a gerund only first ("talks on joining the EU")
        while j < n and (s.tags[j].startswith(_NP_TAGS) or j == k + 1 and s.tags[j] == "VBG") \
                and s.lower[j] not in tr.phrase_stops:
            j += 1
        member = w == "in" and k == tc.end and s.lemma[tc.head] in tr.membership_nouns
        if (w in tr.counterpart_preps or member) and j > k + 1:
            got, rule = ctx.actor(cl.Chunk(k + 1, j, j - 1, "np.counterpart"), s, target=True)
            who = got.get("actor")
            adjective = all(s.tags[x].startswith("JJ") or not ctx.names_party(x) for x in range(k + 1, j))
            if who is not None and rule == "actor.mention" and not got.get("place") and who not in skip \
                    and (w in tr.direction_preps or not adjective) and s.lemma[j - 1] not in tr.borders:
                return got, "target.counterpart_phrase"
        k = j if j > k + 1 else k + 1
    return None


def _object_names_no_one(s: cl.Structure, e: Any, ctx: Any) -> bool:
    """Whether the event has no phrase of its own, or only an object that is a short common noun
    phrase naming no party ("an explanation", "any involvement", "the crew's release")."""
    tc = e.target.chunk
    return tc is None or e.target.rule.startswith("patient.") and s.tags[tc.head] in ("NN", "NNS") \
        and not any(ctx.names_party(k) for k in range(tc.start, tc.end))


def _answered_party(s: cl.Structure, e: Any, ctx: Any, own: set, skip: set, rows: list, r: Any,
                    cue: Any, tr: TargetRules) -> tuple[dict, str] | None:
    """``target.answered_party``: a demand or a climb-down with no party named ("Hanoi demanded
    the crew's immediate release", "Malta demanded an explanation", "Paraguay backed down") is
    aimed at the doer of the latest earlier act on the source (``answered_acts``: a detention,
    warning shots, a threat), within events.yaml ``description_lookup: sentences``; never a party
    on the source's side.

    Example:
        >>> # "Indonesia detained a Vietnamese vessel. Hanoi demanded its release.": VNM -> IDN
    """
    if e.act not in tr.answering_acts or not _object_names_no_one(s, e, ctx):
        return None
    at = int(ctx.tok_start[cue.tok])
    earlier = _earlier_rows(ctx, rows, r)
    for k in range(len(earlier) - 1, -1, -1):   # latest first (no reversed(): mypyc)
        row = earlier[k]
        if row.get("cue_start") == at or row.get("act") not in tr.answered_acts:
            continue
        who = row.get("source_actor")
        if row.get("target_actor") in own and who is not None and who not in skip:
            return _fields(who), "target.answered_party"
    return None


def _denial_prior(s: cl.Structure, e: Any, ctx: Any, me: str, rows: list, r: Any,
                  tr: TargetRules) -> tuple[dict, str] | None:
    """``target.denial_prior_accuser``: a denial whose object names no claim and no one ("Algeria
    denied any involvement", "denied any incursion") is aimed at whoever blamed the denier
    before: the source of an earlier blaming row aimed at it (events.yaml
    ``denial_accuser_acts``) or the claimant of an earlier act alleged of it (events'
    ``target.denial_accuser`` reads a claim noun object the same way).

    Example:
        >>> import pandas as pd
        >>> from toolkit import actors, escalation, events
        >>> from toolkit.tokenize import tokenize_documents
        >>> t = "Mali accused Algeria of arming rebels. Algeria denied any involvement."
        >>> docs = pd.DataFrame({"doc_id": ["d"], "text": [t]})
        >>> sents, toks = tokenize_documents(["d"], [t])
        >>> tb = {"documents": docs, "sentences": sents, "tokens": toks,
        ...       "mentions": actors.mentions_from_tables(docs, toks)}
        >>> tb.update(escalation.annotate(tb))
        >>> ev = events.annotate(tb)["events"]
        >>> [(r.source_actor, r.act, r.target_actor) for r in ev.itertuples()
        ...  if r.rule.endswith("/target.denial_prior_accuser")]
        [('DZA', 'deny', 'MLI')]
    """
    if e.act not in tr.denial_answer_acts or not _object_names_no_one(s, e, ctx):
        return None
    who = prior_accuser(ctx, rows, r, me)
    return (_fields(who), "target.denial_prior_accuser") if who is not None else None


def prior_accuser(ctx: Any, rows: list, r: Any, me: str) -> str | None:
    """The latest party that blamed ``me`` in this sentence's rows so far or those of the
    sentences before (:func:`_earlier_rows`): the source of a blaming row aimed at it (events.yaml
    ``denial_accuser_acts``) or the claimant of an act alleged of it; None when no other party did.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> ctx = NS(previous=[(0, {"act": "accuse", "source_actor": "MLI", "target_actor": "DZA"})], sent_id=1)
        >>> prior_accuser(ctx, [], NS(description_sentences=2, denial_accuser_acts={"accuse"}), "DZA")
        'MLI'
    """
    earlier = _earlier_rows(ctx, rows, r)
    for k in range(len(earlier) - 1, -1, -1):
        row = earlier[k]
        who = None
        if row.get("act") in r.denial_accuser_acts and row.get("target_actor") == me:
            who = row.get("source_actor")
        elif row.get("factuality") == "alleged" and row.get("source_actor") == me:
            who = row.get("claimant_actor")
        if who is not None and who != me:
            return who
    return None


def _what_said(s: cl.Structure, e: Any, ctx: Any, own: set, tr: TargetRules) -> tuple[dict, str] | None:
    """``target.what_said_object``: "struck what it said were Hezbollah weapons depots" - an
    object "what X said were NP" (``hedge_verbs``: said, claimed, described ...) is the noun phrase
    after the copula, whose party (its owner: "Hezbollah", "Iranian drone sites") is the target;
    not a place reading, a border or the source's own side ("what Ankara said were PKK
    positions": not Turkey, and no target when the lexicons know no party there).

    Example:
        >>> # "Israel struck what it said were Hezbollah depots": ISR -> HEZBOLLAH
    """
    tc = e.target.chunk
    if tc is None or not e.target.rule.startswith("patient."):
        return None
    if not (s.lower[tc.start] == "what" or tc.start > 0 and s.lower[tc.start - 1] == "what"):
        return None
    n, k = len(s.lower), tc.end
    while k < n and s.tags[k].startswith("RB"):
        k += 1
    if k + 1 >= n or s.lemma[k] not in tr.hedge_verbs or s.lemma[k + 1] != "be":
        return None
    j = k + 2
    while j < n and (s.tags[j].startswith(_NP_TAGS) or s.tags[j] == "HYPH"):
        j += 1
    for x in range(k + 2, j):
        if s.lemma[x] in tr.borders:
            return None
        a, b = int(ctx.tok_start[x]), int(ctx.tok_end[x])
        for m in ctx.mentions:
            if m[0] <= a and m[1] >= b and m[2] is not None and not m[5] and m[2] not in own:
                return _fields(m[2], m[3], m[4], ctx.text[m[0]:m[1]], m[0], m[1]), "target.what_said_object"
    return _fields(None), "target.what_said_object"  # type: ignore[arg-type]  # a party no lexicon knows


def _claimant_party(s: cl.Structure, e: Any, ctx: Any, src: dict, r: Any, tr: TargetRules) -> tuple[dict, str] | None:
    """``target.claimant_party``: a deployment or a coercive act that another party reports, whose
    object or place names no one ("Kosovo said Serbian forces had moved heavy artillery close to
    the boundary line", "Norway said Russia had jammed GPS signals"), is aimed at the reporting
    party, as ``target.claimant_victim`` reads a reported attack; not the doer's own report, a
    news outlet's, a claim a noun reports ("rejected claims that ..."), or a denied or negated act;
    only a state's report (an IGO, NGO or monitor reports what it saw, "Human Rights Watch said
    police had detained activists", and is not the one acted on). A concession (``reported_concessions``:
    "Kazakhstan said China had agreed to increase water releases", "Venezuela released six US
    citizens, the White House said") is aimed at the state that says so with a verb of saying
    (``report_verbs``) and names (no pronoun), when the concession has an object or a phrase of
    its own ("X agrees" alone is an opinion), not at a state that warns "after" it, nor at a
    pair's mediator."""
    me = src.get("actor")
    c, tc = e.claimant, e.target.chunk
    if c is None or e.act not in tr.claimant_acts or e.negated or s.lemma[c.head] in r.claim_nouns \
            or "claim.noun_owner" in e.extra or e.source.rule == "source.denier" \
            or e.modality == "hypothetical" or e.factuality in ("hypothetical", "requested"):
        return None   # "Serbia must withdraw its troops, Croatia said": asked of Serbia, not done to Croatia
    if e.act in tr.reported_concessions and (src.get("pair") is not None or tc is None or not any(
            p.agent is not None and p.agent.head == c.head and s.lemma[p.head] in tr.report_verbs
            for p in s.predicates)):
        return None   # "Both sides agreed ..., Turkey said": the pair's own (target.reciprocal_pair)
    if tc is not None and any(ctx.names_party(k) for k in range(tc.start, tc.end)):
        return None   # the phrase names a party the actors lexicon knows as some other reading
    clm, crule = ctx.actor(c, s)
    if e.act in tr.reported_concessions and crule != "actor.mention":
        return None   # "they issued a statement, saying that X agrees": an opinion, a pronoun's report
    if clm.get("actor") in (None, me) or clm.get("sector") == _MEDIA \
            or _actor_type(clm["actor"]) != "state":
        return None   # a monitor, an IGO or NGO reports what it saw, it is not the one acted on
    return _fields(clm["actor"], clm.get("person"), clm.get("sector"), clm.get("text"), clm.get("start"),
                   clm.get("end")), "target.claimant_party"


def _actor_type(actor: str) -> str | None:
    """The actors lexicon's ``actor_type`` of an actor code (state, igo, ngo, nonstate ...).

    Example:
        >>> _actor_type("OSCE"), _actor_type("SRB")
        ('igo', 'state')
    """
    from .actors import load_gazetteer
    return load_gazetteer().actor_types.get(actor)


def resolve(s: cl.Structure, e: Any, ctx: Any, src: dict, tgt: dict, trule: str, rows: list, r: Any,
            cue: Any) -> tuple[dict, str] | None:
    """The target of an event row the argument rules left with none (or with a place-modifier
    target), by the steps of this module in their order; None when no step answers or the row
    has no source actor. ``rows`` are the sentence's rows made so far (step
    ``target.joint_pair`` also aims the other conjunct's row back at this row's source).

    Example:
        >>> # "Lithuania expelled two Belarusian envoys. Minsk warned it would respond.": BLR -> LTU
        >>> # "Pakistani troops killed six militants near the Afghan border": no target (not AFG)
    """
    me = src.get("actor")
    if me is None:
        return None
    tr = target_rules()
    own = _own_actors(e, ctx, src)
    if tgt.get("actor") is not None:   # "bombed what Ankara said were PKK positions": not Turkey
        return _location_only(s, e, trule, tr) or (_what_said(s, e, ctx, own, tr) if tgt["actor"] in own else None)
    got = _what_said(s, e, ctx, own, tr)
    if got is None or got[0].get("actor") is None:
        got = _event_doer_ref(s, e, ctx, me, rows, r, cue, tr) or _joint_pair(s, e, ctx, src, cue, rows, r, tr)
    if got is None:
        side = own | _parallel_parties(s, e, ctx, rows, cue, tr)
        charge = "target.accused_before_charge" in e.extra   # "accused the smugglers of bringing arms from X"
        got = (None if charge else _counterpart(s, e, ctx, side, tr)) or _prior_party(s, e, ctx, own, rows, r, cue, tr) \
            or _answered_party(s, e, ctx, own, side, rows, r, cue, tr) or _denial_prior(s, e, ctx, me, rows, r, tr) \
            or _claimant_party(s, e, ctx, src, r, tr)
    if got is None or got[0].get("actor") is None or got[0]["actor"] in own:
        return None
    return got


def _own_actors(e: Any, ctx: Any, src: dict) -> set:
    """The source's actor and every actor named inside its own phrase ("Afghanistan's Taliban":
    AFG and TALIBAN), none of which the source's act is aimed at."""
    own = {src.get("actor")}
    sc = e.source.chunk
    if sc is not None:
        a, b = int(ctx.tok_start[sc.start]), int(ctx.tok_end[sc.end - 1])
        if src.get("start") is not None and src.get("end") is not None:
            a, b = min(a, int(src["start"])), max(b, int(src["end"]))
        own |= {m[2] for m in ctx.mentions if m[2] is not None and a <= m[0] < b}
    return own
