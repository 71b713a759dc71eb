"""Every example in the package's docstrings runs and gives what it shows.

The examples are the quickest documentation a user reads; an example whose output drifted
(a lexicon's version bumped, a cache decorator lost) is a bug this test finds.
"""
from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import sys

import pytest

import toolkit
from toolkit import resources

MODULES = sorted(m.name for m in pkgutil.walk_packages(toolkit.__path__, "toolkit.")
                 if not m.name.endswith("__main__"))


def _with_docstrings(module, monkeypatch):
    """The module, or for a compiled copy (toolkit._native), which keeps no function
    docstrings, a fresh pure-Python import of it (``TOOLKIT_PURE`` for the test), in
    ``sys.modules`` for the test (doctest finds the functions of the module registered under
    their ``__module__``)."""
    from toolkit import _native

    if not _native.is_native(module):
        return module
    # A module that imported names from the compiled copy (``toolkit._quote_rules`` from
    # ``toolkit.quotes``) would hand the pure copy's objects to compiled functions, which refuse
    # them ("toolkit.quotes._Doc object expected"), and a compiled one checks the compiled
    # classes: each is imported afresh (pure, as the test sets ``TOOLKIT_PURE``) when the
    # examples first need it, and the entries and package attributes are restored after it.
    monkeypatch.setenv("TOOLKIT_PURE", "1")
    for name, other in list(sys.modules.items()):
        if name.startswith("toolkit.") and not name.endswith("__mypyc") and (other is module or any(
                getattr(v, "__module__", None) == module.__name__ for v in vars(other).values())):
            monkeypatch.delitem(sys.modules, name)
            parent, _, attr = name.rpartition(".")
            monkeypatch.setattr(sys.modules[parent], attr, other, raising=False)
    return importlib.import_module(module.__name__)


@pytest.mark.skipif(not all(resources.available(r) for r in resources.RESOURCES),
                    reason="the examples show results with the NLTK data; without it they differ by design")
@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name, monkeypatch):
    module = _with_docstrings(importlib.import_module(name), monkeypatch)
    try:
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                                 report=True, verbose=False)
    finally:
        import matplotlib.pyplot as plt

        plt.close("all")   # the figures' examples draw; none is kept open for the next test
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (see above)"
