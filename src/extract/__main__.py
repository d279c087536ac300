"""Entry point for ``python -m extract`` (and the ``extract`` script): signals end a run cleanly."""
from __future__ import annotations

import signal
import sys
from types import FrameType

from extract.cli import main


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C, so temporary files are removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


def run() -> int:
    """Run the command line; an interrupt or termination prints one line (exit 130, or 128 + signal)."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _terminate)
    try:
        return main()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Terminated as stop:
        print(f"terminated ({signal.Signals(stop.signum).name})", file=sys.stderr)
        return 128 + stop.signum


if __name__ == "__main__":
    sys.exit(run())
