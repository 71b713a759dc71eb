"""figures: one style per category, stable files, provenance sidecars, plots on tidy tables."""
from __future__ import annotations

import json

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_rgb

from toolkit import __version__, figures
from toolkit.pipeline import Analysis

FAMILIES = {
    "speech acts": ["threat", "ultimatum", "warning", "accusation", "condemnation", "demand",
                    "mobilization", "force", "sanction", "reassurance", "de-escalation", "cooperation",
                    "appeal", "neutral", "emphatic", "hedged", "other"],
    "quote kinds": ["direct", "indirect", "mixed", "according_to", "scare"],
    "modality": ["asserted", "conditional", "hypothetical", "negated", "question", "future"],
    "frames": ["economic", "capacity_and_resources", "morality", "fairness_and_equality", "legality",
               "policy_prescription_and_evaluation", "crime_and_punishment", "security_and_defense",
               "health_and_safety", "quality_of_life", "cultural_identity", "public_opinion",
               "political", "external_regulation_and_reputation"],
    "layers": ["mentions", "quotes", "frames", "escalation", "rhetoric", "sentiment"],
    "quad classes": ["material_conflict", "verbal_conflict", "statement", "verbal_cooperation",
                     "material_cooperation"],
}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
    figures.provenance_context()


@pytest.mark.parametrize("a, b", [("threat", "Threat"), ("threat", " threat "),
                                  ("threatening", "threat"), ("accusatory", "accusation"),
                                  ("reassuring", "reassurance"), ("According to", "according_to"),
                                  ("security and defense", "security_and_defense")])
def test_same_category_same_style(a, b):
    assert figures.style(a) == figures.style(b)


@pytest.mark.parametrize("family", FAMILIES)
def test_categories_of_a_family_are_distinct_without_colour(family):
    """Within a family, no two categories share colour *and* hatch, nor hatch *and* marker."""
    styles = [figures.style(c) for c in FAMILIES[family]]
    assert len({(s.color, s.hatch) for s in styles}) == len(styles)
    if family in ("quote kinds", "modality", "layers", "quad classes"):
        assert len({s.color for s in styles}) == len(styles)


def test_colours_are_colour_blind_safe():
    allowed = {c.upper() for c in figures.OKABE_ITO} | {figures.GREY.upper()}
    for s in figures.CATEGORY_STYLES.values():
        assert s.color.upper() in allowed


def test_okabe_ito_lightness_spreads_for_greyscale():
    lum = sorted(0.2126 * r + 0.7152 * g + 0.0722 * b for r, g, b in map(to_rgb, figures.OKABE_ITO))
    assert lum[-1] - lum[0] > 0.8


@pytest.mark.parametrize("name", ["my_custom_category", "Frame X", "zzz"])
def test_unknown_categories_get_a_stable_style(name):
    s = figures.style(name)
    assert s == figures.style(name.upper())
    assert s.color in figures.OKABE_ITO


def test_palette_and_legend():
    assert figures.palette(["threat", "warning", "threat"]) == {"threat": "#D55E00", "warning": "#E69F00"}
    handles = figures.legend_handles(["threat", "warning"])
    assert [h.get_hatch() for h in handles] == [figures.style("threat").hatch, figures.style("warning").hatch]


def _fig():
    figures.set_theme()
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2])
    return fig


