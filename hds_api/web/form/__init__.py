"""The embeddable intake form: one page that asks the API's questions one at a time and shows its result."""

from __future__ import annotations

import re

from flask import Blueprint, Flask, current_app, render_template, request

from ...i18n import negotiate
from ..answers import LANG_KEY
from ..api import current_rules
from .headers import security_headers
from .settings import init_settings
from .strings import STRINGS

blp = Blueprint(
    "form",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/form/static",
)

# Only a well-formed date is passed on to the page; the API judges whether it is in range.
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@blp.get("/form")
def form():
    """The intake form (`?lang=fr|en`, optional `?as_of=YYYY-MM-DD` for the legal date of the assessment)."""
    # Not Accept-Language: an embedding portal chooses the language in the iframe's address, and gets that one.
    lang = negotiate(request.args.get("lang"), None, current_app.config["DEFAULT_LANG"])
    request.environ[LANG_KEY] = lang
    as_of = request.args.get("as_of", "")
    settings = current_app.extensions["hds_form"]
    page = {
        "lang": lang,
        "as_of": as_of if ISO_DATE.match(as_of) else None,
        "api": request.script_root + "/v1/assessments",
        "allowed_origins": list(settings["allowed_origins"]),
        "strings": STRINGS[lang],
        # Where each cite can be read: the page links references to them (links load nothing by themselves).
        "sources": current_rules().sources[lang],
    }
    return render_template("form/form.html", page=page, text=STRINGS[lang])


@blp.get("/favicon.ico")
def favicon():
    """The service's icon (SVG), so that browsers asking for /favicon.ico get one."""
    return blp.send_static_file("favicon.svg")


@blp.after_request
def add_security_headers(response):
    response.headers.update(security_headers(current_app.extensions["hds_form"]["frame_ancestors"]))
    return response


def init_app(app: Flask) -> None:
    init_settings(app)
    app.register_blueprint(blp)
