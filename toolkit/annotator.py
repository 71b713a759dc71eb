"""The annotator record and registry: what a step is, which steps exist, and their options.

An annotator is a plain function registered as an :class:`Annotator` record. Annotator modules
import this module only (never the engine, figures or views), and the engine reads the records:
the registry is the one border between the rules and the machinery that runs them.

Options are checked here, at the door, before any work starts (as scikit-learn validates an
estimator's parameters on entry): an unknown step or option raises :class:`OptionError`
naming it and the step, with the valid choices.
"""
from __future__ import annotations

import difflib
import functools
import importlib
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

BASE_TABLES = ("documents", "sentences", "tokens", "load_report")
TOKENIZE = "tokenize"                       # the name of the first step of every chunk
TOKENIZE_OUTPUTS = ("sentences", "tokens")
# Annotator modules in run order; each exposes ``ANNOTATOR`` (an :class:`Annotator`).
ANNOTATOR_MODULES: tuple[str, ...] = (
    "toolkit.actors",
    "toolkit.quotes",
    "toolkit.framing",
    "toolkit.escalation",
    "toolkit.rhetoric",
)


@dataclass(frozen=True)
class Annotator:
    """One analysis step: ``func(tables, **options) -> {table_name: DataFrame}``.

    ``tables`` holds ``documents``, ``sentences``, ``tokens`` and the tables of the earlier steps.
    ``requires`` names the tables the step needs (their producers run first). ``reads`` says
    which other tables it may read when present: ``None`` (the default) means any earlier
    table, so its cache key depends on every earlier step; a tuple (``()`` for none) limits the
    tables it sees to ``requires`` + ``reads`` and its key to their producers, so that editing
    an unrelated lexicon does not re-run it. ``lexicons`` names the
    lexicons (bundled names or paths) the step reads: their versions and contents are part of
    its cache key. ``options`` come from ``analyze(..., options={name: {...}})`` (e.g. a user's
    gazetteer). Bump ``version`` when the step's behaviour changes in a way its source file
    does not show (e.g. a data file it reads).

    Example:
        >>> ann = Annotator("terms", ("terms",), lambda tables: {"terms": tables["tokens"]})
        >>> ann.requires
        ('tokens',)
    """

    name: str
    produces: tuple[str, ...]
    func: Callable[[Mapping[str, pd.DataFrame]], dict[str, pd.DataFrame]]
    requires: tuple[str, ...] = ("tokens",)
    lexicons: tuple[str, ...] = ()
    description: str = ""
    version: str = ""
    reads: tuple[str, ...] | None = None


class OptionError(ValueError):
    """An unknown annotator, or an option a step does not take; the message names both."""


def registry() -> list[Annotator]:
    """Return the registered annotators in run order.

    Example:
        >>> all(isinstance(a, Annotator) for a in registry())
        True
    """
    return [importlib.import_module(m).ANNOTATOR for m in ANNOTATOR_MODULES]


def select(names: Sequence[str | Annotator] | None) -> list[Annotator]:
    """The annotators to run, in order, with the steps they depend on added.

    Example:
        >>> [a.name for a in select(["quotes"])]
        ['actors', 'quotes']
    """
    allowed = registry()
    if names is None:
        return allowed
    extra = [a for a in names if isinstance(a, Annotator)]
    # Annotator objects (e.g. lexicon_annotator(...)) run after the registered ones they need.
    pool = allowed + [a for a in extra if a.name not in {b.name for b in allowed}]
    by_name = {a.name: a for a in pool}
    wanted_names = [a.name if isinstance(a, Annotator) else a for a in names]
    unknown = [n for n in wanted_names if n not in by_name]
    if unknown:
        raise OptionError(f"`annotators` value = {unknown} is invalid; value must be among "
                          f"{list(by_name)}{_did_you_mean(unknown[0], by_name)}")
    return [a for a in pool if a.name in _with_dependencies(set(wanted_names), pool)]


def _with_dependencies(wanted: set[str], pool: Sequence[Annotator]) -> set[str]:
    produced_by = {t: a.name for a in pool for t in a.produces}
    changed = True
    while changed:
        changed = False
        for a in pool:
            if a.name in wanted:
                for req in a.requires:
                    dep = produced_by.get(req)
                    if dep and dep not in wanted:
                        wanted.add(dep)
                        changed = True
    return wanted


def _did_you_mean(name: str, choices) -> str:
    close = difflib.get_close_matches(str(name), [str(c) for c in choices], n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def option_names(ann: Annotator) -> tuple[str, ...] | None:
    """The keyword options ``ann``'s function takes (``None`` when it takes any ``**kwargs``).

    Example:
        >>> option_names(registry()[3])
        ('lexicon', 'event_rule')
    """
    func = ann.func
    while isinstance(func, functools.partial):
        func = func.func
    params = list(inspect.signature(func).parameters.values())[1:]   # the first takes the tables
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    # Keywords a partial binds stay options: a call's options override them.
    return tuple(p.name for p in params if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD))


def check_options(options: Mapping[str, Mapping] | None,
                  annotators: Sequence[Annotator]) -> dict[str, dict]:
    """``options`` checked against the steps that will run: a plain ``{step: {option: value}}``.

    Raises:
        OptionError: ``options`` names a step that is not among ``annotators``, or an option
            that step's function does not take.

    Example:
        >>> check_options({"escalation": {"event_rule": "first"}}, registry())
        {'escalation': {'event_rule': 'first'}}
        >>> check_options({"actor": {}}, registry())
        Traceback (most recent call last):
        ...
        toolkit.annotator.OptionError: `options` names annotator 'actor', which is not run; annotators run are ['actors', 'quotes', 'framing', 'escalation', 'rhetoric'] (did you mean 'actors'?)
    """
    if options is None:
        return {}
    if not isinstance(options, Mapping):
        raise OptionError(f"`options` must be a dict of {{annotator: {{option: value}}}}, "
                          f"not {type(options).__name__}")
    by_name = {a.name: a for a in annotators}
    out = {}
    for step, opts in options.items():
        if step not in by_name:
            raise OptionError(f"`options` names annotator {step!r}, which is not run; annotators "
                              f"run are {list(by_name)}{_did_you_mean(step, by_name)}")
        if not isinstance(opts, Mapping):
            raise OptionError(f"options of annotator {step!r} must be a dict of "
                              f"{{option: value}}, not {type(opts).__name__}")
        takes = option_names(by_name[step])
        for key in opts:
            if takes is not None and key not in takes:
                raise OptionError(f"annotator {step!r} has no option {key!r}; its options are "
                                  f"{list(takes)}{_did_you_mean(key, takes)}")
        out[step] = dict(opts)
    return out


def lexicon_versions(annotators: Sequence[Annotator]) -> dict[str, str]:
    """``lexicon name -> version`` for the lexicons the given annotators use.

    Example:
        >>> lexicon_versions([])
        {}
    """
    from .lexicon import load

    out = {}
    for a in annotators:
        for name in a.lexicons:
            lex = load(name)
            out[lex.name] = lex.version
    return out
