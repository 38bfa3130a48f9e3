"""`python build.py portal SUMBER --output KELUARAN [--jobs N] [--shard I/N] [--indeks] [--tanpa-pdf]`:
the command's options, apart from the command itself, so that building the command line imports
nothing of the pipeline."""
from __future__ import annotations

import argparse

from . import shard


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sumber", metavar="SUMBER", help="folder yang memuat laporan-laporan (kedalaman berapa pun)")
    parser.add_argument("--output", "-o", metavar="KELUARAN", required=True, help="folder portal yang ditulis")
    parser.add_argument("--jobs", "-j", metavar="N", type=jobs, default=1,
                        help="susun N laporan sekaligus, dalam proses terpisah (bawaan: 1)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--shard", metavar="I/N", type=shard.parse, default=None,
                       help="hanya bagian ke-I dari N (untuk CI); halaman indeks ditulis kemudian dengan --indeks")
    group.add_argument("--indeks", action="store_true",
                       help="hanya tulis halaman indeks dari laporan yang sudah disusun (sesudah semua --shard)")
    parser.add_argument("--tanpa-pdf", action="store_true", help="lewati pembuatan PDF setiap laporan (lebih cepat)")


def jobs(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"diharapkan bilangan 1 atau lebih, ditemukan '{text}'")
    return int(text)
