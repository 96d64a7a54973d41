"""The registration form's cost: its queries, and its markup written without a template per field.

Issue 12: the browser form cost several times the API. The form's fields are
written by ``public.forms.FormRenderer`` (Python for the few Django templates
the form uses); these tests hold it to Django's own templates, byte for byte,
in every language, and hold the queries of the form, its POST and the answer
page to a small number that does not grow with the organisers' questions.
"""
import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation

from tests.factories import ProgramFactory, QuestionFactory
from trainingcenter.core import formtiming
from trainingcenter.programs.models import Program
from trainingcenter.public.forms import (
    CountrySelect,
    RegistrationChangeForm,
    RegistrationForm,
    country_choices,
    name_sort_key,
    sorted_countries,
)
from trainingcenter.registrations.models import Question, Registration

from .registration_post import valid_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

LANGUAGES = ["en", "ru", "zh-hans"]


def program_with_questions(**fields):
    program = ProgramFactory(**fields)
    QuestionFactory(program=program, label="Your <b>field</b> & topic", help_text="<i>one</i> line", required=True)
    QuestionFactory(program=program, label="Which track?", kind=Question.Kind.CHOICE, choices="A & B\nyes")
    QuestionFactory(program=program, label="Need a visa?", kind=Question.Kind.YES_NO)
    return program


def rendered(form):
    """Everything the templates print of a form, the way they print it (the fill-time token set aside)."""
    parts = [str(form.non_field_errors())]
    for field in form:
        parts += [str(field.as_field_group()), str(field), str(field.errors), str(field.label_tag())]
    return [re.sub(r'name="shown_at" value="[^"]*"', 'name="shown_at" value="…"', part) for part in parts]


def both_ways(make_form):
    """(our markup, Django's) of the same form."""
    ours = make_form()
    assert ours.renderer.__class__.__name__ == "FormRenderer"
    django = make_form(renderer=DjangoTemplates())
    if "country" in django.fields:
        # Django's own select, with the very same choices, instead of CountrySelect.
        country = django.fields["country"]
        assert isinstance(country.widget, CountrySelect)
        country.widget = forms.Select(attrs=country.widget.attrs)
        country.widget.choices = list(country.choices)
    for form in (ours, django):
        if form.is_bound:
            form.is_valid()
    return rendered(ours), rendered(django)


BOUND = [
    None,
    valid_post(mode="onsite", gender="female", country="KZ", time_zone="Asia/Almaty"),
    valid_post(given_name="", email="not <an> address", country="XX", consent=None, mode="by post",
               language="xx", sector="", website="<script>"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("data", BOUND, ids=["unbound", "valid", "invalid"])
@pytest.mark.parametrize("mode", [Program.Mode.HYBRID, Program.Mode.ONLINE])
def test_registration_form_markup_is_djangos(language, data, mode):
    program = program_with_questions(mode=mode, capacity_onsite=10)
    with translation.override(language):
        def make(**kwargs):
            form = RegistrationForm(data, program=program, language=language, **kwargs)
            if data and "given_name" in data and not data["given_name"]:
                form.is_valid()
                form.add_error(None, "A <refusal> for the whole form")
            return form

        ours, django = both_ways(make)
    assert ours == django


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("mode_changeable", [True, False])
def test_change_form_markup_is_djangos(language, mode_changeable):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=10)
    with translation.override(language):
        ours, django = both_ways(lambda **kwargs: RegistrationChangeForm(
            valid_post(family_name="", country="KZ"), program=program, mode_changeable=mode_changeable, **kwargs))
    assert ours == django


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_list_is_named_and_sorted_in_each_language(language):
    with translation.override(language):
        first = sorted_countries()
        choices = country_choices()
    with translation.override("en"):
        english = dict(sorted_countries())
    assert len(first) > 240
    assert choices[1:] == first
    assert first == sorted(first, key=lambda pair: name_sort_key(pair[1]))
    if language != "en":
        assert dict(first)["KZ"] != english["KZ"]


def test_country_must_be_one_of_the_list():
    program = ProgramFactory()
    assert RegistrationForm(valid_post(country="KZ"), program=program).is_valid()
    form = RegistrationForm(valid_post(country="XX"), program=program)
    assert not form.is_valid()
    assert list(form.errors) == ["country"]


def form_fields(html):
    """{name: value} of the form's inputs, as a browser would send them (the first of each name)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name.group(1) not in fields:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def register_url(program):
    return f"/en/programs/{program.slug}/register/"


def browser_registration(client, program, number):
    """GET the form, POST what a browser would, follow the redirect: the queries of each step."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as get:
        page = client.get(register_url(program))
    assert page.status_code == 200
    answers = {f"question_{question.pk}": "yes" for question in program.questions.all()}
    data = {**form_fields(page.content.decode()), **valid_post(email=f"p{number}@example.org"), **answers}
    data["csrfmiddlewaretoken"] = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else \
        form_fields(page.content.decode())["csrfmiddlewaretoken"]
    with CaptureQueriesContext(connection) as post:
        answer = client.post(register_url(program), data, HTTP_REFERER=f"http://testserver{register_url(program)}")
    assert answer.status_code == 303, answer.content[:2000]
    with CaptureQueriesContext(connection) as follow:
        page = client.get(answer["Location"])
    assert page.status_code == 200
    return len(get), len(post), len(follow)


def test_browser_registration_queries_stay_few_and_do_not_grow_with_questions(settings):
    from django.test import Client

    settings.FORM_MIN_FILL_SECONDS = 0
    plain = ProgramFactory()
    asking = program_with_questions()
    client = Client(enforce_csrf_checks=True)
    browser_registration(client, plain, 0)  # the centre and its partners are read once
    counts = browser_registration(Client(enforce_csrf_checks=True), plain, 1)
    get, post, follow = counts
    # The program and its questions; the site frame's centre and partners.
    assert get <= 4
    # The program and its questions; in the transaction: the program's lock,
    # the e-mail's registration, the seats, the registration, its event, the
    # e-mail's task, the meeting; BEGIN and COMMIT.
    assert post <= 11
    assert follow <= 7
    # Three questions: the answers are one INSERT more, whatever their number.
    with_questions = browser_registration(Client(enforce_csrf_checks=True), asking, 2)
    assert with_questions[:2] == (get, post + 1)
    assert Registration.objects.filter(program=asking).count() == 1


def test_form_page_reads_the_questions_once():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    program = program_with_questions()
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(register_url(program)).status_code == 200
    assert sum('"registrations_question"' in query["sql"] for query in queries.captured_queries) == 1


def test_fill_time_token_is_fresh_on_each_form_page(client):
    program = ProgramFactory()
    tokens = {form_fields(client.get(register_url(program)).content.decode())["shown_at"] for _ in range(2)}
    assert len(tokens) == 2
    assert all(formtiming.check(token, "registration", min_seconds=0) for token in tokens)
