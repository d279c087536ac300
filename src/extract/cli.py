"""Command line: ``python -m extract [extract] PATH...``, ``evaluate``, ``add``, ``table`` and ``render``.

Each subcommand owns its options (``python -m extract table -h``); this module only lists them and
dispatches. A first argument that names no subcommand is a path: ``python -m extract seeds/`` extracts.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from extract import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "extract": ("extract.run", "one JSON line of facts per article (the default: `python -m extract PATH...`)"),
    "evaluate": ("extract.evaluate", "score facts against hand gold (precision, recall, F1)"),
    "add": ("extract.corpus", "add articles (.txt, .html, or - for stdin) to the corpus, with draft gold"),
    "table": ("extract.table", "facts JSONL → Excel workbook, or CSV/Parquet files, one table per kind"),
    "render": ("extract.render", "facts JSONL → one HTML page per article with its facts highlighted"),
}


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser: one subparser per command, each forwarding its arguments to its module."""
    parser = argparse.ArgumentParser(
        prog="python -m extract",
        description="Structured, verifiable facts from French-language press articles.",
        epilog="`python -m extract PATH...` is short for `python -m extract extract PATH...`; "
        "`python -m extract COMMAND -h` describes a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for name, (_, summary) in COMMANDS.items():
        command = commands.add_parser(name, help=summary, description=summary, add_help=False)
        command.add_argument("args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to a subcommand's ``main``; arguments that name no subcommand are paths to extract."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        build_parser().print_help(sys.stderr)
        print("error: give a command or the articles to extract", file=sys.stderr)
        return 2
    if argv[0] in ("-h", "--help", "--version"):
        build_parser().parse_args(argv)
        return 0
    name = argv[0] if argv[0] in COMMANDS else "extract"
    rest = argv[1:] if argv[0] in COMMANDS else argv
    module = importlib.import_module(COMMANDS[name][0])
    return module.main(rest)
