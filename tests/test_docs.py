"""The documentation: the data reference in docs/ is what `python build.py skema` prints from the
schemas today; every relative link of the README and docs/ leads to a file (and heading) that
exists; the README links every page of docs/; and the README keeps the two set-up commands the
newcomer's-machine scripts run, under the heading they are found by."""
import re
from pathlib import Path

import pytest

from lkjip.cli import main

from conftest import REPO

DOCS = REPO / "docs"
REFERENCE = DOCS / "data-reference.md"
REGENERATE = "python build.py skema > docs/data-reference.md"
PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]

LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^ *```.*?^ *```", re.S | re.M)
CODE = re.compile(r"`[^`\n]*`")


def test_the_data_reference_is_what_skema_prints(capsys):
    assert main(["skema"]) == 0
    printed = capsys.readouterr().out
    assert REFERENCE.read_text("utf-8") == printed, f"docs/data-reference.md is stale; regenerate with: {REGENERATE}"


def _prose(path: Path) -> str:
    """The page without its code: links inside code blocks and code spans are examples, not links."""
    return CODE.sub("", FENCE.sub("", path.read_text("utf-8")))


def _anchors(path: Path) -> set[str]:
    """The ids GitHub gives the page's headings: lower case, punctuation but hyphens dropped,
    spaces as hyphens, a repeated one numbered (-1, -2, ...)."""
    seen: dict[str, int] = {}
    ids = set()
    for line in FENCE.sub("", path.read_text("utf-8")).splitlines():
        heading = re.match(r"#{1,6} +(.+?)(?: +#+)? *$", line)
        if heading:
            slug = re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-")
            ids.add(f"{slug}-{seen[slug]}" if slug in seen else slug)
            seen[slug] = seen.get(slug, 0) + 1
    return ids


def _links(path: Path) -> list[str]:
    return [t for t in LINK.findall(_prose(path)) if not re.match(r"[a-z][a-z0-9+.-]*:", t)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(page):
    broken = []
    for target in _links(page):
        where, _, anchor = target.partition("#")
        file = (page.parent / where).resolve() if where else page
        if not file.exists() or not file.is_relative_to(REPO):
            broken.append(f"{target}: no file {where}")
        elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
            broken.append(f"{target}: no heading '#{anchor}' in {file.relative_to(REPO)}")
    assert broken == []


def test_the_readme_links_every_page_of_docs():
    linked = {(REPO / t.partition("#")[0]).resolve() for t in _links(REPO / "README.md") if not t.startswith("#")}
    assert [p.name for p in DOCS.glob("*.md") if p.resolve() not in linked] == []


def test_the_readme_keeps_the_two_set_up_commands_the_fresh_machine_scripts_run():
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("\n## Set-up: two commands\n", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    commands = [line for line in block.splitlines() if line and not line.startswith("#")]
    assert commands == ['python -m pip install -e ".[test]" && python build.py', "python -m pytest"]
    script = (REPO / "bench/fresh_machine.sh").read_text("utf-8")
    assert "sh -c 'python -m pip install -q -e \".[test]\" && python build.py'" in script   # the first, quiet
    assert "python -m pytest -q -p no:cacheprovider" in script                              # the second, quiet
