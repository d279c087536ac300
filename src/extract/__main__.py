"""Entry point for ``python -m extract`` (and the ``extract`` script): signals end a run cleanly."""
from __future__ import annotations

import os
import signal
import sys
from types import FrameType

from extract.cli import main

_MAIN_PID = os.getpid()


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C, so temporary files are removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: FrameType | None) -> None:
    if os.getpid() != _MAIN_PID:  # a forked worker: Ctrl-C is the parent's to handle; SIGTERM ends it quietly
        if signum != signal.SIGINT:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
        return
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


def run() -> int:
    """Run the command line; an interrupt or termination prints one line (exit 130, or 128 + signal),
    and so does an unexpected failure (exit 3)."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _on_signal)
    try:
        return main()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Terminated as stop:
        print(f"terminated ({signal.Signals(stop.signum).name})", file=sys.stderr)
        return 128 + stop.signum
    except Exception as err:  # noqa: BLE001 - a bug, not bad input: one line, and the traceback on request
        if os.environ.get("EXTRACT_DEBUG"):
            raise
        print(f"error: internal failure ({type(err).__name__}: {err}); please report it, "
              f"with EXTRACT_DEBUG=1 set for the details", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(run())
