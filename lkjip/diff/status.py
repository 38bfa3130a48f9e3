"""Check status: which errors and warnings a change brings, and which it resolves.

The bundled report carries warnings on purpose (figures the signed original printed
differently), so a pull request is judged by what it adds, not by the total. Diagnostics
are matched by severity, code, file and message, never by line: inserting a line above a
known warning moves it without making it new. Identical diagnostics are counted, so a
second occurrence of a known warning is still new. A known warning whose numbers changed
("tercetak 90,25, dihitung 91,33" becoming "... dihitung 91,67" after an NRR changed) is the
same finding with a new figure: it is listed as changed, not as new and resolved.

Warnings are compared only when both revisions were checked to the end: a revision that
stops at an error never ran the later checks, so its silence about a warning says nothing
(the old warnings are not "resolved" by breaking the data, and a base branch that did not
build does not make every warning of the fix "new"). Errors are always compared.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..diagnostics import Diagnostic


@dataclass(frozen=True)
class StatusDiff:
    new: tuple[Diagnostic, ...]
    """In the newer revision and not in the older one (with the newer revision's positions)."""
    resolved: tuple[Diagnostic, ...]
    """In the older revision only (with its positions there)."""
    changed: tuple[tuple[Diagnostic, Diagnostic], ...] = ()
    """(old, new): the same finding in the same file whose numbers differ."""
    warnings_compared: bool = True
    """False when a revision stopped at an error, so that warnings were not compared."""

    @property
    def new_errors(self) -> list[Diagnostic]:
        return [d for d in self.new if d.is_error]

    @property
    def new_warnings(self) -> list[Diagnostic]:
        return [d for d in self.new if not d.is_error]


NUMBER = re.compile(r"-?\d+(?:[.,]\d+)*")


def identity(d: Diagnostic) -> tuple[str, str, str, str]:
    return (d.severity, d.code, d.loc.file, d.message)


def shape(d: Diagnostic) -> tuple[str, str, str, str]:
    """The finding without its figures: what stays when only a computed number moved."""
    return (d.severity, d.code, d.loc.file, NUMBER.sub("#", d.message))


def _pair(first: Sequence[Diagnostic], second: Sequence[Diagnostic], key: Callable[[Diagnostic], tuple[str, ...]]) \
        -> tuple[list[Diagnostic], list[tuple[Diagnostic, Diagnostic]]]:
    """Pair each diagnostic of `first` with an unused equal one of `second`: (unpaired, [(partner, d)])."""
    pool: dict[tuple[str, ...], list[Diagnostic]] = {}
    for d in second:
        pool.setdefault(key(d), []).append(d)
    unpaired, pairs = [], []
    for d in first:
        match = pool.get(key(d))
        if match:
            pairs.append((match.pop(0), d))
        else:
            unpaired.append(d)
    return unpaired, pairs


def compare_status(old: Sequence[Diagnostic], new: Sequence[Diagnostic]) -> StatusDiff:
    complete = not any(d.is_error for d in old) and not any(d.is_error for d in new)
    if not complete:
        old, new = [d for d in old if d.is_error], [d for d in new if d.is_error]
    added, same = _pair(new, old, identity)
    kept = {id(o) for o, _ in same}
    gone = [d for d in old if id(d) not in kept]
    still_new, changed = _pair(added, gone, shape)
    moved = {id(o) for o, _ in changed}
    return StatusDiff(tuple(still_new), tuple(d for d in gone if id(d) not in moved), tuple(changed), complete)
