"""The budget data file, and where each of its rows stands: program -> kegiatan -> sub-kegiatan.

Permendagri 90/2019 codes the three levels so that each code begins with its parent's code
(program 7.01.01, kegiatan 7.01.01.2.01, sub-kegiatan 7.01.01.2.01.01). A row finds its parent
by that prefix, or names it (`program:` on a kegiatan, `kegiatan:` on a sub-kegiatan) when the
office writes no code; where both are given they must agree. The kegiatan level is optional,
per program: a program either lists its kegiatan, and then every sub-kegiatan of it belongs to
one of them, or it has sub-kegiatan directly (the older two-level form), or it types its own
pagu and realisasi. Whatever the rules cannot place is an error saying why, never a row
silently left out of a sum. `nesting` decides once; validation reports what it found and the
figures read the placement.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..check.compare import PRINTED_TABLES
from ..core.model import DataFile
from ..diagnostics import Diagnostic, error
from ..schema import Date, Entry, Id, ListOf, Record, Ref, Rupiah, Text, frozen_map, opt, req


@dataclass(frozen=True, kw_only=True)
class Urusan(Entry):
    kode: str = req(Text(), "kode")
    uraian: str = req(Text(), "uraian")


@dataclass(frozen=True, kw_only=True)
class Program(Entry):
    id: str = req(Id(), "pengenal program")
    kode: str = req(Text(), "kode rekening program, mis. 7.01.01")
    nama: str = req(Text(), "nama program")
    pengampu: str | None = opt(Text(), "pejabat yang mengampu")
    sasaran: str | None = opt(Text(), "sasaran yang didukung")
    pagu: int | None = opt(Rupiah(), "pagu (Rp), hanya bila program ini tidak dirinci per kegiatan atau sub-kegiatan")
    realisasi: int | None = opt(Rupiah(), "realisasi (Rp), hanya bila program ini tidak dirinci per kegiatan atau "
                                "sub-kegiatan")


@dataclass(frozen=True, kw_only=True)
class Kegiatan(Entry):
    id: str = req(Id(), "pengenal kegiatan (kunci kegiatan.ID.serapan; dapat disebut di data/efisiensi.yaml)")
    kode: str | None = opt(Text(), "kode rekening kegiatan, mis. 7.01.01.2.01; awalannya kode program")
    nama: str = req(Text(), "nama kegiatan")
    program: str | None = opt(Ref("program"), "pengenal program induk; wajib bila kegiatan ini tanpa kode")
    pengampu: str | None = opt(Text(), "pejabat yang mengampu")
    pagu: int | None = opt(Rupiah(), "pagu (Rp), hanya bila kegiatan ini tidak dirinci per sub-kegiatan")
    realisasi: int | None = opt(Rupiah(), "realisasi (Rp), hanya bila kegiatan ini tidak dirinci per sub-kegiatan")


@dataclass(frozen=True, kw_only=True)
class SubKegiatan(Entry):
    kode: str = req(Text(), "kode rekening sub-kegiatan (pengenal baris); awalannya kode kegiatan atau program")
    uraian: str = req(Text(), "nama sub-kegiatan")
    kegiatan: str | None = opt(Ref("kegiatan"), "pengenal kegiatan induk, bila tidak ditentukan dari kode")
    anggaran: int = req(Rupiah(), "pagu (Rp)")
    kontrak: int | None = opt(Rupiah(), "nilai kontrak (Rp)")
    sd_bulan_lalu: int | None = opt(Rupiah(), "realisasi s/d bulan lalu (Rp)")
    bulan_ini: int | None = opt(Rupiah(), "realisasi bulan ini (Rp)")
    realisasi: int | None = opt(Rupiah(), "realisasi (Rp), bila tidak dirinci s/d bulan lalu dan bulan ini")


@dataclass(frozen=True, kw_only=True)
class AnggaranFile(Entry):
    judul: str | None = opt(Text(), "judul lampiran realisasi anggaran")
    periode: dt.date | None = opt(Date(), "akhir periode realisasi")
    sumber: str | None = opt(Text(), "sumber data")
    urusan: tuple[Urusan, ...] = opt(ListOf(Record(Urusan)), "baris judul urusan/perangkat daerah", ())
    program: tuple[Program, ...] = req(ListOf(Record(Program), 1, "id"), "program")
    kegiatan: tuple[Kegiatan, ...] = opt(ListOf(Record(Kegiatan), 0, "id"),
                                         "kegiatan (Permendagri 90/2019), di antara program dan sub-kegiatan", ())
    sub_kegiatan: tuple[SubKegiatan, ...] = opt(ListOf(Record(SubKegiatan), 0, "kode"),
                                                "realisasi per sub-kegiatan", ())
    tercetak: Mapping[str, Any] = opt(PRINTED_TABLES, "angka seperti tercetak, per tabel dan baris (pembanding)",
                                      frozen_map())


ANGGARAN = DataFile("anggaran", AnggaranFile,
                    "program, kegiatan dan realisasi anggaran (per sub-kegiatan, per kegiatan atau per program)")


def program_of(data: AnggaranFile, kode: str) -> Program | None:
    return next((p for p in data.program if kode.startswith(p.kode + ".")), None)


@dataclass(frozen=True)
class Nesting:
    """Where each row stands: the program of each kegiatan (by id), the program and the kegiatan (or
    None, in a program without kegiatan) of each sub-kegiatan (by kode)."""

    kegiatan: Mapping[str, str]
    sub_kegiatan: Mapping[str, tuple[str, str | None]]


def nesting(data: AnggaranFile) -> tuple[Nesting, list[Diagnostic]]:
    """Place every kegiatan and sub-kegiatan, with an error for each row that cannot be placed. A row
    with an error is left out of the placement (the build stops before figures are computed), and so
    are the sub-kegiatan of a kegiatan that could not be placed, without a second message."""
    problems: list[Diagnostic] = []
    kegiatan = {}
    for keg in data.kegiatan:
        found = _program_of_kegiatan(data, keg)
        if isinstance(found, Diagnostic):
            problems.append(found)
        else:
            kegiatan[keg.id] = found
    subs = {}
    for sub in data.sub_kegiatan:
        prog = program_of(data, sub.kode)
        if prog is None:
            problems.append(error(sub.at("kode"), f"kode sub-kegiatan '{sub.kode}' tidak termasuk program mana pun",
                                  "kode harus diawali kode program: " + ", ".join(p.kode for p in data.program),
                                  "orphan-kode"))
            continue
        placed = _kegiatan_of_sub(data, sub, prog, kegiatan)
        if isinstance(placed, Diagnostic):
            problems.append(placed)
        elif placed is None or placed in kegiatan:
            subs[sub.kode] = (prog.id, placed)
    return Nesting(MappingProxyType(kegiatan), MappingProxyType(subs)), problems


def _program_of_kegiatan(data: AnggaranFile, keg: Kegiatan) -> str | Diagnostic:
    if keg.kode is None:
        return keg.program or error(keg.loc, f"kegiatan '{keg.id}' tidak menyebut programnya",
                                    "tulis kode rekeningnya ('kode', diawali kode program) atau "
                                    "'program: <pengenal program>'", "orphan-kode")
    by_kode = program_of(data, keg.kode)
    if by_kode is None:
        return error(keg.at("kode"), f"kode kegiatan '{keg.kode}' tidak termasuk program mana pun",
                     "kode harus diawali kode program: " + ", ".join(p.kode for p in data.program), "orphan-kode")
    if keg.program is not None and keg.program != by_kode.id:
        return error(keg.at("program"), f"kegiatan '{keg.id}' disebut termasuk program '{keg.program}', tetapi "
                     f"kodenya '{keg.kode}' termasuk program '{by_kode.id}' ({by_kode.kode})",
                     "samakan 'program' dengan kodenya, atau hapus 'program'", "orphan-kode")
    same = next((k for k in data.kegiatan[:data.kegiatan.index(keg)] if k.kode == keg.kode), None)
    if same is not None:
        return error(keg.at("kode"), f"kode kegiatan '{keg.kode}' sudah dipakai oleh kegiatan '{same.id}'",
                     "setiap kegiatan perlu kode yang unik", "duplicate-id")
    outer = next((k for k in data.kegiatan if k.kode and keg.kode.startswith(k.kode + ".")), None)
    if outer is not None:
        return error(keg.at("kode"), f"kode kegiatan '{keg.kode}' diawali kode kegiatan lain '{outer.kode}' "
                     f"({outer.id}): kegiatan di dalam kegiatan tidak didukung",
                     "tingkatnya program, kegiatan, sub-kegiatan; tulis baris ini sebagai sub-kegiatan", "unsupported")
    return by_kode.id


def _kegiatan_of_sub(data: AnggaranFile, sub: SubKegiatan, prog: Program, placed: Mapping[str, str]) -> \
        str | None | Diagnostic:
    """The id of a sub-kegiatan's kegiatan, None in a program without kegiatan, or why it has none."""
    if sub.kegiatan is not None:
        keg = next(k for k in data.kegiatan if k.id == sub.kegiatan)
        if keg.kode is not None and not sub.kode.startswith(keg.kode + "."):
            return error(sub.at("kode"), f"kode sub-kegiatan '{sub.kode}' tidak diawali kode kegiatannya "
                         f"'{keg.kode}' (kegiatan '{keg.id}')", "perbaiki kodenya, atau sebut kegiatan lain pada "
                         "'kegiatan'", "orphan-kode")
        if keg.id in placed and placed[keg.id] != prog.id:
            return error(sub.at("kegiatan"), f"sub-kegiatan '{sub.kode}' termasuk program '{prog.id}' menurut "
                         f"kodenya, tetapi kegiatannya '{keg.id}' termasuk program '{placed[keg.id]}'",
                         "perbaiki kodenya atau 'kegiatan'-nya", "orphan-kode")
        return keg.id
    fits = next((k for k in data.kegiatan if k.kode and sub.kode.startswith(k.kode + ".")), None)
    if fits is not None:
        return fits.id
    own = [k for k in data.kegiatan if placed.get(k.id) == prog.id]
    if own:
        listed = ", ".join(f"{k.id} ({k.kode})" if k.kode else k.id for k in own)
        return error(sub.at("kode"), f"program '{prog.id}' dirinci per kegiatan, tetapi sub-kegiatan '{sub.kode}' "
                     "tidak termasuk kegiatan mana pun", "tulis 'kegiatan: <pengenal>' atau kode yang diawali kode "
                     f"kegiatannya; kegiatan program ini: {listed}", "orphan-kode")
    return None


