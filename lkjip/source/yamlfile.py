"""Safe YAML loading that remembers where every value came from.

PyYAML's `safe_load` forgets positions and silently keeps the last of two duplicate
keys. We compose the node tree once (safe tags only), refuse duplicates and aliases
(anchors are never needed in report data and are how "billion laughs" bombs work), and
build plain values plus a side table `path -> Loc` that later stages use for messages.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..diagnostics import Loc, error
from .slips import Slip, mapping_slip, sequence_slip
from .text import SourceError, read_text
from .yamlerrors import syntax_diagnostic

# libyaml's composer is an order of magnitude faster; both give the same nodes and marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PathKey = tuple[str | int, ...]
"""Where a value sits in its file: str keys and int indices, from the top."""
MAX_NUMBER = Decimal(10) ** 15
MAX_DECIMALS = 10


def dotted(path: PathKey) -> str:
    """`('indikator', 3, 'target')` -> `indikator[3].target`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class YamlDocument:
    file: str
    data: object
    marks: dict[PathKey, tuple[int, int]]
    key_marks: dict[PathKey, tuple[int, int]]
    lines: list[str]

    def loc(self, path: PathKey, *, key: bool = False) -> Loc:
        table = self.key_marks if key else self.marks
        mark = table.get(tuple(path)) or self.marks.get(tuple(path))
        probe = tuple(path)
        while mark is None and probe:
            probe = probe[:-1]
            mark = self.marks.get(probe)
        line, col = mark if mark else (None, None)
        return Loc(self.file, line, col, dotted(path))


def load_yaml(path: Path, file: str) -> YamlDocument:
    return parse_yaml(read_text(path, file), file)


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Compose once, refuse what report data never needs, and keep every value's position."""
    try:
        node = yaml.compose(text, Loader=_LOADER)
        builder = _Builder(file, text)
        data = builder.build(node, ()) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise SourceError(syntax_diagnostic(file, exc, text)) from None
    except yaml.YAMLError as exc:
        raise SourceError(error(Loc(file), f"sintaks YAML tidak valid ({exc})")) from None
    except RecursionError:
        raise SourceError(error(Loc(file), "struktur YAML terlalu dalam (terlalu banyak tingkat bersarang)",
                              "data laporan cukup beberapa tingkat; periksa kurung '[' dan '{' yang tidak ditutup",
                              "too-deep")) from None
    return YamlDocument(file, data, builder.marks, builder.key_marks, text.split("\n"))


_COLLECTION_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


class _Builder:
    def __init__(self, file: str, text: str):
        self.file, self.text = file, text
        self.marks: dict[PathKey, tuple[int, int]] = {}
        self.key_marks: dict[PathKey, tuple[int, int]] = {}
        self.seen: set[int] = set()
        self.constructor = SafeConstructor()

    def _fail(self, node: Node, message: str, hint: str = "", code: str = "") -> NoReturn:
        m = node.start_mark
        raise SourceError(error(Loc(self.file, m.line + 1, m.column + 1), message, hint, code))

    def build(self, node: Node, path: PathKey) -> Any:
        if id(node) in self.seen:
            self._fail(node, "alias/anchor YAML ('&' dan '*') tidak didukung",
                       "tulis nilainya langsung; alias tidak diperlukan dalam data laporan", "alias")
        self.seen.add(id(node))
        self.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, (MappingNode, SequenceNode)) and node.tag not in _COLLECTION_TAGS:
            self._fail(node, f"tag YAML '{node.tag}' tidak diizinkan",
                       "data laporan hanya berisi teks, angka, tanggal, daftar dan pemetaan", "tag")
        if isinstance(node, MappingNode):
            if node.flow_style:
                self._slip(mapping_slip(node, self.text), path)
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.flow_style:
                self._slip(sequence_slip(node, self.text), path)
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _slip(self, slip: Slip | None, path: PathKey) -> None:
        """A comma YAML read as a separator inside '{...}' or '[...]' (see `slips`)."""
        if slip is None:
            return
        where = path if slip.part is None else path + (slip.part if isinstance(slip.part, int) else
                                                        self._key(slip.part),)
        m = slip.node.start_mark
        raise SourceError(error(Loc(self.file, m.line + 1, m.column + 1, dotted(where)),
                                slip.message, slip.hint, slip.code))

    def _key(self, key_node: Node) -> Any:
        if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            self._fail(key_node, "kunci pemetaan harus berupa teks atau angka sederhana", "", "bad-key")
        key = self._scalar(key_node)
        return str(key) if isinstance(key, Decimal) else key

    def _mapping(self, node: MappingNode, path: PathKey) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key in out:
                first = self.key_marks.get(path + (key,), (None, None))[0]
                self._fail(key_node, f"kunci '{key}' ditulis dua kali (pertama di baris {first})",
                           "hapus salah satu; YAML diam-diam hanya memakai yang terakhir", "duplicate-key")
            self.key_marks[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, path + (key,))
        return out

    def _bounded(self, node: ScalarNode, value: Decimal | int) -> Decimal | int:
        """A number within what a report can hold: at most 15 digits before the decimal point (Rp999
        triliun) and 10 after. Larger ones are typing slips, and would overflow the rounding."""
        exact = Decimal(value)
        exponent = exact.as_tuple().exponent
        if abs(exact) >= MAX_NUMBER or (isinstance(exponent, int) and exponent < -MAX_DECIMALS and
                                        exact != exact.quantize(Decimal(1).scaleb(-MAX_DECIMALS))):
            self._fail(node, f"angka '{node.value}' di luar batas", "angka paling besar 999999999999999 "
                       f"(15 angka) dengan paling banyak {MAX_DECIMALS} angka di belakang titik desimal", "range")
        return value

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == "tag:yaml.org,2002:float":
            text = node.value.replace("_", "")
            try:
                value = Decimal(text)
            except InvalidOperation:
                self._fail(node, f"angka '{node.value}' tidak dapat dipakai", "tulis angka biasa, mis. 90.25")
            if not value.is_finite():
                self._fail(node, f"angka '{node.value}' tidak terhingga", "tulis angka biasa, mis. 90.25")
            return self._bounded(node, value)
        if node.tag == "tag:yaml.org,2002:int":
            try:
                number = self.constructor.construct_object(node, deep=True)
            except (ValueError, yaml.YAMLError) as exc:
                self._fail(node, f"nilai '{node.value}' tidak valid ({exc})")
            return self._bounded(node, number) if isinstance(number, int) and not isinstance(number, bool) else number
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
                        "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp"):
            try:
                return self.constructor.construct_object(node, deep=True)
            except (ValueError, yaml.YAMLError) as exc:
                self._fail(node, f"nilai '{node.value}' tidak valid ({exc})")
        self._fail(node, f"tag YAML '{node.tag}' tidak diizinkan",
                   "data laporan hanya berisi teks, angka, tanggal, daftar dan pemetaan", "tag")
