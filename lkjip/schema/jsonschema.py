"""JSON Schema of every data file, from the same declarative schemas as the validator.

Editors (VS Code with the YAML extension, say) use these files to complete keys and flag
mistakes while staff type. The build's own validator stays the authority: it also checks
references between files and the rules of each subject. Draft 7, because it is the draft
the YAML language server implements; every keyword used here means the same in later drafts.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .core import Type

DRAFT = "http://json-schema.org/draft-07/schema#"


def document(title: str, description: str, kind: Type) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, "description": description, **kind.json()}


def render(doc: dict[str, Any]) -> str:
    """One schema as text, with stable key order (diffs of the committed schemas stay readable)."""
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write(folder: Path, documents: dict[str, dict[str, Any]]) -> list[Path]:
    """Write `name.schema.json` per document."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in documents.items():
        path = folder / f"{name}.schema.json"
        path.write_text(render(doc), "utf-8")
        written.append(path)
    return written
