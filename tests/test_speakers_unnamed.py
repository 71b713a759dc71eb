""""He"/"she" whose antecedent is an official named only by role ("Norway's foreign minister
... He said"): the state and no person, as quote speakers and as event sources and targets."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from test_events import NEEDS_TAGGER

from toolkit import actors, escalation, events, quotes
from toolkit.actors import mentions_from_tables
from toolkit.quotes import find_quotes, resolve_speaker_spans
from toolkit.tokenize import tokenize_documents

DATE = pd.Timestamp("2022-04-10", tz="UTC")


def _docs(text: str) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["d"], "text": [text], "date": [DATE]})


def speaker(text: str, span: str, nth: int = 0) -> tuple:
    """(actor, person, rule) of the speaker span ``span`` (its ``nth`` occurrence as a word)."""
    docs = _docs(text)
    sents, toks = tokenize_documents(["d"], [text])
    a = [m.start() for m in re.finditer(rf"\b{re.escape(span)}\b", text)][nth]
    spans = pd.DataFrame({"doc_id": ["d"], "start": [a], "end": [a + len(span)]})
    row = resolve_speaker_spans(docs, sents, toks, mentions_from_tables(docs, toks), spans).iloc[0]
    return tuple(None if pd.isna(v) else v for v in (row.speaker_actor, row.speaker_person, row.speaker_rule))


@pytest.mark.parametrize("text, span, nth, expected", [
    # "<State>'s <role>", "the <Nationality> <role>": the state, no person
    ("Norway's foreign minister arrived in Ankara on Monday. He said the talks would resume.",
     "He", 0, ("NOR", None, "pronoun_role")),
    ("The Chilean president condemned the coup. She also recalled the years of dictatorship.",
     "She", 0, ("CHL", None, "pronoun_role")),
    ("Peru's prime minister told reporters that the vote would go ahead. He added that the "
     "army would stay in its barracks.", "He", 0, ("PER", None, "pronoun_role")),
    # the gender the noun gives; a chain of pronouns follows the description
    ("The Kremlin spokeswoman denied the report. She said it was false.", "She", 0,
     ("RUS", None, "pronoun_role")),
    ("Norway's foreign minister arrived in Ankara. He met Turkish officials. Later he said "
     "the talks had gone well.", "he", 0, ("NOR", None, "pronoun_role")),
    # the earlier sentence's subject comes first; in its own sentence, the description before it
    ("Norway's foreign minister met Volodymyr Zelenskiy in Kyiv. He said the talks went well.",
     "He", 0, ("NOR", None, "pronoun_role")),
    ("Norway's foreign minister said he would travel to Kyiv.", "he", 0, ("NOR", None, "pronoun_role")),
    # named people keep their pronouns: the subject named, an apposition, a state's person
    # named earlier whose description this may be
    ("Volodymyr Zelenskiy met Norway's foreign minister in Kyiv. He said the talks went well.",
     "He", 0, ("UKR", "Volodymyr Zelensky", "pronoun_person")),
    ("Ukraine's president Volodymyr Zelenskiy spoke on Monday. He said the talks went well.",
     "He", 0, ("UKR", "Volodymyr Zelensky", "pronoun_person")),
    ("Norway's foreign minister, Espen Barth Eide, arrived in Ankara. He said talks would resume.",
     "He", 0, ("NOR", "Espen Barth Eide", "pronoun_person")),
    ("Hillary Clinton spoke on Monday. The former first lady and U.S. senator said it was a "
     "mistake, but she denied wrongdoing.", "she", 0, ("USA", "Hillary Clinton", "pronoun_person")),
    ("Kamala Harris spoke in Iowa. The U.S. senator said the plan was ready. He said it was not.",
     "He", 0, (None, None, None)),
    # ... unless the description's noun gives the other gender
    ("Vladimir Putin spoke on Monday. The Kremlin spokeswoman denied the report. She said it "
     "was false.", "She", 0, ("RUS", None, "pronoun_role")),
    # negatives: a group, a plural role, an organisation, a place, a role inside a quotation,
    # a noun of the other gender
    ("Russian soldiers entered the town. He said nothing had happened.", "He", 0, (None, None, None)),
    ("The foreign ministers met in Rome. He said the talks went well.", "He", 0, (None, None, None)),
    ("Russia's defence ministry said the strikes hit their targets. He said more would follow.",
     "He", 0, (None, None, None)),
    ("Talks opened in Ankara on Monday. He said they went well.", "He", 0, (None, None, None)),
    ("“Norway's foreign minister will come,” a source said. He said the talks would resume.",
     "He", 0, (None, None, None)),
    ("The Kremlin spokeswoman denied the report. He said it was false.", "He", 0, (None, None, None)),
])
def test_unnamed_officials_are_antecedents_of_he_and_she(text, span, nth, expected):
    assert speaker(text, span, nth) == expected


def quote_rows(text: str) -> list[tuple]:
    docs = _docs(text)
    sents, toks = tokenize_documents(["d"], [text])
    q, _ = find_quotes(docs, sents, toks, mentions_from_tables(docs, toks))
    return [tuple(None if pd.isna(v) else v for v in (r.speaker, r.speaker_actor, r.speaker_person, r.speaker_rule))
            for r in q.itertuples()]


@pytest.mark.parametrize("text, expected", [
    # the quote row, its continuation and "he added" all take the official's state
    ("Norway's foreign minister arrived in Ankara on Monday. “The talks will resume,” he said. "
     "“We are ready.”\n\n“Nothing has changed,” he added.",
     [("he", "NOR", None, "pronoun_role"), ("he", "NOR", None, "continued_quote"),
      ("he", "NOR", None, "pronoun_role")]),
    # negative: after "the ministry said" no one is "he"
    ("Russia's defence ministry said the strikes hit their targets. “More will follow,” he said.",
     [("he", None, None, None)]),
])
def test_quote_rows_take_the_unnamed_officials_state(text, expected):
    assert [r for r in quote_rows(text) if r[0] == "he"] == expected


def event_rows(text: str) -> list[tuple]:
    docs = _docs(text)
    s, t = tokenize_documents(["d"], [text])
    tb = {"documents": docs, "sentences": s, "tokens": t}
    tb["mentions"] = actors.mentions_from_tables(docs, t)
    tb.update(quotes.ANNOTATOR.func(tb))
    tb.update(escalation.annotate(tb))
    out = events.annotate(tb)["events"]
    return [tuple(None if pd.isna(v) else v for v in r)
            for r in out[["source_actor", "act", "target_actor", "factuality"]].itertuples(index=False)]


@pytest.mark.parametrize("text, expected, absent", [
    ("Norway's foreign minister arrived in Ankara on Monday. He urged Russia to withdraw its troops.",
     ("NOR", "appeal", "RUS", "asserted"), (None, "appeal", "RUS", "asserted")),
    ("The Chilean president met reporters. She condemned Venezuela's government.",
     ("CHL", "criticize", "VEN", "asserted"), (None, "criticize", "VEN", "asserted")),
    # targets too ("him", "her")
    ("Norway's foreign minister arrived in Moscow on Monday. Russia criticised him.",
     ("RUS", "criticize", "NOR", "asserted"), ("RUS", "criticize", None, "asserted")),
    ("The Chilean president met reporters. Venezuela criticised her.",
     ("VEN", "criticize", "CHL", "asserted"), ("VEN", "criticize", None, "asserted")),
    # negatives: a group of soldiers is not "he"; an organisation is not "he"
    ("Russian soldiers entered the town. He urged Ukraine to surrender.",
     (None, "appeal", "UKR", "asserted"), ("RUS", "appeal", "UKR", "asserted")),
    ("Russia's defence ministry issued a statement. He urged Ukraine to surrender.",
     (None, "appeal", "UKR", "asserted"), ("RUS", "appeal", "UKR", "asserted")),
])
@NEEDS_TAGGER
def test_event_arguments_take_the_unnamed_officials_state(text, expected, absent):
    got = event_rows(text)
    assert expected in got and absent not in got, got
