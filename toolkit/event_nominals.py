"""Event rows for acts named by a noun whose doer the phrase names (issue 17).

The events step codes a clause's verb ("Moscow expelled two diplomats") and the nominal cues of
the escalation lexicon. An act named by a noun is missed when the noun is no cue, or when the
verb that governs it codes its own act: "Estonia condemned the expulsion of two of its
diplomats by Moscow" is Estonia's criticism of Russia and Russia's expulsion of Estonian
diplomats. :func:`sentence_rows` adds the second row, one per act noun of
``lexicons/event_nominals.yaml`` (:func:`nominal_rules`) whose doer is explicit:

1. ``nominal.by_agent`` - a "by" phrase after the noun and its "of" phrase, with no verb
   between ("the arrest of a Polish citizen by Belarusian police": BLR coerce POL);
2. ``nominal.possessive`` - a possessor before the noun ("Iran's seizure of a Greek tanker":
   IRN coerce GRC);
3. ``nominal.adjective`` - an actor adjective right before the noun ("the Ethiopian
   bombardment of ...", "the Russian annexation of ...").

The target is the actor of the first phrase after the noun that names one (``of``, ``against``,
``on``, ``from``, ``to``; the owner or nationality of an "of" object: "a Greek tanker" is GRC),
never the doer itself; else none. Factuality is that of the clause the noun sits in: inside a
reported clause or a quotation it is alleged by the reporter or speaker (asserted when they
report their own act); the object of a denial ("Ankara denied the Turkish shelling of ...") is
denied; "alleged" or "reported" before the noun makes it alleged; otherwise asserted.

No row (a coder records none, CAMEO codes acts that happened): the noun as a modifier ("the
expulsion debate"), a name ("the Institute for the Study of War"), an act asked for or
discussed ("calls for the release of", "demanded the withdrawal of"), a possible or future act
("any Chinese blockade", "a Russian invasion would ..."), a background time phrase ("since the
Russian annexation of Crimea"), a question, a conditional clause. And no second row for an act
already coded: a row of the same act (``same_act``) by the same doer in the sentence or the
paragraph's rows before ("Moscow expelled two diplomats; the expulsion ...").

Example:
    >>> sorted(nominal_rules().act_nouns)[:3]
    ['abduction', 'annexation', 'arrest']
    >>> nominal_rules().act_nouns["expulsion"]
    ('expel', '174', 'material_conflict')
"""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import _yaml
from . import clauses as cl
from .config import LEXICON_DIR

RULES_FILE = LEXICON_DIR / "event_nominals.yaml"
_QUOTE_MARKS = frozenset('"\u201c\u201d')
_FIELDS = ("actor", "person", "sector", "text", "start", "end")


@dataclass(frozen=True)
class NominalRules:
    """The word lists of ``lexicons/event_nominals.yaml`` (see its comments)."""

    version: str
    act_nouns: dict
    needs_phrase: dict
    target_preps: frozenset
    hypothetical_modifiers: frozenset
    report_modifiers: frozenset
    request_frames: frozenset
    request_verbs: frozenset
    denial_verbs: frozenset
    background_openers: frozenset
    same_act: dict
    reporting_verbs: frozenset
    force_acts: frozenset
    force_objects: frozenset
    duration_nouns: frozenset
    place_acts: dict
    destination_preps: dict
    status_acts: frozenset
    request_nouns: dict   # noun -> (act, CAMEO, quad): rule nominal.request_from
    request_openers: frozenset = frozenset()   # "Despite calls from X, ...": target.request_heeder_after
    request_backers: frozenset = frozenset()   # "Britain backed calls from Kyiv": no heeder (nominal.request_from)


