"""Discourse toolkit: who warns, threatens, accuses or reassures whom, with evidence.

The few entry points a notebook needs::

    import toolkit
    corpus = toolkit.load_corpus("data/sample")          # documents + load report
    analysis = toolkit.analyze("data/sample")            # every table, offsets into the text
    analysis["tokens"].head()

They are imported on first use (PEP 562), so ``python -m toolkit`` starts its worker
processes before it loads pandas and the annotators.
"""
from __future__ import annotations

import importlib

from . import _native

__version__ = "0.1.0"

# Compiled copies of a few hot modules, where built and their source unchanged (toolkit._native).
_native.install()

_ENTRY_POINTS = {
    "Analysis": "pipeline", "analyze": "pipeline",
    "Corpus": "corpus", "CorpusError": "corpus", "load_corpus": "corpus",
    "tokenize_documents": "tokenize",
}

__all__ = ["Analysis", "Corpus", "CorpusError", "analyze", "load_corpus", "tokenize_documents",
           "__version__"]


def __getattr__(name: str):
    module = _ENTRY_POINTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_ENTRY_POINTS})
