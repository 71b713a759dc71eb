"""Towns named with their state after a comma, names inside other names, given names.

Constructed wire-copy sentences with invented people (actors review of session 10). A town
that shares its name with a capital or a state ("Moscow, Idaho", "Lebanon, Pennsylvania",
"Tripoli, Lebanon") is the town of the state named after the comma, never its namesake; a list
of states or a clause after the comma is no such apposition.
"""
import pandas as pd
import pytest

from toolkit.actors import find_mentions, mentions_from_tables
from toolkit.quotes import find_quotes
from toolkit.tokenize import tokenize_documents


def _speaker_actors(text):
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(docs, sents, toks, mentions_from_tables(docs, toks))
    return set(q["speaker_actor"].dropna())


@pytest.mark.parametrize("text, absent", [
    ("The mayor of Moscow, Idaho, said the footbridge would reopen.", "RUS"),
    ("The mayor of Paris, Kentucky, said the horse show was cancelled.", "FRA"),
    ("The mayor of London, Ontario, said the library would close early.", "GBR"),
    ("The mayor of Berlin, New Hampshire, said the paper mill would reopen.", "DEU"),
    ("The mayor of Athens, Georgia, said the stadium would reopen.", "GRC"),
    ("The mayor of Tripoli, Lebanon, said the port had run out of diesel.", "LBY"),
])
def test_a_towns_official_is_not_the_namesakes(text, absent):
    assert absent not in {a for a in find_mentions(text)["actor"].dropna()}
    assert absent not in _speaker_actors(text)


@pytest.mark.parametrize("text, actor", [
    ("The mayor of Tripoli, Lebanon, said the port had run out of diesel.", "LBN"),
    ("The mayor of Baghdad, Iraq, said the power cuts would end soon.", "IRQ"),
    ("The governor of Kursk, Russia, said the border villages were evacuated.", "RUS"),
    ("The governor of Georgia's central bank, Nino Kapanadze, said inflation was easing.", "GEO"),
])
def test_the_state_after_the_comma_is_the_speakers(text, actor):
    assert _speaker_actors(text) == {actor}


@pytest.mark.parametrize("text, absent", [
    ("Lebanon, Missouri, will host the rodeo next month.", "Lebanon"),
    ("Cuba, New Mexico, opened a new school on Friday.", "Cuba"),
    ("Mexico, Maine, elected a new town clerk.", "Mexico"),
    ("Residents of Moscow, Idaho, cleared the snow.", "Moscow"),
])
def test_a_us_town_is_not_the_state_of_its_name(text, absent):
    assert absent not in set(find_mentions(text)["text"])


@pytest.mark.parametrize("text, present", [
    ("Armenia, Georgia and Azerbaijan signed the transit pact.", ["Armenia", "Georgia", "Azerbaijan"]),
    ("Envoys from Peru, Mexico and Chile signed the accord.", ["Peru", "Mexico", "Chile"]),
    ("Syria, Lebanon and Jordan closed the crossings.", ["Syria", "Lebanon", "Jordan"]),
    ("Israel agreed to a pause in the fighting in Gaza, Qatar said.", ["Gaza", "Qatar"]),
    ("Russian drones hit Kyiv, Poland said.", ["Kyiv", "Poland"]),
    ("The talks in Doha, Qatar, ended without a deal.", ["Doha", "Qatar"]),
])
def test_lists_and_clauses_after_a_comma_keep_every_state(text, present):
    names = set(find_mentions(text)["text"])
    assert all(p in names for p in present)


def test_a_contested_region_inside_an_outlets_name_is_not_the_place():
    text = "The Donetsk News Agency, a Russian-backed outlet, said Ukrainian shells hit Horlivka."
    assert "Donetsk" not in set(find_mentions(text)["text"])
    # its offices and region words keep it the place
    assert "Donetsk" in set(find_mentions("Russian shells hit Donetsk City overnight.")["text"])


def test_a_states_name_before_a_known_surname_is_a_given_name():
    m = find_mentions("Georgia Macron warned the board against new fees.")
    assert "GEO" not in set(m["actor"].dropna())
    assert "GEO" in set(find_mentions("Georgia warned Russia against new troop movements.")["actor"])
