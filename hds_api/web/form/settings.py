"""Who may frame the form and who receives its results: the settings (`hds_api.settings`, or `create_app`'s
config), checked at start-up, kept parsed on the app."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask

from ... import setting_values
from ...settings import SettingsError


def parse_allowed_origins(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The origins the finished result is posted to; a wildcard would leak results, so it is refused."""
    try:
        return tuple(setting_values.origins(value))
    except ValueError as error:
        raise SettingsError(f"HDS_FORM_ALLOWED_ORIGINS: {error}") from None


def parse_frame_ancestors(value: str | Iterable[str] | None, allowed_origins: tuple[str, ...]) -> tuple[str, ...]:
    """The CSP frame-ancestors sources: as configured, or (unset or empty) the page itself and the allowed origins."""
    try:
        sources = setting_values.frame_sources(value)
    except ValueError as error:
        raise SettingsError(f"HDS_FORM_FRAME_ANCESTORS: {error}") from None
    return sources or ("'self'", *allowed_origins)


def init_settings(app: Flask) -> None:
    allowed = parse_allowed_origins(app.config["FORM_ALLOWED_ORIGINS"])
    app.extensions["hds_form"] = {
        "allowed_origins": allowed,
        "frame_ancestors": parse_frame_ancestors(app.config["FORM_FRAME_ANCESTORS"], allowed),
    }
