"""Clause structure: chunks, voice, clauses, reporting frames, negation, conditions, questions."""
from __future__ import annotations

import pytest

from toolkit import clauses


def parse(text: str, lemmas: dict[str, str] | None = None):
    if clauses._perceptron() is None:  # these tables assume NLTK's tagger, not the fallback
        pytest.skip("NLTK data 'averaged_perceptron_tagger_eng' not found (set NLTK_DATA)")
    toks = text.split()
    lemmas = lemmas or {}
    return clauses.parse(toks, lemma=[lemmas.get(t.lower(), t.lower()) for t in toks])


def head(s, c):
    """The head word, or the whole chunk when it ends in an adjective ("the Israeli military")."""
    if c is None:
        return None
    return s.tokens[c.head] if s.tags[c.end - 1] != "JJ" else " ".join(s.tokens[c.start:c.end])


@pytest.mark.parametrize("text, verb, agent, patient, voice", [
    ("Russia attacked Ukraine .", "attacked", "Russia", "Ukraine", "active"),
    ("Ukraine was attacked by Russia .", "attacked", "Russia", "Ukraine", "passive"),
    ("Ukraine was attacked overnight .", "attacked", None, "Ukraine", "passive"),
    ("Kyiv has been accused by Moscow of sabotage .", "accused", "Moscow", "Kyiv", "passive"),
    ("The missiles fired by the Israeli military struck a depot .", "fired", "the Israeli military", "missiles", "passive"),
    ("The Nigerian military on Friday lifted a ban .", "lifted", "The Nigerian military", "ban", "active"),
    ("In October , a Taliban suicide bomber killed 15 trainees .", "killed", "bomber", "trainees", "active"),
    ("Putin expresses condolences for the British people and condemns the attack .", "condemns", "Putin", "attack", "active"),
    ("Eritrea has expelled some of the U.N. peacekeepers .", "expelled", "Eritrea", "peacekeepers", "active"),
])
def test_agent_patient_voice(text, verb, agent, patient, voice):
    s = parse(text)
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    assert (head(s, p.agent), head(s, p.patient), p.voice) == (agent, patient, voice)


@pytest.mark.parametrize("text, lemmas, kinds", [
    ("Moscow said Kyiv attacked the talks .", {"said": "say"}, ["main", "complement"]),
    ("Moscow said that Kyiv attacked the talks .", {"said": "say"}, ["main", "complement"]),
    ("Russia will respond if NATO expands .", {}, ["main", "conditional"]),
    ("The Taliban stormed a base , officials said .", {"said": "say"}, ["complement", "report"]),
    ("The US , which seeks peace , sent aid .", {}, ["main", "relative"]),
    ("Russia issued a warning , signaling it will respond .", {"signaling": "signal"}, ["main", "participial", "complement"]),
])
def test_clause_kinds(text, lemmas, kinds):
    assert [c.kind for c in parse(text, lemmas).clauses] == kinds


def test_relative_clause_does_not_supply_the_subject():
    s = parse("The US , which seeks peace with Russia , sent aid to Ukraine .")
    p = next(p for p in s.predicates if s.tokens[p.head] == "sent")
    assert head(s, p.agent) == "US"


@pytest.mark.parametrize("text, verb, negated, modality", [
    ("Russia did not attack Ukraine .", "attack", True, ""),
    ("Russia will never attack Ukraine .", "attack", True, "future"),
    ("Russia could attack Ukraine .", "attack", False, "hypothetical"),
    ("Russia attacked Ukraine .", "attacked", False, ""),
    ("Russia plans to attack Ukraine .", "attack", False, "future"),
    # a negator right before "to" negates the infinitive
    ("Armenia vowed never to recognise the vote .", "recognise", True, "future"),
    ("The rebels agreed not to attack the convoy .", "attack", True, "future"),
    # negative: a negated governor leaves its infinitive's own polarity alone
    ("The rebels did not agree to attack the convoy .", "attack", False, "future"),
])
def test_negation_and_modality(text, verb, negated, modality):
    s = parse(text, {"plans": "plan", "vowed": "vow", "agreed": "agree"})
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    assert (p.negated, p.modality) == (negated, modality)


@pytest.mark.parametrize("text, question", [
    ("Will Russia attack Ukraine ?", True),
    ("Russia attacked Ukraine .", False),
    ('He asked : " Will they attack ? "', True),
])
def test_question(text, question):
    assert parse(text).question is question


