"""Speakers that are offices or titled officials of a state the phrase does not name: the state
comes from the phrase itself (a capital or state in it), the text's sentence or the wire
dateline, and stays empty when two states compete (issue 17). Wire-copy sentences written for
these tests, end to end (the gazetteer's mentions, then the speaker rules)."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from toolkit import speakers
from toolkit.actors import mentions_from_tables
from toolkit.quotes import resolve_speaker_spans
from toolkit.tokenize import tokenize_documents


def _speaker(text: str, span: str):
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text], "date": [pd.Timestamp("2024-06-01", tz="UTC")]})
    sents, toks = tokenize_documents(["d"], [text])
    mentions = mentions_from_tables(docs, toks)
    a = re.search(rf"(?<!\w){re.escape(span)}\b", text).start()
    spans = pd.DataFrame({"doc_id": ["d"], "start": [a], "end": [a + len(span)]})
    row = resolve_speaker_spans(docs, sents, toks, mentions, spans).iloc[0]
    return (None if pd.isna(row.speaker_actor) else row.speaker_actor,
            row.speaker_rule if isinstance(row.speaker_rule, str) else None)


# (text, speaker span, actor, rule); None: two states compete, nothing guessed.
OFFICES = [
    # the phrase names its state: a capital after "in", a state before it
    ("Zambia will ship maize to Malawi, the agriculture ministry in Lusaka said on Monday.",
     "the agriculture ministry in Lusaka", "ZMB", "office_place"),
    ("Oman's foreign ministry said on Sunday that talks would resume in Muscat.",
     "Oman's foreign ministry", "OMN", "mention"),
    ("BERLIN (Reuters) - The foreign ministry in Bern said Switzerland would host the talks.",
     "The foreign ministry in Bern", "CHE", "office_place"),
    # the sentence's one state, a name outranking a demonym
    ("Chile has not sent troops to the Peruvian border, the army said on Friday.",
     "the army", "CHL", "description_state"),
    ("Latvia will raise its fuel tax next year, the finance ministry said.",
     "the finance ministry", "LVA", "description_state"),
    ("Estonia closed its airspace to drones on Monday, the air force said.",
     "the air force", "EST", "description_state"),
    # the content's one state and a dateline naming another compete; a demand on the state the
    # content names is not the speaker's state
    ("LIMA (Reuters) - Chile has not sent troops to the Peruvian border, the army said on Friday.",
     "the army", None, None),
    ("Chile must pull its troops back from the border, the army said on Friday.",
     "the army", None, None),
    # two states compete: the dateline decides, else the sentence's subject (no hostile act
    # after it, no denial by the speaker), else nobody
    ("Sudan accused Chad of arming rebels on Monday, the foreign ministry said.",
     "the foreign ministry", "SDN", "description_state"),
    ("Sudan accused Chad of shelling its border posts on Monday, the foreign ministry said.",
     "the foreign ministry", None, None),
    ("Belize signed a fisheries pact with Honduras on Monday. The foreign ministry said patrols would start in May.",
     "The foreign ministry", "BLZ", "description_state"),
    ("Kosovo launched drones at Serbia overnight, the defence ministry said.",
     "the defence ministry", "SRB", "launch_victim"),
    ("Latvia and Estonia will hold joint drills in May, the defence ministry said.",
     "the defence ministry", None, None),
    ("Benin will send 2,000 troops to Haiti next year, the foreign ministry said on Monday.",
     "the foreign ministry", "BEN", "description_state"),
    ("Eritrea massed troops along the border with Ethiopia, the defence ministry said.",
     "the defence ministry", None, None),
    ("KHARTOUM, May 2 (Reuters) - Sudan accused Chad of arming rebels, the foreign ministry said.",
     "the foreign ministry", "SDN", "description_state"),
    ("NDJAMENA (AFP) - Police said on Saturday that 12 people had been arrested.",
     "Police", None, None),
    ("TUNIS (AFP) - Police said on Saturday that 12 people had been arrested.",
     "Police", "TUN", "description_state"),
    # a demonym before an object is not the office's state ("a Chinese spy ship"), nor a state
    # after a place preposition and a compass word; two states by name with the dateline deciding
    ("A Laotian survey boat was seen off the coast, the navy said.", "the navy", None, None),
    ("HANOI (Reuters) - Vietnam said its troops had cleared mines in northern Laos, the army said.",
     "the army", "VNM", "description_state"),
    # a region of another state: its own ministries speak
    ("Israel struck Gaza overnight, the health ministry said.", "the health ministry", None, None),
    # a body below the state is not the state
    ("Spain will cut water use in Catalonia, the regional government said.",
     "the regional government", None, None),
    # the same office named earlier keeps its state
    ("Indonesian coast guard spokesman Rey Ortiz said Chinese ships had followed the patrol. "
     "The coast guard said two Chinese ships had left.", "The coast guard", "IDN", "same_office"),
    ("TOKYO (Reuters) - Japan protested to China after a Chinese drone entered its airspace, "
     "the defence ministry said. It was the first such flight by a Chinese drone, the ministry added.",
     "the ministry", "JPN", "same_office"),
]


@pytest.mark.parametrize("text,span,actor,rule", OFFICES)
def test_office_speakers(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


TITLED = [
    # a titled official the people list does not know: the state the text is about
    ("Gabon will reopen its border with Cameroon, President Omar Bakala said on Sunday.",
     "President Omar Bakala", "GAB", "title_context"),
    ("Gabon will reopen its northern border posts, President Omar Bakala said on Sunday.",
     "President Omar Bakala", "GAB", "title_context"),
    ("Iceland expelled a diplomat on Friday. Foreign Minister Sigrun Einarsdottir said the decision was final.",
     "Foreign Minister Sigrun Einarsdottir", "ISL", "title_context"),
    ("Laos accused Thailand of dumping waste in the Mekong. Prime Minister Sone Vilay said talks were needed.",
     "Prime Minister Sone Vilay", "LAO", "title_context"),
    # the other side's official answering the accusation: no side guessed
    ("Laos accused Thailand of dumping waste in the Mekong. Prime Minister Sone Vilay said the claims were baseless.",
     "Prime Minister Sone Vilay", None, None),
    ("Mauritania rejected a Malian request for talks. Foreign Minister Idrissa Kone said the border would stay shut.",
     "Foreign Minister Idrissa Kone", "MRT", "title_context"),
    ("VIENTIANE (AFP) - Laos accused Thailand of dumping waste in the Mekong. "
     "Prime Minister Sone Vilay said talks were needed.", "Prime Minister Sone Vilay", "LAO", "title_context"),
    ("VIENTIANE (AFP) - Floods hit the Mekong delta on Monday. "
     "Prime Minister Sone Vilay said aid was needed.", "Prime Minister Sone Vilay", "LAO", "title_context"),
    # an ambassador is posted abroad: the host state is not his
    ("Nepal hosted a trade fair on Monday. Ambassador Pierre Lomard said the fair was a success.",
     "Ambassador Pierre Lomard", None, "mention"),
]


@pytest.mark.parametrize("text,span,actor,rule", TITLED)
def test_titled_speakers(text, span, actor, rule):
    got_actor, got_rule = _speaker(text, span)
    assert got_actor == actor
    if actor is not None:
        assert got_rule == rule


def test_his_office_speaks_for_the_state_of_his_person():
    text = "Belgium's prime minister will travel to Rabat next week, his office said."
    assert _speaker(text, "his office") == ("BEL", "pronoun_office")


def test_dateline_state_reads_the_paragraph_dateline():
    from toolkit.tokenize import tokenize_documents as tok

    text = "QUITO, Jan 5 (Reuters) - Talks failed.\nLIMA (AP) - The army said.\nThe ministry said."
    _, toks = tok(["d"], [text])
    r = speakers.SpeakerResolver(speakers.token_arrays(text, toks), [], [], set())
    assert speakers.dateline_state(r, text.index("Talks")) == "ECU"
    assert speakers.dateline_state(r, text.index("The army")) == "PER"
    assert speakers.dateline_state(r, text.index("The ministry")) == "PER"
    assert speakers.dateline_state(r, 0) is None
    plain = "Russia - which denies it - said the talks failed."
    _, toks = tok(["d"], [plain])
    r = speakers.SpeakerResolver(speakers.token_arrays(plain, toks), [], [], set())
    assert speakers.dateline_state(r, plain.index("said")) is None


ORGS = [
    ("The Southern African Development Community suspended Eswatini on Monday. The bloc said "
     "elections must be held.", "The bloc", "SADC"),
    ("The United Nations sent a mission to Bamako on Monday. The bloc said elections must be held.",
     "The bloc", None),
    ("The IMF approved a loan for Zambia on Friday, the fund said.", "the fund", "IMF"),
]


@pytest.mark.parametrize("text,span,actor", ORGS)
def test_organisation_descriptions(text, span, actor):
    got, rule = _speaker(text, span)
    assert got == actor
    if actor is not None:
        assert rule == "description_org"


def test_he_after_a_titled_official_takes_the_state_of_the_text():
    text = ("HONIARA (AFP) - The Solomon Islands will cut logging exports, Prime Minister Jeremiah "
            "Kalu said on Monday. He said the forests needed time to recover.")
    assert _speaker(text, "He") == ("SLB", "pronoun_person")


def test_a_state_before_a_person_role_is_that_persons_nationality():
    # "the Vatican envoy" is a person of the Vatican, not a second state of the sentence
    text = ("Honduras said on Monday it had expelled the Vatican envoy. Vice President Rosa "
            "Linares said he had meddled.")
    assert _speaker(text, "Vice President Rosa Linares") == ("HND", "title_context")


@pytest.mark.parametrize("text,span", [
    ("Nigeria will host the summit, ECOWAS Commission President Omar Tiamiyu said on Monday.",
     "ECOWAS Commission President Omar Tiamiyu"),
    ("Nigeria will host the annual meetings, AfDB President Akin Oyelaran said on Monday.",
     "AfDB President Akin Oyelaran"),
])
def test_an_organisations_officer_takes_no_state_from_the_text(text, span):
    assert _speaker(text, span)[0] is None


@pytest.mark.parametrize("text", [
    "PORT MORESBY, Papua New Guinea, Aug 9 (Reuters) - The ministry said talks failed.",
    "ASUNCION (AFP) - The army said it had withdrawn.",
    "In May, Bolivia - facing protests - said it would hold a vote.",
    "On Friday Ghana - ignoring calls - closed the border, the ministry said.",
    "HONIARA - The ministry said the ferry had sunk.",
    "USA - the ministry said the ferry had sunk.",
])
def test_speakers_and_actors_read_one_dateline_grammar(text):
    # the speaker's dateline and the span the actors step keeps out of the parties are one reading
    from toolkit import actors

    _, toks = tokenize_documents(["d"], [text])
    d = speakers.token_arrays(text, toks)
    r = speakers.SpeakerResolver(d, [], [], set())
    lines = speakers._datelines(r)
    end, spans = actors.dateline_places(d.tok, 0, d.sent_end[0])
    assert [e for _, e, _ in lines] == ([d.start[end]] if spans else [])
    assert bool(spans) == ("(" in text or text.startswith("HONIARA"))


def test_a_dateline_in_capital_letters_needs_no_agency():
    # "HONIARA -" alone (AFP/AP style) is the place the story was filed: the Solomon Islands
    text = "HONIARA - Interior Minister Rex Talasi said on Monday that the ferry had sunk."
    assert _speaker(text, "Interior Minister Rex Talasi") == ("SLB", "title_context")


# The subject rule reads the act after the subject from the escalation lexicon: a hostile act
# the word list does not have, a denied yield, or another state as a direct object gives none.
SUBJECT_ACTS = [
    ("Lisbania is occupying villages in Norvia, the foreign ministry said.", "the foreign ministry", None),
    ("Uganda is occupying villages in western South Sudan, the foreign ministry said.", "the foreign ministry", None),
    ("Iran keeps detaining sailors from Azerbaijan, the foreign ministry said.", "the foreign ministry", None),
    ("Belarus is flooding Lithuania with migrants, the interior ministry said.", "the interior ministry", None),
    ("Eritrea sent troops into Tigray, the defence ministry said.", "the defence ministry", None),
    ("Lisbania sent migrants across the border to Norvia, the interior ministry said.", "the interior ministry", None),
    ("Kenya will send police officers to Haiti, the interior ministry said.", "the interior ministry", "KEN"),
    ("Norway has given 50 million dollars in aid to Sudan, the foreign ministry said.", "the foreign ministry", "NOR"),
    ("Qatar will mediate between Sudan and Chad, the foreign ministry said.", "the foreign ministry", "QAT"),
    ("Poland has not sent fighter jets to Ukraine, the defence ministry said.", "the defence ministry", "POL"),
    ("Indonesia welcomed Malaysia's offer to help, the foreign ministry said.", "the foreign ministry", "IDN"),
]


@pytest.mark.parametrize("text,span,actor", SUBJECT_ACTS)
def test_subject_state_reads_the_act(text, span, actor):
    assert _speaker(text, span)[0] == actor
