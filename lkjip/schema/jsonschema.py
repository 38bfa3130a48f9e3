"""JSON Schema of every data file, from the same declarative schemas as the validator.

Editors (VS Code with the YAML extension, say) use these files to complete keys and flag
mistakes while staff type. The build's own validator stays the authority: it also checks
references between files and the rules of each subject.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .core import Type

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def document(title: str, description: str, kind: Type) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, "description": description, **kind.json()}


def write(folder: Path, documents: dict[str, dict[str, Any]]) -> list[Path]:
    """Write `name.schema.json` per document, with stable key order (diffs stay readable)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in documents.items():
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
        written.append(path)
    return written
