"""The examples in the engine's and the annotator registry's docstrings run and say what they show."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["toolkit.annotator", "toolkit.pipeline", "toolkit.engine.chunk", "toolkit.engine.collect",
           "toolkit.engine.keys", "toolkit.engine.plan", "toolkit.engine.results",
           "toolkit.engine.store", "toolkit.engine.transport", "toolkit.engine.workers"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
