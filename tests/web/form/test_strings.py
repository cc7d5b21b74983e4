"""The words the form shows about confidence and kinds never present an interpretation as the text of the law."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hds_api.i18n import LANGUAGES
from hds_api.web.form.strings import STRINGS

from ...answers import MANAGED_SERVICES_REQUIRED

STATIC = Path(__file__).resolve().parents[3] / "hds_api" / "web" / "form" / "static"
# What an interpretation must never be called: resting on, or following, the text (letter) of the law or statute.
CLAIMS_STATUTE = re.compile(
    r"(rests? on|based on|repose sur|fondée? sur) (the |le |la )?(text|texte|letter|lettre|statute)",
    re.IGNORECASE,
)
INTERPRETATION = {"fr": "interprétation", "en": "interpretation"}
GHT_ANSWERS = {
    **MANAGED_SERVICES_REQUIRED,
    "data_originator": "health_establishment",
    "ght_same_convention": True,
    "ght_convention_delegates_hosting": True,
    "ght_joint_controller_agreement": True,
    "ght_security_measures": True,
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_confidence_string_says_a_conclusion_rests_on_the_text_of_the_law(lang):
    levels = {level: STRINGS[lang][f"confidence_{level}"] for level in ("high", "medium", "low")}
    assert [text for text in levels.values() if CLAIMS_STATUTE.search(text)] == []
    assert INTERPRETATION[lang] in levels["medium"]
    assert "contest" in levels["low"]


def test_no_script_of_the_form_claims_the_text_of_the_law():
    scripts = {path.name: path.read_text(encoding="utf-8") for path in (STATIC / "js").glob("*.js")}
    assert scripts and [name for name, script in scripts.items() if CLAIMS_STATUTE.search(script)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_exclusion_and_exemption_kinds_say_they_are_interpretations(rules, lang):
    kinds = rules.raw.data("outcomes")["exemption_kinds"]
    for kind in ("exclusion", "exemption"):
        assert INTERPRETATION[lang] in kinds[kind][lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_served_ght_exemption_says_it_is_the_ministrys_interpretation(client, lang):
    result = client.post("/v1/assessments", json={"answers": GHT_ANSWERS, "as_of": "2026-11-25", "lang": lang}).json
    (exemption,) = result["exemptions"]
    assert exemption["code"] == "ght_co_responsibility"
    assert result["confidence"] == "medium"
    assert INTERPRETATION[lang] in exemption["kind_label"]
    assert INTERPRETATION[lang] in exemption["explanation"]
    assert not CLAIMS_STATUTE.search(exemption["explanation"] + exemption["kind_label"])


def test_no_medium_or_low_outcome_text_claims_the_text_of_the_law(rules):
    for code, outcome in rules.catalogue.outcomes.items():
        for lang in LANGUAGES:
            for view in outcome.views[lang]:
                text = " ".join(view.get(key, "") for key in ("label", "kind_label", "explanation"))
                assert not CLAIMS_STATUTE.search(text), (code, lang)
                if view.get("kind") in ("exclusion", "exemption"):
                    assert INTERPRETATION[lang] in view["explanation"], (code, lang)
