"""A speech verb reporting another party's entry into the speaker's own ground accuses it
(claim.accuse through events._incursion, events.yaml incursion_nouns), as a reported conflict
act does; the speaker's own entry, an entry nowhere of its own and a plain report stay
statements. A threat of a plain speech verb (escalation speech_frames.announced) is aimed as the
statement was. Constructed wire sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected", [
    ("Bolivia said Peruvian troops had crossed into its territory.", ("BOL", "accuse", "PER", "asserted")),
    ("Lithuania said Belarusian aircraft had flown into Lithuanian airspace.", ("LTU", "accuse", "BLR", "asserted")),
    ("Oman said Yemeni boats had entered Omani waters overnight.", ("OMN", "accuse", "YEM", "asserted")),
])
def test_a_reported_incursion_is_an_accusation(text, expected):
    got = rows(run(text, with_quotes=True))
    assert expected in got, got


@pytest.mark.parametrize("text, speaker", [
    ("Chile said its navy had entered Chilean waters to rescue the crew.", "CHL"),
    ("Croatia said it had received the letter from Slovenia.", "HRV"),
    ("Latvia said Estonia had opened a new consulate.", "LVA"),
    ("Sweden said the talks with Finland had been useful.", "SWE"),
])
def test_near_misses_stay_statements(text, speaker):
    got = rows(run(text, with_quotes=True))
    assert not any(r[0] == speaker and r[1] == "accuse" for r in got), got


def test_an_announced_threat_takes_the_announced_acts_target():
    got = rows(run("Sudan said it would close its border with Chad if the raids did not stop.", with_quotes=True))
    assert ("SDN", "threaten", "TCD", "asserted") in got, got


@pytest.mark.parametrize("text, expected", [
    # noun.planned: a conflict act noun as the object of a verb of planning is the planner's act,
    # so a report of it accuses the planner
    ("Guyana said Venezuela was preparing an attack on the Essequibo region.", ("GUY", "accuse", "VEN", "asserted")),
    ("Ghana said Togo had plotted a military attack on Accra.", ("GHA", "accuse", "TGO", "asserted")),
])
def test_a_reported_planned_attack_is_an_accusation(text, expected):
    got = rows(run(text, with_quotes=True))
    assert expected in got, got


@pytest.mark.parametrize("text", [
    # near-misses: a suspicion is no one's charge of the suspect's act; a planned meeting is no attack
    "Latvian police detained a man suspected of plotting arson attacks, Riga said.",
    "Senegal said it was preparing a summit with Gambia.",
])
def test_no_planned_attack_row(text):
    got = rows(run(text, with_quotes=True))
    assert not any(r[1] in ("attack", "accuse") for r in got), got
