"""Entry point: `python build.py` builds the report in this folder; see `python build.py --help`."""
import sys
from pathlib import Path

from lkjip.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], default_dir=Path(__file__).resolve().parent))
