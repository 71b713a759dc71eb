"""Claims read as accusations (issue 17, events 0.12.0, clauses 0.3.7): a speaker saying another
party did harm, was behind it or had it done accuses that party, and the harm is alleged.
Rules clause.bare_complement_pp, claim.responsibility, verb.force_subject (passive).
Constructed sentences; each table holds the misfire and the cases that must keep working."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


@pytest.mark.parametrize("text, expected, absent", [
    # a reported clause without "that" whose subject has a phrase of its own
    ("Baghdad said the rocket attack on Iraqi army bases was carried out by Turkey.",
     [("IRQ", "accuse", "TUR", "asserted"), ("TUR", "attack", "IRQ", "alleged")], ("IRQ", "statement", "IRQ", "asserted")),
    # blame for a harm that is no act of the lexicon
    ("The Kremlin said Poland was behind the explosion at the pipeline.", [("RUS", "accuse", "POL", "asserted")],
     ("RUS", "statement", "POL", "asserted")),
    ("Sudan said Chad was responsible for the blast in Geneina.", [("SDN", "accuse", "TCD", "asserted")], None),
    # a harm organised by another party; the verb of organising is no row of its own
    ("Yerevan said the attack on its embassy had been orchestrated by Azerbaijan.",
     [("ARM", "accuse", "AZE", "asserted")], ("AZE", "unclassified", None, "alleged")),
    # a weapon's passive hit is an attack by the weapon's state
    ("Kyiv said its power stations had been hit by Russian drones.",
     [("UKR", "accuse", "RUS", "asserted"), ("RUS", "attack", "UKR", "alleged")], ("RUS", "unclassified", "UKR", "alleged")),
    # held up: no blame for a good thing, for oneself, or when denied
    ("Cairo said Qatar was behind the ceasefire proposal.", [], ("EGY", "accuse", "QAT", "asserted")),
    ("Ankara said Turkey was behind the strike on the convoy.", [], ("TUR", "accuse", "TUR", "asserted")),
    ("Manila said China was not behind the explosion.", [], ("PHL", "accuse", "CHN", "asserted")),
    # a blame the reporting frame leaves open or denies charges nobody (events 0.12.2)
    ("Israel denied it was behind the attack, Iran said.", [], ("IRN", "accuse", "ISR", "asserted")),
    ("Armenia denied that it was responsible for the shelling, Azerbaijan said.", [], ("AZE", "accuse", "ARM", "asserted")),
    ("Iran said Israel denied it was behind the attack.", [], ("IRN", "accuse", "ISR", "asserted")),
    ("Ukraine said it could not confirm that Russia was behind the blast.", [], ("UKR", "accuse", "RUS", "asserted")),
    ("Syria said Turkey was not behind the bombing.", [], ("SYR", "accuse", "TUR", "asserted")),
    ("Iraq said Turkey was not responsible for the attack.", [], ("IRQ", "accuse", "TUR", "asserted")),
    ("Qatar said it was unclear whether Iran was behind the attack.", [], ("QAT", "accuse", "IRN", "asserted")),
    ("Kenya said it was not clear whether Somalia was behind the raid.", [], ("KEN", "accuse", "SOM", "asserted")),
    ("Georgia said Russia was behind the bombing.", [("GEO", "accuse", "RUS", "asserted")], None),
    # held up: "sought refuge in X after ..." is no reported clause
    ("Thousands of Sudanese have sought refuge in Chad after fighting erupted in Darfur.", [],
     ("SDN", "accuse", None, "asserted")),
])
def test_a_claim_of_harm_is_an_accusation(text, expected, absent):
    got = rows(run(text))
    assert all(x in got for x in expected) and (absent is None or absent not in got), got