def test_infinitive_takes_its_controller():
    s = parse("Trump threatened to attack Iranian sites .")
    p = next(p for p in s.predicates if s.tokens[p.head] == "attack")
    assert head(s, p.agent) == "Trump" and head(s, p.patient) == "sites"


@pytest.mark.parametrize("tokens", [[], ["."], ["the"], ["Russia"], ["said", "said", "said"]])
def test_degenerate_sentences(tokens):
    s = clauses.parse(tokens)
    assert len(s.clause_of) == len(tokens)


def test_fallback_tagger_marks_passive():
    tags = clauses.fallback_tag(["Towns", "were", "shelled", "by", "Russia", "."])
    s = clauses.parse(["Towns", "were", "shelled", "by", "Russia", "."], tags=tags)
    assert s.predicates[0].voice == "passive" and head(s, s.predicates[0].agent) == "Russia"


def test_tagger_missing_is_reported(monkeypatch):
    monkeypatch.setattr(clauses, "_perceptron", lambda: None)
    clauses._warn_once.cache_clear()
    with pytest.warns(clauses.TaggerMissingWarning):
        tags, degraded = clauses.tag(["Russia", "attacked", "."])
    assert degraded and "averaged_perceptron_tagger_eng" in degraded and len(tags) == 3


@pytest.mark.parametrize("text, verb, agent, patient", [
    # tag.split_possessive: "’ s" split into two tokens is a possessive, not a verb
    ("China ’ s health ministry sent a team .", "sent", "ministry", "team"),
    # tag.hyphen_participle: "Kurdish - led forces" is one noun phrase
    ("Kurdish - led forces attacked the town .", "attacked", "forces", "town"),
    # tag.participle_compound: "armed forces" is no verb and object
    ("Iraqi armed forces pounded the hideouts .", "pounded", "forces", "hideouts"),
    # tag.quantity_adverb: the number phrase after "around" / "more than" is a subject or object
    ("Around 3 , 000 members have surrendered .", "surrendered", "members", None),
    ("The bombings killed more than 300 people .", "killed", "bombings", "people"),
    # "Russia’s" tagged as a name is a possessive; tag.participle_adjective: "ongoing" is no verb
    ("Russia’s ongoing operation is a response .", "is", "operation", "response"),
    # negative: a real verb before a plural object stays a verb
    ("Russia armed rebels in the east .", "armed", "Russia", "rebels"),
    ("Rebels walked about the town .", "walked", "Rebels", None),
])
def test_phrase_tag_repairs(text, verb, agent, patient):
    s = parse(text)
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    assert (head(s, p.agent), head(s, p.patient)) == (agent, patient)
    assert not [k for k in range(len(s.tokens)) if s.tokens[k] == "s" and s.tags[k].startswith("VB")]


@pytest.mark.parametrize("text, verb, subject", [
    # subject.apposition: the name before an appositive, spanning both
    ("Gul Rahman , a suspected militant , was tortured in a prison .", "tortured", "Gul Rahman , a suspected militant"),
    ("Mohammad Radmanish , an Afghan defence spokesperson , welcomed the decision .", "welcomed",
     "Mohammad Radmanish , an Afghan defence spokesperson"),
    # negative: a list, a phrase after a preposition, and no comma before the verb
    ("In Kabul , the police arrested the men .", "arrested", "the police"),
    ("The minister , who spoke in Kyiv , praised the deal .", "praised", "The minister"),
])
def test_apposition_subject(text, verb, subject):
    s = parse(text)
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    c = p.agent if p.voice == "active" else p.patient
    assert " ".join(s.tokens[c.start:c.end]) == subject


