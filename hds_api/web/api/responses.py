"""Small helpers shared by the views: sending engine dicts as JSON, and refusing bodies that are not JSON."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Response, current_app, request
from flask_smorest import abort

JSON = "application/json"


def json_response(data: Any, status: int = 200) -> Response:
    """Send an already-shaped dict as it is: the engine's results need no marshmallow dump (it is slow)."""
    response = current_app.json.response(data)
    response.status_code = status
    return response


def text_response(text: str, mimetype: str = "text/plain") -> Response:
    return Response(text, mimetype=mimetype)


def require_mimetype(*mimetypes: str) -> None:
    """Answer 415 unless the body is sent as one of `mimetypes`."""
    if request.mimetype not in mimetypes:
        abort(
            415,
            message=f"The request body must be sent as {' or '.join(mimetypes)}.",
            errors={
                "Content-Type": {
                    "message": f"Unsupported media type {request.mimetype or '(none)'!r}.",
                    "allowed": list(mimetypes),
                }
            },
        )


def accepts(*mimetypes: str) -> Callable:
    """Answer 415 unless the body is sent as one of `mimetypes`; place it above `@blp.arguments`."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            require_mimetype(*mimetypes)
            return view(*args, **kwargs)

        return wrapper

    return decorator
