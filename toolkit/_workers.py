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


def start_forkserver() -> None:
    """Start the forkserver now (it warms up in the background); no-op without forkserver."""
    ctx = mp_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
