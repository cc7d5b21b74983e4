"""`POST /v1/assessments/batch`: assess many hosting services in one request, in any of the batch's formats.

The view reads the request (body, query, headers); reading and writing the formats, and assessing, are
`hds_api.batch`'s, the same as on the command line."""

from __future__ import annotations

import io
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
def _batch_body_limit() -> None:
    # A batch is bigger than one assessment: its own bound replaces MAX_CONTENT_LENGTH for this endpoint.
    request.max_content_length = current_app.config["BATCH_MAX_BODY_BYTES"]


def _json_batch(query_lang: Any) -> tuple[list[Any], dict[str, Any]]:
    try:
        body = parse_json(request.get_data(), current_app.config["MAX_JSON_DEPTH"])
    except UnreadableBody as unreadable:
        raise unreadable.error(message_language()) from None
    if isinstance(body, dict) and isinstance(body.get("items"), list):  # before checking a million items
        _check_item_count(body["items"], _message_language(response_language(body.get("lang", query_lang))))
    more = 0
    try:
        if not isinstance(body, dict):
            raise ma.ValidationError({"_schema": ["Must be a JSON object."]})
        body, more = _with_few_unknown_fields(body)
        envelope = ENVELOPE.load(body)
    except ma.ValidationError as error:
        errors = validation_errors(error.messages, ENVELOPE)
        text = localised_invalid_message(len(errors) + more, response_language())
        abort(422, message=text, errors=errors, more_errors=more)
    options = {key: envelope[key] for key in ("as_of", "lang", "detail") if key in envelope}
    return envelope["items"], options


def _with_few_unknown_fields(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The body with its first `MAX_LISTED_ERRORS` unknown fields only, and how many others it had: marshmallow
    would spend an error (and the response a line) on each of a million."""
    unknown = [name for name in body if name not in ENVELOPE.fields]
    if len(unknown) <= MAX_LISTED_ERRORS:
        return body, 0
    kept = set(unknown[:MAX_LISTED_ERRORS]).union(ENVELOPE.fields)
    return {name: value for name, value in body.items() if name in kept}, len(unknown) - MAX_LISTED_ERRORS


def _table_batch(input_format: str, lang: str) -> Input:
    """A CSV body (spreadsheets later), its rows read and counted: 413 past `HDS_BATCH_MAX_ITEMS`."""
    limit = current_app.config["BATCH_MAX_ITEMS"]
    limits = RowLimits.from_config(current_app.config)
    charset = request.mimetype_params.get("charset")
    try:
        return read_table_body(
            request.get_data(), input_format, charset, current_rules().catalogue, lang, limits, limit
        )
    except UnsupportedCharset as error:
        abort(415, message=error.message, errors=error.errors)
    except UndecodableInput as error:
        abort(400, message=error.message, errors=error.errors)
    except UsageError as error:
        abort(422, message=error.message, errors=error.errors, more_errors=error.more_errors)
    except TooManyRows:
        text = message(lang, "too_many_rows", limit=limit)
        abort(413, message=text, errors={"items": {"message": text, "limit": limit}})


def _check_options(options: dict[str, Any]) -> BatchOptions:
    try:
        return BatchOptions.check(current_rules(), **options)
    except UsageError as error:
        abort(422, message=error.message, errors=error.errors)


def _check_item_count(items: list[Any], lang: str) -> None:
    limit = current_app.config["BATCH_MAX_ITEMS"]
    if len(items) > limit:
        text = message(lang, "too_many_items", count=len(items), limit=limit)
        abort(413, message=text, errors={"items": {"message": text, "limit": limit}})


def _answer(source: Input, output_format: str, checked: BatchOptions) -> Response:
    """Assess the input and write the answer in the format asked; a table answer carries the counts in a header."""
    out = io.BytesIO()
    writer = make_writer(output_format, out, source, checked)
    summary = run(current_rules(), source, writer, checked, ids_once=True)
    response = Response(out.getvalue(), mimetype=MEDIA_TYPES[output_format])
    if output_format in TABLES:
        counts = ", ".join(f"{key}={getattr(summary, key)}" for key in SUMMARY_COUNTS)
        response.headers["X-Batch-Summary"] = f"{counts}, duplicate_ids={len(summary.duplicate_ids)}"
    return response


def _language_asked(body_names_one: bool = False) -> bool:
    """Whether the request names a language (`lang`, or an Accept-Language header): tables then get readable
    columns."""
    return body_names_one or "lang" in request.args or "Accept-Language" in request.headers


def _message_language(lang: Any) -> str:
    """For messages written before `lang` itself is validated."""
    return text_language(lang)


@blp.route("/batch", parameters=[ACCEPT_LANGUAGE])
class BatchAssessments(MethodView):
    init_every_request = False  # the view keeps no state

    @accepts(JSON, CSV, XLSX)
    @blp.arguments(BatchQuerySchema(), location="query", as_kwargs=True)
    @blp.doc(requestBody=REQUEST_BODY, responses={"200": OK_RESPONSE})
    @blp.alt_response(400, schema=ErrorSchema, description="The body is not valid JSON, or the CSV not UTF-8.")
    @blp.alt_response(
        413, schema=ErrorSchema, description="More items than `HDS_BATCH_MAX_ITEMS`, or a body larger than "
        "`HDS_BATCH_MAX_BODY_BYTES`."
    )  # fmt: skip
    @blp.alt_response(415, schema=ErrorSchema, description="The body is neither application/json nor text/csv.")
    @blp.alt_response(
        422, schema=ErrorSchema, description="The batch itself is invalid (no `items` list, bad `as_of`, `lang` "
        "or `detail`, an unknown CSV column — the allowed ones named). A bad item is not: it gets its `error`."
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
        body_lang = False
        _check_options(options)  # the query's own values, even those a JSON body overrides
        if request.mimetype in (CSV, XLSX):
            options["lang"] = response_language(options.get("lang"))
            source = _table_batch("csv" if request.mimetype == CSV else "xlsx", _message_language(options["lang"]))
        else:
            items, envelope_options = _json_batch(options.get("lang"))
            options.update(envelope_options)
            body_lang = "lang" in envelope_options
            options["lang"] = response_language(options.get("lang"))
            _check_item_count(items, _message_language(options["lang"]))
            source = read_json_items(items, _message_language(options["lang"]))
        offered = [MEDIA_TYPES[name] for name in ANSWERS]
        output_format = ANSWERS[offered.index(request.accept_mimetypes.best_match(offered, offered[0]))]
        if output_format in TABLES:
            options["detail"] = "summary"  # a table has the columns of the contract, whatever the detail
        options["readable"] = _language_asked(body_lang)
        return _answer(source, output_format, _check_options(options))
