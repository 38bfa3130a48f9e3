"""The `baru` command line: its options, and what it tells the author once the folder is written."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import isian
from ..diagnostics import BuildFailed
from ..domain.jenis import JENIS_INSTANSI
from ..project import Project

if TYPE_CHECKING:
    from .create import Made


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="FOLDER", help="folder laporan baru (belum ada, atau kosong)")
    parser.add_argument("--tahun", type=int, required=True, help="tahun kinerja laporan baru")
    parser.add_argument("--instansi", help="instansi baru, mis. \"Kecamatan Sukamaju\"")
    parser.add_argument("--jenis", choices=JENIS_INSTANSI, help="jenis instansi baru")
    parser.add_argument("--daerah", help="pemerintah daerah induk, mis. \"Kabupaten Sukamaju\" (boleh diisi nanti)")
    parser.add_argument("--dari", metavar="LAPORAN", help="buat laporan tahun berikutnya dari folder laporan ini")


def _usage(message: str) -> int:
    sys.stderr.write(f"galat: {message}\npetunjuk: python build.py baru --help\n")
    return 2


def run(args: argparse.Namespace, show: Callable[..., Any]) -> int:
    from .create import Refused, new_office, next_year
    from .office import Office
    if not 1900 <= args.tahun <= 2200:
        return _usage(f"tahun {args.tahun} tidak masuk akal")
    dest = Path(args.folder).resolve()
    try:
        if args.dari:
            if args.instansi or args.jenis or args.daerah:
                return _usage("--instansi, --jenis dan --daerah tidak dipakai bersama --dari: semuanya dibawa "
                              "dari laporan asal")
            made = next_year(Path(args.dari).resolve(), dest, args.tahun, args.folder, args.dari)
        else:
            if not args.instansi or not args.jenis:
                return _usage("laporan instansi baru memerlukan --instansi dan --jenis (atau --dari LAPORAN)")
            made = new_office(dest, Office(args.instansi, args.jenis, args.tahun, args.daerah), args.folder)
    except Refused as refused:
        sys.stderr.write(f"galat: {refused}\n" + (f"petunjuk: {refused.hint}\n" if refused.hint else ""))
        return 1
    except BuildFailed as failed:
        show(failed.diagnostics, Project(Path(args.dari).resolve()), False, sys.stderr)
        sys.stderr.write(f"Gagal: laporan asal {args.dari} belum lolos pemeriksaan; perbaiki dulu. "
                         f"{args.folder} tidak dibuat.\n")
        return 1
    _summary(made, args, show)
    return 0


def _summary(made: Made, args: argparse.Namespace, show: Callable[..., Any]) -> None:
    others = [d for d in made.diagnostics if d.code != isian.CODE]
    if others:
        show(others, Project(made.root), False, sys.stderr)
    lines = [f"Laporan {args.tahun} ditulis di {args.folder}/."]
    if args.dari:
        lines.append(f"Dari {args.dari}: {len(made.dropped)} file data tidak dibawa, {made.replaced} tabel atau "
                     f"nilai menjadi isian" + (f", ditambahkan {', '.join(made.added)}" if made.added else "")
                     + " (lihat README.md).")
    lines.append(f"Belum diisi: {isian.count(made.diagnostics)} isian; daftarnya: "
                 f"python build.py check --dir {args.folder}")
    if others:
        lines.append(f"Masalah lain: {len(others)} (di atas).")
    sys.stdout.write("\n".join(lines) + "\n")
