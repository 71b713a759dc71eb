"""Report builds shared by the notebook, report and browser tests (one build per corpus per run).

A build executes every notebook of the series once (papermill), so the tests that check
notebooks, figures, index.html and the browser view all read the same executions instead of
running the notebooks again: the machine has two cores.
"""
from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from toolkit import report
from toolkit.config import SAMPLE_DIR, shared_path

# corpus name -> (filters, reason to skip when absent or None)
CORPORA = {
    "sample": {},
    "seed": {},
    "ungdc": {"countries": ["RUS", "USA", "UKR"], "years": [2022]},
}


def skip_reason(corpus: str) -> str | None:
    """Why a corpus cannot be used on this machine (None when it can)."""
    if corpus == "sample" and not any(SAMPLE_DIR.glob("*.md")):
        return f"the bundled sample is absent ({SAMPLE_DIR} has no .md files)"
    if corpus == "seed" and shared_path("seed", "article.txt") is None:
        return "the seed article is absent (shared/seed/article.txt; set TOOLKIT_SHARED)"
    if corpus == "ungdc" and shared_path("corpora", "ungdc_1946-2024.jsonl.gz") is None:
        return "the UN General Debate corpus is absent (shared/corpora; set TOOLKIT_SHARED)"
    return None


@functools.cache
def built(corpus: str) -> tuple[Path, dict]:
    """Build the report for ``corpus`` once per test session; return (folder, run record)."""
    reason = skip_reason(corpus)
    if reason:
        pytest.skip(reason)
    out = Path(tempfile.mkdtemp(prefix=f"toolkit-report-{corpus}-"))
    if not os.environ.get("TOOLKIT_KEEP_REPORTS"):  # set it to keep them for debugging
        atexit.register(shutil.rmtree, out, ignore_errors=True)
    filters = CORPORA[corpus]
    analysis = report.run_notebooks_for(corpus, out, workers=1, progress=False, **filters)
    return out, analysis.meta["report"]
