"""`diff`: what a revision changes in the report's data, computed figures, prose and check status.

The stages, in import order: `git` reads a revision from Git's objects; `revision` loads it
as `check` does, keeping whatever each stage produced; `data`, `figures`, `prose` and
`status` compare two revisions; `changes` gathers the result; `to_html`, `to_md` and
`to_json` lay it out; `fetch` and `command` serve the command line.
"""
