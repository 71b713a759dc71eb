"""Speakers that are a body of a state or an organisation (issue 17, item 3): "the embassy" of
the state whose diplomat or embassy was named, "the agency" a state's possessive named, a body
"for"/"in" another place that belongs to its owner ("Serbia's Office for Kosovo", "the UN mission
in South Sudan"), a UN mission known by its acronym, "the Joint Chiefs of Staff", bare
"prosecutors in <capital>", and "the <role>, <Name>, said". Sentences written for these tests
(new names), end to end; near misses stay empty."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from toolkit.actors import mentions_from_tables
from toolkit.quotes import resolve_speaker_spans
from toolkit.tokenize import tokenize_documents


def _speaker(text: str, span: str, nth: int = -1):
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text], "date": [pd.Timestamp("2024-06-01", tz="UTC")]})
    sents, toks = tokenize_documents(["d"], [text])
    mentions = mentions_from_tables(docs, toks)
    a = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(span)}\b", text)][nth]
    spans = pd.DataFrame({"doc_id": ["d"], "start": [a], "end": [a + len(span)]})
    row = resolve_speaker_spans(docs, sents, toks, mentions, spans).iloc[0]
    return (None if pd.isna(row.speaker_actor) else row.speaker_actor,
            row.speaker_rule if isinstance(row.speaker_rule, str) else None)


CASES = [
    # embassy_state: the state whose ambassador or embassy the text named
    ("Hungary's ambassador was called in by Ukraine on Friday. The embassy said it would not comment.",
     "The embassy", "HUN", "embassy_state"),
    ("Norway detained a trawler. Russia's embassy in Oslo protested. The embassy said the zone was "
     "not Norwegian.", "The embassy", "RUS", "embassy_state"),
    # near miss: no diplomat of any state named, the embassy stays unknown (not the dateline's)
    ("VIENNA, March 3 (Reuters) - Austria must explain the arrests, the embassy said.",
     "the embassy", None, None),
    # owned_body: the agency a state's possessive named, the first of the nearest sentence
    ("SEOUL (Yonhap) - South Korea's Cyber Security Bureau said North Korean hackers stole "
     "data. The agency said the hackers used fake job offers.", "The agency", "KOR", "owned_body"),
    ("Latvia's SAB security service detained a Belarusian courier spying for Russia's GRU, the "
     "agency said.", "the agency", "LVA", "owned_body"),
    # near miss: "the agency" no possessive names takes no state from the story (KCNA is no US body)
    ("North Korea's state news agency KCNA said the US was provoking war. The agency said Pyongyang "
     "would respond.", "The agency", None, None),
    ("Israel struck Gaza overnight. The agency said 20 people were killed.", "The agency", None, None),
    # near misses: two states' embassies or agencies named together, "the embassy" is neither's
    ("Peru's ambassador to Chile and Bolivia's envoy met in Santiago. The embassy said the talks "
     "went well.", "The embassy", None, None),
    ("Kenya's Civil Aviation Authority and Uganda's Civil Aviation Authority signed a deal. The "
     "authority said flights would increase.", "The authority", None, None),
    # a body for or in another place belongs to its owner
    ("Serbia's Office for Kosovo said the arrests in Zvecan were a provocation.",
     "Serbia's Office for Kosovo", "SRB", "mention"),
    ("The UN mission in South Sudan said its patrols were fired upon near Bor.",
     "The UN mission in South Sudan", "UN", "mention"),
    # un_mission: staff of a body named by an acronym; a UN mission's is the UN's
    ("A MINUSCA spokesman said two peacekeepers were killed near Bangui.", "A MINUSCA spokesman",
     "UN", "un_mission"),
    ("CAIRO, May 1 (Reuters) - An ABCDE spokesman said the convoy was delayed.", "An ABCDE spokesman",
     None, None),
    # the Joint Chiefs of Staff: a state's military
    ("WASHINGTON, April 7 (Reuters) - The Joint Chiefs of Staff said U.S. forces would remain in Syria.",
     "The Joint Chiefs of Staff", "USA", "description_state"),
    # prosecutors in a capital
    ("Prosecutors in Kyiv said the former official had taken bribes.", "Prosecutors in Kyiv", "UKR",
     "office_place"),
]


@pytest.mark.parametrize("text,span,actor,rule", CASES)
def test_body_speakers(text, span, actor, rule):
    got_actor, got_rule = _speaker(text, span)
    assert got_actor == actor
    if rule is not None:
        assert got_rule == rule


@pytest.mark.skipif(not all(__import__("toolkit.resources", fromlist=["x"]).available(r) for r in
                           ("punkt_tab", "averaged_perceptron_tagger_eng", "wordnet", "names")),
                    reason="the appositive's sentence and title need NLTK's Punkt, tagger, WordNet and names data")
def test_role_appositive_takes_the_title_state():
    text = ("LISBON, May 2 (Reuters) - Portugal protested to Angola over the arrests. "
            "The foreign minister, Ana Lopes, said the detainees must be freed.")
    assert _speaker(text, "The foreign minister, Ana Lopes") == ("PRT", "role_appositive")
    # near miss: two states and no dateline, as for "Foreign Minister Ana Lopes said"
    text = "Portugal protested to Angola on Monday. The foreign minister, Ana Lopes, said the men must be freed."
    assert _speaker(text, "The foreign minister, Ana Lopes")[0] is None


def _quotes(text: str) -> pd.DataFrame:
    import toolkit

    return toolkit.analyze(pd.DataFrame({"doc_id": ["d"], "text": [text]}))["quotes"]


@pytest.mark.parametrize("text,speaker,antecedent", [
    ("QUITO, Jan 5 (Reuters) - Ecuador's foreign minister criticised the tariffs on Monday. "
     "He said Ecuador would take the case to the WTO.", "He", "Ecuador's foreign minister"),
    ("RIGA, Jan 5 (Reuters) - Latvia's foreign ministry summoned the Belarusian envoy on Monday. "
     "It said the border provocations must stop.", "It", "Latvia's foreign ministry"),
    ("Chile's interior minister visited the border. The minister said patrols would double.",
     "The minister", "Chile's interior minister"),
])
def test_speaker_antecedent_names_the_phrase(text, speaker, antecedent):
    q = _quotes(text)
    row = q[q["speaker"] == speaker].iloc[0]
    assert row["speaker_antecedent"] == antecedent
    assert text[int(row["speaker_antecedent_start"]):int(row["speaker_antecedent_end"])] == antecedent


def test_named_speaker_has_no_antecedent():
    q = _quotes("Latvia's foreign minister Ivo Berzins said the border would stay shut.")
    assert q["speaker_antecedent"].isna().all()