@functools.lru_cache(maxsize=4)
def nominal_rules(path: str | None = None) -> NominalRules:
    """The rules of ``lexicons/event_nominals.yaml`` (or ``path``).

    Example:
        >>> nominal_rules().same_act["expel"] == nominal_rules().same_act["sanction"]
        True
    """
    d = _yaml.safe_load(Path(path or RULES_FILE).read_text(encoding="utf-8"))
    fs = frozenset
    same = {act: i for i, group in enumerate(d["same_act"]) for act in group}
    return NominalRules(version=str(d["version"]),
                        act_nouns={k: (str(v[0]), str(v[1]), str(v[2])) for k, v in d["act_nouns"].items()},
                        needs_phrase={k: fs(v) for k, v in d["needs_phrase"].items()},
                        target_preps=fs(d["target_preps"]), hypothetical_modifiers=fs(d["hypothetical_modifiers"]),
                        report_modifiers=fs(d["report_modifiers"]), request_frames=fs(d["request_frames"]),
                        request_verbs=fs(d["request_verbs"]), denial_verbs=fs(d["denial_verbs"]),
                        background_openers=fs(d["background_openers"]), same_act=same,
                        reporting_verbs=fs(d["reporting_verbs"]), force_acts=fs(d["force_acts"]),
                        force_objects=fs(d["force_objects"]), duration_nouns=fs(d["duration_nouns"]),
                        place_acts={k: (str(v[0]), str(v[1]), str(v[2])) for k, v in d["place_acts"].items()},
                        destination_preps={k: fs(v) for k, v in (d.get("destination_preps") or {}).items()},
                        status_acts=fs(d.get("status_acts") or ()),
                        request_nouns={k: (str(v[0]), str(v[1]), str(v[2]))
                                       for k, v in (d.get("request_nouns") or {}).items()},
                        request_openers=fs(d.get("request_openers") or ()),
                        request_backers=fs(d.get("request_backers") or ()))


def _chain(s: cl.Structure, c: cl.Chunk) -> list[tuple[str, cl.Chunk]]:
    """The prepositional phrases right after noun phrase ``c``, each opening where the one
    before ends ("the expulsion | of two diplomats | by Moscow"); none across a verb or comma.

    Example:
        >>> # "the seizure of a tanker by Iran on Friday": [("of", a tanker), ("by", Iran), ("on", Friday)]
    """
    out: list[tuple[str, cl.Chunk]] = []
    end = c.end
    for p, ch in cl.obliques(s, c.end - 1, cl.words(), span=14):
        if ch.start != end + 1 and not (ch.start == end + 2 and s.tags[end + 1] == "CD"):
            break   # "of two diplomats": a number may stand between the preposition and the phrase
        out.append((p, ch))
        end = ch.end
    return out


def _doer(s: cl.Structure, c: cl.Chunk, k: int, chain: list, ctx: Any) -> tuple[cl.Chunk, str] | None:
    """The phrase naming who does the act of noun ``k`` (head of chunk ``c``) and its rule.

    Example:
        >>> # "Iran's seizure": (Iran, "nominal.possessive"); "the Russian annexation": (Russian, "nominal.adjective")
    """
    by = [ch for p, ch in chain if p == "by"]
    if by:
        return by[0], "nominal.by_agent"
    pos = [j for j in range(c.start, k) if s.tags[j] == "POS"]
    if pos:
        return cl.Chunk(c.start, pos[-1], pos[-1] - 1, "np.possessor"), "nominal.possessive"
    j = k - 1
    # an adjective, or a demonym the tagger read as a name ("the Azerbaijani shelling"); not a
    # name before the noun ("the Kyiv shelling" is where, "the Iran sanctions" whom)
    if j >= c.start and ctx.adjective_actor(j) and (s.tags[j] == "JJ" or s.lower[j] in demonyms()):
        return cl.Chunk(j, j + 1, j, "np.modifier"), "nominal.adjective"
    return None


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset:
    """The one-word demonyms of the actors lexicon (``actors.csv`` category ``demonym``),
    lower-cased.

    Example:
        >>> "azerbaijani" in demonyms(), "iran" in demonyms()
        (True, False)
    """
    with open(LEXICON_DIR / "actors.csv", encoding="utf-8", newline="") as f:
        return frozenset(r["entry"].lower() for r in csv.DictReader(f)
                         if r.get("category") == "demonym" and " " not in r["entry"])


def _governing(s: cl.Structure, c: cl.Chunk) -> list[cl.Predicate]:
    """The predicates that take noun phrase ``c`` as their subject or object."""
    return [p for p in s.predicates
            if (p.agent is not None and p.agent.start <= c.start < p.agent.end)
            or (p.patient is not None and p.patient.start <= c.start < p.patient.end)]


