"""Command line: ``python -m toolkit {analyze,report,doctor,setup} ...``.

``python -m toolkit analyze INPUT --out DIR`` is a stable contract: it writes one file per
table, ``DIR/<table>.parquet`` (``--format csv`` for CSV): ``documents``, ``sentences``,
``tokens``, ``load_report`` and every annotator's tables.
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

DATASET_NAMES = ("sample", "seed", "ungdc", "presidential", "nltk")


def _source(inputs: list[str], text_col: str | None, id_col: str | None, strict: bool,
            filters: dict | None = None):
    """A Corpus for a dataset name or paths, with the options it declares and ``filters``
    (countries, years, limit) applied."""
    from . import datasets
    from .corpus import load_corpus

    if len(inputs) == 1 and inputs[0] in DATASET_NAMES and not Path(inputs[0]).exists():
        name = inputs[0]
        corpus = {"sample": datasets.sample, "seed": datasets.seed, "ungdc": datasets.ungdc,
                  "presidential": datasets.presidential, "nltk": datasets.nltk_speeches}[name]()
    else:
        name = " ".join(inputs)
        columns = {k: v for k, v in (("text", text_col), ("doc_id", id_col)) if v}
        source = inputs if len(inputs) > 1 else inputs[0]
        corpus = load_corpus(source, columns=columns or None, strict=strict)
        corpus.options = datasets.declared_options(source)
    return datasets.subset(corpus, **(filters or {}), name=name) if filters else corpus


def _filters(args) -> dict:
    if args.limit is not None and args.limit < 1:   # -1 silently dropped the last document
        raise ValueError(f"`--limit` value = {args.limit} is invalid; value must be a number of documents, 1 or more")
    return {k: v for k, v in (("countries", args.countries), ("years", args.years),
                              ("limit", args.limit)) if v not in (None, "")}


def _lexicon_overlays(specs: list[str] | None) -> dict:
    """``--lexicon NAME=PATH`` (repeatable) as ``{name: path}``."""
    out = {}
    for spec in specs or ():
        name, sep, path = spec.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise ValueError(f"`--lexicon` value = {spec!r} is invalid; use NAME=PATH, "
                             "e.g. escalation=my_cues.csv")
        out[name.strip()] = path.strip()
    return out


def _user_lexicons(args) -> dict:
    """``--gazetteer`` and ``--lexicon`` as per-step options (``{"actors": {"lexicons": [...]}}``)."""
    from . import lexicon

    user = {"actors": {"lexicons": args.gazetteer}} if args.gazetteer else {}
    for step, opts in lexicon.overlay_options(_lexicon_overlays(args.lexicon)).items():
        mine = user.setdefault(step, {})
        mine["lexicons"] = lexicon.combine(mine.get("lexicons"), opts["lexicons"])
    return user


def _check_inputs(inputs: list[str], columns: dict | None = None, strict: bool = False) -> None:
    """Misuse fails here, before any work: an input that names nothing (a near dataset name is
    suggested), or inputs that give no document at all (empty, all bad, wrong --text-col)."""
    import difflib
    import glob

    from .corpus import CorpusError, require_documents

    if not inputs or (len(inputs) == 1 and inputs[0] in DATASET_NAMES and not Path(inputs[0]).exists()):
        return   # the default corpus, or a dataset (which says itself where it looked)
    for name in inputs:
        if not os.path.lexists(name) and not glob.glob(name, recursive=True):
            near = difflib.get_close_matches(name, DATASET_NAMES, n=1)
            hint = f"; did you mean the dataset {near[0]!r}?" if near else \
                f" (datasets: {', '.join(DATASET_NAMES)})"
            raise CorpusError(f"{name}: no such file, folder or matching glob{hint}")
    require_documents(inputs if len(inputs) > 1 else inputs[0], columns=columns, strict=strict)


def _check_out(out: str, *, make: bool = False) -> None:
    """An output folder that cannot be written fails before the work, not after it."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise ValueError(f"--out {out} is a file, not a folder")
    parent = path
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise ValueError(f"--out {out}: {parent} is a file, so the folder cannot be made")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"--out {out}: no permission to write in {parent}")
    if make:
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ValueError(f"--out {out}: the folder cannot be made ({exc.strerror or exc})") from None


