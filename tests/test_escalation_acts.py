"""Ordinary diplomatic, legal and economic acts of wire copy (escalation 1.24.0).

Each entry added in 1.24.0 is checked through one ``toolkit.analyze`` call, as a user would run
it: the sentence's events table must hold a row of the act class and CAMEO code a coder would
give (codebook 1.1b3 codes; the sentences were written for this test, with constructed
events), and each limit of an entry has a twin in which the cue word names no such act.
"""
from __future__ import annotations

import pandas as pd
import pytest

import event_rows
from test_events import NEEDS_TAGGER

import toolkit

pytestmark = NEEDS_TAGGER

# text, act, CAMEO code, source (None: not checked)
ACTS = [
    ("Eritrea and Djibouti restored diplomatic ties on Sunday.", "cooperate", "054", None),
    ("Honduras normalized relations with Nicaragua last month.", "cooperate", "054", "HND"),
    ("Panama re-established diplomatic relations with Venezuela.", "cooperate", "054", "PAN"),
    ("Uzbekistan resumed diplomatic relations with Turkmenistan.", "cooperate", "054", "UZB"),
    ("Ghana withdrew its ambassador from Togo after the incident.", "reduce_relations", "161", "GHA"),
    ("Laotian and Thai officials held a second round of talks in Vientiane.", "consult", "040", None),
    ("A court in Baku sentenced a Georgian journalist to six years in prison.", "coerce", "173", None),
    ("Prosecutors in Lima indicted a former Chilean minister.", "coerce", "173", None),
    ("A judge in Oslo finds a Swedish businessman guilty of fraud.", "coerce", "173", None),
    ("The Croatian parliament ratified Montenegro's accession to the alliance.", "agree", "057", "HRV"),
    ("Mongolian jets struck targets near the border overnight.", "attack", "190", "MNG"),
    ("Zambia cut security cooperation with Malawi.", "reduce_relations", "160", "ZMB"),
    ("Japan filed a diplomatic protest with South Korea over the islands.", "criticize", "114", "JPN"),
    ("The Yemeni government declared a unilateral ceasefire in Hodeidah.", "yield", "0871", "YEM"),
    ("Ecuador declared a state of emergency in two provinces.", "coerce", "1724", "ECU"),
    ("Sweden reduced development aid to Tanzania.", "reduce_relations", "162", "SWE"),
    ("A suicide bomber blew himself up near a market in Mogadishu.", "attack", "183", None),
    # events.yaml 0.12.1: deny is a denial only under CAMEO root 01
    ("Bolivia denied a request by Peru to extradite the former minister.", "reject", "120", "BOL"),
    ("Cambodia denied visas to two Thai reporters.", "reject", "120", "KHM"),
    # 1.25.0
    ("Slovakia's parliament ratified Montenegro's bid to join the bloc on Thursday.", "agree", "057", "SVK"),
    ("Serbia and Kosovo signed a trade framework in Brussels on Monday.", "agree", "057", None),
    ("The Arab League suspended Syria from all its meetings after the crackdown.", "reduce_relations", "160", "ARL"),
    ("ECOWAS suspended Guinea from its decision-making bodies.", "reduce_relations", "160", "ECOWAS"),
    ("The State Department approved the sale of Patriot missiles to Poland.", "cooperate", "062", "USA"),
    ("Kim Jong Un oversaw a test of a new cruise missile.", "mobilize", "150", "PRK"),
    ("Ghana said the incursion was a flagrant violation of its territorial integrity.", "criticize", "111", "GHA"),
    ("Chile said the raid was a blatant violation of its sovereignty.", "criticize", "111", "CHL"),
]

# text, the CAMEO code it must not get (the entry's word in another sense or frame)
NON_ACTS = [
    ("A jury in Accra found the two defendants not guilty.", "173"),
    ("A court in Lagos finds the former mayor not guilty.", "173"),
    ("She fought back tears as she spoke in Nairobi.", "190"),
    ("Belgrade announced that the ceasefire had collapsed.", "0871"),
    ("Hungary declared the truce over on Monday.", "0871"),
    ("The Norwegian ambassador withdrew from the race for the post.", "161"),
    ("Ecuador unveiled a restored colonial church in Quito.", "054"),
    ("Moldova received missiles to strike targets across the river.", "190"),
    ("Armenia denied the accusation on Tuesday.", "120"),
    # 1.25.0: `suspended ... from` only for a member suspended
    ("Turkish Airlines suspended flights from Istanbul to Tehran.", "160"),
    ("The ministry suspended the official from duty.", "160"),
]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return event_rows.analyze_texts([t for t, *_ in ACTS] + [t for t, _ in NON_ACTS])


def _rows(ev: pd.DataFrame, text: str) -> list[tuple]:
    return event_rows.rows(ev, text, ["act", "cameo", "source_actor", "main"])


@pytest.mark.parametrize("text, act, cameo, source", ACTS)
def test_ordinary_acts_are_the_main_event(events, text, act, cameo, source):
    got = _rows(events, text)
    main = [g for g in got if g[3]]
    assert any(g[0] == act and g[1] == cameo for g in main), got
    if source is not None:
        assert any(g[1] == cameo and g[2] == source for g in main), got


@pytest.mark.parametrize("text, cameo", NON_ACTS)
def test_other_senses_are_no_such_act(events, text, cameo):
    event_rows.assert_no_code(_rows(events, text), cameo)


def test_unfreezing_is_easing_sanctions():
    """`unfroze` (085) is a cue of the escalation table; the events table gives the verb no row
    when the tagger does not read `unfroze` as a verb (a clause-layer limit, not the lexicon's)."""
    text = "Britain unfroze Libyan assets worth $1 billion."
    esc = toolkit.analyze(pd.DataFrame({"doc_id": ["u"], "text": [text]}), annotators=["escalation"],
                          workers=1, cache=False, progress=False)["escalation"]
    assert ("unfroze", "085") in list(zip(esc["text"], esc["cameo"]))
