"""Property: whatever a user does to one data or content file, the build either succeeds or
fails with a proper diagnostic that names that file; no other exception ever escapes.

Mutations mimic real slips: a deleted line or key, a value of the wrong type, a duplicated
key, a truncated file, random bytes pasted in, a reference swapped for another id.
The default run mutates the smallest sample (fast, the same mutations and the same rule); the
campaign (LKJIP_KAMPANYE=1, as .ci/run sets) mutates the bundled report, 400 cases.
`LKJIP_FUZZ_EXAMPLES` sets the number of cases, `LKJIP_FUZZ_RANDOM=1` draws new ones.
"""
import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip.diagnostics import BuildFailed, format_diagnostic
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import REPO, SAMPLES, campaign, copy_report, copy_sample

SOURCE = REPO if campaign() else SAMPLES / "minimal"
EXAMPLES = int(os.environ.get("LKJIP_FUZZ_EXAMPLES", "400" if campaign() else "60"))
FILES = sorted([p.relative_to(SOURCE).as_posix() for p in (SOURCE / "data").glob("*.yaml")] +
               [p.relative_to(SOURCE).as_posix() for p in (SOURCE / "content").glob("*.md")])
IDS = ["ikm", "sakip", "inovasi", "camat", "bupati", "penunjang", "pembinaan_desa", "tidak_ada", "x", "A B", "1"]
BAD_VALUES = ["90,25", '"100%"', "[1, 2]", "{a: 1}", "", "null", "-5", "ya", "'teks'", "2024-13-45", "1e999",
              "&a x", "*a", "!!python/object:os.system x", '"<script>alert(1)</script>"', "1.000.000"]
BAD_MARKDOWN = ["{{ tabel: tidak_ada }}", "{{ nilai.tidak.ada }}", "{{ penduduk.jumlah | tercetak: abc }}",
                "[x](javascript:alert(1))", "![x](../../etc/passwd)", "<script>alert(1)</script>", "{{",
                "{{ ttd: lurah }}", "{% include 'x' %}", "![peta](tidak-ada.png)", "# ", "{{ | }}"]


@st.composite
def mutations(draw):
    file = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["delete_line", "wrong_type", "duplicate_key", "truncate", "random_bytes",
                                 "swap_reference", "insert_text"]))
    return file, kind, draw(st.randoms(use_true_random=False)), draw(st.binary(min_size=1, max_size=12))


def mutate(text: str, kind: str, rnd, noise: bytes, markdown: bool) -> bytes:
    lines = text.split("\n")
    i = rnd.randrange(len(lines))
    if kind == "delete_line":
        del lines[i]
    elif kind == "wrong_type":
        keyed = [n for n, l in enumerate(lines) if re.match(r"^\s*-?\s*\w+:\s*\S", l)] or [i]
        n = rnd.choice(keyed)
        lines[n] = re.sub(r":\s*.*$", ": " + rnd.choice(BAD_VALUES), lines[n], count=1)
    elif kind == "duplicate_key":
        keyed = [n for n, l in enumerate(lines) if re.match(r"^\s*\w+:", l)] or [i]
        n = rnd.choice(keyed)
        lines.insert(n + 1, lines[n])
    elif kind == "truncate":
        return text.encode("utf-8")[:rnd.randrange(len(text.encode("utf-8")) + 1)]
    elif kind == "random_bytes":
        raw = text.encode("utf-8")
        at = rnd.randrange(len(raw) + 1)
        return raw[:at] + noise + raw[at:]
    elif kind == "swap_reference":
        refs = [n for n, l in enumerate(lines) if re.search(r"(indikator|program|sasaran|pejabat|pihak_\w+|"
                                                            r"penandatangan|disahkan_oleh|anggaran):\s*[a-z_]+\s*$", l)]
        n = rnd.choice(refs or [i])
        lines[n] = re.sub(r":\s*\S+\s*$", ": " + rnd.choice(IDS), lines[n])
    else:
        lines.insert(i, rnd.choice(BAD_MARKDOWN if markdown else BAD_VALUES))
    return "\n".join(lines).encode("utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    target = tmp_path_factory.mktemp("fuzz") / "laporan"
    root = copy_report(target) if campaign() else copy_sample("minimal", target)
    originals = {f: (root / f).read_bytes() for f in FILES}
    return root, originals


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("LKJIP_FUZZ_RANDOM"),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutations())
def test_any_mutation_fails_cleanly_naming_the_file(workspace, mutation):
    root, originals = workspace
    file, kind, rnd, noise = mutation
    original = originals[file]
    (root / file).write_bytes(mutate(original.decode("utf-8"), kind, rnd, noise, file.endswith(".md")))
    try:
        check(Project(root))
    except BuildFailed as failed:
        errors = [d for d in failed.diagnostics if d.is_error]
        assert errors, "BuildFailed without an error"
        shown = "\n".join(format_diagnostic(d) for d in errors)
        assert file in shown, f"{kind} on {file} produced errors that do not name it:\n{shown}"
        for d in errors:
            assert d.message and d.loc.file
    finally:
        (root / file).write_bytes(original)


