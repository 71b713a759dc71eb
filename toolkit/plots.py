"""Figures drawn from one annotator's tables: the escalation ladder and index, frame profiles,
trends and cues, tone comparisons and marker rates.

They left the annotator modules (issue 16, "views leave the rules"): :mod:`toolkit.escalation`,
:mod:`toolkit.framing` and :mod:`toolkit.rhetoric` keep their rules and tables, and every colour,
hatch, marker and label here comes from :mod:`toolkit.style`, the one map the article views share.
They live in this module rather than in :mod:`toolkit.figures` because that module is the
generic layer (theme, ``save()`` with provenance, charts of any category table) and would
almost double with nine annotator-specific plots; this one imports the annotators' table helpers,
which ``figures`` need not.

Example:
    >>> from toolkit import plots
    >>> fig = plots.plot_ladder(pd.DataFrame({"category": ["fight"], "weight": [-10.0],
    ...     "quad_class": ["material_conflict"]}))
    >>> fig.axes[0].get_yticklabels()[0].get_text()
    'Fight'
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from . import figures  # noqa: F401  (sets the off-screen backend before pyplot loads)

# isort: split
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from . import style as st
from .escalation import QUAD_ORDER, ladder
from .rhetoric import document_sentiment

# --------------------------------------------------------------------------- escalation

def plot_ladder(cues: pd.DataFrame, *, title: str = "Escalation ladder"):
    """Horizontal bars: how many cues of each category, ordered from most conflictual to most cooperative.

    Each bar has its quad class's colour *and* hatch (:func:`toolkit.style.style`), so the
    classes stay apart in greyscale; categories carry their CAMEO names.

    Example:
        >>> fig = plot_ladder(pd.DataFrame({"category": ["threaten"], "weight": [-4.4],
        ...     "quad_class": ["verbal_conflict"]}))
        >>> fig.axes[0].get_xlabel(), fig.axes[0].get_yticklabels()[0].get_text()
        ('Cues', 'Threaten')
    """
    lad = ladder(cues)
    fig, ax = plt.subplots(figsize=st.figsize("one-and-half", rows=max(len(lad), 4), row_height=0.16,
                                              base=1.0))
    for i, row in enumerate(lad.itertuples(index=False)):
        s = st.style(row.quad_class)
        ax.barh(i, row.n, color=s.color, hatch=s.hatch, edgecolor=st.edge_color(s.color), linewidth=0.5)
    ax.set_yticks(range(len(lad)), [st.label(c) for c in lad["category"]])
    ax.invert_yaxis()
    ax.set_xlabel("Cues")
    ax.set_title(st.title(title))
    present = [q for q in QUAD_ORDER if q in set(lad["quad_class"])]
    handles = [Patch(facecolor=st.style(q).color, hatch=st.style(q).hatch,
                     edgecolor=st.edge_color(st.style(q).color), label=st.label(q)) for q in present]
    ax.legend(handles=handles, frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


def plot_timeseries(ts: pd.DataFrame, *, title: str = "Escalation index"):
    """Line per dyad with its bootstrap interval per point, and the documents behind each point.

    Each dyad has its own colour, marker *and* line style. Every point with an interval (two
    or more documents in that period) has an error bar; a point that rests on one document has
    no interval and is drawn hollow. The lower panel gives the number of documents behind each
    point. Positive = net escalatory.

    Example:
        >>> ts = pd.DataFrame({"period": [2014, 2015], "dyad": ["A↔B"] * 2, "index": [1.0, 2.0],
        ...                    "ci_low": [0.5, 1.5], "ci_high": [1.5, 2.5], "n_docs": [3, 1]})
        >>> plot_timeseries(ts).axes[0].get_ylabel()
        'Escalation index\\n(−mean Goldstein score)'
    """
    data = ts if "dyad" in ts.columns else ts.assign(dyad="all")
    dyads = sorted(data["dyad"].astype(str).unique())
    styles = st.series_styles(dyads)
    count = "n_docs" if "n_docs" in data else "n_cues" if "n_cues" in data else None
    fig, (ax, ax_n) = plt.subplots(2, 1, figsize=st.figsize("double", 3.8), sharex=True,
                                   gridspec_kw={"height_ratios": [3, 1]})
    width = 0.8 / max(1, len(dyads))
    for k, dyad in enumerate(dyads):
        g, s = data[data["dyad"].astype(str) == dyad].sort_values("period"), styles[dyad]
        colour = st.line_color(s.color)
        ax.plot(g["period"], g["index"], color=colour, linestyle=s.linestyle, lw=1.1)
        has_ci = (g["ci_low"].notna() & g["ci_high"].notna()) if "ci_low" in g else g["index"].isna()
        if has_ci.any():
            err = [(g["index"] - g["ci_low"])[has_ci].clip(lower=0),
                   (g["ci_high"] - g["index"])[has_ci].clip(lower=0)]
            ax.errorbar(g["period"][has_ci], g["index"][has_ci], yerr=err, fmt=s.marker, color=colour,
                        ms=4, capsize=2, elinewidth=0.8)
        ax.plot(g["period"][~has_ci], g["index"][~has_ci], s.marker, ms=4, mfc="white", mec=colour, lw=0)
        if count:
            ax_n.bar(g["period"] + (k - (len(dyads) - 1) / 2) * width, g[count], width=width,
                     color=s.color, hatch=s.hatch, edgecolor=st.edge_color(s.color), linewidth=0.4)
    ax.axhline(0, color="#888888", lw=0.8)
    ax.set_ylabel("Escalation index\n(−mean Goldstein score)")
    ax.set_title(st.title(title))
    handles = [Line2D([0], [0], color=st.line_color(styles[d].color), linestyle=styles[d].linestyle,
                      marker=styles[d].marker, ms=4, label=d) for d in dyads]
    ax.legend(handles=handles, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0),
              title="Dyad\n(bars: 95% interval;\nhollow: one document)")
    ax_n.set_ylabel({"n_docs": "Documents", "n_cues": "Cues"}.get(count, ""))
    ax_n.set_xlabel("")
    if pd.api.types.is_integer_dtype(data["period"]):
        ax_n.xaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- framing

def plot_article_profile(profile: pd.DataFrame):
    """Bars of one document's frame scores, one panel per scheme; hatched bars are not ``present``.

    Each frame has its colour from :func:`toolkit.style.style` (the same as in article
    highlights); frames below the presence rule are hatched and paler.

    Args:
        profile: rows of ``document_frames`` for one document (e.g. those with ``hits > 0``).

    Example:
        >>> p = pd.DataFrame({"scheme": ["s", "s"], "frame": ["a", "b"], "score": [3.0, 1.0],
        ...                   "present": [True, False]})
        >>> len(plot_article_profile(p).axes)
        1
    """
    schemes = list(dict.fromkeys(profile["scheme"]))
    sizes = [max(1, (profile["scheme"] == s).sum()) for s in schemes]
    fig, axes = plt.subplots(len(schemes) or 1, 1, squeeze=False,
                             figsize=st.figsize("one-and-half", rows=sum(sizes), row_height=0.16,
                                                base=0.5 * len(sizes) + 0.6),
                             gridspec_kw={"height_ratios": sizes or [1]})
    vmax = float(profile["score"].max()) if len(profile) else 1.0
    for ax, s in zip(axes[:, 0], schemes):
        p = profile[profile["scheme"] == s].sort_values("score")
        colours = [st.style(f).color for f in p["frame"]]
        bars = ax.barh([st.label(f) for f in p["frame"]], p["score"], color=colours,
                       edgecolor=[st.edge_color(c) for c in colours], linewidth=0.4)
        for bar, on in zip(bars, p["present"]):
            if not on:
                bar.set_hatch("///")
                bar.set_alpha(0.45)
        ax.set_title(st.title(st.label(s)), loc="left")
        ax.set_xlim(0, vmax * 1.05)
    axes[-1, 0].set_xlabel("Weighted cue hits per 1,000 words (hatched: below the presence rule)")
    fig.tight_layout()
    return fig


def plot_heatmap(profile: pd.DataFrame, *, x: str, y: str = "frame", facet: str | None = None,
                 value: str = "value", cmap: str = "rocket_r", annot: bool = True):
    """Heatmap of a frame profile: ``y`` rows by ``x`` columns, one panel per ``facet`` value.

    The sequential colour map runs light to dark, so it reads in greyscale; cells carry their
    values when there are few enough to read.

    Example:
        >>> p = pd.DataFrame({"country": ["X", "Y"], "frame": ["f", "f"], "value": [1.0, 2.0]})
        >>> plot_heatmap(p, x="country").axes[0].get_xlabel()
        'Country'
    """
    import seaborn as sns

    panels = [(None, profile)] if facet is None else list(profile.groupby(facet, sort=True))
    vmax = float(profile[value].max()) if len(profile) else 1.0
    nx = profile[x].nunique()
    ny = profile[y].nunique()
    fig, axes = plt.subplots(1, len(panels), sharey=True, squeeze=False,
                             figsize=st.figsize(max(st.SINGLE_COLUMN, (0.42 * nx + 2.2) * len(panels)),
                                                rows=ny, row_height=0.19, base=1.5))
    cell_w = st.DOUBLE_COLUMN / max(1, nx * len(panels))
    for i, (ax, (name, p)) in enumerate(zip(axes[0], panels)):
        grid = p.pivot_table(index=y, columns=x, values=value, aggfunc="mean")
        grid.index = [st.label(v) for v in grid.index]
        sns.heatmap(grid, ax=ax, cmap=cmap, vmin=0, vmax=vmax,
                    annot=annot and grid.size <= 400 and cell_w >= 0.25,
                    fmt=".1f", annot_kws={"size": 6}, cbar=i == len(panels) - 1,
                    cbar_kws={"label": "Cue hits per 1,000 words" if value == "value" else st.label(value)},
                    linewidths=0.3, linecolor="white")
        ax.set_xlabel(st.label(x))
        ax.set_ylabel(st.label(y) if i == 0 else "")
        if any(len(str(c)) > 4 for c in grid.columns):  # names wider than their cells
            ax.tick_params(axis="x", rotation=45)
            for t in ax.get_xticklabels():
                t.set_ha("right")
        if name is not None:
            ax.set_title(st.title(str(name)))
    fig.tight_layout()
    return fig


def plot_trend(profile: pd.DataFrame, *, x: str = "year", hue: str = "country",
               frames: Sequence[str] | None = None, ncols: int = 3):
    """One panel per frame: ``value`` over ``x`` per ``hue`` group with the bootstrap band.

    Each group has its own colour, marker *and* line style, so the lines stay apart in
    greyscale.

    Example:
        >>> p = pd.DataFrame({"year": [1, 2, 1, 2], "country": list("XXYY"), "frame": "f",
        ...     "value": [1.0, 2, 3, 4], "ci_low": [0.5, 1, 2, 3], "ci_high": [2.0, 3, 4, 5]})
        >>> len(plot_trend(p).axes[0].get_lines())
        2
    """
    frames = list(frames) if frames is not None else list(dict.fromkeys(profile["frame"]))
    n = len(frames)
    ncols = max(1, min(ncols, n))
    nrows = max(1, int(np.ceil(n / ncols)))
    fig, axes = plt.subplots(nrows, ncols, sharex=True, squeeze=False,
                             figsize=st.figsize("double" if ncols > 1 else "single", 1.8 * nrows + 0.6))
    groups = sorted(profile[hue].unique())
    styles = st.series_styles(groups)
    for ax, fr in zip(axes.flat, frames):
        p = profile[profile["frame"] == fr]
        for g in groups:
            s, sty = p[p[hue] == g].sort_values(x), styles[g]
            colour = st.line_color(sty.color)
            ax.plot(s[x], s["value"], marker=sty.marker, ms=2.5, lw=1.0, color=colour,
                    linestyle=sty.linestyle, label=str(g))
            if "ci_low" in s and s["ci_low"].notna().any():
                ax.fill_between(s[x], s["ci_low"], s["ci_high"], color=sty.color, alpha=0.12, lw=0)
        ax.set_title(st.label(fr))
        ax.set_ylim(bottom=0)
        if pd.api.types.is_integer_dtype(profile[x]):
            ax.xaxis.get_major_locator().set_params(integer=True)  # years, not 2024.5
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("Hits / 1,000 words")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, title=st.label(hue), loc="upper center", ncols=min(6, len(groups)),
               bbox_to_anchor=(0.5, 1.0), frameon=False)
    rows_of_legend = int(np.ceil(len(groups) / 6))
    fig.tight_layout(rect=(0, 0, 1, 1 - min(0.3, (0.08 + 0.05 * rows_of_legend) / max(1, nrows) * 1.5)))
    return fig


def plot_top_cues(cues: pd.DataFrame, *, ncols: int = 3, n: int = 8):
    """Horizontal bars of the top cues per frame (from :func:`toolkit.framing.top_cues`), in the frame's colour.

    Example:
        >>> c = pd.DataFrame({"scheme": "s", "frame": ["f", "f"], "cue": ["war", "peace"], "hits": [3, 1]})
        >>> len(plot_top_cues(c).axes)
        1
    """
    frames = list(dict.fromkeys(cues["frame"]))
    ncols = max(1, min(ncols, len(frames)))
    nrows = max(1, int(np.ceil(len(frames) / ncols)))
    fig, axes = plt.subplots(nrows, ncols, squeeze=False,
                             figsize=st.figsize("double" if ncols > 1 else "single",
                                                (0.13 * n + 0.55) * nrows + 0.3))
    for ax, fr in zip(axes.flat, frames):
        c = cues[cues["frame"] == fr].nlargest(n, "hits").iloc[::-1]
        s = st.style(fr)
        ax.barh(c["cue"], c["hits"], color=s.color, hatch=s.hatch, edgecolor=st.edge_color(s.color),
                linewidth=0.4)
        ax.set_title(st.label(fr))
    for ax in axes.flat[len(frames):]:
        ax.set_visible(False)
    fig.supxlabel("Cue hits", fontsize=8)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------- rhetoric

MEASURE_LABELS = {"vader_compound": "VADER", "textblob_polarity": "TextBlob", "tone": "tone (ours)"}


def plot_tone_comparison(scores: pd.DataFrame, *, label: str = "text", width: int = 60,
                         title: str | None = None):
    """Dot plot of VADER, TextBlob and tone for a few texts (one row per text).

    Each measure has its own colour *and* marker, so the plot reads in greyscale.

    Args:
        scores: rows with ``vader_compound``, ``textblob_polarity``, ``tone`` and a label column.
        label: the column used as the y-axis label (shortened to ``width`` characters).
        title: a title (say "Illustration" in it when the texts are not from the corpus).

    Example:
        >>> from toolkit.rhetoric import score_texts
        >>> fig = plot_tone_comparison(score_texts(["A stern warning.", "We welcome talks."]))
        >>> fig.axes[0].get_xlabel()
        'Score (−1 negative .. +1 positive)'
    """
    df = scores.assign(_y=scores[label].astype(str).map(lambda s: s if len(s) <= width else s[:width - 1] + "…"))
    fig, ax = plt.subplots(figsize=st.figsize("double", rows=len(df), row_height=0.2, base=1.0))
    ax.axvline(0, color="0.6", lw=0.8)
    y = np.arange(len(df))
    for k, (col, name) in enumerate(MEASURE_LABELS.items()):
        s = st.style(name)
        ax.scatter(df[col], y + (k - 1) * 0.12, marker=s.marker, s=18, color=s.color,
                   edgecolor=st.edge_color(s.color), linewidth=0.4, label=name, zorder=3)
    ax.set_yticks(y, df["_y"].tolist())
    ax.invert_yaxis()
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("Score (−1 negative .. +1 positive)")
    ax.set_ylabel("")
    ax.legend(title="", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    if title:
        ax.set_title(st.title(title))
    fig.tight_layout()
    return fig


def plot_marker_rates(rates: pd.DataFrame, *, by: str = "doc_id",
                      categories: Sequence[str] = ("hedge", "booster"), width: int = 40):
    """Horizontal grouped bars of markers per 1,000 words by group (from :func:`toolkit.rhetoric.marker_rates`).

    Each category has its colour *and* hatch.

    Args:
        rates: long table with ``by``, ``category`` and ``per_1000``.
        by: the group column (labels shortened to ``width`` characters).
        categories: the categories to show, in this order.

    Example:
        >>> r = pd.DataFrame({"doc_id": ["a", "a"], "category": ["hedge", "booster"],
        ...                   "per_1000": [3.0, 1.0]})
        >>> plot_marker_rates(r).axes[0].get_xlabel()
        'Per 1,000 words'
    """
    df = rates[rates["category"].isin(categories)].copy()
    df["_y"] = df[by].astype(str).map(lambda s: s if len(s) <= width else s[:width - 1] + "…")
    groups = list(dict.fromkeys(df["_y"]))
    styles = st.distinct_styles(categories)
    fig, ax = plt.subplots(figsize=st.figsize("double", rows=len(groups) * len(categories),
                                              row_height=0.09, base=1.0))
    h = 0.8 / max(1, len(categories))
    for k, cat in enumerate(categories):
        sub = df[df["category"] == cat].groupby("_y")["per_1000"].mean().reindex(groups)
        s = styles[cat]
        ax.barh(np.arange(len(groups)) + (k - (len(categories) - 1) / 2) * h, sub.to_numpy(), height=h,
                color=s.color, hatch=s.hatch, edgecolor=st.edge_color(s.color), linewidth=0.4)
    ax.set_yticks(range(len(groups)), groups)
    ax.invert_yaxis()
    ax.set_xlabel("Per 1,000 words")
    ax.set_ylabel("")
    ax.legend(handles=[Patch(facecolor=styles[c].color, hatch=styles[c].hatch,
                             edgecolor=st.edge_color(styles[c].color), label=st.label(c)) for c in categories],
              frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def plot_tone_by_group(sentiment: pd.DataFrame, documents: pd.DataFrame, *, by: str = "country"):
    """Per-document mean sentence score by group: VADER, TextBlob and tone side by side.

    Example:
        >>> from toolkit.rhetoric import SCORE_NAMES
        >>> s = pd.DataFrame({"doc_id": ["a", "b"], "start": [0, 0], "end": [5, 5],
        ...                   **{c: [0.1, -0.2] for c in SCORE_NAMES + ["tone"]}})
        >>> d = pd.DataFrame({"doc_id": ["a", "b"], "country": ["X", "Y"]})
        >>> plot_tone_by_group(s, d).axes[0].get_ylabel()
        'Mean sentence score per document'
    """
    import seaborn as sns

    docs = document_sentiment(sentiment).merge(documents[["doc_id", by]], on="doc_id")
    long = docs.melt(id_vars=["doc_id", by], value_vars=["vader_compound", "textblob_polarity", "tone"],
                     var_name="measure", value_name="score")
    long["measure"] = long["measure"].map(MEASURE_LABELS)
    order = docs.groupby(by)["tone"].mean().sort_values().index.tolist()
    fig, ax = plt.subplots(figsize=st.figsize("double" if len(order) > 4 else "single", 2.8))
    ax.axhline(0, color="0.6", lw=0.8)
    sns.pointplot(data=long, x=by, y="score", hue="measure", order=order, dodge=0.4, ax=ax,
                  linestyle="none", markers=[st.style(m).marker for m in MEASURE_LABELS.values()],
                  errorbar=None, palette=st.palette(MEASURE_LABELS.values()),
                  hue_order=list(MEASURE_LABELS.values()))
    ax.set_ylabel("Mean sentence score per document")
    ax.set_xlabel(st.label(by))
    ax.tick_params(axis="x", rotation=30 if len(order) > 6 else 0)
    ax.legend(title="", frameon=False)
    fig.tight_layout()
    return fig
