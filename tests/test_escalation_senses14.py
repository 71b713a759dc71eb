"""Act vocabulary of escalation 1.32.0, reviewed by sense (CAMEO roots and sub-codes, PLOVER
types), with events.yaml 0.22.0 (CAMEO 191 blockade is coerce, as CAMEO2PLOVER-2021 has it).

Each sentence was written for this test (constructed events, wire register, names not used in
the lexicon's notes) and goes through one ``toolkit.analyze`` call: the events table must hold a
row of the act class and CAMEO code a coder would give; each limit of an entry has a twin in
which the cue word names no such act.
"""
from __future__ import annotations

import pandas as pd
import pytest

import event_rows
from test_events import NEEDS_TAGGER

pytestmark = NEEDS_TAGGER

# text, act, CAMEO code, source (None: not checked)
ACTS = [
    ("Uzbekistan expressed readiness to supply electricity to Afghanistan.", "offer", "030", "UZB"),
    ("Paraguay and Bolivia opened a joint border checkpoint at Infante Rivarola.", "cooperate", "060", None),
    ("Greece is to stage joint naval drills with Egypt next month.", "cooperate", "062", "GRC"),
    ("Montenegro handed over the fugitive banker to Serbian police.", "cooperate", "063", "MNE"),
    ("Benin handed over the detained Nigerien soldiers to Niamey.", "yield", "084", "BEN"),
    ("Rwanda pulled its troops back from the Congolese border.", "yield", "0874", "RWA"),
    ("Guyana's coast guard ordered a Venezuelan trawler to change course.", "demand", "100", "GUY"),
    ("Cuban exiles rallied in Miami against Havana on Sunday.", "protest", "141", None),
    ("A Russian destroyer shadowed a Norwegian frigate in the Barents Sea.", "mobilize", "150", "RUS"),
    ("Iran held drills near the Strait of Hormuz on Friday.", "mobilize", "150", "IRN"),
    ("Azerbaijan suspended visa-free travel for Iranian citizens.", "reduce_relations", "160", "AZE"),
    ("Mali withdrew from the peace talks with the rebels in Algiers.", "reduce_relations", "164", "MLI"),
    ("Burundi halted coffee exports to Rwanda on Monday.", "sanction", "163", "BDI"),
    ("Japan imposed licence requirements on chip exports to China.", "sanction", "163", "JPN"),
    ("Malaysian maritime police inspected a Vietnamese trawler off Terengganu.", "coerce", "170", "MYS"),
    ("Indonesian patrol boats intercepted a Chinese fishing vessel near Natuna.", "coerce", "170", "IDN"),
    ("Japan's coast guard chased away a Taiwanese fishing boat near Yonaguni.", "coerce", "170", "JPN"),
    ("The Finnish navy escorted a Russian cargo ship out of its territorial waters.", "coerce", "170", "FIN"),
    ("Zimbabwe's government ordered two British journalists out of the country.", "expel", "174", "ZWE"),
    ("Kenyan prosecutors charged two Somali nationals with terrorism.", "coerce", "173", "KEN"),
    ("Hungarian police raided the offices of a Ukrainian cultural association in Budapest.", "coerce", "170", "HUN"),
    ("Bolivia nationalised a Spanish-owned power company.", "coerce", "171", "BOL"),
    ("Armenian border guards denied entry to three Azerbaijani journalists.", "coerce", "172", "ARM"),
    ("Serbia blocked the border crossing with Kosovo at Jarinje.", "coerce", "191", "SRB"),
]

# text, the CAMEO code it must not get (the entry's word in another sense or frame)
NON_ACTS = [
    ("The president charged the ministry with drafting a new budget.", "173"),
    ("The president charged the ministry with drafting a new budget.", "112"),
    ("The Italian army intercepted two drones over the Adriatic.", "170"),
    ("The minister drove off after the ceremony in Lusaka.", "170"),
    ("Guards escorted the delegation to the summit hall.", "170"),
    ("Military police raided a rebel camp near Goma.", "170"),
    ("Latvia voted to withdraw from the convention on cluster munitions.", "160"),
    ("China blocked a Security Council statement on the coup.", "191"),
    ("Hungary blocked Sweden's entry into the alliance for a year.", "191"),
    ("The minister inspected a guard of honour in Accra.", "170"),
]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return event_rows.analyze_texts(sorted({t for t, *_ in ACTS} | {t for t, _ in NON_ACTS}))


def _rows(ev: pd.DataFrame, text: str) -> list[tuple]:
    return event_rows.rows(ev, text, ["act", "cameo", "source_actor", "factuality"])


@pytest.mark.parametrize("text, act, cameo, source", ACTS)
def test_act_senses(events, text, act, cameo, source):
    event_rows.assert_act(_rows(events, text), act, cameo, source)


@pytest.mark.parametrize("text, cameo", NON_ACTS)
def test_other_senses_are_no_such_act(events, text, cameo):
    event_rows.assert_no_code(_rows(events, text), cameo)


def test_blocking_a_resolution_stays_a_rejection(events):
    """`block` of a text is a rejection (120); of a crossing, a restriction of movement (191)."""
    got = _rows(events, "China blocked a Security Council statement on the coup.")
    assert any(g[0] == "reject" and g[1] == "120" for g in got), got
