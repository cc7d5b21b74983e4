"""`POST /v1/assessments/impact`: which suppliers' conclusions change between two dates, and why.

The same body as a batch (JSON items, CSV or a spreadsheet) and the same answer formats; the report itself is
`hds_api.batch.impact`'s, as on the command line (`python -m hds_api impact`)."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from ...batch.impact import ImpactJob, ImpactShape, impact_options
from ...batch.impact.window import checked_dates
from ...i18n import default_language
from ..language import ACCEPT_LANGUAGE
from ..openapi.batch_schemas import (
    IMPACT_OK_RESPONSE,
    IMPACT_REQUEST_BODY,
    ImpactEnvelopeSchema,
    ImpactQuerySchema,
)
from . import current_rules
from .batch import answer_format, batch_body_limit, read_items, respond, takes_tables, usage_errors_answered

ENVELOPE = ImpactEnvelopeSchema()
COUNTS = ("total", "changed", "unchanged", "errors")

blp = Blueprint("impact", __name__, url_prefix="/v1/assessments", description="What changes when the law does")
blp.before_request(batch_body_limit)  # the bounds of a batch


def _check_query(options: dict[str, Any]) -> None:
    """Each date and the language of the query string, on its own: a JSON body may override them (and with
    them, which comes first)."""
    with usage_errors_answered():
        checked_dates(current_rules(), options.get("from_"), options.get("to"), options.get("lang", default_language()))


def _options(options: dict[str, Any]) -> Any:
    with usage_errors_answered():
        return impact_options(
            current_rules(), options.get("from_"), options.get("to"), options.get("lang", default_language()),
            bool(options.get("all", False)), readable=True,
        )  # fmt: skip


@blp.route("/impact", parameters=[ACCEPT_LANGUAGE])
class ImpactReport(MethodView):
    init_every_request = False  # the view keeps no state

    @takes_tables(
        blp, ImpactQuerySchema(), IMPACT_REQUEST_BODY, IMPACT_OK_RESPONSE, "The report itself is invalid (no "
        "`items`, a bad `from`, `to` or `lang`, `to` before `from`, a misspelt column). A bad row is not: it gets "
        "its `error`."
    )  # fmt: skip
    def post(self, **query: Any):
        """What changes for each supplier between two dates

        Every row is assessed at `from` (default: today) and at `to` (default: the last named legal date
        ahead); a row whose conclusion changes (required or not, activities, certificates, exemption, flags,
        gap status) is listed with what changes and the legal dates (law.yaml) that make the change, with their
        labels and references in the summary. Unchanged rows are counted, not listed (unless `all`).
        """
        options = dict(query)
        _check_query(options)  # the query's own values, even those a JSON body overrides
        source, _ = read_items(options, ENVELOPE)
        report = _options(options)
        job, shape = ImpactJob(report), ImpactShape(report)
        return respond(source, answer_format(), job, shape, "X-Impact-Summary", COUNTS)
