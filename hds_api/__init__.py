"""hds-scope: tells whether French law requires an HDS certificate, for which activities, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

__version__ = "0.1.0"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the web application (see `hds_api.web.app`); imported lazily so the engine never loads Flask."""
    from .web.app import create_app as build

    return build(config)
