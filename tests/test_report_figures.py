"""Every report figure, made on the bundled sample as the notebooks make it, is one a journal takes.

For each figure the notebooks save: its size is a journal size (at most the 7.2 in double
column, at most 9 in high, also after ``save``'s tight crop), no text is below 6 pt at that
size, and the entries of every legend differ by marker, line style or hatch, not by colour
alone; a greyscale render still shows them. Figures that are illustrations say so in their
title and sidecar. A test checks that this table covers every figure the notebooks save.
"""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import Collection
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from PIL import Image

from toolkit import (
    coding,
    escalation,
    figures,
    framing,
    network,
    plots,
    report,
    rhetoric,
    stats,
    style,
)

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
MAX_WIDTH = style.DOUBLE_COLUMN + 0.05
MAX_HEIGHT = style.MAX_HEIGHT + 0.05


@pytest.fixture(scope="module")
def sample():
    figures.set_theme()
    return report.load_analysis("sample", workers=1)


def _ts() -> pd.DataFrame:
    """A 4.2 table as escalation.timeseries returns it: three dyads, some single-document years."""
    rows = []
    for k, dyad in enumerate(["RUS↔USA", "RUS↔UKR", "CHN↔USA"]):
        for year in range(2012, 2023):
            n_docs = 1 if (year + k) % 4 == 0 else 2 + (year % 3)
            idx = np.sin(year / 2 + k)
            ci = (np.nan, np.nan) if n_docs == 1 else (idx - 0.5, idx + 0.4)
            rows.append({"period": year, "dyad": dyad, "index": idx, "ci_low": ci[0], "ci_high": ci[1],
                         "n_cues": 5 * n_docs, "n_docs": n_docs})
    return pd.DataFrame(rows)


def _agreement() -> pd.DataFrame:
    rows = [{"comparison": "coder-coder", "coder_a": a, "coder_b": b, "measure": m, "value": v,
             "ci_low": v - 0.1, "ci_high": min(1, v + 0.1)}
            for a, b in [("A", "B"), ("A", "C"), ("B", "C")] for m, v in
            [("cohen_kappa", 0.7), ("krippendorff_alpha", 0.68)]]
    return pd.DataFrame(rows)


def _confusion() -> pd.DataFrame:
    """A 20-code codebook (the CAMEO roots), the case that made 7.1 15.7 x 14.5 in."""
    codes = [f"{i:02d}" for i in range(1, 21)]
    rng = np.random.default_rng(0)
    m = np.diag(rng.integers(1, 9, 20)) + rng.integers(0, 2, (20, 20))
    return pd.DataFrame(m, index=codes, columns=codes)


