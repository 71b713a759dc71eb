"""environment.yml (conda users) lists the same packages as pyproject.toml.

Conda cannot run on these machines, so the check is static.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    name = re.split(r"[<>=!~\[ ;]", spec.strip(), maxsplit=1)[0]
    return name.lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(d) for d in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted |= {_name(d) for d in extra}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    have = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            have |= {_name(d) for d in dep.get("pip", []) if not d.startswith("-")}
        else:
            have.add(_name(dep))
    have -= {"python", "pip"}
    assert have == wanted, f"only in environment.yml: {sorted(have - wanted)}; only in pyproject: {sorted(wanted - have)}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme and "make report" in readme
    assert re.search(r"^\s*make test$", ci, re.M)
    # and it runs it both ways: with the shared NLTK data and with none
    assert 'run_pass with-nltk-data NLTK_DATA="$(cd ../shared/nltk_data && pwd)"' in ci
    assert 'run_pass without-nltk-data NLTK_DATA="$empty" TOOLKIT_NLTK_DATA_ONLY=1' in ci
