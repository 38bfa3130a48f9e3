"""A CI job's share of the reports: `--shard I/N` takes every N-th report from the I-th (1-based),
in the order of their places in the portal, so every job of a matrix knows its share without
talking to the others and every report falls in exactly one share."""
from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Shard:
    index: int
    count: int


def parse(text: str) -> Shard:
    """`2/4` -> Shard(2, 4); anything else is a command-line mistake (exit 2, as argparse reports it)."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"diharapkan I/N (mis. 1/4), ditemukan '{text}'")
    index, count = int(match.group(1)), int(match.group(2))
    if count < 1 or not 1 <= index <= count:
        raise argparse.ArgumentTypeError(f"'{text}': bagian I harus 1 sampai N (N paling sedikit 1)")
    return Shard(index, count)


def share(items: Sequence[T], shard: Shard) -> list[T]:
    """`items` already sorted by their place in the portal."""
    return list(items[shard.index - 1::shard.count])
