#!/usr/bin/env bash
# Before a release (not in CI; tens of minutes): the long fuzzing runs.
#   1. tests/hardening/test_fuzz.py with Hypothesis' `release` profile (3,000 examples a test instead of 80);
#   2. schemathesis' command line against the service under gunicorn (gunicorn.conf.py, 127.0.0.1, a free port):
#      every operation, every check, every phase, EXAMPLES examples an operation. As in tests/web/api/
#      test_schemathesis.py, positive_data_acceptance is left out on the batch and impact operations only: fuzzed
#      bytes are no workbook, and an impact report's `to` before its `from` is an order no schema can state.
#   bash scripts/fuzz-release.sh [EXAMPLES]   (default 2000); reports in benchmarks/out/fuzz-release/
set -euo pipefail
cd "$(dirname "$0")/.."
EXAMPLES=${1:-2000}
OUT=benchmarks/out/fuzz-release
mkdir -p "$OUT"

HYPOTHESIS_PROFILE=release .venv/bin/python -m pytest -q tests/hardening/test_fuzz.py

PORT=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
HDS_BIND="127.0.0.1:$PORT" HDS_ACCESS_LOG=off .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app 2>"$OUT/server.log" &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break; sleep 0.1; done

SPEC="http://127.0.0.1:$PORT/openapi.json"
COMMON=(--checks all --max-examples "$EXAMPLES" --workers 2 --report junit --report-dir "$OUT")
TABLES='^/v1/assessments/(batch|impact)$'
.venv/bin/schemathesis run "$SPEC" "${COMMON[@]}" --exclude-path-regex "$TABLES"
.venv/bin/schemathesis run "$SPEC" "${COMMON[@]}" --include-path-regex "$TABLES" \
  --exclude-checks positive_data_acceptance
if grep -q "Traceback" "$OUT/server.log"; then echo "the server logged a traceback: $OUT/server.log" >&2; exit 1; fi
echo "fuzz-release: no failure"
