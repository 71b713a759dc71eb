"""Preloaded by the pipeline's forkserver: import and warm everything a worker needs, once.

Importing this module loads WordNet (about 3 s), Punkt and the stop words, and imports the
registered annotators (which compile their lexicons lazily). Worker processes fork from the
server that imported it, so each starts warm instead of paying that cost again. Importing it
anywhere else is harmless but slow; nothing else should.
"""
from __future__ import annotations

import warnings

from . import pipeline, resources, tokenize

with warnings.catch_warnings():
    # The parent process already warned about missing NLTK data; stay quiet here.
    warnings.simplefilter("ignore", resources.DegradedWarning)
    if resources.available("wordnet"):
        tokenize.lemmatize("warnings")
    if resources.available("punkt_tab"):
        tokenize.sentence_spans("Warm up. Done.")
    tokenize._stopwords()
    try:
        pipeline.registry()
    except Exception:  # noqa: BLE001, S110 - a broken annotator fails in the worker, with its error
        pass
