"""Speaker states an adversarial review found wrong (issue 17): a demand in a speaker's own content
is not its description, a dateline naming another state makes the one found compete, a governor or an
official named earlier with a nationality is not placed by the text's state, an embassy or a
company spokesman is not the host state's, a coast guard ship is no earlier mention of the coast
guard, and two regional blocs leave "the bloc" open. Wire copy written for these tests."""
from __future__ import annotations

import pytest
from test_speakers_offices import _speaker

CASES = [
    # 1. a demand on the state the speaker's own content names is no evidence: the dateline decides
    ("RIGA (Reuters) - Belarus must halt the migrant flights, the interior ministry said on Monday.",
     "the interior ministry", "LVA", "description_state"),
    ("Belarus must halt the migrant flights, the interior ministry said on Monday.",
     "the interior ministry", None, None),
    ("QUITO (Reuters) - A Peruvian envoy said \"Ecuador must explain itself.\" "
     "Lima should recall its consul, the foreign ministry said.", "the foreign ministry", "ECU", "description_state"),
    # 2. one state found, a dateline naming another: competing, except police (set in the dateline's state)
    ("LUSAKA (Reuters) - Malawi expelled 30 Zambian traders on Friday. The trade ministry said it would help them.",
     "The trade ministry", None, None),
    ("LILONGWE (Reuters) - Malawi expelled 30 Zambian traders on Friday. The trade ministry said more would go.",
     "The trade ministry", "MWI", "description_state"),
    ("VILNIUS (Reuters) - Belarus denied sending balloons over the border. Police said two smugglers were held.",
     "Police", "LTU", "description_state"),
    # 3. governors and earlier-named officials
    ("BOISE, Idaho (Reuters) - Canada criticised new timber duties. Governor Dale Whitcomb said the state would not back down.",
     "Governor Dale Whitcomb", None, None),
    ("Brazil raised tariffs on wheat this week. Governor Ana Lobato said farmers would adapt.",
     "Governor Ana Lobato", "BRA", "title_context"),   # no dateline: a speech or briefing
    ("Brazil raised tariffs on wheat this week. Parana Governor Ana Lobato said farmers would adapt.",
     "Parana Governor Ana Lobato", None, None),
    ("MAPUTO (Reuters) - Mozambican police detained Malawian Trade Minister Grace Phiri on Friday, "
     "and Minister Grace Phiri said the detention was unlawful.", "Minister Grace Phiri", "MWI", "mention"),
    # a minister: the one state of an earlier sentence outranks a dateline naming another
    ("HANOI (Reuters) - Laos said floods had cut the river road. Energy Minister Toan Vu said repairs would take weeks.",
     "Energy Minister Toan Vu", "LAO", "title_context"),
    # a governor: a dateline naming another state, or one of a place no state names, leaves him open
    ("OTTAWA (Reuters) - Mexico criticised the new duties. Governor Paul Vachon said the province would respond.",
     "Governor Paul Vachon", None, None),
    ("BOZEMAN, Montana (Reuters) - Canada criticised the new duties. Governor Dale Whitcomb said the state would respond.",
     "Governor Dale Whitcomb", None, None),
    ("ACCRA (Reuters) - Ghana will send 300 soldiers to Mali next month, President Kwame Boateng said.",
     "President Kwame Boateng", "GHA", "title_context"),
    # 4. an embassy, a company spokeswoman
    ("OSLO (Reuters) - Norway detained a Chilean sailor on Tuesday. The embassy said it had asked for access.",
     "The embassy", None, None),
    ("DHAKA (Reuters) - Bangladesh banned the sale of Zenka phones. A company spokesman said the firm would appeal.",
     "A company spokesman", None, None),
    # 5. a craft of an office is no mention of the office
    ("JAKARTA (Reuters) - A Malaysian coast guard boat rammed an Indonesian trawler. The coast guard said no one was hurt.",
     "The coast guard", None, None),
    ("KUALA LUMPUR (Reuters) - A Malaysian coast guard boat rammed an Indonesian trawler. The coast guard said it acted lawfully.",
     "The coast guard", "MYS", "description_state"),
]


@pytest.mark.parametrize("text,span,actor,rule", CASES)
def test_review_speakers(text, span, actor, rule):
    got_actor, got_rule = _speaker(text, span)
    assert got_actor == actor
    if actor is not None:
        assert got_rule == rule


def test_bloc_with_two_regional_blocs_is_open():
    text = ("ACCRA (Reuters) - ECOWAS ministers met in Accra while the African Union observed. "
            "Guinea must hold elections, the bloc said.")
    assert _speaker(text, "the bloc") == (None, None)
