"""Preloaded by the pipeline's forkserver: import and warm everything a worker needs, once.

Importing this module loads WordNet, Punkt and the stop words, and runs a two-sentence chunk
through the annotators the starting command selected (all registered ones unless it said,
:func:`toolkit._workers.start_forkserver`) so that their lexicons and models are loaded. Worker
processes fork from the server that imported it, so each starts warm instead of paying that
cost again. Importing it anywhere else is harmless but slow; nothing else should.
"""
from __future__ import annotations

import gc
import warnings

from . import _workers


def _warm_up() -> None:
    from . import resources

    resources.import_nltk_lean()  # workers run annotators only: NLTK without its SciPy/sklearn parts

    import pandas as pd
    import pyarrow

    from . import pipeline, tokenize
    from .engine.chunk import run_chunk_stored

    # Each worker converts its own chunk's small tables between Arrow and pandas while the
    # other workers keep every CPU busy: Arrow's thread pool there only adds thread start-up
    # (its threads do not survive the fork) and hand-offs, so each worker uses one thread
    # (measured in docs/SCALING.md).
    pyarrow.set_cpu_count(1)

    with warnings.catch_warnings():
        # The parent process already warned about missing NLTK data; stay quiet here.
        warnings.simplefilter("ignore", resources.DegradedWarning)
        if resources.available("wordnet"):
            tokenize.lemmatize("warnings")
        if resources.available("punkt_tab"):
            tokenize.sentence_spans("Warm up. Done.")
        tokenize._stopwords()
        try:
            # One tiny chunk through the steps the run selected loads their lexicons and models
            # (VADER, TextBlob, automata, the tagger) here, once, instead of in every worker.
            # Its tables stay in the stored form: converting them back to pandas would warm
            # nothing a worker uses.
            steps, pos = _what_to_warm(pipeline)
            run_chunk_stored(pd.DataFrame({"doc_id": ["warm-up"], "text": [
                "The minister warned on Monday that the government would respond. "
                "\"We seek peace,\" he told reporters."]}), steps, pos=pos)
        except Exception:  # noqa: BLE001, S110 - a broken annotator fails in the worker, with its error
            pass


def _what_to_warm(pipeline) -> tuple[list, bool]:
    """The annotators (with the steps they need) and whether POS tags, as the command that
    started this server asked; every registered annotator when it did not say or named a step
    that does not exist (the run itself reports that)."""
    names, pos = _workers.warm_request()
    try:
        return (pipeline.registry() if names is None else pipeline.select(names)), pos
    except Exception:  # noqa: BLE001
        return pipeline.registry(), pos


# First, before the slow part: a command killed while the server warms up must not leave it behind.
_workers.guard_forkserver()

# Loading makes millions of objects and almost no cyclic garbage, so the collector only walked
# the growing heap again and again (three full collections, none finding anything): without it
# the server is ready sooner, and every worker waits for the server.
gc.disable()
try:
    _warm_up()
finally:
    # Workers fork from this process: keep what it loaded out of every later collection (the
    # collector would otherwise touch, and so copy, the shared pages in every worker).
    gc.freeze()
    gc.enable()
