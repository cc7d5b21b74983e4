"""The command line: one sub-command per module of `hds_api.cli.commands`."""

from __future__ import annotations

import argparse
import sys

from .commands import assess, batch, check, docs, impact

# Each module offers `register(subparsers)`, whose parser sets `run(args) -> exit code`.
COMMANDS = [check, assess, docs, batch, impact]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hds_api",
        description="hds-scope: does French law require an HDS certificate for this hosting service?",
    )
    parser.add_argument("--rules", metavar="DIR", help="decision trees directory (default: decision_trees/)")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `… | head` closed the pipe: not an error of ours
        sys.stderr.close()
        return 0
