"""toolkit.quotes: a time adverbial between a cue and a clause without "that" ("said on Monday
exports fell", "said Thursday the vote ...", "said in June ...") is the reporter's, not the
content's first words, and the clause after it is found even when its subject is a bare noun;
a quotation right after "labelled"/"labeled" that follows a noun is a title, not speech, and
its frame's noun speaks; "was labelled “...”" is a judgement and stays content (issue 17)."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("speaker", "cue", "content"), scare=False)


@pytest.mark.parametrize("text, row", [
    ("Hanne Aalto, the trade minister, said on Monday exports fell in May.",
     ("Hanne Aalto, the trade minister", "said", "exports fell in May")),
    ("The statistics office said on Wednesday prices would rise again.",
     ("The statistics office", "said", "prices would rise again")),
    ("The coastguard said late on Saturday three trawlers had sunk.",
     ("The coastguard", "said", "three trawlers had sunk")),
    ("Governor Ruth Ekwueme said Tuesday the curfew would end.",
     ("Governor Ruth Ekwueme", "said", "the curfew would end")),
    ("The relief agency said in July some 900 people had crossed the river.",
     ("The relief agency", "said", "some 900 people had crossed the river")),
    ("The navy said overnight two drones were shot down.",
     ("The navy", "said", "two drones were shot down")),
    ("Mayor Ilse Brandt said Friday night fireworks were banned.",
     ("Mayor Ilse Brandt", "said", "fireworks were banned")),
])
def test_time_adverbial_before_a_clause_without_that(text, row):
    assert row in rows(text)


@pytest.mark.parametrize("text, row", [
    # a time phrase that owns the noun after it, or a clause that is no content, stays as it was
    ("The envoy said Sunday's vote was rigged.", ("The envoy", "said", "Sunday's vote was rigged")),
    ("Mira Solberg said the deal was off.", ("Mira Solberg", "said", "the deal was off")),
])
def test_time_phrase_that_is_part_of_the_clause(text, row):
    assert row in rows(text)


def test_time_adverbial_alone_gives_no_content():
    assert rows("The minister said on Monday.") == []


@pytest.mark.parametrize("text, row", [
    ('A report labelled "Orsk under fire" said the garrison had left.', ("A report", "said", "the garrison had left")),
    ('A policy memo labeled "Harbour plan" warned that the pier would close.',
     ("A policy memo", "warned", "that the pier would close")),
])
def test_labelled_quotation_after_a_noun_is_a_title(text, row):
    assert row in rows(text)


def test_labelled_as_a_judgement_stays_content():
    # "it was labeled “...”": the verdict is a quotation (a row), not a title (none)
    text = 'When the fact-checkers examined the claim by Ivo Marr, it was labeled "Half True."'
    assert [r[0] for r in quote_rows(text)] == ["direct"]
    text = 'Critics labeled the budget "a gift to the banks," the senator said.'
    assert ("the senator", "said", 'Critics labeled the budget "a gift to the banks,"') in rows(text)


@pytest.mark.parametrize("text, row", [
    ("The port authority said on Facebook the ferries would resume.",
     ("The port authority", "said", "the ferries would resume")),
    ("Two diplomats said on condition of anonymity the envoy had resigned.",
     ("Two diplomats", "said", "the envoy had resigned")),
    ("Anton Ilves said at a rally in Tartu he would stand again.",
     ("Anton Ilves", "said", "he would stand again")),
    ("The minister said at the summit Norvia would pay its share.",
     ("The minister", "said", "Norvia would pay its share")),
])
def test_setting_phrase_before_a_clause_without_that(text, row):
    assert row in rows(text)


@pytest.mark.parametrize("text", [
    "The widow said before he died.",                      # the clause is the phrase's own
    "He said in the city centre protesters had gathered.",  # where the phrase ends is unclear
    "The envoy said at the meeting.",
])
def test_setting_phrase_without_a_clause_after_it(text):
    assert rows(text) == []


def test_setting_phrase_then_a_pronoun_clause():
    assert ("The envoy", "said", "it was fine") in rows("The envoy said on the phone it was fine.")


@pytest.mark.parametrize("text, row", [
    # a setting phrase of two prepositions: the subject opens after the last one's object
    ("Premier Arvo Kallas said at a news conference in Tallinn the government would cut fuel taxes.",
     ("Premier Arvo Kallas", "said", "the government would cut fuel taxes")),
    ("Foreign Minister Edgars Linde said at a news conference in Riga Latvia would host the summit.",
     ("Foreign Minister Edgars Linde", "said", "Latvia would host the summit")),
    ("Kallas said on Twitter the head of the agency would resign.",
     ("Kallas", "said", "the head of the agency would resign")),
    ("Defence Minister Ola Berge told reporters in Bergholm the patrols would continue.",
     ("Defence Minister Ola Berge", "told", "the patrols would continue")),
])
def test_setting_phrase_of_two_prepositions_before_a_clause(text, row):
    assert row in rows(text), rows(text)


def test_object_of_the_setting_phrase_is_not_the_subject():
    # "in an interview with a local radio station inflation would ...": where the phrase ends is
    # unclear, so no clause is read rather than one that starts inside the phrase
    got = rows("Finance Minister Ivo Rask said in an interview with a local radio station inflation would peak.")
    assert not any(r[2].startswith(("a local", "an interview")) for r in got), got
