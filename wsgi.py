"""WSGI entry point: `gunicorn -c gunicorn.conf.py wsgi:app`.

Rules that do not validate, or a setting the service cannot run with, stop start-up here (gunicorn preloads the
app in its master, before it listens): one message naming every problem, exit status 1, never a half-served app.

Once the app is built, `gc.freeze()` moves everything it holds (the compiled rules, the modules) out of the garbage
collector's reach: workers forked from the master never scan those objects again, so their collections stay short,
and the pages holding them stay shared between workers instead of being copied when a collection touches them.
"""

import gc
import sys

from hds_api import create_app
from hds_api.rules import RulesError
from hds_api.settings import SettingsError

try:
    app = create_app()
except (RulesError, SettingsError) as error:
    print(f"hds-scope cannot start: {error}", file=sys.stderr, flush=True)
    raise SystemExit(1) from None
gc.freeze()
