"""Every reference can be read, and the citations of décret 2026-209 appear from the dates it applies."""

from __future__ import annotations

import re

import pytest

from hds_api.rules.texts import LANGUAGES

from ..answers import MANAGED_SERVICES_REQUIRED

HTTPS = re.compile(r"^https://\S+$")

# A host whose staff reach the data from outside the EEA, under a non-EEA law, storing outside the EEA.
EXPOSED_HOST = {
    **MANAGED_SERVICES_REQUIRED,
    "storage_location": "outside_eea",
    "non_eea_access": True,
    "third_country_law_exposure": True,
}

REMOTE_ACCESS = "CSP art. R.1111-11, rédaction du décret n° 2026-209 du 24 mars 2026 (accès à distance"
TRANSFER_MAP = "CSP art. R.1111-11, rédaction du décret n° 2026-209 du 24 mars 2026 (législations extra-européennes"
EEA_STORAGE = "CSP art. R.1111-9-1 (décret n° 2026-209 du 24 mars 2026)"


def test_every_reference_has_an_https_address(rules):
    references = rules.raw.data("law")["references"]
    assert all(HTTPS.match(entry["url"]) for entry in references.values())
    # The articles of the code point to Légifrance, the decrees and the law to their Journal officiel text.
    articles = {ref_id: entry["url"] for ref_id, entry in references.items() if ref_id.startswith("csp_")}
    assert all(url.startswith("https://www.legifrance.gouv.fr/") for url in articles.values())
    assert references["csp_r1111_9_1"]["url"].endswith("/LEGIARTI000053720788")
    assert references["decret_2026_209"]["url"] == "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000053717250"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cite_served_has_its_source(rules, lang):
    catalogue = rules.catalogue
    views = [*catalogue.question_views.values(), *catalogue.flag_views.values(), *catalogue.gap_views.values()]
    views += [outcome.views for outcome in catalogue.outcomes.values()]
    served = {cite for item in views for view in item[lang] for cite in view["references"]}
    assert served <= rules.sources[lang].keys()
    assert len(rules.sources[lang]) == len(rules.raw.data("law")["references"])


def cited(result: dict, question: str, flag: str) -> tuple[list[str], list[str]]:
    """The references of a question's trace step and of a flag of the result."""
    step = next(step for step in result["trace"] if step["question"] == question)
    found = next(item for item in result["flags"] if item["code"] == flag)
    return step["references"], found["references"]


def starts(references: list[str], prefix: str) -> bool:
    return any(reference.startswith(prefix) for reference in references)


@pytest.mark.parametrize(
    ("as_of", "in_force", "eea_storage"),
    [
        ("2026-03-26", False, False),
        ("2026-03-27", True, False),
        ("2026-09-25", True, False),
        ("2026-09-26", True, True),
    ],
)
def test_decree_2026_209_is_cited_from_its_dates(rules, as_of, in_force, eea_storage):
    result = rules.evaluate(EXPOSED_HOST, as_of)
    for question, flag, prefix, v2 in [
        ("non_eea_access", "non_eea_access_safeguards_required", REMOTE_ACCESS, "exigence 29"),
        ("third_country_law_exposure", "third_country_law_disclosure_required", TRANSFER_MAP, "exigences 30 et 31"),
    ]:
        step, flagged = cited(result, question, flag)
        assert starts(step, prefix) is in_force
        assert starts(flagged, prefix) is in_force
        # Referential v2 is cited throughout: the decree adds to it.
        assert starts(flagged, f"Référentiel HDS v2, {v2}")
    storage_step, storage_flag = cited(result, "storage_location", "storage_outside_eea")
    assert starts(storage_step, TRANSFER_MAP) is in_force
    assert (EEA_STORAGE in storage_step) is eea_storage
    assert (EEA_STORAGE in storage_flag) is eea_storage


def test_english_cites_the_decree_with_its_number_and_date(rules):
    result = rules.evaluate(EXPOSED_HOST, "2026-11-25", lang="en")
    step, flagged = cited(result, "non_eea_access", "non_eea_access_safeguards_required")
    assert starts(step + flagged, "CSP art. R.1111-11 as amended by décret n° 2026-209 of 24 March 2026 (remote access")
