"""toolkit.event_nominals: rows for acts named by a noun whose doer the phrase names (issue 17).
Sentences written for this test (new names, wire-copy style)."""
from __future__ import annotations

import pandas as pd
import pytest
from event_rows import analyze_texts, rows
from test_events import NEEDS_TAGGER

from toolkit import event_nominals

pytestmark = NEEDS_TAGGER

COLS = ["source_actor", "act", "target_actor", "factuality", "claimant_actor", "rule"]

# (text, source, act, target, factuality, claimant, rule id)
CASES = [
    # nominal.by_agent: a "by" phrase after the noun and its "of" phrase
    ("Riga protested on Friday against the expulsion of three Latvian diplomats by Minsk.",
     "BLR", "expel", "LVA", "asserted", None, "nominal.by_agent"),
    ("Vilnius recalled its ambassador following the arrest of a Lithuanian journalist by Belarusian police.",
     "BLR", "coerce", "LTU", "asserted", None, "nominal.by_agent"),
    # a reaction to it keeps its own row and target
    ("Finland condemned the detention of two Finnish sailors by Russia.",
     "RUS", "coerce", "FIN", "asserted", None, "nominal.by_agent"),
    # nominal.possessive: the owner of the "of" object is the target
    ("Venezuela's seizure of a Dutch cargo ship drew protests from The Hague on Monday.",
     "VEN", "coerce", "NLD", "asserted", None, "nominal.possessive"),
    ("Estonia's expulsion of a Russian diplomat on Monday was the second this year.",
     "EST", "expel", "RUS", "asserted", None, "nominal.possessive"),
    ("Tajikistan's withdrawal from the Collective Security Treaty Organization took effect on Sunday.",
     "TJK", "reduce_relations", "CSTO", "asserted", None, "nominal.possessive"),
    # ... from a state is a military retreat (place_acts)
    ("Armenia's withdrawal from Azerbaijan ended the standoff, monitors said.",
     "ARM", "yield", "AZE", "alleged", None, "nominal.possessive"),
    # ... an "on" phrase names the target
    ("Ankara's sanctions on Armenian exporters took effect on Monday.",
     "TUR", "sanction", "ARM", "asserted", None, "nominal.possessive"),
    # nominal.adjective: an actor adjective right before the noun
    ("Bolivia condemned the Chilean expulsion of forty Bolivian migrants.",
     "CHL", "expel", "BOL", "asserted", None, "nominal.adjective"),
    ("Hundreds fled after the Sudanese incursion into Chadian border villages.",
     "SDN", "mobilize", "TCD", "asserted", None, "nominal.adjective"),
    # factuality: a reported clause, a denial
    ("Nigeria said the detention of its nationals by Ghanaian police was unlawful.",
     "GHA", "coerce", "NGA", "alleged", "NGA", "nominal.by_agent"),
    ("Cairo denied the Egyptian seizure of Libyan oil fields.",
     "EGY", "coerce", "LBY", "denied", None, "nominal.adjective"),
]

# the escalation cue's row (rule noun.*) is the noun's row; a denial makes it denied
COMPLETED = [
    ("Cairo denied the Egyptian bombing of Libyan oil fields.", ("EGY", "attack", "LBY", "denied")),
    ("Hundreds fled the Sudanese bombardment of Chadian border villages.", ("SDN", "attack", "TCD", "asserted")),
]

# no nominal row: no act that happened, or no doer named
NO_ROW = [
    "The war in Yemen has displaced more than four million people, the United Nations said.",
    "The Institute for the Study of War said Russian troops advanced near Kupiansk.",
    "Lawmakers in Tallinn held the expulsion debate behind closed doors.",
    "Human Rights Watch renewed calls for the release of a Kuwaiti blogger.",
    "A Chinese invasion would trigger severe sanctions, the Australian prime minister said.",
    "Any Turkish blockade of the strait would be a grave mistake, a Greek minister said.",
    "Officials discussed a possible withdrawal of peacekeepers from southern Somalia.",
    "The Russian annexation of Crimea in 2014 reshaped the Black Sea region.",
    "Prices have doubled since the Iraqi invasion of Kuwait, traders said.",
    "Bangladesh demanded the withdrawal of Myanmar troops from the border.",
    "The arrest of the journalist sparked protests in Baku.",
    "Four decades of Moroccan occupation have shaped the Sahrawi camps, the envoy said.",
    # a year inside the noun phrase dates the act: background (rev13 review)
    "Villagers recalled the 1995 shelling of Knin by Croatian forces.",
]

