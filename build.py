"""Entry point: `python build.py` builds the report; see `python build.py --help`."""
import sys

from lkjip.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
