"""A report's own files never run code, never reach outside the report, never write outside site/.

A report arrives in pull requests; reviewers run `check`, `diff` and `build` on it. Each attack
below is one a pull request could make, tried on the smallest sample (fast) through the very
commands a reviewer types: templates that try to reach Python, paths and symbolic links that
lead out of the report, data that tries to become script, HTTP headers or spreadsheet
formulas, and input sized to exhaust the machine.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lkjip import output
from lkjip.cli import main
from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import Options, check, run
from lkjip.preview.server import open_server
from lkjip.preview.state import Preview
from lkjip.project import Project
from lkjip.render import opendata, search, textwidth
from lkjip.source.text import SourceError, read_text

from conftest import REPO, copy_sample, edit, write

PAYLOADS = [
    "{{ cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "{{ lipsum.__globals__['os'].popen('touch {marker}').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ joiner.__init__.__globals__.os.system('touch {marker}') }}",
    "{% set x = namespace.__init__.__globals__ %}{{ x.os.system('touch {marker}') }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch {marker}') }}",
    "{{ range.__self__.__import__('os').system('touch {marker}') }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(cycler) }}{{ cycler.__init__ }}",
]


def poisoned(root: Path, marker: Path, payload: str = PAYLOADS[0]) -> Path:
    """A report whose layouts/ carries `payload` in every page template, as a pull request could add it."""
    layouts = root / "layouts"
    shutil.copytree(REPO / "layouts", layouts)
    for name in ("_ttd.html", "base.html", "print.html"):
        path = layouts / name
        path.write_text(path.read_text("utf-8") + payload.replace("{marker}", str(marker)) + "\n", "utf-8")
    return root


@pytest.fixture
def sample(tmp_path) -> Path:
    return copy_sample("minimal", tmp_path / "laporan")


# --- 1. templates cannot reach Python ---------------------------------------------------------

@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_template_that_reaches_for_python_is_refused_with_its_line(sample, tmp_path, payload, capsys):
    marker = tmp_path / "DIRETAS"
    poisoned(sample, marker, payload)
    assert main(["check", "--dir", str(sample)]) == 1
    err = capsys.readouterr().err
    assert not marker.exists()
    assert "layouts/" in err and "galat: template" in err and "Traceback" not in err


def test_the_payload_does_nothing_in_any_command(sample, tmp_path, capsys):
    marker = tmp_path / "DIRETAS"
    poisoned(sample, marker)
    for argv in (["check"], ["build"], ["html"], ["pdf"], ["build", "--no-pdf"], ["kunci"]):
        main([*argv, "--dir", str(sample)])
        assert not marker.exists(), argv
    err = capsys.readouterr().err
    assert "layouts/_ttd.html:" in err and "template mencoba membaca atribut '__init__', yang tidak diizinkan" in err
    assert not (sample / "site").exists()
    preview = Preview(Project(sample))
    snapshot = preview.rebuild()
    assert snapshot.failure is not None and b"tidak diizinkan" in snapshot.failure and not marker.exists()
    preview.pdf()
    assert not marker.exists()
    assert main(["baru", str(tmp_path / "tahun-depan"), "--dari", str(sample), "--tahun", "2026"]) in (0, 1)
    assert not marker.exists()


def test_a_reviewer_on_main_diffing_a_pull_request_with_the_payload_runs_nothing(sample, tmp_path, capsys):
    marker = tmp_path / "DIRETAS"

    def git(*args):
        subprocess.run(["git", "-C", str(sample), *args], check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    for key, value in (("user.name", "Penguji"), ("user.email", "p@example.org"), ("commit.gpgsign", "false")):
        git("config", key, value)
    git("add", "-A")
    git("commit", "-q", "-m", "dasar")
    git("checkout", "-q", "-b", "pr")
    poisoned(sample, marker)
    git("add", "-A")
    git("commit", "-q", "-m", "tampilan baru")
    git("checkout", "-q", "main")
    assert main(["diff", "main", "pr", "--dir", str(sample), "--format", "json", "--output", str(tmp_path / "d.json")]) == 0
    assert not marker.exists()
    new = json.loads((tmp_path / "d.json").read_text("utf-8"))["check"]["new"]
    assert any(d["file"].startswith("layouts/") and "tidak diizinkan" in d["message"] for d in new)


def test_a_template_may_still_do_what_a_theme_needs(sample):
    """The sandbox refuses Python, not templating: loops, filters, macros and namespaces still work."""
    layouts = sample / "layouts"
    layouts.mkdir()
    base = (REPO / "layouts/base.html").read_text("utf-8")
    write(sample, {"layouts/base.html": base.replace(
        "</body>", "{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}{% endfor %}"
                   "<p id=\"tema\">{{ ns.n }} {{ 'abc' | upper }} {{ [3, 1, 2] | sort | join(',') }}</p></body>")})
    run(Project(sample), Options(pdf=False))
    assert '<p id="tema">3 ABC 1,2,3</p>' in (sample / "site/index.html").read_text("utf-8")


# --- 2. paths: nothing written outside site/, nothing read from outside the report ------------

def test_an_instansi_with_a_path_cannot_place_a_file_outside_site(sample, tmp_path):
    edit(sample / "data/laporan.yaml", "instansi: Dinas Perpustakaan dan Kearsipan",
         'instansi: "x/../../../../../DI-LUAR-SITE"')
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(["build", "--no-pdf", "--dir", str(sample), "-q"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert sorted(p.name for p in sample.iterdir()) == [".lkjip-cache", "content", "data", "site"]   # and the cache
    assert (sample / "site/data/lkjip-x-di-luar-site-2025.json").is_file()
    from lkjip.domain.laporan import LAPORAN
    from lkjip.render.identity import site_info
    assert site_info(check(Project(sample)).report.need(LAPORAN)).pdf_name == "lkjip-x-di-luar-site-2025.pdf"


@pytest.mark.parametrize("path", ["../x.html", "a/../../x", "/etc/x", ".git/config", "a\\b", "media/.x", "",
                                  "a//b", "x\x00y", "x\ny"])
def test_an_output_path_that_could_leave_site_is_refused(path, tmp_path):
    assert not output.safe_output_path(path)
    with pytest.raises(ValueError):
        output.write_tree(tmp_path / "site", {"index.html": b"", path: b"x"})
    assert not (tmp_path / "site").exists() and list(tmp_path.iterdir()) == []


def secret(tmp_path: Path) -> Path:
    path = tmp_path / "rahasia.txt"
    path.write_text("KATA-SANDI-RAHASIA\n", "utf-8")
    return path


@pytest.mark.parametrize("link", ["content/99-lampiran-rahasia.md", "data/rahasia.yaml", "layouts/_ttd.html",
                                  "content/gambar", "data", "layouts"])
def test_a_symbolic_link_in_the_report_is_refused_not_followed(sample, tmp_path, link, capsys):
    target = secret(tmp_path)
    if link in ("content/gambar", "data", "layouts"):
        target = tmp_path / "folder-lain"
        target.mkdir()
        (target / "rahasia.md").write_text("KATA-SANDI-RAHASIA\n", "utf-8")
        if link == "data":
            shutil.copytree(sample / "data", target, dirs_exist_ok=True)
            shutil.rmtree(sample / "data")
    (sample / link).parent.mkdir(parents=True, exist_ok=True)
    (sample / link).symlink_to(target)
    assert main(["build", "--no-pdf", "--dir", str(sample)]) == 1
    err = capsys.readouterr().err
    assert f"{link}: galat: tautan simbolik tidak diizinkan (menunjuk ke '{target}')" in err
    assert "KATA-SANDI-RAHASIA" not in err and not (sample / "site").exists()


def test_baru_refuses_a_report_with_a_symbolic_link_and_leaves_nothing(sample, tmp_path, capsys):
    (sample / "content/99-lampiran-rahasia.md").symlink_to(secret(tmp_path))
    dest = tmp_path / "tahun-depan"
    assert main(["baru", str(dest), "--dari", str(sample), "--tahun", "2026"]) == 1
    assert "tautan simbolik tidak diizinkan" in capsys.readouterr().err
    assert not dest.exists() and not list(tmp_path.glob(".tahun-depan-*"))


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


@pytest.mark.parametrize(("files", "markdown", "code", "words"), [
    ({}, "![x](../.git/config)", "image-hidden", "berada di folder tersembunyi"),
    ({".git/config": "[core]\n"}, "![x](../.git/config)", "image-hidden", "berada di folder tersembunyi"),
    ({"site/peta.png": None}, "![x](../site/peta.png)", "image-hidden", "di folder hasil (site/)"),
    ({"content/peta.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"},
     "![x](peta.svg)", "image-type", "bukan berkas gambar yang diterima (GIF, JPG, PNG, WEBP)"),
    ({"content/peta.png": "bukan gambar"}, "![x](peta.png)", "image-type", "isinya bukan gambar PNG"),
    ({"content/data.yaml": "a: 1\n"}, "![x](data.yaml)", "image-type", "bukan berkas gambar"),
    ({}, "![x](../../../etc/passwd)", "image-outside", "berada di luar folder proyek"),
])
def test_only_image_files_of_the_report_are_published_as_images(sample, files, markdown, code, words, capsys):
    for name, text in files.items():
        (sample / name).parent.mkdir(parents=True, exist_ok=True)
        (sample / name).write_bytes(PNG if text is None else text.encode())
    edit(sample / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja", f"menyusun {markdown} laporan kinerja")
    with pytest.raises(BuildFailed) as failed:
        check(Project(sample))
    [problem] = [d for d in failed.value.diagnostics if d.is_error]
    assert (problem.code, problem.loc.file, problem.loc.line) == (code, "content/01-bab-1-pendahuluan.md", 3)
    assert words in problem.message


def test_a_real_image_is_still_published(sample):
    write(sample, {})
    (sample / "content/gambar").mkdir()
    (sample / "content/gambar/peta.png").write_bytes(PNG)
    edit(sample / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja", "menyusun ![Peta](gambar/peta.png)")
    run(Project(sample), Options(pdf=False))
    assert (sample / "site/media/content/gambar/peta.png").read_bytes() == PNG


def test_an_emblem_outside_or_through_a_link_is_refused(sample, tmp_path, capsys):
    (sample / "gambar").mkdir()
    (sample / "gambar/lambang.png").symlink_to(secret(tmp_path))
    write(sample, {"data/laporan.yaml": (sample / "data/laporan.yaml").read_text("utf-8") +
                   "lambang: gambar/lambang.png\n"})
    assert main(["check", "--dir", str(sample)]) == 1
    err = capsys.readouterr().err
    assert "berkas 'gambar/lambang.png' berada di luar folder proyek atau melalui tautan simbolik" in err
    assert "KATA-SANDI" not in err


# --- 3. data never becomes script, a header or a formula -------------------------------------

def test_the_search_index_carries_the_report_only_as_one_escaped_literal(sample):
    edit(sample / "data/laporan.yaml", "judul: Laporan Kinerja Instansi Pemerintah",
         'judul: "X */ document.documentElement.setAttribute(\\"data-xss\\",\\"1\\"); /*"')
    edit(sample / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja",
         "menyusun </script><script>alert(1)</script> \u2028 laporan kinerja")
    run(Project(sample), Options(pdf=False))
    script = (sample / "site/assets/indeks-cari.js").read_text("utf-8")
    head, literal = script.split(" = ", 1)
    assert head == "/* Indeks pencarian; dibuat saat penyusunan. */\nwindow.INDEKS_CARI"
    assert literal.endswith(";\n") and "data-xss" not in head
    assert not any(c in literal for c in "<>&\u2028\u2029")
    entries = json.loads(literal[:-2])
    assert any("</script><script>alert(1)</script>" in e["t"] for e in entries)


def test_script_literal_escapes_what_could_end_a_script():
    assert search.script_literal(["</script>", "<!--", "a&b", "\u2028\u2029"]) == \
        '["\\u003c/script\\u003e","\\u003c!--","a\\u0026b","\\u2028\\u2029"]'


@pytest.mark.parametrize(("text", "cell"), [
    ("=1+2", "'=1+2"), ("+62 812", "'+62 812"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+2", "'\t=1+2"), ("\r=1", "'\r=1"), ("Kecamatan", "Kecamatan"), ("-", "-"), ("--", "--"), ("", ""),
])
def test_a_csv_cell_that_would_start_a_formula_is_made_inert(text, cell):
    assert opendata.inert(text) == cell


def test_the_open_data_csv_keeps_numbers_as_numbers_and_text_inert(sample):
    edit(sample / "data/indikator.yaml", "nama: Persentase", 'nama: "=HYPERLINK(\\"http://x\\")" # ')
    run(Project(sample), Options(pdf=False))
    texts = [p.read_text("utf-8-sig") for p in sorted((sample / "site/data").glob("*.csv"))]
    cells = [c for t in texts for row in csv.reader(io.StringIO(t)) for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]


@pytest.fixture
def preview_server(sample):
    preview = Preview(Project(sample))
    preview.rebuild()
    httpd = open_server(preview, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], sample, preview
    httpd.shutdown()
    httpd.server_close()


def request(port: int, path: str, host: str | None) -> tuple[int, bytes, dict[str, str]]:
    import http.client
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest("GET", path, skip_host=True)
    if host is not None:
        conn.putheader("Host", host)
    conn.endheaders()
    answer = conn.getresponse()
    return answer.status, answer.read(), dict(answer.getheaders())


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("127.0.0.1", 200), ("penyerang.example:{port}", 421),
    ("penyerang.example", 421), ("127.0.0.1:1", 421), ("localhost.penyerang.example:{port}", 421), (None, 421),
])
def test_the_preview_answers_only_requests_addressed_to_it(preview_server, host, status):
    port = preview_server[0]
    got, body, _ = request(port, "/index.html", host.format(port=port) if host else None)
    assert got == status
    if status == 421:
        assert body.decode("utf-8") == f"Host tidak dikenal: pratinjau hanya melayani http://127.0.0.1:{port}/\n"


def test_the_preview_pdf_name_cannot_inject_a_header(sample, tmp_path):
    edit(sample / "data/laporan.yaml", "instansi: Dinas Perpustakaan dan Kearsipan",
         'instansi: "Dinas\\r\\nSet-Cookie: sesi=curian"')
    preview = Preview(Project(sample))
    preview.rebuild()
    httpd = open_server(preview, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        status, body, headers = request(httpd.server_address[1], "/__lkjip/pdf", f"127.0.0.1:{httpd.server_address[1]}")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert status == 200 and body.startswith(b"%PDF-")
    assert "Set-Cookie" not in headers
    assert headers["Content-Disposition"] == 'inline; filename="lkjip-dinas-set-cookie-sesi-curian-2025.pdf"'


# --- 4. one build at a time; site/ always there; a link named site is refused ---------------

def test_two_builds_at_once_take_turns_and_both_leave_a_complete_site(sample):
    run(Project(sample), Options(pdf=False))
    complete = sorted(p.relative_to(sample / "site").as_posix() for p in (sample / "site").rglob("*"))
    builds = [subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--no-pdf", "--dir", str(sample), "-q"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    codes = [b.wait(120) for b in builds]
    assert codes == [0, 0, 0], [b.stderr.read() for b in builds]
    assert sorted(p.relative_to(sample / "site").as_posix() for p in (sample / "site").rglob("*")) == complete
    assert not [p.name for p in sample.iterdir() if p.name.startswith(".site-")]


def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path):
    told, entered = [], threading.Event()
    with output.locked(tmp_path):
        def second():
            with output.locked(tmp_path, lambda: told.append("menunggu")):
                entered.set()
        waiter = threading.Thread(target=second)
        waiter.start()
        assert not entered.wait(0.5) and told == ["menunggu"]
    waiter.join(10)
    assert entered.is_set()


def test_site_is_never_missing_while_it_is_replaced(tmp_path, monkeypatch):
    site = tmp_path / "site"
    output.write_tree(site, {"index.html": b"lama"})
    seen = []
    real_replace, real_exchange = os.replace, output.exchange

    def replace(a, b):
        real_replace(a, b)
        seen.append(site.is_dir())

    def exchange(a, b):
        done = real_exchange(a, b)
        seen.append(site.is_dir())
        return done
    monkeypatch.setattr(output.os, "replace", replace)
    monkeypatch.setattr(output, "exchange", exchange)
    output.write_tree(site, {"index.html": b"baru"})
    assert (site / "index.html").read_bytes() == b"baru" and seen and all(seen)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_site_that_is_a_symbolic_link_is_refused_and_its_target_untouched(sample, tmp_path, capsys):
    webroot = tmp_path / "www"
    webroot.mkdir()
    (webroot / "berkas-lain.html").write_text("milik server web", "utf-8")
    (sample / "site").symlink_to(webroot)
    assert main(["build", "--no-pdf", "--dir", str(sample)]) == 1
    err = capsys.readouterr().err
    assert f"site: galat: 'site' adalah tautan simbolik (ke '{webroot}'); lkjip tidak menulis melalui tautan" in err
    assert (sample / "site").is_symlink() and [p.name for p in webroot.iterdir()] == ["berkas-lain.html"]


# --- 5. bounded work -----------------------------------------------------------------------

def test_wrapping_a_label_measures_each_letter_once(monkeypatch):
    calls = []
    real = textwidth.width

    def counted(text, size, bold=False):
        calls.append(len(text))
        return real(text, size, bold)
    monkeypatch.setattr(textwidth, "width", counted)
    for n in (4_000, 40_000):
        calls.clear()
        lines = textwidth.wrap("W" * n + " kata " * 10, 8.5, 120)
        assert "".join(lines).replace(" ", "").startswith("W" * n)
        assert sum(calls) <= 3 * n + 200, f"{sum(calls)} letters measured for a label of {n}"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "besar.yaml"
    with big.open("wb") as f:
        f.truncate(1 << 30)  # 1 GB, sparse
    opened = []
    real = os.fdopen

    def fdopen(*args, **kwargs):
        opened.append(args)
        return real(*args, **kwargs)
    monkeypatch.setattr("lkjip.source.text.os.fdopen", fdopen)
    with pytest.raises(SourceError) as refused:
        read_text(big, "data/besar.yaml")
    assert opened == []
    assert refused.value.diagnostic.message == "file terlalu besar (1.073.741.824 bita); batasnya 500.000 bita"


@pytest.mark.parametrize("value", ["12345678901234567890123", "1.5e+30", "-1.0e+16", "0.000000000001"])
def test_a_number_out_of_bounds_is_a_clear_message(sample, value, capsys):
    edit(sample / "data/indikator.yaml", "realisasi: {2025: 92}", f"realisasi: {{2025: {value}}}")
    assert main(["check", "--dir", str(sample)]) == 1
    err = capsys.readouterr().err
    assert f"galat: angka '{value}' di luar batas" in err and err.startswith("data/indikator.yaml:")
    assert "galat internal" not in err


@pytest.mark.parametrize("port", ["70000", "-1", "abc", "65536"])
def test_a_port_out_of_range_is_a_command_line_error(port, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--port", port])
    assert stopped.value.code == 2
    assert f"diharapkan bilangan 0 sampai 65535, ditemukan '{port}'" in capsys.readouterr().err


KILL_BARU = """
import os, signal, sys
sys.path.insert(0, {repo!r})
import lkjip.authoring.create as create
real = create._write
def killed(root, texts):
    real(root, texts)
    os.kill(os.getpid(), signal.SIGKILL)
