"""News outlets, datelines and officials named by nationality (actors 1.3.0).

Constructed wire-copy sentences with invented people. The positive cases fail on actors 1.2.1;
the negative ones (an outlet's name used as a place or a word) guard the new entries.
"""
import pytest

from toolkit.actors import find_mentions


def _row(text, surface):
    m = find_mentions(text)
    rows = m[m["text"].str.contains(surface, regex=False)]
    return rows.iloc[0].to_dict() if len(rows) else None


@pytest.mark.parametrize("text, surface, actor, state_media", [
    ("Tasnim reported that the talks would resume.", "Tasnim", "IRN", False),
    ("The semi-official Fars news agency said two drones fell.", "Fars", "IRN", False),
    ("South Korea's Yonhap news agency said the North fired a missile.", "Yonhap", "KOR", False),
    ("Turkish broadcaster TRT World said Ankara summoned the envoy.", "TRT World", "TUR", True),
    ("The Kuwait News Agency, KUNA, said the cabinet met.", "KUNA", "KWT", True),
    ("Speaking to Polish Radio, the minister said more troops would go.", "Polish Radio", "POL", False),
    ("German news agency dpa said the deliveries were approved.", "dpa", "DEU", False),
    ("Chinese state broadcaster CGTN said the sanctions were illegal.", "CGTN", "CHN", True),
    ("Pakistan's Dawn newspaper said the crossing would reopen.", "Dawn", "PAK", False),
    ("The Times of Israel reported that the negotiators left.", "Times of Israel", "ISR", False),
    ("RT said the village had been captured.", "RT", "RUS", True),
    ("The Iranian Students' News Agency, ISNA, said the talks would resume.", "ISNA", "IRN", False),
])
def test_outlets_have_their_country_and_state_media_flag(text, surface, actor, state_media):
    r = _row(text, surface)
    assert r is not None and r["actor"] == actor and r["actor_type"] == "media"
    assert (r["role"] == "state_media") == state_media


@pytest.mark.parametrize("text, surface", [
    ("Floods hit Fars province on Monday.", "Fars"),
    ("Investment in the MENA region fell by a third.", "MENA"),
    ("Tourists returned to Petra after the fighting eased.", "Petra"),
    ("Operation Dawn began before sunrise.", "Dawn"),
    ("Hamid Mehr, a local councillor, said the road was closed.", "Mehr"),
    ("The guardian of the shrine kept the doors shut.", "guardian"),
    ("PTI supporters clashed with police in Lahore.", "PTI"),
    ("ISNA members gathered in Chicago for the convention.", "ISNA"),
])
def test_ambiguous_outlet_names_need_an_outlets_context(text, surface):
    assert _row(text, surface) is None


def test_guardian_council_is_irans_institution_not_the_daily():
    r = _row("Iran's Guardian Council rejected the candidates.", "Guardian Council")
    assert r["actor"] == "IRN" and r["actor_type"] == "state"


def test_an_outlet_with_its_medium_noun_is_the_outlet():
    r = _row("Egypt's MENA news agency said Cairo proposed a truce.", "MENA")
    assert r["text"] == "MENA news agency" and r["kind"] == "media" and r["role"] == "state_media"


def test_state_media_role_nouns_speak_for_their_state():
    r = _row("Iranian state TV said the base was hit.", "state TV")
    assert r["actor"] == "IRN" and r["role"] == "state_media" and r["actor_type"] == "media"
    r = _row("Russian media reported the arrests.", "Russian media")
    assert r["role"] == "media" and r["actor_type"] == "media"


@pytest.mark.parametrize("text, place", [
    ("Kyiv, March 3 (Reuters) - Ukraine's foreign minister warned Hungary.", "Kyiv"),
    ("Islamabad (AFP) - Pakistan accused India of violating the ceasefire.", "Islamabad"),
    ("TEHRAN, Iran (AP) — Iran said it would respond.", "Iran"),
])
def test_a_datelines_place_is_a_place(text, place):
    m = find_mentions(text)
    first = m[m["text"] == place].iloc[0]
    assert bool(first["location"]) and not bool(first["metonym"])


def test_a_dash_aside_is_no_dateline():
    r = _row("Moscow - which denies the claims - said the report was false.", "Moscow")
    assert not r["location"] and r["metonym"]


