#!/usr/bin/env bash
# Restarts the hds-scope instances behind nginx one at a time, so that new settings (/etc/hds-scope/env) or code
# are served without a request refused: `sudo deploy/rolling-restart.sh [PORT...]` (default: 8000 8001, the
# instances of deploy/nginx-hds-scope.conf). New rules alone need no restart: `systemctl reload hds-scope@8000
# hds-scope@8001`. The rules are checked first; each instance must answer /ready before the next is
# touched. At the first one that does not come back the script stops: the others keep serving what they had.
set -euo pipefail
cd "$(dirname "$0")/.."
ports=("$@")
[ ${#ports[@]} -gt 0 ] || ports=(8000 8001)

rules_dir=$(sed -n 's/^HDS_RULES_DIR=//p' /etc/hds-scope/env 2>/dev/null | tail -n 1 || true)
runuser -u hds-scope -- .venv/bin/python -m hds_api ${rules_dir:+--rules "$rules_dir"} check

for port in "${ports[@]}"; do
  # SIGTERM: the instance's requests in hand finish; nginx sends the new ones to the other instance.
  if ! systemctl restart "hds-scope@$port" || ! curl -fsS -o /dev/null --retry 30 --retry-delay 1 \
      --retry-connrefused --max-time 5 "http://127.0.0.1:$port/ready"; then
    echo "hds-scope@$port is not ready: stopped here (journalctl -u hds-scope@$port)" >&2
    exit 1
  fi
  echo "hds-scope@$port restarted and ready"
done
