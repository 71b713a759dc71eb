"""The ``cue_kind`` of quote rows (reporting_verbs 1.9.0 ``cue_kinds``): speech, or one of the
other things PolNeAR and PARC attribute (a belief, evidence, an intention, a position, a
silence), so that a study of who says what can keep only speech."""
from __future__ import annotations

import pytest

from toolkit import lexicon
from toolkit.quotes import cue_kind, cue_kinds
from quote_rows import quote_rows, quote_table

KINDS = {"speech", "thought", "evidence", "intention", "position", "silence"}


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("kind", "speaker", "cue", "cue_kind"))


def test_every_class_of_the_bundled_lexicon_has_a_declared_kind():
    lex = lexicon.load("reporting_verbs")
    declared = lex.meta["cue_kinds"]
    assert set(declared) == set(lex.categories)
    assert set(declared.values()) <= KINDS
    assert {"speech", "thought", "evidence"} <= set(declared.values())


def test_a_users_class_without_a_kind_is_speech():
    lex = lexicon.load("reporting_verbs")
    kinds = cue_kinds(lex)
    assert kinds["cognitive"] == "thought" and kinds["accusatory"] == "speech"
    assert cue_kind("indirect", "grumbling", kinds) == "speech"
    assert cue_kind("direct", None, kinds) == "speech"
    assert cue_kind("scare", None, kinds) is None


@pytest.mark.parametrize("text, expected", [
    ("Councillor Wenna Marsk said the depot in Halloran would close.",
     ("indirect", "Councillor Wenna Marsk", "said", "speech")),
    ("Wenna Marsk believes the depot in Halloran will close.",
     ("indirect", "Wenna Marsk", "believes", "thought")),
    ("Polls show Wenna Marsk trailing in Halloran.",
     ("indirect", "Polls", "show", "evidence")),
    ("Wenna Marsk wants to close the depot in Halloran.",
     ("indirect", "Wenna Marsk", "wants", "intention")),
    ("Wenna Marsk did not immediately respond to requests for comment.",
     ("indirect", "Wenna Marsk", "did not immediately respond to", "silence")),
    # a silence about a topic, and a refusal to speak after a subject the actor list does not know
    ("A spokeswoman for the Halloran council would not comment on the report.",
     ("indirect", "A spokeswoman for the Halloran council", "would not comment on", "silence")),
    ("The Tallis embassy declined to comment.",
     ("indirect", "The Tallis embassy", "declined", "silence")),
    # "agreed to ACT" commits to a deal (an event), nothing said; "agreed that ..." reports speech
    ("Brasko and Velmar agreed to reopen the rail link.",
     ("indirect", "Brasko and Velmar", "agreed", "intention")),
    ("The Tallis court agreed that the case was urgent.",
     ("indirect", "The Tallis court", "agreed", "speech")),
])
def test_rows_carry_the_kind_of_their_cue(text, expected):
    assert expected in rows(text)


def test_a_quotation_is_speech_and_a_scare_quote_has_no_kind():
    got = rows("“We will not close the depot,” said Oskar Brandvik. The “rescue plan” failed.")
    assert ("direct", "Oskar Brandvik", "said", "speech") in got
    assert [k for kind, *_, k in got if kind == "scare"] == [None]


def test_keeping_speech_drops_the_belief_but_not_the_statement():
    text = ("Oskar Brandvik said the ferry to Tallis would run. "
            "Wenna Marsk fears the ferry to Tallis will stop.")
    q = quote_table(text)
    assert q.loc[q["cue_kind"] == "speech", "speaker"].tolist() == ["Oskar Brandvik"]


# "appeal" and "protest" report speech only in their frame of speech (toolkit.quotes.speech_frame).
@pytest.mark.parametrize("text, cue", [
    ("Kestria appealed to its allies to send air defence systems.", "appealed"),
    ("Vietnam protested to China on Tuesday after the collision.", "protested"),
    ("Senator Ilse Brannock protested the closure of the Velling pit.", "protested"),
])
def test_appeal_and_protest_in_their_frame_of_speech(text, cue):
    assert cue in [r[2] for r in rows(text)]


