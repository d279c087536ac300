"""Entry point for ``python -m extract`` (and the ``extract`` script): signals end a run cleanly."""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from types import FrameType

from extract.cli import main
from extract.fileio import remove_open_temporaries

_MAIN_PID = os.getpid()


def _on_signal(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C, SIGTERM, SIGHUP: remove the temporary files, say so in one line, exit 128 + signal.

    The process ends here rather than by an exception, which a library's bare ``except:`` could swallow.
    """
    if os.getpid() != _MAIN_PID:  # a forked worker: Ctrl-C is the parent's to handle; SIGTERM ends it quietly
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        return
    for worker in multiprocessing.active_children():  # --jobs: end the workers too, quietly
        with contextlib.suppress(OSError):
            os.kill(worker.pid, signal.SIGTERM)
    remove_open_temporaries()
    said = "interrupted" if signum == signal.SIGINT else f"terminated ({signal.Signals(signum).name})"
    os.write(2, f"{said}\n".encode())  # no buffered stream: the signal may have interrupted one
    os._exit(128 + signum)


def run() -> int:
    """Run the command line; a signal ends it in one line (exit 130 for Ctrl-C, 128 + signal), and so does
    an unexpected failure (exit 3)."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _on_signal)
    try:
        return main()
    except Exception as err:  # noqa: BLE001 - a bug, not bad input: one line, and the traceback on request
        if os.environ.get("EXTRACT_DEBUG"):
            raise
        print(f"error: internal failure ({type(err).__name__}: {err}); please report it, "
              f"with EXTRACT_DEBUG=1 set for the details", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(run())
