"""Events round 11: gaps the escalation 1.27.0 vocabulary left (a reported consequence is the
speaker's threat, a possessive of the act's object names the reporting state, a gerund after
"of", a protest handed over, a warning against the addressee's act). Constructed sentences,
new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, rows, run

pytestmark = NEEDS_TAGGER


def _main(out):
    m = out[out["main"].astype(bool)]
    return [(r.source_actor, r.act, r.target_actor) for r in m.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # claim.consequence_threat: the one who would pay is the speaker's target, and the main row
    ("Ankara said Nicosia would pay a heavy price for the drilling deal.", ("TUR", "threaten", "CYP")),
    ("Caracas said Georgetown would regret its decision.", ("VEN", "threaten", "GUY")),
    ("The Kremlin said Tallinn would pay dearly for removing the monument.", ("RUS", "threaten", "EST")),
])
def test_reported_consequence_is_the_speakers_threat(text, expected):
    out = run(text)
    assert _main(out) == [expected], rows(out)
    # the one who would pay does not threaten
    assert not any(r[1] == "threaten" and r[0] == expected[2] for r in rows(out)), rows(out)


def test_a_warned_consequence_gives_one_threat():
    # negative: the warning already is the threat; the reported "would pay" adds no second row
    got = [r for r in rows(run("Hezbollah warned that Israel would pay a heavy price if it attacked Lebanon."))
           if r[1] == "threaten"]
    assert len(got) == 1 and got[0][:3] == ("HEZBOLLAH", "threaten", "ISR"), got


@pytest.mark.parametrize("text, expected", [
    # target.claimant_possessive: "its airspace" with the reporter after the act
    ("A Russian reconnaissance plane violated its airspace twice, Helsinki said.", ("RUS", "FIN")),
    ("Two Azerbaijani drones violated its airspace on Sunday, Yerevan said.", ("AZE", "ARM")),
])
def test_its_object_names_the_reporting_state(text, expected):
    got = [(r[0], r[2]) for r in rows(run(text)) if r[1] == "mobilize"]
    assert got == [expected], rows(run(text))


def test_its_object_after_a_preposed_reporter_is_coreference():
    # negative: the reporter before the act is not what "its" refers to
    got = rows(run("Chisinau said the winter would be hard for Ukraine while Moscow keeps bombing "
                   "its power grid."))
    assert not any(r[0] == "RUS" and r[2] == "MDA" for r in got), got


def test_the_noun_a_gerund_completes_is_no_doer():
    # agent.of_gerund_none: one row, not one per conjunct of "the cost and the risk" (a party
    # as its target: a row naming no party at all is dropped, drop.actorless)
    out = run("The cost and the risk of moving troops into Mali were high.")
    got = [r for r in rows(out) if r[1] == "mobilize"]
    assert len(got) == 1 and got[0][0] is None, rows(out)
    # negative: a possessor is the doer
    got = rows(run("Serbia's habit of moving troops near the boundary worried Pristina."))
    assert any(r[0] == "SRB" and r[1] == "mobilize" for r in got), got


@pytest.mark.parametrize("text, expected", [
    # verb.transfer_object: a protest handed over is an official complaint (CAMEO 114)
    ("Slovakia handed the Hungarian ambassador a protest note.", ("SVK", "criticize", "HUN")),
    ("Thailand handed Cambodia a formal protest over the shelling.", ("THA", "criticize", "KHM")),
])
def test_a_protest_handed_over(text, expected):
    assert expected in [r[:3] for r in rows(run(text))], rows(run(text))


def test_a_handed_document_is_no_protest():
    # negative: what is handed decides; a copy of a report is no complaint
    got = rows(run("Norway handed Iceland a copy of the fisheries report."))
    assert not any(r[1] == "criticize" for r in got), got


@pytest.mark.parametrize("text, expected", [
    # warn.against with an addressee: a warning at it, not an appeal
    ("Rabat warned Algiers against arming the separatists.", ("MAR", "warn", "DZA", "asserted")),
    ("Kinshasa warned Kigali against any new incursion.", ("COD", "warn", "RWA", "asserted")),
])
def test_a_warning_against_the_addressees_act(text, expected):
    assert expected in rows(run(text)), rows(run(text))


def test_a_warning_against_with_no_addressee_stays_an_appeal():
    got = rows(run("The Chilean president warned against the spread of organised crime."))
    assert any(r[1] == "appeal" for r in got) and not any(r[1] == "warn" for r in got), got