def cmd_analyze(args) -> int:
    from . import datasets
    from .pipeline import analyze

    inputs, filters = args.input, _filters(args)
    columns = {k: v for k, v in (("text", args.text_col), ("doc_id", args.id_col)) if v} or None
    _check_out(args.out)
    _check_inputs(inputs, columns, args.strict)
    if filters or (len(inputs) == 1 and inputs[0] in DATASET_NAMES and not Path(inputs[0]).exists()):
        corpus = _source(inputs, args.text_col, args.id_col, args.strict, filters)
    else:  # paths: analyze() loads them, several files a batch at a time
        corpus = inputs if len(inputs) > 1 else inputs[0]
    annotators = None if args.annotators is None else [a for a in args.annotators.split(",") if a]
    from .annotator import check_options, select

    steps = select(annotators)
    options = datasets.analysis_options(corpus, _user_lexicons(args), steps=[a.name for a in steps]) or None
    check_options(options, steps)  # a missing or misnamed lexicon fails before --out is made
    _check_out(args.out, make=True)
    # Parquet is streamed chunk by chunk (bounded memory); CSV is written from memory.
    stream = args.format == "parquet"
    analysis = analyze(corpus, annotators=annotators, workers=args.workers, pos=args.pos,
                       columns=columns, strict=args.strict, cache=not args.no_cache,
                       engine=args.engine, out=args.out if stream else None, options=options)
    paths = [args.out] if stream else analysis.save(args.out, format=args.format)
    print(analysis.meta["load_summary"])
    print(analysis.summary())
    run = analysis.meta["run"]
    print(f"{run['chunks']} chunks, {run['chunks_from_cache']} from the cache; "
          f"wrote {len(analysis.tables) + 1 if stream else len(paths)} files to {args.out}")
    return 0


def cmd_report(args) -> int:
    from . import datasets
    from .report import build_report, describe, filters_of, open_corpus

    _filters(args)
    _check_out(args.out)
    _check_inputs(args.input)
    filters = filters_of(countries=args.countries, years=args.years, limit=args.limit)
    name = args.input[0] if len(args.input) == 1 else None
    if name and (name in DATASET_NAMES or filters):
        corpus, what = open_corpus(name, **filters)
    elif args.input:
        corpus, what = _source(args.input, None, None, False, filters), describe(" ".join(args.input), filters)
    else:
        corpus, what = datasets.default_corpus()
        name = "nltk" if what.startswith("NLTK") else "sample"
        if filters:
            corpus, _ = open_corpus(corpus, **filters)
            what = describe(what, filters)
    user = _user_lexicons(args)
    if user:   # misspelled or unreadable lexicons fail here, before the report folder is touched
        from .annotator import check_options, select

        check_options(datasets.analysis_options(corpus, user), select(None))
    print(f"corpus: {what}")
    analysis = build_report(corpus, args.out, description=what, workers=args.workers,
                            filters=filters, timeout=args.timeout, corpus_name=name, options=user)
    print(analysis.meta["load_summary"])
    failed = analysis.meta["report"]["failed"]
    print(f"report written to {args.out}" + (f"; {failed} step(s) FAILED (see index.html)" if failed else ""))
    return 1 if failed else 0


def cmd_doctor(args) -> int:
    from . import __version__, _native, resources

    print(f"discourse-toolkit {__version__}")
    print(resources.format_status())
    print(_native.format_status())
    return 0


def cmd_setup(args) -> int:
    from . import resources

    before = resources.status()
    if args.if_missing and before["available"].all():
        print("all NLTK resources found; nothing to download")
        return 0
    if args.source:
        try:
            df = resources.install_from(args.source)
        except OSError as exc:
            print(f"error: setup --from {exc}", file=sys.stderr)
            return 2
    else:
        df = resources.download(url=args.url)
    print(resources.format_status(df))
    if df["available"].all():
        return 0
    print("some NLTK data could not be installed (offline?); the toolkit will run on fallbacks",
          file=sys.stderr)
    return 0 if args.if_missing else 1


def cmd_evaluate(args) -> int:
    from . import evaluate

    only = [m for m in args.only.split(",") if m] if args.only else None
    results, log = evaluate.run_all(args.eval_dir, n_boot=args.n_boot, seed=args.seed,
                                    limit=args.limit, only=only)
    for line in log:
        print(line)
    command = "python -m toolkit evaluate" + (f" --limit {args.limit}" if args.limit else "") + \
        (f" --n-boot {args.n_boot}" if args.n_boot != 1000 else "") + (f" --only {args.only}" if only else "") + (" --write-docs" if args.write_docs else "")
    # The project's docs change only when asked: a quick --limit run must not replace them.
    out = Path("docs") if args.write_docs else Path(args.out)
    markdown, json_path = out / "VALIDATION.md", out / "validation.json"
    evaluate.write_reports(results, markdown=markdown, json_path=json_path,
                           errors_dir=out / "validation-errors", command=command, log=log,
                           n_boot=args.n_boot, limit=args.limit)
    print(evaluate.headline_table(results).to_string(index=False))
    if args.write_docs and evaluate.update_readme(results, "README.md", command=command):
        print("updated the validation summary in README.md")
    print(f"wrote {markdown} and {json_path}")
    return 0


