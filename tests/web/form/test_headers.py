"""The form's page and headers through Flask's test client: CSP from configuration, language, favicon."""

from __future__ import annotations

import json
import re

import pytest

from hds_api import create_app

from ...support import policy

PORTAL = "https://portal.chu-example.fr"


@pytest.fixture(scope="module")
def client():
    return create_app({"FORM_ALLOWED_ORIGINS": PORTAL}).test_client()


def page_config(response) -> dict:
    match = re.search(r'<script type="application/json" id="hds-form-config">(.*?)</script>', response.text, re.S)
    return json.loads(match.group(1))


def test_strict_policy_with_configured_frame_ancestors(client):
    response = client.get("/form")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    csp = policy(response)
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == f"'self' {PORTAL}"
    assert "X-Frame-Options" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_or_style(client):
    response = client.get("/form")
    html = response.text
    for script in re.findall(r"<script\b[^>]*>", html):
        assert 'type="application/json"' in script or "src=" in script
    assert "style=" not in html
    assert "<style" not in html
    # Other hosts appear only as data: the portal results go to, and where each legal reference can be read
    # (the page makes links of them; following one is the reader's choice, the page loads nothing from them).
    config = page_config(response)
    page = re.sub(r'(<script type="application/json" id="hds-form-config">).*?(</script>)', r"\1\2", html, flags=re.S)
    assert "http://" not in page and "https://" not in page
    assert config["allowed_origins"] == [PORTAL]
    assert "http" not in json.dumps(config["strings"])
    assert config["sources"] and all(url.startswith("https://") for url in config["sources"].values())


def test_frame_ancestors_of_their_own(monkeypatch):
    monkeypatch.setenv("HDS_FORM_ALLOWED_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.setenv("HDS_FORM_FRAME_ANCESTORS", "https://*.example")
    response = create_app().test_client().get("/form")
    assert policy(response)["frame-ancestors"] == "https://*.example"
    assert page_config(response)["allowed_origins"] == ["https://a.example", "https://b.example"]


def test_without_configuration_only_the_service_frames_and_nobody_receives(monkeypatch):
    monkeypatch.delenv("HDS_FORM_ALLOWED_ORIGINS", raising=False)
    monkeypatch.delenv("HDS_FORM_FRAME_ANCESTORS", raising=False)
    response = create_app().test_client().get("/form")
    assert policy(response)["frame-ancestors"] == "'self'"
    assert page_config(response)["allowed_origins"] == []


@pytest.mark.parametrize(("query", "lang"), [("", "fr"), ("?lang=fr", "fr"), ("?lang=en", "en"), ("?lang=de", "fr")])
def test_language(client, query, lang):
    response = client.get(f"/form{query}")
    assert f'<html lang="{lang}">' in response.text
    assert page_config(response)["lang"] == lang


def test_default_language_is_the_service_s(monkeypatch):
    monkeypatch.setenv("HDS_DEFAULT_LANG", "en")
    client = create_app().test_client()
    assert page_config(client.get("/form", headers={"Accept-Language": "fr"}))["lang"] == "en"
    assert page_config(client.get("/form?lang=fr"))["lang"] == "fr"


def test_assessment_date_is_passed_on_only_when_well_formed(client):
    assert page_config(client.get("/form?as_of=2020-01-01"))["as_of"] == "2020-01-01"
    assert page_config(client.get("/form?as_of=yesterday"))["as_of"] is None


def test_page_config_points_at_the_api(client):
    config = page_config(client.get("/form"))
    assert config["api"] == "/v1/assessments"
    assert set(config["strings"]) >= {"yes", "no", "back", "restart", "references"}


def test_favicon_and_assets(client):
    # Files are streamed: each response is closed so that no file handle is left open.
    with client.get("/favicon.ico") as response:
        assert response.mimetype == "image/svg+xml"
    for path in ("/form/static/form.css", "/form/static/js/main.js", "/form/static/favicon.svg"):
        with client.get(path) as response:
            assert response.status_code == 200, path
