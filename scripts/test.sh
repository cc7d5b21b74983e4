#!/usr/bin/env bash
# Sets up everything the tests need on a fresh Debian machine, then runs the linter and every test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/debian.sh
# Debian's own programs the tests run, never downloaded ones: Chromium (the form's browser tests), nginx (the
# front door of deploy/, run from a temporary directory), systemd-analyze (which checks deploy/'s unit) and node
# with npm (the form-library tests run SurveyJS and RJSF, the OpenAPI document is linted by Redocly CLI, all pinned
# in tests/js/package-lock.json; node >= 20).
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} = 0 ] || apt_install "${missing[@]}"
if ! cmp -s tests/js/package-lock.json tests/js/node_modules/.installed-lock.json; then
  npm ci --prefix tests/js --ignore-scripts --no-audit --no-fund --loglevel=error
  cp tests/js/package-lock.json tests/js/node_modules/.installed-lock.json
fi
make_venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m hds_api check
.venv/bin/python -m pytest "$@"
