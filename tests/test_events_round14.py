"""Events round 14: denials aimed at the accuser (target.denial_accuser), reporters the quotes
step resolved (actor.quote_speaker_span), joint acts between two parties (exchange/swap,
target.reciprocal_embedded, source.between). Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected", [
    # the accuser is the reporter of the denier's alleged act in the sentence before
    ("Estonia's interior ministry said Russian agents had damaged a power line. Moscow rejected the claim.",
     ("RUS", "deny", "EST")),
    ("Laos said Thai soldiers had shot two farmers. Bangkok denied the report.", ("THA", "deny", "LAO")),
    # ... or in the same sentence, before a relative denial
    ("Zambia accused Malawi of smuggling maize, a charge Lilongwe denied.", ("MWI", "deny", "ZMB")),
    ("Slovakia said Hungarian officials had bribed local mayors, an allegation Budapest denied.",
     ("HUN", "deny", "SVK")),
])
def test_a_denial_of_a_claim_is_aimed_at_the_accuser(text, expected):
    got = [r[:3] for r in rows(run(text))]
    assert expected in got, got


@pytest.mark.parametrize("text, denier", [
    # negative: no accuser named, or the denial answers no claim of anyone's
    ("Uruguay denied the allegation.", "URY"),
    ("Latvia rejected the plan. Riga said it would draft its own.", "LVA"),
    # the denier's own earlier act accuses no one
    ("Finland recalled its ambassador from Minsk. Helsinki rejected the criticism.", "FIN"),
])
def test_a_denial_with_no_accuser_has_no_target(text, denier):
    got = [r[:3] for r in rows(run(text)) if r[1] in ("deny", "reject") and r[0] == denier]
    assert got and all(r[2] is None for r in got), got


def test_a_denial_names_the_accuser_in_its_by_phrase():
    got = [r[:3] for r in rows(run("Peru rejected a report by Amnesty International on police shootings."))]
    assert ("PER", "reject", "AMN") in got, got


def test_speaker_phrase_resolved_by_quotes_claims_the_alleged_act():
    # actor.quote_speaker_span: the quotes step reads "the defence ministry in Tbilisi" as GEO
    ev = run("Abkhaz militias shelled a village near the Enguri river, the defence ministry in Tbilisi said.",
             with_quotes=True)
    said = ev[ev["cue_text"] == "said"]
    assert said["source_actor"].tolist() == ["GEO"], said[["source_actor", "rule"]].values.tolist()


def test_speaker_phrase_with_no_actor_stays_without_claimant():
    ev = run("Unknown gunmen attacked a convoy in the hills, a local official said.", with_quotes=True)
    assert ev["claimant_actor"].isna().all() or (ev["claimant_actor"] == None).all(), ev  # noqa: E711


@pytest.mark.parametrize("text, pair", [
    # reciprocal_lemmas: exchange, swap
    ("Sudan and South Sudan exchanged prisoners of war at the Heglig crossing.", ("SDN", "SSD")),
    # target.reciprocal_embedded: the "on"/"against" phrase is the embedded act's
    ("Tunisia and Libya agreed to build a railway toward Algeria.", ("TUN", "LBY")),
    # source.between
    ("Switzerland hosted talks between Armenia and Azerbaijan on Monday.", ("ARM", "AZE")),
])
def test_a_joint_act_has_a_row_between_the_two_parties(text, pair):
    got = [r[:3] for r in rows(run(text))]
    a, b = pair
    assert any({r[0], r[2]} == {a, b} for r in got), got


@pytest.mark.parametrize("text, wrong", [
    # negative: a conflict act agreed on keeps its own target, not the partner
    ("Denmark and Sweden agreed on new sanctions against Belarus.", ("DNK", "sanction", "SWE")),
    # negative: a coded act between the verb and the phrase takes the agreement's target
    ("Chile and Peru agreed to lift tariffs on Bolivian goods.", ("CHL", "agree", "PER")),
    # negative: a partner named with "with" stays the partner
    ("Chad and Niger signed a security pact with Nigeria.", ("TCD", "agree", "NER")),
])
def test_joint_act_rules_leave_other_targets(text, wrong):
    got = [r[:3] for r in rows(run(text))]
    assert wrong not in got, got


def test_mediators_give_one_pair_for_talks_between_parties():
    got = [r[:3] for r in rows(run("Oman and Qatar mediated talks between Iran and the United States."))]
    assert got.count(("IRN", "consult", "USA")) == 1, got
