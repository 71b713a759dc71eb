"""Who-to-whom once the act is right (dyad15 helper): a finite verb coordinated past a
"to"-infinitive, a reporter's second speech act after a complement whose subject names no party,
and an object pronoun of a later act that the same party's earlier act names. Constructed wire
sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

from toolkit import clauses

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text, with_quotes=True)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule"]].itertuples(index=False)]


def _has(got: list[tuple], source: str, acts: tuple, target: str | None) -> bool:
    return any(r[0] == source and r[1] in acts and (target is None or r[2] == target) for r in got)


# subject.coordinated_over_infinitive
@pytest.mark.parametrize("text, source, acts, target", [
    ("Hanoi condemned the seizure as an attempt to assert control over the reef and demanded that Beijing "
     "free the crew.", "VNM", ("demand",), "CHN"),
    ("Jordan urged Syria to secure the border and warned that it would respond to further smuggling.",
     "JOR", ("warn", "threaten"), None),
    ("Gabon asked Cameroon to reopen the crossing and accused it of harming trade.", "GAB", ("accuse",), "CMR"),
])
def test_a_finite_verb_after_an_infinitive_takes_the_earlier_subject(text, source, acts, target):
    got = _rows(text)
    assert _has(got, source, acts, target), got
    assert any("coordinated_over_infinitive" in str(r[4]) for r in got), got


def test_the_clause_rule_on_its_own():
    s = clauses.parse("Latvia told Minsk to halt the flights and summoned its envoy .".split(),
                      lemma="latvia tell minsk to halt the flight and summon its envoy .".split(),
                      tags="NNP VBD NNP TO VB DT NNS CC VBD PRP$ NN .".split())
    p = [q for q in s.predicates if s.lower[q.head] == "summoned"][0]
    assert (s.tokens[p.agent.start], p.agent_rule) == ("Latvia", "agent.subject.coordinated_over_infinitive")


def test_an_infinitive_conjunct_keeps_its_own_reading():
    # "to halt ... and (to) resume": both infinitives, no finite verb to jump to
    s = clauses.parse("Latvia told Minsk to halt the flights and resume talks .".split(),
                      lemma="latvia tell minsk to halt the flight and resume talk .".split(),
                      tags="NNP VBD NNP TO VB DT NNS CC VB NNS .".split())
    p = [q for q in s.predicates if s.lower[q.head] == "resume"][0]
    assert p.agent_rule != "agent.subject.coordinated_over_infinitive"


# source.reporters_second_act
@pytest.mark.parametrize("text, source, acts, target", [
    ("Ecuador's foreign ministry said the raid violated the Vienna Convention and urged the Organization "
     "of American States urgently to act.", "ECU", ("appeal",), "OAS"),
    ("Jordan said the strikes had hit a refugee camp and demanded an international inquiry.",
     "JOR", ("demand",), None),
])
def test_a_speech_verb_after_a_thing_subjects_complement_is_the_reporters(text, source, acts, target):
    got = _rows(text)
    assert _has(got, source, acts, target), got
    mine = [r for r in got if r[0] == source and r[1] in acts]
    assert all(r[3] == "asserted" for r in mine), got


def test_a_party_subject_keeps_its_coordinated_act():
    got = _rows("Kyiv said Russian troops had shelled the town and demanded its surrender.")
    assert _has(got, "RUS", ("demand",), None), got
    assert not _has(got, "UKR", ("demand",), None), got


# target.pronoun_prior_object
@pytest.mark.parametrize("text, source, acts, target", [
    ("Chad expelled Sudan's military attache on Sunday, accusing him of spying.", "TCD", ("accuse",), "SDN"),
    ("Poland arrested a Russian national on Friday, charging him with espionage.", "POL", ("coerce",), "RUS"),
])
def test_an_object_pronoun_takes_the_earlier_objects_party(text, source, acts, target):
    got = _rows(text)
    assert any(r[0] == source and r[1] in acts and r[2] == target and "pronoun_prior_object" in str(r[4])
               for r in got), got


def test_an_object_pronoun_of_another_source_is_not_filled():
    got = _rows("Poland arrested a Russian national on Friday, and his lawyer visited him in jail.")
    assert not any("pronoun_prior_object" in str(r[4]) for r in got), got


# actor.counterpart
@pytest.mark.parametrize("text, source, target", [
    ("Peru summoned Chile's ambassador on Tuesday. Lima accused its neighbour of moving troops to the border.",
     "PER", "CHL"),
    ("Kenya and Somalia have quarrelled over their sea border for years. On Monday Nairobi accused its rival "
     "of seizing a fishing boat.", "KEN", "SOM"),
    # the possessor is the accuser (the verb's subject), not the party named just before
    ("Kosovo cut ties with Serbia on Monday, accusing its neighbour of backing gunmen.", "XKX", "SRB"),
])
def test_its_neighbour_is_the_other_party_named_last(text, source, target):
    got = _rows(text)
    assert any(r[0] == source and r[1] == "accuse" and r[2] == target and "actor.counterpart" in str(r[4])
               for r in got), got


def test_its_neighbour_with_no_other_party_names_no_one():
    got = _rows("Lima accused its neighbour of moving troops to the border.")
    assert not any("actor.counterpart" in str(r[4]) for r in got), got


# target.reacted_echo
def test_a_reaction_to_an_ing_noun_answers_the_act_it_echoes():
    got = _rows("Indonesian officers boarded a Malaysian trawler near Natuna on Sunday. "
                "Kuala Lumpur condemned the boarding as illegal.")
    assert any(r[0] == "MYS" and r[1] == "criticize" and r[2] == "IDN" and "reacted_echo" in str(r[4])
               for r in got), got


def test_an_ing_noun_with_no_echoed_act_names_no_one():
    # "the ruling" was a court's, which made no row: the last row aimed at Islamabad is no answer
    got = _rows("Delhi rejected a ruling by the Court of Arbitration on the dams. Its minister said "
                "Pakistan should stop using legal forums. Islamabad welcomed the ruling.")
    assert any(r[0] == "PAK" and r[1] == "praise" and r[2] is None for r in got), got


# actor.person_institution
@pytest.mark.parametrize("text, source, act, target", [
    ("Ghana's president said his government would expel the Togolese envoy.", "GHA", "expel", "TGO"),
    ("Peru's foreign minister said his ministry had summoned Bolivia's ambassador.", "PER", "criticize", "BOL"),
])
def test_his_government_is_the_persons_state(text, source, act, target):
    got = _rows(text)
    assert any(r[0] == source and r[1] == act and r[2] == target and "person_institution" in str(r[4])
               for r in got), got


def test_his_brother_is_no_institution():
    got = _rows("Ghana's president said his brother would visit the Togolese envoy.")
    assert not any("person_institution" in str(r[4]) for r in got), got
