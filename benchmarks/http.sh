#!/usr/bin/env bash
# HTTP throughput of the service against a bare Flask floor (see benchmarks/http_throughput.py).
# Needs wrk (Debian package). Options: --rounds N --seconds N --workers N --connections N
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
exec .venv/bin/python benchmarks/http_throughput.py "$@"