@pytest.mark.parametrize("text, person, actor", [
    ("Pakistani military spokesman Major General Tariq Nawazi said the raid ended.", "Tariq Nawazi", "PAK"),
    ("Israeli army spokesman Lt. Col. Avi Shemtov said troops entered the camp.", "Avi Shemtov", "ISR"),
    ("Qatar's foreign ministry spokesman Nasser al-Khulaibi said talks would go on.", "Nasser al-Khulaibi", "QAT"),
])
def test_ranks_and_particles_after_a_title(text, person, actor):
    r = _row(text, person)
    assert r["person"] == person and r["actor"] == actor


def test_an_ambassador_to_a_capital_is_the_senders():
    r = _row("Saudi Arabia's ambassador to Washington, Princess Noura bint Saadi, said so.", "Noura")
    assert r["actor"] == "SAU" and r["person"] == "Princess Noura bint Saadi"
    m = find_mentions("Saudi Arabia's ambassador to Washington, Princess Noura bint Saadi, said so.")
    assert "USA" in m["actor"].tolist()  # the host keeps its own row


@pytest.mark.parametrize("text, surface, actor, sector", [
    ("A Pakistani security official said four soldiers were killed.", "security official", "PAK", "GOV"),
    ("A Russian defence official said the drills ended.", "defence official", "RUS", "MIL"),
    ("Iraqi security sources said the convoy was hit.", "security sources", "IRQ", "GOV"),
    ("Congress approved the package.", "Congress", "USA", "LEG"),
    ("A senior State Department official said the visit was off.", "State Department official", "USA", "GOV"),
])
def test_officials_and_institutions_without_a_name(text, surface, actor, sector):
    r = _row(text, surface)
    assert r is not None and r["actor"] == actor and r["sector"] == sector


def test_an_institution_after_an_unknown_owner_takes_no_default_state():
    assert _row("Kestria's Foreign Office said so.", "Foreign Office") is None


@pytest.mark.parametrize("text, person, actor", [
    ("Lebanese caretaker Prime Minister Najib Hadife said Beirut wanted a truce.", "Najib Hadife", "LBN"),
    ("Iraq's acting defence minister Karim Saadoun said the base was hit.", "Karim Saadoun", "IRQ"),
    ("Sudanese army chief General Abdel Karim Osmani said the RSF must withdraw.", "Abdel Karim Osmani", "SDN"),
    ("Kremlin aide Yuri Ushkov said the summit was off.", "Yuri Ushkov", "RUS"),
    ("Hamas commander Ahmed Odeida said the group would fight on.", "Ahmed Odeida", "HAMAS"),
])
def test_titles_with_an_adjective_or_a_military_head(text, person, actor):
    r = _row(text, person)
    assert r is not None and r["person"] == person and r["actor"] == actor


def test_the_army_is_not_the_commander_named_before():
    m = find_mentions("Army chief General Tomas Welland spoke. The army later denied it.")
    later = m[m["start"] > 40]
    assert later.empty or later["person"].isna().all()


def test_a_continent_is_no_part_of_a_name_after_a_title():
    m = find_mentions("Supreme Allied Commander Europe Wesley Clarkson arrived.")
    assert "Europe Wesley Clarkson" not in m["person"].dropna().tolist()


def test_state_media_is_one_role_of_the_lexicon_read_by_speakers_and_events():
    # one definition (actors.STATE_MEDIA); its outlets are actors.csv rows, each named outlet with
    # a note saying whose it is, and role nouns ("state television") that take a state
    from toolkit import events, speakers
    from toolkit.actors import STATE_MEDIA, load_gazetteer

    assert speakers.STATE_MEDIA is STATE_MEDIA and events.STATE_MEDIA is STATE_MEDIA
    e = load_gazetteer().entries
    rows = e[e["role"] == STATE_MEDIA]
    assert {"KCNA", "IRNA", "Xinhua", "SANA"} <= set(rows["entry"])
    assert set(rows["category"]) == {"media", "role"} and set(rows["sector"]) == {"MED"}
    outlets = rows[rows["category"] == "media"]
    assert outlets["note"].str.startswith("state outlet:").all() and (outlets["actor"] != "").all()
    assert {"state television", "state news agency"} <= set(rows.loc[rows["category"] == "role", "entry"])
