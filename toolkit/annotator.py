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
import importlib
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from .tokenize import ChunkMemo

BASE_TABLES = ("documents", "sentences", "tokens", "load_report")
TOKENIZE = "tokenize"                       # the name of the first step of every chunk
TOKENIZE_OUTPUTS = ("sentences", "tokens")
# Annotator modules in run order; each exposes ``ANNOTATOR`` (an :class:`Annotator`).
ANNOTATOR_MODULES: tuple[str, ...] = (
    "toolkit.actors",
    "toolkit.quotes",
    "toolkit.framing",
    "toolkit.escalation",
    "toolkit.events",
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
    gazetteer). A step whose function takes the ``lexicons`` option sets ``lexicon_policy``
    (``"replace"``, ``"add"`` or ``"any"``: how far the option may change ``lexicons``), and
    the option is then read at the door as :func:`toolkit.lexicon.choose` says, the same way
    for every step. Bump ``version`` when the step's behaviour changes in a way its source file
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
    lexicon_policy: str | None = None


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
        ('lexicons', 'event_rule', 'lexicon')
    """
    try:
        # A partial's signature drops what it binds positionally and keeps what it binds by
        # keyword (a call's options override those); a wrapper is read as it is called.
        params = list(inspect.signature(ann.func, follow_wrapped=False).parameters.values())
    except (TypeError, ValueError):
        return None                  # no signature to read (a builtin): anything goes
    params = params[1:]              # the first takes the tables
    if any(p.kind is p.VAR_KEYWORD for p in params):
        return None
    return tuple(p.name for p in params if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD))


def check_options(options: Mapping[str, Mapping] | None,
                  annotators: Sequence[Annotator]) -> dict[str, dict]:
    """``options`` checked against the steps that will run: a plain ``{step: {option: value}}``.

    The ``lexicons`` option of a step with a ``lexicon_policy`` comes back in the one form
    :func:`toolkit.lexicon.choose` gives, whichever way it was spelled (old spellings such as
    ``gazetteers`` are folded in with a ``FutureWarning``), so equal requests share a cache key.

    Raises:
        OptionError: ``options`` names a step that is not among ``annotators``, or an option
            that step's function does not take, or a ``lexicons`` value it cannot read.

    Example:
        >>> check_options({"escalation": {"event_rule": "first"}}, registry())
        {'escalation': {'event_rule': 'first'}}
        >>> check_options({"actor": {}}, registry())
        Traceback (most recent call last):
        ...
        toolkit.annotator.OptionError: `options` names annotator 'actor', which is not run; annotators run are ['actors', 'quotes', 'framing', 'escalation', 'events', 'rhetoric'] (did you mean 'actors'?)
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
        ann = by_name[step]
        takes = option_names(ann)
        for key in opts:
            if takes is not None and key not in takes:
                raise OptionError(f"annotator {step!r} has no option {key!r}; its options are "
                                  f"{_current(step, takes)}{_did_you_mean_option(step, key, takes)}")
        out[step] = _lexicons_read(ann, opts)
    return out


def _current(step: str, takes: Sequence[str]) -> list[str]:
    """A step's options without the old spellings kept for one release (for messages)."""
    from .lexicon import RENAMED_OPTIONS

    return [k for k in takes if (step, k) not in RENAMED_OPTIONS]


def _did_you_mean_option(step: str, key: str, takes: Sequence[str]) -> str:
    from .lexicon import RENAMED_OPTIONS

    close = difflib.get_close_matches(str(key), list(takes), n=1)
    if not close:
        return ""
    if (step, close[0]) in RENAMED_OPTIONS:
        return f" (did you mean 'lexicons'? {close[0]!r} is its old spelling)"
    return f" (did you mean {close[0]!r}?)"


def _lexicons_read(ann: Annotator, opts: Mapping) -> dict:
    if ann.lexicon_policy is None:
        return dict(opts)
    from .lexicon import LexiconChoiceError, choose, new_spelling

    opts = new_spelling(ann.name, opts)
    if "lexicons" in opts:
        try:
            opts["lexicons"] = choose(opts["lexicons"], step=ann.name, bundled=ann.lexicons,
                                      policy=ann.lexicon_policy)
        except LexiconChoiceError as exc:
            raise OptionError(str(exc)) from None
        if not opts["lexicons"]:
            # A request equal to the default (e.g. the bundled lexicon named as itself) is the
            # default, so it shares the default's cache key.
            del opts["lexicons"]
    return opts


