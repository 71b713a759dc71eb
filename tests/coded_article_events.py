"""The events a coder records in the seed article (../shared/seed/article.txt).

Written by reading the article as an event coder would (CAMEO conventions: one event per
source/act/target; a reported claim gives the speech act and, apart, the alleged act), before
any rule was tuned on the article. Each entry names its sentence by a character offset into the
article (``at``: a row matches when the paragraph of its cue holds that offset), so the project
keeps none of the article's words; ``SEED_SHA256`` pins the article the offsets belong to.

Fields: at (character offset inside the sentence), source, acts (act classes a coder would accept),
targets (accepted target actors; None = no target), factuality (accepted values).
``SEED_REQUIRED`` are events a coder must record; ``SEED_ALLOWED`` are events a coder may record
(coders differ on them), so the toolkit is neither required to find them nor counted wrong when
it does. Any other event the toolkit reports in the article is spurious.
"""

#: SHA-256 of ../shared/seed/article.txt (UTF-8) that the offsets below were taken from.
SEED_SHA256 = "d92201acdb8fa2c7"

ASSERTED = frozenset({"asserted"})
NOT_ASSERTED = frozenset({"conditional", "hypothetical", "future", "requested", "negated", "alleged", "question"})
FUTURE = frozenset({"future", "asserted"})

SEED_REQUIRED = [
    # S1: the Kremlin's conditional threat toward the US. The threat is made by its own verb:
    # asserted with its condition span since events fact.threat_asserted (the wire coders'
    # codebook: the threat is asserted, the act it holds out conditional); conditional as first coded.
    {"at": 16, "source": "RUS", "acts": {"threaten"}, "targets": {"USA"},
     "factuality": {"conditional", "asserted"}},
    # S3: Peskov blames the West for Russia's war.
    {"at": 375, "source": "RUS",
     "acts": {"statement", "accuse"}, "targets": {"WEST", None}, "factuality": ASSERTED},
    # S5: Biden says his administration is considering allowing Ukraine long-range weapons.
    {"at": 670, "source": "USA",
     "acts": {"statement", "consider", "offer"}, "targets": {"UKR", None}, "factuality": ASSERTED},
    # S5: US and UK diplomats arrive in Kyiv.
    {"at": 805, "source": "USA", "acts": {"visit", "consult"},
     "targets": {"UKR"}, "factuality": ASSERTED},
    {"at": 805, "source": "GBR", "acts": {"visit", "consult"},
     "targets": {"UKR"}, "factuality": ASSERTED},
    # S6: Peskov accuses Washington of increasing its involvement.
    {"at": 1045, "source": "RUS", "acts": {"accuse"},
     "targets": {"USA"}, "factuality": ASSERTED},
    # S7: Ukraine asks (the US) for permission to strike inside Russia.
    {"at": 1219, "source": "UKR",
     "acts": {"appeal", "demand"}, "targets": {"USA"}, "factuality": ASSERTED},
    # S8: Blinken and Lammy plan to visit Kyiv.
    {"at": 1699, "source": "USA",
     "acts": {"visit", "offer", "consult"}, "targets": {"UKR"}, "factuality": FUTURE},
    {"at": 1699, "source": "GBR",
     "acts": {"visit", "offer", "consult"}, "targets": {"UKR"}, "factuality": FUTURE},
    # S10: Blinken announces a Biden-Starmer meeting.
    {"at": 1834, "source": "USA", "acts": {"consult", "offer"},
     "targets": {"GBR"}, "factuality": FUTURE},
    # S12: a US promise to weigh Kyiv's requests.
    {"at": 2093, "source": "USA",
     "acts": {"statement", "consider", "offer"}, "targets": {"UKR"}, "factuality": FUTURE},
    # S12: Blinken says Russia poses a threat: an accusation, not a US threat.
    {"at": 2280, "source": "USA", "acts": {"accuse", "statement"},
     "targets": {"RUS"}, "factuality": ASSERTED},
    # S12: Russia destroys Ukraine's energy infrastructure, as Blinken reports it.
    {"at": 2424, "source": "RUS", "acts": {"attack"},
     "targets": {"UKR"}, "factuality": {"alleged", "asserted"}},
    # S13: Moscow condemns Western military aid and accuses the West.
    {"at": 2483, "source": "RUS", "acts": {"criticize", "accuse"},
     "targets": {"WEST"}, "factuality": ASSERTED},
    {"at": 2669, "source": "RUS", "acts": {"accuse", "criticize"},
     "targets": {"WEST"}, "factuality": ASSERTED},
]

