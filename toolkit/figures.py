"""One theme, one category->style map, one ``save()`` for every figure.

* :func:`set_theme` applies the toolkit's theme in one place (the idea of seaborn's
  ``rcmod.set_theme``).
* :func:`style` gives every category name one colour, hatch, marker and line style, the same in
  every figure: "threat" is vermillion and cross-hatched whether it appears in an escalation
  chart, a reporting-verb chart or an article view. Colours are the Okabe & Ito (2008)
  colour-blind-safe palette; hatches, markers and line styles carry the same information, so a
  greyscale print or a reader with any colour-vision deficiency loses nothing.
* :func:`save` writes PNG (300 dpi) + SVG + PDF with stable metadata (no creation date inside the
  files, so re-running gives identical SVG/PDF) and a provenance sidecar ``<name>.json``: corpus
  and filter, number of documents, toolkit version, lexicon versions, date of the run, and the
  command or notebook that made the figure.
* Plot functions take tidy tables and return a :class:`matplotlib.figure.Figure`.

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
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

import matplotlib

# A notebook kernel keeps its inline backend; scripts and the headless report draw off-screen.
if "ipykernel" not in sys.modules:
    matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from matplotlib.patches import FancyArrowPatch, Patch

FORMATS = ("png", "svg", "pdf")
DPI = 300
# Okabe & Ito (2008) colour-blind-safe palette; distinct in greyscale by lightness order too.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
GREY = "#999999"
HATCHES = ["", "//", "\\\\", "xx", "..", "oo", "--", "++", "||", "**"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "<", ">"]
LINESTYLES = ["-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 3))]


@dataclass(frozen=True)
class CategoryStyle:
    """How one category is drawn everywhere: colour plus greyscale-safe redundancy."""

    color: str
    hatch: str = ""
    marker: str = "o"
    linestyle: str | tuple = "-"


def _s(color: int | str, hatch: int, marker: int, line: int = 0) -> CategoryStyle:
    c = OKABE_ITO[color] if isinstance(color, int) else color
    return CategoryStyle(c, HATCHES[hatch], MARKERS[marker], LINESTYLES[line])


# One map for the whole toolkit. Categories of different families that mean the same thing
# (the reporting-verb class "warning" and the escalation category "warning") share a style on
# purpose. Within a family every style is distinct in colour or, past eight, in hatch.
CATEGORY_STYLES: dict[str, CategoryStyle] = {
    # speech acts / escalation categories / reporting-verb classes (stance)
    "threat": _s(3, 3, 6, 0), "threatening": _s(3, 3, 6, 0), "ultimatum": _s(3, 8, 3, 3),
    "warning": _s(1, 1, 2, 1), "accusation": _s(5, 2, 3, 2), "accusatory": _s(5, 2, 3, 2),
    "condemnation": _s(7, 4, 8, 3), "demand": _s(6, 4, 1, 3), "directive": _s(6, 4, 1, 3),
    "mobilization": _s(3, 9, 9, 4), "force": _s(7, 3, 7, 0), "sanction": _s(1, 8, 9, 5),
    "reassurance": _s(2, 5, 0, 0), "reassuring": _s(2, 5, 0, 0),
    "de-escalation": _s(0, 6, 5, 1), "cooperation": _s(4, 7, 4, 2),
    "appeal": _s(4, 9, 5, 5), "neutral": _s(GREY, 0, 0, 0), "emphatic": _s(7, 7, 1, 1),
    "hedged": _s(4, 1, 4, 2), "distancing": _s(4, 1, 4, 2), "other": _s(GREY, 4, 9, 5),
    # quote kinds
    "direct": _s(0, 0, 0, 0), "indirect": _s(4, 1, 1, 1), "mixed": _s(2, 2, 2, 2),
    "according_to": _s(1, 3, 3, 3), "scare": _s(5, 4, 6, 4),
    # modality of a cue
    "asserted": _s(7, 0, 0, 0), "conditional": _s(1, 1, 2, 1), "hypothetical": _s(4, 4, 4, 2),
    "negated": _s(GREY, 2, 6, 3), "question": _s(5, 5, 5, 4), "future": _s(0, 6, 1, 5),
    # Policy Frames Codebook (Boydstun et al. 2014) frames
    "economic": _s(1, 0, 0, 0), "capacity_and_resources": _s(6, 1, 1, 1), "morality": _s(5, 0, 2, 2),
    "fairness_and_equality": _s(4, 2, 3, 3), "legality": _s(0, 0, 4, 0),
    "legality_constitutionality_jurisdiction": _s(0, 0, 4, 0),
    "policy_prescription_and_evaluation": _s(2, 3, 5, 1), "crime_and_punishment": _s(7, 4, 6, 2),
    "security_and_defense": _s(3, 0, 7, 0), "health_and_safety": _s(2, 5, 8, 3),
    "quality_of_life": _s(1, 6, 9, 4), "cultural_identity": _s(5, 7, 0, 5),
    "public_opinion": _s(4, 8, 1, 0), "political": _s(0, 9, 2, 1),
    "external_regulation_and_reputation": _s(6, 3, 3, 2),
    # annotation layers (article views and legends)
    "mentions": _s(0, 0, 0, 0), "quotes": _s(2, 1, 1, 1), "frames": _s(1, 2, 2, 2),
    "escalation": _s(3, 3, 3, 3), "rhetoric": _s(5, 4, 4, 4), "sentiment": _s(4, 5, 5, 5),
    "speaker": _s(0, 1, 0, 0), "cue": _s(1, 3, 2, 1), "content": _s(2, 0, 1, 2),
}
_FALLBACK = [CategoryStyle(OKABE_ITO[i % 8], HATCHES[(i // 8) % len(HATCHES)],
                           MARKERS[i % len(MARKERS)], LINESTYLES[i % len(LINESTYLES)])
             for i in range(8 * len(HATCHES))]


def _key(category) -> str:
    return re.sub(r"[\s/]+", "_", str(category).strip().lower())


def style(category) -> CategoryStyle:
    """Return the one style of ``category`` (case and spaces ignored).

    Categories not in :data:`CATEGORY_STYLES` get a style chosen by a stable hash of their
    name, so they too look the same in every figure and every run.

    Example:
        >>> style("threat") == style("Threat")
        True
        >>> style("threat").color
        '#D55E00'
    """
    key = _key(category)
    if key in CATEGORY_STYLES:
        return CATEGORY_STYLES[key]
    if key.replace("_", " ") in CATEGORY_STYLES:
        return CATEGORY_STYLES[key.replace("_", " ")]
    return _FALLBACK[zlib.crc32(key.encode("utf-8")) % len(_FALLBACK)]


def palette(categories: Iterable) -> dict:
    """``{category: colour}`` for seaborn's ``palette=`` argument.

    Example:
        >>> palette(["threat", "warning"])
        {'threat': '#D55E00', 'warning': '#E69F00'}
    """
    return {c: style(c).color for c in dict.fromkeys(categories)}


def edge_color(color: str) -> str:
    """Outline and hatch colour readable on ``color``: white on dark fills, dark grey elsewhere.

    Example:
        >>> edge_color("#000000"), edge_color("#F0E442")
        ('#FFFFFF', '#333333')
    """
    r, g, b = matplotlib.colors.to_rgb(color)
    return "#FFFFFF" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.25 else "#333333"


def legend_handles(categories: Iterable) -> list[Patch]:
    """Legend patches with each category's colour *and* hatch.

    Example:
        >>> [h.get_label() for h in legend_handles(["threat"])]
        ['threat']
    """
    out = []
    for c in dict.fromkeys(categories):
        s = style(c)
        out.append(Patch(facecolor=s.color, hatch=s.hatch, edgecolor=edge_color(s.color), label=str(c)))
    return out


def set_theme(**overrides) -> None:
    """Apply the toolkit's figure theme (seaborn ``ticks`` + Okabe-Ito colours).

    Keyword arguments override matplotlib rc settings.

    Example:
        >>> set_theme()
    """
    sns.set_theme(context="paper", style="ticks", palette=OKABE_ITO, font_scale=1.1,
                  rc={"figure.dpi": 100, "savefig.dpi": DPI, "axes.spines.top": False,
                      "axes.spines.right": False, "svg.hashsalt": "toolkit",
                      "hatch.linewidth": 0.6, "pdf.fonttype": 42, "svg.fonttype": "none",
                      **overrides})


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
         notes: str | None = None) -> list[Path]:
    """Save ``fig`` as ``out_dir/name.{png,svg,pdf}`` + a ``name.json`` provenance sidecar.

    Args:
        fig: a matplotlib Figure.
        name: file stem, named after the notebook step (``"4.1-escalation-by-dyad"``).
        out_dir: folder (created if needed).
        formats: any of ``png``, ``svg``, ``pdf``.
        analysis, corpus, filters, command, n_documents, lexicons: provenance (see
            :func:`provenance`); anything not given comes from :func:`provenance_context`.
        notes: free text kept in the sidecar (what the figure shows, caveats).

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
        'documents'
    """
    words = tokens.loc[~tokens["is_punct"].astype(bool)].groupby("doc_id").size().rename("words")
    df = documents[["doc_id", "date"]].merge(words, left_on="doc_id", right_index=True, how="left")
    df["words"] = df["words"].fillna(0)
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2))
    years = df["date"].dt.year.dropna() if df["date"].notna().any() else pd.Series(dtype="float64")
    if years.nunique() >= 3:
        df["year"] = df["date"].dt.year
        by = df.groupby("year").agg(documents=("doc_id", "size"), words=("words", "sum")).reset_index()
        axes[0].bar(by["year"], by["documents"], color=OKABE_ITO[0], width=0.9)
        axes[0].set_xlabel("year")
        axes[0].set_ylabel("documents")
        axes[1].plot(by["year"], by["words"] / 1000, color=OKABE_ITO[3], marker="o", ms=3)
        axes[1].set_xlabel("year")
        axes[1].set_ylabel("words (thousands)")
    else:
        # Too few years for a time line: documents by year (or undated) and words per document.
        label = df["date"].dt.year.map(lambda y: "undated" if pd.isna(y) else str(int(y)))
        counts = label.value_counts().sort_index()
        axes[0].bar(counts.index, counts.values, color=OKABE_ITO[0], width=0.6)
        axes[0].set_xlabel("year")
        axes[0].set_ylabel("documents")
        per_doc = df.sort_values("words", ascending=False).head(30)
        axes[1].barh(range(len(per_doc))[::-1], per_doc["words"], color=OKABE_ITO[3], hatch="//",
                     edgecolor="white")
        axes[1].set_yticks(range(len(per_doc))[::-1], [str(d)[:28] for d in per_doc["doc_id"]],
                           fontsize=7)
        axes[1].set_xlabel("words" + (" (30 longest documents)" if len(df) > 30 else ""))
    fig.suptitle(f"{len(df):,} documents, {int(df['words'].sum()):,} words")
    fig.tight_layout()
    return fig


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color="#555555")
    ax.set_xticks([])
    ax.set_yticks([])


def category_bars(table: pd.DataFrame, *, category: str, value: str | None = None,
                  title: str | None = None, top: int = 20, xlabel: str | None = None):
    """Horizontal bars, one per category, each in its colour *and* hatch.

    Args:
        table: a tidy table.
        category: the column holding the categories.
        value: a numeric column to sum; default: count rows.
        title, xlabel: labels.
        top: keep the ``top`` largest categories.

    Example:
        >>> import pandas as pd
        >>> fig = category_bars(pd.DataFrame({"category": ["threat", "warning", "threat"]}),
        ...                     category="category")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['warning', 'threat']
    """
    if value is None:
        counts = table[category].value_counts()
    else:
        counts = table.groupby(category)[value].sum().sort_values(ascending=False)
    counts = counts.head(top).sort_values()
    fig, ax = plt.subplots(figsize=(6, max(1.6, 0.32 * len(counts) + 0.8)))
    if counts.empty:
        _empty(ax, "no rows")
    for i, (cat, n) in enumerate(counts.items()):
        s = style(cat)
        ax.barh(i, n, color=s.color, hatch=s.hatch, edgecolor=edge_color(s.color), linewidth=0.5)
    ax.set_yticks(range(len(counts)), [str(c) for c in counts.index])
    ax.set_xlabel(xlabel or (value or "count"))
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def stacked_shares(table: pd.DataFrame, *, index: str, category: str, value: str | None = None,
                   title: str | None = None, top: int = 12, min_total: int = 1):
    """For each ``index`` value (an actor), the share of each ``category`` as a stacked bar.

    Bars are labelled with their totals (n), so shares of tiny groups are not over-read.

    Args:
        table: tidy rows, e.g. quotes with ``speaker_actor`` and ``cue_class``.
        index: column of the groups (one bar each).
        category: column whose shares are stacked.
        value: numeric column to sum (default: count rows).
        top: keep the ``top`` largest groups; min_total: drop groups with fewer rows.

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
    totals = ct.sum(axis=1)
    shares = ct.div(totals.where(totals > 0, 1), axis=0).iloc[::-1]
    cats = list(ct.sum().sort_values(ascending=False).index)
    fig, ax = plt.subplots(figsize=(7.5, max(1.8, 0.36 * len(shares) + 1.0)))
    if shares.empty:
        _empty(ax, "no rows")
    left = pd.Series(0.0, index=shares.index)
    for cat in cats:
        s = style(cat)
        ax.barh(range(len(shares)), shares[cat], left=left, color=s.color, hatch=s.hatch,
                edgecolor=edge_color(s.color), linewidth=0.5, label=str(cat))
        left += shares[cat]
    ax.set_yticks(range(len(shares)), [f"{i} (n={int(totals[i])})" for i in shares.index])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share")
    if cats:
        ax.legend(handles=legend_handles(cats), title=category, bbox_to_anchor=(1.01, 1),
                  loc="upper left", frameon=False)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def network(edges: pd.DataFrame, *, source: str = "source", target: str = "target",
            weight: str = "weight", relation: str | None = "relation", title: str | None = None,
            top: int = 40):
    """A directed actor network: nodes on a circle, arrows sized by weight, styled by relation.

    A circular layout is deterministic and keeps every label readable for the tens of actors
    a corpus has; arrow width is proportional to ``weight``, arrow colour and line style follow
    the relation's :func:`style`; self-loops are drawn as a ring on the node.

    Args:
        edges: one row per (source, target[, relation]) with a ``weight``.
        source, target, weight, relation: column names (``relation=None``: one kind of edge).
        top: keep the ``top`` heaviest edges.

    Example:
        >>> import pandas as pd
        >>> e = pd.DataFrame({"source": ["RUS"], "target": ["USA"], "weight": [3], "relation": ["warning"]})
        >>> network(e).axes[0].get_title()
        ''
    """
    fig, ax = plt.subplots(figsize=(7, 6.2))
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    if edges.empty:
        _empty(ax, "no edges")
        return fig
    e = edges.sort_values(weight, ascending=False).head(top)
    nodes = sorted(set(e[source].astype(str)) | set(e[target].astype(str)))
    n = len(nodes)
    pos = {a: (math.cos(2 * math.pi * i / n + math.pi / 2), math.sin(2 * math.pi * i / n + math.pi / 2))
           for i, a in enumerate(nodes)}
    strength = pd.concat([e.groupby(source)[weight].sum(), e.groupby(target)[weight].sum()]).groupby(level=0).sum()
    wmax = float(e[weight].max()) or 1.0
    relations = list(dict.fromkeys(e[relation])) if relation else []
    # Several relations between one pair of actors: fan their arcs out so none hides another.
    lane: dict[tuple[str, str], int] = {}
    for _, row in e.iterrows():
        a, b = str(row[source]), str(row[target])
        k = lane[(a, b)] = lane.get((a, b), -1) + 1
        st = style(row[relation]) if relation else CategoryStyle("#555555")
        lw = 0.8 + 4.0 * float(row[weight]) / wmax
        if a == b:
            x, y = pos[a]
            ax.add_patch(plt.Circle((x * 1.12, y * 1.12), 0.08, fill=False, color=st.color, lw=lw,
                                    linestyle=st.linestyle))
            continue
        ax.add_patch(FancyArrowPatch(pos[a], pos[b], connectionstyle=f"arc3,rad={0.15 + 0.14 * k:.2f}",
                                     arrowstyle="-|>", mutation_scale=8 + 3 * lw, lw=lw,
                                     color=st.color, linestyle=st.linestyle, alpha=0.85,
                                     shrinkA=14, shrinkB=14))
    for a, (x, y) in pos.items():
        size = 120 + 600 * float(strength.get(a, 0)) / float(strength.max() or 1)
        ax.scatter([x], [y], s=size, color="white", edgecolor="#222222", zorder=3, linewidth=1.2)
        ax.text(x * 1.22, y * 1.22, a, ha="center", va="center", fontsize=9, zorder=4)
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.45, 1.45)
    if relations:
        from matplotlib.lines import Line2D

        handles = [Line2D([0], [0], color=style(r).color, linestyle=style(r).linestyle, lw=2.5,
                          label=str(r)) for r in relations]
        ax.legend(handles=handles, title=relation, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  frameon=False)
    fig.tight_layout()
    return fig


def style_table(categories: Iterable) -> pd.DataFrame:
    """The styles of ``categories`` as a table (for documentation and legends).

    Example:
        >>> style_table(["threat"]).loc[0, "color"]
        '#D55E00'
    """
    return pd.DataFrame([{"category": c, **asdict(style(c))} for c in dict.fromkeys(categories)])
