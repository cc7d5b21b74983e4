"""The docs page works under its strict policy: Swagger UI renders every operation, and the browser reports no
Content-Security-Policy violation (nor any other error) and asks nothing from other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from hds_api import create_app

from ..form.conftest import CHROMIUM_ARGS, chromium_path
from ..form.servers import LiveServer


@pytest.fixture(scope="module")
def docs_server():
    server = LiveServer(create_app({"ACCESS_LOG": "off"}))
    yield server
    server.stop()


def test_swagger_ui_renders_under_the_policy(docs_server):
    errors: list[str] = []
    hosts: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
            page.goto(f"{docs_server.origin}/docs")
            page.wait_for_selector(".opblock", timeout=15_000)
            operations = page.locator(".opblock").count()
            for index in range(operations):  # expanding each operation renders its schemas and examples
                page.locator(".opblock-summary").nth(index).click()
            page.wait_for_timeout(500)
        finally:
            browser.close()
    assert operations == 8
    assert errors == []
    assert hosts == {urlsplit(docs_server.origin).netloc}