SEED_ALLOWED = [
    # S1: the hypothetical Ukrainian strike and US lifting of restrictions (not asserted).
    {"at": 16, "source": "UKR", "acts": {"attack"}, "targets": {"RUS"},
     "factuality": NOT_ASSERTED},
    {"at": 16, "source": "USA", "acts": {"offer", "agree", "yield"},
     "targets": {"UKR"}, "factuality": NOT_ASSERTED},
    # S3-S4: Peskov's statements, with or without the West as target.
    {"at": 375, "source": "RUS", "acts": {"attack"},
     "targets": {"UKR"}, "factuality": {"asserted", "alleged"}},
    {"at": 426, "source": "RUS", "acts": {"statement"},
     "targets": {None, "WEST"}, "factuality": ASSERTED},
    {"at": 873, "source": "RUS",
     "acts": {"statement", "accuse"}, "targets": {None, "USA"}, "factuality": ASSERTED},
    # S5: Biden mentions; the allowing itself is only under consideration.
    {"at": 670, "source": "USA", "acts": {"offer", "agree", "aid"},
     "targets": {"UKR"}, "factuality": NOT_ASSERTED},
    # S7: the hypothetical strike; the US's caution and wish to support Ukraine.
    {"at": 1219, "source": "UKR", "acts": {"attack"},
     "targets": {"RUS"}, "factuality": NOT_ASSERTED},
    {"at": 1453, "source": "USA",
     "acts": {"offer", "aid", "reject", "statement"}, "targets": {"UKR"},
     "factuality": {"asserted", "future", "hypothetical"}},
    {"at": 1453, "source": "USA", "acts": {"attack", "fight"},
     "targets": {"RUS"}, "factuality": {"negated", "hypothetical"}},
    # S8: the joint press conference as a US-UK consultation.
    {"at": 1699, "source": "USA", "acts": {"consult"},
     "targets": {"GBR"}, "factuality": ASSERTED},
    {"at": 1699, "source": "GBR", "acts": {"consult"},
     "targets": {"USA"}, "factuality": ASSERTED},
    # S9: "They" (Blinken and Lammy) aim to coordinate military aid with Ukraine.
    {"at": 1753, "source": "USA", "acts": {"offer", "aid", "cooperate"},
     "targets": {"UKR"}, "factuality": FUTURE},
    {"at": 1753, "source": "GBR", "acts": {"offer", "aid", "cooperate"},
     "targets": {"UKR"}, "factuality": FUTURE},
    # S10-S11: the meeting and the decision on support, both ahead.
    {"at": 1834, "source": "GBR", "acts": {"consult", "offer"},
     "targets": {"USA"}, "factuality": FUTURE},
    {"at": 1956, "source": "USA",
     "acts": {"offer", "aid"}, "targets": {"UKR"}, "factuality": NOT_ASSERTED | FUTURE},
    {"at": 1956, "source": "GBR",
     "acts": {"offer", "aid"}, "targets": {"UKR"}, "factuality": NOT_ASSERTED | FUTURE},
    # S12: the US will consider requests (the requests are Ukraine's appeal).
    {"at": 2093, "source": "UKR", "acts": {"appeal"},
     "targets": {"USA", None}, "factuality": {"asserted", "alleged"}},
    # S13: Western aid to Ukraine as condemned by Moscow; the feared Russia-NATO confrontation.
    {"at": 2483, "source": "WEST", "acts": {"aid"}, "targets": {"UKR"},
     "factuality": {"asserted", "alleged"}},
    {"at": 2483, "source": "RUS", "acts": {"attack", "fight"},
     "targets": {"NATO"}, "factuality": NOT_ASSERTED},
    {"at": 2483, "source": "WEST", "acts": {"attack", "fight", "coerce"},
     "targets": {"RUS"}, "factuality": NOT_ASSERTED | {"alleged"}},
]