def validate(data: AnggaranFile) -> list[Diagnostic]:
    """Every row placed, and every level's pagu and realisasi either typed or summed from the level
    below, never both."""
    place, problems = nesting(data)
    problems += _program_codes(data)
    programs = {p.id for p in data.program}
    for keg in data.kegiatan:
        if keg.id in programs:
            problems.append(error(keg.at("id"), f"pengenal kegiatan '{keg.id}' sudah dipakai oleh sebuah program",
                                  "pengenal program dan kegiatan harus berbeda: data/efisiensi.yaml menyebut "
                                  "keduanya dengan pengenalnya", "duplicate-id"))
        if keg.id in place.kegiatan:
            has_subs = any(k == keg.id for _, k in place.sub_kegiatan.values())
            problems += _typed(keg, "kegiatan", has_subs, "sub-kegiatannya")
    for prog in data.program:
        has_kegiatan = prog.id in place.kegiatan.values()
        has_subs = any(p == prog.id for p, _ in place.sub_kegiatan.values())
        problems += _typed(prog, "program", has_kegiatan or has_subs,
                           "kegiatannya" if has_kegiatan else "sub-kegiatannya")
    for i, sub in enumerate(data.sub_kegiatan):
        split = (sub.sd_bulan_lalu, sub.bulan_ini)
        if sub.realisasi is None and None in split or sub.realisasi is not None and split != (None, None):
            problems.append(error(sub.loc.at(f"sub_kegiatan[{i}]"), f"realisasi sub-kegiatan '{sub.kode}' harus "
                                  "ditulis sebagai 'sd_bulan_lalu' dan 'bulan_ini', atau sebagai 'realisasi' saja",
                                  "", "realisasi-shape"))
    return problems


