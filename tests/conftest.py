"""Shared fixtures: the shared data folder (skipping with a reason when absent) and tables."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit.config import shared_path

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config):
    # analyze() caches by default; tests must neither read a user's cache nor fill it.
    if "TOOLKIT_CACHE" not in os.environ:
        import tempfile

        os.environ["TOOLKIT_CACHE"] = tempfile.mkdtemp(prefix="toolkit-test-cache-")


def need_shared(*parts: str) -> Path:
    """Return a path under the shared folder or skip the test, saying what is missing."""
    p = shared_path(*parts)
    if p is None:
        pytest.skip(f"shared data {'/'.join(parts)} not found (set TOOLKIT_SHARED or put shared/ "
                    "next to the project); CI has it")
    return p


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need_shared("seed", "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis():
    """The seed article through the whole pipeline (every registered annotator)."""
    need_shared("seed", "article.txt")
    import toolkit
    from toolkit import datasets

    return toolkit.analyze(datasets.seed(), workers=1)


@pytest.fixture(scope="session")
def sample_analysis():
    import toolkit
    from toolkit import datasets

    return toolkit.analyze(datasets.sample(), workers=1)


@pytest.fixture(scope="session")
def ungdc_slice():
    """A small real slice of the UN General Debate corpus: RUS, USA, UKR, GBR, CHN in 2014."""
    need_shared("corpora", "ungdc_1946-2024.jsonl.gz")
    from toolkit import datasets

    return datasets.ungdc(countries=["RUS", "USA", "UKR", "GBR", "CHN"], years=[2014])


@pytest.fixture(scope="session")
def nltk_data_available() -> bool:
    """Whether every NLTK resource the toolkit uses is found (CI's second pass has none)."""
    from toolkit import resources

    return bool(resources.status()["available"].all())