def _frames_by(a, by):
    docs = a.documents.assign(year=a.documents["date"].dt.year,
                              group=["Velmora", "Tarsk", "Borovia"] * (len(a.documents) // 3)
                              + ["Velmora"] * (len(a.documents) % 3))
    return framing.frame_profile({**a.tables, "documents": docs}, by=by, scheme="diplomatic", n_boot=0)


def _markers(a):
    return rhetoric.marker_rates(a["rhetoric"], a.tokens, a.documents, by="title",
                                 categories=["hedge", "booster", "vagueness"])


def _edges(a):
    return network.quote_edges(a["quotes"], a["mentions"])


# name -> how the notebook makes it (same functions, the sample's tables)
FIGURES = {
    "1.1-corpus-overview": lambda a: figures.corpus_overview(a.documents, a.tokens),
    "1.2-document-lengths": lambda a: _hist(a),
    "2.1-actor-mentions": lambda a: figures.category_bars(a["mentions"], category="actor",
                                                          title="actor mentions", top=20),
    "2.2-quotes-by-kind": lambda a: figures.category_bars(a["quotes"], category="kind", title="quotes by kind"),
    "2.3-reporting-verbs-by-actor": lambda a: figures.stacked_shares(
        network.speaker_profile(a["quotes"]), index="speaker_actor", category="cue_class", value="quotes",
        title="reporting-verb classes by speaker"),
    "2.4-actor-network": lambda a: figures.network(_edges(a), title="who talks about whom"),
    "2.5-accusation-network": lambda a: figures.network(_edges(a).head(4).assign(relation="accusatory"),
                                                        title="who accuses whom"),
    "3.0-framing-article-profile": lambda a: plots.plot_article_profile(
        a["document_frames"].query("hits > 0").query(f"doc_id == {a.documents['doc_id'].iloc[0]!r}")),
    "3.1-framing-by-group": lambda a: plots.plot_heatmap(_frames_by(a, "group"), x="group"),
    "3.2-framing-trend": lambda a: plots.plot_trend(_frames_by(a, ["group", "year"]).assign(
        year=lambda d: d["year"] + np.arange(len(d)) % 3), x="year", hue="group"),
    "3.3-framing-top-cues": lambda a: plots.plot_top_cues(framing.top_cues(a["frames"], scheme="diplomatic", n=8)),
    "4.1-escalation-ladder": lambda a: plots.plot_ladder(a["escalation"], title="Escalation ladder (6 documents)"),
    "4.2-escalation-by-dyad": lambda a: plots.plot_timeseries(_ts(), title="Escalation index by dyad"),
    "5.1-tone-baselines": lambda a: plots.plot_tone_comparison(
        rhetoric.score_texts(["A stern warning was issued.", "We welcome the talks.", "All options remain."]),
        title="Illustration (invented sentences): tone vs VADER and TextBlob"),
    "5.2-tone-disagreements": lambda a: plots.plot_tone_comparison(
        rhetoric.disagreements(a["sentiment"], n=10).assign(label=lambda d: d["text"]), label="label", width=70,
        title="Sentences where tone and VADER disagree most"),
    "5.3-markers-by-document": lambda a: plots.plot_marker_rates(_markers(a), by="title",
                                                                 categories=("hedge", "booster", "vagueness")),
    "5.4-tone-by-group": lambda a: plots.plot_tone_by_group(a["sentiment"], a.documents, by="source"),
    "5.5-hedges-boosters-by-group": lambda a: plots.plot_marker_rates(
        rhetoric.marker_rates(a["rhetoric"], a.tokens, a.documents, by="source",
                              categories=["hedge", "booster", "ingroup", "outgroup"]),
        by="source", categories=("hedge", "booster", "ingroup", "outgroup")),
    "6.0-keyness": lambda a: stats.plot_keyness(stats.keyness(*stats.split_tokens(
        a.tokens, a.documents.assign(half=["x", "y"] * 3), "half", "x", "y"), min_freq=1), n=15,
        target_label="x", reference_label="y"),
    "6.1-collocates": lambda a: stats.plot_collocates(stats.collocates(a.tokens, _node(a), window=5, min_freq=1),
                                                      n=15, node=_node(a)),
    "6.2-frequency-over-time": lambda a: stats.plot_frequency(stats.frequency_over_time(
        a.tokens, a.documents, _nodes(a, 3), period="month")),
    "7.0-agreement": lambda a: coding.plot_agreement(_agreement(),
                                                     title="Illustration (simulated coders): inter-coder agreement"),
    "7.1-confusion": lambda a: coding.plot_confusion(_confusion(),
                                                     title="Illustration (simulated coders): toolkit vs adjudicated codes"),
}


def _nodes(a, n: int) -> list[str]:
    """The most frequent content words of the sample (the notebooks' ``node``/``terms``)."""
    t = a.tokens[~a.tokens["is_punct"].astype(bool) & ~a.tokens["is_stop"].astype(bool)]
    return [str(w) for w in t["text"].str.lower().value_counts().index[:n]]


def _node(a) -> str:
    return _nodes(a, 1)[0]


def _hist(a):
    words = a.tokens.groupby("doc_id").size()
    fig, ax = plt.subplots(figsize=figures.figsize("single", 2.4))
    ax.hist(words, bins=5, color=figures.OKABE_ITO[0], hatch="//", edgecolor="white")
    ax.set(xlabel="Words per document", ylabel="Documents", title="Document Lengths")
    return fig


def _legend_signature(handle) -> tuple:
    """What tells a legend entry apart without colour: hatch, marker, line style, marker shape."""
    if isinstance(handle, Patch):
        return ("patch", handle.get_hatch() or "")
    if isinstance(handle, Line2D):
        return ("line", str(handle.get_marker()), str(handle.get_linestyle()), str(handle.get_dashes()
                if hasattr(handle, "get_dashes") else ""))
    if isinstance(handle, Collection):
        paths = handle.get_paths()
        return ("marker", tuple(map(tuple, np.round(paths[0].vertices, 2))) if paths else ())
    if isinstance(handle, tuple) and handle and isinstance(handle[0], Line2D):  # errorbar: the data line
        return _legend_signature(handle[0])
    return (type(handle).__name__,)


def _legends(fig):
    out = list(fig.legends)
    out += [ax.get_legend() for ax in fig.axes if ax.get_legend() is not None]
    return out


def test_every_notebook_figure_is_checked():
    saved = set()
    for nb in NOTEBOOKS.glob("*.ipynb"):
        src = "".join("".join(c["source"]) for c in json.loads(nb.read_text())["cells"])
        saved |= set(re.findall(r'figures\.save\(fig,\s*"([^"]+)"', src))
    saved.add("1.1-corpus-overview")  # report.build_report saves it
    assert saved == set(FIGURES)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_fits_a_journal_and_reads_in_greyscale(name, sample, tmp_path):
    fig = FIGURES[name](sample)
    try:
        w, h = fig.get_size_inches()
        assert w <= MAX_WIDTH and h <= MAX_HEIGHT, f"{name}: {w:.1f} x {h:.1f} in"
        fig.canvas.draw()
        tight = fig.get_tightbbox(fig.canvas.get_renderer())
        assert tight.width <= MAX_WIDTH + 0.3 and tight.height <= MAX_HEIGHT, \
            f"{name}: saved crop {tight.width:.1f} x {tight.height:.1f} in"
        small = sorted({(round(t.get_fontsize(), 1), t.get_text()) for t in fig.findobj(plt.Text)
                        if t.get_visible() and t.get_text().strip() and t.get_fontsize() < style.MIN_FONT_PT})
        assert not small, f"{name}: text below {style.MIN_FONT_PT} pt: {small[:5]}"
        for legend in _legends(fig):
            handles = legend.legend_handles
            texts = [t.get_text() for t in legend.get_texts()]
            sigs = [_legend_signature(hd) for hd in handles]
            assert len(set(sigs)) == len(sigs), f"{name}: legend entries alike without colour: {texts}"
            assert not any(re.fullmatch(r"[a-z]+(_[a-z]+)+", t) for t in texts), f"{name}: raw codes {texts}"
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
        grey = np.asarray(Image.open(buf).convert("L"))
        assert len(np.unique(grey)) > 8, f"{name}: greyscale render is flat"
        Image.fromarray(grey).save(tmp_path / f"{name}-grey.png")
        title = " ".join(ax.get_title() for ax in fig.axes) + (fig._suptitle.get_text() if fig._suptitle else "")
        assert ("Illustration" in title) == (name in ("5.1-tone-baselines", "7.0-agreement", "7.1-confusion"))
    finally:
        plt.close(fig)


def test_illustrations_say_so_in_their_sidecar(tmp_path):
    fig, _ = plt.subplots(figsize=figures.figsize("single", 2))
    figures.save(fig, "5.1-demo", tmp_path, formats=("png",), corpus="ungdc", n_documents=33,
                 illustration="ten invented sentences")
    prov = json.loads((tmp_path / "5.1-demo.json").read_text())
    assert prov["illustration"] == "ten invented sentences"
    assert prov["corpus"] == "illustration: ten invented sentences" and prov["n_documents"] is None
    plt.close(fig)


def test_escalation_plots_draw_its_own_tables(sample):
    """The ladder and the index drawn straight from escalation's tables (moved here with the plots)."""
    cues = sample["escalation"]
    fig = plots.plot_ladder(cues)
    ts = escalation.timeseries(sample, n_boot=20)
    fig2 = plots.plot_timeseries(ts)
    try:
        ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        assert ticks == [style.label(c) for c in escalation.ladder(cues)["category"]]
        dyads = ts["dyad"].astype(str).nunique() if "dyad" in ts else 1
        assert len(fig2.axes[0].get_legend().get_texts()) == dyads
    finally:
        plt.close(fig)
        plt.close(fig2)
