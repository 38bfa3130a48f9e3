"""`python -m lkjip`: the same command line as `lkjip` and `python build.py`."""
from .cli import console

console()
