"""The form's settings: origins are checked when the service starts."""

from __future__ import annotations

import pytest

from hds_api import create_app
from hds_api.settings import SettingsError
from hds_api.web.form.settings import parse_allowed_origins, parse_frame_ancestors
from hds_api.web.form.strings import STRINGS


def test_origins_are_split_on_spaces_and_commas_and_deduplicated():
    value = "https://a.example, https://b.example:8443 https://a.example/"
    assert parse_allowed_origins(value) == ("https://a.example", "https://b.example:8443")
    assert parse_allowed_origins(None) == ()
    assert parse_allowed_origins(["http://localhost:3000"]) == ("http://localhost:3000",)


def test_origins_are_spelled_as_browsers_do():
    value = "https://Portal.Example.org:443 http://a.example:80 https://b.example:8443"
    assert parse_allowed_origins(value) == ("https://portal.example.org", "http://a.example", "https://b.example:8443")


@pytest.mark.parametrize("bad", ["*", "https://*.example", "portal.example", "https://a.example/path", "javascript:x"])
def test_an_allowed_origin_must_be_an_exact_origin(bad):
    with pytest.raises(SettingsError, match="HDS_FORM_ALLOWED_ORIGINS"):
        parse_allowed_origins(bad)


def test_frame_ancestors_default_to_the_service_and_the_allowed_origins():
    assert parse_frame_ancestors(None, ("https://a.example",)) == ("'self'", "https://a.example")
    assert parse_frame_ancestors("", ()) == ("'self'",)
    assert parse_frame_ancestors("'none'", ("https://a.example",)) == ("'none'",)
    assert parse_frame_ancestors("https://*.example:*", ()) == ("https://*.example:*",)


@pytest.mark.parametrize("bad", ["*", "https://a.example; script-src *", "'unsafe-inline'", "'none' 'self'"])
def test_frame_ancestors_refuse_what_would_break_or_widen_the_policy(bad):
    with pytest.raises(SettingsError, match="HDS_FORM_FRAME_ANCESTORS"):
        parse_frame_ancestors(bad, ())


def test_a_bad_origin_stops_the_start():
    with pytest.raises(SettingsError, match="not an origin"):
        create_app({"FORM_ALLOWED_ORIGINS": "portal.example"})


def test_a_bad_origin_from_the_environment_stops_the_start(monkeypatch):
    monkeypatch.setenv("HDS_FORM_FRAME_ANCESTORS", "*")
    with pytest.raises(SettingsError, match="HDS_FORM_FRAME_ANCESTORS"):
        create_app()


def test_both_languages_have_every_string():
    assert set(STRINGS["fr"]) == set(STRINGS["en"])