def test_save_positional_call_still_works(tmp_path):
    paths = figures.save(_fig(), "1.1-demo", tmp_path)
    assert [p.name for p in paths] == ["1.1-demo.png", "1.1-demo.svg", "1.1-demo.pdf", "1.1-demo.json"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_svg_and_pdf_are_byte_stable(tmp_path):
    a = figures.save(_fig(), "x", tmp_path / "a", formats=("svg", "pdf"))
    b = figures.save(_fig(), "x", tmp_path / "b", formats=("svg", "pdf"))
    for p, q in zip(a[:2], b[:2]):
        assert p.read_bytes() == q.read_bytes(), p.name


def test_sidecar_records_provenance(tmp_path):
    analysis = Analysis(tables={"documents": pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x"] * 3})},
                        meta={"lexicons": {"escalation": "1.2.0"}, "annotators": ["escalation"]})
    figures.save(_fig(), "4.1-demo", tmp_path, analysis=analysis, corpus="ungdc",
                 filters={"countries": ["RUS"], "years": None}, command="notebooks/4.0-escalation.ipynb",
                 notes="demo")
    prov = json.loads((tmp_path / "4.1-demo.json").read_text())
    assert prov["corpus"] == "ungdc"
    assert prov["filters"] == {"countries": ["RUS"]}
    assert prov["n_documents"] == 3
    assert prov["toolkit_version"] == __version__
    assert prov["lexicons"] == {"escalation": "1.2.0"}
    assert prov["command"] == "notebooks/4.0-escalation.ipynb"
    assert prov["date"].endswith("+00:00") and prov["notes"] == "demo"
    assert prov["files"] == ["4.1-demo.png", "4.1-demo.svg", "4.1-demo.pdf"]


def test_context_fills_sidecars_and_explicit_args_win(tmp_path):
    figures.provenance_context(corpus="sample", filters={"limit": 2}, command="notebooks/1.0-x.ipynb")
    figures.save(_fig(), "a", tmp_path, formats=("png",))
    figures.save(_fig(), "b", tmp_path, formats=("png",), corpus="seed")
    a, b = (json.loads((tmp_path / f"{n}.json").read_text()) for n in "ab")
    assert (a["corpus"], a["filters"], a["command"]) == ("sample", {"limit": 2}, "notebooks/1.0-x.ipynb")
    assert b["corpus"] == "seed"


def test_report_environment_reaches_sidecars(tmp_path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_PROVENANCE", json.dumps({"corpus": "ungdc (years=2022)", "n_documents": 7,
                                                         "lexicons": {"frames": "0.3.0"}}))
    monkeypatch.setenv("TOOLKIT_NOTEBOOK", "notebooks/3.0-framing.ipynb")
    figures.save(_fig(), "3.1-demo", tmp_path, formats=("png",))
    prov = json.loads((tmp_path / "3.1-demo.json").read_text())
    assert (prov["corpus"], prov["n_documents"], prov["lexicons"], prov["command"]) == \
        ("ungdc (years=2022)", 7, {"frames": "0.3.0"}, "notebooks/3.0-framing.ipynb")


@pytest.mark.parametrize("kwargs, message", [({"formats": ("jpg",)}, "`formats` value = 'jpg'"),
                                             ({"name": "../evil"}, "`name` value = '../evil'")])
def test_save_rejects_bad_input(tmp_path, kwargs, message):
    name = kwargs.pop("name", "ok")
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        figures.save(_fig(), name, tmp_path, **kwargs)


QUOTES = pd.DataFrame({"speaker_actor": ["RUS", "RUS", "USA", "UKR", None],
                       "cue_class": ["warning", "neutral", "warning", "accusatory", "neutral"],
                       "kind": ["direct", "indirect", "direct", "scare", "direct"]})


def test_category_bars_colour_and_hatch_by_category():
    fig = figures.category_bars(QUOTES, category="cue_class")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] in ("Warning", "Neutral")  # human labels, not codes
    for patch, label in zip(ax.patches, labels):
        assert (patch.get_hatch() or "") == figures.style(label.lower()).hatch
        assert to_rgb(patch.get_facecolor()) == to_rgb(figures.style(label.lower()).color)


def test_stacked_shares_sum_to_one():
    fig = figures.stacked_shares(QUOTES, index="speaker_actor", category="cue_class")
    ax = fig.axes[0]
    widths: dict[float, float] = {}
    for p in ax.patches:
        widths[round(p.get_y(), 3)] = widths.get(round(p.get_y(), 3), 0) + p.get_width()
    assert all(abs(w - 1) < 1e-9 for w in widths.values())
    assert any("n=2" in t.get_text() for t in ax.get_yticklabels())


@pytest.mark.parametrize("plot", [
    lambda e: figures.category_bars(e, category="cue_class"),
    lambda e: figures.stacked_shares(e, index="speaker_actor", category="cue_class"),
    lambda e: figures.network(pd.DataFrame(columns=["source", "target", "relation", "weight"])),
])
def test_plots_accept_empty_tables(plot):
    assert plot(QUOTES.iloc[0:0]).axes


def test_network_draws_every_edge():
    edges = pd.DataFrame({"source": ["RUS", "USA", "RUS"], "target": ["USA", "RUS", "RUS"],
                          "relation": ["warning", "accusatory", "neutral"], "weight": [3, 1, 1]})
    fig = figures.network(edges)
    ax = fig.axes[0]
    assert len(ax.patches) == 3  # two arrows + one self-loop ring
    assert {t.get_text() for t in ax.texts} == {"RUS", "USA"}
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Warning", "Accusatory", "Neutral"]


def test_corpus_overview_with_and_without_years():
    toks = pd.DataFrame({"doc_id": ["a", "b", "c"], "is_punct": [False] * 3})
    many = pd.DataFrame({"doc_id": ["a", "b", "c"],
                         "date": pd.to_datetime(["2019-01-01", "2020-01-01", "2021-01-01"], utc=True)})
    few = many.assign(date=pd.NaT)
    assert figures.corpus_overview(many, toks).axes[0].get_xlabel() == "Year"
    fig = figures.corpus_overview(few, toks)
    fig.canvas.draw()
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["undated"]
