"""One theme, one category->style map, one ``save()`` for every figure.

* :func:`set_theme`, :func:`style`, :func:`figsize`, :func:`label` and :func:`title` come from
  :mod:`toolkit.style`, the one place where colours, hatches, markers, journal sizes and human
  labels live (article pages and highlights use the same map): "threat" is vermillion and
  cross-hatched whether it appears in an escalation chart, a reporting-verb chart or an article
  view. Colours are the Okabe & Ito (2008) colour-blind-safe palette; hatches, markers and line
  styles carry the same information, so a greyscale print loses nothing.
* :func:`save` writes PNG (300 dpi) + SVG + PDF with stable metadata (no creation date inside the
  files, so re-running gives identical SVG/PDF) and a provenance sidecar ``<name>.json``: corpus
  and filter, number of documents, toolkit version, lexicon versions, date of the run, and the
  command or notebook that made the figure. A figure that is not about the corpus (invented
  sentences, simulated coders) is saved with ``illustration=`` and says so in its sidecar.
* Plot functions take tidy tables and return a :class:`matplotlib.figure.Figure` at a journal
  size (:data:`SINGLE_COLUMN` 3.5 in or :data:`DOUBLE_COLUMN` 7.2 in wide).

Notes:
    Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
    presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path

import matplotlib

# A notebook kernel keeps its inline backend; scripts and the headless report draw off-screen.
if "ipykernel" not in sys.modules:
    matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyArrowPatch, Patch

from .style import (  # noqa: F401
    CATEGORY_STYLES,
    DOUBLE_COLUMN,
    GREY,
    HATCHES,
    LINESTYLES,
    MARKERS,
    MAX_HEIGHT,
    MIN_FONT_PT,
    OKABE_ITO,
    ONE_AND_HALF_COLUMN,
    SINGLE_COLUMN,
    CategoryStyle,
    distinct_styles,
    edge_color,
    figsize,
    label,
    line_color,
    palette,
    series_styles,
    set_theme,
    style,
)
from .style import title as title_case

FORMATS = ("png", "svg", "pdf")
DPI = 300


def legend_handles(categories: Iterable, styles: Mapping | None = None) -> list[Patch]:
    """Legend patches with each category's colour *and* hatch, labelled with :func:`label`.

    Args:
        categories: the categories, in legend order.
        styles: ``{category: CategoryStyle}`` (e.g. from :func:`distinct_styles`); default
            each category's :func:`style`.

    Example:
        >>> [h.get_label() for h in legend_handles(["threat"])]
        ['Threat']
    """
    out = []
    for c in dict.fromkeys(categories):
        s = (styles or {}).get(c) or style(c)
        out.append(Patch(facecolor=s.color, hatch=s.hatch, edgecolor=edge_color(s.color), label=label(c)))
    return out


# ----------------------------------------------------------------------------- provenance

_CONTEXT: dict = {}


def provenance_context(analysis=None, *, corpus: str | None = None, filters: Mapping | None = None,
                       command: str | None = None) -> dict:
    """Remember what every later :func:`save` should record in its sidecar; return it.

    A notebook calls this once after loading its analysis, so each ``save(fig, name)`` below
    it records the corpus, filter and notebook without repeating them.

    Args:
        analysis: the :class:`toolkit.Analysis` the figures come from (documents count,
            lexicon versions, annotators).
        corpus: what the corpus is (a dataset name or a path).
        filters: the filters applied (``{"countries": [...], "years": [...]}``).
        command: the command or notebook that makes the figures.

    Example:
        >>> provenance_context(corpus="sample", command="notebooks/1.0-corpus-overview.ipynb")["corpus"]
        'sample'
    """
    _CONTEXT.clear()
    _CONTEXT.update({"analysis": analysis, "corpus": corpus, "filters": dict(filters or {}),
                     "command": command})
    return {k: v for k, v in _CONTEXT.items() if k != "analysis"}


def _current_command() -> str:
    # JupyterLab (jupyter_server >= 2) tells its kernels which notebook they run.
    for var in ("TOOLKIT_NOTEBOOK", "JPY_SESSION_NAME"):
        if os.environ.get(var):
            return os.environ[var]
    if "ipykernel" in sys.modules:
        return "an interactive Jupyter session"
    return " ".join([Path(sys.executable).name, *sys.argv]) if sys.argv and sys.argv[0] else "python"


def provenance(analysis=None, *, corpus: str | None = None, filters: Mapping | None = None,
               command: str | None = None, n_documents: int | None = None,
               lexicons: Mapping[str, str] | None = None) -> dict:
    """The provenance record of a figure or table made now.

    Explicit arguments win over :func:`provenance_context`; the analysis fills in the number
    of documents, the lexicon versions and the annotators that ran.

    Example:
        >>> p = provenance(corpus="sample", n_documents=3)
        >>> p["corpus"], p["n_documents"], sorted(p)[:3]
        ('sample', 3, ['annotators', 'command', 'corpus'])
    """
    from . import __version__

    ctx = _CONTEXT
    # The headless report tells its notebook kernels what they run on, so even a notebook that
    # never calls provenance_context() writes complete sidecars.
    try:
        env = json.loads(os.environ.get("TOOLKIT_PROVENANCE", "") or "{}")
    except ValueError:
        env = {}
    analysis = analysis if analysis is not None else ctx.get("analysis")
    meta = {**env, **(getattr(analysis, "meta", {}) or {})}
    if n_documents is None:
        n_documents = len(analysis.documents) if analysis is not None else env.get("n_documents")
    if filters is not None:
        filt = dict(filters)
    else:
        filt = dict(ctx.get("filters") or meta.get("filters") or {})
    return {
        "corpus": corpus if corpus is not None else ctx.get("corpus") or meta.get("corpus"),
        "filters": {k: v for k, v in filt.items() if v is not None},
        "n_documents": n_documents,
        "toolkit_version": __version__,
        "lexicons": dict(lexicons) if lexicons is not None else dict(meta.get("lexicons") or {}),
        "annotators": list(meta.get("annotators") or []),
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "command": command or ctx.get("command") or _current_command(),
        "python": sys.version.split()[0],
    }


def save(fig, name: str, out_dir: str | Path = "reports/figures", *,
         formats: tuple[str, ...] = FORMATS, analysis=None, corpus: str | None = None,
         filters: Mapping | None = None, command: str | None = None,
         n_documents: int | None = None, lexicons: Mapping[str, str] | None = None,
         notes: str | None = None, illustration: str | None = None) -> list[Path]:
    """Save ``fig`` as ``out_dir/name.{png,svg,pdf}`` + a ``name.json`` provenance sidecar.

    Args:
        fig: a matplotlib Figure.
        name: file stem, named after the notebook step (``"4.1-escalation-by-dyad"``).
        out_dir: folder (created if needed).
        formats: any of ``png``, ``svg``, ``pdf``.
        analysis, corpus, filters, command, n_documents, lexicons: provenance (see
            :func:`provenance`); anything not given comes from :func:`provenance_context`.
        notes: free text kept in the sidecar (what the figure shows, caveats).
        illustration: for a figure that is *not* about the corpus, what it shows instead
            (``"ten invented sentences"``, ``"simulated coders"``). The sidecar then says
            ``"illustration"`` and records no corpus or document count; the report's index
            marks the figure. Put "Illustration" in the figure's title too.

    Returns:
        The paths written, the sidecar last.

    Example:
        >>> import tempfile, matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots(); _ = ax.plot([1, 2])
        >>> [p.suffix for p in save(fig, "demo", tempfile.mkdtemp(), corpus="sample")]
        ['.png', '.svg', '.pdf', '.json']
    """
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"`formats` value = {fmt!r} is invalid; value must be one of {list(FORMATS)}")
    if not re.fullmatch(r"[\w.\-]+", name):
        raise ValueError(f"`name` value = {name!r} is invalid; use letters, digits, '.', '-' and '_' "
                         "(e.g. '4.1-escalation-by-dyad')")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = out / f"{name}.{fmt}"
        metadata = {"png": {"Software": "discourse-toolkit"},
                    "svg": {"Date": None, "Creator": "discourse-toolkit"},
                    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "discourse-toolkit",
                            "Producer": "discourse-toolkit"}}[fmt]
        fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata=metadata)
        paths.append(path)
    record = {"figure": name, "files": [p.name for p in paths],
              **provenance(analysis, corpus=corpus, filters=filters, command=command,
                           n_documents=n_documents, lexicons=lexicons)}
    if notes:
        record["notes"] = notes
    if illustration:
        record.update(illustration=str(illustration), corpus=f"illustration: {illustration}",
                      n_documents=None, filters={})
    sidecar = out / f"{name}.json"
    sidecar.write_text(json.dumps(record, indent=2, sort_keys=True, default=str) + "\n", encoding="utf-8")
    paths.append(sidecar)
    return paths


# ----------------------------------------------------------------------------- plots

def corpus_overview(documents, tokens):
    """Documents and words by year; for corpora spanning under three years, by document.

    Example:
        >>> import pandas as pd
        >>> docs = pd.DataFrame({"doc_id": ["a"], "date": pd.to_datetime(["2020-01-01"], utc=True)})
        >>> toks = pd.DataFrame({"doc_id": ["a", "a"], "is_punct": [False, True]})
        >>> corpus_overview(docs, toks).axes[0].get_ylabel()
        'Documents'
    """
    words = tokens.loc[~tokens["is_punct"].astype(bool)].groupby("doc_id").size().rename("words")
    df = documents[["doc_id", "date"]].merge(words, left_on="doc_id", right_index=True, how="left")
    df["words"] = df["words"].fillna(0)
    years = df["date"].dt.year.dropna() if df["date"].notna().any() else pd.Series(dtype="float64")
    timeline = years.nunique() >= 3
    fig, axes = plt.subplots(1, 2, figsize=figsize("double", 2.6 if timeline else 3.4))
    if timeline:
        df["year"] = df["date"].dt.year
        by = df.groupby("year").agg(documents=("doc_id", "size"), words=("words", "sum")).reset_index()
        axes[0].bar(by["year"], by["documents"], color=OKABE_ITO[0], width=0.9)
        axes[1].plot(by["year"], by["words"] / 1000, color=OKABE_ITO[3], marker="o", ms=3)
        axes[1].set_xlabel("Year")
        axes[1].set_ylabel("Words (thousands)")
    else:
        # Too few years for a time line: documents by year (or undated) and words per document.
        lab = df["date"].dt.year.map(lambda y: "undated" if pd.isna(y) else str(int(y)))
        counts = lab.value_counts().sort_index()
        axes[0].bar(counts.index, counts.values, color=OKABE_ITO[0], width=0.6)
        per_doc = df.sort_values("words", ascending=False).head(20)
        axes[1].barh(range(len(per_doc))[::-1], per_doc["words"], color=OKABE_ITO[3], hatch="//",
                     edgecolor="white")
        axes[1].set_yticks(range(len(per_doc))[::-1], [str(d)[:24] for d in per_doc["doc_id"]],
                           fontsize=6.5)
        axes[1].set_xlabel("Words" + (" (20 longest documents)" if len(df) > 20 else ""))
    axes[0].set_xlabel("Year")
    axes[0].set_ylabel("Documents")
    fig.suptitle(f"{len(df):,} Documents, {int(df['words'].sum()):,} Words")
    fig.tight_layout()
    return fig


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def category_bars(table: pd.DataFrame, *, category: str, value: str | None = None,
                  title: str | None = None, top: int = 20, xlabel: str | None = None):
    """Horizontal bars, one per category, each in its colour *and* hatch, at single-column size.

    Args:
        table: a tidy table.
        category: the column holding the categories (shown with their :func:`label`).
        value: a numeric column to sum; default: count rows.
        title, xlabel: labels (the title is put in title case).
        top: keep the ``top`` largest categories.

    Example:
        >>> import pandas as pd
        >>> fig = category_bars(pd.DataFrame({"category": ["threat", "warning", "threat"]}),
        ...                     category="category")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['Warning', 'Threat']
    """
    if value is None:
        counts = table[category].value_counts()
    else:
        counts = table.groupby(category)[value].sum().sort_values(ascending=False)
    counts = counts.head(top).sort_values()
    fig, ax = plt.subplots(figsize=figsize("single", rows=len(counts), row_height=0.17, base=0.8))
    if counts.empty:
        _empty(ax, "no rows")
    styles = distinct_styles(counts.index[::-1])
    for i, (cat, n) in enumerate(counts.items()):
        s = styles[cat]
        ax.barh(i, n, color=s.color, hatch=s.hatch, edgecolor=edge_color(s.color), linewidth=0.5)
    ax.set_yticks(range(len(counts)), [label(c) for c in counts.index])
    ax.set_xlabel(xlabel or label(value or "count"))
    if title:
        ax.set_title(title_case(title))
    fig.tight_layout()
    return fig


def _top_categories(ct: pd.DataFrame, keep: int) -> pd.DataFrame:
    """``ct`` with all but its ``keep`` largest columns summed into ``other``."""
    order = list(ct.sum().sort_values(ascending=False).index)
    if len(order) <= keep:
        return ct[order]
    head, rest = order[:keep - 1], order[keep - 1:]
    out = ct[head].copy()
    out["other"] = ct[rest].sum(axis=1) + out.get("other", 0)
    return out


def stacked_shares(table: pd.DataFrame, *, index: str, category: str, value: str | None = None,
                   title: str | None = None, top: int = 12, min_total: int = 1, categories: int = 8):
    """For each ``index`` value (an actor), the share of each ``category`` as a stacked bar.

    Bars are labelled with their totals (n), so shares of tiny groups are not over-read. At
    most ``categories`` categories are stacked (the rest are summed as "other"), each with its
    own colour *and* hatch, so no two look alike in colour or in greyscale.

    Args:
        table: tidy rows, e.g. quotes with ``speaker_actor`` and ``cue_class``.
        index: column of the groups (one bar each).
        category: column whose shares are stacked.
        value: numeric column to sum (default: count rows).
        top: keep the ``top`` largest groups; min_total: drop groups with fewer rows.
        categories: the most categories stacked before the rest become "other".

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"actor": ["RUS", "RUS", "USA"], "cls": ["warning", "neutral", "warning"]})
        >>> len(stacked_shares(t, index="actor", category="cls").axes[0].patches)
        4
    """
    df = table.dropna(subset=[index, category])
    if value is None:
        ct = pd.crosstab(df[index], df[category])
    else:
        ct = df.pivot_table(index=index, columns=category, values=value, aggfunc="sum", fill_value=0)
    totals = ct.sum(axis=1)
    ct = ct.loc[totals[totals >= min_total].sort_values(ascending=False).index[:top]]
    ct = _top_categories(ct, categories)
    totals = ct.sum(axis=1)
    shares = ct.div(totals.where(totals > 0, 1), axis=0).iloc[::-1]
    cats = list(ct.columns)
    styles = distinct_styles(cats)
    fig, ax = plt.subplots(figsize=figsize("double", rows=len(shares), row_height=0.2, base=1.0))
    if shares.empty:
        _empty(ax, "no rows")
    left = pd.Series(0.0, index=shares.index)
    for cat in cats:
        s = styles[cat]
        ax.barh(range(len(shares)), shares[cat], left=left, color=s.color, hatch=s.hatch,
                edgecolor=edge_color(s.color), linewidth=0.5, label=label(cat))
        left += shares[cat]
    ax.set_yticks(range(len(shares)), [f"{i} (n={int(totals[i])})" for i in shares.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel("Share")
    if cats:
        ax.legend(handles=legend_handles(cats, styles), title=label(category), bbox_to_anchor=(1.01, 1),
                  loc="upper left", frameon=False)
    if title:
        ax.set_title(title_case(title))
    fig.tight_layout()
    return fig


def network(edges: pd.DataFrame, *, source: str = "source", target: str = "target",
            weight: str = "weight", relation: str | None = "relation", title: str | None = None,
            top: int = 25, relations: int = 4):
    """A directed actor network: nodes on a circle, arrows sized by weight, styled by relation.

    A circular layout is deterministic and keeps every label readable for the tens of actors
    a corpus has. Only the ``top`` heaviest edges are drawn (the full table is the data), and
    at most ``relations`` relations are told apart (the rest are drawn as "other"): arrow width
    is proportional to ``weight``; colour (darkened to read on white) and line style follow the
    relation, so the legend reads in greyscale too; self-loops are a ring on the node.

    Args:
        edges: one row per (source, target[, relation]) with a ``weight``.
        source, target, weight, relation: column names (``relation=None``: one kind of edge).
        top: keep the ``top`` heaviest edges; relations: the most relations told apart.

    Example:
        >>> import pandas as pd
        >>> e = pd.DataFrame({"source": ["RUS"], "target": ["USA"], "weight": [3], "relation": ["warning"]})
        >>> network(e).axes[0].get_title()
        ''
    """
    fig, ax = plt.subplots(figsize=figsize("one-and-half", 4.2))
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title_case(title))
    if edges.empty:
        _empty(ax, "no edges")
        return fig
    e = edges.sort_values(weight, ascending=False, kind="stable").head(top).copy()
    if relation:
        kinds = list(e.groupby(relation, sort=False)[weight].sum().sort_values(ascending=False).index)
        keep = set(kinds[:relations - 1] if len(kinds) > relations else kinds)
        e[relation] = e[relation].where(e[relation].isin(keep), "other")
    nodes = sorted(set(e[source].astype(str)) | set(e[target].astype(str)))
    n = len(nodes)
    pos = {a: (math.cos(2 * math.pi * i / n + math.pi / 2), math.sin(2 * math.pi * i / n + math.pi / 2))
           for i, a in enumerate(nodes)}
    strength = pd.concat([e.groupby(source)[weight].sum(), e.groupby(target)[weight].sum()]).groupby(level=0).sum()
    wmax = float(e[weight].max()) or 1.0
    kinds = list(dict.fromkeys(e[relation])) if relation else []
    # arrows carry no marker or hatch: each relation gets its own line style
    styles = {r: CategoryStyle(style(r).color, linestyle=LINESTYLES[i % len(LINESTYLES)])
              for i, r in enumerate(kinds)}
    _draw_edges(ax, e, pos, source, target, weight, relation, styles, wmax)
    for a, (x, y) in pos.items():
        size = 60 + 300 * float(strength.get(a, 0)) / float(strength.max() or 1)
        ax.scatter([x], [y], s=size, color="white", edgecolor="#222222", zorder=3, linewidth=1.0)
        ax.text(x * 1.2, y * 1.2, a, ha="center", va="center", fontsize=7, zorder=4)
    ax.set_xlim(-1.4, 1.4)
    ax.set_ylim(-1.4, 1.4)
    if kinds:
        from matplotlib.lines import Line2D

        handles = [Line2D([0], [0], color=line_color(styles[r].color), linestyle=styles[r].linestyle,
                          lw=1.8, label=label(r)) for r in kinds]
        ax.legend(handles=handles, title=label(relation), loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  frameon=False)
    fig.tight_layout()
    return fig


def _draw_edges(ax, e, pos, source, target, weight, relation, styles, wmax) -> None:
    # Several relations between one pair of actors: fan their arcs out so none hides another.
    lane: dict[tuple[str, str], int] = {}
    for _, row in e.iterrows():
        a, b = str(row[source]), str(row[target])
        k = lane[(a, b)] = lane.get((a, b), -1) + 1
        st = styles[row[relation]] if relation else CategoryStyle("#555555")
        colour = line_color(st.color)
        lw = 0.6 + 2.6 * float(row[weight]) / wmax
        if a == b:
            x, y = pos[a]
            ax.add_patch(plt.Circle((x * 1.1, y * 1.1), 0.07, fill=False, color=colour, lw=lw,
                                    linestyle=st.linestyle))
            continue
        ax.add_patch(FancyArrowPatch(pos[a], pos[b], connectionstyle=f"arc3,rad={0.15 + 0.14 * k:.2f}",
                                     arrowstyle="-|>", mutation_scale=6 + 2 * lw, lw=lw,
                                     color=colour, linestyle=st.linestyle, alpha=0.8,
                                     shrinkA=9, shrinkB=9))


def style_table(categories: Iterable) -> pd.DataFrame:
    """The styles of ``categories`` as a table (for documentation and legends).

    Example:
        >>> style_table(["threat"]).loc[0, "color"]
        '#D55E00'
    """
    return pd.DataFrame([{"category": c, **asdict(style(c))} for c in dict.fromkeys(categories)])