class Chunk(Mapping):
    """The tables of one chunk of whole documents, as every annotator receives them.

    A read-only mapping ``name -> DataFrame`` (``documents``, ``sentences``, ``tokens`` and the
    tables of earlier steps the annotator declares), plus the per-document views that several
    annotators need, each built once per chunk and shared: :attr:`texts`, :meth:`doc_rows` and
    :meth:`records`. It also owns :attr:`columns`, the memo of what is computed from its
    tables' columns (token codes and lists, the lexicon matcher's key ids), which the engine
    opens around the chunk's steps (:func:`toolkit.tokenize.chunk_memo`). Reading a table the
    annotator did not declare raises a ``KeyError`` that says what to declare (so that the run
    order and the cache keys know about it).

    Example:
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Hi.", "Yes, no."]})
        >>> chunk = Chunk({"documents": docs})
        >>> chunk.texts["b"], chunk.records("documents", ["text"])["a"]
        ('Yes, no.', [('Hi.',)])
    """

    def __init__(self, tables: Mapping[str, object]):
        # The engine adds each step's tables to ``tables`` as it goes: views see them.
        self._all = tables if isinstance(tables, dict) else dict(tables)
        self._visible: frozenset[str] | None = None
        self._step: str | None = None
        self._frames: dict[str, pd.DataFrame] = {}
        self._memo: dict[tuple, object] = {}
        self.columns = ChunkMemo()

    def view(self, step: str, visible: Sequence[str] | None = None) -> Chunk:
        """The chunk as annotator ``step`` sees it: only the ``visible`` tables (all when
        ``None``), sharing the tables, their pandas forms and the per-document views.

        Example:
            >>> c = Chunk({"documents": pd.DataFrame({"doc_id": ["a"], "text": ["x"]}), "q": None})
            >>> list(c.view("mine", ["documents"]))
            ['documents']
        """
        out = object.__new__(Chunk)
        out._all, out._frames, out._memo, out.columns = self._all, self._frames, self._memo, self.columns
        out._visible = None if visible is None else frozenset(visible)
        out._step = step
        return out

    def _sees(self, name) -> bool:
        return name in self._all and (self._visible is None or name in self._visible)

    @classmethod
    def of(cls, tables: Mapping[str, pd.DataFrame]) -> Chunk:
        """``tables`` as a :class:`Chunk` (itself when it is one already).

        Example:
            >>> c = Chunk.of({"documents": pd.DataFrame({"doc_id": ["a"], "text": ["x"]})})
            >>> Chunk.of(c) is c
            True
        """
        return tables if isinstance(tables, Chunk) else cls(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if not self._sees(name):
            who = f"annotator {self._step!r}" if self._step else "this step"
            raise KeyError(f"{who} read table {name!r}, which it does not declare in "
                           f"Annotator.requires or Annotator.reads (it may read "
                           f"{sorted(self)}); declare it so that the run order and the "
                           "cache keys know about it")
        frame = self._frames.get(name)
        if frame is None:
            value = self._all[name]
            # The engine's stored form of an earlier step's table converts on first use.
            frame = self._frames[name] = value if isinstance(value, pd.DataFrame) else value.frame()
        return frame

    def __iter__(self):
        return (k for k in list(self._all) if self._sees(k))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, name) -> bool:
        return self._sees(name)

    @property
    def texts(self) -> dict[str, str]:
        """``doc_id -> text`` of the chunk's documents (the one immutable text offsets index)."""
        if ("texts",) not in self._memo:
            docs = self["documents"]
            self._memo[("texts",)] = dict(zip(docs["doc_id"].tolist(), docs["text"].tolist()))
        return self._memo[("texts",)]

    def doc_rows(self, name: str) -> dict[str, tuple[int, int]]:
        """``doc_id -> (first row, one past the last)`` of a table whose rows of a document are
        contiguous (every table the engine makes).

        Example:
            >>> c = Chunk({"t": pd.DataFrame({"doc_id": ["a", "a", "b"]})})
            >>> c.doc_rows("t")
            {'a': (0, 2), 'b': (2, 3)}
        """
        key = ("doc_rows", name)
        table = self[name]          # the step must see the table, even when another built this
        if key not in self._memo:
            from .lexicon import _doc_slices

            ids = table["doc_id"].to_numpy(dtype=object)
            self._memo[key] = {d: (i, j) for d, i, j in _doc_slices(ids)}
        return self._memo[key]

    def records(self, name: str, fields: Sequence[str]) -> dict[str, list[tuple]]:
        """``doc_id -> [(values of fields) per row]`` of a table, in table order; a column the
        table lacks gives ``None`` (plain tuples: per-document DataFrame slices cost pandas
        calls per document). Empty for a table that is absent or empty.

        Example:
            >>> c = Chunk({"m": pd.DataFrame({"doc_id": ["a"], "actor": ["RUS"]})})
            >>> c.records("m", ["actor", "sector"])
            {'a': [('RUS', None)]}
        """
        if name not in self._all:   # absent from this chunk
            return {}
        if not self._sees(name):
            self[name]              # the KeyError that says what to declare
        key = ("records", name, tuple(fields))
        if key not in self._memo:
            out: dict[str, list[tuple]] = {}
            df = self[name]
            if len(df):
                cols = [df[c].tolist() if c in df else [None] * len(df) for c in fields]
                for doc, *row in zip(df["doc_id"].tolist(), *cols):
                    out.setdefault(doc, []).append(tuple(row))
            self._memo[key] = out
        return self._memo[key]
