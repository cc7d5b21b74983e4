"""schemathesis, in-process against the served spec: generated requests must get documented answers."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from hds_api import create_app

schema = schemathesis.openapi.from_wsgi("/openapi.json", create_app({"TESTING": True}))


@schema.parametrize()
@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_spec(case):
    case.call_and_validate()
