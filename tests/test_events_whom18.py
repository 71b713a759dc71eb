"""Events round 18 (events17 helper): who-to-whom of armed groups a state's possessive
introduces, and of denials whose claim is shifted after its judgement or names its accuser in a
reduced relative. Constructed sentences, new names."""
from __future__ import annotations

import pytest
from test_events import NEEDS_TAGGER, run

pytestmark = NEEDS_TAGGER


def _rows(text: str) -> list[tuple]:
    out = run(text, with_quotes=True)
    return [tuple(None if v != v else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality", "rule"]].itertuples(index=False)]


@pytest.mark.parametrize("text, group, state, target", [
    ("Lebanon's Hezbollah fired rockets at northern Israel on Tuesday.", "HEZBOLLAH", "LBN", "ISR"),
    ("Yemen's Houthis threatened to attack ships bound for Israel.", "HOUTHI", "YEM", None),
    ("Sudan's paramilitary Rapid Support Forces shelled El Obeid in Kordofan.", "RSF", "SDN", None),
])
def test_a_group_a_state_possessive_introduces_is_the_group(text, group, state, target):
    got = _rows(text)
    mine = [r for r in got if r[0] == group and r[1] not in ("statement", "unclassified")]
    assert mine and (target is None or any(r[2] == target for r in mine)), got
    assert not any(r[0] == state for r in got), got


def test_a_state_possessive_before_an_envoy_keeps_the_state():
    got = _rows("Iran's envoy to the Houthis warned Riyadh against new strikes.")
    assert any(r[0] == "IRN" for r in got), got
    assert not any(r[0] == "HOUTHI" for r in got), got


@pytest.mark.parametrize("text, denier, accuser", [
    ("Tehran rejected as baseless the accusations made against it by Bahrain.", "IRN", "BHR"),
    ("Hanoi rejected as unfounded the allegations made against it by Manila.", "VNM", "PHL"),
    ("Nepal rejected the claims made against it by India on Friday.", "NPL", "IND"),
    ("Chile denied the accusations levelled against it by Bolivia.", "CHL", "BOL"),
])
def test_a_denial_aims_at_the_accuser_of_its_shifted_or_relative_claim(text, denier, accuser):
    got = _rows(text)
    assert any(r[0] == denier and r[1] in ("deny", "reject") and r[2] == accuser
               and "target.denial_accuser_by" in r[4] for r in got), got


def test_a_claim_with_a_participle_but_no_by_phrase_names_no_accuser():
    got = _rows("Chile denied the accusations published on Monday.")
    assert not any(r[0] == "CHL" and r[2] is not None for r in got), got