create._write = killed
from lkjip.cli import main
main(["baru", {dest!r}, "--instansi", "Kecamatan Sukamaju", "--jenis", "kecamatan", "--tahun", "2025"])
"""


def test_a_killed_baru_is_cleaned_up_by_the_next_and_folders_have_the_usual_permissions(tmp_path):
    dest = tmp_path / "sukamaju"
    done = subprocess.run([sys.executable, "-c", KILL_BARU.format(repo=str(REPO), dest=str(dest))], capture_output=True)
    assert done.returncode == -9
    [left] = [p.name for p in tmp_path.iterdir()]
    assert left.startswith(".sukamaju-baru-")
    old = os.umask(0o022)
    try:
        assert main(["baru", str(dest), "--instansi", "Kecamatan Sukamaju", "--jenis", "kecamatan", "--tahun", "2025",
                     "-q"]) == 0
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir()] == ["sukamaju"]
    assert (dest.stat().st_mode & 0o777) == 0o755
    assert ((dest / "content").stat().st_mode & 0o777) == 0o755


def test_terminating_a_build_leaves_the_previous_site_and_no_leftovers(sample):
    run(Project(sample), Options(pdf=False))
    before = (sample / "site/index.html").read_bytes()
    build = subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--dir", str(sample)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    import fcntl
    folder = os.open(sample, os.O_RDONLY)
    try:  # wait until the build holds the folder's lock: it is inside the pipeline, its handler installed
        while build.poll() is None:
            try:
                fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(folder, fcntl.LOCK_UN)
                time.sleep(0.02)
            except BlockingIOError:
                break
    finally:
        os.close(folder)
    time.sleep(0.3)
    build.terminate()
    _, err = build.communicate(60)
    assert build.returncode == 130 and err == "Dibatalkan. site/ tidak diubah.\n", err
    assert (sample / "site/index.html").read_bytes() == before
    assert not [p.name for p in sample.iterdir() if p.name.startswith(".site-")]



@pytest.mark.parametrize(("payload", "message"), [
    ("{{ 'x' * 10**10 }}", "template mencoba membuat teks atau daftar yang terlalu panjang, yang tidak diizinkan"),
    ("{{ 9 ** 999999 }}", "template mencoba menghitung pangkat yang terlalu besar, yang tidak diizinkan"),
    ("{% include 'page.html' %}", "template memanggil dirinya sendiri tanpa akhir"),
    ("{% endblock %}{% extends '/etc/passwd' %}{% block x %}", "template gagal dijalankan: extended multiple times"),
])
def test_a_template_cannot_exhaust_the_machine_or_fail_without_a_message(sample, payload, message, capsys):
    page = (REPO / "layouts/page.html").read_text("utf-8")
    at = page.rindex("{% endblock %}")
    write(sample, {"layouts/page.html": page[:at] + payload + page[at:]})
    assert main(["check", "--dir", str(sample)]) == 1
    err = capsys.readouterr().err
    assert message in err and "layouts/" in err and "galat internal" not in err
