"""The JSON body reader: its shortcut loads exactly what the marshmallow schema loads, and rejects the rest."""

from __future__ import annotations

import marshmallow as ma
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hds_api.web.api.body import EnvelopeLoader
from hds_api.web.openapi.schemas import AssessmentRequestSchema, LangQuerySchema

SCHEMA = AssessmentRequestSchema()
KEYS = st.sampled_from(["answers", "as_of", "lang", "current_certification", "answer", "extra"])
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.dictionaries(st.text(max_size=3), st.booleans(), max_size=2),
)
BODIES = st.one_of(
    st.dictionaries(KEYS, VALUES, max_size=5), st.lists(st.integers(), max_size=2), st.none(), st.text(max_size=3)
)


def outcome(load, data):
    try:
        return "ok", load(data)
    except ma.ValidationError as error:
        return "error", error.messages


@settings(max_examples=300, deadline=None)
@given(BODIES)
def test_shortcut_agrees_with_the_schema(data):
    loader = EnvelopeLoader(SCHEMA)
    assert loader.shortcut
    assert outcome(loader.load, data) == outcome(SCHEMA.load, data)


def test_no_shortcut_for_schemas_that_do_more_than_copy():
    assert not EnvelopeLoader(LangQuerySchema()).shortcut  # a OneOf validator

    class WithHook(ma.Schema):
        answers = ma.fields.Raw(required=True)

        @ma.post_load
        def tweak(self, data, **kwargs):
            return {**data, "tweaked": True}

    loader = EnvelopeLoader(WithHook())
    assert not loader.shortcut
    assert loader.load({"answers": {}}) == {"answers": {}, "tweaked": True}


@pytest.mark.parametrize("body", [{"answers": {}}, {"answers": {"personal_data": True}, "as_of": None, "lang": "en"}])
def test_loaded_body_is_a_copy(body):
    loaded = EnvelopeLoader(SCHEMA).load(body)
    assert loaded == body and loaded is not body
