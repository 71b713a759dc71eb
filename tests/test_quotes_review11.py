"""toolkit.quotes: rules of English checked on constructed wire copy (session 11): a verb of
characterisation needs an "as" predicate, not an "as" clause ("cast their votes as the polls
opened"); "cast" with a vote, veto or doubt is the act itself; a refusal to speak is a silence;
a verb of evidence after a document, poll or study is evidence, with the whole phrase as source."""
from __future__ import annotations

import pytest

from toolkit.quotes import evidence_source
from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("speaker", "cue", "cue_kind", "content"), scare=False)


@pytest.mark.parametrize("text", [
    "Farmers in Ostrava cast their ballots as the snow fell across the region.",
    "The Velorian envoy cast his country's veto as the assembly voted on the truce.",
    "The audit cast doubt on the contract as the inquiry widened in Tarsk.",
    "Mayor Ilse Brandt painted the old bridge as the festival crowds gathered.",
    "The governor regards the storm as it approaches the coast.",
    "Crews painted the school as the sanctions were debated.",
    "Delegates cast a vote as well as a protest ballot.",
])
def test_an_as_clause_or_a_cast_ballot_is_no_characterisation(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Senator Okafor cast the bill as a gift to the mining lobby.",
     [("Senator Okafor", "cast", "speech", "the bill as a gift to the mining lobby")]),
    ("Activists depicted the dam as a threat to the river's fishermen.",
     [("Activists", "depicted", "speech", "the dam as a threat to the river's fishermen")]),
    ("Lindqvist portrayed the strike as the union's last resort.",
     [("Lindqvist", "portrayed", "speech", "the strike as the union's last resort")]),
    ("Most Moldovans regard the treaty as a betrayal.",
     [("Most Moldovans", "regard", "thought", "the treaty as a betrayal")]),
    ("Halvorsen painted the rebels as a force backed by Tarsk.",
     [("Halvorsen", "painted", "speech", "the rebels as a force backed by Tarsk")]),
    ("Brede portrayed the truce as a victory as fighting eased in the north.",
     [("Brede", "portrayed", "speech", "the truce as a victory as fighting eased in the north")]),
])
def test_an_as_predicate_stays_a_characterisation(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, kind", [
    ("The Velorian ministry refused to comment.", "silence"),
    ("Officials in Tarsk declined to say whether the envoy had been expelled.", "silence"),
    ("Ambassador Ines Lund declined to elaborate.", "silence"),
    ("Asked whether Tarsk would retaliate, the envoy declined to comment.", "silence"),
    ("Velor declined to join the coalition against the militants.", "intention"),
    ("The minister refused to resign despite the protests.", "intention"),
])
def test_a_refusal_to_speak_is_a_silence(text, kind):
    got = [r for r in rows(text) if r[1] in ("declined", "refused")]
    assert [r[2] for r in got] == [kind]


@pytest.mark.parametrize("text, expected", [
    ("Surveys suggest support for the governing party in Velor is falling.",
     ("Surveys", "suggest", "evidence")),
    ("Intelligence gathered by Kestria indicates that the militia moved weapons.",
     ("Intelligence gathered by Kestria", "indicates", "evidence")),
    ("Documents seen by the Tarsk Ledger indicate that the mayor paid the contractor.",
     ("Documents seen by the Tarsk Ledger", "indicate", "evidence")),
    ("The data point to a slowdown in Velor.", ("The data", "point to", "evidence")),
    ("Diplomats suggest the council will veto the package.", ("Diplomats", "suggest", "speech")),
    ("Kestria indicated that it would send more troops.", ("Kestria", "indicated", "speech")),
])
def test_a_verb_of_evidence_after_a_document_is_evidence(text, expected):
    assert [r[:3] for r in rows(text)] == [expected]


def test_evidence_source_reads_the_head_before_its_agent():
    assert evidence_source("Figures published by the central bank")
    assert evidence_source("A poll of voters in Velor")
    assert not evidence_source("Investigators from the agency")
    assert not evidence_source("the Associated Press")


@pytest.mark.parametrize("text, expected", [
    ("Evidence gathered by investigators points to Velor, Kestrian officials said.",
     [("Evidence gathered by investigators", "points to", "evidence", "Velor"),
      ("Kestrian officials", "said", "speech", "Evidence gathered by investigators points to Velor")]),
    ("Lund blamed Tarsk, the ministry said.",
     [("Lund", "blamed", "speech", "Tarsk"), ("the ministry", "said", "speech", "Lund blamed Tarsk")]),
])
def test_a_one_word_content_ends_before_a_closing_attribution(text, expected):
    assert rows(text) == expected
