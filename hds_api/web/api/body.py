"""Reading a JSON request body: 415 unless it is sent as JSON, 400 unless it parses, 422 unless the marshmallow
schema loads it, every error in the one shape.

flask-smorest's `@blp.arguments` does the same through webargs, but on the assessment path webargs' glue cost
more than the validation itself (~10% of the request). This decorator parses with orjson, loads with the same
marshmallow schema, and takes `@blp.arguments`' own description of the body, so the OpenAPI spec is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from functools import wraps
from typing import Any

import marshmallow as ma
import orjson
from flask_smorest import Blueprint, abort

from ..middleware.limits import check_json_depth, request_body
from .responses import JSON, require_mimetype

INVALID_JSON = "Invalid JSON body."


class EnvelopeLoader:
    """`schema.load`, with a shortcut for schemas whose fields are all plain `Raw` (no validator, no default, no
    hook): such a schema loads a body as an identical dict once the envelope is right — no unknown field, the
    required ones present, `null` only where allowed — so a body that passes those checks skips marshmallow
    (~9 µs of an assessment) and any other goes through `schema.load`, which names what is wrong."""

    def __init__(self, schema: ma.Schema):
        self.schema = schema
        fields = schema.load_fields
        hooks = getattr(schema, "_hooks", None)
        self.shortcut = (
            hooks is not None
            and not any(hooks.values())
            and all(
                type(field)._deserialize is ma.fields.Raw._deserialize
                and not field.validators
                and field.load_default is ma.missing
                and field.data_key in (None, name)
                for name, field in fields.items()
            )
        )
        self.names = frozenset(fields)
        self.required = frozenset(name for name, field in fields.items() if field.required)
        self.not_null = tuple(name for name, field in fields.items() if not field.allow_none)

    def load(self, data: Any) -> dict[str, Any]:
        if (
            self.shortcut
            and type(data) is dict
            and data.keys() <= self.names
            and self.required <= data.keys()
            and all(data.get(name, 0) is not None for name in self.not_null)
        ):
            return dict(data)
        return self.schema.load(data)


def _undocumented(*args: Any, **kwargs: Any) -> None:
    """Never called: `@blp.arguments` wraps it only to describe the body."""


def json_body(blp: Blueprint, schema: ma.Schema, **doc: Any) -> Callable:
    """Like `@blp.arguments(schema, **doc)` for a JSON body: the view gets the loaded body as its argument."""
    described = blp.arguments(schema, **doc)(_undocumented)._apidoc["arguments"]
    loader = EnvelopeLoader(schema)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            require_mimetype(JSON)
            raw = request_body()
            try:
                data = orjson.loads(raw)
            except orjson.JSONDecodeError:
                abort(400, message=INVALID_JSON, errors={"body": {"message": INVALID_JSON}})
            check_json_depth(data, raw)
            try:
                loaded = loader.load(data)
            except ma.ValidationError as error:
                # Nested under the location, as webargs does: `errors.validation_errors` flattens them.
                abort(422, messages={"json": error.messages}, schema=schema)
            return view(*args, loaded, **kwargs)

        wrapper._apidoc = {**deepcopy(getattr(view, "_apidoc", {})), "arguments": deepcopy(described)}
        return wrapper

    return decorator
