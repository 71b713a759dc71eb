"""One spelling of a step's lexicons: ``lexicons=`` for every annotator, the old spellings read for
one release with a FutureWarning, equal requests sharing a cache key (toolkit.lexicon.choose)."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

from toolkit import lexicon
from toolkit.annotator import OptionError, check_options, registry
from toolkit.pipeline import analyze

TEXT = ("Borovia issued an ultimatum to Tarsk, the minister opined. "
        "The ultimatum may deepen the quarrel, he opined.")

# step -> (bundled lexicon to overlay, the overlay's entries)
OVERLAYS = {
    "actors": ("actors", {"entry": ["Borovia"], "category": ["state"], "actor": ["BOR"],
                          "actor_type": ["state"]}),
    "quotes": ("reporting_verbs", {"entry": ["opine"], "category": ["neutral"]}),
    "framing": ("framing_sv", {"entry": ["quarrel"], "category": ["conflict"]}),
    "escalation": ("escalation", {"entry": ["issue an ultimatum"], "category": ["threaten"]}),
    "rhetoric": ("tone", {"entry": ["ultimatum"], "category": ["warning"], "weight": ["-3"]}),
}


def _file(step: str) -> str:
    name, entries = OVERLAYS[step]
    return str(lexicon.materialize(name, pd.DataFrame(entries)))


def _old(step: str, path: str) -> dict:
    return {"actors": {"gazetteers": [path]}, "quotes": {"lexicon": path},
            "framing": {"extra_lexicons": [path]}, "escalation": {"lexicon": path},
            "rhetoric": {"tone_lexicon_path": path}}[step]


def _new(step: str, path: str) -> list:
    # framing's list names every scheme read (its old meaning, kept for one release): the
    # overlaid scheme in its bundled one's place, the other two as themselves.
    return ["framing_pfc", path, "framing_diplomatic"] if step == "framing" else [path]


def _tables(a, step):
    ann = next(x for x in registry() if x.name == step)
    return {t: a[t].reset_index(drop=True) for t in ann.produces}


@pytest.mark.parametrize("step", list(OVERLAYS))
def test_every_step_reads_lexicons_the_same_way_under_both_spellings(step, tmp_path):
    path = _file(step)
    docs = pd.DataFrame({"doc_id": ["d"], "text": [TEXT]})
    kw = {"annotators": [step], "workers": 1, "cache": tmp_path / "cache"}
    bundled = analyze(docs, **kw)
    new = analyze(docs, options={step: {"lexicons": _new(step, path)}}, **kw)
    as_dict = analyze(docs, options={step: {"lexicons": {OVERLAYS[step][0]: path}}}, **kw)
    with pytest.warns(FutureWarning, match=f"annotator {step!r} is renamed `lexicons`.*write lexicons="):
        old = analyze(docs, options={step: _old(step, path)}, **kw)
    for t, df in _tables(new, step).items():
        pd.testing.assert_frame_equal(df, _tables(old, step)[t])
        pd.testing.assert_frame_equal(df, _tables(as_dict, step)[t])
    # The file was read (the output changed) ...
    assert any(not df.equals(_tables(bundled, step)[t]) for t, df in _tables(new, step).items())
    # ... and the three spellings of one request share one cache entry.
    assert new.meta["run"]["steps_run"][step] == 1
    assert as_dict.meta["run"]["steps_run"][step] == 0 == old.meta["run"]["steps_run"][step]


@pytest.mark.parametrize("step, options, folded", [
    ("actors", {"gazetteers": ["a.csv"]}, {"a": "a.csv"}),
    ("quotes", {"lexicon": "q.yaml"}, {"reporting_verbs": "q.yaml"}),
    ("escalation", {"lexicon": "e.yaml", "event_rule": "first"}, {"escalation": "e.yaml"}),
    ("rhetoric", {"tone_lexicon_path": "t.yaml", "rhetoric_lexicon_path": None}, {"tone": "t.yaml"}),
    ("framing", {"extra_lexicons": ["mine.yaml"]}, {"mine": "mine.yaml"}),
])
def test_old_spellings_fold_into_lexicons_with_a_warning(step, options, folded):
    with pytest.warns(FutureWarning, match=f"option '\\w+' of annotator {step!r} is renamed `lexicons`"):
        out = lexicon.new_spelling(step, options)
    assert out["lexicons"] == folded
    assert not any((step, k) in lexicon.RENAMED_OPTIONS for k in out)


def _user_files(tmp_path) -> dict:
    """A rhetoric lexicon file and a gazetteer CSV, made here (the door checks files exist)."""
    rhet = lexicon.load("rhetoric")
    (tmp_path / "r.csv").write_text(lexicon.to_csv_string(rhet))
    (tmp_path / "r.yaml").write_text(lexicon.resolve("rhetoric").read_text())
    (tmp_path / "gaz.csv").write_text("entry,category,actor,actor_type\nBorovia,state,BOR,state\n")
    return {"r": str(tmp_path / "r.yaml"), "gaz": str(tmp_path / "gaz.csv")}


@pytest.mark.parametrize("step, value, chosen", [
    ("escalation", ["escalation"], None),        # naming a bundled lexicon changes nothing
    ("escalation", None, None),
    ("rhetoric", {"rhetoric": "{r}"}, {"rhetoric": "{r}"}),
    ("actors", "{gaz}", {"gaz": "{gaz}"}),
    ("framing", {"framing_pfc": None}, {"framing_pfc": None}),
])
def test_the_door_gives_one_form(step, value, chosen, tmp_path):
    files = _user_files(tmp_path)

    def fill(v):
        if isinstance(v, str):
            return v.format(**files)
        return {k: fill(x) for k, x in v.items()} if isinstance(v, dict) else v
    opts = check_options({step: {} if value is None else {"lexicons": fill(value)}}, registry())
    assert opts[step].get("lexicons") == fill(chosen)


def test_framings_old_list_of_schemes_is_read_as_before_for_one_release():
    with pytest.warns(FutureWarning, match=r"write lexicons=\{'framing_pfc': None, 'framing_sv': None\}"):
        opts = check_options({"framing": {"lexicons": ["framing_diplomatic"]}}, registry())
    assert lexicon.read_list(opts["framing"]["lexicons"], registry()[2].lexicons) == ["framing_diplomatic"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")       # the new spellings never warn
        check_options({"framing": {"lexicons": ["framing_pfc", "framing_sv", "framing_diplomatic"]},
                       "actors": {"lexicons": []}}, registry())


@pytest.mark.parametrize("options, says", [
    ({"actors": {"gazeteers": []}}, "(did you mean 'lexicons'? 'gazetteers' is its old spelling)"),
    ({"escalation": {"lexicon_": "x"}}, "its options are ['lexicons', 'event_rule']"),
    ({"framing": {"lexicon": []}}, "(did you mean 'lexicons'?)"),
    ({"rhetoric": {"lexicons": ["tonne"]}}, "(did you mean 'tone'?)"),
    ({"escalation": {"lexicons": ["tone"]}}, "not one of the step's lexicons ['escalation']"),
    ({"actors": {"lexicons": {"people": None}}}, "cannot do"),
    ({"quotes": {"lexicons": 3}}, "must be a list of lexicon names or files"),
    ({"rhetoric": {"lexicons": {"tone": 3}}}, "annotator 'rhetoric': 3 is not a lexicon name or file"),
])
def test_mistakes_are_named_at_the_door(options, says):
    with pytest.raises(OptionError) as err:
        check_options(options, registry())
    assert says in str(err.value)


def test_the_order_of_added_lexicons_is_part_of_the_cache_key(tmp_path):
    from toolkit.engine.keys import step_fingerprints

    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for p in (a, b):
        p.write_text("entry,category,actor,actor_type\nBorovia,state,BOR,state\n")
    anns = [a for a in registry() if a.name == "actors"]
    one = check_options({"actors": {"lexicons": [str(a), str(b)]}}, anns)
    other = check_options({"actors": {"lexicons": [str(b), str(a)]}}, anns)
    assert step_fingerprints(anns, options=one)["actors"] != step_fingerprints(anns, options=other)["actors"]
    assert step_fingerprints(anns, options=one) == step_fingerprints(anns, options=dict(one))


# ----------------------------------------------------------------------------- review defects

def _schemes(value) -> set[str]:
    """The schemes the framing step reads under ``lexicons=value``, through the door."""
    from toolkit import framing

    opts = check_options({"framing": {"lexicons": value}}, registry())["framing"]
    items = lexicon.read_list(opts.get("lexicons", {}), framing.DEFAULT_LEXICONS)
    return {framing.scheme_name(x) for x in framing.load_schemes(items)}


PFC_FILE = str(lexicon.resolve("framing_pfc"))


@pytest.mark.parametrize("value, schemes, warns", [
    (["framing_sv", PFC_FILE], {"pfc", "semetko_valkenburg"}, True),     # the old code read two
    ("framing_sv", {"semetko_valkenburg"}, True),                        # a one-item list
    (["framing_sv"], {"semetko_valkenburg"}, True),
    (["framing_pfc", "framing_sv", "framing_diplomatic"], {"pfc", "semetko_valkenburg", "diplomatic"}, False),
    ([PFC_FILE, "framing_sv", "framing_diplomatic"], {"pfc", "semetko_valkenburg", "diplomatic"}, False),
    ({"framing_pfc": None}, {"semetko_valkenburg", "diplomatic"}, False),
    ({"framing_pfc": PFC_FILE}, {"pfc", "semetko_valkenburg", "diplomatic"}, False),
])
def test_framing_reads_the_schemes_its_list_names_as_the_old_code_did(value, schemes, warns):
    from toolkit import framing

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = _schemes(value)
    assert got == schemes
    assert any(issubclass(w.category, FutureWarning) and "read as before" in str(w.message)
               for w in caught) == warns
    # find_frames and frame_catalog read the same value the same way.
    assert set(framing.frame_catalog(value)["scheme"]) == schemes


@pytest.mark.parametrize("step", [a.name for a in registry() if a.lexicon_policy is not None])
def test_lexicon_objects_are_refused_at_the_door_naming_the_step(step):
    ann = next(a for a in registry() if a.name == step)
    lex = lexicon.load(ann.lexicons[0])
    for value in ([lex], {ann.lexicons[0]: lex}):
        with pytest.raises(OptionError) as err:
            check_options({step: {"lexicons": value}}, registry())
        assert f"annotator {step!r}" in str(err.value) and "not the Lexicon object" in str(err.value)
        assert "\n" not in str(err.value)


@pytest.mark.parametrize("step, value, says", [
    ("actors", ["/nope.csv"], "/nope.csv: no such file"),
    ("quotes", {"reporting_verbs": "nope.yaml"}, "nope.yaml: no such file"),
    ("framing", ["nope.yaml"], "nope.yaml: no such file"),
    ("escalation", {"escalation": "{dir}"}, "is not a file"),
    ("rhetoric", {"tone": "{yaml_alone}"}, "alone.csv: no such file"),   # a .yaml needs its .csv
])
def test_missing_lexicon_files_are_named_at_the_door(step, value, says, tmp_path):
    (tmp_path / "d.yaml").mkdir()
    (tmp_path / "alone.yaml").write_text("name: tone\n")
    fill = {"dir": str(tmp_path / "d.yaml"), "yaml_alone": str(tmp_path / "alone.yaml")}
    value = {k: v.format(**fill) for k, v in value.items()} if isinstance(value, dict) else value
    with pytest.raises(OptionError) as err:
        check_options({step: {"lexicons": value}}, registry())
    assert f"annotator {step!r}" in str(err.value) and says in str(err.value)


@pytest.mark.parametrize("command", ["analyze", "report"])
@pytest.mark.parametrize("args, says", [
    (["--gazetteer", "/nope.csv"], "annotator 'actors': /nope.csv: no such file"),
    (["--lexicon", "escalation={bad}"], "line 2: weight 'abc' is not a number"),
    (["--lexicon", "escalation={twice}"], "lines 2 and 3: entry 'Baz' is given twice"),
])
def test_the_command_line_exits_2_before_any_output_folder(command, args, says, tmp_path, capsys):
    from toolkit.cli import main

    (tmp_path / "bad.csv").write_text("entry,category,weight\nbaz,threaten,abc\n")
    (tmp_path / "twice.csv").write_text("entry,category\nbaz,threaten\nBaz,warn\n")
    args = [a.format(bad=tmp_path / "bad.csv", twice=tmp_path / "twice.csv") for a in args]
    out = tmp_path / "out"
    assert main([command, "sample", "--out", str(out), "--workers", "1", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and len(err.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("rows, weight", [
    ("entry,category,weight\nbaz,threaten,-2.5\n", -2.5),
    ("entry,category,weight\nbaz,threaten,\n", None),      # empty: the category's shared value
])
def test_good_overlay_weights_still_load(rows, weight, tmp_path):
    path = tmp_path / "ov.csv"
    path.write_text(rows)
    got = lexicon.load("escalation", overlay=path).entries.query("entry == 'baz'")["weight"].tolist()
    assert len(got) == 1 and (weight is None or got[0] == weight)


@pytest.mark.parametrize("step, options", [
    ("escalation", {"lexicons": ["escalation"]}),
    ("escalation", {"lexicons": {"escalation": "escalation"}}),
    ("rhetoric", {"tone_lexicon_path": "tone"}),
    ("rhetoric", {"lexicons": ["tone", "rhetoric"]}),
    ("quotes", {"lexicons": []}),
    ("framing", {"lexicons": ["framing_pfc", "framing_sv", "framing_diplomatic"]}),
    ("actors", {"lexicons": ["actors", "people"]}),
])
def test_a_request_equal_to_the_default_shares_its_cache_key(step, options):
    from toolkit.engine.keys import step_fingerprints

    anns = [a for a in registry() if a.name == step]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        given = check_options({step: options}, anns)
    assert given == {step: {}}
    assert step_fingerprints(anns, options=given) == step_fingerprints(anns, options=check_options({}, anns))


@pytest.mark.parametrize("step, options, old", [
    ("escalation", {"lexicon": "x.yaml", "lexicons": ["escalation"]}, "lexicon"),
    ("actors", {"gazetteers": ["a.csv"], "lexicons": []}, "gazetteers"),
    ("framing", {"extra_lexicons": ["m.yaml"], "lexicons": {"framing_pfc": None}}, "extra_lexicons"),
    ("rhetoric", {"tone_lexicon_path": "t.yaml", "lexicons": {"rhetoric": "rhetoric"}}, "tone_lexicon_path"),
])
def test_both_spellings_for_one_step_is_an_error_naming_both(step, options, old):
    with pytest.raises(OptionError) as err:
        check_options({step: options}, registry())
    assert f"annotator {step!r}" in str(err.value)
    assert "`lexicons`" in str(err.value) and repr(old) in str(err.value)


def test_both_spellings_with_an_old_value_of_none_is_not_a_conflict():
    with pytest.warns(FutureWarning, match="'tone_lexicon_path' of annotator 'rhetoric' is renamed"):
        opts = check_options({"rhetoric": {"tone_lexicon_path": None, "lexicons": ["tone"]}}, registry())
    assert opts == {"rhetoric": {}}


GAZ = "entry,category,actor,actor_type\nBorovia,state,BOR,state\n"


@pytest.mark.parametrize("kw, actors, warns", [
    ({}, [], False),
    ({"lexicons": ["{gaz}"]}, ["BOR"], False),
    ({"lexicons": "{gaz}"}, ["BOR"], False),
    ({"gazetteers": ["{gaz}"]}, ["BOR"], True),
])
def test_find_mentions_takes_lexicons(kw, actors, warns, tmp_path):
    from toolkit.actors import find_mentions

    (tmp_path / "gaz.csv").write_text(GAZ)
    kw = {k: [x.format(gaz=tmp_path / "gaz.csv") for x in v] if isinstance(v, list)
          else v.format(gaz=tmp_path / "gaz.csv") for k, v in kw.items()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = find_mentions("Borovia protested.", **kw)
    assert got["actor"].tolist() == actors
    assert any(issubclass(w.category, FutureWarning) for w in caught) == warns


def test_find_mentions_refuses_both_spellings(tmp_path):
    from toolkit.actors import find_mentions

    (tmp_path / "gaz.csv").write_text(GAZ)
    with pytest.raises(OptionError, match="both `lexicons` and its old spelling 'gazetteers'"):
        find_mentions("Borovia protested.", lexicons=[str(tmp_path / "gaz.csv")],
                      gazetteers=[str(tmp_path / "gaz.csv")])


@pytest.mark.parametrize("overlay, text, found, gone", [
    ({"entry": ["Kyiv"], "remove": ["yes"]}, "The Kremlin warned Kyiv.", ["Kremlin"], ["Kyiv"]),
    ({"entry": ["Borovia"], "category": ["state"], "actor": ["BOR"]}, "Borovia and Kyiv met.",
     ["Borovia", "Kyiv"], []),
    ({"entry": ["Kyiv"], "actor": ["KYV"]}, "Kyiv spoke.", ["Kyiv"], []),
])
def test_a_gazetteer_named_like_a_bundled_one_replaces_it(overlay, text, found, gone):
    from toolkit.actors import find_mentions, load_gazetteer

    path = lexicon.overlay_options({"actors": pd.DataFrame(overlay)})["actors"]["lexicons"]["actors"]
    m = find_mentions(text, lexicons=[path])
    assert m["text"].tolist() == found and not set(gone) & set(m["text"])
    assert set(m["source"]) <= {load_gazetteer(path).tags[0]}      # the overlay, not the bundled file
    if overlay.get("actor") == ["KYV"]:
        assert m["actor"].tolist() == ["KYV"]
    assert load_gazetteer(path).tags[0].startswith("actors@") and "+overlay." in load_gazetteer(path).tags[0]
    assert len(load_gazetteer(path).tags) == 2                         # in place, not in front
