"""Entries with ``a|b`` alternatives: matched, named by their first alternative (hits by the
spelling they matched), refused with the
file and line when malformed; and every bundled lexicon's entries can match a sentence written
from their own pattern (an entry that cannot is dead data, as `representation|representations`
was while `|` had no meaning)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from toolkit import lexicon
from toolkit.lexicon import LexiconError, from_records
from toolkit.tokenize import tokenize_documents

LEX = from_records("demo", [
    {"entry": "lodge ... protest|protests", "category": "complain"},
    {"entry": "call for truce|ceasefire", "category": "appeal"},
    {"entry": "blockade|blockades", "category": "force"},
], max_gap=4)


def _find(text, lex=LEX):
    _, toks = tokenize_documents(["d"], [text])
    hits = lex.find(toks, {"d": text})
    assert all(text[a:b] == t for a, b, t in zip(hits.start, hits.end, hits.text))
    return [(h.entry, h.text) for h in hits.itertuples()]


@pytest.mark.parametrize("text, expected", [
    ("Velmar lodged two formal protests with Orsk.", [("lodge ... protest", "lodged two formal protests")]),
    ("Velmar lodged a protest.", [("lodge ... protest", "lodged a protest")]),
    ("Tarsk called for a ceasefire.", []),                    # the article is not in the entry
    ("Tarsk called for ceasefire talks.", [("call for ceasefire", "called for ceasefire")]),
    ("Tarsk called for truce.", [("call for truce", "called for truce")]),
    ("Tarsk called for calm.", []),                           # not an alternative
    ("The blockades held.", [("blockade", "blockades")]),
])
def test_alternatives_match_and_hits_are_named_by_the_spelling_matched(text, expected):
    assert _find(text) == expected


def test_hits_are_named_by_the_spelling_whose_keys_matched():
    # lemmas collapse "protests" onto the first spelling above; on written forms each spelling
    # keeps its name, as the separate rows they replace did
    lex = from_records("w", [{"entry": "ceasefire|truce talks", "category": "c"}], match_on="lower")
    assert _find("Orsk and Tarsk began truce talks.", lex) == [("truce talks", "truce talks")]
    assert _find("Orsk and Tarsk began ceasefire talks.", lex) == [("ceasefire talks", "ceasefire talks")]


def test_entries_keep_the_pattern_and_export_it():
    ents = LEX.entries
    assert ents["entry"].tolist() == ["lodge ... protest", "call for truce", "blockade"]
    assert ents["pattern"].tolist()[0] == "lodge ... protest|protests"
    assert "lodge ... protest|protests" in lexicon.to_csv_string(LEX)
    assert "pattern" not in lexicon.to_csv_string(LEX).splitlines()[0]


@pytest.mark.parametrize("entry, message", [
    ("protest |", "without an alternative after it"),
    ("| protest", "without an alternative before it"),
    ("lodge ... a || b", "without an alternative before it"),
    ("lodge ...", "empty part"),
])
def test_malformed_alternatives_fail_with_file_and_line(tmp_path: Path, entry, message):
    (tmp_path / "x.yaml").write_text(
        "name: x\nversion: 0.1.0\ndescription: d\ncategories: {c: c}\nmatch_on: lemma\n"
        "sources: []\nchangelog: [{version: 0.1.0}]\n", encoding="utf-8")
    pd.DataFrame({"entry": ["warn", entry], "category": ["c", "c"]}).to_csv(tmp_path / "x.csv", index=False)
    with pytest.raises(LexiconError) as err:
        lexicon.load(tmp_path / "x.yaml")
    text = str(err.value)
    assert "x.csv line 3" in text and repr(entry) in text and message in text
    assert "\n" not in text


def test_overlay_alternatives_are_checked_and_matched():
    with pytest.raises(LexiconError, match=r"<DataFrame> line 2: entry 'ban \|'"):
        lexicon.apply_overlay(LEX, pd.DataFrame({"entry": ["ban |"], "category": ["force"]}))
    lex = lexicon.apply_overlay(LEX, pd.DataFrame({"entry": ["embargo|embargoes"], "category": ["force"]}))
    assert _find("Orsk lifted the embargoes.", lex) == [("embargo", "embargoes")]


def test_unmatchable_reports_an_entry_its_own_sentence_cannot_match():
    # a key across a sentence end never matches: keys stay inside one sentence
    lex = from_records("x", [{"entry": "warn", "category": "c"}, {"entry": "warn . Then", "category": "c"}])
    assert [p.split(":")[0] for p in lexicon.unmatchable(lex)] == ["line 3"]


# The lexicons matched with :class:`toolkit.lexicon.Matcher` (actors and people go through the
# actor resolver's own matching and are not checked here).
MATCHED = ["escalation", "framing_diplomatic", "framing_pfc", "framing_sv", "reporting_verbs",
           "rhetoric", "tone"]


@pytest.mark.parametrize("name", MATCHED)
def test_every_bundled_entry_matches_its_own_sentence(name):
    assert lexicon.unmatchable(lexicon.load(name)) == []


def test_entry_parts_are_fresh_lists_though_parsing_is_memoised():
    # Loading a lexicon parses each entry once for the check and its matcher reads the memo:
    # a caller that changes the lists it got must not change what the next caller gets.
    got = lexicon.entry_parts("lodge ... protest|protests")
    got[0].append(("x",))
    got.append([])
    assert lexicon.entry_parts("lodge ... protest|protests") == [[("lodge",)], [("protest", "protests")]]
    with pytest.raises(ValueError, match="without an alternative after it"):
        lexicon.entry_parts("warn|")
    with pytest.raises(ValueError, match="without an alternative after it"):   # errors are not memoised away
        lexicon.entry_parts("warn|")


@pytest.mark.parametrize("token", ["Kyiv’s", "‘talks", "cease‐fire", "plain", "Zürich", "’‘‐", ""])
def test_norm_equals_the_three_replacements(token):
    # The ASCII fast path: the three variants it replaces are not ASCII.
    assert lexicon._norm(token) == token.replace("’", "'").replace("‘", "'").replace("‐", "-")
