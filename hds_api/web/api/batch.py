"""`POST /v1/assessments/batch`: assess many hosting services in one request, in any of the batch's formats.

The view reads the request (body, query, headers); reading and writing the formats, and assessing, are
`hds_api.batch`'s, the same as on the command line."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import marshmallow as ma
from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ...batch import BatchOptions, UsageError
from ...batch.formats import MEDIA_TYPES, TABLES, XLSX, Input, make_writer
from ...batch.formats.base import TooManyRows
from ...batch.formats.bodies import read_table_body
from ...batch.formats.encoding import UndecodableInput, UnsupportedCharset
from ...batch.formats.json_format import read_json_items
from ...batch.formats.lines import RowLimits
from ...batch.messages import message
from ...batch.pipeline import run
from ...batch.runner import BatchJob
from ...i18n import text_language
from ...rules.request_check import MAX_LISTED_ERRORS
from ..errors import localised_invalid_message, validation_errors
from ..json_body import UnreadableBody, parse_json
from ..language import ACCEPT_LANGUAGE, message_language, response_language
from ..openapi.batch_schemas import (
    CSV,
    OK_RESPONSE,
    REQUEST_BODY,
    BatchEnvelopeSchema,
    BatchItemSchema,
    BatchQuerySchema,
)
from ..openapi.schemas import ErrorSchema
from . import current_rules
from .responses import JSON, accepts

ENVELOPE = BatchEnvelopeSchema()
SUMMARY_COUNTS = ("total", "required", "not_required", "incomplete", "errors")
# What an answer can be, JSON first: the default when Accept names none of them.
ANSWERS = ("json", "csv", "jsonl", "xlsx")


class BatchBlueprint(Blueprint):
    """Registers `BatchItem`, which the request body names without nesting it (a bad item is no bad request)."""

    def register_views_in_doc(self, api, app, spec, *, name, parameters):
        if "BatchItem" not in spec.components.schemas:
            spec.components.schema("BatchItem", schema=BatchItemSchema)
        super().register_views_in_doc(api, app, spec, name=name, parameters=parameters)


blp = BatchBlueprint("batch", __name__, url_prefix="/v1/assessments", description="Batch assessments")


@blp.before_request
def batch_body_limit() -> None:
    # A batch is bigger than one assessment: its own bound replaces MAX_CONTENT_LENGTH for this endpoint.
    request.max_content_length = current_app.config["BATCH_MAX_BODY_BYTES"]


def json_body(query_lang: Any, envelope_schema: ma.Schema = ENVELOPE) -> tuple[list[Any], dict[str, Any]]:
    """The items of a JSON body and its other fields, the envelope checked with `envelope_schema`."""
    try:
        body = parse_json(request.get_data(), current_app.config["MAX_JSON_DEPTH"])
    except UnreadableBody as unreadable:
        raise unreadable.error(message_language()) from None
    if isinstance(body, dict) and isinstance(body.get("items"), list):  # before walking a million items
        check_item_count(body["items"], text_language(response_language(body.get("lang", query_lang))))
    more = 0
    try:
        if not isinstance(body, dict):
            raise ma.ValidationError({"_schema": ["Must be a JSON object."]})
        body, more = _with_few_unknown_fields(body, envelope_schema)
        envelope = envelope_schema.load(body)
    except ma.ValidationError as error:
        errors = validation_errors(error.messages, envelope_schema)
        text = localised_invalid_message(len(errors) + more, response_language())
        abort(422, message=text, errors=errors, more_errors=more)
    items = envelope.pop("items")
    return items, envelope


def _with_few_unknown_fields(body: dict[str, Any], schema: ma.Schema) -> tuple[dict[str, Any], int]:
    """The body with its first `MAX_LISTED_ERRORS` unknown fields only, and how many others it had: marshmallow
    would spend an error (and the response a line) on each of a million."""
    names = {field.data_key or name for name, field in schema.fields.items()}
    unknown = [name for name in body if name not in names]
    if len(unknown) <= MAX_LISTED_ERRORS:
        return body, 0
    kept = set(unknown[:MAX_LISTED_ERRORS]).union(names)
    return {name: value for name, value in body.items() if name in kept}, len(unknown) - MAX_LISTED_ERRORS


def table_body(input_format: str, lang: str) -> Input:
    """A CSV body (spreadsheets later), its rows read and counted: 413 past `HDS_BATCH_MAX_ITEMS`."""
    limit = current_app.config["BATCH_MAX_ITEMS"]
    limits = RowLimits.from_config(current_app.config)
    charset = request.mimetype_params.get("charset")
    try:
        with usage_errors_answered():
            return read_table_body(
                request.get_data(), input_format, charset, current_rules().catalogue, lang, limits, limit
            )
    except TooManyRows:
        text = message(lang, "too_many_rows", limit=limit)
        abort(413, message=text, errors={"items": {"message": text, "limit": limit}})


@contextmanager
def usage_errors_answered() -> Iterator[None]:
    """A batch that cannot run, answered in the error shape: 415 for a charset not read, 400 for a body its
    encoding cannot read, else 422."""
    try:
        yield
    except UsageError as error:
        code = 415 if isinstance(error, UnsupportedCharset) else 400 if isinstance(error, UndecodableInput) else 422
        abort(code, message=error.message, errors=error.errors, more_errors=error.more_errors)


def _check_options(options: dict[str, Any]) -> BatchOptions:
    with usage_errors_answered():
        return BatchOptions.check(current_rules(), **options)


def check_item_count(items: list[Any], lang: str) -> None:
    limit = current_app.config["BATCH_MAX_ITEMS"]
    if len(items) > limit:
        text = message(lang, "too_many_items", count=len(items), limit=limit)
        abort(413, message=text, errors={"items": {"message": text, "limit": limit}})


def read_items(options: dict[str, Any], envelope_schema: ma.Schema = ENVELOPE) -> tuple[Input, bool]:
    """The body as an input, whatever its format; the body's own fields (JSON) merged into `options`, whose
    `lang` is then resolved. Also says whether the body named a language."""
    if request.mimetype in (CSV, XLSX):
        options["lang"] = response_language(options.get("lang"))
        return table_body("csv" if request.mimetype == CSV else "xlsx", text_language(options["lang"])), False
    items, envelope_options = json_body(options.get("lang"), envelope_schema)  # the item count checked there
    options.update(envelope_options)
    options["lang"] = response_language(options.get("lang"))
    return read_json_items(items, text_language(options["lang"])), "lang" in envelope_options


def answer_format() -> str:
    """The format `Accept` asks for (JSON when it names none of them)."""
    offered = [MEDIA_TYPES[name] for name in ANSWERS]
    return ANSWERS[offered.index(request.accept_mimetypes.best_match(offered, offered[0]))]


def respond(source: Input, output_format: str, job: Any, shape: Any, header: str, counts: tuple[str, ...]) -> Response:
    """Run the job over the input and write the answer in the format asked; a table answer carries the counts in
    the `header` (JSON answers have them in their `summary`)."""
    out = io.BytesIO()
    summary = run(current_rules(), source, make_writer(output_format, out, source, shape), job, ids_once=True)
    response = Response(out.getvalue(), mimetype=MEDIA_TYPES[output_format])
    if output_format in TABLES:
        values = ", ".join(f"{key}={getattr(summary, key)}" for key in counts)
        response.headers[header] = f"{values}, duplicate_ids={len(summary.duplicate_ids)}"
    return response


def language_asked(body_names_one: bool = False) -> bool:
    """Whether the request names a language (`lang`, or an Accept-Language header): tables then get readable
    columns."""
    return body_names_one or "lang" in request.args or "Accept-Language" in request.headers


def takes_tables(
    blueprint: Blueprint, query: ma.Schema, body: dict[str, Any], answer: dict[str, Any], invalid: str
) -> Callable[[Any], Any]:
    """What a view taking a batch's bodies declares: JSON, CSV or spreadsheet bodies and answers, its query
    string, its documented body and 200 answer, and its refusals — 400, 413 and 415 as for a batch, 422 saying what
    makes this request `invalid` as a whole."""
    refusals = (
        (400, "The body is not valid JSON, or a CSV its encoding cannot read (the line and byte named)."),
        (413, "More items than `HDS_BATCH_MAX_ITEMS`, or a body larger than `HDS_BATCH_MAX_BODY_BYTES`."),
        (415, "A body that is neither JSON, CSV (UTF-8 or Windows-1252) nor a spreadsheet (.xlsx)."),
        (422, invalid),
    )

    def declare(view: Any) -> Any:
        for status, description in refusals:
            view = blueprint.alt_response(status, schema=ErrorSchema, description=description)(view)
        view = blueprint.doc(requestBody=body, responses={"200": answer})(view)
        view = blueprint.arguments(query, location="query", as_kwargs=True)(view)
        return accepts(JSON, CSV, XLSX)(view)

    return declare


@blp.route("/batch", parameters=[ACCEPT_LANGUAGE])
class BatchAssessments(MethodView):
    init_every_request = False  # the view keeps no state

    @takes_tables(
        blp, BatchQuerySchema(), REQUEST_BODY, OK_RESPONSE, "The batch itself is invalid (no `items` list, bad "
        "`as_of`, `lang` or `detail`, a misspelt column — the column it resembles named). A bad item is not: it "
        "gets its `error`."
    )  # fmt: skip
    def post(self, **query: Any):
        """Assess many hosting services at once

        One entry per item, in order, each with its `id`: the result (`detail: summary`, the default: codes
        only; `full`: whole results) or an `error` in the error shape — a bad item never fails the others.
        `summary` counts required, not required by exemption code, incomplete and errors, and names ids given
        more than once. The body may be `text/csv` (parameters then in the query string, which a JSON body's
        own fields override); send `Accept: text/csv` for a CSV answer.
        """
        options = dict(query)
        _check_options(options)  # the query's own values, even those a JSON body overrides
        source, body_lang = read_items(options)
        output_format = answer_format()
        if output_format in TABLES:
            options["detail"] = "summary"  # a table has the columns of the contract, whatever the detail
        options["readable"] = language_asked(body_lang)
        checked = _check_options(options)
        return respond(source, output_format, BatchJob(checked), checked, "X-Batch-Summary", SUMMARY_COUNTS)
