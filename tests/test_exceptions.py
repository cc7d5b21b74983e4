"""The one error shape and the exceptions that carry it, without any web framework."""

from __future__ import annotations

import pytest

from hds_api.batch.errors import UsageError
from hds_api.exceptions import (
    MAX_LISTED_ERRORS,
    BadRequestBody,
    HdsError,
    InvalidRequest,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    UnsupportedMediaType,
    error_body,
    reason,
    status_line,
)

from .support import assert_error_body


def test_the_shape_of_the_contract():
    body = error_body(422, "Bad.", {"as_of": {"message": "Must be a date YYYY-MM-DD."}})
    assert body == {
        "code": 422,
        "status": "Unprocessable Entity",
        "message": "Bad.",
        "errors": {"as_of": {"message": "Must be a date YYYY-MM-DD."}},
    }
    assert error_body(404) == {"code": 404, "status": "Not Found", "message": "Not Found", "errors": {}}


def test_past_the_listed_errors_the_rest_are_counted():
    errors = {f"answers.q{n}": {"message": "Unknown question id."} for n in range(MAX_LISTED_ERRORS + 5)}
    body = error_body(422, "Bad.", errors, more_errors=3)
    assert list(body["errors"]) == list(errors)[:MAX_LISTED_ERRORS] and body["more_errors"] == 8


@pytest.mark.parametrize(
    ("code", "phrase"),
    [(413, "Request Entity Too Large"), (414, "Request URI Too Long"), (422, "Unprocessable Entity"), (599, None)],
)
def test_reason_phrases_are_the_contracts_whatever_the_python(code, phrase):
    assert reason(code) == (phrase or "Unknown Error") and status_line(code) == f"{code} {reason(code)}"


@pytest.mark.parametrize(
    ("error_class", "code"),
    [(BadRequestBody, 400), (Unauthorized, 401), (NotFound, 404), (PayloadTooLarge, 413), (UnsupportedMediaType, 415),
     (HdsError, 500)],
)  # fmt: skip
def test_each_error_answers_its_status_in_the_shape(error_class, code):
    error = error_class("Why.", {"field": {"message": "What."}}, headers=[("Retry-After", "1")])
    assert error.code == code and error.headers == (("Retry-After", "1"),)
    assert_error_body(code, reason(code), error.body(), code)
    assert error_class().message == reason(code)  # a message at least


def test_an_invalid_request_is_an_error_of_the_shape_in_its_language():
    invalid = InvalidRequest({"lang": {"message": "Unsupported language."}}, "en")
    assert isinstance(invalid, HdsError) and isinstance(invalid, ValueError)
    assert invalid.body() == {
        "code": 422,
        "status": "Unprocessable Entity",
        "message": "The request has 1 invalid field(s).",
        "errors": {"lang": {"message": "Unsupported language."}},
    }
    assert InvalidRequest({}, "de").message == "La requête contient 0 champ(s) invalide(s)."  # the default


def test_the_batch_refuses_in_the_same_shape():
    assert UsageError("Bad batch.", {"detail": {"message": "Unknown."}}).body() == error_body(
        422, "Bad batch.", {"detail": {"message": "Unknown."}}
    )
