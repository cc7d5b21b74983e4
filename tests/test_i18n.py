"""Languages in one place: the list, the default from HDS_DEFAULT_LANG, negotiation, and complete catalogues —
and nowhere else a language list or a literal "fr" to fall back on."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from hds_api import i18n
from hds_api.i18n import LANGUAGES, negotiate, preferred_language, text_language

PACKAGE = Path(__file__).resolve().parents[1] / "hds_api"


@pytest.mark.parametrize(
    ("header", "preferred"),
    [
        ("en", "en"),
        ("EN-gb", "en"),
        ("en_US", "en"),
        ("fr-CA,fr;q=0.9", "fr"),
        ("de, en;q=0.5", "en"),
        ("de", None),
        ("*", None),
        ("en;q=0, fr;q=0.1", "fr"),
        ("en;q=0.5, fr;q=0.5", "en"),  # among equals, the first listed
        ("fr;q=0.4, en-GB;q=0.8", "en"),  # a regional tag is its language, at its own weight
        ("en;q=2, fr;q=abc", None),  # qualities out of range or unreadable count as refusals
        ("", None),
        (" , ;, en ; q=0.7 ", "en"),
    ],
)
def test_the_preferred_served_language_of_a_header(header, preferred):
    assert preferred_language(header) == preferred


def test_negotiation_order_query_then_header_then_default():
    assert negotiate("en", "fr", "fr") == "en"
    assert negotiate("de", "en", "fr") == "en"  # a query lang not served does not count
    assert negotiate(None, "de", "en") == "en"
    assert negotiate(None, None, "en") == "en"


def test_the_default_language_comes_from_hds_default_lang(monkeypatch):
    monkeypatch.delenv("HDS_DEFAULT_LANG", raising=False)
    assert i18n.default_language() == i18n.DEFAULT_LANGUAGE == "fr"
    assert text_language("de") == "fr" and text_language("en") == "en"
    monkeypatch.setenv("HDS_DEFAULT_LANG", "en")
    assert i18n.default_language() == "en" and text_language(None) == "en" and text_language("fr") == "fr"


def test_the_engine_and_the_batch_fall_back_on_the_configured_default(monkeypatch, rules):
    from hds_api.batch.messages import message as batch_message

    monkeypatch.setenv("HDS_DEFAULT_LANG", "en")
    assert rules.evaluate({})["lang"] == "en"
    assert batch_message("xx", "unknown_field") == "Unknown field."
    with pytest.raises(ValueError) as raised:
        rules.evaluate({}, lang="de")
    assert raised.value.message == "The request has 1 invalid field(s)."


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("name", ["VALIDATION", "HTTP", "SERVER"])
def test_every_catalogue_says_everything_in_every_language_with_the_same_placeholders(name):
    catalogue = getattr(i18n, name)
    assert tuple(catalogue) == LANGUAGES
    keys = set(catalogue[LANGUAGES[0]])
    for lang in LANGUAGES:
        assert set(catalogue[lang]) == keys, lang
        for key in keys:
            assert placeholders(catalogue[lang][key]) == placeholders(catalogue[LANGUAGES[0]][key]), (lang, key)


def fallbacks_to_a_literal(tree: ast.AST) -> list[int]:
    """Lines where a literal language code is a fallback: a default argument or `default=`, `x or "fr"`,
    `a if c else "fr"`, `d.get(k, "fr")` or `d.get(k, d["fr"])`. (A constant naming a fixed choice,
    `README_LANG = "en"`, is no fallback.)"""
    lines = []

    def literal(node: ast.AST | None) -> bool:
        return isinstance(node, ast.Constant) and node.value in LANGUAGES

    for node in ast.walk(tree):
        if isinstance(node, ast.arguments):
            lines += [default.lineno for default in [*node.defaults, *node.kw_defaults] if literal(default)]
        elif isinstance(node, ast.BoolOp):
            lines += [value.lineno for value in node.values if literal(value)]
        elif isinstance(node, ast.IfExp) and (literal(node.body) or literal(node.orelse)):
            lines.append(node.lineno)
        elif isinstance(node, ast.Call):
            lines += [
                keyword.lineno for keyword in node.keywords if keyword.arg == "default" and literal(keyword.value)
            ]
            if isinstance(node.func, ast.Attribute) and node.func.attr == "get":
                lines += [arg.lineno for arg in node.args[1:] if literal(arg) or literal(getattr(arg, "slice", None))]
    return lines


def test_no_language_fallback_or_list_outside_i18n():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "i18n.py" and path.parent == PACKAGE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        lines = fallbacks_to_a_literal(tree)
        lines += [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign) and any(getattr(target, "id", "") == "LANGUAGES" for target in node.targets)
        ]
        if lines:
            found[str(path.relative_to(PACKAGE))] = lines
    assert found == {}


def test_the_scan_finds_what_it_looks_for():
    source = (
        'def f(lang="fr"):\n    x = lang or "en"\n    y = d.get(k, "fr")\n    return lang if ok else "fr"\n'
        'm = M.get(lang, M["fr"])\nparser.add_argument("--lang", default="fr")\n'
    )
    assert sorted(fallbacks_to_a_literal(ast.parse(source))) == [1, 2, 3, 4, 5, 6]
