"""Discourse toolkit: who warns, threatens, accuses or reassures whom, with evidence.

The few entry points a notebook needs::

    import toolkit
    corpus = toolkit.load_corpus("data/sample")          # documents + load report
    analysis = toolkit.analyze("data/sample")            # every table, offsets into the text
    analysis["tokens"].head()
"""
from __future__ import annotations

__version__ = "0.1.0"

from .corpus import Corpus, CorpusError, load_corpus  # noqa: E402
from .pipeline import Analysis, analyze  # noqa: E402
from .tokenize import tokenize_documents  # noqa: E402

__all__ = ["Analysis", "Corpus", "CorpusError", "analyze", "load_corpus", "tokenize_documents",
           "__version__"]
