"""The form's script links each legal reference to where it can be read: checked in Node, without a browser."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from ...conftest import ROOT

DOM_JS = ROOT / "hds_api" / "web" / "form" / "static" / "js" / "dom.js"

# A stand-in for `document`, just enough for dom.js's `h`: elements are plain objects that print as JSON.
RUN_DOM_JS = """
class Element {
  constructor(tag) { this.tag = tag; this.attributes = {}; this.children = []; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  append(...children) { this.children.push(...children); }
}
globalThis.document = { createElement: (tag) => new Element(tag) };
const { citations, references } = await import(process.argv[1]);
const [list, sources] = JSON.parse(process.argv[2]);
const strings = { references: "Références", references_inline: "Références :" };
console.log(JSON.stringify({
  citations: citations(list, strings, sources),
  references: references(list, strings, sources),
}));
"""

SOURCES = {
    "CSP art. R.1111-9": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000053720790",
    "A bad address": "javascript:alert(1)",
}


def node() -> str:
    path = shutil.which("node") or shutil.which("nodejs")
    if path is None:
        pytest.fail("Node.js is missing: install Debian's nodejs to test the form's script without a browser")
    return path


def built(references: list[str], sources: dict[str, str]) -> dict:
    completed = subprocess.run(
        [node(), "--input-type=module", "-e", RUN_DOM_JS, DOM_JS.as_uri(), json.dumps([references, sources])],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def links(element) -> list[dict]:
    """Every `a` element under an element."""
    if not isinstance(element, dict):
        return []
    found = [element] if element["tag"] == "a" else []
    for child in element["children"]:
        found += links(child)
    return found


def test_a_known_reference_becomes_a_link_that_opens_apart():
    shown = built(["CSP art. R.1111-9", "Unknown cite"], SOURCES)
    for part in ("citations", "references"):
        (link,) = links(shown[part])
        assert link["attributes"] == {
            "href": SOURCES["CSP art. R.1111-9"],
            "target": "_blank",
            "rel": "noopener noreferrer",
            "class": "source",
        }
        assert link["children"] == ["CSP art. R.1111-9"]
    # The result keeps every reference, linked or not, in order.
    (link,) = links(shown["citations"])
    assert shown["citations"]["children"] == ["Références : ", link, " · ", "Unknown cite"]


def test_only_https_addresses_are_linked():
    shown = built(["A bad address"], SOURCES)
    assert links(shown["citations"]) == links(shown["references"]) == []
    assert "A bad address" in shown["citations"]["children"]
