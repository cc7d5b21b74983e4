"""Who may frame the form and who receives its results: origins from configuration, checked at start-up."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from flask import Flask

from ..config import SettingsError

# A serialised origin, exactly as `window.origin` spells it: results are posted to these and nowhere else.
ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
# A CSP source for frame-ancestors: an origin, possibly with a `*.` host wildcard, or a keyword.
FRAME_SOURCE = re.compile(r"^(https?://(\*\.)?[A-Za-z0-9.-]+(:([0-9]{1,5}|\*))?|'self'|'none')$")


def _split(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    return [item.strip().rstrip("/") for item in value if item.strip()]


def _serialised(origin: str) -> str:
    """The origin as a browser spells it (lower case, no default port), so that comparing strings is enough."""
    origin = origin.lower()
    for scheme, port in (("http", ":80"), ("https", ":443")):
        if origin.startswith(f"{scheme}://") and origin.endswith(port):
            return origin.removesuffix(port)
    return origin


def parse_allowed_origins(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The origins the finished result is posted to; a wildcard would leak results, so it is refused."""
    origins = _split(value)
    bad = [origin for origin in origins if not ORIGIN.match(origin)]
    if bad:
        raise SettingsError(f"HDS_FORM_ALLOWED_ORIGINS: not an origin (scheme://host[:port]): {', '.join(bad)}")
    return tuple(dict.fromkeys(_serialised(origin) for origin in origins))


def parse_frame_ancestors(value: str | Iterable[str] | None, allowed_origins: tuple[str, ...]) -> tuple[str, ...]:
    """The CSP frame-ancestors sources: as configured, or (unset or empty) the page itself and the allowed origins."""
    sources = _split(value) or ["'self'", *allowed_origins]
    bad = [source for source in sources if not FRAME_SOURCE.match(source)]
    if bad:
        raise SettingsError(f"HDS_FORM_FRAME_ANCESTORS: not a frame-ancestors source: {', '.join(bad)}")
    if "'none'" in sources and len(sources) > 1:
        raise SettingsError("HDS_FORM_FRAME_ANCESTORS: 'none' cannot be combined with other sources")
    return tuple(dict.fromkeys(sources))


def init_settings(app: Flask) -> None:
    """Read the form's settings (app config first, then the environment) and keep them parsed on the app.

    Read here rather than in `hds_api.config` because the frame-ancestors default depends on the allowed origins.
    """
    app.config.setdefault("FORM_ALLOWED_ORIGINS", os.environ.get("HDS_FORM_ALLOWED_ORIGINS"))
    app.config.setdefault("FORM_FRAME_ANCESTORS", os.environ.get("HDS_FORM_FRAME_ANCESTORS"))
    allowed = parse_allowed_origins(app.config["FORM_ALLOWED_ORIGINS"])
    app.extensions["hds_form"] = {
        "allowed_origins": allowed,
        "frame_ancestors": parse_frame_ancestors(app.config["FORM_FRAME_ANCESTORS"], allowed),
    }
