"""Flask's JSON provider on orjson (`hds_api.batch.formats.json_values.dumps`), for what Flask and flask-smorest encode
themselves (`/health`, `/ready`, the OpenAPI document): the provider's documented `dumps` and `loads`."""

from __future__ import annotations

from typing import Any

import orjson
from flask.json.provider import JSONProvider

from ..batch.formats.json_values import dumps


class OrjsonProvider(JSONProvider):
    def dumps(self, obj: Any, **kwargs: Any) -> str:
        return dumps(obj).decode()

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return orjson.loads(s)
