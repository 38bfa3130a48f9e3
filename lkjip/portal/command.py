"""The `portal` command: discover, build (or skip), then write the index pages.

Every report under SUMBER is built into KELUARAN (in parallel processes with `--jobs`, only a
share with `--shard`), unchanged ones skipped; then the index pages are written from the
summaries (not under `--shard`; alone with `--indeks`). A report that fails does not stop the
others: it is listed on the portal with its first error and the exit status is 1.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..cache import code_version, theme_version
from ..output import write_file
from . import shard
from .discover import PortalError, Source, discover
from .report import Outcome, Task, build, prune, read_summary

EXIT_OK, EXIT_INVALID = 0, 1


def run(args: argparse.Namespace) -> int:
    output = Path(args.output).resolve()
    try:
        sources = discover(Path(args.sumber), output)
        if output.exists() and not output.is_dir():
            raise PortalError(f"KELUARAN '{args.output}' sudah ada dan bukan folder", "sebutkan folder lain")
        if args.indeks:
            return _index(sources, output, [])
        mine = shard.share(sources, args.shard) if args.shard else sources
        outcomes = list(_build_all(mine, output, not args.tanpa_pdf, args.jobs))
        failed = _report(outcomes)
        if args.shard:
            return EXIT_INVALID if failed else EXIT_OK
        return max(_index(sources, output, outcomes), EXIT_INVALID if failed else EXIT_OK)
    except PortalError as exc:
        sys.stderr.write(f"galat: {exc.message}\n" + (f"petunjuk: {exc.hint}\n" if exc.hint else ""))
        return EXIT_INVALID


def _build_all(sources: Sequence[Source], output: Path, pdf: bool, jobs: int) -> Iterator[Outcome]:
    """Each report's outcome, in the order of `sources`; unchanged reports never reach a worker."""
    tasks = [Task(s, output, pdf) for s in sources]
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(build, tasks)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=_one_layout_at_a_time) as pool:
        yield from pool.map(build, tasks)


def _one_layout_at_a_time() -> None:
    """A worker's builds do their print work one job at a time: the other workers use the other cores."""
    from ..print.jobs import PARALLEL
    os.environ[PARALLEL] = "0"


def _report(outcomes: Sequence[Outcome]) -> int:
    built = sum(1 for o in outcomes if o.built and o.summary["status"] == "ok")
    failed = [o for o in outcomes if o.summary["status"] != "ok"]
    for o in failed:
        sys.stderr.write(f"Laporan '{o.summary['folder']}' gagal disusun:\n")
        for line in o.messages:
            sys.stderr.write(line + "\n")
    kept = sum(1 for o in outcomes if not o.built)
    sys.stdout.write(f"{built} laporan disusun, {kept} tidak berubah (dilewati), {len(failed)} gagal.\n")
    return len(failed)


INDEX_NOTE = ".portal/indeks.json"
"""What the index pages were last made from (a digest of the summaries and of lkjip) and their digests."""


def _write_index(output: Path, summaries: list[dict[str, Any]]) -> None:
    """The index pages, made only when the summaries or lkjip changed since they were last made, or a
    page is missing or was altered: a portal where nothing changed renders nothing."""
    shown = [{k: v for k, v in s.items() if k not in ("sidik", "dibaca")} for s in summaries]  # not on any page
    source = hashlib.sha256(json.dumps(shown, sort_keys=True, ensure_ascii=False).encode())
    source.update(code_version().encode() + theme_version().encode())
    try:
        note = json.loads((output / INDEX_NOTE).read_text("utf-8"))
        if note.get("sumber") == source.hexdigest() and all(
                hashlib.sha256((output / path).read_bytes()).hexdigest() == digest
                for path, digest in note["berkas"].items()):
            return
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        pass
    from . import pages  # the templates and the search index: only when the pages are made
    made = pages.files(summaries)
    for path, data in sorted(made.items()):
        write_file(output / path, data)
    note = {"sumber": source.hexdigest(),
            "berkas": {path: hashlib.sha256(data).hexdigest() for path, data in sorted(made.items())}}
    write_file(output / INDEX_NOTE, json.dumps(note, indent=1, sort_keys=True).encode("utf-8"))


def _index(sources: Sequence[Source], output: Path, outcomes: Sequence[Outcome]) -> int:
    """The index pages from every report's summary; a report with none yet (its shard not run) is an error."""
    known = {o.summary["kunci"]: o.summary for o in outcomes}
    summaries: list[dict[str, Any]] = []
    missing = []
    for s in sources:
        found = known.get(s.key) or read_summary(output, s)
        if found is None or found.get("folder") != s.rel:
            missing.append(s)
        else:
            summaries.append(found)
    if missing:
        names = ", ".join(f"'{s.rel}'" for s in missing)
        raise PortalError(f"{len(missing)} laporan belum disusun ke {output.name}/: {names}",
                          "jalankan dulu setiap --shard (atau portal tanpa --indeks), lalu --indeks")
    gone = prune(output, list(sources))
    if gone:
        sys.stdout.write(f"{len(gone)} laporan yang tidak ada lagi di SUMBER dihapus dari portal: "
                         + ", ".join(gone) + "\n")
    _write_index(output, summaries)
    failed = sum(1 for s in summaries if s["status"] != "ok")
    if not outcomes and failed:
        sys.stderr.write(f"{failed} laporan gagal disusun (tercantum di halaman portal).\n")
    sys.stdout.write(f"Portal ditulis ke {output}/: {len(summaries) - failed} laporan, {failed} gagal.\n")
    return EXIT_INVALID if failed else EXIT_OK
