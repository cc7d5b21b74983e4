"""Sending answers from the views: a handler's `Answer` as a Flask response, engine dicts as JSON, and refusing
bodies that are not of the media types a view takes."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Response, request

from ..answers import JSON, LANG_KEY, Answer, json_answer
from ..handlers import unsupported_media_type
from ..language import message_language

__all__ = ["JSON", "accepts", "answer_response", "json_response", "text_response"]


def answer_response(answer: Answer) -> Response:
    """`answer` as Flask sends it: the same status line, headers (in order) and body as the hot route's."""
    if answer.lang is not None:
        request.environ[LANG_KEY] = answer.lang
    return Response(answer.body, status=answer.status, headers=answer.headers)


def json_response(data: Any, status: int = 200) -> Response:
    """Send an already-shaped dict as it is: the engine's results need no marshmallow dump (it is slow)."""
    return answer_response(json_answer(status, data))


def text_response(text: str, mimetype: str = "text/plain") -> Response:
    return Response(text, mimetype=mimetype)


def accepts(*mimetypes: str) -> Callable:
    """415 unless the body is sent as one of `mimetypes`; place it above `@blp.arguments`."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if request.mimetype not in mimetypes:
                raise unsupported_media_type(request.content_type, mimetypes, message_language())
            return view(*args, **kwargs)

        return wrapper

    return decorator
