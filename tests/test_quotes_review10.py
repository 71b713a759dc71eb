"""toolkit.quotes: rules of English checked on constructed wire copy (session 10): a month or
modal after a given name is a surname, "such" can open a reported clause, "As X noted (in
...)," with an adjunct after the cue, and "first" as an adverb before a reporting verb."""
from __future__ import annotations

import pytest

from quote_rows import quote_rows, quote_table


def rows(text: str) -> list[tuple]:
    return quote_rows(text, ("speaker", "cue", "content"), scare=False)


@pytest.mark.parametrize("text, expected", [
    ("Foreign Secretary Alan May said sanctions would stay.",
     [("Foreign Secretary Alan May", "said", "sanctions would stay")]),
    ("Prime Minister Dora May has said that the vote will go ahead.",
     [("Prime Minister Dora May", "has said", "that the vote will go ahead")]),
    ("Senator Ruth March told reporters the bill was dead.",
     [("Senator Ruth March", "told", "the bill was dead")]),
])
def test_month_after_a_given_name_is_a_surname(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In May officials said the talks would resume.", [("officials", "said", "the talks would resume")]),
    ("The talks ended in May, the Kremlin said.", [("the Kremlin", "said", "The talks ended in May")]),
    ("Officials said the vote may be delayed.", [("Officials", "said", "the vote may be delayed")]),
])
def test_month_and_modal_stay_what_they_are(text, expected):
    assert rows(text) == expected


def test_such_opens_a_reported_clause():
    assert rows("Spokeswoman Lena Varga said such a move would harm the union.") == [
        ("Spokeswoman Lena Varga", "said", "such a move would harm the union")]
    assert rows("He never said such a thing.") == []


@pytest.mark.parametrize("text, expected", [
    ("As Torvald Ekman noted in his testimony, the agency never audited the fund.",
     [("Torvald Ekman", "noted", "the agency never audited the fund")]),
    ("As the Valen Courier reported on Tuesday, the ministry cancelled the tender.",
     [("the Valen Courier", "reported", "the ministry cancelled the tender")]),
    ("As the Valen Courier first reported, the ministry cancelled the tender.",
     [("the Valen Courier", "first reported", "the ministry cancelled the tender")]),
])
def test_as_source_with_adjunct_or_adverb(text, expected):
    assert rows(text) == expected


def test_first_as_ordinal_is_no_adverb():
    assert rows("The former first lady and Orsk senator said it was a mistake.") == [
        ("The former first lady and Orsk senator", "said", "it was a mistake")]
    assert rows("The first reported case was in Tarsk, officials said.") == [
        ("officials", "said", "The first reported case was in Tarsk")]


@pytest.mark.parametrize("text, expected", [
    ("President Arno Veld vowed on Tuesday to respond to any provocation.",
     [("President Arno Veld", "vowed", "to respond to any provocation")]),
    ("Premier Ida Lund promised on Tuesday to cut taxes.", [("Premier Ida Lund", "promised", "to cut taxes")]),
])
def test_infinitive_after_a_time_adjunct(text, expected):
    assert rows(text) == expected


def test_spoke_to_is_no_infinitive():
    assert rows("The minister spoke on Tuesday to reporters.") == []


@pytest.mark.parametrize("text, expected", [
    ("Aid will grow, Lopes told Varga at a meeting on the sidelines of the summit.",
     [("Lopes", "told", "Aid will grow")]),
    ("Orsk will send 200 tonnes of grain to Tarsk, Prime Minister Ivo Dane told Halden at a meeting on the sidelines of the summit.",
     [("Prime Minister Ivo Dane", "told", "Orsk will send 200 tonnes of grain to Tarsk")]),
])
def test_content_before_a_named_addressee_and_long_adjunct(text, expected):
    assert rows(text) == expected


def channels(text: str) -> list[tuple]:
    q = quote_table(text)
    return [(r.speaker, r.content, r.channel) for r in q.itertuples() if r.kind != "scare"]


@pytest.mark.parametrize("text, expected", [
    ("Defence Minister Anika Royce told the Harbour Gazette that troops would stay.",
     [("Defence Minister Anika Royce", "that troops would stay", "Harbour Gazette")]),
    ('"We will stay," Royce told the Valen Courier.', [("Royce", '"We will stay,"', "Valen Courier")]),
    ("Royce told the Valen Times on Friday the troops would stay.",
     [("Royce", "the troops would stay", "Valen Times")]),
    ("Royce told the Senate Armed Services Committee that troops would stay.",
     [("Royce", "that troops would stay", None)]),
])
def test_unknown_newspaper_after_told_is_the_channel(text, expected):
    assert channels(text) == expected


def test_clause_after_addressee_and_time():
    assert rows("Royce told Tarsk Radio on Friday the troops would stay.") == [
        ("Royce", "told", "the troops would stay")]
    assert rows("Royce told a news conference in Orsk.") == []