def _not_done(s: cl.Structure, c: cl.Chunk, k: int, nr: NominalRules) -> bool:
    """Whether the act of noun ``k`` is no act that happened: asked for, discussed, possible,
    conditional, background or in a question.

    Example:
        >>> # "calls for the release of", "any Chinese blockade", "since the Russian annexation": True
    """
    if s.question or s.clauses[s.clause_of[k]].kind == "conditional":
        return True
    if any(s.lower[j] in nr.hypothetical_modifiers for j in range(c.start, k)):
        return True
    if any(s.tags[j] == "CD" and len(s.tokens[j]) == 4 and s.tokens[j].isdigit() for j in range(c.start, k)):
        return True   # "the 1999 bombardment of Belgrade by NATO": a dated act, background
    before = s.lower[c.start - 1] if c.start > 0 else ""
    if before == "of" and c.start > 1 and s.lemma[c.start - 2] in nr.duration_nouns:
        return True   # "seven decades of Israeli occupation": a state of affairs
    if before in nr.background_openers or before == "for" and c.start > 1 and any(
            s.lemma[j] in nr.request_frames for j in range(max(0, c.start - 3), c.start - 1)):
        return True
    for p in _governing(s, c):
        if p.modality or p.negated or s.lemma[p.head] in nr.request_verbs:
            return True   # "A Russian invasion would trigger ...", "demanded the withdrawal of"
    # "the Russian invasion of Ukraine in 2022": a dated act is the background of the sentence
    stop = min(len(s.tokens), c.end + 14)
    return any(s.lower[j] in ("in", "since") and s.tags[j + 1] == "CD" and len(s.tokens[j + 1]) == 4
               and s.tokens[j + 1].isdigit() for j in range(c.end, stop - 1))


def _reporter(s: cl.Structure, clause: int) -> cl.Predicate | None:
    """The reporting predicate (clauses.yaml ``reporting``) whose reported clause holds
    ``clause``: "Kenya said the detention of its nationals by Ugandan police was unlawful"."""
    w = cl.words()
    for p in s.predicates:
        if p.agent is None or p.voice != "active" or s.lemma[p.head] not in w.reporting:
            continue
        for x in s.clauses:
            if x.parent == p.clause and x.kind == "complement" \
                    and (x.start > p.head or s.clauses[p.clause].kind == "report") \
                    and (clause == x.cid or clause in s.nested(x.cid)):
                return p
    return None


def _factuality(s: cl.Structure, c: cl.Chunk, k: int, doer: str, ctx: Any,
                nr: NominalRules) -> tuple[str, dict, str]:
    """``(factuality, claimant fields, claim rule)`` of the act of noun ``k``.

    Example:
        >>> # "Ankara denied the Turkish shelling of ...": ("denied", {}, "claim.denied")
    """
    if any(s.lemma[p.head] in nr.denial_verbs for p in _governing(s, c)):
        return "denied", {}, "claim.denied"
    if any(s.lower[j] in nr.report_modifiers for j in range(c.start, k)):
        return "alleged", {}, "claim.modifier"   # "had no information about the reported seizure of"
    a = int(ctx.tok_start[k])
    for qa, qb, act, per, sec in ctx.quotes:
        if qa <= a < qb and act and any(ch in _QUOTE_MARKS for ch in ctx.text[max(0, qa - 2):qa + 1]):
            clm = {"actor": act, "person": per, "sector": sec, "text": None, "start": None, "end": None}
            return ("asserted" if act == doer else "alleged"), clm, "claim.quote"
    rep = _reporter(s, s.clause_of[k]) or next(   # "Kenya said the detention of ... was unlawful"
        (p for p in s.predicates if p.agent is not None and p.patient is not None and p.voice == "active"
         and p.patient.start <= c.start < p.patient.end and s.lemma[p.head] in nr.reporting_verbs), None)
    if rep is not None and rep.agent is not None:
        f, _ = ctx.actor(rep.agent, s)
        clm = {x: f.get(x) for x in _FIELDS}
        return ("asserted" if f.get("actor") == doer else "alleged"), clm, "claim.complement"
    return "asserted", {}, ""


def _target(s: cl.Structure, chain: list, doer: str, ctx: Any, nr: NominalRules,
            noun: str = "") -> tuple[dict, str]:
    """The actor fields and rule of the first phrase after the noun that names an actor other
    than the doer ("the seizure of a Greek tanker": GRC, ``target.nominal_of``). A phrase that
    names where the act goes (``destination_preps``: "the Kenyan deployment to Haiti", "the
    deportation of refugees to Myanmar") names no target, nor does a contested region after a
    noun of ``status_acts`` ("Russia's recognition of Abkhazia" is no act toward Georgia)."""
    dest = nr.destination_preps.get(noun, ())
    for i, (p, ch) in enumerate(chain):
        if p in dest:
            continue
        if noun in nr.status_acts and _contested(ctx, ch):
            continue
        # "the shelling of villages in Tavush province": the place of the act's object
        placed = p == "in" and i > 0 and chain[i - 1][0] == "of"
        if p == "by" or p not in nr.target_preps and not placed:
            continue
        f, rule = ctx.actor(ch, s, target=True)
        if f.get("actor") is not None and f.get("actor") != doer:
            return {x: f.get(x) for x in _FIELDS}, f"target.nominal_{p}/{rule}"
    return dict.fromkeys(_FIELDS), "none/none"


