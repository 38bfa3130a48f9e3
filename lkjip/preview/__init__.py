"""Live preview: `python build.py serve` builds the site in memory, serves it on 127.0.0.1 and
rebuilds it whenever a file of the report is saved. Standard library only."""
