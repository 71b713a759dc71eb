"""Events round 5: "its" as an organisation or state, and conditionals with "if" left out."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

from toolkit import clauses

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected", [
    # "its" is an organisation or state, never the group of people named last
    # (the attack is the Russian shelling: rule actor.event_doer)
    ("Russian troops shelled the town. Its mayor condemned the attack.", (None, "criticize", "RUS", "asserted")),
    ("The European Union met with Turkey. Its leaders criticized Russia.", ("EU", "criticize", "RUS", "asserted")),
    # negative: "their" may still be a group of people
    ("Russian troops shelled the town. Their commander praised the attack.", ("RUS", "praise", None, "asserted")),
])
def test_its_is_an_organisation(text, expected):
    assert rows(run(text))[-1] == expected


@pytest.mark.parametrize("text, antecedent, consequent, condition", [
    ("Had Russia attacked Ukraine, NATO would impose sanctions on Moscow.",
     ("RUS", "attack", "UKR", "hypothetical"), ("NATO", "threaten", "RUS", "conditional"), "Had Russia attacked Ukraine"),
    ("Should Azerbaijan attack again, Armenia would launch strikes on its army.",
     ("AZE", "attack", None, "hypothetical"), ("ARM", "threaten", "AZE", "conditional"), "Should Azerbaijan attack again"),
    ("Should Iran attack Israel, the United States would retaliate.",
     ("IRN", "attack", "ISR", "hypothetical"), ("USA", "threaten", "IRN", "conditional"), "Should Iran attack Israel"),
    ("Were the sanctions lifted, Tehran would resume talks.",
     None, ("IRN", "consult", None, "conditional"), "Were the sanctions lifted"),
])
def test_inverted_conditional(text, antecedent, consequent, condition):
    out = run(text)
    got = rows(out)
    assert consequent in got
    row = out.iloc[got.index(consequent)]
    assert text[int(row["condition_start"]):int(row["condition_end"])] == row["condition"] == condition
    if antecedent is not None:
        assert antecedent in got


@pytest.mark.parametrize("text, expected", [
    # force or a penalty promised on a condition is a threat, aimed at the antecedent's subject
    ("If Iran attacks, Israel will strike back.", ("ISR", "threaten", "IRN", "conditional")),
    ("If Russia attacks Ukraine, NATO will impose sanctions.", ("NATO", "threaten", "RUS", "conditional")),
    ("Should Azerbaijan attack again, Armenia would launch strikes.", ("ARM", "threaten", "AZE", "conditional")),
    # negatives: no agent, no threatener; an unconditional attack stays an attack
    ("Sanctions will be imposed on Russia if it does not withdraw its troops.", (None, "sanction", "RUS", "conditional")),
    ("Israel struck Iran after Iran attacked.", ("ISR", "attack", "IRN", "asserted")),
])
def test_conditional_force_is_a_threat(text, expected):
    assert expected in rows(run(text))


@pytest.mark.parametrize("text, inverted", [
    ("Should Baku attack again , Armenia would respond with force .", True),
    ("Were the sanctions lifted , Tehran would resume talks .", True),
    ("Had Russia invaded , NATO would have imposed sanctions .", True),
    # negatives: a question, a main-clause "had", "should" with no consequent modal
    ("Should NATO intervene in Ukraine ?", False),
    ("Had a meeting , the ministers said nothing .", False),
    ("Russia had invaded , NATO said .", False),
])
def test_inverted_conditional_clause(text, inverted):
    s = clauses.parse(text.split())
    assert any(c.rule == "clause.inverted_if" for c in s.clauses) == inverted


@pytest.mark.parametrize("text, expected", [
    # converse verbs of transfer: the giver is the source, the receiver the target
    ("Ukraine received weapons from Germany.", ("DEU", "aid", "UKR", "asserted")),
    ("Kyiv took delivery of German tanks.", ("DEU", "aid", "UKR", "asserted")),
    ("Ukraine took delivery of tanks from Germany.", ("DEU", "aid", "UKR", "asserted")),
    ("Egypt obtained loans from the IMF.", ("IMF", "aid", "EGY", "asserted")),
    ("Ukraine received a letter from Germany.", ("DEU", "unclassified", "UKR", "asserted")),
    # negatives: no giver named (no guess); the giving verb itself
    ("Ukraine received weapons.", ("UKR", "unclassified", None, "asserted")),
    ("Ukraine took delivery of the tanks.", ("UKR", "unclassified", None, "asserted")),
    ("Ukraine sent aid to Moldova.", ("UKR", "aid", "MDA", "asserted")),
])
def test_converse_transfer(text, expected):
    assert rows(run(text))[0] == expected


@pytest.mark.parametrize("text, expected", [
    # a weapon or force noun as the subject: its nationality adjective is the source
    ("A Russian missile hit a school in Odesa.", ("RUS", "attack", "UKR", "asserted")),
    ("Israeli drones struck a convoy in Lebanon.", ("ISR", "attack", "LBN", "asserted")),
    ("Israeli forces struck Gaza overnight.", ("ISR", "attack", "PSE", "asserted")),
    # unattributed gunmen and a maker's nationality give no source
    ("Gunmen shot dead two soldiers in Mali.", (None, "attack", "MLI", "asserted")),
    ("Iranian-made drones hit Kyiv.", (None, "attack", "UKR", "asserted")),
    ("Russian-built jets struck Idlib.", (None, "attack", "SYR", "asserted")),
])
def test_force_subject(text, expected):
    assert rows(run(text))[0] == expected


@pytest.mark.parametrize("text", ["The storm hit Florida.", "The news hit Moscow hard."])
def test_force_subject_needs_a_weapon(text):
    assert "attack" not in [r[1] for r in rows(run(text))]


@pytest.mark.parametrize("text, expected", [
    # a relative or parenthetical clause's modality stays in it ("asked" requests nothing here)
    ("A diplomat, who asked not to be identified, said Iran agreed to the plan.", ("IRN", "agree", None, "alleged")),
    ("An official who asked not to be named said Iran agreed to the plan.", ("IRN", "agree", None, "alleged")),
    ("A diplomat, speaking on condition of anonymity, said Iran had agreed to the deal.", ("IRN", "agree", None, "alleged")),
    # the contrast: a directive in the main clause does request the act
    ("A diplomat asked Iran to agree to the plan.", ("IRN", "agree", None, "requested")),
])
def test_relative_clause_modality_does_not_leak(text, expected):
    assert rows(run(text))[-1] == expected


@pytest.mark.parametrize("text", [
    # no actor promises anything: victims or a question keep their act
    "If nothing is done, millions of people will be killed in the war.",
    "If Russia attacks, will NATO strike back?",
])
def test_conditional_without_a_promiser_is_no_threat(text):
    assert "threaten" not in [r[1] for r in rows(run(text))]


# Coordinated parties are each other's targets only for acts parties do to each other
# (events.yaml reciprocal_acts; events 0.9.1).
@pytest.mark.parametrize("text, expected", [
    ("India and Pakistan held talks.", [("IND", "consult", "PAK"), ("PAK", "consult", "IND")]),
    ("Russia and Ukraine cut diplomatic ties.", [("RUS", "reduce_relations", "UKR"), ("UKR", "reduce_relations", "RUS")]),
    # negatives: aid and appeals of two parties go to no one named
    ("Germany and Italy will send more aid.", [("DEU", "aid", None), ("ITA", "aid", None)]),
    ("Britain, France urge restraint", [("GBR", "appeal", None), ("FRA", "appeal", None)]),
])
def test_reciprocal_targets_only_for_mutual_acts(text, expected):
    assert [r[:3] for r in rows(run(text))] == expected


@pytest.mark.parametrize("text", ["Israel, Hamas agree to truce", "Serbia and Kosovo agreed to resume talks."])
def test_acts_done_together_are_mutual(text):
    got = [r[:3] for r in rows(run(text)) if r[1] == "agree"]   # an agreement reached (PLOVER AGREE)
    assert len(got) == 2 and {got[0][0], got[1][2]} == {got[0][0]} and got[0][2] == got[1][0], got
