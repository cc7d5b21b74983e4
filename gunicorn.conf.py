"""gunicorn settings: `gunicorn -c gunicorn.conf.py wsgi:app` (what `bash scripts/serve.sh` runs).

Each value comes from an environment variable with a safe default; the README lists them. The service is meant
to run behind a reverse proxy that buffers requests (nginx, a load balancer): sync workers hold one connection
each, so a client that sends slowly would hold a worker until `timeout` without one.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


# Loopback by default: exposing the service is a deliberate choice (HDS_BIND=0.0.0.0:8000 behind a proxy).
bind = os.environ.get("HDS_BIND", "127.0.0.1:8000")
# Sync workers: an assessment is CPU-bound and short; one worker per core, at least two, so that one worker
# lost (killed, recycled, busy with a big batch) never leaves the service without one.
workers = _int("HDS_WORKERS", max(2, multiprocessing.cpu_count()))
# A request taking longer than this is killed with its worker (the master starts another). The slowest legitimate
# request, a batch of HDS_BATCH_MAX_ITEMS items in full detail, takes a few seconds on one core.
timeout = _int("HDS_TIMEOUT", 30)
# SIGTERM (a deploy, `docker stop`): the master stops accepting, workers finish the request in hand and exit;
# one still busy after this long is killed. Keep it below the supervisor's own stop timeout (docker: 10 s by
# default, Kubernetes: terminationGracePeriodSeconds, 30 s).
graceful_timeout = _int("HDS_GRACEFUL_TIMEOUT", 25)
# Recycle each worker after this many requests (plus up to the jitter, so they do not all restart at once):
# a bound on any slow leak. With the app preloaded, a new worker is a fork: milliseconds, no request lost
# (connections wait in the listen backlog). 0 turns recycling off.
max_requests = _int("HDS_MAX_REQUESTS", 10_000)
max_requests_jitter = _int("HDS_MAX_REQUESTS_JITTER", 1_000)
# Load the app (and so validate the trees and settings) in the master: a broken tree or a bad setting stops
# start-up, with its name, before any worker exists and before anything listens.
preload_app = True
# Worker heartbeats in memory rather than on a disk that may be slow or read-only (containers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The app writes its own JSON access log (hds_api.request_log, HDS_ACCESS_LOG); gunicorn's would repeat it.
accesslog = None
errorlog = "-"
# Request line and headers stay small; the body limits are the app's (HDS_MAX_BODY_BYTES...).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
