"""The shape the codebase keeps: short functions, and annotators that import only the annotator
record module (never the engine, the pipeline or the views)."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TOOLKIT = Path(__file__).resolve().parents[1] / "toolkit"
MAX_LINES = 100
# The mirror of vaderSentiment's reference, held to bit-equality with it, keeps its shape.
EXEMPT = {"_vader.py"}
ANNOTATORS = ["actors", "quotes", "framing", "escalation", "events", "rhetoric", "clauses", "speakers"]
# (toolkit.style, the colour map and labels, is a leaf of data; the figures that draw an
# annotator's tables live in toolkit.plots.)
ENGINE = {"pipeline", "engine", "figures", "show", "report"}


def _functions():
    for path in sorted(TOOLKIT.rglob("*.py")):
        if path.name in EXEMPT:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path.relative_to(TOOLKIT.parent), node


def test_no_function_is_over_100_lines():
    long = [f"{p}:{n.lineno} {n.name} ({n.end_lineno - n.lineno + 1} lines)"
            for p, n in _functions() if n.end_lineno - n.lineno + 1 > MAX_LINES]
    assert not long, "split these into named parts:\n" + "\n".join(long)


@pytest.mark.parametrize("module", ANNOTATORS)
def test_annotators_import_no_engine_or_view(module):
    tree = ast.parse((TOOLKIT / f"{module}.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            imported |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("toolkit."):
            imported.add(node.module.split(".")[1])
    assert not imported & ENGINE, f"{module} imports {sorted(imported & ENGINE)}"


@pytest.mark.parametrize("module", ANNOTATORS)
def test_annotators_draw_nothing(module):
    """Figures live in the views layer (toolkit.plots, toolkit.figures): an annotator module keeps
    its rules and tables, defines no ``plot_*`` function and imports no plotting library."""
    tree = ast.parse((TOOLKIT / f"{module}.py").read_text(encoding="utf-8"))
    drawing = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("plot_"):
            drawing.add(f"def {node.name} (line {node.lineno})")
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
        drawing |= {f"import {n} (line {node.lineno})" for n in names
                    if n.split(".")[0] in {"matplotlib", "seaborn"}}
    assert not drawing, f"{module} draws figures; move them to toolkit/plots.py: {sorted(drawing)}"


def test_no_unused_imports_variables_or_undefined_names():
    """ruff's pyflakes rules (F) and syntax errors (E9) over the package, tests and benchmarks.

    The notebooks are left out: their first cell imports what a reader uses in later cells."""
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (`make test` installs it with the dev extra)")
    run = subprocess.run([ruff, "check", "--no-cache", "--select", "F,E9", "--output-format",
                          "concise", "toolkit", "tests", "bench"],
                         cwd=TOOLKIT.parent, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
