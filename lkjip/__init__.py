"""lkjip: compile an Indonesian government performance report (LKjIP) from YAML data and
Markdown chapters into a static site and a print PDF."""

__version__ = "0.2.0"
