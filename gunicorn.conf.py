"""gunicorn settings: `gunicorn -c gunicorn.conf.py wsgi:app` (what `bash scripts/serve.sh` runs).

Each value comes from an environment variable with a safe default (`hds_api.settings.SERVER_SETTINGS`; the README
lists them), checked here: a bad one stops gunicorn with one line naming it, before anything listens. The
service is meant to run behind a reverse proxy that buffers requests (nginx, a load balancer): sync workers hold
one connection each, so a client that sends slowly would hold a worker until `timeout` without one.
"""

import os
import sys

from hds_api.settings import SettingsError, server_settings

try:
    _settings = server_settings()
except SettingsError as error:
    print(f"hds-scope cannot start: {error}", file=sys.stderr, flush=True)
    raise SystemExit(1) from None  # gunicorn would print a traceback for any other exception

# Loopback by default: exposing the service is a deliberate choice (HDS_BIND=0.0.0.0:8000 behind a proxy).
bind = _settings["bind"]
# Sync workers: an assessment is CPU-bound and short; one worker per core, at least two, so that one worker
# lost (killed, recycled, busy with a big batch) never leaves the service without one. The class is gunicorn's
# sync worker, answering the errors gunicorn answers itself (bad request line, 414, 431) in the JSON error shape.
workers = _settings["workers"]
worker_class = "hds_api.web.gunicorn_worker.JsonErrorsWorker"
# A request taking longer than this is killed with its worker (the master starts another). The slowest legitimate
# request, a batch of HDS_BATCH_MAX_ITEMS items in full detail, takes a few seconds on one core.
timeout = _settings["timeout"]
# SIGTERM (a deploy, `docker stop`): the master stops accepting, workers finish the request in hand and exit;
# one still busy after this long is killed. Keep it below the supervisor's own stop timeout (docker: 10 s by
# default, Kubernetes: terminationGracePeriodSeconds, 30 s).
graceful_timeout = _settings["graceful_timeout"]
# Recycle each worker after this many requests (plus up to the jitter, so they do not all restart at once):
# a bound on any slow leak. With the app preloaded, a new worker is a fork: milliseconds, no request lost
# (connections wait in the listen backlog). 0 turns recycling off.
max_requests = _settings["max_requests"]
max_requests_jitter = _settings["max_requests_jitter"]
# Load the app (and so validate the trees and settings) in the master: a broken tree or a bad setting stops
# start-up, with its name, before any worker exists and before anything listens. `kill -HUP` builds the app
# again in the master (`hds_api.web.reload`): new rules, or the old ones if the new ones are broken.
preload_app = True


def on_reload(arbiter):
    """gunicorn's hook, called on HUP before the new workers fork (imported here: a bad setting stops at once)."""
    from hds_api.web.reload import on_reload as reload_app

    reload_app(arbiter)


# No control socket: gunicorn would otherwise open one at $XDG_RUNTIME_DIR/gunicorn.ctl or
# ~/.gunicorn/gunicorn.ctl, shared by every instance of the same user, through which anyone with that user's
# rights could add or kill workers or stop the service. Signals to the master do all an operator needs.
control_socket_disable = True
# Worker heartbeats in memory rather than on a disk that may be slow or read-only (containers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# The app writes its own JSON access log (web.middleware.access_log, HDS_ACCESS_LOG); gunicorn's would repeat it.
accesslog = None
errorlog = "-"
# Request line and headers stay small; the body limits are the app's (HDS_MAX_BODY_BYTES...).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