def _add_lexicons(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gazetteer", action="append", default=None, metavar="PATH",
                   help="actor gazetteer CSV (repeatable), e.g. data/actors_fictional.csv: read "
                        "before the bundled gazetteer (its entries win ties; one whose YAML name "
                        "is actors or people replaces that bundled file), and in place of any "
                        "gazetteer the corpus declares (the sample's fictional one)")
    p.add_argument("--lexicon", action="append", default=None, metavar="NAME=CSV",
                   help="overlay a CSV of entries on a bundled lexicon (repeatable), "
                        "e.g. escalation=my_cues.csv")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--countries", default=None, help="keep these countries, e.g. RUS,USA (UN corpus)")
    p.add_argument("--years", default=None, help="keep these years, e.g. 2014-2022 or 2014,2022")
    p.add_argument("--limit", type=int, default=None, help="keep the first N documents")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m toolkit", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="analyse a corpus and write one file per table")
    a.add_argument("input", nargs="+", help="file, folder, glob, several of them, or a dataset name: "
                   + ", ".join(DATASET_NAMES))
    a.add_argument("--out", required=True, help="output folder")
    a.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    a.add_argument("--workers", type=int, default=None, help="worker processes (default: CPUs, max 8)")
    a.add_argument("--annotators", default=None, help="comma-separated annotators (default: all; '' for none)")
    a.add_argument("--text-col", default=None, help="column holding the text (tables)")
    a.add_argument("--id-col", default=None, help="column holding the document id (tables)")
    a.add_argument("--pos", action="store_true", help="add POS tags to tokens (slower)")
    a.add_argument("--no-cache", action="store_true",
                   help="compute every step afresh (default: reuse cached results of unchanged steps)")
    a.add_argument("--engine", choices=("processes", "dask"), default="processes",
                   help="local worker processes, or the Dask cluster of DASK_SCHEDULER_ADDRESS")
    a.add_argument("--strict", action="store_true", help="stop at the first bad file, row or line")
    _add_lexicons(a)
    _add_filters(a)
    a.set_defaults(func=cmd_analyze)

    r = sub.add_parser("report", help="the main job: analyse a corpus and write reports/")
    r.add_argument("input", nargs="*", help="corpus (default: NLTK US speeches, else the sample)")
    r.add_argument("--out", default="reports")
    r.add_argument("--workers", type=int, default=None)
    _add_filters(r)
    r.add_argument("--timeout", type=int, default=900, help="seconds allowed per notebook cell")
    _add_lexicons(r)
    r.set_defaults(func=cmd_report)

    e = sub.add_parser("evaluate", help="measure every annotator against human-labelled data")
    e.add_argument("--eval-dir", default=None, help="folder of labelled sets (default: shared eval-dev)")
    e.add_argument("--out", default="evaluation",
                   help="folder for VALIDATION.md, validation.json and validation-errors/")
    e.add_argument("--write-docs", action="store_true",
                   help="write docs/VALIDATION.md, docs/validation.json and README.md's summary "
                        "instead (run from the project folder)")
    e.add_argument("--n-boot", type=int, default=1000)
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--limit", type=int, default=None, help="at most N items per set (quick check)")
    e.add_argument("--only", default=None, help="comma-separated modules: actors,quotes,framing,escalation,rhetoric")
    e.set_defaults(func=cmd_evaluate)

    d = sub.add_parser("doctor", help="show which NLTK data is found and what is degraded")
    d.set_defaults(func=cmd_doctor)
    s = sub.add_parser("setup", help="download the NLTK data the toolkit uses (needs a network)")
    s.add_argument("--if-missing", action="store_true",
                   help="do nothing when all data is found; never fail when offline")
    s.add_argument("--from", dest="source", metavar="FOLDER",
                   help="copy the missing data from a folder laid out as nltk_data (no network needed)")
    s.add_argument("--url", help="the index of an NLTK data mirror to download from (default: NLTK's)")
    s.set_defaults(func=cmd_setup)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the command line; errors in the input print one clear line, not a traceback."""
    args = build_parser().parse_args(argv)
    from . import _workers

    started = False
    if args.command == "analyze" and args.engine == "processes":
        if (args.workers or _workers.default_workers()) > 1:
            # Before pandas loads here: the server warms up the annotators in the meantime.
            steps = None if args.annotators is None else [a for a in args.annotators.split(",") if a]
            started = _workers.start_forkserver(steps, pos=args.pos)

    from .corpus import CorpusError
    from .datasets import DatasetNotFound
    from .lexicon import LexiconError
    from .resources import DegradedWarning
    with warnings.catch_warnings():
        warnings.simplefilter("always", DegradedWarning)
        warnings.showwarning = lambda msg, cat, *a, **k: print(f"warning: {msg}", file=sys.stderr)
        try:
            return args.func(args)
        except (CorpusError, DatasetNotFound, LexiconError, FileNotFoundError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return 130
        finally:
            if started:   # this command's server and workers: ended now, not at interpreter exit
                from .pipeline import shutdown_workers

                shutdown_workers()
                _workers.stop_forkserver()


if __name__ == "__main__":
    sys.exit(main())
