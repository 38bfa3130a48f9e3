"""The diff as JSON, for scripts and CI: every change, in a fixed key order, same input same bytes.

Keys are written in the order this module lists them (not sorted), so a reader meets
`old` before `new` and a change's label before its values; nothing depends on hash order
or on time. `format` is bumped when a key changes meaning.
"""
from __future__ import annotations

import json
from typing import Any

from ..diagnostics import Diagnostic
from .changes import ReportDiff, Side
from .data import FileChanges
from .figures import KeyChange, ListChange, Place, TableChange
from .prose import Block, ChapterDiff

FORMAT = 1


def _side(side: Side) -> dict[str, Any]:
    return {"label": side.label, "commit": side.commit, "builds": side.builds, "errors": side.errors,
            "warnings": side.warnings, "figures": side.figures}


def diagnostic(d: Diagnostic) -> dict[str, Any]:
    return {"severity": d.severity, "code": d.code, "file": d.loc.file, "line": d.loc.line, "column": d.loc.column,
            "path": d.loc.path, "message": d.message, "hint": d.hint}


def _where(places: tuple[Place, ...]) -> list[dict[str, Any]]:
    return [{"file": p.file, "title": p.title, "count": p.count} for p in places]


def _file(f: FileChanges) -> dict[str, Any]:
    return {"file": f.file, "about": f.about, "status": f.status,
            "changes": [{"kind": c.kind, "path": c.path, "label": c.label, "old": c.old, "new": c.new}
                        for c in f.changes]}


def _key(k: KeyChange) -> dict[str, Any]:
    return {"key": k.key, "old": k.old, "new": k.new, "where": _where(k.where)}


def _table(t: TableChange) -> dict[str, Any]:
    return {"id": t.id, "caption": t.caption, "status": t.status,
            "heading": {"old": t.heading[0], "new": t.heading[1]} if t.heading else None,
            "where": _where(t.where),
            "rows": [{"kind": r.kind, "row": r.row, "label": r.row_label, "old": r.old, "new": r.new} for r in t.rows],
            "cells": [{"row": c.row, "row_label": c.row_label, "column": c.column, "column_label": c.column_label,
                       "old": c.old, "new": c.new} for c in t.cells]}


def _list(x: ListChange) -> dict[str, Any]:
    return {"id": x.id, "old": list(x.old), "new": list(x.new), "where": _where(x.where)}


def _block(b: Block) -> dict[str, Any]:
    if b.kind == "same":
        return {"kind": b.kind, "count": b.count}
    if b.kind == "changed":
        return {"kind": b.kind, "words": [{"op": w.op, "text": w.text} for w in b.words]}
    return {"kind": b.kind, "text": b.text}


def _chapter(c: ChapterDiff) -> dict[str, Any]:
    return {"file": c.file, "old_file": c.old_file, "title": c.title, "status": c.status,
            "blocks": [_block(b) for b in c.blocks]}


def summary(diff: ReportDiff) -> dict[str, int]:
    return {"data_changes": sum(max(1, len(f.changes)) for f in diff.data), "keys": len(diff.keys),
            "cells": diff.cell_count, "tables": len(diff.tables), "lists": len(diff.lists),
            "chapters": len(diff.prose), "new_errors": len(diff.status.new_errors),
            "new_warnings": len(diff.status.new_warnings), "resolved": len(diff.status.resolved),
            "changed_findings": len(diff.status.changed)}


def as_dict(diff: ReportDiff) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "old": _side(diff.old),
        "new": _side(diff.new),
        "changed": diff.changed,
        "summary": summary(diff),
        "data": [_file(f) for f in diff.data],
        "figures": {"compared": diff.figures_compared, "keys": [_key(k) for k in diff.keys],
                    "tables": [_table(t) for t in diff.tables], "lists": [_list(x) for x in diff.lists]},
        "prose": [_chapter(c) for c in diff.prose],
        "check": {"warnings_compared": diff.status.warnings_compared,
                  "new": [diagnostic(d) for d in diff.status.new],
                  "resolved": [diagnostic(d) for d in diff.status.resolved],
                  "changed": [{"old": diagnostic(a), "new": diagnostic(b)} for a, b in diff.status.changed]},
    }


def render(diff: ReportDiff) -> str:
    return json.dumps(as_dict(diff), ensure_ascii=False, indent=2) + "\n"
