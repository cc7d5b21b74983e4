"""What the hardening tests share beyond tests/support.py: one complete assessment."""

from __future__ import annotations

from ..answers import MANAGED_SERVICES_REQUIRED

COMPLETE = MANAGED_SERVICES_REQUIRED
