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


def _tables(a, step):
    ann = next(x for x in registry() if x.name == step)
    return {t: a[t].reset_index(drop=True) for t in ann.produces}


@pytest.mark.parametrize("step", list(OVERLAYS))
def test_every_step_reads_lexicons_the_same_way_under_both_spellings(step, tmp_path):
    path = _file(step)
    docs = pd.DataFrame({"doc_id": ["d"], "text": [TEXT]})
    kw = {"annotators": [step], "workers": 1, "cache": tmp_path / "cache"}
    bundled = analyze(docs, **kw)
    new = analyze(docs, options={step: {"lexicons": [path]}}, **kw)
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


@pytest.mark.parametrize("step, value, chosen", [
    ("escalation", ["escalation"], {}),          # naming a bundled lexicon changes nothing
    ("escalation", None, None),
    ("rhetoric", {"rhetoric": "r.yaml"}, {"rhetoric": "r.yaml"}),
    ("actors", "my/gaz.csv", {"gaz": "my/gaz.csv"}),
    ("framing", {"framing_pfc": None}, {"framing_pfc": None}),
])
def test_the_door_gives_one_form(step, value, chosen):
    opts = check_options({step: {} if value is None else {"lexicons": value}}, registry())
    assert opts[step].get("lexicons") == chosen


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
])
def test_mistakes_are_named_at_the_door(options, says):
    with pytest.raises(OptionError) as err:
        check_options(options, registry())
    assert says in str(err.value)


def test_the_order_of_added_lexicons_is_part_of_the_cache_key():
    from toolkit.engine.keys import step_fingerprints

    anns = [a for a in registry() if a.name == "actors"]
    one = check_options({"actors": {"lexicons": ["x/a.csv", "x/b.csv"]}}, anns)
    other = check_options({"actors": {"lexicons": ["x/b.csv", "x/a.csv"]}}, anns)
    assert step_fingerprints(anns, options=one)["actors"] != step_fingerprints(anns, options=other)["actors"]
    assert step_fingerprints(anns, options=one) == step_fingerprints(anns, options=dict(one))
