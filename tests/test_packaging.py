"""environment.yml (conda users) lists the same packages as pyproject.toml.

Conda cannot run on these machines, so the check is static.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import yaml

from toolkit import lexicon

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


def test_every_package_folder_is_in_the_wheel_list():
    """pyproject lists the packages (the sample is mapped in as toolkit.sample_data): a new
    package folder under toolkit/ must be listed too, or the wheel leaves it out."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "toolkit").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def _run(cmd, **kw):
    import subprocess

    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=900, check=False, **kw)


@pytest.mark.slow
def test_a_wheel_of_a_clean_clone_analyses_the_sample(tmp_path):
    """Build a wheel from a clean clone, install it into a fresh venv and analyse the sample
    from a folder outside the project: every lexicon and data file must be inside the wheel.

    The fresh venv borrows the project environment's dependencies through a .pth line (its
    .pth files, the editable install's included, are not read from there), so the test needs
    no second gigabyte of packages; building the wheel fetches setuptools from PyPI or pip's
    cache.
    """
    import shutil
    import sys
    import sysconfig

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the test builds its wheel from a clean clone")
    clone = tmp_path / "clone"
    done = _run(["git", "clone", "-q", ROOT, clone])
    assert done.returncode == 0, done.stderr
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", clone])
    if built.returncode and re.search(r"connection|network|resolve|No matching distribution", built.stderr, re.IGNORECASE):
        pytest.skip(f"could not fetch the build backend (offline?): {built.stderr.strip().splitlines()[-1]}")
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("discourse_toolkit-*.whl"))
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", venv]).returncode == 0
    py = venv / "bin" / "python"
    installed = _run([sys.executable, "-m", "pip", "--python", py, "install", "-q", "--no-deps", wheel])
    assert installed.returncode == 0, installed.stderr
    site = _run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    (Path(site) / "_borrowed_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "elsewhere"
    work.mkdir()
    code = ("import toolkit, toolkit.lexicon as L; print(toolkit.__file__); "
            "print(sorted(L.load(n).tag for n in L.names()))")
    probe = _run([py, "-c", code], cwd=work)
    assert probe.returncode == 0, probe.stderr
    where, tags = probe.stdout.splitlines()
    assert where.startswith(str(venv)), f"imported {where}, not the installed wheel"
    assert tags == str(sorted(lexicon.load(n).tag for n in lexicon.names()))
    # the HTML views' templates travel in the wheel too
    views = _run([py, "-c", "from toolkit import show; print(show.kwic.__module__, len(show.css()) > 1000)"], cwd=work)
    assert views.returncode == 0 and views.stdout.split() == ["toolkit.show", "True"], views.stderr
    run = _run([py, "-m", "toolkit", "analyze", "sample", "--out", "out", "--workers", "1"], cwd=work)
    assert run.returncode == 0, run.stderr
    mentions = pd.read_parquet(work / "out" / "mentions.parquet")
    fictional = set(pd.read_csv(ROOT / "data" / "actors_fictional.csv")["actor"].dropna())
    assert set(mentions["actor"].dropna()) & fictional, "the sample's own gazetteer is missing from the wheel"
    assert len(pd.read_parquet(work / "out" / "documents.parquet")) == len(list((ROOT / "data" / "sample").glob("*.md")))


@pytest.mark.slow
def test_the_api_reference_builds_offline(tmp_path):
    """`make api`'s command: a page per public module, from the docstrings, nothing fetched."""
    import subprocess
    import sys

    pytest.importorskip("pdoc", reason="pdoc is in the dev extras")
    mods = ["toolkit", *sorted(f"toolkit.{p.stem}" for p in (ROOT / "toolkit").glob("[a-z]*.py")),
            "toolkit.engine", "toolkit.validation"]
    make = (ROOT / "Makefile").read_text()
    assert "pdoc -d google -o docs/api $(API_MODULES)" in make
    done = subprocess.run([sys.executable, "-m", "pdoc", "-d", "google", "-o", str(tmp_path), *mods],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    pages = {p.stem for p in (tmp_path / "toolkit").glob("*.html")}
    assert {m.split(".", 1)[1] for m in mods[1:]} <= pages
    lexicon_page = (tmp_path / "toolkit" / "lexicon.html").read_text()
    assert "apply_overlay" in lexicon_page and "Example" in lexicon_page
    assert not re.search(r'src="https?:', lexicon_page), "the reference must not load anything from the network"
