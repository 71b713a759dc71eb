"""Lexicons: files validate, matching is on lemmas and phrases, offsets slice back."""
from __future__ import annotations

import pytest

from toolkit import lexicon
from toolkit.lexicon import LexiconError, from_records
from toolkit.tokenize import tokenize_documents

LEX = from_records("demo", [
    {"entry": "stern warning", "category": "warn"},
    {"entry": "warn", "category": "warn"},
    {"entry": "respond ... accordingly", "category": "threat"},
    {"entry": "all necessary measures", "category": "threat"},
    {"entry": "US", "category": "actor", "match_on": "text"},
], max_gap=4)


def _find(text, lex=LEX, **kw):
    _, toks = tokenize_documents(["d"], [text])
    hits = lex.find(toks, {"d": text}, **kw)
    assert all(text[a:b] == t for a, b, t in zip(hits.start, hits.end, hits.text))
    return [(h.category, h.text) for h in hits.itertuples()]


@pytest.mark.parametrize("text, expected", [
    ("They issued stern warnings.", [("warn", "stern warnings")]),
    ("Moscow warned the US.", [("warn", "warned"), ("actor", "US")]),
    ("let us talk", []),  # lower-case "us" is not the US
    ("It will respond “accordingly”.", [("threat", "respond “accordingly")]),
    ("It will respond to them at once and accordingly.", []),  # gap longer than max_gap
    ("We will respond. Accordingly, we act.", []),  # gaps never cross sentences
    ("They will take all necessary measures.", [("threat", "all necessary measures")]),
])
def test_matching(text, expected):
    assert _find(text) == expected


def test_overlaps_all_keeps_nested():
    got = _find("a stern warning", overlaps="all")
    assert ("warn", "stern warning") in got and ("warn", "warning") in got


def test_every_bundled_lexicon_is_valid():
    for name in lexicon.names():
        lex = lexicon.load(name)
        assert lexicon.validate(lex) == [], name
        assert lex.meta["sources"], f"{name}: provenance (sources) missing"
        assert str(lex.meta["changelog"][0]["version"]) == lex.version


def test_user_lexicon_errors_name_file_and_line(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        "name: mine\nversion: 1.0.0\ndescription: d\ncategories: {a: first}\nmatch_on: lemma\n"
        "sources: [me]\nchangelog: [{version: 1.0.0, date: 2026-01-01, changes: new}]\n", encoding="utf-8")
    (tmp_path / "mine.csv").write_text("entry,category\nred line,a\nblue line,b\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"mine\.csv line 3: category 'b' is not declared"):
        lexicon.load(tmp_path / "mine.yaml")
    (tmp_path / "mine.csv").write_text("entry,category\nred line,a\n", encoding="utf-8")
    lex = lexicon.load(tmp_path / "mine.yaml")
    assert lex.tag == "mine@1.0.0" and _find("They crossed a red line.", lex) == [("a", "red line")]


def test_version_must_match_changelog(tmp_path):
    (tmp_path / "x.yaml").write_text(
        "name: x\nversion: 2.0.0\ndescription: d\ncategories: {a: a}\nmatch_on: lemma\nsources: [s]\n"
        "changelog: [{version: 1.0.0}]\n", encoding="utf-8")
    (tmp_path / "x.csv").write_text("entry,category\nz,a\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="not the first changelog entry"):
        lexicon.load(tmp_path / "x.yaml")


def test_unknown_lexicon_name():
    with pytest.raises(LexiconError, match="value must be one of"):
        lexicon.load("no_such_lexicon")
