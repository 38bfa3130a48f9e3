"""The template of the HTML diff page, with its stylesheet inline (the page stands alone).

Kept apart from the site's layouts: the diff is an author's tool, never published, and must
not change when an office overrides its theme. Old values are on the left on a red tint,
new values on the right on a green tint; on a narrow screen the two columns stack.
"""
from __future__ import annotations

CSS = """
:root { --lama: #fdecea; --lama-kuat: #f5b5ad; --baru: #e6f4ea; --baru-kuat: #9fd8b0; --garis: #d0d4d9;
        --redup: #5f6670; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; color: #1d2329; background: #f6f7f9; }
header, main { max-width: 76rem; margin: 0 auto; padding: 1rem 1.25rem; }
header { background: #fff; border-bottom: 1px solid var(--garis); max-width: none; }
header > * { max-width: 73.5rem; margin-left: auto; margin-right: auto; }
h1 { font-size: 1.5rem; margin: .25rem auto .75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .25rem; padding-bottom: .25rem; border-bottom: 2px solid var(--garis); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
code, .jalur { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
.jalur, .berkas, .tempat { color: var(--redup); }
.berkas { margin: 0 0 .75rem; font-size: .9rem; }
.sisi { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin: 0 auto .75rem; }
.sisi div { padding: .5rem .75rem; border-radius: 6px; }
.sisi .lama { background: var(--lama); } .sisi .baru { background: var(--baru); }
.sisi dt { font-weight: bold; } .sisi dd { margin: 0; overflow-wrap: anywhere; }
.ringkasan { margin: 0 auto .5rem; }
nav ul { list-style: none; padding: 0; margin: 0 auto; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
nav a { color: #0b57d0; }
.gagal { background: #fff4e5; border-left: 4px solid #e8a33d; padding: .5rem .75rem; }
table { border-collapse: collapse; width: 100%; background: #fff; margin: .25rem 0 1rem; table-layout: fixed; }
table.data th:first-child { width: 46%; } table.baris th:first-child { width: 34%; }
table.sel th:first-child { width: 36%; } table.sel th:nth-child(2) { width: 22%; }
table.nilai th:first-child { width: 34%; } table.nilai th:last-child { width: 30%; }
th, td { border: 1px solid var(--garis); padding: .3rem .5rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
th { background: #eef0f3; font-weight: 600; }
td.lama { background: var(--lama); } td.baru { background: var(--baru); }
.jenis { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 3px; background: #eef0f3;
         margin-right: .35rem; }
.jenis.added { background: var(--baru-kuat); } .jenis.removed { background: var(--lama-kuat); }
.jenis.moved { background: #c9dcf7; }
.paragraf { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; margin: .5rem 0; }
.paragraf > div { background: #fff; border: 1px solid var(--garis); border-radius: 4px; padding: .5rem .75rem; }
.paragraf .lama { border-left: 4px solid var(--lama-kuat); }
.paragraf .baru { border-left: 4px solid var(--baru-kuat); }
del { background: var(--lama-kuat); text-decoration: line-through; }
ins { background: var(--baru-kuat); text-decoration: none; }
.sama { color: var(--redup); font-style: italic; margin: .25rem 0; }
ul.temuan { padding-left: 1.25rem; } ul.temuan li { margin: .25rem 0; }
.galat { color: #a50e0e; font-weight: bold; } .peringatan { color: #8a5300; font-weight: bold; }
@media (max-width: 44rem) {
  .sisi, .paragraf { grid-template-columns: 1fr; }
  header, main { padding: .75rem; }
  table, tbody, tr, td { display: block; width: 100%; }
  thead { display: none; }
  tr { border: 1px solid var(--garis); margin-bottom: .5rem; }
  td { border: none; border-top: 1px solid var(--garis); }
  td:first-child { border-top: none; }
  td::before { content: attr(data-label) ": "; font-weight: 600; }
}
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Perbedaan laporan: {{ diff.old.name }} → {{ diff.new.name }}</title>
<style>""" + CSS + """</style>
</head>
<body>
{% macro side(s) %}<code>{{ s.name }}</code>{% if s.commit and s.name != s.commit[:7] %} ({{ s.commit[:7] }})\
{% endif %},
{% if s.builds %}dapat disusun{% else %}<strong>tidak dapat disusun: {{ s.errors }} galat</strong>{% endif %},
{{ s.warnings }} peringatan{% endmacro %}
{% macro where(places) %}{% for p in places %}{{ p.title }}{% if p.count > 1 %} ({{ p.count }}×){% endif %}\
{% if not loop.last %}, {% endif %}{% else %}tidak ditampilkan di bab{% endfor %}{% endmacro %}
{% macro diag(d) %}<code>{{ d.loc.file }}{% if d.loc.line %}:{{ d.loc.line }}{% endif %}\
{% if d.loc.column %}:{{ d.loc.column }}{% endif %}</code> <span class="{{ d.severity }}">{{ d.severity }}</span>:
{% if d.loc.path %}<span class="jalur">{{ d.loc.path }}</span>: {% endif %}{{ d.message }}{% endmacro %}
{% macro table_change(t) %}
<h3>{{ t.caption }}{% if t.status != 'changed' %} <span class="jenis {{ t.status }}">tabel \
{{ kinds[t.status] }}</span>{% endif %}</h3>
<p class="tempat">Tampil di: {{ where(t.where) }} · <code>{{ t.id }}</code></p>
{% if t.heading %}<p>Judul: <del>{{ t.heading[0] }}</del> → <ins>{{ t.heading[1] }}</ins></p>{% endif %}
{% if t.rows %}<table class="baris"><thead><tr><th>Baris</th><th>Lama</th><th>Baru</th></tr></thead><tbody>
{% for r in t.rows %}<tr><td data-label="Baris"><span class="jenis {{ r.kind }}">{{ kinds[r.kind] }}</span>
{{ r.row_label }}</td>
<td class="lama" data-label="Lama">{{ r.old or '–' }}</td><td class="baru" data-label="Baru">{{ r.new or '–' }}</td>
</tr>
{% endfor %}</tbody></table>{% endif %}
{% if t.cells %}<table class="sel"><thead><tr><th>Baris</th><th>Kolom</th><th>Lama</th><th>Baru</th></tr></thead><tbody>
{% for c in t.cells %}<tr><td data-label="Baris">{{ c.row_label }}</td><td data-label="Kolom">{{ c.column_label }}</td>
<td class="lama" data-label="Lama">{{ c.old or '–' }}</td><td class="baru" data-label="Baru">{{ c.new or '–' }}</td>
</tr>{% endfor %}</tbody></table>{% endif %}
{% endmacro %}
{% macro key_changes(keys) %}
<h3>Nilai</h3>
<table class="nilai"><thead><tr><th>Kunci</th><th>Lama</th><th>Baru</th><th>Tampil di</th></tr></thead><tbody>
{% for k in keys %}<tr><td data-label="Kunci"><code>{{ k.key }}</code></td>
<td class="lama" data-label="Lama">{{ k.old or '–' }}</td><td class="baru" data-label="Baru">{{ k.new or '–' }}</td>
<td class="tempat" data-label="Tampil di">{{ where(k.where) }}</td></tr>
{% endfor %}</tbody></table>
{% endmacro %}
{% macro list_change(x) %}
<h3>Daftar <code>{{ x.id }}</code></h3>
<div class="paragraf"><div class="lama">{% for i in x.old %}{% if i in x.new %}{{ i }}{% else %}<del>{{ i }}</del>\
{% endif %}<br>{% endfor %}</div>
<div class="baru">{% for i in x.new %}{% if i in x.old %}{{ i }}{% else %}<ins>{{ i }}</ins>{% endif %}<br>\
{% endfor %}</div></div>
{% endmacro %}
{% macro runs(side) %}{% for op, text in side.runs %}{% if op == '-' %}<del>{{ text }}</del>{% elif op == '+' %}\
<ins>{{ text }}</ins>{% else %}{{ text }}{% endif %} {% endfor %}{% endmacro %}
{% macro prose(c) %}
{% if c.old_file %}<p class="tempat">Sebelumnya <code>{{ c.old_file }}</code></p>{% endif %}
{% for b in c.blocks %}
{% if b.kind == 'same' %}<p class="sama">… {{ b.count }} paragraf tidak berubah …</p>
{% elif b.kind == 'changed' %}{% set old, new = sides(b.words) %}
<div class="paragraf"><div class="lama">{{ runs(old) }}</div><div class="baru">{{ runs(new) }}</div></div>
{% elif b.kind == 'removed' %}<div class="paragraf"><div class="lama"><del>{{ b.text }}</del></div><div></div></div>
{% else %}<div class="paragraf"><div></div><div class="baru"><ins>{{ b.text }}</ins></div></div>
{% endif %}
{% endfor %}
{% endmacro %}
{% macro section(s) %}
{% if s.prose %}{{ prose(s.prose) }}{% endif %}
{% for t in s.tables %}{{ table_change(t) }}{% endfor %}
{% if s.keys %}{{ key_changes(s.keys) }}{% endif %}
{% for x in s.lists %}{{ list_change(x) }}{% endfor %}
{% endmacro %}
<header>
<h1>Perbedaan laporan</h1>
<dl class="sisi"><div class="lama"><dt>Lama</dt><dd>{{ side(diff.old) }}</dd></div>
<div class="baru"><dt>Baru</dt><dd>{{ side(diff.new) }}</dd></div></dl>
{% if diff.changed %}
<p class="ringkasan">{{ n['data_changes'] }} perubahan data · {{ n['cells'] }} sel di {{ n['tables'] }} tabel dan \
{{ n['keys'] }} nilai berubah · {{ n['chapters'] }} bab berubah teks · pemeriksaan: {{ n['new_errors'] }} galat baru, \
{{ n['new_warnings'] }} peringatan baru, {{ n['resolved'] }} selesai, {{ n['changed_findings'] }} berubah angka</p>
{% if diff.status.new_errors %}<p class="gagal"><strong>{{ diff.status.new_errors | length }} galat baru</strong>: \
revisi baru tidak dapat disusun sebelum galat itu diperbaiki (lihat <a href="#pemeriksaan">Pemeriksaan</a>).</p>
{% endif %}
<nav><ul>
{% if diff.data %}<li><a href="#data">Perubahan data</a></li>{% endif %}
{% for s in chapters %}<li><a href="#bab-{{ loop.index }}">{{ s.title }}</a></li>{% endfor %}
{% if not unplaced.empty %}<li><a href="#lainnya">Tidak ditampilkan di bab</a></li>{% endif %}
{% if checks %}<li><a href="#pemeriksaan">Pemeriksaan</a></li>\
{% endif %}
</ul></nav>
{% endif %}
</header>
<main>
{% if not diff.changed %}<p>Tidak ada perubahan pada data, angka, teks bab, maupun hasil pemeriksaan.</p>{% endif %}
{% if not diff.figures_compared %}<p class="gagal"><strong>Angka terhitung tidak dapat dibandingkan</strong>: \
data salah satu revisi tidak valid (lihat Pemeriksaan).</p>{% endif %}
{% if diff.data %}
<section id="data"><h2>Perubahan data</h2>
{% for f in diff.data %}<h3><code>{{ f.file }}</code>{% if f.status != 'changed' %} <span class="jenis {{ f.status }}">\
file {{ kinds[f.status] }}</span>{% endif %}</h3>{% if f.about %}<p class="tempat">{{ f.about }}</p>{% endif %}
{% if f.changes %}<table class="data"><thead><tr><th>Apa</th><th>Lama</th><th>Baru</th></tr></thead><tbody>
{% for c in f.changes %}<tr><td data-label="Apa"><span class="jenis {{ c.kind }}">{{ kinds[c.kind] }}</span>
{{ c.label or c.path }}<br>
<span class="jalur">{{ c.path }}</span></td>{% set long = long_text(c.old, c.new) %}
<td class="lama" data-label="Lama">{% if long %}{{ runs(long[0]) }}{% else %}{{ c.old or '–' }}{% endif %}</td>
<td class="baru" data-label="Baru">{% if long %}{{ runs(long[1]) }}{% else %}{{ c.new or '–' }}{% endif %}</td></tr>
{% endfor %}</tbody></table>{% endif %}
{% endfor %}
</section>
{% endif %}
{% for s in chapters %}
<section id="bab-{{ loop.index }}"><h2>{{ s.title }}</h2><p class="berkas"><code>{{ s.file }}</code></p>
{{ section(s) }}
</section>
{% endfor %}
{% if not unplaced.empty %}
<section id="lainnya"><h2>{{ unplaced.title }}</h2>
{{ section(unplaced) }}
</section>
{% endif %}
{% if checks %}
<section id="pemeriksaan"><h2>Pemeriksaan</h2>
{% if not diff.status.warnings_compared %}<p class="gagal">Peringatan tidak dibandingkan: sebuah revisi berhenti \
pada galat, sehingga pemeriksaan berikutnya tidak dijalankan.</p>{% endif %}
{% if diff.status.new %}<h3>Baru</h3><ul class="temuan">{% for d in diff.status.new %}<li>{{ diag(d) }}</li>\
{% endfor %}</ul>{% endif %}
{% if diff.status.changed %}<h3>Angkanya berubah</h3><ul class="temuan">{% for a, b in diff.status.changed %}
<li>{{ diag(b) }}<br><span class="tempat">sebelumnya: {{ a.message }}</span></li>{% endfor %}</ul>{% endif %}
{% if diff.status.resolved %}<h3>Selesai</h3><ul class="temuan">{% for d in diff.status.resolved %}\
<li>{{ diag(d) }}</li>{% endfor %}</ul>{% endif %}
</section>
{% endif %}
</main>
</body>
</html>
"""
