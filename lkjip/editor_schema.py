"""JSON Schema of every data file, derived from the same declarative schemas as the validator.

Editors (for example VS Code with the YAML extension) use these files to complete keys and
flag mistakes while staff type; `python build.py skema --json FOLDER` writes them. The
build's own validator stays the authority (it also checks references between files).
"""
from __future__ import annotations

import json
from pathlib import Path

from .datasets_more import DESCRIPTIONS, FILES
from .scalars import Choice, Date, Flag, Id, Integer, Number, QuantityType, Ref, Rupiah, Text, Year
from .schema import AnyOf, ListOf, MapOf, PrintedType, Record, Type

ID_PATTERN = "^[a-z0-9][a-z0-9_]*$"


def json_schema(kind: Type) -> dict:
    """One field type as JSON Schema (draft 2020-12)."""
    if isinstance(kind, Record):
        return {"type": "object", "additionalProperties": False,
                "required": [f.name for f in kind.fields if f.required],
                "properties": {f.name: {**json_schema(f.type), "description": f.doc} for f in kind.fields}}
    if isinstance(kind, ListOf):
        return {"type": "array", "items": json_schema(kind.item), "minItems": kind.min_items}
    if isinstance(kind, MapOf):
        key = {"pattern": "^[0-9]{4}$"} if isinstance(kind.key, Year) else {"pattern": ID_PATTERN}
        return {"type": "object", "propertyNames": key, "additionalProperties": json_schema(kind.value)}
    if isinstance(kind, AnyOf):
        return {"anyOf": [json_schema(kind.scalar), json_schema(kind.mapping)]}
    if isinstance(kind, PrintedType):
        return json_schema(kind.inner)
    return _scalar(kind)


def _scalar(kind: Type) -> dict:
    if isinstance(kind, Choice):
        return {"enum": list(kind.options)}
    if isinstance(kind, (Id, Ref)):
        return {"type": "string", "pattern": ID_PATTERN}
    if isinstance(kind, Text):
        return {"type": ["string", "number"]}
    if isinstance(kind, Date):
        return {"type": "string", "format": "date"}
    if isinstance(kind, Flag):
        return {"type": "boolean"}
    if isinstance(kind, QuantityType):
        return {"type": ["number", "string"], "pattern": r"^\s*-?\d+(\.\d+)?\s*(%|\S.*)?$"}
    if isinstance(kind, Number):
        out = {"type": "integer" if isinstance(kind, (Integer, Rupiah, Year)) else "number"}
        if kind.minimum is not None:
            out["minimum"] = float(kind.minimum) if not isinstance(kind, Integer) else int(kind.minimum)
        if kind.maximum is not None:
            out["maximum"] = float(kind.maximum) if not isinstance(kind, Integer) else int(kind.maximum)
        return out
    return {}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in FILES.items():
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"data/{name}.yaml",
                    "description": DESCRIPTIONS[name], **json_schema(schema)}
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
        written.append(path)
    return written