# --- the report's own files as an attacker writes them: paths, links, templates -------------

SECURITY_EXAMPLES = int(os.environ.get("LKJIP_FUZZ_EXAMPLES", "200" if campaign() else "40"))
PATH_PIECES = ["..", "/", ".", "x", "\\\\", "%2e%2e", "~", " ", "site", ".git", "content", "data", "é", "gambar",
               "peta.png", "config", "\\r\\n", "*/", "<script>", ";"]
TEMPLATE_PIECES = ["{{ cycler.__init__.__globals__.os.system('touch {marker}') }}", "{{ ''.__class__ }}",
                   "{{ lipsum.__globals__ }}", "{% for i in range(3) %}{{ i }}{% endfor %}", "{{ info.judul }}",
                   "{{ self.__dict__ }}", "{% include 'base.html' %}", "{% include '../../etc/passwd' %}",
                   "{{ range.__self__ }}", "{{ tidak_ada }}", "{{ 1/0 }}", "{% extends '/etc/passwd' %}",
                   "{{ 'x' * 3 }}", "{{ namespace.__init__ }}", "{{ [].append(1) }}", "{{ {}.update(a=1) }}",
                   "{{ joiner().__call__ }}", "{{ '%s' % cycler }}", "{% raw %}{{{% endraw %}", "{{"]


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    from conftest import copy_sample
    folder = tmp_path_factory.mktemp("fuzz-aman")
    pristine = copy_sample("minimal", folder / "asli")
    secret = folder / "rahasia.txt"
    secret.write_text("KATA-SANDI-RAHASIA\n", "utf-8")
    return folder / "laporan", pristine, secret


def _outside(root):
    """Everything beside the report folder except what the fixture made (nothing may appear there)."""
    return sorted(p.name for p in root.parent.iterdir())


@settings(max_examples=SECURITY_EXAMPLES, deadline=None, derandomize=not os.environ.get("LKJIP_FUZZ_RANDOM"),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=st.sampled_from(["link", "template", "path"]),
       pieces=st.lists(st.integers(0, 19), min_size=1, max_size=6), where=st.integers(0, 50))
def test_the_reports_own_files_never_reach_outside_it(small, kind, pieces, where):
    from lkjip.pipeline import Options, run
    root, pristine, secret = small
    shutil.copytree(pristine, root)
    keep = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    around = _outside(root)
    marker = root.parent / "DIRETAS"
    try:
        if kind == "link":
            candidates = keep + ["content/99-x.md", "layouts/_ttd.html", "data/tabel", "layouts"]
            name = candidates[where % len(candidates)]
            target = root / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(secret if where % 2 else secret.parent)
            expected = name
        elif kind == "template":
            text = "".join(TEMPLATE_PIECES[i % len(TEMPLATE_PIECES)] for i in pieces).replace("{marker}", str(marker))
            name = ["_ttd.html", "base.html", "page.html", "index.html"][where % 4]
            (root / "layouts").mkdir(exist_ok=True)
            base = (REPO / "layouts" / name).read_text("utf-8")
            (root / "layouts" / name).write_text(base + text, "utf-8")
            expected = "layouts/"
        else:
            text = "".join(PATH_PIECES[i] for i in pieces)
            laporan = (root / "data/laporan.yaml").read_text("utf-8")
            (root / "data/laporan.yaml").write_text(laporan.replace("instansi: Dinas", f"instansi: {json_text(text)} Dinas"),
                                                    "utf-8")
            chapter = root / "content/01-bab-1-pendahuluan.md"
            chapter.write_text(chapter.read_text("utf-8") + f"\n![peta]({text.replace(')', '')})\n", "utf-8")
            expected = ""
        try:
            run(Project(root), Options(pdf=False))
        except BuildFailed as failed:
            errors = [d for d in failed.diagnostics if d.is_error]
            shown = "\n".join(format_diagnostic(d) for d in errors)
            assert errors and expected in shown, shown
            assert "KATA-SANDI" not in shown
        assert not marker.exists(), "a template ran code"
        assert _outside(root) == around, "a file was written beside the report"
        site = root / "site"
        if site.is_dir() and not site.is_symlink():
            for path in site.rglob("*"):
                assert path.resolve().is_relative_to(site.resolve())
                assert not path.is_file() or b"KATA-SANDI" not in path.read_bytes()
    finally:
        shutil.rmtree(root)


def json_text(text):
    import json
    return json.dumps(text)
