"""The diff as Markdown, to paste (or post from CI) as one pull-request comment.

A reviewer first sees the figures a reader will see changed, in one table with where each
appears; the data edits that caused them, the full ripple, the prose and the check status
follow in collapsed sections. Everything the data or chapters contribute is escaped, so a
value can never break the comment's layout or inject markup. GitHub refuses comments above
65 536 characters: when the text would be longer, the largest sections are cut to a note
pointing to the HTML page.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable

from ..diagnostics import Diagnostic
from .changes import ReportDiff, Side
from .figures import Place
from .to_json import summary

MARKER = "<!-- lkjip-diff -->"
"""The hidden first line by which the pull-request workflow finds its own comment to update."""
LIMIT = 60_000
TABLE_ROWS = 40
SEGMENT = 60
NOT_COMPARED = ("_Peringatan tidak dibandingkan: sebuah revisi berhenti pada galat, sehingga pemeriksaan "
                "berikutnya tidak dijalankan._")
KIND = {"changed": "diubah", "added": "ditambah", "removed": "dihapus", "moved": "dipindah"}


def esc(text: str | None) -> str:
    """Plain text safe inside Markdown, a table cell included: no markup, no HTML, one line."""
    if text is None:
        return "–"
    text = html.escape(" ".join(str(text).split()), quote=False)
    return re.sub(r"([\\`*_\[\]|~#!])", r"\\\1", text)


def code(text: str | None) -> str:
    """A code span: nothing inside is markup, so only a backtick (which would end it) and a pipe
    (which ends a table cell even there) are replaced."""
    return "`" + " ".join(str(text or "").split()).replace("`", "'").replace("|", "¦") + "`"


def short(label: str) -> str:
    """Long names shortened segment by segment: 'Jumlah Inovasi yang terinternalisasi …'."""
    parts = []
    for part in label.split(" › "):
        if len(part) > SEGMENT:
            part = part[:SEGMENT].rsplit(" ", 1)[0] + " …"
        parts.append(part)
    return " › ".join(parts)


def side(s: Side) -> str:
    commit = f" ({s.commit[:7]})" if s.commit and s.name != s.commit[:7] else ""
    state = "dapat disusun" if s.builds else f"**tidak dapat disusun: {s.errors} galat**"
    return f"{code(s.name)}{commit}, {state}, {s.warnings} peringatan"


def where(places: Iterable[Place]) -> str:
    text = ", ".join(p.title + (f" ({p.count}×)" if p.count > 1 else "") for p in places)
    return esc(text) if text else "tidak ditampilkan di bab"


def _figures_table(diff: ReportDiff) -> list[str]:
    rows = []
    for t in (t for t in diff.tables if t.where):
        rows += [(f"{t.caption} › {r.row_label} (baris {KIND[r.kind]})", r.old, r.new, where(t.where)) for r in t.rows]
        rows += [(f"{t.caption} › {c.row_label} › {c.column_label}", c.old, c.new, where(t.where)) for c in t.cells]
    rows += [(code(k.key), k.old, k.new, where(k.where)) for k in diff.keys if k.where]
    if not rows:
        return []
    out = ["#### Angka yang berubah", "", "| Angka | Lama | Baru | Tampil di |", "|---|---|---|---|"]
    for name, old, new, place in rows[:TABLE_ROWS]:
        shown = name if name.startswith("`") else esc(short(name))
        out.append(f"| {shown} | {esc(old)} | {esc(new)} | {place} |")
    if len(rows) > TABLE_ROWS:
        out.append(f"| … dan {len(rows) - TABLE_ROWS} lainnya (lihat rincian) | | | |")
    return out + [""]


def _data(diff: ReportDiff) -> list[str]:
    out = []
    for f in diff.data:
        if f.status != "changed":
            out.append(f"- **{esc(f.file)}**: file {KIND[f.status]}")
            continue
        out.append(f"- **{esc(f.file)}**")
        for c in f.changes:
            value = {"added": f"ditambah: {esc(c.new)}", "removed": f"dihapus (sebelumnya {esc(c.old)})",
                     "moved": f"dipindah dari {esc(c.old)} ke {esc(c.new)}"}.get(c.kind, f"{esc(c.old)} → {esc(c.new)}")
            path = f" <sub>{code(c.path)}</sub>" if c.path else ""   # a whole file (now unreadable) has none
            out.append(f"  - {esc(short(c.label)) or esc(c.path)}: {value}{path}")
    return out


def _ripple(diff: ReportDiff) -> list[str]:
    out = []
    for t in diff.tables:
        state = {"added": " (tabel baru)", "removed": " (tabel dihapus)"}.get(t.status, "")
        out += [f"**{esc(t.caption)}**{state} — {where(t.where)}", ""]
        if t.heading:
            out.append(f"- judul: {esc(t.heading[0])} → {esc(t.heading[1])}")
        for r in t.rows:
            detail = f"{esc(r.old)} → {esc(r.new)}" if r.kind == "moved" else esc(r.new or r.old)
            out.append(f"- baris {KIND[r.kind]}: {esc(short(r.row_label))} ({detail})")
        if t.heading or t.rows:
            out.append("")
        if t.cells:
            out += ["| Baris | Kolom | Lama | Baru |", "|---|---|---|---|"]
            out += [f"| {esc(short(c.row_label))} | {esc(c.column_label)} | {esc(c.old)} | {esc(c.new)} |"
                    for c in t.cells]
        out.append("")
    unquoted = [k for k in diff.keys if not k.where]
    quoted = [k for k in diff.keys if k.where]
    for title, keys in (("Nilai yang dikutip bab", quoted), ("Nilai lain (tidak dikutip bab)", unquoted)):
        if keys:
            out += [f"**{title}**", "", "| Kunci | Lama | Baru | Tampil di |", "|---|---|---|---|"]
            out += [f"| {code(k.key)} | {esc(k.old)} | {esc(k.new)} | {where(k.where)} |" for k in keys]
            out.append("")
    for x in diff.lists:
        out += [f"**Daftar {code(x.id)}** — {where(x.where)}", ""]
        out += [f"- dihapus: {esc(item)}" for item in x.old if item not in x.new]
        out += [f"- ditambah: {esc(item)}" for item in x.new if item not in x.old]
        out.append("")
    return out


def _prose(diff: ReportDiff) -> list[str]:
    out = []
    for c in diff.prose:
        renamed = f" (sebelumnya {code(c.old_file)})" if c.old_file else ""
        state = {"added": " — bab baru", "removed": " — bab dihapus"}.get(c.status, "")
        out += [f"**{esc(c.title)}** {code(c.file)}{renamed}{state}", ""]
        for b in c.blocks:
            if b.kind == "same":
                out.append(f"> _… {b.count} paragraf tidak berubah …_")
            elif b.kind == "changed":
                out.append("> " + " ".join(esc(w.text) if w.op == "=" else
                                           f"<{'del' if w.op == '-' else 'ins'}>{esc(w.text)}</"
                                           f"{'del' if w.op == '-' else 'ins'}>" for w in b.words))
            else:
                tag = "ins" if b.kind == "added" else "del"
                out.append(f"> <{tag}>{esc(b.text)}</{tag}>")
            out.append(">")
        if out[-1] == ">":
            out.pop()
        out.append("")
    return out


def _diag(d: Diagnostic) -> str:
    at = ":".join(str(x) for x in (d.loc.file, d.loc.line, d.loc.column) if x)
    path = f" {esc(d.loc.path)}:" if d.loc.path else ""
    return f"{code(at)} {d.severity}:{path} {esc(d.message)}"


def _status(diff: ReportDiff) -> list[str]:
    s = diff.status
    out = [] if s.warnings_compared else [NOT_COMPARED, ""]
    out += [f"- **baru** {_diag(d)}" for d in s.new]
    out += [f"- angka berubah: {_diag(b)} (sebelumnya: {esc(a.message)})" for a, b in s.changed]
    out += [f"- selesai: {_diag(d)}" for d in s.resolved]
    return out


def _details(summary_line: str, body: list[str]) -> list[str]:
    while body and not body[-1]:
        body = body[:-1]
    return ["<details>", f"<summary>{summary_line}</summary>", "", *body, "", "</details>", ""] if body else []


def render(diff: ReportDiff, limit: int = LIMIT) -> str:
    n = summary(diff)
    head = [MARKER, "### Perbedaan laporan", "", f"**Lama:** {side(diff.old)}  ", f"**Baru:** {side(diff.new)}", ""]
    if not diff.changed:
        return "\n".join(head + ["Tidak ada perubahan pada data, angka, teks bab, maupun hasil pemeriksaan.", ""])
    head += [f"Ringkasan: {n['data_changes']} perubahan data · {n['cells']} sel di {n['tables']} tabel dan "
             f"{n['keys']} nilai berubah · {n['chapters']} bab berubah teks · pemeriksaan: {n['new_errors']} galat "
             f"baru, {n['new_warnings']} peringatan baru, {n['resolved']} selesai, {n['changed_findings']} berubah "
             "angka.", ""]
    if not diff.figures_compared:
        head += ["> **Angka terhitung tidak dapat dibandingkan**: data salah satu revisi tidak valid "
                 "(lihat Pemeriksaan).", ""]
    sections = [
        (f"Perubahan data ({n['data_changes']})", _data(diff)),
        (f"Semua angka terhitung yang berubah ({n['cells']} sel tabel, {n['keys']} nilai)", _ripple(diff)),
        (f"Teks bab ({n['chapters']})", _prose(diff)),
        (f"Pemeriksaan: {n['new_errors'] + n['new_warnings']} baru, {n['changed_findings']} berubah angka, "
         f"{n['resolved']} selesai", _status(diff)),
    ]
    return _fit(head + _figures_table(diff), sections, limit)


def _fit(head: list[str], sections: list[tuple[str, list[str]]], limit: int) -> str:
    """Join the sections; while too long for one comment, cut the largest to a note."""
    bodies = [body for _, body in sections]
    while True:
        text = "\n".join(head + [line for (title, _), body in zip(sections, bodies, strict=True)
                                 for line in _details(title, body)])
        if len(text) <= limit:
            return text
        sizes = [len("\n".join(b)) for b in bodies]
        largest = sizes.index(max(sizes))
        if sizes[largest] < 200:
            return text[:limit]
        bodies[largest] = ["_Bagian ini terlalu panjang untuk komentar; lihat halaman HTML (artefak `diff.html`)._"]
