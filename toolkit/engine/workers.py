"""Engines that run chunk tasks: in this process, a local pool of worker processes started
from a ``forkserver`` that has imported the toolkit and loaded WordNet and Punkt once (so each
worker starts warm and no thread state is forked), or a ``dask.distributed`` cluster.
"""
from __future__ import annotations

import contextlib
import dataclasses
import functools
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Self

from .._workers import mp_context as _mp_context
from ..annotator import Annotator
from .chunk import Done, Task, execute


def importable(ann: Annotator) -> bool:
    func = ann.func
    while isinstance(func, functools.partial):
        func = func.func
    return getattr(func, "__module__", "__main__") != "__main__" and "<locals>" not in getattr(func, "__qualname__", "")


# The local worker pool, kept between runs: (number of workers, executor).
_POOL: tuple[int, ProcessPoolExecutor] | None = None
_POOL_LOCK = threading.RLock()
_POOL_BUSY = 0                    # runs using the pool now
_IDLE_TIMER: threading.Timer | None = None
WORKER_IDLE_SECONDS = 600         # workers kept this long after a run, then ended


@contextlib.contextmanager
def _worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """The process pool of ``workers`` workers, reused across :func:`analyze` calls.

    Re-running an analysis (in a notebook, or while refining a lexicon) then finds its workers
    started and their memos (lemmas, sentence-break decisions, VADER and TextBlob word classes)
    warm. Workers read lexicons and gazetteers by path and modification time, so edited files
    are picked up. They end after :data:`WORKER_IDLE_SECONDS` without a run, at exit, or with
    :func:`shutdown_workers`.
    """
    global _POOL, _POOL_BUSY
    with _POOL_LOCK:
        if _IDLE_TIMER is not None:
            _IDLE_TIMER.cancel()
        if _POOL is not None and (_POOL[0] != workers or getattr(_POOL[1], "_broken", False)):
            shutdown_workers()
        if _POOL is None:
            _POOL = (workers, ProcessPoolExecutor(max_workers=workers, mp_context=_mp_context()))
        pool = _POOL[1]
        _POOL_BUSY += 1
    try:
        yield pool
    finally:
        with _POOL_LOCK:
            _POOL_BUSY -= 1
            if _POOL_BUSY == 0 and _POOL is not None:
                _arm_idle_timer()


def _arm_idle_timer() -> None:
    global _IDLE_TIMER

    def end_if_idle():
        with _POOL_LOCK:
            if _POOL_BUSY == 0:
                shutdown_workers()

    _IDLE_TIMER = threading.Timer(WORKER_IDLE_SECONDS, end_if_idle)
    _IDLE_TIMER.daemon = True
    _IDLE_TIMER.start()


def shutdown_workers(*, kill: bool = False) -> None:
    """End the worker processes kept between :func:`analyze` calls (to free their memory).

    ``kill=True`` stops them at once, abandoning running chunks (used after an error or an
    interrupt, so that no worker goes on computing a run that was given up).

    Example:
        >>> shutdown_workers()
    """
    global _POOL
    with _POOL_LOCK:
        if _IDLE_TIMER is not None:
            _IDLE_TIMER.cancel()
        if _POOL is None:
            return
        _, pool = _POOL
        _POOL = None
    if kill:
        for proc in list(getattr(pool, "_processes", {}).values()):
            with contextlib.suppress(Exception):
                proc.kill()
    pool.shutdown(wait=not kill, cancel_futures=True)


