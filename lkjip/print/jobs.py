"""Layouts of the print document as jobs in processes of their own, two at a time.

A layout is the slow part of a build and runs on one core. Each job lays out one version of the
document (as it is, or with some tables set tighter), tells the build how many pages it has and
which tables end stranded (`Measured`), and then writes its PDF while the build goes on: the
second core writes the first layout's PDF while the second layout is made, and where the build
already knows which tables the first layout will find stranded (the previous build's, `predicted`),
both layouts run at once. The choice between them is the same rule either way (`lkjip.print.pdf`),
so the bytes never depend on the prediction or on the number of processes.

A job runs in a forked child, which holds its laid-out document and gives back only numbers,
names and bytes: no process holds two layouts. Where fork is unavailable, or the build runs
outside the main thread (the preview's server), a job runs in the build's own process, the
same code in the same order.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from . import engine, pagination


@dataclass(frozen=True)
class Measured:
    """What a layout holds, as far as choosing goes: its page count and the tables it leaves stranded."""

    pages: int
    tails: tuple[str, ...]
    messages: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class Guess:
    """What a guessing job found stranded in the sections it laid out first (`Job.guessing`): the tables
    its own layout of the whole document is set tighter for (none: it lays out nothing more)."""

    tails: tuple[str, ...]


LayOut = Callable[[str], engine.Document]
Finish = Callable[[engine.Document], bytes]
Markup = Callable[[Callable[[object], None]], str | None]
"""The markup a job lays out, made in the job (None: nothing to lay out), given the job's `report`."""


def _stranded(document: engine.Document) -> tuple[str, ...]:
    return tuple(pagination.tails([pagination.laid(p) for p in document.pages]))


def _work(markup_of: Markup, lay_out: LayOut, finish: Finish) -> Generator[object, None, None]:
    """A job's results in order (a guess, the measurement, the PDF), each made only when asked for."""
    try:
        with engine.session() as messages:
            said: list[object] = []
            markup = markup_of(said.append)
            yield from said
            if markup is None:
                return
            document = lay_out(markup)
            yield Measured(len(document.pages), _stranded(document), tuple(messages))
            laid = len(messages)
            pdf = finish(document)
        yield Written(pdf, tuple(messages[laid:]))
    except engine.Unsupported as unsupported:
        yield JobFailed("unsupported", str(unsupported), unsupported.hint)
    except Exception as exc:  # noqa: BLE001 - any failure reaches the build, which reports it
        yield JobFailed("internal", f"{type(exc).__name__}: {exc}")


PARALLEL = "LKJIP_PDF_PARALEL"
"""Set to 0, a build lays out one version of the document at a time, in its own process (the portal's
workers and the test run already keep every core busy with other builds)."""


def forking() -> bool:
    """Whether jobs run in forked children: POSIX but not macOS (where fork is unsafe), main thread only."""
    return (sys.platform.startswith("linux") or sys.platform.startswith("freebsd")) \
        and threading.current_thread() is threading.main_thread()


def parallel() -> bool:
    """Whether a second layout may run beside the first: jobs fork, a second core is there for it, and
    LKJIP_PDF_PARALEL is not 0."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return forking() and os.environ.get(PARALLEL) != "0" and cores > 1


class Job:
    """One layout of `markup`; `measured()` waits for its pages, `written()` for its PDF."""

    def __init__(self, markup: str | Markup, lay_out: LayOut, finish: Finish):
        if isinstance(markup, str):
            markup = _given(markup)
        self._results: Generator[object, None, None] | None = None
        self._process: Any = None
        self._conn: Connection | None = None
        if parallel():
            context = multiprocessing.get_context("fork")
            receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_child, args=(send, markup, lay_out, finish), daemon=True)
            self._process.start()
            send.close()
            self._conn = receive
        else:   # in this process, each step when it is asked for
            self._results = _work(markup, lay_out, finish)

    def _next(self) -> object:
        if self._results is not None:
            found = next(self._results, JobFailed("internal", "tata letak PDF berhenti tanpa hasil"))
        else:
            try:
                assert self._conn is not None, "a job is asked for a result after it was stopped"
                found = self._conn.recv()
            except EOFError:
                found = JobFailed("internal", "proses tata letak PDF berhenti tanpa hasil")
        if isinstance(found, JobFailed):
            self.stop()
            raise found
        return found

    @classmethod
    def guessing(cls, probe: str, tighter: Callable[[tuple[str, ...]], str], lay_out: LayOut,
                 finish: Finish) -> Job:
        """A layout of the whole document set tighter where a first layout of `probe` (only the sections
        where a table may end stranded) finds tables stranded; `guess()` says which, first."""
        def markup(report: Callable[[object], None]) -> str | None:
            tails = _stranded(lay_out(probe))
            report(Guess(tails))
            return tighter(tails) if tails else None
        return cls(markup, lay_out, finish)

    def guess(self) -> Guess:
        found = self._next()
        assert isinstance(found, Guess)
        return found

    def measured(self) -> Measured:
        found = self._next()
        assert isinstance(found, Measured)
        return found

    def written(self) -> Written:
        found = self._next()
        assert isinstance(found, Written)
        self.stop()
        return found

    def stop(self) -> None:
        """End the job (its result no longer wanted, or given)."""
        if self._results is not None:
            self._results.close()
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _given(markup: str) -> Markup:
    return lambda report: markup


def _child(send: Connection, markup: Markup, lay_out: LayOut, finish: Finish) -> None:
    try:
        for result in _work(markup, lay_out, finish):
            send.send(result)
    finally:
        send.close()


def stop_all(jobs: Sequence[Job | None]) -> None:
    for job in jobs:
        if job is not None:
            job.stop()
