"""`assess_items`: JSON batches, one entry per item in order, bad items isolated, the summary."""

from __future__ import annotations

import gc

import pytest

from hds_api.batch import UsageError, assess_items

from .conftest import AS_OF, REQUIRED, SELF_HOSTING


def test_one_entry_per_item_in_order_each_with_its_id(rules):
    items = [{"id": f"s{n}", "answers": REQUIRED if n % 2 else SELF_HOSTING} for n in range(6)]
    body = assess_items(rules, items, as_of=AS_OF)
    assert [entry["id"] for entry in body["results"]] == [f"s{n}" for n in range(6)]
    assert [entry["hds_certification_required"] for entry in body["results"]] == [False, True] * 3


def test_summary_detail_gives_codes_only(rules):
    entry = assess_items(rules, [{"id": "a", "answers": REQUIRED}], as_of=AS_OF)["results"][0]
    assert entry == {
        "id": "a",
        "status": "complete",
        "hds_certification_required": True,
        "archives_approval_required": False,
        "activities": [4, 5, 6],
        "certificates": ["managed_services_host"],
        "certificate_activities": {"managed_services_host": [4, 5, 6]},
        "exemptions": [],
        "flags": ["controller_must_verify_certificate"],
        "confidence": "high",
        "next_question": None,
        "certification_gap": None,
        "missing_activities": [],
        "unused_answers": [],
        "as_of": AS_OF,
    }


def test_full_detail_gives_the_whole_result(rules):
    entry = assess_items(rules, [{"id": "a", "answers": REQUIRED}], as_of=AS_OF, lang="en", detail="full")["results"][0]
    assert entry == {"id": "a", **rules.evaluate(REQUIRED, AS_OF, None, "en")}
    assert entry["trace"] and entry["activities"][0]["label"]


def test_a_bad_item_gets_an_error_and_the_others_are_assessed(rules):
    items = [
        {"id": "good", "answers": REQUIRED},
        {"id": "bad", "answers": {**REQUIRED, "storage_medium": "floppy", "stores_data": "yes", "nope": True}},
        {"id": "also-good", "answers": SELF_HOSTING},
    ]
    results = assess_items(rules, items, as_of=AS_OF, lang="en")["results"]
    assert results[0]["status"] == results[2]["status"] == "complete"
    error = results[1]["error"]
    assert results[1]["id"] == "bad" and set(results[1]) == {"id", "error"}
    assert error["code"] == 422 and error["status"] == "Unprocessable Entity" and error["message"]
    assert set(error["errors"]) == {"answers.storage_medium", "answers.stores_data", "answers.nope"}
    assert error["errors"]["answers.storage_medium"]["allowed"] == ["digital", "paper", "electronic_archiving"]


@pytest.mark.parametrize(
    ("item", "fields"),
    [
        ({"answers": {}}, {"id"}),
        ({"id": "", "answers": {}}, {"id"}),
        ({"id": True, "answers": {}}, {"id"}),
        ({"id": "x", "answers": {}, "lang": "en"}, {"lang"}),
        ({"id": "x", "answers": [], "as_of": "25/11/2026"}, {"answers", "as_of"}),
        ({"id": "x", "current_certification": {"activities": [7], "referential": "v3"}},
         {f"current_certification.{key}" for key in ("activities", "referential", "valid_until")}),
        ("not an object", {"item"}),
    ],
)  # fmt: skip
def test_every_problem_of_an_item_is_named(rules, item, fields):
    (entry,) = assess_items(rules, [item], as_of=AS_OF)["results"]
    assert set(entry["error"]["errors"]) == fields


def test_integer_ids_are_accepted_and_unusable_ids_come_back_null(rules):
    items = [{"id": 7, "answers": SELF_HOSTING}, {"id": 1.5}, {"id": True}, {"id": ["a"]}, {"id": " "}]
    assert [entry["id"] for entry in assess_items(rules, items, as_of=AS_OF)["results"]] == [7, None, None, None, None]


def test_summary_counts_outcomes_errors_and_duplicate_ids(rules):
    items = [
        {"id": "a", "answers": REQUIRED},
        {"id": "b", "answers": SELF_HOSTING},
        {"id": "a", "answers": {"personal_data": False}},
        {"id": "c", "answers": {"personal_data": True}},
        {"id": "b", "answers": {"personal_data": "maybe"}},
        {"id": "a", "answers": SELF_HOSTING},
    ]
    summary = assess_items(rules, items, as_of=AS_OF)["summary"]
    assert {key: summary[key] for key in ("total", "required", "not_required", "incomplete", "errors")} == {
        "total": 6, "required": 1, "not_required": 3, "incomplete": 1, "errors": 1,
    }  # fmt: skip
    assert summary["by_exemption"] == {"not_personal_data": 1, "self_hosting": 2}
    assert summary["duplicate_ids"] == ["a", "b"]
    assert summary["as_of"] == AS_OF and summary["rules"]["digest"].startswith("sha256:")


def test_item_date_overrides_the_batch_date(rules):
    items = [{"id": "old", "answers": REQUIRED, "as_of": "2023-06-01"}, {"id": "batch", "answers": REQUIRED}]
    results = assess_items(rules, items, as_of=AS_OF)["results"]
    assert [entry["as_of"] for entry in results] == ["2023-06-01", AS_OF]
    # Before referential v2 the EEA questions are not asked: they are reported unused, never silently used.
    assert results[0]["unused_answers"] == ["non_eea_access", "storage_location", "third_country_law_exposure"]


def test_gap_analysis_per_item(rules):
    held = {"activities": [4, 5], "referential": "v2", "valid_until": "2027-01-01"}
    items = [
        {"id": "gap", "answers": REQUIRED, "current_certification": held},
        {"id": "covered", "answers": REQUIRED, "current_certification": {**held, "activities": [4, 5, 6]}},
        {"id": "expired", "answers": REQUIRED, "current_certification": {**held, "valid_until": "2026-01-01"}},
    ]
    body = assess_items(rules, items, as_of=AS_OF)
    assert [(e["certification_gap"], e["missing_activities"]) for e in body["results"]] == [
        ("gap", [6]), ("covered", []), ("expired", [6]),
    ]  # fmt: skip
    assert body["summary"]["certification_gaps"] == {"covered": 1, "expired": 1, "gap": 1}


@pytest.mark.parametrize(
    ("options", "fields"),
    [
        ({"as_of": "2017-12-31"}, {"as_of"}),
        ({"lang": "de"}, {"lang"}),
        ({"detail": "all", "as_of": "x"}, {"detail", "as_of"}),
    ],
)
def test_bad_batch_parameters_stop_the_batch(rules, options, fields):
    with pytest.raises(UsageError) as raised:
        assess_items(rules, [{"id": "a", "answers": {}}], **options)
    assert set(raised.value.errors) == fields
    assert raised.value.body()["code"] == 422


def test_empty_batch(rules):
    body = assess_items(rules, [], as_of=AS_OF)
    assert body["results"] == [] and body["summary"]["total"] == 0


def test_collector_paused_during_a_batch_has_nothing_to_miss(rules):
    # `assess_items` pauses the cycle collector for speed: that is only sound while assessing makes no cycles.
    items = [{"id": n, "answers": REQUIRED} for n in range(50)] + [{"id": "bad", "answers": {"personal_data": 1}}]
    gc.collect()
    for detail in ("summary", "full"):
        assess_items(rules, items, as_of=AS_OF, detail=detail)
    assert gc.collect() == 0
    assert gc.isenabled()
