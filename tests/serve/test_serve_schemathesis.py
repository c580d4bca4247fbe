"""Property-based run of every operation in /openapi.json (schemathesis over the ASGI app).

Whatever the parameters — valid ones and deliberately invalid ones — the
server answers without a server error, with a status code and content type
that its spec declares. Examples per operation are bounded so the run stays
well under a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import content_type_conformance, not_a_server_error, status_code_conformance

from claimgraph.serve.app import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def operations(samples_db):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(samples_db))
    ops = [result.ok() for result in schema.get_all_operations()]
    assert len(ops) >= 20
    return ops


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
def test_no_server_errors(operations, mode):
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not list(operation.iter_parameters()):
            continue  # nothing to get wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)
        def check(case):
            case.call_and_validate(checks=CHECKS)

        check()
