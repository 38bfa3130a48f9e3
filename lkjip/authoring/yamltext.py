"""Writing report data back as YAML that staff can read and edit.

Next year's report is made from this year's values (as the loader read them: plain
mappings, lists, texts, exact decimals, dates). PyYAML's dumper would sort nothing but
quote oddly, lose the decimals' written precision (94.50) and write long flow lines; this
small writer keeps the author's key order, writes each number as it was written, puts
short mappings of plain values on one line (`{2022: 90, 2023: 90.12}`) and quotes a text
only when YAML would read it as something else.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$")
FLOW_WIDTH = 100


def scalar(value: Any, flow: bool = False) -> str:
    """One value as YAML text: numbers as written, dates as YYYY-MM-DD, text plain when that is safe
    (inside `{...}` or `[...]` a comma or a bracket would end the value, so such text is quoted)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    plain = _PLAIN.match(text) and not text.endswith((" ", ":")) and ": " not in text
    if plain and not (flow and any(c in text for c in ",[]{}")) and _reads_back(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    """A plain text YAML reads as that same text (not a number, a date, true, null, ...)."""
    try:
        return bool(yaml.load(f"k: {text}", Loader=_LOADER) == {"k": text})
    except yaml.YAMLError:
        return False


def _is_plain(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _flow(value: Any) -> str | None:
    """A short mapping or list of plain values on one line, else None."""
    if isinstance(value, dict) and value and all(_is_plain(v) for v in value.values()):
        text = "{" + ", ".join(f"{scalar(k, True)}: {scalar(v, True)}" for k, v in value.items()) + "}"
    elif isinstance(value, list) and value and all(_is_plain(v) for v in value):
        text = "[" + ", ".join(scalar(v, True) for v in value) + "]"
    else:
        return None
    return text if len(text) <= FLOW_WIDTH else None


def lines(value: Any, indent: int = 0) -> list[str]:
    """A mapping or list as block YAML lines."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _entry(f"{pad}{scalar(key)}:", item, indent)
    elif isinstance(value, list):
        block = any(isinstance(item, dict) and item and _flow(item) is None for item in value)
        for item in value:
            if isinstance(item, dict) and item and (block or _flow(item) is None):
                inner = lines(item, indent + 2)
                out.append(f"{pad}- {inner[0].lstrip()}")
                out += inner[1:]
            else:
                out += _entry(f"{pad}-", item, indent)
    return out


def _entry(head: str, item: Any, indent: int) -> list[str]:
    if _is_plain(item):
        return [f"{head} {scalar(item)}"]
    flow = _flow(item)
    if flow is not None:
        return [f"{head} {flow}"]
    if not item:
        return [f"{head} {'{}' if isinstance(item, dict) else '[]'}"]
    return [head] + lines(item, indent + 2)


def document(value: dict[str, Any], header: list[str]) -> str:
    """A whole data file: comment lines on top, then the mapping."""
    return "".join(f"# {line}\n" if line else "#\n" for line in header) + "".join(x + "\n" for x in lines(value))
