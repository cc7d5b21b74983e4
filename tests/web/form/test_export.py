"""The result leaves the page as the JSON the API returned: downloaded or copied."""

from __future__ import annotations

import json

from .driver import answer, settle


def anonymised(page, form_url):
    page.goto(form_url(as_of="2026-11-25"))
    settle(page)
    answer(page, "personal_data", False)


def test_download_the_result(page, form_url, tmp_path):
    anonymised(page, form_url)
    with page.expect_download() as download:
        page.locator('[data-action="download"]').click()
    path = tmp_path / "result.json"
    download.value.save_as(path)
    result = json.loads(path.read_text(encoding="utf-8"))
    assert result["status"] == "complete"
    assert [exemption["code"] for exemption in result["exemptions"]] == ["not_personal_data"]
    assert download.value.suggested_filename == "hds-scope-2026-11-25.json"


def test_copy_the_result(page, servers, form_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=servers.form.origin)
    anonymised(page, form_url)
    page.locator('[data-action="copy"]').click()
    page.locator("#status").filter(has_text="copié").wait_for()
    copied = json.loads(page.evaluate("() => navigator.clipboard.readText()"))
    assert copied["exemptions"][0]["code"] == "not_personal_data"
    assert copied["rules"]["digest"].startswith("sha256:")
