"""Print work as jobs in processes of their own, two at a time.

A layout is the slow part of a build and runs on one core. The build has two kinds of print work
(`lkjip.print.pdf`): laying out only the sections where a table may end stranded, to decide which
tables to set tighter (`lkjip.print.pagination.PartsLaid`), and laying out the whole document once and
writing its PDF (`Written`). Where a second core is spare, they run at once: the whole document is laid
out on a prediction (the previous build's decision, or the tables first found stranded) while the
decision is made, and laid out again only when the prediction turns out wrong. The PDF is always the
layout of what was decided, so the bytes never depend on the prediction or on the number of processes.

A job runs in a forked child, which holds its laid-out pages and gives back only names and bytes: no
process holds two layouts. Where fork is unavailable, the build runs outside the main thread (the
preview's server), or no core is spare, a job runs in the build's own process, step by step as its
results are asked for, the same code in the same order; a job stopped before it is asked does nothing.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from . import engine


@dataclass(frozen=True)
class Written:
    """A layout's PDF and WeasyPrint's log lines while it was made."""

    pdf: bytes
    messages: tuple[str, ...]


class JobFailed(Exception):
    """A job stopped: `Unsupported` (the WeasyPrint lkjip cannot measure pages with) comes back as it was."""

    def __init__(self, kind: str, message: str, hint: str = ""):
        super().__init__(message)
        self.kind, self.hint = kind, hint

    def __reduce__(self) -> tuple[type[JobFailed], tuple[str, str, str]]:
        return (JobFailed, (self.kind, str(self), self.hint))   # sent from the child whole


Steps = Callable[[list[str]], Iterator[object]]
"""A job's work: its results in order, each made when the one before is taken; WeasyPrint's log lines
while it runs go to the list it is given."""


def _work(steps: Steps) -> Generator[object, None, None]:
    """The job's results, each step made inside an engine session of its own: a job waiting in this
    process between steps leaves nothing set (SOURCE_DATE_EPOCH, WeasyPrint's log) for the build or
    another job to find."""
    messages: list[str] = []
    results = steps(messages)
    while True:
        try:
            with engine.session(messages):
                result = next(results)
        except StopIteration:
            return
        except engine.Unsupported as unsupported:
            yield JobFailed("unsupported", str(unsupported), unsupported.hint)
            return
        except Exception as exc:  # noqa: BLE001 - any failure reaches the build, which reports it
            yield JobFailed("internal", f"{type(exc).__name__}: {exc}")
            return
        yield result


PARALLEL = "LKJIP_PDF_PARALEL"
"""Set to 0, a build does its print work one job at a time, in its own process (the portal's workers
and the test run already keep every core busy with other builds)."""


def forking() -> bool:
    """Whether jobs run in forked children: POSIX but not macOS (where fork is unsafe), main thread only."""
    return (sys.platform.startswith("linux") or sys.platform.startswith("freebsd")) \
        and threading.current_thread() is threading.main_thread()


def parallel() -> bool:
    """Whether two jobs may run at once: jobs fork, a second core is there, and LKJIP_PDF_PARALEL is not 0."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return forking() and os.environ.get(PARALLEL) != "0" and cores > 1


Result = TypeVar("Result")


class Job:
    """One piece of print work; `next(kind)` waits for its next result, which is of that kind."""

    def __init__(self, steps: Steps):
        self._results: Generator[object, None, None] | None = None
        self._process: Any = None
        self._conn: Connection | None = None
        if parallel():
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(send, steps), daemon=True)
            self._process.start()
            send.close()
            self._conn = receive
        else:   # in this process, each step when it is asked for
            self._results = _work(steps)

    def next(self, kind: type[Result]) -> Result:
        if self._results is not None:
            found = next(self._results, JobFailed("internal", "pekerjaan PDF berhenti tanpa hasil"))
        else:
            try:
                assert self._conn is not None, "a job is asked for a result after it was stopped"
                found = self._conn.recv()
            except EOFError:
                found = JobFailed("internal", "proses pekerjaan PDF berhenti tanpa hasil")
        if isinstance(found, JobFailed):
            self.stop()
            raise found
        assert isinstance(found, kind), f"a job gave {type(found).__name__} where {kind.__name__} was due"
        return found

    def stop(self) -> None:
        """End the job (its results no longer wanted, or all given)."""
        if self._results is not None:
            self._results.close()
            self._results = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _child(send: Connection, steps: Steps) -> None:
    try:
        for result in _work(steps):
            send.send(result)
    finally:
        send.close()


def stop_all(jobs: Sequence[Job | None]) -> None:
    for job in jobs:
        if job is not None:
            job.stop()
