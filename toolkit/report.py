"""The headless main job: analyse a corpus and write tables and figures under ``reports/``."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt

from . import figures
from .pipeline import Analysis, analyze


def build_report(corpus, out_dir: str | Path = "reports", *, description: str = "",
                 workers: int | None = None) -> Analysis:
    """Analyse ``corpus`` and write ``tables/`` (Parquet + CSV), ``figures/`` and ``summary.txt``.

    Example:
        >>> import tempfile, toolkit.datasets as ds
        >>> a = build_report(ds.sample(), tempfile.mkdtemp(), workers=1)  # doctest: +SKIP
    """
    out = Path(out_dir)
    analysis = analyze(corpus, workers=workers)
    analysis.save(out / "tables", format="parquet")
    analysis.save(out / "tables", format="csv")
    figures.set_theme()
    fig = figures.corpus_overview(analysis.documents, analysis.tokens)
    figures.save(fig, "0.1-corpus-overview", out / "figures")
    plt.close(fig)
    lines = [f"corpus: {description}", analysis.meta.get("load_summary", ""), "", analysis.summary()]
    (out / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return analysis
