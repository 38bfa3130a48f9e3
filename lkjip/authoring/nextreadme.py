"""The README of next year's report: what was carried, what stayed behind, what to fill in."""
from __future__ import annotations

from .nextdata import BAWA, Context, policies, rewrites


def text(c: Context, shown_as: str, source: str, dropped: list[str], added: list[str], unfilled: int) -> str:
    policy, rewritten_by = policies(c.subjects), rewrites(c.subjects)
    carried = sorted(f"data/{n}.yaml" for n in c.kept if policy[n] == BAWA)
    rewritten = sorted(f"data/{n}.yaml" for n in c.kept if n in rewritten_by)
    out = [f"# LKjIP tahun {c.new}\n\n",
           f"Folder ini dibuat dari laporan tahun {c.old} (`{source}`) oleh `python build.py baru --dari`.\n\n",
           "## Yang dibawa\n\n",
           "- Tanpa diubah: " + (", ".join(f"`{p}`" for p in carried) or "-") + ".\n",
           "- Ditulis ulang untuk tahun baru: " + ", ".join(f"`{p}`" for p in rewritten) + ". Realisasi tahun "
           f"{c.old} menjadi riwayat (yang dihitung dibekukan pada angka laporan {c.old}); target yang berlaku "
           f"tahun {c.old} dicatat pada indikator; Perjanjian Kinerja {c.new} adalah rancangan: targetnya dari "
           f"Renstra yang berlaku bila Renstra memuatnya, tanggal dan target lain harus diisi. Angka `tercetak` "
           f"dokumen {c.old} tidak dibawa.\n",
           "- Bab-bab di `content/`: teksnya tetap; tahun bergeser; angka yang diketik dan tabel atau nilai yang "
           "datanya tidak dibawa menjadi `[ISI: ...]`; setiap bab diberi penanda untuk dibaca ulang.\n"]
    if added:
        out.append("- Ditambahkan karena diwajibkan PermenPANRB 53/2014: " +
                   ", ".join(f"`{a}`" for a in added) + ".\n")
    if dropped:
        out.append(f"\n## Yang tidak dibawa\n\nSemua angkanya angka tahun {c.old}. Bila instansi memilikinya "
                   f"untuk tahun {c.new}, tulis lagi dengan contoh dari laporan lama:\n\n")
        out += [f"- `{p}` (contoh: `{source}/{p}`)\n" for p in dropped]
    out.append(f"\n## Yang harus diisi\n\n{unfilled} isian bertanda `ISI:`. Daftarnya, dengan file dan baris:\n\n"
               f"    python build.py check --dir {shown_as}\n\n"
               f"Pratinjau sambil menulis: `python build.py serve --dir {shown_as}`. Laporan baru diterbitkan "
               f"(`python build.py --dir {shown_as}`) setelah semua isian terisi.\n")
    return "".join(out)
