#!/usr/bin/env bash
# Installs the runtime dependencies and serves hds-scope with gunicorn (settings: gunicorn.conf.py, README).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/debian.sh
make_venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
exec .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app
