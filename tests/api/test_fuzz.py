"""Whatever a client sends to the public registration endpoint, the answer is never a 500."""
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ProgramFactory, QuestionFactory
from trainingcenter.registrations.models import Question

from .conftest import ApiClient

FIELDS = ["given_name", "family_name", "email", "country", "organization", "position", "sector", "gender",
          "mode", "language", "consent", "answers", "website"]

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=300)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)
plausible = {
    "given_name": st.text(max_size=120),
    "family_name": st.text(max_size=120),
    "email": st.emails() | st.text(max_size=300),
    "country": st.sampled_from(["KZ", "kz", "XX", "", "PAK"]) | st.text(max_size=3),
    "organization": st.text(max_size=220),
    "position": st.text(max_size=220),
    "sector": st.sampled_from(["academia", "other", "nope"]),
    "gender": st.sampled_from(["", "female", "x"]),
    "mode": st.sampled_from(["online", "onsite", "hybrid"]) | st.none(),
    "language": st.sampled_from(["en", "zh-hans", "ru", "de"]),
    "consent": st.booleans() | scalars,
    "answers": st.dictionaries(st.sampled_from(["1", "2", "999", "x"]), st.text(max_size=50) | st.booleans(),
                               max_size=3)
    | st.lists(st.fixed_dictionaries({"question": st.integers(-5, 10**12), "value": scalars}), max_size=3)
    | json_values,
}
registration_bodies = st.fixed_dictionaries({}, optional={name: plausible.get(name, json_values) for name in FIELDS})
# More examples on demand: API_FUZZ_EXAMPLES=2000 pytest tests/api/test_fuzz.py
EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "150"))
raw_bodies = st.binary(max_size=300) | st.text(max_size=300).map(str.encode)


@pytest.fixture
def fuzz_program(db):
    program = ProgramFactory(slug="fuzz", capacity_online=3)
    QuestionFactory(program=program, required=True)
    QuestionFactory(program=program, kind=Question.Kind.CHOICE, choices="A\nB")
    return program


@pytest.mark.django_db
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=registration_bodies | json_values)
def test_random_json_bodies_never_cause_a_server_error(client, fuzz_program, body):
    response = ApiClient(client).post("/api/programs/fuzz/registrations", body)

    assert response.status_code in {201, 400, 409, 422}, (response.status_code, response.content[:300])
    assert "error" in response.json() or response.status_code == 201


@pytest.mark.django_db
@settings(max_examples=EXAMPLES // 2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=raw_bodies, content_type=st.sampled_from(["application/json", "text/plain", "", "application/xml"]))
def test_random_bytes_never_cause_a_server_error(client, fuzz_program, body, content_type):
    response = client.post("/api/programs/fuzz/registrations", body, content_type=content_type)

    assert response.status_code in {400, 415}, (response.status_code, response.content[:300])
    json.loads(response.content)
