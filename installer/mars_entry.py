"""The bundled program's entry point: the `mars` command (no arguments: the window).

On Windows the same entry also makes `mars-gui.exe`, a windowed program the Start menu
starts without a console window. Such a program has no standard output or error at all; the
command line and the native-log redirection need both, so they go to the null device.
"""

import os
import sys


def _streams_for_a_windowed_program() -> None:
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        setattr(sys, name, open(fd, "w", encoding="utf-8", errors="replace", closefd=False))  # noqa: SIM115


if __name__ == "__main__":
    _streams_for_a_windowed_program()
    from mars_desktop.cli import main

    sys.exit(main())
