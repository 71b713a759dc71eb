"""The ``cue_kind`` of quote rows (reporting_verbs 1.9.0 ``cue_kinds``): speech, or one of the
other things PolNeAR and PARC attribute (a belief, evidence, an intention, a position, a
silence), so that a study of who says what can keep only speech."""
from __future__ import annotations

import pandas as pd
import pytest

from toolkit import lexicon
from toolkit.quotes import cue_kind, cue_kinds, find_quotes
from toolkit.tokenize import tokenize_documents

KINDS = {"speech", "thought", "evidence", "intention", "position", "silence"}


def rows(text: str) -> list[tuple]:
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks, None)
    return [(r.kind, r.speaker, r.cue, r.cue_kind) for r in q.itertuples()]


def test_every_class_of_the_bundled_lexicon_has_a_declared_kind():
    lex = lexicon.load("reporting_verbs")
    declared = lex.meta["cue_kinds"]
    assert set(declared) == set(lex.categories)
    assert set(declared.values()) <= KINDS
    assert {"speech", "thought", "evidence"} <= set(declared.values())


def test_a_users_class_without_a_kind_is_speech():
    lex = lexicon.load("reporting_verbs")
    kinds = cue_kinds(lex)
    assert kinds["cognitive"] == "thought" and kinds["accusatory"] == "speech"
    assert cue_kind("indirect", "grumbling", kinds) == "speech"
    assert cue_kind("direct", None, kinds) == "speech"
    assert cue_kind("scare", None, kinds) is None


@pytest.mark.parametrize("text, expected", [
    ("Councillor Wenna Marsk said the depot in Halloran would close.",
     ("indirect", "Councillor Wenna Marsk", "said", "speech")),
    ("Wenna Marsk believes the depot in Halloran will close.",
     ("indirect", "Wenna Marsk", "believes", "thought")),
    ("Polls show Wenna Marsk trailing in Halloran.",
     ("indirect", "Polls", "show", "evidence")),
    ("Wenna Marsk wants to close the depot in Halloran.",
     ("indirect", "Wenna Marsk", "wants", "intention")),
    ("Wenna Marsk did not immediately respond to requests for comment.",
     ("indirect", "Wenna Marsk", "did not immediately respond to", "silence")),
])
def test_rows_carry_the_kind_of_their_cue(text, expected):
    assert expected in rows(text)


def test_a_quotation_is_speech_and_a_scare_quote_has_no_kind():
    got = rows("“We will not close the depot,” said Oskar Brandvik. The “rescue plan” failed.")
    assert ("direct", "Oskar Brandvik", "said", "speech") in got
    assert [k for kind, *_, k in got if kind == "scare"] == [None]


def test_keeping_speech_drops_the_belief_but_not_the_statement():
    text = ("Oskar Brandvik said the ferry to Tallis would run. "
            "Wenna Marsk fears the ferry to Tallis will stop.")
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(pd.DataFrame({"doc_id": ["d"], "text": [text]}), sents, toks, None)
    assert q.loc[q["cue_kind"] == "speech", "speaker"].tolist() == ["Oskar Brandvik"]
