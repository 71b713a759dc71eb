"""_workers: worker processes end with the command that started them, however it ended."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from toolkit import _workers

ROOT = Path(__file__).resolve().parents[1]
NEEDS_FORKSERVER = pytest.mark.skipif("forkserver" not in __import__("multiprocessing").get_all_start_methods(),
                                      reason="this platform has no forkserver start method")

# A command that starts the toolkit's pool (the context the pipeline uses), prints the ids of
# every process it made, then waits to be killed.
POOL = """
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import resource_tracker
from toolkit import _workers
pool = ProcessPoolExecutor(max_workers=2, mp_context=_workers.mp_context())
assert sorted(pool.map(abs, [-1, -2, -3, -4])) == [1, 2, 3, 4]
pids = [*pool._processes, _workers._server_pid(), resource_tracker._resource_tracker._pid]
print(" ".join(map(str, pids)), flush=True)
import time; time.sleep(300)
"""
# The same, killed while both workers are busy with a long task.
BUSY = POOL.replace("print(", "import time; busy = [pool.submit(time.sleep, 120) for _ in range(2)]\nprint(")
# The same, killed while the server still warms up (before any worker exists).
WARMING = """
from multiprocessing import resource_tracker
from toolkit import _workers
assert _workers.start_forkserver()
print(_workers._server_pid(), resource_tracker._resource_tracker._pid, flush=True)
import time; time.sleep(300)
"""
# The pipeline's own path: analyze() with two workers on a corpus big enough for several chunks.
ANALYZE = """
import pandas as pd
from multiprocessing import resource_tracker
from toolkit import _workers, analyze
text = "The minister warned Velmora on Monday. 'We will respond,' he told reporters. " * 600
a = analyze(pd.DataFrame({"doc_id": [f"d{i}" for i in range(12)], "text": [f"Day {i}. {text}" for i in range(12)]}),
            workers=2, chunk_size=2, cache=False, annotators=["actors"])
assert a.meta["run"]["workers"] == 2, a.meta["run"]
from toolkit.engine import workers
pids = [*workers._POOL[1]._processes, _workers._server_pid(), resource_tracker._resource_tracker._pid]
print(" ".join(map(str, pids)), flush=True)
import time; time.sleep(300)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:   # a zombie (dead, not yet reaped by its new parent) is not a running process
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _kill_and_watch(code: str, seconds: float = 10.0) -> tuple[list[int], list[int]]:
    """Run ``code``, read the pids it prints, kill -9 it; return (pids, still alive after ``seconds``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], stdout=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)
    pids: list[int] = []
    try:
        line = proc.stdout.readline()
        assert line.strip(), f"the command printed no pids (exit {proc.poll()})"
        pids = [int(p) for p in line.split()]
        assert all(_alive(p) for p in pids) and len(set(pids)) == len(pids)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and any(_alive(p) for p in pids):
            time.sleep(0.1)
        return pids, [p for p in pids if _alive(p)]
    finally:
        for p in [proc.pid, *pids]:   # never leave a process behind, even when the test fails
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
        proc.stdout.close()


@NEEDS_FORKSERVER
@pytest.mark.parametrize("what, code, n_processes", [
    ("a pool of two workers", POOL, 4),            # two workers, the server, the resource tracker
    ("a pool of two busy workers", BUSY, 4),
    ("a server still warming up", WARMING, 2),
])
def test_killing_the_command_ends_its_workers_server_and_tracker(what, code, n_processes):
    pids, left = _kill_and_watch(code)
    assert len(pids) == n_processes
    assert left == [], f"{what}: {len(left)} of {len(pids)} processes outlived kill -9 of the command"


@NEEDS_FORKSERVER
@pytest.mark.slow
def test_killing_analyze_ends_its_workers():
    pids, left = _kill_and_watch(ANALYZE)
    assert len(pids) == 4 and left == []


def test_the_guard_is_only_installed_in_a_forkserver():
    assert _workers.guard_forkserver() is False
    assert not any(t.name == "toolkit-parent-watch" for t in __import__("threading").enumerate())


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.parametrize("how", ["end_with_parent()", "watch_parent(interval=0.05)"])
def test_a_child_tied_to_its_parent_ends_when_the_parent_is_killed(how):
    # parent: forks a child that ties itself to it, prints the child's pid, waits to be killed
    code = f"""
    import os, time
    from toolkit import _workers
    pid = os.fork()
    if pid == 0:
        _workers.{how}
        time.sleep(300)
        os._exit(3)
    print(pid, flush=True)
    time.sleep(300)
    """
    pids, left = _kill_and_watch(code, seconds=5)
    assert len(pids) == 1 and left == []
