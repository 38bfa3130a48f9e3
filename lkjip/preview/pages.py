"""The preview's own bits of HTML: the bar and reload script added to each served page, and the
error page shown in place of the report while it does not build.

Only the preview adds them, to the bytes it sends: site/ never contains a script. The script
opens one event stream (`EventSource`, `events.py`) naming the page it shows and the version of
that page; the server speaks only when that page has changed, and the page then reloads (the
browser keeps the scroll position on a reload). A page another edit did not touch stays as it is.
"""
from __future__ import annotations

import html
import json
from urllib.parse import quote

from ..diagnostics import Diagnostic, formatted
from ..project import Project
from ..source.text import source_lines

VERSION_PATH = "/__lkjip/versi"
EVENTS_PATH = "/__lkjip/peristiwa"
PDF_PATH = "/__lkjip/pdf"
RELOAD = "muat-ulang"
"""The event that tells an open page to reload."""

_SCRIPT = """<script>(function(){var s=new EventSource(%s);\
s.addEventListener("%s",function(){s.close();location.reload()})})();</script>"""
_BAR = ('<div id="lkjip-pratinjau" style="position:fixed;right:0;bottom:0;z-index:9;padding:.3em .7em;'
        'font:13px sans-serif;background:#fffbe6;border:1px solid #c9b458;border-radius:4px 0 0 0">'
        "Pratinjau{extra} · <a href=\"" + PDF_PATH + "\">PDF</a></div>")


def events_url(path: str, version: int, session: str) -> str:
    """Where a page showing `path` at `version` listens for its next version. `session` names the
    server process: versions count from 1 again when the preview is restarted, and a page left
    open from an earlier run must still learn that it is out of date."""
    return f"{EVENTS_PATH}?halaman={quote(path, safe='/')}&versi={version}&sesi={session}"


def reload_script(path: str, version: int, session: str) -> str:
    # json.dumps then '<' escaped: the URL is a JavaScript string that cannot end the script early
    return _SCRIPT % (json.dumps(events_url(path, version, session)).replace("<", "\\u003c"), RELOAD)


def _before_body_end(page: bytes, addition: str) -> bytes:
    data = addition.encode("utf-8")
    at = page.rfind(b"</body>")
    return page + data if at < 0 else page[:at] + data + page[at:]


def inject(page: bytes, path: str, version: int, session: str, counts: tuple[int, int]) -> bytes:
    """A site page with the preview bar and the reload script just before </body>."""
    warnings, unfilled = counts
    extra = ""
    if warnings or unfilled:
        parts = [f"{warnings} peringatan"] if warnings else []
        parts += [f"{unfilled} isian belum diisi"] if unfilled else []
        extra = ': <a href="pemeriksaan.html">' + ", ".join(parts) + "</a>"
    return _before_body_end(page, _BAR.format(extra=extra) + reload_script(path, version, session))


def with_reload(page: bytes, path: str, version: int, session: str) -> bytes:
    """The error page, served in place of `path`, with the script that reloads it once fixed."""
    return _before_body_end(page, reload_script(path, version, session))


_STYLE = ("body{font:15px/1.45 sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
          "h1{color:#a40000;font-size:1.4em}pre{background:#f6f6f6;border-left:4px solid #a40000;"
          "padding:.6em .8em;overflow-x:auto;font-size:13px}ul{padding:0}li{margin-bottom:1.5em;list-style:none}"
          "code{overflow-wrap:anywhere}")


def _document(title: str, body: str) -> bytes:
    return (f'<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n").encode()


def error_page(diagnostics: list[Diagnostic], project: Project) -> bytes:
    """Each error with its file, line, message, the offending line and the hint, as `check` prints it."""
    errors = [d for d in diagnostics if d.is_error]
    cache: dict[str, list[str]] = {}
    items = []
    for d in errors:
        if d.loc.file not in cache:
            cache[d.loc.file] = source_lines(project.root, d.loc.file)
        parts = formatted(d, cache[d.loc.file])
        head, source, hint = parts.head, parts.source, [parts.hint.strip()] if parts.hint else []
        items.append(f"<li><p><code>{html.escape(head)}</code></p>"
                     + (f"<pre>{html.escape(chr(10).join(source))}</pre>" if source else "")
                     + "".join(f"<p>{html.escape(h)}</p>" for h in hint) + "</li>")
    body = (f"<h1>Laporan belum dapat disusun: {len(errors)} galat</h1>\n"
            "<p>Perbaiki lalu simpan; halaman ini dimuat ulang sendiri.</p>\n<ul>\n" + "\n".join(items) + "\n</ul>")
    return _document("Galat penyusunan", body)


def internal_error_page(trace: str) -> bytes:
    body = ("<h1>Galat internal lkjip</h1>\n<p>Ini bukan kesalahan Anda. Laporkan teks di bawah ini kepada "
            f"pengelola; pratinjau tetap berjalan.</p>\n<pre>{html.escape(trace)}</pre>")
    return _document("Galat internal", body)
