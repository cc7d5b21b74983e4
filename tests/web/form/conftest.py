"""Browser fixtures: one Chromium and one set of live servers per session, a fresh page per test."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from hds_api import create_app

from .servers import LiveServer, embedding_app

ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
# Debian's Chromium (scripts/test.sh installs it); Playwright never downloads a browser here.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> str:
    path = os.environ.get("HDS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Chromium is missing: run `bash scripts/test.sh`, which installs Debian's chromium")
    return path


@dataclass
class Servers:
    form: LiveServer  # the service
    portal: LiveServer  # an embedding page on an allowed origin
    stranger: LiveServer  # an embedding page allowed to frame the form, not to receive results
    outsider: LiveServer  # an embedding page not even allowed to frame it


@pytest.fixture(scope="session")
def servers():
    portal, stranger, outsider = (LiveServer(embedding_app) for _ in range(3))
    app = create_app(
        {
            "FORM_ALLOWED_ORIGINS": portal.origin,
            "FORM_FRAME_ANCESTORS": f"'self' {portal.origin} {stranger.origin}",
        }
    )
    form = LiveServer(app)
    yield Servers(form, portal, stranger, outsider)
    for server in (form, portal, stranger, outsider):
        server.stop()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    """A page with everything it asked for and every error it reported."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign_requests(self, *origins: str) -> list[str]:
        allowed = {urlsplit(origin).netloc for origin in origins}
        return [url for url in self.requests if urlsplit(url).scheme != "blob" and urlsplit(url).netloc not in allowed]


@pytest.fixture
def watched(browser: Browser):
    context = browser.new_context(viewport={"width": 1024, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    seen = Watched(page)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and seen.errors.append(message.text))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))
    yield seen
    context.close()


@pytest.fixture
def page(watched: Watched) -> Page:
    return watched.page


@pytest.fixture
def form_url(servers):
    def url(lang: str | None = None, as_of: str | None = None) -> str:
        query = "&".join(f"{name}={value}" for name, value in (("lang", lang), ("as_of", as_of)) if value)
        return f"{servers.form.origin}/form" + (f"?{query}" if query else "")

    return url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