def submission_order(tasks: list[Task], *, by_index: bool = False) -> list[Task]:
    """The order chunks are handed to workers: longest first, so that a short chunk fills a gap
    at the end instead of running alone (results are placed by chunk index, whatever the order).

    With ``by_index`` the chunks of at least half the longest one's characters go first in
    corpus order (the plan makes them about equal), then the shorter ones, longest first: a
    caller that writes results in corpus order while the last chunks run can then write all
    but those (:func:`toolkit.pipeline._stream_done`).

    Example:
        >>> import pandas as pd
        >>> t = [Task(i, pd.DataFrame({"text": ["x" * n]}), {}, [], False, None, None, False)
        ...      for i, n in enumerate([90, 100, 20, 40])]
        >>> [x.index for x in submission_order(t)], [x.index for x in submission_order(t, by_index=True)]
        ([1, 0, 3, 2], [0, 1, 3, 2])
    """
    size = {t.index: int(t.documents["text"].str.len().sum()) for t in tasks}
    if not by_index:
        return sorted(tasks, key=lambda t: -size[t.index])
    half = max(size.values(), default=0) / 2
    return sorted(tasks, key=lambda t: (size[t.index] < half, -size[t.index] if size[t.index] < half else t.index))


class Engine:
    """Runs chunk tasks in this process, the local process pool, or on Dask."""

    def __init__(self, kind: str, workers: int):
        self.kind, self.workers = kind, workers
        self._client = self._cluster = None
        self._own_client = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self._own_client:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def run(self, tasks: list[Task], on_done: Callable[[Done], None],
            on_idle: Callable[[], None] | None = None) -> None:
        """Run ``tasks``, calling ``on_done`` with each result in this thread as it comes.

        ``on_idle`` (the local pool only) is called after a result once no task waits for a
        worker, so a worker is idle: the caller's own work then fills that CPU.

        Example:
            >>> Engine("processes", 1).run([], print)
        """
        if not tasks:
            return
        if self.kind == "dask":
            return self._run_dask(tasks, on_done)
        if self.workers == 1:
            for task in tasks:
                on_done(execute(task))
            return
        with _worker_pool(self.workers) as pool:
            self._run_pool(pool, tasks, on_done, on_idle, self.workers)

    @staticmethod
    def _run_pool(pool: ProcessPoolExecutor, tasks: list[Task], on_done: Callable[[Done], None],
                  on_idle: Callable[[], None] | None = None, workers: int = 1) -> None:
        from concurrent.futures.process import BrokenProcessPool

        pending = set()
        try:
            pending = {pool.submit(execute, dataclasses.replace(t, wire=True))
                       for t in submission_order(tasks, by_index=on_idle is not None)}
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    on_done(fut.result())
                if on_idle is not None and len(pending) < workers:
                    on_idle()
        except BrokenProcessPool as exc:
            shutdown_workers(kill=True)
            raise RuntimeError(
                "worker processes stopped abruptly (out of memory, killed, or, in a script, "
                "analyze() called outside `if __name__ == \"__main__\":` so that each worker "
                "re-ran the script). Finished chunks are kept in the cache; fix the cause and run "
                "again to resume, or pass workers=1.") from exc
        except BaseException:
            # An error in one chunk or an interrupt: the other workers stop too (finished chunks
            # are in the cache; running again resumes).
            shutdown_workers(kill=True)
            raise

    def _run_dask(self, tasks: list[Task], on_done: Callable[[Done], None]) -> None:
        from distributed import Client, LocalCluster, as_completed, get_client

        if self._client is None:
            import dask

            try:
                self._client = get_client()
            except ValueError:
                if dask.config.get("scheduler-address", None):  # e.g. DASK_SCHEDULER_ADDRESS
                    self._client = Client()
                else:
                    # The dashboard on a free local port, named where progress is shown.
                    self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                                 processes=True, dashboard_address="127.0.0.1:0")
                    self._client = Client(self._cluster)
                    link = getattr(self._client, "dashboard_link", None)
                    if link:
                        print(f"Dask dashboard: {link}", file=sys.stderr)
                self._own_client = True
        futures = self._client.map(execute, [dataclasses.replace(t, wire=True) for t in tasks], pure=False,
                                   key=[f"toolkit-chunk-{uuid.uuid4().hex}" for _ in tasks])
        try:
            for fut in as_completed(futures):
                on_done(fut.result())
        except BaseException:
            self._client.cancel(futures)
            raise
