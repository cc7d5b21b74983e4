#!/usr/bin/env bash
# Sets up everything the tests need on a fresh Debian machine, then runs the linter and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  # The form's browser tests use Debian's Chromium; nothing downloads a browser of its own.
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
# The form-library tests run SurveyJS and RJSF in node (>= 20), packages pinned in tests/js/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm >/dev/null; fi
fi
if ! cmp -s tests/js/package-lock.json tests/js/node_modules/.installed-lock.json; then
  npm ci --prefix tests/js --ignore-scripts --no-audit --no-fund --loglevel=error
  cp tests/js/package-lock.json tests/js/node_modules/.installed-lock.json
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m hds_api check
.venv/bin/python -m pytest "$@"