@pytest.mark.parametrize("text", [
    "The Tallis plan holds broad appeal for voters in Halloran.",
    "Hundreds of students protested outside the parliament in Orsk.",
    "Farmers protesting against the Velling trade pact blocked the road.",
    "Marsk's appeal to voters who fear the closures has grown.",
])
def test_the_noun_the_attraction_and_the_demonstration_are_no_cue(text):
    assert not [r for r in rows(text) if r[2] and r[2].lower().startswith(("appeal", "protest"))]


def test_one_assumes_an_office_not_a_belief():
    assert not rows("Councillor Ama Fenwright assumed the office of treasurer in Brennick in 2014.")
    assert ("indirect", "Ama Fenwright", "assumed", "thought") in rows("Ama Fenwright assumed that the Brennick vote was lost.")


# Verbs of characterisation and view (reporting_verbs 1.9.0, quotes_only): only "X portrayed Y as Z".
@pytest.mark.parametrize("text, expected", [
    ("Senator Ilse Brannock portrayed the Tallis plan as reckless.",
     ("indirect", "Senator Ilse Brannock", "portrayed", "speech")),
    ("Marsk has cast himself as the outsider in the Velling race.",
     ("indirect", "Marsk", "has cast", "speech")),
    ("Many voters in Corvale view Marsk as a rival to the mayor.",
     ("indirect", "Many voters in Corvale", "view", "thought")),
])
def test_characterisation_with_as(text, expected):
    assert expected in rows(text)


@pytest.mark.parametrize("text", [
    "Brede was cast as the lead in the Halloran play.",
    "Residents painted the fence in Orsk on Sunday.",
    "The mural in Tallis depicts a harbour scene.",
    "The Velling ruling was viewed by many as a setback.",
    "Her world view can be used as a guide in Orsk.",
    "A final accord regarding the Tallis port can serve as a model.",
])
def test_no_characterisation_without_its_frame(text):
    assert not rows(text)


def test_characterisation_entries_are_invisible_to_events_and_clauses():
    e = lexicon.load("reporting_verbs").entries
    only = set(e.loc[e["quotes_only"] == "true", "entry"])
    assert {"portray", "depict", "characterize", "paint", "cast", "view", "regard"} <= only


def test_a_participle_after_a_which_clause_is_the_main_subjects():
    got = rows("The Kestrian-led alliance, which describes itself as a champion of democracy, acts from "
               "the opposite position, rejecting the principles of equality.")
    assert ("indirect", "The Kestrian-led alliance", "rejecting", "speech") in got
    assert ("indirect", "which", "describes", "speech") in got


def test_evidence_from_a_source_shows():
    assert ("indirect", "Data from the Pomeroy county clerk", "show", "evidence") in \
        rows("Data from the Pomeroy county clerk show turnout rose among young voters.")
    assert not rows("Crowds from the Pomeroy fairground show off their cattle.")


@pytest.mark.parametrize("text, expected", [
    ("When asked by reporters on Thursday whether she would run again, Brannock smiled.",
     ("indirect", "reporters", "asked", "speech")),
    ("But when asked what he would do next, the Orsk mayor said he would rest.",
     ("indirect", None, "asked", "speech")),
])
def test_asked_question_after_a_time_or_a_conjunction(text, expected):
    assert expected in rows(text)


@pytest.mark.parametrize("text, speaker", [
    ("A poll released Monday by Kessler Research shows Senator Ilse Draven trailing by six points.",
     "A poll released Monday by Kessler Research"),
    ("Records obtained by the Ashford Ledger show the council spent $2 million on consultants.",
     "Records obtained by the Ashford Ledger"),
])
def test_the_evidence_and_its_agent_are_one_source(text, speaker):
    assert ("indirect", speaker, rows(text)[0][2], "evidence") in rows(text)


@pytest.mark.parametrize("text", [
    "The Tallis embassy declined to join the talks.",  # a refusal to act, after an unknown noun: no row
    "The Halloran council did not comment the report.",  # no "on": not the silence entry
])
def test_no_silence_row_without_a_refusal_to_speak(text):
    assert not [r for r in rows(text) if r[3] == "silence"]
