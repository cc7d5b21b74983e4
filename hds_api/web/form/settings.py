"""Who may frame the form and who receives its results: the settings (`hds_api.settings`, or `create_app`'s
config), checked at start-up, kept parsed on the app."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask

from ...settings import parse_value


def parse_allowed_origins(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The origins the finished result is posted to; a wildcard would leak results, so it is refused."""
    return tuple(parse_value("HDS_FORM_ALLOWED_ORIGINS", value))


def parse_frame_ancestors(value: str | Iterable[str] | None, allowed_origins: tuple[str, ...]) -> tuple[str, ...]:
    """The CSP frame-ancestors sources: as configured, or (unset or empty) the page itself and the allowed origins."""
    return parse_value("HDS_FORM_FRAME_ANCESTORS", value) or ("'self'", *allowed_origins)


def init_settings(app: Flask) -> None:
    allowed = parse_allowed_origins(app.config["FORM_ALLOWED_ORIGINS"])
    app.extensions["hds_form"] = {
        "allowed_origins": allowed,
        "frame_ancestors": parse_frame_ancestors(app.config["FORM_FRAME_ANCESTORS"], allowed),
    }