def _program_codes(data: AnggaranFile) -> list[Diagnostic]:
    """Two programs with one code, or one inside another, would leave the rows below to whichever
    is listed first."""
    problems = []
    for i, prog in enumerate(data.program):
        same = next((p for p in data.program[:i] if p.kode == prog.kode), None)
        outer = next((p for p in data.program if prog.kode.startswith(p.kode + ".")), None)
        if same is not None:
            problems.append(error(prog.at("kode"), f"kode program '{prog.kode}' sudah dipakai oleh program "
                                  f"'{same.id}'", "setiap program perlu kode yang unik", "duplicate-id"))
        elif outer is not None:
            problems.append(error(prog.at("kode"), f"kode program '{prog.kode}' diawali kode program lain "
                                  f"'{outer.kode}' ({outer.id}): program di dalam program tidak didukung",
                                  "tingkatnya program, kegiatan, sub-kegiatan; tulis baris ini sebagai kegiatan",
                                  "unsupported"))
    return problems


def _typed(row: Program | Kegiatan, level: str, summed: bool, below: str) -> list[Diagnostic]:
    typed = row.pagu is not None or row.realisasi is not None
    if summed and typed:
        hint = f"hapus 'pagu' dan 'realisasi' dari {level} ini"
        if level == "kegiatan":
            hint += f"; angka yang dicetak dokumen ditulis di tercetak: realisasi_anggaran: '{row.kode or row.id}'"
        return [error(row.loc, f"pagu dan realisasi {level} '{row.id}' dihitung dari {below}", hint, "derived-typed")]
    if not summed and (row.pagu is None or row.realisasi is None):
        below = "kegiatan atau sub-kegiatan" if level == "program" else "sub-kegiatan"
        return [error(row.loc, f"{level} '{row.id}' tidak memiliki {below}, maka 'pagu' dan 'realisasi'-nya wajib "
                      "diisi", "", "missing")]
    return []
