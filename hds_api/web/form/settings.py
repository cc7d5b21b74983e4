"""Who may frame the form and who receives its results: origins from configuration, checked at start-up."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from flask import Flask

from ...origins import parse_origins, split
from ...settings import SettingsError

# A CSP source for frame-ancestors: an origin, possibly with a `*.` host wildcard, or a keyword.
FRAME_SOURCE = re.compile(r"^(https?://(\*\.)?[A-Za-z0-9.-]+(:([0-9]{1,5}|\*))?|'self'|'none')$")


def parse_allowed_origins(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The origins the finished result is posted to; a wildcard would leak results, so it is refused."""
    try:
        return parse_origins(value)
    except ValueError as error:
        raise SettingsError(f"HDS_FORM_ALLOWED_ORIGINS: {error}") from None


def parse_frame_ancestors(value: str | Iterable[str] | None, allowed_origins: tuple[str, ...]) -> tuple[str, ...]:
    """The CSP frame-ancestors sources: as configured, or (unset or empty) the page itself and the allowed origins."""
    sources = split(value) or ["'self'", *allowed_origins]
    bad = [source for source in sources if not FRAME_SOURCE.match(source)]
    if bad:
        raise SettingsError(f"HDS_FORM_FRAME_ANCESTORS: not a frame-ancestors source: {', '.join(bad)}")
    if "'none'" in sources and len(sources) > 1:
        raise SettingsError("HDS_FORM_FRAME_ANCESTORS: 'none' cannot be combined with other sources")
    return tuple(dict.fromkeys(sources))


def init_settings(app: Flask) -> None:
    """Read the form's settings (app config first, then the environment) and keep them parsed on the app.

    Read here rather than in `hds_api.settings` because the frame-ancestors default depends on the allowed origins.
    """
    app.config.setdefault("FORM_ALLOWED_ORIGINS", os.environ.get("HDS_FORM_ALLOWED_ORIGINS"))
    app.config.setdefault("FORM_FRAME_ANCESTORS", os.environ.get("HDS_FORM_FRAME_ANCESTORS"))
    allowed = parse_allowed_origins(app.config["FORM_ALLOWED_ORIGINS"])
    app.extensions["hds_form"] = {
        "allowed_origins": allowed,
        "frame_ancestors": parse_frame_ancestors(app.config["FORM_FRAME_ANCESTORS"], allowed),
    }
