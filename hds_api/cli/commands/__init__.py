"""Sub-commands of `python -m hds_api`, one module each."""

from __future__ import annotations

import argparse
import sys

from ...rules import Rules, RulesError, load_rules

USAGE_ERROR = 2  # as argparse exits on a bad command line


def rules_or_report(args: argparse.Namespace) -> Rules | None:
    """The rules of `--rules` (default: decision_trees/), or None after printing every problem on stderr."""
    try:
        return load_rules(args.rules)
    except RulesError as error:
        print(error, file=sys.stderr)
        return None
