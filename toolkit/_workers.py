"""Worker processes: the start method and the forkserver, with nothing heavier than the stdlib.

The command line starts the forkserver before it imports pandas or the annotators, so the
server loads them (``toolkit._warm``) while the command reads its input; the pipeline uses the
same context for its process pool.
"""
from __future__ import annotations

import multiprocessing
import os


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


def start_forkserver() -> bool:
    """Start the forkserver now (it warms up in the background); no-op without forkserver.

    Returns:
        Whether this call started it (``False`` if it was running already or is not used).
    """
    ctx = mp_context()
    if ctx.get_start_method() != "forkserver":
        return False
    from multiprocessing import forkserver

    before = _server_pid()
    forkserver.ensure_running()
    return before is None and _server_pid() is not None


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
