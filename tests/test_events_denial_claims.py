"""Claimants of reported events (issue 17). A denial that answers an accusation after a comma
("..., a charge Minsk denied", rule ``claim.relative_denial``): the accusation stays an
asserted speech act, the act it charges is alleged by the accuser, and the denier is
claimant of neither; the denial is a row of its own aimed at the accuser. Constructed
sentences, with and without the quotes step (whose quote "a charge X denied" once lent the
denier the claim). A quote of a state's own outlet ("according to Syria's state news agency
SANA") claims for that state; "They said" after "X officials said" claims for X."""
from __future__ import annotations

import pandas as pd
import pytest
from test_events import NEEDS_TAGGER, run

from toolkit.events import _claim_noun_speaker

pytestmark = NEEDS_TAGGER


def _claims(out: pd.DataFrame) -> list[tuple]:
    cols = ["source_actor", "act", "target_actor", "factuality", "claimant_actor"]
    return [tuple(None if pd.isna(v) else v for v in r) for r in out[cols].itertuples(index=False)]


@pytest.mark.parametrize("with_quotes", [False, True])
@pytest.mark.parametrize("text, expected, absent", [
    ("Azerbaijan accused Armenia on Sunday of firing on its positions near Lachin, a charge Yerevan denied.",
     [("AZE", "accuse", "ARM", "asserted", None), ("ARM", "attack", "AZE", "alleged", "AZE"),
      ("ARM", "deny", "AZE", "asserted", None)],
     [("ARM", "attack", "AZE", "denied", "ARM")]),
    ("Sudan's army accused the United Arab Emirates of supplying weapons to the Rapid Support Forces, "
     "an accusation Abu Dhabi rejected.",
     [("SDN", "accuse", "ARE", "asserted", None), ("ARE", "reject", "SDN", "asserted", None)],
     [("SDN", "accuse", "ARE", "denied", "ARE"), ("SDN", "accuse", "ARE", "alleged", "ARE")]),
    ("Nepal accused India of moving soldiers into Kalapani, a claim New Delhi denied on Friday.",
     [("NPL", "accuse", "IND", "asserted", None), ("IND", "deny", "NPL", "asserted", None)],
     [("NPL", "accuse", "IND", "denied", "IND")]),
    # near misses: a denial with a subject of its own still denies what it governs
    ("Armenia denied that its troops had fired on Azerbaijani positions.",
     [("ARM", "attack", "AZE", "denied", "ARM")], []),
    ("Azerbaijan said Armenian troops had fired on its positions, but Yerevan denied it.",
     [("ARM", "attack", "AZE", "alleged", "AZE")], []),
])
def test_a_relative_denial_claims_nothing_of_the_accusation(text, expected, absent, with_quotes):
    got = _claims(run(text, with_quotes=with_quotes))
    assert all(x in got for x in expected) and not any(x in got for x in absent), got


def test_claim_noun_speaker():
    assert _claim_noun_speaker("a charge Minsk") and _claim_noun_speaker("allegations Beijing")
    assert not _claim_noun_speaker("the foreign ministry") and not _claim_noun_speaker("charge")
    assert not _claim_noun_speaker(None) and not _claim_noun_speaker("Reports")


@pytest.mark.parametrize("text, expected", [
    # "according to" a state's own outlet: the state claims what it reports (claim.quote)
    ("According to Syria's state news agency SANA, Israeli jets struck a base near Homs.",
     ("ISR", "attack", "SYR", "alleged", "SYR")),
    ("According to the state news agency SANA, Israeli jets struck a base near Homs.",
     ("ISR", "attack", "SYR", "alleged", "SYR")),
    # near miss: an independent outlet claims for no state
    ("According to Al Jazeera, Israeli jets struck a base near Homs.",
     ("ISR", "attack", "SYR", "asserted", None)),
])
def test_a_state_outlets_quote_claims_for_its_state(text, expected):
    assert expected in _claims(run(text, with_quotes=True))


def test_they_claims_for_the_group_that_spoke():
    # "They" after "Chinese officials said": the officials' state claims (not the ships' state)
    text = ("Vietnamese ships blocked a Chinese survey vessel near the Paracels, Chinese officials said. "
            "They said Vietnamese sailors had boarded the vessel.")
    got = _claims(run(text, with_quotes=True))
    assert ("VNM", "coerce", None, "alleged", "CHN") in got, got
    assert ("CHN", "statement", None, "asserted", None) in got, got
