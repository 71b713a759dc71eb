"""NLTK data: both paths work — with the data, and with none (data-free fallbacks)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from toolkit import resources

ROOT = Path(__file__).resolve().parents[1]


def _run(args, env_extra, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NLTK_DATA", "TOOLKIT_NLTK_DATA_ONLY")}
    env.update(env_extra)
    env["HOME"] = str(tmp_path)  # NLTK also looks in ~/nltk_data
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=300)


def test_status_table_lists_every_resource():
    df = resources.status()
    assert set(df["resource"]) == set(resources.RESOURCES)
    assert {"punkt_tab", "wordnet", "stopwords", "averaged_perceptron_tagger_eng"} <= set(df["resource"])


def test_unknown_resource_is_a_clear_error():
    with pytest.raises(ValueError, match="value must be one of"):
        resources.available("punkt_old")


def _nltk_data_given() -> bool:
    """Whether NLTK_DATA names a folder with something in it (CI's first pass; its second
    pass points NLTK_DATA at an empty folder)."""
    folders = [Path(p) for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    return any(f.is_dir() and any(f.iterdir()) for f in folders)


@pytest.mark.skipif(not _nltk_data_given(), reason="NLTK_DATA names no folder with data: the with-data path needs it")
def test_with_data_everything_found():
    assert resources.status()["available"].all()
    from toolkit.tokenize import lemma_backend

    assert lemma_backend() == "wordnet"


def test_without_data_runs_on_fallbacks_with_one_warning(tmp_path):
    empty = tmp_path / "empty_nltk_data"
    empty.mkdir()
    doc = tmp_path / "a.txt"
    doc.write_text("Mr. Smith warned the U.S. on Monday. The Kremlin replied.\nTalks resumed.", encoding="utf-8")
    out = tmp_path / "out"
    r = _run(["analyze", str(doc), "--out", str(out), "--workers", "1"], {"NLTK_DATA": str(empty)}, tmp_path)
    assert r.returncode == 0, r.stderr
    assert "LookupError" not in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.count("NLTK data missing") == 1
    assert "python -m toolkit setup" in r.stderr
    sents = pd.read_parquet(out / "sentences.parquet")
    assert sents["text"].tolist() == ["Mr. Smith warned the U.S. on Monday.", "The Kremlin replied.", "Talks resumed."]
    toks = pd.read_parquet(out / "tokens.parquet")
    text = doc.read_text()
    assert all(text[a:b] == t for a, b, t in zip(toks.start, toks.end, toks.text))
    # LemmInflect's dictionary stands in for WordNet; scikit-learn's list for stopwords.
    assert toks.set_index("text").loc["warned", "lemma"] == "warn"
    assert toks.set_index("text").loc["replied", "lemma"] == "reply"   # a stemmer gives "repli"
    assert bool(toks.set_index("text").loc["the", "is_stop"])


def test_doctor_reports_missing_and_fix(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    r = _run(["doctor"], {"NLTK_DATA": str(empty)}, tmp_path)
    assert r.returncode == 0
    assert "[MISSING] punkt_tab" in r.stdout and "fallback:" in r.stdout
    assert "fallback: the same steps on LemmInflect's English dictionary" in r.stdout
    degraded = next(ln for ln in r.stdout.splitlines() if ln.startswith("DEGRADED"))
    assert degraded.split(": ")[1] == "sentences, POS tags, stop words, lemmas, event act senses, pronoun speakers, default corpus"
    assert "python -m toolkit setup" in r.stdout


@pytest.mark.parametrize("only, stopwords_found", [(None, True), ("1", False)])
def test_data_only_from_nltk_data_when_asked(tmp_path, only, stopwords_found):
    """NLTK also searches ~/nltk_data; TOOLKIT_NLTK_DATA_ONLY=1 keeps a data-free run data-free."""
    home_list = tmp_path / "nltk_data" / "corpora" / "stopwords" / "english"   # HOME is tmp_path
    home_list.parent.mkdir(parents=True)
    home_list.write_text("the\nof\n", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {"NLTK_DATA": str(empty)} | ({"TOOLKIT_NLTK_DATA_ONLY": only} if only else {})
    r = _run(["doctor"], env, tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("[ok     ] stopwords" in r.stdout) is stopwords_found, r.stdout
    assert ("[MISSING] stopwords" in r.stdout) is not stopwords_found
    assert ("default places are not searched" in r.stdout) is bool(only)


def _lean_probe(env_value: str | None) -> dict:
    import json
    import os
    import subprocess
    import sys

    code = ("import json, sys; from toolkit import resources; lean = resources.import_nltk_lean(); "
            "from nltk.tokenize import punkt; "
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'sklearn'}); "
            "import scipy.stats; "
            "print(json.dumps({'lean': lean, 'heavy': heavy, 'nltk': 'nltk' in sys.modules}))")
    env = {k: v for k, v in os.environ.items() if k != "TOOLKIT_LEAN_NLTK"}
    if env_value is not None:
        env["TOOLKIT_LEAN_NLTK"] = env_value
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_lean_nltk_import_skips_scipy_and_sklearn_only_while_nltk_loads():
    got = _lean_probe(None)
    assert got == {"lean": True, "heavy": [], "nltk": True}   # and scipy.stats imported after


def test_lean_nltk_import_can_be_turned_off():
    got = _lean_probe("0")
    assert got == {"lean": False, "heavy": ["scipy", "sklearn"], "nltk": True}


def test_lean_nltk_import_does_not_run_a_norm_py_from_the_working_folder(tmp_path):
    # nltk.translate.gale_church tries `from norm import logsf` before SciPy: a user's norm.py
    # in the working folder would run. The lean import blocks that name while NLTK loads.
    (tmp_path / "norm.py").write_text("open('ran.txt', 'w').write('x')\n")
    code = "from toolkit import resources; assert resources.import_nltk_lean()"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TOOLKIT_LEAN_NLTK", None)
    subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, check=True, timeout=120)
    assert not (tmp_path / "ran.txt").exists()


def _lean_run(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TOOLKIT_LEAN_NLTK"}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-c", "from toolkit import resources; "
                          "assert resources.import_nltk_lean()\n" + code],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("sub", ["corpus", "corpus.reader.wordnet", "stem", "wsd", "classify",
                                 "sentiment", "tag.perceptron", "tokenize.punkt", "translate",
                                 "chunk", "data", "parse", "sem", "text", "tree", "util"])
def test_lean_nltk_imports_any_subpackage_first(sub):
    # NLTK's __init__ hides two import cycles (corpus/translate, classify/tag) by its order;
    # without it each subpackage must still import on its own, and be the package's attribute.
    top = sub.split(".")[0]
    got = _lean_run(f"import nltk.{sub}, sys, nltk\n"
                    f"print(sys.modules['nltk.{top}'] is nltk.{top}, '__getattr__' in vars(nltk), "
                    "sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'sklearn'}))")
    assert got == "True True []"


def test_lean_nltk_loads_only_what_is_used_and_the_rest_on_demand():
    got = _lean_run("import sys, nltk, nltk.data\n"
                    "few = sum(m.startswith('nltk.') for m in sys.modules)\n"
                    "version = nltk.__version__\n"
                    "tokens = nltk.TreebankWordTokenizer().tokenize('It warned them.')   # the real __init__ runs\n"
                    "import importlib.metadata as md\n"
                    "print(few < 40, version == md.version('nltk'), tokens, '__getattr__' in vars(nltk), "
                    "sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'sklearn'}))")
    assert got == "True True ['It', 'warned', 'them', '.'] False []"


def test_lean_nltk_names_are_those_of_nltks_own_init():
    # Each name a lazy package serves without running its __init__ is the very object that
    # __init__ binds.
    pairs = sorted((pkg, n) for pkg, names in resources.LAZY_NAMES.items() for n in names)
    code = ("import importlib, sys, nltk\n"
            f"pairs = {pairs!r}\n"
            "lean = [getattr(importlib.import_module(p), n) for p, n in pairs]\n"
            "nltk.download   # runs the real __init__ of nltk and of its lazy subpackages\n"
            "print(all(a is vars(sys.modules[p])[n] for a, (p, n) in zip(lean, pairs)), "
            "any('__getattr__' in vars(sys.modules[p]) for p, _ in pairs))")
    assert _lean_run(code) == "True False"


def test_setup_from_a_folder_copies_missing_data_offline(tmp_path):
    """`setup --from` installs from a folder laid out as nltk_data, without a network."""
    usb = tmp_path / "usb_nltk_data"
    (usb / "corpora" / "stopwords").mkdir(parents=True)
    (usb / "corpora" / "stopwords" / "english").write_text("the\nof\n", encoding="utf-8")
    target = tmp_path / "target"
    target.mkdir()
    env = {"NLTK_DATA": str(target), "TOOLKIT_NLTK_DATA_ONLY": "1"}
    r = _run(["setup", "--from", str(usb)], env, tmp_path)
    assert "[ok     ] stopwords" in r.stdout and "[MISSING] punkt_tab" in r.stdout, r.stdout + r.stderr
    assert r.returncode == 1 and "could not be" in r.stderr      # the rest is still missing
    assert (target / "corpora" / "stopwords" / "english").read_text(encoding="utf-8") == "the\nof\n"
    assert (usb / "corpora" / "stopwords" / "english").exists()   # the source is only read


def test_setup_from_a_missing_folder_is_one_line(tmp_path):
    r = _run(["setup", "--from", str(tmp_path / "nope")], {"NLTK_DATA": str(tmp_path)}, tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"error: setup --from {tmp_path / 'nope'}: not a folder "
                                             "(give a folder laid out as nltk_data, e.g. with "
                                             "tokenizers/ and corpora/ in it)"]


@pytest.mark.parametrize("in_process", [True, False])
def test_only_the_command_itself_imports_nltk_lean(tmp_path, in_process):
    # `python -m toolkit analyze` runs NLTK without its package __init__ (the command only
    # orchestrates); cli.main() called from a user's session leaves that session's nltk whole.
    out = tmp_path / "out"
    if in_process:
        code = ("import sys; from toolkit import cli; "
                f"cli.main(['analyze', 'sample', '--annotators', 'actors', '--workers', '1', '--out', {str(out)!r}]); "
                "import nltk; print('whole' if 'word_tokenize' in vars(nltk) else 'lean')")
    else:
        code = ("import sys, atexit; "
                f"sys.argv = ['toolkit', 'analyze', 'sample', '--annotators', 'actors', '--workers', '1', '--out', {str(out)!r}]; "
                "atexit.register(lambda: print('whole' if 'word_tokenize' in vars(sys.modules['nltk']) else 'lean', flush=True)); "
                "import runpy; runpy.run_module('toolkit', run_name='__main__')")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.stdout.strip().splitlines()[-1] == ("whole" if in_process else "lean"), r.stdout + r.stderr