def _contested(ctx: Any, ch: cl.Chunk) -> bool:
    """Whether noun phrase ``ch`` holds a mention of a contested region (actors.csv
    ``contested``: a breakaway or occupied territory, "Abkhazia", "Crimea")."""
    a, b = int(ctx.tok_start[ch.start]), int(ctx.tok_end[ch.end - 1])
    return any(len(m) > 8 and m[8] and a <= m[0] and m[1] <= b for m in ctx.mentions)


def _coded(rows: list, previous: Any, act: str, doer: str, a: int, nr: NominalRules) -> dict | bool:
    """Whether a row already codes this act: a row of the same act (``same_act``) by the same
    doer in the sentence or the paragraph's rows before, or one whose cue is the noun (that row,
    when it names no doer: :func:`sentence_rows` gives it the noun's)."""
    fam = nr.same_act.get(act, act)
    for r in list(rows) + [x[1] for x in previous or ()]:
        if nr.same_act.get(r.get("act"), r.get("act")) != fam:
            continue
        if any(r is x for x in rows) and r.get("cue_start", -1) <= a < r.get("cue_end", -1):
            return r if r.get("source_actor") in (None, doer) else True
        if r.get("source_actor") == doer:
            return True
    return False


def _complete(row: dict, src: dict, rule: str, fact: str, tgt: dict, trule: str, text: str) -> None:
    """Complete the row whose cue is the act noun: its doer when it names none ("the alleged
    Rwandan deployment" read with no source: rule ``nominal.adjective`` added), its target when
    it has none and the noun's phrases name one (rule ``target.nominal_*`` added), and
    ``denied`` for a noun a denial governs that the row reads as negated ("Ankara denied the
    Turkish shelling of villages in northern Iraq": rule ``claim.denied`` added)."""
    if row.get("source_actor") is None:
        row.update({f"source_{x}": src.get(x) for x in _FIELDS}, rule=f"{row['rule']};{rule}")
    if row.get("target_actor") is None and tgt.get("actor") is not None and tgt["actor"] != row["source_actor"]:
        row.update({f"target_{x}": tgt.get(x) for x in ("actor", "text", "start", "end")},
                   rule=f"{row['rule']};{trule}")
    if fact == "denied" and row.get("factuality") == "negated":
        row.update(factuality="denied", rule=f"{row['rule']};claim.denied")
    # the evidence span takes in the phrases added (its slice stays the document's text)
    a = min([row["start"]] + [row[x] for x in ("source_start", "target_start") if row.get(x) is not None])
    b = max([row["end"]] + [row[x] for x in ("source_end", "target_end") if row.get(x) is not None])
    row.update(start=a, end=b, text=text[a:b])


def may_name_act(lemmas: Any) -> bool:
    """Whether a sentence's lemmas hold an act noun (or its word in -ing): a sentence without
    cues or acting verbs is parsed for :func:`sentence_rows` only then.

    Example:
        >>> may_name_act(["latvia", "'s", "expulsion", "of", "a", "diplomat", "be", "the", "third"])
        True
        >>> may_name_act(["this", "be", "a", "historic", "moment"])
        False
    """
    nouns = nominal_rules().act_nouns
    return any(w in nouns or w + "ing" in nouns for w in lemmas)


def _candidates(s: cl.Structure, nr: NominalRules) -> list[tuple[int, cl.Chunk, str]]:
    """The act nouns of the sentence that head their noun phrase and are no name."""
    out = []
    for k, lemma in enumerate(s.lemma):
        if s.tags[k] not in ("NN", "NNS") or (k > 0 and s.tokens[k][:1].isupper()):
            continue
        # the lemma, or the word for a noun in -ing the lemmatizer reads as its verb ("shelling")
        noun = next((w for w in (lemma, s.lower[k], s.lower[k][:-1]) if w in nr.act_nouns), None)
        c = s.chunk_at(k)
        if noun is not None and c is not None and c.head == k:
            out.append((k, c, noun))
    return out


