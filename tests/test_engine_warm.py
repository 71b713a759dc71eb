"""The workers' server warms up the steps the command selected, and only those."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from toolkit import _workers, resources

ROOT = Path(__file__).resolve().parents[1]

# Starts the server for some steps, then asks a worker forked from it whether NLTK's tagger
# (which only `events` and POS tags use) was loaded before the fork.
PROBE = """
import json, os, sys
from concurrent.futures import ProcessPoolExecutor
from toolkit import _workers


def tagger_loaded():
    from toolkit import _tagger
    return _tagger.nltk_tagger.cache_info().currsize == 1


if __name__ == "__main__":
    seen = {}
    for label, steps, pos in json.loads(sys.argv[1]):
        assert _workers.start_forkserver(steps, pos=pos)
        with ProcessPoolExecutor(max_workers=1, mp_context=_workers.mp_context()) as pool:
            seen[label] = pool.submit(tagger_loaded).result()
        _workers.stop_forkserver()
    seen["environment after"] = os.environ.get(_workers.WARM_ENV)
    print(json.dumps(seen))
"""


@pytest.mark.skipif("forkserver" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="this platform has no forkserver start method")
def test_the_server_loads_the_tagger_only_for_steps_that_tag(tmp_path):
    if not resources.available("averaged_perceptron_tagger_eng"):
        pytest.skip("NLTK data averaged_perceptron_tagger_eng not found: no tagger to load either way")
    script = tmp_path / "probe.py"
    script.write_text(textwrap.dedent(PROBE))
    cases = [["actors", ["actors"], False], ["tokenize only", [], False], ["events", ["events"], False],
             ["every step", None, False], ["actors and POS tags", ["actors"], True]]
    # A value the caller had is left as it was: only the server reads the request.
    env = {**os.environ, "PYTHONPATH": str(ROOT), _workers.WARM_ENV: "the caller's"}
    out = subprocess.run([sys.executable, str(script), json.dumps(cases)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert json.loads(out.stdout.splitlines()[-1]) == {
        "actors": False, "tokenize only": False, "events": True, "every step": True,
        "actors and POS tags": True, "environment after": "the caller's"}


@pytest.mark.parametrize(("value", "want"), [
    (None, (None, False)),
    ('{"steps": null, "pos": false}', (None, False)),
    ('{"steps": ["actors", "quotes"], "pos": false}', (["actors", "quotes"], False)),
    ('{"steps": [], "pos": true}', ([], True)),
    ('{"steps": "actors"}', (None, False)),          # not a list: warm everything, as before
    ('{"steps": [1, 2]}', (None, False)),
    ('{"pos": "yes"}', (None, False)),
    ("not json", (None, False)),
    ("[1, 2]", (None, False)),
])
def test_warm_request_reads_what_the_command_asked(monkeypatch, value, want):
    if value is None:
        monkeypatch.delenv(_workers.WARM_ENV, raising=False)
    else:
        monkeypatch.setenv(_workers.WARM_ENV, value)
    assert _workers.warm_request() == want
