"""Sub-national places, their officials and bodies with generic names (actors 1.4.0).

Constructed wire-copy sentences with invented people. The positive cases fail on actors 1.3.1
(the places were not in the gazetteer); the negative ones guard the traps: a place never
speaks, a contested region gives no state to its officials, a disputed place no claimant, and
US states and rivers are not the places of the same name.
"""
import pandas as pd
import pytest

from toolkit.actors import find_mentions, mentions_from_tables
from toolkit.quotes import find_quotes
from toolkit.tokenize import tokenize_documents


def _rows(text):
    m = find_mentions(text)
    return [(r.text, r.actor, bool(r.location)) for r in m.itertuples()]


@pytest.mark.parametrize("text, place, actor", [
    ("Glide bombs hit a market in Poltava on Friday.", "Poltava", "UKR"),
    ("Drones struck an oil depot near Voronezh overnight.", "Voronezh", "RUS"),
    ("Tanks moved towards Nuseirat at dawn.", "Nuseirat", "PSE"),
    ("Shelling of Kassala forced thousands to flee.", "Kassala", "SDN"),
    ("Artillery fire echoed across Sagaing for a third day.", "Sagaing", "MMR"),
    ("Missiles slammed into Tulkarm before dawn.", "Tulkarm", "PSE"),
    # a place is a place even where a capital would be the government: it never speaks
    ("Poltava said the attack killed three people.", "Poltava", "UKR"),
])
def test_a_sub_national_place_is_its_state_as_a_place(text, place, actor):
    assert (place, actor, True) in _rows(text)


@pytest.mark.parametrize("text, surface, actor", [
    ("Kharkiv's mayor Petro Dovhal said the tram depot burned.", "Kharkiv's mayor Petro Dovhal", "UKR"),
    ("The governor of Voronezh, Oleg Sitnikov, said debris fell on a school.",
     "governor of Voronezh, Oleg Sitnikov", "RUS"),
    ("Kursk region's governor Pavel Ilyin said two villages were evacuated.",
     "Kursk region's governor Pavel Ilyin", "RUS"),
    ("Belgorod regional governor Sergei Vetrov said a drone hit a car.",
     "Belgorod regional governor Sergei Vetrov", "RUS"),
    ("The Sumy regional administration said power was restored.", "Sumy regional administration", "UKR"),
    # civilians of a contested region are its state's
    ("Aid agencies said the people of Mariupol lacked water.", "people of Mariupol", "UKR"),
])
def test_an_uncontested_region_gives_its_state_to_its_officials(text, surface, actor):
    m = find_mentions(text)
    rows = m[m["text"] == surface]
    assert len(rows) == 1 and rows.iloc[0]["actor"] == actor and not rows.iloc[0]["location"]


@pytest.mark.parametrize("text", [
    "Luhansk's Russian-installed head Ilya Sorokin said the shelling went on.",
    "The governor of Kherson, Dmytro Lysak, said the ferry was hit.",
    "Goma's new mayor Jean Bahati said the airport would reopen.",
])
def test_a_contested_region_gives_no_state_to_its_officials(text):
    m = find_mentions(text)
    officials = m[~m["location"].astype(bool)]
    assert "UKR" not in set(officials["actor"]) and "COD" not in set(officials["actor"])


def test_a_contested_region_is_no_speakers_state():
    text = "Luhansk's Russian-installed head Ilya Sorokin accused Kyiv of shelling a bakery."
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(docs, sents, toks, mentions_from_tables(docs, toks))
    assert "UKR" not in set(q["speaker_actor"].dropna())


@pytest.mark.parametrize("text", [
    "Chinese ships shadowed a patrol near the Paracels.",
    "Shelling across the line in Kashmir killed two soldiers.",
])
def test_a_disputed_place_is_assigned_to_no_claimant(text):
    m = find_mentions(text)
    assert not any(w in set(m["text"]) for w in ("Paracels", "Kashmir"))


@pytest.mark.parametrize("text, absent", [
    ("Odessa, Texas, police arrested a man.", "Odessa"),
    ("Governor Ann Miller of Georgia signed the budget.", "Georgia"),
    ("Farmers depend on the Helmand river for water.", "Helmand"),
])
def test_us_places_and_rivers_are_not_the_places_of_the_same_name(text, absent):
    assert absent not in set(find_mentions(text)["text"])


def test_the_governor_of_an_unknown_place_is_not_the_last_governor():
    m = find_mentions("Governor Ann Miller spoke first. Later the governor of Vermont said no.")
    assert list(m["person"].dropna()) == ["Ann Miller"]


@pytest.mark.parametrize("text, surface, actor", [
    ("The Peace and Security Council suspended Gabon.", "Peace and Security Council", "AU"),
    ("Iran's Supreme National Security Council met on Sunday.",
     "Iran's Supreme National Security Council", "IRN"),
    ("The Security Council of Russia discussed the drills.", "Security Council of Russia", "RUS"),
    ("The Security Council of Kazakhstan warned of unrest.", "Security Council of Kazakhstan", "KAZ"),
    ("A Revolutionary Guard commander said the drill was over.", "Revolutionary Guard commander", "IRN"),
])
def test_bodies_with_generic_names_are_their_own(text, surface, actor):
    m = find_mentions(text)
    rows = m[m["text"] == surface]
    assert len(rows) == 1 and rows.iloc[0]["actor"] == actor
    assert "UNSC" not in set(m["actor"])


@pytest.mark.parametrize("text, unsc", [
    ("Armenia's Security Council said the border was calm.", False),
    ("The Security Council of Kazakhstan met on Monday.", False),
    ("The Security Council of the United Nations met on Monday.", True),
    ("China's Security Council veto angered the West.", True),
])
def test_a_states_security_council_is_not_the_uns(text, unsc):
    assert ("UNSC" in set(find_mentions(text)["actor"])) == unsc


@pytest.mark.parametrize("text, surface, actor", [
    ("M23 fighters entered Uvira. Congo's army said it would hold the line.", "Congo's army", "COD"),
    ("Congo accused Rwanda of arming the rebels who took Bukavu.", "Congo", "COD"),
    # negatives: the Republic of the Congo where a name only it has is there, or nothing says DR Congo
    ("Congo and Gabon signed a fishing deal in Brazzaville.", "Congo", "COG"),
    ("Congo held a referendum on Sunday.", "Congo", "COG"),
])
def test_bare_congo_is_the_dr_congo_in_news_about_it(text, surface, actor):
    m = find_mentions(text)
    assert m.loc[m["text"] == surface, "actor"].tolist() == [actor]


@pytest.mark.parametrize("text, place, actor", [
    # "eastern Congo" is the DR Congo, whatever bare "Congo" is read as
    ("Rebels advanced in eastern Congo on Monday.", "eastern Congo", "COD"),
    ("Eastern Congo has seen fighting for decades.", "Eastern Congo", "COD"),
    # a town whose last word is another state's capital is its own state's town
    ("Insurgents attacked Mocimboa da Praia at dawn.", "Mocimboa da Praia", "MOZ"),
])
def test_a_region_named_with_another_states_name_is_its_own_states(text, place, actor):
    assert (place, actor, True) in _rows(text)


def test_bare_congo_without_context_stays_the_republic_of_the_congo():
    assert ("Congo", "COG", False) in _rows("Congo and Gabon signed a fisheries deal.")
