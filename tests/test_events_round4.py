"""The events table against the fourth round of held-out error patterns, on sentences written for
this test: headlines, protection from an attacker, rejected claims, passive participles with a
by-agent inside a noun phrase, state media as channels, and places of the gazetteer. Each
pattern has negative cases that must not produce the wrong reading."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

from toolkit import clauses as cl
from toolkit.events import cue_verb_tags

pytestmark = NEEDS_TAGGER


def main_row(text: str) -> tuple:
    out = run(text)
    m = out[out["main"].astype(bool)]
    assert len(m), f"no main event in {text!r}: {rows(out)}"
    return rows(m.head(1))[0]


# Pattern 1: headlines (no finite verb, present tense, dropped articles).
@pytest.mark.parametrize("text, expected", [
    ("Niger junta expels French envoy", ("NER", "expel", "FRA", "asserted")),
    ("Peru expels Mexican ambassador", ("PER", "expel", "MEX", "asserted")),
    ("Seoul accuses Pyongyang of cyber attack", ("KOR", "accuse", "PRK", "asserted")),
    ("Chad to refuse aid from Sudan", ("TCD", "reject", "SDN", "future")),
    ("Armenia and Azerbaijan to resume talks", ("ARM", "consult", "AZE", "future")),
])
def test_headlines(text, expected):
    assert expected in rows(run(text)), rows(run(text))


@pytest.mark.parametrize("words, tags, expected", [
    # a plural noun after a name, before an object: the headline's verb
    (["Niger", "expels", "French", "envoy"], ["NNP", "NNS", "JJ", "NN"], "VBZ"),
    # negative: "strikes of ..." names the act
    (["Israeli", "strikes", "of", "Gaza"], ["NNP", "NNS", "IN", "NNP"], "NNS"),
    # negative: a sentence with a finite verb is no headline
    (["Niger", "expels", "envoys", "said"], ["NNP", "NNS", "NNS", "VBD"], "NNS"),
])
def test_headline_verb_retag(words, tags, expected):
    from toolkit.events import Cue
    c = Cue(0, 1, 2, "expel", "174", "material_conflict", "expel")
    assert cue_verb_tags(words, tags, [c])[1] == expected


@pytest.mark.parametrize("text, subject", [
    ("Chad to refuse aid from Sudan", "Chad"),
    # negative: an infinitive after a finite verb keeps its controller, no headline subject
    ("Chad wants to refuse aid from Sudan", None),
])
def test_headline_infinitive(text, subject):
    s = cl.parse(text.split())
    p = [q for q in s.predicates if s.lower[q.start] == "to"][0]
    got = None if p.agent_rule.endswith("control") else s.tokens[p.agent.head] if p.agent else None
    assert got == subject
    if subject:
        assert p.modality == "future"


# Pattern 4: a passive participle with a by-agent inside the object's noun phrase.
@pytest.mark.parametrize("text, expected", [
    ("Venezuela condemned the embargo imposed by the United States.", ("VEN", "criticize", "USA", "asserted")),
    ("Iran criticised sanctions announced by the EU on Tehran.", ("IRN", "criticize", "EU", "asserted")),
    ("Iran criticised sanctions announced by the EU on Tehran.", ("EU", "sanction", "IRN", "asserted")),
    ("Nepal welcomed the aid provided by India.", ("NPL", "praise", "IND", "asserted")),
])
def test_passive_participle_agent(text, expected):
    assert expected in rows(run(text)), rows(run(text))


@pytest.mark.parametrize("text, present, absent", [
    # negative: a by-phrase that names no actor leaves the object's phrase as the target
    ("Poland condemned the attack on Ukraine carried out by unknown gunmen.",
     ("POL", "criticize", "UKR", "asserted"), ("POL", "criticize", None, "asserted")),
    # negative: "on Tehran" is the participle's phrase, not the criticism's target
    ("Iran criticised sanctions announced by the EU on Tehran.",
     ("IRN", "criticize", "EU", "asserted"), ("IRN", "criticize", "IRN", "asserted")),
])
def test_passive_participle_agent_negative(text, present, absent):
    got = rows(run(text))
    assert present in got and absent not in got, got
