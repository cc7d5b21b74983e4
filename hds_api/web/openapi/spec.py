"""The OpenAPI document: flask-smorest settings, the error shape, the components the loaded rules define (the
`Answers` object, enums of every public name), the examples, and how fields refer to components."""

from __future__ import annotations

from typing import Any

from flask_smorest import Api
from marshmallow import fields

from ... import __version__
from ...batch.formats.table import input_columns
from ...rules import Rules
from ...rules.render.openapi_components import or_null, ref, rules_components
from .. import errors
from ..middleware.api_keys import SECURITY_SCHEMES
from . import example_files
from .batch_schemas import COMPONENTS, CSV_BODY, CSV_BODY_COMPONENT
from .docs_ui import ASSETS_URL
from .examples import JSON, example_components, example_ref
from .operations import OperationsPlugin
from .patterns import csv_pattern, dates_from_pattern
from .schemas import Alternatives, AsOfField, Documented, ErrorSchema

__all__ = ["FLASK_SETTINGS", "HdsApi", "describe"]

# Any of the schemes, or none: keys are optional unless the service is configured with some (then
# `middleware/api_keys.py` makes them required). Declared either way, so that clients are generated with them.
OPTIONAL_KEY = [{}, *({name: []} for name in SECURITY_SCHEMES)]

FLASK_SETTINGS = {
    "API_TITLE": "hds-scope",
    "API_VERSION": __version__,
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "/docs",
    "OPENAPI_SWAGGER_UI_URL": ASSETS_URL,
    "OPENAPI_SWAGGER_UI_CONFIG": {"deepLinking": True},
    "API_SPEC_OPTIONS": {
        "info": {
            "description": (
                "Does French law require an HDS certificate (Hébergeur de Données de Santé) for a hosting "
                "service, for which activities, and why? Every result cites its legal references and names the "
                "rules version. Not legal advice. Every error has the shape of `Error`."
            ),
        },
        "servers": [{"url": "/", "description": "This service (paths are relative to the document's address)."}],
        "security": OPTIONAL_KEY,
    },
}
# flask-smorest's own responses, with an example each.
SHARED_RESPONSES = {"DEFAULT_ERROR": ("Default error response", 500), "UNPROCESSABLE_ENTITY": ("Invalid request", 422)}


class HdsApi(Api):
    """flask-smorest's Api with this service's error shape, completing each operation (`OperationsPlugin`)."""

    ERROR_SCHEMA = ErrorSchema

    def __init__(self, app=None, **kwargs):
        spec_kwargs = {"extra_plugins": [OperationsPlugin()], **kwargs.pop("spec_kwargs", {})}
        super().__init__(app, spec_kwargs=spec_kwargs, **kwargs)

    def handle_http_exception(self, error):
        return errors.handle_http_exception(error)


def describe(api: Api, rules: Rules) -> None:
    """What the spec needs from the loaded rules, registered before the blueprints (their schemas are converted
    as they register): the components the rules define, the first legal date, the CSV header, the examples."""
    components = api.spec.components
    for name, scheme in SECURITY_SCHEMES.items():
        # Not in API_SPEC_OPTIONS: apispec merges the document into that dict, which would carry this app's
        # components over to the next app built.
        components.security_scheme(name, scheme)
    defined = {**rules_components(rules), **COMPONENTS}
    for name, schema in defined.items():
        components.schema(name, schema)
    csv_body = {**CSV_BODY, "pattern": csv_pattern(input_columns(rules.catalogue))}
    components.schema(CSV_BODY_COMPONENT, csv_body)
    as_of_pattern = dates_from_pattern(rules.tree.applies_from)

    def rules_properties(self, field, ret, **kwargs) -> dict[str, Any]:
        """Fields that refer to a component: `Documented`, `Alternatives` and nullable `Nested` (whose apispec
        form, `anyOf` with any object, would turn into an opaque type in generated clients)."""
        if isinstance(field, AsOfField):
            return {"pattern": as_of_pattern}
        if isinstance(field, Alternatives):
            return {field.keyword: [_schema_or_ref(self, alternative) for alternative in field.alternatives]}
        if isinstance(field, Documented) and isinstance(field.target, str):
            if field.target not in defined:
                raise LookupError(f"no component {field.target!r} for {field.name!r}")
            target, json_type = ref(field.target), defined[field.target].get("type", "object")
        elif isinstance(field, Documented):
            target, json_type = self.resolve_nested_schema(field.target), "object"
        elif isinstance(field, fields.Nested) and field.allow_none:
            target, json_type = self.resolve_nested_schema(field.schema), "object"
        else:
            return {}
        annotations = {key: ret[key] for key in ("description", "example", "readOnly", "writeOnly") if key in ret}
        ret.clear()  # what apispec wrote for the field; its replacement follows
        schema = or_null(target, json_type) if field.allow_none else target
        if annotations and "$ref" in schema:
            schema = {"allOf": [schema]}  # OpenAPI 3.0 ignores the siblings of a $ref
        return {**schema, **annotations}

    api.ma_plugin.converter.add_attribute_function(rules_properties)
    for name, example in {**example_components(rules), **example_files.example_components()}.items():
        components.example(name, example)
    for name, (description, status) in SHARED_RESPONSES.items():
        content = {"schema": ref("Error"), "examples": _error_examples(status)}
        components.response(name, {"description": description, "content": {JSON: content}}, lazy=True)


def _schema_or_ref(converter, alternative: Any) -> dict[str, Any]:
    return alternative if isinstance(alternative, dict) else converter.resolve_nested_schema(alternative)


def _error_examples(status: int) -> dict[str, dict[str, str]]:
    return {f"error-{status}": example_ref(f"error-{status}")}