# a phrase that names no target (rev13 review): where the act goes ("deployment to", destination_preps),
# a contested region after "recognition of" (status_acts): the row keeps its doer, not that target
NO_TARGET = [
    ("The Rwandan deployment to Mozambique was extended by a year.", "RWA", "mobilize", None),
    ("Djibouti's deportation of migrants to Yemen was halted.", "DJI", "expel", None),
    ("Djibouti's deportation of Ethiopian migrants to Yemen was halted.", "DJI", "expel", "ETH"),  # the deported
    ("Tbilisi condemned Nicaragua's recognition of South Ossetia.", "NIC", "cooperate", None),
    ("Kyiv condemned Syria's recognition of Crimea as Russian.", "SYR", "cooperate", None),
]

# a verb row already codes the act by the same doer: no second row
ONE_ROW = [
    ("Minsk expelled two Polish diplomats on Monday; the expulsion of the diplomats by Minsk followed a spy case.",
     "BLR", "expel"),
    ("Serbia blockaded the border crossings. The Serbian blockade of the crossings lasted a week.", "SRB", "attack"),
]


@pytest.fixture(scope="module")
def ev():
    return analyze_texts(list(dict.fromkeys([c[0] for c in CASES] + NO_ROW + [o[0] for o in ONE_ROW]
                                            + [c[0] for c in COMPLETED] + [n[0] for n in NO_TARGET])))


@pytest.mark.parametrize("text, src, act, tgt", NO_TARGET)
def test_nominal_destination_or_contested_region_is_no_target(ev, text, src, act, tgt):
    got = [x[:3] for x in rows(ev, text, COLS) if x[5].startswith("nominal.")]
    assert got == [(src, act, tgt)], rows(ev, text, COLS)


def test_recognition_of_a_state_keeps_its_target(ev):
    text = "Israel protested Norway's recognition of Palestine."
    got = [x[:3] for x in rows(analyze_texts([text]), text, COLS) if x[5].startswith("nominal.")]
    assert got == [("NOR", "cooperate", "PSE")], got


@pytest.mark.parametrize("text, want", COMPLETED)
def test_cue_row_completed(ev, text, want):
    got = [x[:4] for x in rows(ev, text, COLS) if x[1] == want[1]]
    assert got == [want], rows(ev, text, COLS)


@pytest.mark.parametrize("text, src, act, tgt, fact, clm, rule", CASES)
def test_nominal_row(ev, text, src, act, tgt, fact, clm, rule):
    got = [x for x in rows(ev, text, COLS) if x[5].startswith("nominal.")]
    assert got, rows(ev, text, COLS)
    assert got[0][:5] == (src, act, tgt, fact, clm) and got[0][5].startswith(rule), got


@pytest.mark.parametrize("text", NO_ROW)
def test_no_nominal_row(ev, text):
    assert not [x for x in rows(ev, text, COLS) if "nominal." in x[5]], rows(ev, text, COLS)


@pytest.mark.parametrize("text, src, act", ONE_ROW)
def test_no_duplicate(ev, text, src, act):
    got = [x for x in rows(ev, text, COLS) if x[0] == src and x[1] == act]
    assert len(got) == 1, rows(ev, text, COLS)


def test_offsets(ev):
    """Every nominal row's spans are slices of its document (offsets are sacred)."""
    sub = ev[ev["rule"].str.contains("nominal.", regex=False)]
    assert len(sub) >= len(CASES)
    for r in sub.itertuples(index=False):
        assert r.text_of[r.start:r.end] == r.text
        assert r.text_of[r.cue_start:r.cue_end] == r.cue_text
        assert r.text_of[r.source_start:r.source_end] == r.source_text
        if pd.notna(r.target_start):
            assert r.text_of[int(r.target_start):int(r.target_end)] == r.target_text


def test_rules_file():
    nr = event_nominals.nominal_rules()
    assert nr.act_nouns["seizure"] == ("coerce", "171", "material_conflict")
    assert "any" in nr.hypothetical_modifiers
    assert event_nominals.may_name_act(["the", "shell", "continue"])
    assert not event_nominals.may_name_act(["the", "war", "continue"])
