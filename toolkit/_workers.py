"""Worker processes: the start method and the forkserver, with nothing heavier than the stdlib.

The command line starts the forkserver before it imports pandas or the annotators, so the
server loads them (``toolkit._warm``) while the command reads its input; the pipeline uses the
same context for its process pool.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence


def default_workers() -> int:
    """Worker processes by default: the CPUs available to this process, at most 8.

    Example:
        >>> default_workers() >= 1
        True
    """
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:
        n = os.cpu_count() or 1
    return max(1, min(8, n))


def mp_context():
    """``forkserver`` where available: workers fork from a server that loaded WordNet once.

    ``fork`` would copy the caller's threads (tqdm's monitor, Dask, Jupyter) and can deadlock;
    ``spawn`` would load WordNet again in every worker (about 3 s each).

    Example:
        >>> mp_context().get_start_method() in ("forkserver", "spawn")
        True
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["toolkit._warm"])
        return ctx
    return multiprocessing.get_context("spawn")


# What the server warms up (``toolkit._warm``), read from its environment once as it starts:
# JSON ``{"steps": [annotator names] or null for all, "pos": bool}``.
WARM_ENV = "TOOLKIT_WARM_STEPS"


def start_forkserver(steps: Sequence[str] | None = None, *, pos: bool = False) -> bool:
    """Start the forkserver now (it warms up in the background); no-op without forkserver.

    Args:
        steps: the registered annotators whose lexicons and models the server loads before
            the first worker forks (names; ``None``: all). A step left out still runs: its
            workers load what it needs themselves. Only a server this call starts reads it.
        pos: also load the tagger for the tokens' POS tags.

    Returns:
        Whether this call started it (``False`` if it was running already or is not used).

    Example:
        >>> start_forkserver(["actors"]) in (True, False)  # doctest: +SKIP
        True
    """
    ctx = mp_context()
    if ctx.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    before = _server_pid()
    if before is not None:
        forkserver.ensure_running()
        return False
    # The server inherits this process's environment when it starts, and nothing else does.
    old = os.environ.get(WARM_ENV)
    os.environ[WARM_ENV] = json.dumps({"steps": None if steps is None else list(steps), "pos": bool(pos)})
    try:
        forkserver.ensure_running()
    finally:
        if old is None:
            os.environ.pop(WARM_ENV, None)
        else:
            os.environ[WARM_ENV] = old
    return _server_pid() is not None


def warm_request() -> tuple[list[str] | None, bool]:
    """What the starting command asked the server to warm up: ``(step names or None for all,
    POS tags)``; ``(None, False)`` when it said nothing or something unreadable.

    Example:
        >>> warm_request()[1] in (True, False)
        True
    """
    try:
        spec = json.loads(os.environ.get(WARM_ENV) or "{}")
        steps = spec.get("steps")
        if steps is not None and not (isinstance(steps, list) and all(isinstance(n, str) for n in steps)):
            return None, False
        return steps, spec.get("pos") is True
    except (ValueError, AttributeError):
        return None, False


def _server_pid() -> int | None:
    from multiprocessing import forkserver

    return getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)


def stop_forkserver() -> None:
    """End the forkserver at once, warming up or not (the command is done with workers).

    Without this the server outlives the command until its warm-up ends (a run served from the
    cache needs no workers) and keeps the command's output pipes open meanwhile, so a caller
    reading them waits for it. A Python whose forkserver keeps other attributes: no-op.

    Example:
        >>> stop_forkserver()
    """
    import signal
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    pid = _server_pid()
    if not pid or not hasattr(server, "_stop"):
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:
        pass
    server._stop()   # closes its "alive" pipe, reaps it, removes its socket


# ----------------------------------------------------------------------------- ending with the parent
#
# Every worker holds a write end of its pool's task queue and of the server's "alive" pipe (the
# stdlib passes both to each child), so neither the workers nor the server ever read an end of
# file when the command is killed (kill -9, the OOM killer): without the guard below they stayed,
# with their hundreds of MB, until someone killed them by hand. The server watches its parent
# (the command) and every worker watches the server, so killing the command ends them all; the
# resource tracker then reads the end of its pipe and ends too.

PARENT_POLL_SECONDS = 0.5   # how soon a process notices its parent has gone
_PR_SET_PDEATHSIG = 1       # <linux/prctl.h>


def watch_parent(parent: int | None = None, *, interval: float = PARENT_POLL_SECONDS) -> threading.Thread:
    """End this process (``os._exit``) as soon as its parent ``parent`` is gone.

    A daemon thread compares ``os.getppid()`` with ``parent`` every ``interval`` seconds: an
    orphan is adopted by init (or a subreaper), so its parent id changes when the parent dies,
    however it died. Portable to every POSIX system; costs one system call per interval.

    Args:
        parent: the parent's process id (default: the current parent).
        interval: seconds between checks.

    Returns:
        The watching thread (a daemon: it never keeps the process alive).

    Example:
        >>> watch_parent().daemon  # doctest: +SKIP
        True
    """
    parent = os.getppid() if parent is None else parent

    def watch():
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(0)   # no clean-up: the process that would use our results is gone

    thread = threading.Thread(target=watch, name="toolkit-parent-watch", daemon=True)
    thread.start()
    return thread


def end_with_parent() -> str:
    """Make the kernel end this process when its parent dies; a watching thread elsewhere.

    On Linux ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` (no thread, no delay); elsewhere, or when the
    call fails, :func:`watch_parent`. Meant for processes forked by a single-threaded parent
    (the death signal follows the parent *thread* that forked), like the forkserver's workers.

    Returns:
        ``"pdeathsig"`` or ``"thread"``: how this process is tied to its parent.

    Example:
        >>> end_with_parent() in ("pdeathsig", "thread")  # doctest: +SKIP
        True
    """
    parent = os.getppid()
    if sys.platform.startswith("linux") and _set_pdeathsig(signal.SIGKILL):
        if os.getppid() != parent:   # the parent died before the call: no signal will come
            os._exit(0)
        return "pdeathsig"
    watch_parent(parent)
    return "thread"


def _set_pdeathsig(sig: int) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def guard_forkserver() -> bool:
    """In the forkserver only: end it with the command, and every worker it forks with it.

    Called while the server preloads (``toolkit._warm``). The server is watched by a thread
    (not a death signal: the command may have started it from a thread that ends before the
    command does); each worker it forks calls :func:`end_with_parent` right after the fork.
    Anywhere but in the forkserver it does nothing.

    Returns:
        Whether the guard was installed (``True`` only in a forkserver).

    Example:
        >>> guard_forkserver()
        False
    """
    if not _in_forkserver():
        return False
    watch_parent()
    os.register_at_fork(after_in_child=end_with_parent)
    return True


def _in_forkserver() -> bool:
    """Whether this code runs under ``multiprocessing.forkserver.main`` (its preload)."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "main" and frame.f_globals.get("__name__") == "multiprocessing.forkserver":
            return True
        frame = frame.f_back
    return False
