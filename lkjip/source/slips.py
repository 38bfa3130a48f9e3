"""Typing slips that YAML reads as something else, and how to tell authors to write them.

Indonesian documents write 85,6 and 2.415.383.480; YAML wants 85.6 and 2415383480. In block
style such a number stays a text, and the schema explains it (`number_hint`). Inside '{...}'
or '[...]' the comma separates entries instead: `{2024: 85,6}` reads as 85 and a key 6,
`[85,6]` as two numbers, `{nama: Kec. A, Kab. B}` as a text and a key without a value. No
schema can see that afterwards, so the composed nodes are checked against the source text
here, while they still know where they were written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

NUMBER_LIKE = r"%\s*$|^\s*[Rr][Pp]|^\s*-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?\s*$|^\s*-?[0-9]+,[0-9]+\s*$"
"""The texts `number_hint` explains (a decimal comma, thousands dots, '%', 'Rp'), for the editors' schema."""

DECIMAL_POINT = "YAML memakai titik sebagai pemisah desimal"


def number_hint(value: str) -> str:
    text = value.strip()
    if text.endswith("%"):
        return f"tulis angka tanpa tanda %: {text[:-1].strip().replace('.', '').replace(',', '.')}"
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
        return f"jangan memakai titik pemisah ribuan; tulis {text.replace('.', '').replace(',', '.')}"
    if re.fullmatch(r"-?\d+,\d+", text):
        return f"{DECIMAL_POINT}; tulis {text.replace(',', '.')}"
    if text.lower().startswith("rp"):
        return "tulis angka rupiah tanpa 'Rp' dan tanpa titik, mis. 2615163480"
    return ""


@dataclass(frozen=True)
class Slip:
    """A slip found in a flow collection: the node to point at, its key or index, and what to say."""

    node: Node
    part: Node | int | None
    """Where in the collection: the key node of the entry, the index of the item, or None for the
    collection itself (an entry whose key is not a key at all)."""
    message: str
    hint: str
    code: str


_WHOLE = re.compile(r"-?\d[\d.]*")   # the part of a number before a decimal comma: 85, 2.415.383.480
_FRACTION = re.compile(r"\d+\s*%?")  # the part after it: 6, 00, 6%
_MAPPING = "di dalam '{...}' koma memisahkan pasangan kunci: nilai"


def _plain(node: Node) -> bool:
    return isinstance(node, ScalarNode) and not node.style and node.value != ""


def _decimal_hint(number: str) -> str:
    return number_hint(number) or f"{DECIMAL_POINT}, tanpa pemisah ribuan"


def _quoted(text: str) -> str:
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


def _colonless(key: Node, value: Node, text: str) -> bool:
    """`{a, b: 1}`: an entry YAML gives a null value because no ':' follows its key."""
    return (isinstance(value, ScalarNode) and value.tag == "tag:yaml.org,2002:null" and value.value == ""
            and ":" not in text[key.end_mark.index:value.start_mark.index])


def mapping_slip(node: MappingNode, text: str) -> Slip | None:
    """The first entry of a flow mapping without ':', explained by the slip that made it."""
    pairs = node.value
    for i, (key, value) in enumerate(pairs):
        if not isinstance(key, ScalarNode) or not _colonless(key, value, text):
            continue
        last = i
        while last + 1 < len(pairs) and _colonless(pairs[last + 1][0], pairs[last + 1][1], text):
            last += 1
        return _explain(pairs, i, last, text)
    return None


def _explain(pairs: list[tuple[Node, Node]], i: int, last: int, text: str) -> Slip:
    key = pairs[i][0]
    assert isinstance(key, ScalarNode)
    spaceless = re.fullmatch(r"([^\s:]+):(\S.*)", key.value) if not key.style else None
    if spaceless:
        return Slip(key, None, f"tanda ':' pada '{key.value}' tidak diikuti spasi, sehingga YAML "
                    "membacanya sebagai satu teks, bukan kunci dan nilai",
                    f"beri spasi setelah ':', tulis {spaceless.group(1)}: {spaceless.group(2)}", "colon-space")
    if i > 0 and _plain(pairs[i - 1][1]) and isinstance(pairs[i - 1][0], ScalarNode):
        owner, before = pairs[i - 1]
        assert isinstance(before, ScalarNode)
        if i == last and _WHOLE.fullmatch(before.value) and _FRACTION.fullmatch(key.value):
            number = f"{before.value},{key.value}"
            return Slip(before, owner, f"angka '{number}' memakai koma desimal; {_MAPPING}",
                        _decimal_hint(number), "decimal-comma")
        written = " ".join(text[before.start_mark.index:pairs[last][0].end_mark.index].split())
        return Slip(before, owner, f"teks '{written}' memuat koma; {_MAPPING}",
                    f"tulis teks yang memuat koma di dalam tanda kutip, mis. {owner.value}: {_quoted(written)}",
                    "comma-in-text")
    return Slip(key, None, f"'{key.value}' di dalam '{{...}}' tidak diikuti ':' dan nilai",
                "tulis pasangan 'kunci: nilai'; teks yang memuat koma ditulis di dalam tanda kutip", "flow-entry")


def _years(*values: str) -> bool:
    """`[2024,2025]`: years, as a list of them is written; no decimal has four digits after its comma."""
    return all(re.fullmatch(r"(19|2[0-2])\d\d", v) for v in values)


def sequence_slip(node: SequenceNode, text: str) -> Slip | None:
    """`[85,6]`: two numbers YAML would read where the author wrote one with a decimal comma."""
    items = node.value
    for i in range(len(items) - 1):
        one, two = items[i], items[i + 1]
        if not (_plain(one) and _plain(two)) or text[one.end_mark.index:two.start_mark.index] != ",":
            continue
        assert isinstance(one, ScalarNode) and isinstance(two, ScalarNode)
        if _WHOLE.fullmatch(one.value) and _FRACTION.fullmatch(two.value) and not _years(one.value, two.value):
            number = f"{one.value},{two.value}"
            return Slip(one, i, f"angka '{number}' memakai koma desimal; di dalam '[...]' koma memisahkan "
                        "butir daftar", f"{_decimal_hint(number)} (bila maksudnya dua angka, beri spasi setelah "
                        f"koma: {one.value}, {two.value})", "decimal-comma")
    return None