def sentence_rows(s: cl.Structure, ctx: Any, rows: list) -> list[dict]:
    """The rows of the sentence's act nouns with an explicit doer (module docstring), after the
    sentence's other ``rows`` (each new row has the keys of :func:`toolkit.events._row`).

    Example:
        >>> from toolkit import analyze
        >>> import pandas as pd
        >>> t = "Tallinn protested against the expulsion of two Estonian diplomats by Moscow."
        >>> ev = analyze(pd.DataFrame({"doc_id": ["d"], "text": [t]}), annotators=["events"], progress=False)["events"]
        >>> ev[["source_actor", "act", "target_actor", "rule"]].values.tolist()[-1][:3]
        ['RUS', 'expel', 'EST']
    """
    nr = nominal_rules()
    out: list[dict] = []
    for k, c, noun in _candidates(s, nr):
        chain = _chain(s, c)
        need = nr.needs_phrase.get(noun)
        if need is not None and not any(p in need for p, _ in chain[:2]):
            continue
        act, cameo, quad = nr.act_nouns[noun]
        of = [ch for p, ch in chain[:1] if p == "of"]
        if act in nr.force_acts and of and s.lemma[of[0].head] not in nr.force_objects:
            continue   # "China's deployment of a survey ship": no force shown
        found = _doer(s, c, k, chain, ctx)
        if found is None or _not_done(s, c, k, nr):
            continue
        src, srule = ctx.actor(found[0], s)
        doer = src.get("actor")
        if doer is None:
            continue
        tgt, trule = _target(s, chain, doer, ctx, nr, noun)
        if noun in nr.place_acts and "nominal_from/" in trule and tgt.get("start") is not None and any(
                m[7] == "state" and m[0] <= tgt["start"] < m[1] for m in ctx.mentions if len(m) > 7):
            act, cameo, quad = nr.place_acts[noun]   # "Israel's withdrawal from Lebanon": a retreat
        got = _coded(rows + out, ctx.previous, act, doer, int(ctx.tok_start[k]), nr)
        fact, clm, crule = _factuality(s, c, k, doer, ctx, nr)
        if isinstance(got, dict):
            _complete(got, src, f"{found[1]}:{found[0].rule}/{srule or 'none'}", fact, tgt, trule, ctx.text)
        if got:
            continue
        # the sentence's main event when no other row is and the noun is in the main clause
        # ("Latvia's expulsion of a Russian diplomat on Monday was the third this year")
        main = s.clauses[s.clause_of[k]].kind == "main" and not any(r.get("main") for r in rows + out)
        out.append(_row(ctx, k, src, tgt, clm, fact, (act, cameo, quad), main,
                        f"{found[1]};source:{found[0].rule}/{srule or 'none'};target:{trule}"
                        + (";" + crule if crule else "")))
    return out + _request_rows(s, ctx, rows + out, nr)


def _request_rows(s: cl.Structure, ctx: Any, rows: list, nr: NominalRules) -> list[dict]:
    """Rule ``nominal.request_from``: a request noun (event_nominals.yaml ``request_nouns``:
    "calls", "appeals", "a request") whose "from" or "by" phrase names who made it is that
    party's appeal or demand ("Laos began filling the dam despite calls from Thailand and
    Cambodia to delay it": THA and KHM appeal to LAO). It is aimed at the party an "on"/"to"
    phrase after it names, else at the subject of the clause the noun stands in (the one who
    heeds, rejects or weighs it: "Serbia rejected a request from Moscow"); never at its own
    maker. Each conjunct of the "from" phrase makes a row. No row in a question or a
    conditional, when neither names a party, nor when a row of the same act by that party is
    already coded.

    Example:
        >>> # "Thailand deported the men despite appeals from the United Nations": UN appeal THA
    """
    out: list[dict] = []
    if s.question or not nr.request_nouns:
        return out
    for k, lemma in enumerate(s.lemma):
        code = nr.request_nouns.get(lemma)
        if code is None:
            continue
        c = s.chunk_at(k) if s.tags[k] in ("NN", "NNS") else None
        if c is None or c.head != k or s.clauses[s.clause_of[k]].kind == "conditional":
            continue
        if k > c.start and s.tags[k - 1] in ("NN", "NNS"):
            continue   # "phone calls from Nigeria", "port calls": a compound names no request
        chain = _chain(s, c)
        if not chain or chain[0][0] not in ("from", "by"):
            continue
        makers = [ch for ch in _conjuncts(s, chain[0][1], chain)]
        clause_subj = next((p.agent for p in s.predicates if p.clause == s.clause_of[k] and p.agent is not None
                            and s.lemma[p.head] not in nr.request_backers
                            and p.agent.end <= c.start), None) or _fronted_heeder(s, c, nr)
        for ch in makers:
            src, srule = ctx.actor(ch, s)
            doer = src.get("actor")
            if doer is None or any(r.get("source_actor") == doer and r.get("act") == code[0] for r in out):
                continue
            tgt, trule = _target(s, [x for x in chain[1:] if x[0] in ("on", "to")], doer, ctx, nr)
            if tgt.get("actor") is None and clause_subj is not None:
                f, rule = ctx.actor(clause_subj, s)
                if f.get("actor") not in (None, doer):
                    tgt, trule = {x: f.get(x) for x in _FIELDS}, f"target.request_heeder/{rule}"
            if tgt.get("actor") is None:
                continue   # "The decision follows a request by Benin": asked of whom, the phrase leaves open
            fact, clm, crule = _factuality(s, c, k, doer, ctx, nr)
            got = _coded(rows, ctx.previous, code[0], doer, int(ctx.tok_start[k]), nr)
            if isinstance(got, dict):   # the noun's own cue row, with no maker: it gets this one
                _complete(got, src, f"nominal.request_from:{ch.rule}/{srule or 'none'}", fact, tgt, trule, ctx.text)
            if got:
                continue
            out.append(_row(ctx, k, src, tgt, clm, fact, code, False,
                            f"nominal.request_from;source:{ch.rule}/{srule or 'none'};target:{trule}"
                            + (";" + crule if crule else "")))
    return out


