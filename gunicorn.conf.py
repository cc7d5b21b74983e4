"""gunicorn settings; every value can be overridden from the environment (see README)."""

import os

bind = os.environ.get("HDS_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("HDS_WORKERS", "2"))
# Load the app (and so validate the trees) in the master: a broken tree stops start-up before any worker.
preload_app = True
accesslog = "-"
