"""Lexicons: files validate, matching is on lemmas and phrases, offsets slice back."""
from __future__ import annotations

import pandas as pd
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


# ----------------------------------------------------------------------------- overlays

def _overlay(**cols):
    return pd.DataFrame(cols)


@pytest.mark.parametrize("name", lexicon.names())
def test_every_lexicon_takes_an_overlay(name):
    base = lexicon.load(name)
    first = base.entries.iloc[0]
    category = min(base.categories)
    over = lexicon.load(name, overlay=_overlay(entry=["zyxwv quux", first["entry"]],
                                               category=[category, ""]))
    assert over.tag.startswith(f"{name}@{base.version}+overlay.") and over.meta["overlay"]["added"] == 1
    assert len(over.entries) == len(base.entries[base.entries["entry"].str.lower() != first["entry"].lower()]) + 2
    assert lexicon.validate(over) == lexicon.validate(base)


@pytest.mark.parametrize("rows, entry, expected", [
    # a new cue with only entry and category: a cue of that category, stamped with the overlay
    ({"entry": ["issue an ultimatum"], "category": ["threaten"]}, "issue an ultimatum", {"category": "threaten"}),
    # replacing a bundled cue: empty cells keep the bundled values
    ({"entry": ["Warn"], "goldstein": ["-5.5"]}, "warn", {"goldstein": "-5.5", "cameo": "130"}),
    ({"entry": ["warn"], "category": ["disapprove"], "weight": [2]}, "warn", {"category": "disapprove", "weight": 2.0}),
])
def test_overlay_adds_and_replaces(rows, entry, expected):
    lex = lexicon.load("escalation", overlay=pd.DataFrame(rows))
    got = lex.entries[lex.entries["entry"].str.lower() == entry.lower()]
    assert len(got) == 1
    for col, value in expected.items():
        assert got.iloc[0][col] == value


def test_overlay_removes_and_its_hash_follows_the_content(tmp_path):
    p = tmp_path / "cues.csv"
    p.write_text("entry,remove\nwarn,yes\n")
    lex = lexicon.load("escalation", overlay=p)
    assert "warn" not in set(lex.entries["entry"]) and lex.meta["overlay"]["removed"] == 1
    assert lex.meta["overlay"]["source"] == str(p)
    again = tmp_path / "renamed.csv"
    again.write_text(p.read_text())
    assert lexicon.load("escalation", overlay=again).version == lex.version
    p.write_text("entry,remove\nwarn,no\n")
    assert lexicon.load("escalation", overlay=p).version != lex.version


@pytest.mark.parametrize("text, message", [
    ("entry,colour\nwarn,red\n", r"line 1: columns \['colour'\] are not columns of escalation@"),
    ("entry,category\nbrand new cue,\n", "line 2: new entry 'brand new cue' needs a `category`"),
    ("entry,category\nbrand new cue,menace\n", "line 2: category 'menace' is not declared"),
    ("entry,category\n,threaten\n", "line 2: empty entry"),
    ("entry,remove\nnot there at all,1\n", "line 2: cannot remove 'not there at all'"),
    ("category\nthreaten\n", "line 1"),
    ("entry,category,weight\nbaz,threaten,abc\n", "line 2: weight 'abc' is not a number"),
    ("entry,category,weight\nbaz,threaten,1\nqux,threaten,x1\n", "line 3: weight 'x1' is not a number"),
    ("entry,category\nbaz,threaten\nBaz,warn\n", "lines 2 and 3: entry 'Baz' is given twice"),
    ("entry,weight\nwarn,-2\nwarn,\n", "lines 2 and 3: entry 'warn' is given twice"),
])
def test_bad_overlays_name_the_file_and_line(tmp_path, text, message):
    p = tmp_path / "mine.csv"
    p.write_text(text)
    with pytest.raises(lexicon.LexiconError, match=message) as err:
        lexicon.load("escalation", overlay=p)
    assert str(err.value).startswith(f"{p} ")


def test_overlay_options_reach_each_annotator_and_versions_say_overlay():
    from toolkit.pipeline import registry

    cue = _overlay(entry=["issue an ultimatum"], category=["threaten"])
    opts = lexicon.overlay_options({"escalation": cue, "framing_sv": _overlay(entry=["quarrel"], category=["conflict"]),
                                    "actors": _overlay(entry=["Velmora"], category=["state"], actor=["VLM"])})
    assert set(opts) == {"escalation", "framing", "actors"}
    assert list(opts["framing"]["lexicons"]) == ["framing_sv"]      # the others stay bundled
    versions = lexicon.versions_in_use(registry(), opts)
    assert versions["escalation"].startswith("1.") and "+overlay." in versions["escalation"]
    assert "+overlay." in versions["framing_sv"] and "+overlay." not in versions["framing_pfc"]
    assert "+overlay." in versions["actors"]
    from toolkit import datasets

    assert lexicon.versions_in_use(registry(), datasets.sample_options())["actors_fictional"] == "1.0.0"
    record = lexicon.overlays_in_use(registry(), opts)["escalation"]
    assert record["source"] == "<DataFrame>" and record["sha256"] == lexicon.overlay_digest(cue)
    assert record["added"] == 1 and versions["escalation"].endswith(record["sha256"][:8])
    with pytest.raises(lexicon.LexiconError, match="`lexicon` value = 'escalaton' is invalid"):
        lexicon.overlay_options({"escalaton": cue})


def test_an_overlay_changes_the_analysis(tmp_path):
    """From the command line: a new cue is found, stamped with the overlay's tag."""
    from toolkit import cli

    text = "Velmora decided to issue an ultimatum to Tarsk on Monday.\n"
    (tmp_path / "a.txt").write_text(text)
    cues = tmp_path / "my_cues.csv"
    cues.write_text("entry,category\nissue an ultimatum,threaten\n")
    out = tmp_path / "out"
    assert cli.main(["analyze", str(tmp_path / "a.txt"), "--out", str(out), "--workers", "1",
                     "--annotators", "escalation", "--lexicon", f"escalation={cues}"]) == 0
    esc = pd.read_parquet(out / "escalation.parquet")
    hit = esc[esc["cue"] == "issue an ultimatum"]
    assert len(hit) == 1 and hit["source"].iloc[0].startswith("escalation@") and "+overlay." in hit["source"].iloc[0]
    assert text[hit["start"].iloc[0]:hit["end"].iloc[0]] == "issue an ultimatum"


def test_gapped_parts_join_only_within_a_sentence_that_has_them_all():
    """A part of a gapped entry in a sentence without the entry's other parts is set aside
    before the join (Matcher._join_gaps_arrays); the sentence that has them all still joins."""
    lex = from_records("gaps", [{"entry": "warn ... of ... sanction", "category": "gap3"},
                                {"entry": "urge ... to", "category": "gap2"}], max_gap=3)
    text = ("Quorvia warned of delays. Sanctions followed. Tesland urged calm. "
            "Quorvia warned Tesland of new sanctions. Belmark urged Ostia to talk.")
    assert _find(text, lex) == [("gap3", "warned Tesland of new sanctions"), ("gap2", "urged Ostia to")]
