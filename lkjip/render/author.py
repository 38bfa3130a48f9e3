"""The author report: what `check --laporan PATH` writes for the people who keep the report.

Readers never see it (it is refused inside site/): it names data files, lines and data
paths. It lists every galat and peringatan with file:line, and every correction readers
will see, with where its printed value is written and whether its reason is given yet.
One self-contained HTML file, so it can be opened, mailed or attached to a review.
"""
from __future__ import annotations

from collections.abc import Sequence

import jinja2

from ..check.corrections import Corrections
from ..diagnostics import Diagnostic

TEMPLATE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laporan pemeriksaan untuk penyusun · {{ title }}</title>
<style>
body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 1rem auto; max-width: 70rem; padding: 0 1rem;
  line-height: 1.5; color: #1d2428; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #c9d1d6; padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: #f3f6f8; }
code { font-size: .88em; overflow-wrap: anywhere; }
.galat { color: #a40000; font-weight: bold; }
.peringatan { color: #8a5a00; }
.belum { color: #a40000; }
</style>
</head>
<body>
<h1>Laporan pemeriksaan untuk penyusun</h1>
<p>{{ title }}. Halaman ini untuk penyusun laporan, bukan untuk diterbitkan: ia menyebut berkas data, baris dan
kunci. {{ errors|length }} galat, {{ warnings|length }} peringatan, {{ corrections.items|length }} koreksi
({{ corrections.unexplained }} belum beralasan).</p>
{% if rounding %}<p>{{ rounding }}</p>{% endif %}
<h2>Galat dan peringatan</h2>
{% if problems %}
<table>
<thead><tr><th>Tempat</th><th>Jenis</th><th>Temuan</th></tr></thead>
<tbody>
{% for d in problems %}
<tr><td><code>{{ d.loc.file }}{% if d.loc.line %}:{{ d.loc.line }}{% if d.loc.column %}:{{ d.loc.column }}{% endif %}{% endif %}</code>{% if d.loc.path %}<br><code>{{ d.loc.path }}</code>{% endif %}</td>
<td class="{{ d.severity }}">{{ d.severity }}</td>
<td>{{ d.message }}{% if d.hint %}<br><small>petunjuk: {{ d.hint }}</small>{% endif %}</td></tr>
{% endfor %}
</tbody>
</table>
{% else %}
<p>Tidak ada galat maupun peringatan.</p>
{% endif %}
<h2>Koreksi yang dilihat pembaca</h2>
<p>Setiap tempat laporan menampilkan angka atau kata lain daripada dokumen yang ditandatangani. Tulis alasannya di
samping angka tercetak: <code>{nilai: 90.25, alasan: "..."}</code> di YAML, atau
<code>{{ '{{' }} kunci | tercetak: 90,25 | alasan: ... {{ '}}' }}</code> di Markdown; alasan yang dipakai di banyak tempat
cukup ditulis sekali di <code>data/koreksi.yaml</code> dan dirujuk dengan pengenalnya.</p>
{% if corrections.items %}
<table>
<thead><tr><th>No</th><th>Ditulis di</th><th>Tempat bagi pembaca</th><th>Tercetak</th><th>Ditampilkan</th><th>Alasan</th></tr></thead>
<tbody>
{% for k in corrections.items %}
<tr><td>{{ k.label }}</td><td><code>{{ k.loc.file }}:{{ k.loc.line }}</code></td>
<td>{{ k.tempat.judul_halaman or "(tabel tidak ditampilkan di halaman mana pun)" }}{% if k.tempat.tabel %}, {{ k.tempat.tabel }}, baris “{{ k.tempat.baris }}”, kolom “{{ k.tempat.kolom }}”{% elif k.tempat.bagian %}, bagian “{{ k.tempat.bagian }}”{% endif %}</td>
<td>{{ k.tercetak }}</td><td>{{ k.ditampilkan }}</td>
<td>{% if k.alasan %}{{ k.alasan }}{% else %}<span class="belum">belum ada (masih peringatan)</span>{% endif %}</td></tr>
{% endfor %}
</tbody>
</table>
{% else %}
<p>Tidak ada koreksi.</p>
{% endif %}
</body>
</html>
"""  # noqa: E501


def author_report(title: str, diagnostics: Sequence[Diagnostic], corrections: Corrections, rounding: str = "") -> str:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    problems = sorted(diagnostics, key=lambda d: (not d.is_error, *d.sort_key()))
    return env.from_string(TEMPLATE).render(
        title=title, problems=problems, errors=[d for d in problems if d.is_error],
        warnings=[d for d in problems if not d.is_error], corrections=corrections, rounding=rounding)
