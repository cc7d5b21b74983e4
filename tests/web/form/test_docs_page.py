"""The docs page (Swagger UI) under its strict Content-Security-Policy (web.middleware.security_headers): it renders
every operation, the browser reports no policy violation nor any other error, and nothing comes from other hosts.
Here rather than in tests/hardening/ because it shares this directory's Chromium."""

from __future__ import annotations


def test_swagger_ui_renders_under_the_policy(watched, servers):
    page = watched.page
    page.goto(f"{servers.form.origin}/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    operations = page.locator(".opblock").count()
    for index in range(operations):  # expanding each operation renders its schemas and examples
        page.locator(".opblock-summary").nth(index).click()
    page.wait_for_timeout(500)
    assert operations == 9
    assert watched.errors == []
    assert watched.foreign_requests(servers.form.origin) == []
