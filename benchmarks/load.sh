#!/usr/bin/env bash
# Load test (a benchmark, not part of the test suite): the service under gunicorn with its own configuration on
# 127.0.0.1, wrk for 60 s at 64 connections on POST /v1/assessments with complete, incomplete and invalid bodies
# (benchmarks/load.lua). Prints throughput, p50/p99 latency, status classes and socket errors, and the RSS of
# each worker after warm-up and at the end. Exit 1 on any 5xx, any socket error, a worker replaced during the
# run, or a worker whose RSS grew by more than 10%.
#   bash benchmarks/load.sh [SECONDS] [CONNECTIONS]     (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-60}
CONNECTIONS=${2:-64}
command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
OUT=benchmarks/out
mkdir -p "$OUT"
PORT=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# Recycling off for the run, so that the workers measured at the end are the ones measured at the start; the
# access log on (to a file), as in production.
HDS_BIND="127.0.0.1:$PORT" HDS_MAX_REQUESTS=0 .venv/bin/gunicorn -c gunicorn.conf.py wsgi:app \
  >"$OUT/load-access.log" 2>"$OUT/load-server.log" &
SERVER=$!
trap 'kill -TERM "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT

for _ in $(seq 300); do  # at most 30 s
  curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/load-server.log" >&2; exit 1; }
  sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null || { echo "the service did not become ready" >&2; exit 1; }

workers() { cat "/proc/$SERVER/task/$SERVER/children"; }
rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

URL="http://127.0.0.1:$PORT/v1/assessments"
wrk -t1 -c"$CONNECTIONS" -d5s -s benchmarks/load.lua "$URL" >/dev/null  # warm-up: imports, caches, allocator
START_WORKERS=$(workers)
declare -A START_RSS
for pid in $START_WORKERS; do START_RSS[$pid]=$(rss_kib "$pid"); done
: >"$OUT/load-access.log"

echo "wrk: ${SECONDS_RUN}s, $CONNECTIONS connections, $(echo $START_WORKERS | wc -w) workers, $(nproc) cores"
wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 5s -s benchmarks/load.lua "$URL" | tee "$OUT/load-wrk.txt"

status=0
END_WORKERS=$(workers)
if [ "$(echo $START_WORKERS)" != "$(echo $END_WORKERS)" ]; then
  echo "FAIL: workers changed during the run ($START_WORKERS -> $END_WORKERS)"; status=1
fi
for pid in $START_WORKERS; do
  [ -e "/proc/$pid/status" ] || continue
  start=${START_RSS[$pid]}; end=$(rss_kib "$pid")
  echo "RSS worker $pid: start ${start} KiB, end ${end} KiB ($(( (end - start) )) KiB)"
  if [ "$end" -gt $(( start * 110 / 100 )) ]; then echo "FAIL: worker $pid grew by more than 10%"; status=1; fi
done
echo "access log lines: $(wc -l <"$OUT/load-access.log")"
grep -q "LOAD .*5xx=0$" "$OUT/load-wrk.txt" || { echo "FAIL: 5xx answers"; status=1; }
grep -q "LOAD socket_errors=0 " "$OUT/load-wrk.txt" || { echo "FAIL: socket errors"; status=1; }
[ "$status" = 0 ] && echo "OK: no 5xx, no socket error, workers kept, memory flat"
exit "$status"
