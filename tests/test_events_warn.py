"""Warnings that state a consequence (rule warn.that_consequence, events.yaml 0.7.0; issue 17
error pattern 5): "warned that X would <consequence>" is the warner's threat (CAMEO 13, PLOVER
THREATEN), asserted with its condition span when X is an act (fact.threat_asserted: the
consequent is conditional, the threat is not); warnings of prices, collapses or another's threat
are not. Sentences written for this test."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected", [
    ("The Kremlin warned that sending troops would lead to a direct conflict with NATO.",
     ("RUS", "threaten", None, "asserted")),
    ("Tehran warned that any attack would not go unanswered.", ("IRN", "threaten", None, "asserted")),
    ("Tehran warned that any Israeli attack would not go unanswered.", ("IRN", "threaten", "ISR", "asserted")),
    ("Beijing warned that Taipei would pay dearly.", ("CHN", "threaten", "TWN", "asserted")),
    ("Seoul warned that further launches would trigger a strong response.", ("KOR", "threaten", None, "asserted")),
    ("Moscow warned that any deployment of missiles in Poland would provoke retaliation.",
     ("RUS", "threaten", None, "asserted")),
    ("China cautioned that arms sales to Taiwan would result in countermeasures.",
     ("CHN", "threaten", None, "asserted")),
    ("Washington warned Moscow that any invasion of Ukraine would be met with a swift response.",
     ("USA", "threaten", "RUS", "asserted")),
    ("Iran warned that Israel would face consequences for the strike.", ("IRN", "threaten", "ISR", "asserted")),
    ("Pyongyang warned that the drills would provoke a harsh response.", ("PRK", "threaten", None, "asserted")),
    ("Beijing warned that any attack on its territory would be answered with force.",
     ("CHN", "threaten", None, "asserted")),
    # the older test of the same rule: the reported subject is itself a penalty
    ("The EU warned Belarus that sanctions would follow.", ("EU", "threaten", "BLR", "asserted")),
])
def test_warned_consequence_is_a_threat(text, expected):
    got = rows(run(text))
    assert expected in got, got


@pytest.mark.parametrize("text, absent_act", [
    # negative: an accusation or a statement about another party, not the warner's threat
    ("Britain warned that Russia poses a threat to Europe.", "threaten"),
    ("The central bank warned that prices would rise.", "threaten"),
    ("Germany warned that prices would rise.", "threaten"),
    ("The UN warned that the ceasefire could collapse.", "threaten"),
    ("The UN warned that Somalia would face famine within months.", "threaten"),
    # negative: a negated consequence verb reassures
    ("Berlin warned that the deployment would not lead to war.", "threaten"),
    # negative: a consequence verb whose object is no penalty states an outcome
    ("Paris warned that the deployment would lead to higher fuel prices.", "threaten"),
    ("Russia warned that the sanctions would lead to higher energy prices in Europe.", "threaten"),
])
def test_warned_outcome_is_not_a_threat(text, absent_act):
    got = rows(run(text))
    assert not any(r[1] == absent_act for r in got), got


def test_warned_consequence_absorbs_its_content():
    # "would provoke retaliation" is the threat's content, not a separate act with no source
    got = rows(run("Moscow warned that any deployment of missiles in Poland would provoke retaliation."))
    assert got == [("RUS", "threaten", None, "asserted")], got


@pytest.mark.parametrize("text, threat, consequent", [
    # fact.threat_asserted: the threat made by its own verb is asserted, the act held out conditional
    ("Lima threatened to close its border with Ecuador unless Quito extradited the suspects.",
     ("PER", "threaten", "ECU", "asserted"), None),
    ("Jordan said it would expel Syrian diplomats if the shelling continued.",
     ("JOR", "threaten", "SYR", "asserted"), ("JOR", "expel", "SYR", "conditional")),
])
def test_a_verbal_threat_is_asserted_its_consequent_conditional(text, threat, consequent):
    out = run(text)
    got = rows(out)
    assert threat in got, got
    assert consequent is None or consequent in got, got
    cond = out["condition"].dropna()   # the condition span is kept (on the threat or its consequent)
    assert len(cond) and all(c.split()[0].lower() in ("if", "unless") for c in cond), list(cond)


def test_a_conditioned_act_itself_stays_a_conditional_threat():
    # near-miss: no verb of threatening; the conditioned strike is the threat row itself
    got = rows(run("If Eritrea attacks, Djibouti will strike back."))
    assert ("DJI", "threaten", "ERI", "conditional") in got, got
