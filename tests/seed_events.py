"""The events a coder records in the seed article (../shared/seed/article.txt).

Written by reading the article as an event coder would (CAMEO conventions: one event per
source/act/target; a reported claim gives the speech act and, apart, the alleged act), before
any rule was tuned on the article. Each entry names the sentence by a snippet of its text.

Fields: where (snippet inside the sentence), source, acts (act classes a coder would accept),
targets (accepted target actors; None = no target), factuality (accepted values).
``SEED_REQUIRED`` are events a coder must record; ``SEED_ALLOWED`` are events a coder may record
(coders differ on them), so the toolkit is neither required to find them nor counted wrong when
it does. Any other event the toolkit reports in the article is spurious.
"""

ASSERTED = frozenset({"asserted"})
NOT_ASSERTED = frozenset({"conditional", "hypothetical", "future", "requested", "negated", "alleged", "question"})
FUTURE = frozenset({"future", "asserted"})

SEED_REQUIRED = [
    # S1: the Kremlin's conditional threat toward the US.
    {"where": "issued a stern warning", "source": "RUS", "acts": {"threaten"}, "targets": {"USA"},
     "factuality": {"conditional"}},
    # S3: Peskov blames the West for the 'special military operation'.
    {"where": "is already a response to Western actions", "source": "RUS",
     "acts": {"statement", "accuse"}, "targets": {"WEST", None}, "factuality": ASSERTED},
    # S5: Biden says his administration is considering allowing Ukraine long-range weapons.
    {"where": "his administration was considering", "source": "USA",
     "acts": {"statement", "consider", "offer"}, "targets": {"UKR", None}, "factuality": ASSERTED},
    # S5: US and UK diplomats arrive in Kyiv.
    {"where": "diplomats arrived in Kyiv", "source": "USA", "acts": {"visit", "consult"},
     "targets": {"UKR"}, "factuality": ASSERTED},
    {"where": "diplomats arrived in Kyiv", "source": "GBR", "acts": {"visit", "consult"},
     "targets": {"UKR"}, "factuality": ASSERTED},
    # S6: Peskov accuses Washington of increasing its involvement.
    {"where": "Peskov also accused Washington", "source": "RUS", "acts": {"accuse"},
     "targets": {"USA"}, "factuality": ASSERTED},
    # S7: Ukraine asks (the US) for permission to strike inside Russia.
    {"where": "Ukraine has been pushing for permission", "source": "UKR",
     "acts": {"appeal", "demand"}, "targets": {"USA"}, "factuality": ASSERTED},
    # S8: Blinken and Lammy plan to visit Kyiv.
    {"where": "discussed their plans to visit Kyiv", "source": "USA",
     "acts": {"visit", "offer", "consult"}, "targets": {"UKR"}, "factuality": FUTURE},
    {"where": "discussed their plans to visit Kyiv", "source": "GBR",
     "acts": {"visit", "offer", "consult"}, "targets": {"UKR"}, "factuality": FUTURE},
    # S10: Blinken announces a Biden-Starmer meeting.
    {"where": "announced a meeting between", "source": "USA", "acts": {"consult", "offer"},
     "targets": {"GBR"}, "factuality": FUTURE},
    # S12: the US will consider Ukraine's requests.
    {"where": "the US will consider Ukraine", "source": "USA",
     "acts": {"statement", "consider", "offer"}, "targets": {"UKR"}, "factuality": FUTURE},
    # S12: Blinken says Russia poses a threat: an accusation, not a US threat.
    {"where": "Russia poses the greatest threat", "source": "USA", "acts": {"accuse", "statement"},
     "targets": {"RUS"}, "factuality": ASSERTED},
    # S12: Russia destroys Ukraine's energy infrastructure, as Blinken reports it.
    {"where": "continues to destroy its energy", "source": "RUS", "acts": {"attack"},
     "targets": {"UKR"}, "factuality": {"alleged", "asserted"}},
    # S13: Moscow condemns Western military aid and accuses the West.
    {"where": "repeatedly condemned Western", "source": "RUS", "acts": {"criticize", "accuse"},
     "targets": {"WEST"}, "factuality": ASSERTED},
    {"where": "accusing the West of provoking", "source": "RUS", "acts": {"accuse", "criticize"},
     "targets": {"WEST"}, "factuality": ASSERTED},
]

