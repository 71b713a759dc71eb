"""Act vocabulary of escalation 1.29.0: evaluations, refusals, export curbs, embassies, breaches,
military responses, recognition, arms purchases, self-reported attacks and recoded acts.

Each sentence was written for this test (constructed events, wire and UN-speech register) and
goes through one ``toolkit.analyze`` call: the events table must hold a row of the act class and
CAMEO code a coder would give (CAMEO 1.1b3 codes, PLOVER types in the lexicon's notes); each
limit of an entry has a twin in which the cue word names no such act.
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
    ("Moldova's foreign ministry called the Transnistrian court ruling unjust.", "criticize", "111", "MDA"),
    ("Tbilisi called the sanctions \"illegal and arbitrary\".", "criticize", "111", "GEO"),
    ("Kyiv called the verdict \"politically motivated\".", "criticize", "111", "UKR"),
    ("Armenia declared the referendum in Nagorno-Karabakh null and void.", "criticize", "111", "ARM"),
    ("Morocco agreed to buy arms from Israel worth $500 million.", "cooperate", "062", "MAR"),
    ("The State Department approved arms sales to Bahrain worth $2 billion.", "aid", "072", "USA"),
    ("Iranian gunboats boarded a tanker bound for Kuwait on Wednesday.", "coerce", "171", "IRN"),
    ("Mali accused Algeria of sponsoring militants in the north.", "aid", "070", "DZA"),
    ("Burkina Faso accused Ivory Coast of plotting to overthrow its government.", "coerce", "170", "CIV"),
    ("Lithuania described the Belarusian government as authoritarian.", "criticize", "111", "LTU"),
    ("Georgia's prime minister described Russia's troop withdrawal as cosmetic.", "criticize", "111", "GEO"),
    ("Indonesia imposed export curbs on nickel ore bound for Australia.", "sanction", "163", "IDN"),
    ("Kazakhstan said it would restrict exports of wheat to Kyrgyzstan.", "sanction", "163", "KAZ"),
    ("Tajikistan sealed its border with Afghanistan on Friday.", "sanction", "163", "TJK"),
    ("Bahrain reopened its embassy in Damascus on Sunday.", "cooperate", "050", "BHR"),
    ("Chile will open a consulate in Ramallah, its foreign minister said.", "cooperate", "050", "CHL"),
    ("Eritrea breached the agreement by moving troops into the buffer zone, Ethiopia said.", "reject", "128", "ERI"),
    ("Ankara will respond militarily to any attack on its troops, the defence minister said.", "threaten", "138", "TUR"),
    ("Slovenia will recognise the state of Palestine next month.", "cooperate", "054", "SVN"),
    ("Guatemala moved its embassy to Jerusalem in May.", "cooperate", "054", "GTM"),
    ("Kyrgyzstan and Tajikistan completed the demarcation of their shared border.", "cooperate", "060", None),
    ("India and China completed disengagement at two friction points in eastern Ladakh.", "yield", "087", None),
    ("Nepal and Bhutan finalised a treaty on water sharing on Tuesday.", "agree", "057", None),
    ("Israel allowed aid trucks into northern Gaza on Thursday.", "yield", "0863", "ISR"),
    ("The ECOWAS leaders gave the junta six months to restore civilian rule.", "demand", "100", "ECOWAS"),
    ("Tehran promised a response to the Israeli strike on its consulate.", "threaten", "130", "IRN"),
    ("The Ukrainian navy said it neutralised a Russian landing craft near Crimea.", "attack", "190", "UKR"),
    ("The Houthis said they targeted a Greek-flagged vessel in the Gulf of Aden.", "attack", "190", "HOUTHI"),
    ("Saudi air defences intercepted a drone launched by the Houthis toward Jizan.", "attack", "190", "HOUTHI"),
    ("Iranian commandos boarded a tanker bound for Kuwait on Wednesday.", "coerce", "171", "IRN"),
    ("Israel tightened its blockade of Gaza, the UN said.", "sanction", "163", "ISR"),
    ("Azerbaijan said Armenian troops violated its sovereignty.", "coerce", "170", "ARM"),
    ("Russia blocked the OSCE monitoring mission from entering Donetsk.", "coerce", "170", "RUS"),
    ("North Korea fired two ballistic missiles into the sea off its east coast, Seoul said.", "mobilize", "150", "PRK"),
    ("A Canadian frigate sailed through the Taiwan Strait on Sunday, Beijing said.", "mobilize", "150", "CAN"),
]

# text, the CAMEO code it must not get (the entry's word in another sense or frame)
NON_ACTS = [
    ("The panel picked an arbitrary number of samples for the survey.", "111"),
    ("The number of politically motivated killings rose in the north.", "111"),
    ("The cosmetic industry in France grew by four percent.", "111"),
    ("Swedish exports of timber rose by six percent.", "163"),
    ("The hotel sealed its windows against the storm.", "163"),
    ("The bank reopened its branch in Lyon.", "050"),
    ("Police opened fire near the embassy in Nairobi.", "050"),
    ("Officials recognised the need for reform.", "054"),
    ("A Greek tanker sailed through the Strait of Hormuz on Monday.", "150"),
    ("The students sailed through the exam.", "150"),
    ("The new vaccine neutralises the virus in mice.", "190"),
    ("The advertisement missed its target audience, the company said.", "190"),
    ("The campaign launched by the ministry reached young voters.", "190"),
    ("The farm sponsored the local football club.", "070"),
    ("Britain imposed sanctions targeting Russia's shadow fleet of oil tankers.", "190"),
    ("Norway imposed sanctions targeting the shadow fleet.", "190"),
    ("Would Ottawa respond firmly if Minsk sent more troops?", "190"),
    ("The Latvian army responded firmly to the attacks.", "130"),
    ("In 2019 there was a spike in arbitrary detention in the region.", "111"),
    ("Police foiled a plot to rob the bank.", "170"),
    ("Parliament voted to recognise Belarus as a state sponsor of terrorism.", "054"),
    ("Armed guards on board ships in the Gulf of Guinea were trained by the navy.", "171"),
    ("Chile said the raid was a blatant violation of its sovereignty.", "170"),
]


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return event_rows.analyze_texts([t for t, *_ in ACTS] + [t for t, _ in NON_ACTS])


def _rows(ev: pd.DataFrame, text: str) -> list[tuple]:
    return event_rows.rows(ev, text, ["act", "cameo", "source_actor", "factuality"])


@pytest.mark.parametrize("text, act, cameo, source", ACTS)
def test_act_vocabulary(events, text, act, cameo, source):
    event_rows.assert_act(_rows(events, text), act, cameo, source)


@pytest.mark.parametrize("text, cameo", NON_ACTS)
def test_other_senses_are_no_such_act(events, text, cameo):
    event_rows.assert_no_code(_rows(events, text), cameo)


def test_defending_a_decision_is_no_support():
    """`defended the decision` is a statement about one's own act, not CAMEO 052 (verbal support)."""
    text = "The Danish prime minister defended the decision to ban Koran burnings."
    docs = pd.DataFrame({"doc_id": ["x"], "text": [text]})
    ev = toolkit.analyze(docs, annotators=["events"], workers=1, cache=False, progress=False)["events"]
    assert not (ev["cameo"] == "052").any(), ev[["act", "cameo"]]


def test_firm_opposition_is_a_rejection_cue():
    """`firmly opposes` is a rejection (120) in the escalation table; the events table reads the
    verb alone (a cue that starts at the adverb is not the verb's), so the test is on the cues."""
    texts = ["Vietnam firmly opposes any militarisation of the Paracel Islands.",
             "Seoul strongly opposed the plan, the ministry said.",
             "Quito opposes the plan."]
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": texts})
    esc = toolkit.analyze(docs, annotators=["escalation"], workers=1, cache=False, progress=False)["escalation"]
    got = set(zip(esc["doc_id"], esc["cameo"]))
    assert ("a", "120") in got and ("b", "120") in got, got
    assert ("c", "120") not in got, got
