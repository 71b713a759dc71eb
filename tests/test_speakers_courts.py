"""Unnamed offices whose state or organisation the sentence gives another way (issue 17):
prosecutors and courts take the court's state (``court_state``, sector JUD), "a Commission
spokesman" the organisation its capitalised word names (``org_staff``), a military office after
"X launched drones at Y" Y's (``launch_victim``). Sentences written for these tests, end to end;
near misses stay empty or keep their rule."""
from __future__ import annotations

import pytest
from test_speakers_wire import _speaker


@pytest.mark.parametrize("text, span, actor, rule", [
    ("A Dutch court on Tuesday convicted two men of smuggling drone parts to Iran, prosecutors said.",
     "prosecutors", "NLD", "court_state"),
    ("A court in Ankara sentenced a former officer to life in prison, the prosecutor said.",
     "the prosecutor", "TUR", "court_state"),
    ("A Kenyan court freed two activists on bail on Monday. Prosecutors said they would appeal.",
     "Prosecutors", "KEN", "court_state"),
    # near misses: no court named; a court of no state
    ("Russia accused Ukraine of shelling Kursk, prosecutors said.", "prosecutors", None, None),
    ("The court said Moldova had violated the treaty.", "The court", None, None),
])
def test_prosecutors_take_the_courts_state(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


@pytest.mark.parametrize("text, span, actor, rule", [
    ("The European Commission opened an anti-subsidy probe into Chinese electric buses on Wednesday. "
     "A Commission spokeswoman said the probe would take 13 months.", "A Commission spokeswoman",
     "EU", "org_staff"),
    ("The African Union suspended Gabon on Monday. A Commission official said the suspension would be "
     "reviewed.", "A Commission official", None, None),
    # a lower-case office is a state's, as before
    ("Peru raised fuel taxes on Monday. A ministry spokesman said the tax would stay.",
     "A ministry spokesman", "PER", "description_state"),
])
def test_staff_of_a_named_organisation(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


@pytest.mark.parametrize("text, span, actor, rule", [
    ("Iran fired 30 missiles at Israel overnight, the military said.", "the military", "ISR",
     "launch_victim"),
    ("China sent 12 warplanes toward Taiwan on Friday, the defence ministry said.", "the defence ministry",
     "TWN", "launch_victim"),
    ("Russia fired missiles at Kyiv overnight, the air force said.", "the air force", "UKR", "launch_victim"),
    # near misses: no launch verb, a demonym, the attacker's own terms
    ("Russia struck energy facilities in Ukraine, the air force said.", "the air force", None, None),
    ("Serbia shot down Kosovan drones over Raska, the army said.", "the army", "SRB", "description_state"),
    ("Turkey bombed PKK camps in northern Iraq, the defence ministry said.", "the defence ministry", "TUR",
     "description_state"),
])
def test_a_launch_at_a_state_is_reported_by_its_military(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


@pytest.mark.parametrize("text, span, actor, rule", [
    # an unnamed official: its office names it; the same one later keeps its state
    ("ACCRA (Reuters) - Ghana will close its border with Togo for a week, a foreign ministry official said. "
     "\"We have no choice,\" the official said.", "the official", "GHA", "same_staff"),
    ("ACCRA (Reuters) - Ghana will close its border with Togo for a week, a foreign ministry official said.",
     "a foreign ministry official", "GHA", "description_state"),
    # near misses: a bare "an official" names no office; "the official" with none before
    ("Peru raised fuel taxes on Monday. An official said the tax would stay.", "An official", None, None),
    ("Kenya and Somalia held talks. \"We are disappointed,\" the official said.", "the official", None, None),
])
def test_an_unnamed_official_keeps_its_state(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


@pytest.mark.parametrize("text, span, actor, rule", [
    # a spokesperson whose title names an office named before with its state (rule title_org)
    ("MANILA (Reuters) - A Chinese coast guard ship fired a water cannon at a Philippine boat, the "
     "Philippine coast guard said. Coast guard spokesman Ramon Dizon said the crew was safe.",
     "Coast guard spokesman Ramon Dizon", "PHL", "title_org"),
    ("A Chinese navy ship shadowed a Malaysian patrol boat near Luconia, the Malaysian navy said. "
     "Navy spokesman Ahmad Razali said the ship left after an hour.", "Navy spokesman Ahmad Razali",
     "MYS", None),
])
def test_a_spokesperson_of_an_office_named_before(text, span, actor, rule):
    got = _speaker(text, span)
    assert got[0] == actor and (rule is None or got[1] == rule), got


@pytest.mark.parametrize("text, span, actor", [
    # an organisation in the clause before the comma is not the title's ("at the IAEA board,
    # Foreign Minister X said"): the minister and his later "he" are the state's
    ("MUSCAT (Reuters) - Oman will press its case at the IAEA board, Foreign Minister Badr Hamadi said. "
     "\"We are ready,\" he said.", "he", "OMN"),
    # near miss: an organisation in the title itself makes it no state's office (not Nigeria's)
    ("Nigeria hosted the summit. ECOWAS Commission President Omar Toure said the bloc would meet.",
     "ECOWAS Commission President Omar Toure", None),
])
def test_an_organisation_before_a_comma_is_not_the_titles(text, span, actor):
    assert _speaker(text, span)[0] == actor


@pytest.mark.parametrize("text, span, actor, rule", [
    # "the spokesman" after "his spokesman said": the same unnamed spokesman, not the last person
    ("LUSAKA (Reuters) - Zambian President Hakainde Hichilema will visit Berlin for talks with Olaf Scholz, "
     "his spokesman said. The spokesman said the two leaders would sign a minerals deal.",
     "The spokesman", "ZMB", "same_staff"),
    ("LUSAKA (Reuters) - Zambian President Hakainde Hichilema will visit Berlin for talks with Olaf Scholz, "
     "his spokesman said. The spokesman, Anthony Bwalya, said the two leaders would sign a minerals deal.",
     "The spokesman, Anthony Bwalya", "ZMB", "role_appositive"),
    # "a navy spokesman" after "The Indonesian navy ...": that navy's
    ("The Indonesian navy freed 12 Thai fishermen held by pirates off Malaysia on Sunday, a navy "
     "spokesman said.",
     "a navy spokesman", "IDN", "same_office"),
    # the royal court speaks for the monarch named before it
    ("AMMAN (AP) - Jordan's King Abdullah received Iran's foreign minister in Amman on Tuesday for talks on "
     "Gaza, the royal court said.", "the royal court", "JOR", "royal_court"),
    # near misses: two monarchs; no monarch
    ("King Charles hosted the Emir of Qatar at Windsor. The palace said the visit went well.",
     "The palace", None, None),
    ("Protesters marched on parliament in Rabat, the royal court said.", "the royal court", None, None),
])
def test_unnamed_staff_and_the_royal_court(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)


@pytest.mark.parametrize("text, span, actor, rule", [
    ("Three Chinese warships were detected around Taiwan on Monday, the island's defence ministry said.",
     "the island's defence ministry", "TWN", "country_possessive"),
    ("Floods hit Bangladesh on Monday. The country's disaster ministry said 40 people had died.",
     "The country's disaster ministry", "BGD", "country_possessive"),
    # near misses: two states named; no state named
    ("Russia attacked Ukraine overnight, the country's defence ministry said.",
     "the country's defence ministry", None, None),
    ("Floods hit the north on Monday, the country's disaster ministry said.",
     "the country's disaster ministry", None, None),
])
def test_the_countrys_office_is_the_state_named_before(text, span, actor, rule):
    assert _speaker(text, span) == (actor, rule)
