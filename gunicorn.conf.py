"""gunicorn settings: `gunicorn -c gunicorn.conf.py wsgi:app` (what `bash scripts/serve.sh` runs).

Each value comes from an environment variable with a safe default; the README lists them.
"""

import multiprocessing
import os

# Loopback by default: exposing the service is a deliberate choice (HDS_BIND=0.0.0.0:8000 behind a proxy).
bind = os.environ.get("HDS_BIND", "127.0.0.1:8000")
# Sync workers: an assessment is CPU-bound and short; one worker per core, at least two.
workers = int(os.environ.get("HDS_WORKERS") or max(2, multiprocessing.cpu_count()))
timeout = int(os.environ.get("HDS_TIMEOUT", "30"))
# Load the app (and so validate the trees) in the master: a broken tree stops start-up before any worker.
preload_app = True
# Access log to stdout, errors to stderr: the process supervisor collects both.
accesslog = os.environ.get("HDS_ACCESS_LOG", "-") or None
errorlog = "-"
# Request line and headers stay small; the body limit is the app's (HDS_MAX_BODY_BYTES).
limit_request_line = 8190
limit_request_fields = 100
