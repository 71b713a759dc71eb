"""``python -m toolkit evaluate``: every annotator against human-labelled data, one report.

Each validation module in :data:`EVAL_MODULES` returns :class:`~toolkit.metrics.EvalResult`
records; this module runs them, writes ``docs/VALIDATION.md`` (Markdown), a machine-readable
JSON file, one error-analysis CSV per measure, and the summary table between the
``<!-- validation:start -->`` / ``<!-- validation:end -->`` markers of the README, so that no
number in the docs is typed by hand.
"""
from __future__ import annotations

import importlib
import json
import math
import re
import time
from pathlib import Path

import pandas as pd

from . import __version__
from .config import shared_path
from .metrics import EvalResult

EVAL_MODULES = ("toolkit.validation.actors", "toolkit.validation.quotes",
                "toolkit.validation.framing", "toolkit.validation.escalation",
                "toolkit.validation.events", "toolkit.validation.rhetoric")
README_START, README_END = "<!-- validation:start -->", "<!-- validation:end -->"


def default_eval_dir() -> Path | None:
    """The shared ``eval-dev`` folder, if present.

    Example:
        >>> d = default_eval_dir()
        >>> d is None or d.name == "eval-dev"
        True
    """
    return shared_path("eval-dev")


def run_all(eval_dir: str | Path | None = None, *, n_boot: int = 1000, seed: int = 0,
            limit: int | None = None, only: list[str] | None = None) -> tuple[list[EvalResult], list[str]]:
    """Run every available validation module; return ``(results, log lines)``.

    Args:
        eval_dir: the folder with the human-labelled sets (default: shared ``eval-dev``).
        n_boot: bootstrap resamples for the intervals.
        seed: random seed.
        limit: cap items per data set (quick checks; the published figures use all).
        only: module short names to run (``["quotes", "escalation"]``).

    Example:
        >>> results, log = run_all(limit=20, n_boot=0, only=["quotes"])  # doctest: +SKIP
    """
    eval_dir = Path(eval_dir) if eval_dir else default_eval_dir()
    if eval_dir is None or not eval_dir.is_dir():
        raise FileNotFoundError("no eval-dev folder: pass --eval-dir or set TOOLKIT_SHARED")
    results: list[EvalResult] = []
    log: list[str] = []
    for mod_name in EVAL_MODULES:
        short = mod_name.rsplit(".", 1)[-1]
        if only and short not in only:
            continue
        try:
            mod = importlib.import_module(mod_name)
        except ModuleNotFoundError as exc:
            if exc.name == mod_name:
                log.append(f"{short}: no validation module in this version")
                continue
            raise
        t0 = time.perf_counter()
        got = mod.evaluate(eval_dir, n_boot=n_boot, seed=seed, limit=limit)
        log.append(f"{short}: {len(got)} results in {time.perf_counter() - t0:.1f} s")
        results.extend(got)
    return results, log


def _fmt(v: float) -> str:
    return "–" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.3f}"


def _ci(row) -> str:
    if pd.isna(row.ci_low):
        return _fmt(row.value)
    return f"{row.value:.3f} [{row.ci_low:.3f}, {row.ci_high:.3f}]"


def headline_table(results: list[EvalResult]) -> pd.DataFrame:
    """One row per measure, data set and system: the summary metrics with intervals.

    Example:
        >>> headline_table([]).empty
        True
    """
    rows = []
    for r in results:
        s = r.scores if "half" in r.scores else r.scores.assign(half="all")
        summary = s[s["label"].isin(["macro", "micro", "all"])]
        for system, g in summary.groupby("system", sort=False):
            whole = g[g["half"].fillna("all") == "all"]
            cells = {f"{row.metric}" + ("" if row.label in ("all", "macro") else f" ({row.label})"): _ci(row)
                     for row in whole.itertuples()}
            rows.append({"measure": r.measure, "dataset": r.dataset, "n": r.n, "system": system, **cells,
                         **_halves_cells(g)})
    return pd.DataFrame(rows)


HEADLINE_METRICS = ("f1", "accuracy", "pearson_r")


def _halves_cells(g: pd.DataFrame) -> dict:
    """The headline metric (macro F1, else accuracy, else Pearson r) on the tune and check
    halves of the items, e.g. ``{"half metric": "f1", "tune": "0.612", "check": "0.598"}``."""
    for metric in HEADLINE_METRICS:
        rows = g[(g["metric"] == metric) & g["label"].isin(["macro", "all"])]
        halves = {h: rows.loc[rows["half"] == h, "value"] for h in ("tune", "check")}
        if all(len(v) for v in halves.values()):
            return {"half metric": metric, **{h: _fmt(float(v.iloc[0])) for h, v in halves.items()}}
    return {}


