"""The bundled program's entry point: the `mars` command (no arguments: the window)."""

import sys

from mars_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