SEED_ALLOWED = [
    # S1: the hypothetical Ukrainian strike and US lifting of restrictions (not asserted).
    {"where": "issued a stern warning", "source": "UKR", "acts": {"attack"}, "targets": {"RUS"},
     "factuality": NOT_ASSERTED},
    {"where": "issued a stern warning", "source": "USA", "acts": {"offer", "agree", "yield"},
     "targets": {"UKR"}, "factuality": NOT_ASSERTED},
    # S3-S4: Peskov's statements, with or without the West as target.
    {"where": "is already a response to Western actions", "source": "RUS", "acts": {"attack"},
     "targets": {"UKR"}, "factuality": {"asserted", "alleged"}},
    {"where": "no need to expect reactions", "source": "RUS", "acts": {"statement"},
     "targets": {None, "WEST"}, "factuality": ASSERTED},
    {"where": "All these decisions have most likely", "source": "RUS",
     "acts": {"statement", "accuse"}, "targets": {None, "USA"}, "factuality": ASSERTED},
    # S5: Biden mentions; the allowing itself is only under consideration.
    {"where": "his administration was considering", "source": "USA", "acts": {"offer", "agree", "aid"},
     "targets": {"UKR"}, "factuality": NOT_ASSERTED},
    # S7: the hypothetical strike; the US's caution and wish to support Ukraine.
    {"where": "Ukraine has been pushing for permission", "source": "UKR", "acts": {"attack"},
     "targets": {"RUS"}, "factuality": NOT_ASSERTED},
    {"where": "met with caution from the US", "source": "USA",
     "acts": {"offer", "aid", "reject", "statement"}, "targets": {"UKR"},
     "factuality": {"asserted", "future", "hypothetical"}},
    {"where": "met with caution from the US", "source": "USA", "acts": {"attack", "fight"},
     "targets": {"RUS"}, "factuality": {"negated", "hypothetical"}},
    # S8: the joint press conference as a US-UK consultation.
    {"where": "discussed their plans to visit Kyiv", "source": "USA", "acts": {"consult"},
     "targets": {"GBR"}, "factuality": ASSERTED},
    {"where": "discussed their plans to visit Kyiv", "source": "GBR", "acts": {"consult"},
     "targets": {"USA"}, "factuality": ASSERTED},
    # S9: "They" (Blinken and Lammy) aim to coordinate military aid with Ukraine.
    {"where": "They aim to further coordinate", "source": "USA", "acts": {"offer", "aid", "cooperate"},
     "targets": {"UKR"}, "factuality": FUTURE},
    {"where": "They aim to further coordinate", "source": "GBR", "acts": {"offer", "aid", "cooperate"},
     "targets": {"UKR"}, "factuality": FUTURE},
    # S10-S11: the meeting and the decision on support, both ahead.
    {"where": "announced a meeting between", "source": "GBR", "acts": {"consult", "offer"},
     "targets": {"USA"}, "factuality": FUTURE},
    {"where": "expected to decide on additional support", "source": "USA",
     "acts": {"offer", "aid"}, "targets": {"UKR"}, "factuality": NOT_ASSERTED | FUTURE},
    {"where": "expected to decide on additional support", "source": "GBR",
     "acts": {"offer", "aid"}, "targets": {"UKR"}, "factuality": NOT_ASSERTED | FUTURE},
    # S12: the US will consider requests (the requests are Ukraine's appeal).
    {"where": "the US will consider Ukraine", "source": "UKR", "acts": {"appeal"},
     "targets": {"USA", None}, "factuality": {"asserted", "alleged"}},
    # S13: Western aid to Ukraine as condemned by Moscow; the feared Russia-NATO confrontation.
    {"where": "repeatedly condemned Western", "source": "WEST", "acts": {"aid"}, "targets": {"UKR"},
     "factuality": {"asserted", "alleged"}},
    {"where": "repeatedly condemned Western", "source": "RUS", "acts": {"attack", "fight"},
     "targets": {"NATO"}, "factuality": NOT_ASSERTED},
    {"where": "repeatedly condemned Western", "source": "WEST", "acts": {"attack", "fight", "coerce"},
     "targets": {"RUS"}, "factuality": NOT_ASSERTED | {"alleged"}},
]
