"""Property-based: whatever arrives in the form's POST, the answer is a page, never a 500."""
import time

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ProgramFactory, QuestionFactory
from trainingcenter.core import formtiming
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Question, Registration

from .registration_post import valid_post

FIELDS = ["given_name", "family_name", "email", "country", "organization", "position", "sector", "gender",
          "mode", "language", "consent", "website", "shown_at", "question_1", "question_999", "csrfmiddlewaretoken"]

# Every character a browser can send (surrogates cannot be encoded as UTF-8 at all).
any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=1200)
plausible = st.sampled_from(["", "KZ", "online", "onsite", "academia", "female", "en", "zh-hans", "on", "yes",
                             "x@example.org", "Water", "XX", "\x00", " ", "0", "-1", "99999999999999999999"])
value = st.one_of(any_text, plausible, st.integers().map(str), st.lists(plausible, min_size=2, max_size=3))
post_data = st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=20)), value, max_size=18)


@pytest.fixture
def hybrid_program(db):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_online=3, capacity_onsite=2)
    QuestionFactory(program=program, kind=Question.Kind.CHOICE, choices="Water\nEnergy", required=True)
    QuestionFactory(program=program, kind=Question.Kind.YES_NO)
    return program


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=post_data, start_valid=st.booleans(), language=st.sampled_from(["en", "zh-hans", "ru"]))
def test_arbitrary_posts_never_break_the_form(client, hybrid_program, data, start_valid, language,
                                              django_settings_rate):
    if start_valid:
        # Half the examples change a few fields of a valid form, so the paths past validation run too.
        question = hybrid_program.questions.get(kind=Question.Kind.CHOICE)
        # Filled in a minute ago: the minimum fill time (on here) lets it through unless the example changes it.
        shown_at = formtiming.issue("registration", clock=lambda: time.time() - 60)
        data = {**valid_post(**{f"question_{question.pk}": "Water"}, shown_at=shown_at), **data}
    response = client.post(f"/{language}/programs/{hybrid_program.slug}/register/", data)
    assert response.status_code in (200, 303, 400, 429)
    holding = Registration.objects.filter(program=hybrid_program).holding_seats()
    assert holding.filter(mode="online").count() <= 3
    assert holding.filter(mode="onsite").count() <= 2


@pytest.fixture
def django_settings_rate(settings):
    """A limit low enough that some examples meet it, so the 429 path is exercised too; the fill time checked."""
    settings.REGISTRATION_RATE_LIMIT = "40/h"
    settings.FORM_MIN_FILL_SECONDS = 3
    cache.clear()
    yield
    cache.clear()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=post_data)
def test_arbitrary_posts_never_break_the_participant_pages(client, db, data):
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(program=ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=3))
    for suffix in ("edit/", "cancel/"):
        response = client.post(f"/en/r/{registration.token}/{suffix}", data)
        assert response.status_code in (200, 302, 303, 400)
