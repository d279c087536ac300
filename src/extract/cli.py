"""Command line: ``python -m extract PATH...``, ``evaluate`` and ``add``."""
from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to a subcommand, or extract facts from the given paths."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        from extract.evaluate import main as evaluate_main

        return evaluate_main(argv[1:])
    if argv and argv[0] == "add":
        from extract.corpus import main as add_main

        return add_main(argv[1:])
    from extract.run import main as run_main

    return run_main(argv)