def _fronted_heeder(s: cl.Structure, c: cl.Chunk, nr: NominalRules) -> cl.Chunk | None:
    """The subject of the clause after a sentence-opening phrase of event_nominals.yaml
    ``request_openers`` that holds request noun phrase ``c`` ("Despite calls from Chile to halt
    the trial, | Peru jailed ...": Peru heeds or defies the call): the agent of the first
    predicate whose subject opens right after the phrase's closing comma. ``None`` when the
    phrase does not open the sentence or no such subject follows.

    Example:
        >>> # "Despite pleas from Norway, Iran hanged the men": the agent "Iran"
    """
    if c.start != 1 or s.lower[0] not in nr.request_openers:
        return None
    comma = next((j for j in range(c.end, len(s.lower)) if s.lower[j] == ","), None)
    if comma is None:
        return None
    return next((p.agent for p in s.predicates if p.agent is not None and p.agent.start == comma + 1
                 and p.head > comma), None)


def _conjuncts(s: cl.Structure, first: cl.Chunk, chain: list) -> list[cl.Chunk]:
    """``first`` and the noun phrases co-ordinated with it right after ("from Thailand and
    Cambodia", "from Chile, Peru and Bolivia")."""
    out, end, joined = [first], first.end, 1   # joined: how many of out an "and" closes
    while end + 1 < len(s.lower) and s.lower[end] in ("and", ",") and len(out) < 6:
        nxt = s.chunk_at(end + 1) if s.lower[end + 1] != "and" else s.chunk_at(end + 2)
        if nxt is None or nxt.start not in (end + 1, end + 2):
            break
        out.append(nxt)
        if "and" in s.lower[end:nxt.start]:
            joined = len(out)
        end = nxt.end
    return out[:joined]   # "from the UN, a Thai official said": no list without its "and"


def _row(ctx: Any, k: int, src: dict, tgt: dict, clm: dict, fact: str, code: tuple, main: bool, rule: str) -> dict:
    """An events row for act noun ``k`` (the columns of :func:`toolkit.events._row`)."""
    act, cameo, quad = code
    ca, cb = int(ctx.tok_start[k]), int(ctx.tok_end[k])
    a = min([ca] + [d["start"] for d in (src, tgt) if d.get("start") is not None])
    b = max([cb] + [d["end"] for d in (src, tgt) if d.get("end") is not None])
    alleged = fact == "alleged"
    return {"doc_id": ctx.doc_id, "start": a, "end": b, "text": ctx.text[a:b],
            **{f"source_{x}": src.get(x) for x in _FIELDS}, "act": act, "cameo": cameo, "root": cameo[:2],
            "quad_class": quad, **{f"target_{x}": tgt.get(x) for x in _FIELDS if x not in ("person", "sector")},
            "factuality": fact, **{f"claimant_{x}": clm.get(x) if alleged else None
                                   for x in ("actor", "text", "start", "end")},
            "condition": None, "condition_start": None, "condition_end": None,
            "cue": ctx.text[ca:cb].lower(), "cue_text": ctx.text[ca:cb], "cue_start": ca, "cue_end": cb,
            "main": main, "rule": rule}