def _md_table(df: pd.DataFrame) -> str:
    if df.empty:
        return "_no rows_\n"
    df = df.fillna("")
    cols = list(df.columns)
    lines = ["| " + " | ".join(map(str, cols)) + " |", "|" + "---|" * len(cols)]
    for row in df.itertuples(index=False):
        lines.append("| " + " | ".join(str(v).replace("|", "\\|").replace("\n", " ") for v in row) + " |")
    return "\n".join(lines) + "\n"


def _slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", s).strip("-")


def write_reports(results: list[EvalResult], *, markdown: str | Path, json_path: str | Path,
                  errors_dir: str | Path, command: str, log: list[str], n_boot: int,
                  limit: int | None) -> None:
    """Write VALIDATION.md, the JSON twin, and the error-analysis CSVs."""
    from .lexicon import load, names

    markdown, json_path, errors_dir = Path(markdown), Path(json_path), Path(errors_dir)
    for p in (markdown.parent, json_path.parent, errors_dir):
        p.mkdir(parents=True, exist_ok=True)
    lex = {n: load(n).version for n in names()}
    head = headline_table(results)
    out = ["# Validation", "",
           "Generated by `" + command + "`; do not edit by hand. Each annotator is compared with "
           "human labels from public data sets (development splits; see the notes under each "
           "measure for how labels were mapped). Intervals are 95% percentile bootstraps over "
           f"items ({n_boot} resamples). Sets are split into a tune half and a check half by a "
           "hash of the item's document (speech, article; `toolkit.metrics.half_of`); rules are "
           "written looking at the tune half only, and the `tune` and `check` columns give the "
           "headline metric on each, where a measure reports them (rhetoric keeps its own seeded "
           "tune/test split and reports the test half; the PolNeAR quotes keep the SHA-1 hash of "
           "their document id, `toolkit.validation.quotes.tune_half`, which their rules were "
           "written against before `half_of` existed): a gain that shows only on the tune half "
           "is not a gain." + (f" **Quick run: at most {limit} items per set.**" if limit else ""),
           "", f"toolkit {__version__}; lexicons: " + ", ".join(f"{k}@{v}" for k, v in sorted(lex.items())),
           "", "## Summary", "", _md_table(head)]
    for r in results:
        out += [f"## {r.measure} — {r.dataset} (N = {r.n:,})", ""]
        if r.notes:
            out += [r.notes.strip(), ""]
        s = r.scores.copy()
        s["half"] = s["half"].fillna("all") if "half" in s else "all"
        s["value"] = [_ci(row) for row in s.itertuples()]
        index = ["system", "half", "label"]
        wide = s.pivot_table(index=index, columns="metric", values="value",
                             aggfunc="first", sort=False).reset_index()
        sup = s.groupby(index, sort=False)["support"].first().reset_index()
        wide = wide.merge(sup, on=index, how="left")
        out += [_md_table(wide)]
        if not r.errors.empty:
            path = errors_dir / f"{_slug(r.measure)}__{_slug(r.dataset)}.csv"
            r.errors.to_csv(path, index=False)
            rel = path.relative_to(markdown.parent) if path.is_relative_to(markdown.parent) else path
            out += [f"Error analysis: [{rel}]({rel}) ({len(r.errors)} rows; written by the command on "
                    "your machine and not committed, because it quotes the labelled data).", ""]
    out += ["## Run log", ""] + [f"- {line}" for line in log] + [""]
    markdown.write_text("\n".join(out), encoding="utf-8")
    payload = {"command": command, "toolkit_version": __version__, "lexicons": lex,
               "n_boot": n_boot, "limit": limit, "results": [r.to_dict() for r in results]}
    json_path.write_text(json.dumps(payload, indent=1, default=str) + "\n", encoding="utf-8")


def update_readme(results: list[EvalResult], readme: str | Path, *, command: str) -> bool:
    """Replace the README's validation summary (between the markers) with fresh numbers.

    Returns:
        Whether the README had the markers (and was updated).
    """
    path = Path(readme)
    text = path.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        return False
    head = headline_table(results)
    keep = [c for c in head.columns if c != "precision" and head[c].notna().any()]
    body = f"\n_From `{command}`; full tables in [docs/VALIDATION.md](docs/VALIDATION.md)._\n\n" + _md_table(head[keep] if len(head) else head)
    new = text.split(README_START)[0] + README_START + body + README_END + text.split(README_END, 1)[1]
    path.write_text(new, encoding="utf-8")
    return True
