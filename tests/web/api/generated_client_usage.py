"""What an integrator writes with the Python client generated from `/openapi.json` by openapi-python-client.

`test_generated_client.py` generates the client as `hds_scope_client`, type-checks this file with
`mypy --strict` (no cast, no `Any`: the client's types say what a result holds) and runs it against the service.
"""

from __future__ import annotations

from typing import Any

from hds_scope_client import Client
from hds_scope_client.api.assessments import assess
from hds_scope_client.api.batch import assess_batch
from hds_scope_client.models import (
    Answers,
    AssessmentRequest,
    AssessmentResult,
    BatchRequest,
    BatchResponse,
    BatchSummary,
    CurrentCertification,
    Error,
    GapStatus,
    QuestionId,
)


def assessed(client: Client, request: dict[str, Any]) -> AssessmentResult:
    """The result of an assessment request written as JSON (a scenario, a form's data...)."""
    result = assess.sync(client=client, body=AssessmentRequest.from_dict(request))
    if not isinstance(result, AssessmentResult):
        raise RuntimeError(f"the service refused the request: {result}")
    return result


def next_question(result: AssessmentResult) -> QuestionId | None:
    """The question to ask next, or None when the assessment is complete."""
    return None if result.next_question is None else result.next_question.id


def gap_status(result: AssessmentResult) -> GapStatus | None:
    """How the provider's current certificate compares, when the request named one."""
    return None if result.certification_gap is None else result.certification_gap.status


def first_question(client: Client) -> QuestionId:
    result = assessed(client, {"answers": {}})
    question = next_question(result)
    if question is None:
        raise RuntimeError("an empty assessment is never complete")
    return question


def typed_request(certificate: CurrentCertification | None) -> AssessmentRequest:
    """A request built with the client's own types rather than JSON."""
    return AssessmentRequest(answers=Answers(personal_data=True, health_data=True), current_certification=certificate)


def batch_summary(client: Client, requests: dict[str, dict[str, Any]]) -> BatchSummary:
    """Many requests at once, by id; the summary counts them."""
    items = [{"id": item_id, **request} for item_id, request in requests.items()]
    response = assess_batch.sync(client=client, body=BatchRequest.from_dict({"items": items}))
    if isinstance(response, Error) or response is None:
        raise RuntimeError(f"the service refused the batch: {response}")
    return summary_of(response)


def summary_of(response: BatchResponse) -> BatchSummary:
    summary = response.summary
    counted = summary.required + summary.not_required + summary.incomplete + summary.errors
    if counted != summary.total:
        raise RuntimeError(f"the summary does not add up: {summary}")
    return summary