@pytest.mark.parametrize("text, expected", [
    ("A Valen University poll released in late August found that most voters backed the plan.",
     [("A Valen University poll released in late August", "found", "that most voters backed the plan")]),
    ("The panel decided against fact-checking the mayor.", [("The panel", "decided against", "fact-checking the mayor")]),
    ("The company plans to cut 300 jobs.", [("The company", "plans", "to cut 300 jobs")]),
])
def test_poll_time_and_decisions_of_a_noun_subject(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", ["The plan seeks to cut taxes.", "The bill supports farmers.",
                                  "The budget plans for growth."])
def test_a_thing_has_no_wish_or_position(text):
    assert rows(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("In Dorsey's favor, all the experts I interviewed said her plan was more detailed.", "all the experts I interviewed"),
    ("Everyone we spoke to said the plan was too complex.", "Everyone we spoke to"),
    ("The officials he met said the plan was dead.", "The officials he met"),
    ("After the vote we said the plan was dead.", "we"),
])
def test_contact_relative_clause_in_the_subject(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("In a Valen Radio interview Dorsey declared that the treaty was obsolete.", "Dorsey"),
    ("In a 2016 meeting with the editorial board of the Harbour Gazette Dorsey said the treaty was obsolete.", "Dorsey"),
    ("In Tarsk the foreign ministry said the treaty was over.", "the foreign ministry"),
    ("In a statement the foreign ministry said it was over.", "the foreign ministry"),
    ("At the summit the head of the Tarsk delegation said it was over.", "the head of the Tarsk delegation"),
    ("In all, about half of voters said the tax was fair.", "about half of voters"),
])
def test_fronted_setting_without_comma_is_not_the_subject(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ('"The law is clear on this point," said the ruling.', "the ruling"),
    ("The ruling said the law was clear.", "The ruling"),
])
def test_an_ing_noun_after_a_determiner_heads_the_source(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]


def test_an_ing_adjective_is_no_head():
    assert rows("The long-standing dispute remains, officials said.") == [
        ("officials", "said", "The long-standing dispute remains")]


@pytest.mark.parametrize("text, speaker", [
    ('"This is a dark day for our farmers," lamented Orla Vintry, head of the growers\' union.',
     "Orla Vintry, head of the growers' union"),
    ('"This is a dark day," said Orla Vintry, head of the growers’ union, on Monday.',
     "Orla Vintry, head of the growers’ union"),
    ('"It is over," said Ana Lopes, now a senior fellow at the institute.',
     "Ana Lopes, now a senior fellow at the institute"),
])
def test_inverted_speaker_with_plural_possessive_and_time(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ('Mayor Lien Dorsey put it bluntly: "The city is broke."', "Mayor Lien Dorsey"),
    ('Dorsey put it this way: "The city is broke."', "Dorsey"),
])
def test_put_it_before_a_colon_reports_wording(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]


def test_put_it_on_the_table_is_no_report():
    assert rows("Dorsey put it on the table.") == []


@pytest.mark.parametrize("text", [
    "The army supports the police with helicopters.",
    "Orsk backed the rebels with weapons and money.",
    "It seems that the talks have stalled.",
    "The minister appeared at a rally in Orsk on Friday.",
    "Thousands of migrants are seeking asylum in Valen.",
    "Support for the government fell to 30 percent.",
    "The plan appears to have failed.",
])
def test_non_speech_senses_are_no_attribution(text):
    assert rows(text) == []


def test_a_position_with_a_manner_stays():
    assert rows("Dorsey supports the bill with some reservations.") == [
        ("Dorsey", "supports", "the bill with some reservations")]


@pytest.mark.parametrize("text, speaker", [
    ("“So why did the mayor not pay?” a narrator in the Dorsey ad asks.", "a narrator in the Dorsey ad"),
    ("The ad also mentions that Dorsey lied.", "The ad"),
])
def test_an_ad_and_its_narrator_are_sources(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]


def test_one_word_quoted_sentence_continues_the_speech():
    got = rows('"Nobody will be left behind," she said. "Nobody."')
    assert got == [("she", "said", '"Nobody will be left behind,"'), ("she", "said", '"Nobody."')]


def test_one_word_quote_inside_a_sentence_stays_a_scare_quote():
    assert rows('The word "Never." was painted on the wall.') == []


@pytest.mark.parametrize("text, expected", [
    ("Dorsey avoids condemning the invasion of Tarsk.", [("Dorsey", "avoids condemning", "the invasion of Tarsk")]),
    ("Lopes stopped criticizing the mayor.", [("Lopes", "stopped criticizing", "the mayor")]),
])
def test_catenative_verb_and_gerund_are_one_cue(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ("The three ministers all said the talks had failed.", "The three ministers"),
    ("Lopes and Dorsey both said the deal was dead.", "Lopes and Dorsey"),
    ("They each said the vote was rigged.", "They"),
])
def test_floating_quantifier_is_not_part_of_the_source(text, speaker):
    assert [r[0] for r in rows(text)] == [speaker]
