"""`assess FILE|-`: evaluate one JSON request and print the result as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from ...exceptions import InvalidRequest, error_body
from ...i18n import default_language
from . import USAGE_ERROR, rules_or_report

REQUEST_FIELDS = ("answers", "as_of", "lang", "current_certification")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "assess", help="assess one JSON request {answers, as_of?, lang?, current_certification?}"
    )
    parser.add_argument("request", metavar="FILE", help="JSON request file, or - for standard input")
    parser.set_defaults(run=run)


def _fail(message: str, errors: dict | None = None) -> int:
    body = error_body(422, message, errors)
    print(json.dumps(body, ensure_ascii=False, indent=2), file=sys.stderr)
    return USAGE_ERROR


def run(args: argparse.Namespace) -> int:
    try:
        text = sys.stdin.read() if args.request == "-" else open(args.request, encoding="utf-8").read()
    except (OSError, UnicodeDecodeError) as error:
        return _fail(f"cannot read {args.request}: {error}")
    try:
        request = json.loads(text)
    except json.JSONDecodeError as error:
        return _fail(f"malformed JSON: {error}")
    if not isinstance(request, dict):
        return _fail("the request must be a JSON object", {"(top)": {"message": "must be an object"}})
    unknown = sorted(request.keys() - set(REQUEST_FIELDS))
    if unknown:
        errors = {field: {"message": "unknown field", "allowed": list(REQUEST_FIELDS)} for field in unknown}
        return _fail("the request has unknown fields", errors)
    rules = rules_or_report(args)
    if rules is None:
        return 1
    try:
        result = rules.evaluate(
            request.get("answers", {}),
            request.get("as_of"),
            request.get("current_certification"),
            request.get("lang", default_language()),
        )
    except InvalidRequest as error:
        return _fail(error.message, error.errors)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0