@pytest.mark.parametrize("text, verb, agent", [
    # ", and <speech verb>" after a reported clause goes on with the speaker
    ("Egypt said that Ethiopian engineers had filled the dam , and warned of consequences .", "warned", "Egypt"),
    ("The ministry said rebels shelled the port , and promised a response .", "promised", "The ministry"),
    # negatives: no comma, or a verb that is no speech act, stays in the reported clause
    ("Egypt said that Ethiopian engineers had filled the dam and warned of consequences .", "warned", "engineers"),
    ("The ministry said rebels shelled the port , and killed two guards .", "killed", "rebels"),
    # subject.control: ", <participle>" takes the subject of the finite verb it follows,
    # not a gerund's or a directive's object
    ("Seoul warned fishermen against entering the zone , threatening to seize their boats .", "threatening", "Seoul"),
    ("Ankara urged Baghdad to expel the fighters , saying they threaten its border .", "saying", "Ankara"),
    ("The navy shelled the coast , killing three fishermen .", "killing", "The navy"),
    # negative: the infinitive after a directive is still the object's act
    ("Ankara urged Baghdad to expel the fighters .", "expel", "Baghdad"),
    # a description and the name in apposition before a speech verb: no postposed report
    ("The Serbian president , Aleksandar Vucic , rejected the plan .", "rejected", "Vucic"),
    ("The Serbian president , Aleksandar Vucic , denied the report .", "denied", "Vucic"),
])
def test_coordination_and_control_subject(text, verb, agent):
    lemmas = {"said": "say", "warned": "warn", "promised": "promise", "killed": "kill", "urged": "urge",
              "threatening": "threaten", "saying": "say", "shelled": "shell", "killing": "kill",
              "rejected": "reject", "denied": "deny"}
    s = parse(text, lemmas)
    p = next(p for p in s.predicates if s.tokens[p.head] == verb)
    c = p.agent
    got = " ".join(s.tokens[c.start:c.end]) if c is not None else None
    assert got == agent or (c is not None and s.tokens[c.head] == agent)


def _postposed_reference(tags, lower, lemma, i, w):
    """The postposed-report test as its definition reads, one comma at a time."""
    tail = clauses._report_tail(lower)
    if len(tail) == 15 and tail[0] > i:
        return False
    rest = [k for k in tail if k > i]
    verbs = [k for k in rest if tags[k] in clauses.VERB_TAGS]
    return len(verbs) == 1 and lemma[verbs[0]] in w.reporting and not any(lower[k] in w.complementizers for k in rest)


@pytest.mark.parametrize("text, lemmas", [
    ("Talks failed , officials said .", {"said": "say", "talks": "talk", "officials": "official"}),
    ("Talks failed , said the ministry on Sunday .", {"said": "say"}),
    ("Kyiv was shelled , Ukraine 's defence ministry said in a statement on Monday .", {"said": "say"}),
    ("Kyiv was shelled , officials said , and Moscow denied it .", {"said": "say", "denied": "deny"}),
    ("Kyiv was shelled , officials said that Moscow denied it .", {"said": "say", "denied": "deny"}),
    ("Troops withdrew , leaving the town , and the army regrouped .", {"withdrew": "withdraw"}),
    ("In a long statement issued after the meeting of the council in Geneva on Friday , the minister , "
     "who had arrived late , said , “ We will respond , ” officials added .", {"said": "say", "added": "add"}),
    (", , said .", {"said": "say"}),
])
def test_postposed_report_equals_its_definition(text, lemmas):
    s = parse(text, lemmas)
    w = clauses.words()
    tail = clauses._report_tail(s.lower)
    table = clauses._postposed_table(s.tags, s.lower, s.lemma, w, tail)
    for i, low in enumerate(s.lower):
        if low == ",":
            want = _postposed_reference(s.tags, s.lower, s.lemma, i, w)
            assert clauses._postposed_report(s.tags, s.lower, s.lemma, i, w) == want, (text, i)
            assert clauses._postposed_report(s.tags, s.lower, s.lemma, i, w, tail, table) == want, (text, i)


@pytest.mark.parametrize("text", [
    "Kyiv was shelled , officials said , and Moscow , which denied it , warned that it would respond if attacked .",
    "If Russia attacks , NATO will respond ; the alliance said so .",
    "Peskov said : “ Kyiv attacked the bridge . ”",
    "The ongoing talks , which began in March , have stalled as both sides accuse each other .",
    "We .",
])
def test_structure_fast_paths_equal_their_definitions(text):
    """The clause token lists, chunk membership of verb groups and nested-clause sets that parse
    computes on fast paths equal what their definitions give."""
    s = parse(text)
    for c in s.clauses:
        assert c.tokens == [i for i, k in enumerate(s.clause_of) if k == c.cid]
    inside = {k for c in s.chunks for k in range(c.start, c.end)}
    assert all(p.head not in inside for p in s.predicates)
    want_groups = [g for g in clauses.verb_groups(s.tags, s.lower, clauses.words()) if g[2] not in inside]
    assert [(p.start, p.end, p.head) for p in s.predicates] == want_groups
    for c in s.clauses:
        want = {d.cid for d in s.clauses if d.cid != c.cid and c.cid in [a.cid for a in s.ancestors(d.cid)]}
        assert s.nested(c.cid) == want
