"""An apispec plugin completing every operation as the blueprints register it: a stable `operationId`, the 401
of the API keys, an example for each request body and response, and path parameters the rules enumerate.

Done here rather than with a decorator on each view, so that no operation can miss them (a test checks).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from apispec import BasePlugin

from .examples import SHOWN, example_ref

# The names SDK methods get (`client.assess(...)`): public API, like the paths they stand for.
OPERATION_IDS = {
    ("get", "/health"): "getHealth",
    ("get", "/ready"): "getReadiness",
    ("get", "/v1/questionnaire"): "getQuestionnaire",
    ("post", "/v1/assessments"): "assess",
    ("post", "/v1/assessments/batch"): "assessBatch",
    ("post", "/v1/assessments/impact"): "assessImpact",
    ("get", "/v1/decision-trees"): "listDecisionTrees",
    ("get", "/v1/decision-trees/{tree_id}"): "getDecisionTree",
    ("get", "/v1/decision-trees/{tree_id}/diagram"): "getDecisionTreeDiagram",
}
# Path parameters whose values the rules list: the component enumerating them.
PATH_PARAMETERS = {"tree_id": "TreeId"}
UNAUTHORIZED = {
    "description": "An API key is missing or unknown (only when the service is configured with keys: "
    "`HDS_API_KEYS`, `HDS_API_KEYS_FILE`).",
    "headers": {"WWW-Authenticate": {"schema": {"type": "string"}, "description": '`Bearer realm="hds-scope"`'}},
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


class OperationsPlugin(BasePlugin):
    def init_spec(self, spec):
        super().init_spec(spec)
        self.spec = spec

    def path_helper(self, path=None, operations=None, parameters=None, **kwargs):
        for parameter in parameters or ():
            component = PATH_PARAMETERS.get(parameter.get("name")) if parameter.get("in") == "path" else None
            if component:
                parameter["schema"] = {"$ref": f"#/components/schemas/{component}"}

    def operation_helper(self, path=None, operations=None, **kwargs):
        for method, operation in operations.items():
            if (method, path) in OPERATION_IDS:  # one missing is named by tests/web/api/test_openapi_components.py
                operation.setdefault("operationId", OPERATION_IDS[method, path])
            responses = operation.setdefault("responses", {})
            if operation.get("security") != []:
                responses.setdefault("401", UNAUTHORIZED)
            operation_id = operation.get("operationId")
            body = operation.get("requestBody")
            if isinstance(body, dict):
                self._show_examples(body.get("content", {}), operation_id, "request")
            for status, response in responses.items():
                if isinstance(response, dict) and "$ref" not in response:
                    self._show_examples(response.get("content", {}), operation_id, str(status))

    def _show_examples(self, content: dict[str, Any], operation_id: str | None, key: str) -> None:
        for media_type, media in content.items():
            if "example" in media or "examples" in media:
                continue
            names = SHOWN.get((operation_id, key, media_type))
            if names is None and key.isdigit() and int(key) >= HTTPStatus.BAD_REQUEST:
                names = [f"error-{key}"]
            names = [name for name in names or () if name in self.spec.components.examples]
            if names:
                media["examples"] = {name: example_ref(name) for name in names}
