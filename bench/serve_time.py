"""Benchmark: how soon a save reaches an open page of `python build.py serve`.

Run: python bench/serve_time.py [--runs N]
Starts `serve --port 0` on a copy of the bundled report, listens on a chapter page's event
stream as the page's script does, and times, from the moment a save returns:
- a prose edit (one paragraph of a chapter): until the stream's `muat-ulang` event, and until
  the page served again holds the new words (what the reader's reload fetches);
- a chapter title edit (in every page's navigation): the same;
- a data edit (a figure on every page: the office's telephone number): the same.
Medians of N runs, each edit alternating between two texts, with a pause between runs so the
watcher is idle; also what one look of the watcher costs. Prints JSON. Never part of the tests:
times depend on the machine and its load. A browser adds its own parse and paint to the page
time.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CHAPTER, PAGE = "content/04-bab-4-penutup.md", "bab-4-penutup.html"
PROSE = ("Secara garis besar terlihat", "Secara garis besar jelas terlihat")
TITLE = ("# BAB IV PENUTUP", "# BAB IV PENUTUP LAPORAN")   # in every page's navigation
DATA = ("data/laporan.yaml", "telepon: (0321) 591004", "telepon: (0321) 591005")


def save(path: Path, old: str, new: str) -> float:
    """Write as editors do (a new file renamed over the old one); the time the save returned."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    temporary = path.with_name(f".{path.name}.simpan")
    temporary.write_text(text.replace(old, new, 1), "utf-8")
    os.replace(temporary, path)
    return time.perf_counter()


def page_version(base: str) -> str:
    """The version and session the served page's script listens with ('versi=3&sesi=…')."""
    with urllib.request.urlopen(base + PAGE, timeout=30) as answer:
        found = re.search(rb"versi=\d+&sesi=[0-9a-f]+", answer.read())
    assert found, "no reload script in the served page"
    return found.group(0).decode()


def wait_event(port: int, version: str, timeout: float = 30) -> tuple[socket.socket, Callable[[], float]]:
    """Open the page's event stream; returns the socket and a function that blocks until the event."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(f"GET /__lkjip/peristiwa?halaman={PAGE}&{version} HTTP/1.1\r\n"
                 f"Host: 127.0.0.1:{port}\r\n\r\n".encode())
    buffer = b""
    while b"retry:" not in buffer:
        buffer += sock.recv(4096)

    def until_event() -> float:
        nonlocal buffer
        while b"event: muat-ulang" not in buffer:
            chunk = sock.recv(65536)
            if not chunk:
                raise RuntimeError("stream closed")
            buffer += chunk
        return time.perf_counter()
    return sock, until_event


def until_served(base: str, text: str, timeout: float = 30) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with urllib.request.urlopen(base + PAGE, timeout=30) as answer:
            if text.encode() in answer.read():
                return time.perf_counter()
        time.sleep(0.005)
    raise RuntimeError(f"{text!r} never served")


def one(root: Path, base: str, port: int, file: str, old: str, new: str, shown: str) -> tuple[float, float]:
    sock, until_event = wait_event(port, page_version(base))
    try:
        saved = save(root / file, old, new)
        event = until_event()
        served = until_served(base, shown)
    finally:
        sock.close()
    return event - saved, served - saved


def scan_cost(root: Path, looks: int = 200) -> float:
    from lkjip.preview.watch import scan
    from lkjip.project import Project
    project = Project(root)
    started = time.perf_counter()
    for _ in range(looks):
        scan(project)
    return (time.perf_counter() - started) / looks


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pause", type=float, default=0.5, help="seconds between runs, the watcher idle")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "laporan"
        for name in ("content", "data"):
            shutil.copytree(REPO / name, root / name)
        process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--dir", str(root), "--port", "0"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            for line in process.stdout:
                if line.startswith("Pratinjau: "):
                    break
            base = line.split()[1]
            port = int(base.rsplit(":", 1)[1].strip("/"))
            results = {}
            for label, (file, a, b) in (("prosa", (CHAPTER, *PROSE)), ("judul_bab", (CHAPTER, *TITLE)), ("data", DATA)):
                events, pages = [], []
                for i in range(args.runs):
                    old, new = (a, b) if i % 2 == 0 else (b, a)
                    shown = new.split(": ", 1)[1] if file.startswith("data/") else new.lstrip("# ")
                    time.sleep(args.pause)
                    event, page = one(root, base, port, file, old, new, shown)
                    events.append(event)
                    pages.append(page)
                results[label] = {"simpan_ke_peristiwa_ms": median_ms(events), "simpan_ke_halaman_ms": median_ms(pages),
                                  "semua_peristiwa_ms": [round(e * 1000, 1) for e in events]}
        finally:
            process.terminate()
            out, _ = process.communicate(timeout=60)
    from lkjip.preview.watch import Watcher
    poll = Watcher.__init__.__defaults__[0]
    look = scan_cost(REPO)
    results["pengamat"] = {"jeda_lihat_s": poll, "biaya_sekali_lihat_ms": round(look * 1000, 3),
                           "bagian_satu_inti_saat_diam_persen": round(100 * look / poll, 2)}
    builds = [line for line in out.splitlines() if "susunan #" in line]
    # the server's own line for one build of each kind
    results["konsol"] = {"prosa": builds[0], "judul_bab": builds[args.runs], "data": builds[2 * args.runs]}
    results["runs"] = args.runs
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
