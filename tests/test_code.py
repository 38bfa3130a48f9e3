"""The code itself: the linter and the type checker configured in pyproject.toml pass, the engine
never names one office, and imports point backwards only (no cycles between modules)."""
import ast
import re
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter

from conftest import REPO

PACKAGE = REPO / "lkjip"


def test_ruff_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "lkjip", "tests", "bench", "build.py"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing():
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_stages_that_lay_out_pages_pass_mypy_strict():
    """render/, print/ and check/ pass `mypy --strict` (the rest passes the project's configuration)."""
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--cache-dir", ".mypy_cache/strict", "lkjip"],
                          cwd=REPO, capture_output=True, text=True)   # a cache of its own: the two runs stay incremental
    strict = [line for line in done.stdout.splitlines()
              if line.startswith(("lkjip/render/", "lkjip/print/", "lkjip/check/"))]
    assert strict == []


def test_no_word_of_the_bundled_office_in_the_code():
    for path in list(PACKAGE.rglob("*.py")) + list((REPO / "layouts").glob("*.*")):
        if path.suffix in (".ttf", ".txt"):
            continue
        text = path.read_text("utf-8")
        assert not re.search(r"pungging|mojokerto|tabel_3_\d", text, re.IGNORECASE), path


def _imports(path):
    module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            target = f"{base}.{node.module}" if node.module else base
            found.add(target)
            found.update(f"{target}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return module, found


def test_module_imports_have_no_cycles():
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        module, found = _imports(path)
        graph[module] = found
    modules = set(graph)
    deps = {m: {d for d in found if d in modules and d != m and not m.startswith(d + ".")}
            for m, found in graph.items()}
    try:
        list(TopologicalSorter(deps).static_order())
    except CycleError as cycle:
        raise AssertionError(f"import cycle: {cycle.args[1]}") from None


def _imported_modules(path):
    """Every module a file imports, absolute or relative (as written), wherever in the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
    return found


def test_only_the_engine_imports_weasyprint():
    """WeasyPrint (and pydyf, its PDF writer) sits behind `lkjip.print.engine`: a new WeasyPrint is
    checked against one module, and no other reaches into its private parts."""
    importers = {path.relative_to(REPO).as_posix() for path in PACKAGE.rglob("*.py")
                 for name in _imported_modules(path) if name.split(".")[0] in ("weasyprint", "pydyf")}
    assert importers == {"lkjip/print/engine.py"}
    private = {path.relative_to(REPO).as_posix() for path in PACKAGE.rglob("*.py") if "_page_box" in path.read_text("utf-8")}
    assert private == {"lkjip/print/engine.py"}   # WeasyPrint's private page box, read there alone


def test_rendering_comes_before_printing():
    """The print stage builds on the rendered chapters; nothing in render/ imports print/ (signature
    grouping, which both use, lives in render/)."""
    for path in (PACKAGE / "render").rglob("*.py"):
        _, found = _imports(path)
        assert not {m for m in found if m == "lkjip.print" or m.startswith("lkjip.print.")}, path


def test_every_package_is_installed():
    """Each folder of lkjip/ with an __init__.py is listed in pyproject.toml, so `pip install .` ships it."""
    import tomllib
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"])
    packages = {".".join(p.parent.relative_to(REPO).parts) for p in PACKAGE.rglob("__init__.py")}
    assert packages <= listed, sorted(packages - listed)


STAGES = ("source", "schema", "core", "check", "views", "render", "print", "record", "diff", "authoring", "preview")
"""The stages a reader finds in the tree: read, validate (schema), compute (core), check, views, render, print,
the official record; and the commands built on them."""


def test_the_tree_shows_the_stages_and_few_modules_stay_loose():
    loose = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in ("__init__", "__main__", "cli", "pipeline"))
    assert len(loose) <= 8, loose
    assert all((PACKAGE / stage / "__init__.py").is_file() for stage in STAGES)


def test_the_check_stage_never_renders():
    """Comparing printed with computed figures needs no page: nothing in check/ imports render/ or print/."""
    for path in (PACKAGE / "check").rglob("*.py"):
        _, found = _imports(path)
        assert not {m for m in found if m.split(".")[:2] in (["lkjip", "render"], ["lkjip", "print"])}, path


REMOVED_HTML_SCRAPERS = (r"\b_TABLE\b", r"\b_SITE_FIGURE\b", r"\b_LANDSCAPE\b", r"\bnumber_figures\b",
                         r"\b_numbered_figures\b", r"\b_split_title\b", r"\b_back_links\b", r'find\("<h[1-6]',
                         r'replace\("<h[1-6]', r"findall\(r?'<figure", r"data-judul=\"\(",
                         r"\bgroup_signatures\b", r"\b_SIGNATURE\b", r"\b_PARAGRAPH\b", r"\b_TAGS\b",
                         r"\b_BLOCK_START\b", r"\b_INTRODUCES_LANDSCAPE\b", r"\b_HEADING_BEFORE\b",
                         r"\b_introductions_with_their_table\b", r"\b_ID\b",
                         r"\b_HREF\b", r"\b_localise\b", r"\btighten\b")
"""Names and calls that read the Daftar Tabel and Daftar Gambar, figure numbers and ids, landscape
starts, the site's title and sections, the grouping of signatures and the introductions of landscape
tables back from generated HTML, anywhere in render/ and print/."""


def test_page_facts_come_from_the_typed_blocks_not_from_generated_html():
    """Those facts are read from the typed page model (`lkjip.render.document`), which rendering records
    from the tokens; none of the regular expressions that once read them back from HTML returns."""
    found = [f"{path.relative_to(REPO)}: {pattern}" for folder in ("render", "print")
             for path in sorted((PACKAGE / folder).rglob("*.py"))
             for pattern in REMOVED_HTML_SCRAPERS if re.search(pattern, path.read_text("utf-8"))]
    document = (PACKAGE / "print" / "document.py").read_text("utf-8")
    found += [name for name in ("_FIGURE", "html.unescape") if re.search(rf"\b{re.escape(name)}\b", document)]
    assert found == []


DOCUMENT_MODULES = ("lkjip.domain", "lkjip.domain.laporan", "lkjip.domain.struktur")
"""What the engine may import from the domain besides the Subject protocol: the registry of subjects
(`domain.SUBJECTS`), the report itself (`domain.laporan`: its title, year, status and signature, which
every stage and page shows) and the outline of an LKjIP (`domain.struktur`, which the reading order
follows). Every other piece of LKjIP knowledge reaches the engine through a `Subject`."""


def test_the_engine_reaches_the_subjects_only_through_the_subject_protocol():
    domain_modules = {".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
                      for p in (PACKAGE / "domain").rglob("*.py")}

    def allowed(target: str) -> bool:
        if target in DOCUMENT_MODULES:
            return True
        parent = target.rsplit(".", 1)[0]
        return parent in DOCUMENT_MODULES and target not in domain_modules  # a name from an allowed module
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.is_relative_to(PACKAGE / "domain") or path.is_relative_to(PACKAGE / "authoring"):
            continue
        _, imports = _imports(path)
        found += [f"{path.relative_to(REPO)}: {t}" for t in sorted(imports)
                  if t.startswith("lkjip.domain") and not allowed(t)]
    assert found == []


def test_next_year_rules_belong_to_the_subjects():
    """`baru --dari` applies each subject's own rule; the authoring package holds no subject's knowledge of it."""
    _, imports = _imports(PACKAGE / "authoring" / "nextdata.py")
    assert not [t for t in imports if t.startswith("lkjip.domain")]
