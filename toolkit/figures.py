"""One theme, one colour map, one ``save()`` for every figure.

Plot functions take tidy tables and return a :class:`matplotlib.figure.Figure`; ``save()``
writes PNG (300 dpi) + SVG + PDF with stable metadata (no creation date), so re-running an
analysis gives byte-identical SVG/PDF files.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg", force=False)
import matplotlib.pyplot as plt  # noqa: E402
import seaborn as sns  # noqa: E402

FORMATS = ("png", "svg", "pdf")
DPI = 300
# Okabe & Ito (2008) colour-blind-safe palette; distinct in greyscale by lightness order too.
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]


def set_theme(**overrides) -> None:
    """Apply the toolkit's figure theme (seaborn ``ticks`` + Okabe-Ito colours).

    Example:
        >>> set_theme()
    """
    sns.set_theme(context="paper", style="ticks", palette=OKABE_ITO, font_scale=1.1,
                  rc={"figure.dpi": 100, "savefig.dpi": DPI, "axes.spines.top": False,
                      "axes.spines.right": False, "svg.hashsalt": "toolkit",
                      "pdf.fonttype": 42, "svg.fonttype": "none", **overrides})


def save(fig, name: str, out_dir: str | Path = "reports/figures", *,
         formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Save ``fig`` as ``out_dir/name.{png,svg,pdf}`` with stable metadata; return the paths.

    Args:
        fig: a matplotlib Figure.
        name: file stem, named after the notebook step (``"4.1-escalation-by-dyad"``).
        out_dir: folder (created if needed).
        formats: any of ``png``, ``svg``, ``pdf``.

    Example:
        >>> import tempfile, matplotlib.pyplot as plt
        >>> fig, ax = plt.subplots(); _ = ax.plot([1, 2])
        >>> [p.suffix for p in save(fig, "demo", tempfile.mkdtemp())]
        ['.png', '.svg', '.pdf']
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise ValueError(f"`formats` value = {fmt!r} is invalid; value must be one of {list(FORMATS)}")
        path = out / f"{name}.{fmt}"
        metadata = {"png": {"Software": "discourse-toolkit"},
                    "svg": {"Date": None, "Creator": "discourse-toolkit"},
                    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "discourse-toolkit",
                            "Producer": "discourse-toolkit"}}[fmt]
        fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata=metadata)
        paths.append(path)
    return paths


def corpus_overview(documents, tokens):
    """Documents and words over time (by year), or per document when there are no dates.

    Example:
        >>> import pandas as pd
        >>> docs = pd.DataFrame({"doc_id": ["a"], "date": pd.to_datetime(["2020-01-01"], utc=True)})
        >>> toks = pd.DataFrame({"doc_id": ["a", "a"], "is_punct": [False, True]})
        >>> corpus_overview(docs, toks).axes[0].get_ylabel()
        'documents'
    """
    words = tokens.loc[~tokens["is_punct"]].groupby("doc_id").size().rename("words")
    df = documents[["doc_id", "date"]].merge(words, left_on="doc_id", right_index=True, how="left")
    df["words"] = df["words"].fillna(0)
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2))
    if df["date"].notna().any():
        df["year"] = df["date"].dt.year
        by = df.groupby("year").agg(documents=("doc_id", "size"), words=("words", "sum")).reset_index()
        axes[0].bar(by["year"], by["documents"], color=OKABE_ITO[0], width=0.9)
        axes[0].set_xlabel("year")
        axes[1].plot(by["year"], by["words"] / 1000, color=OKABE_ITO[3], marker="o", ms=3)
        axes[1].set_xlabel("year")
        axes[1].set_ylabel("words (thousands)")
    else:
        axes[0].bar(range(len(df)), [1] * len(df), color=OKABE_ITO[0])
        axes[1].bar(range(len(df)), df["words"], color=OKABE_ITO[3])
        axes[1].set_ylabel("words")
    axes[0].set_ylabel("documents")
    fig.suptitle(f"{len(df):,} documents, {int(df['words'].sum()):,} words")
    fig.tight_layout()
    return fig
