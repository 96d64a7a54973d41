"""The registration form: what it accepts, what it refuses, and in which language it says so."""
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ProgramFactory, QuestionFactory
from trainingcenter.programs.models import Program
from trainingcenter.public.forms import RegistrationForm
from trainingcenter.registrations.models import Question, Registration

from .registration_post import valid_post

pytestmark = pytest.mark.django_db


def make_form(program, **overrides):
    return RegistrationForm(valid_post(**overrides), program=program, language="en")


def test_valid_submission_is_cleaned():
    form = make_form(ProgramFactory(), given_name="  Aigerim   Zh. ")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == "aigerim.n@example.org"
    assert form.cleaned_data["given_name"] == "Aigerim Zh."
    assert form.cleaned_data["mode"] == "online"
    assert form.is_spam is False


@pytest.mark.parametrize("field", ["given_name", "family_name", "email", "country", "organization", "sector"])
def test_required_fields(field):
    form = make_form(ProgramFactory(), **{field: ""})
    assert not form.is_valid()
    assert list(form.errors) == [field]


def test_optional_fields_may_be_empty():
    form = make_form(ProgramFactory(), position="", gender="")
    assert form.is_valid(), form.errors


def test_name_of_only_spaces_is_refused():
    form = make_form(ProgramFactory(), given_name="    ")
    assert "given_name" in form.errors


def test_bad_email():
    form = make_form(ProgramFactory(), email="not-an-address")
    assert form.errors == {"email": ["Enter a valid email address."]}


def test_unknown_country():
    form = make_form(ProgramFactory(), country="XX")
    assert list(form.errors) == ["country"]


def test_mode_not_offered_by_online_program():
    form = make_form(ProgramFactory(mode=Program.Mode.ONLINE), mode="onsite")
    assert form.errors == {"mode": ["This program does not offer that attendance mode."]}


def test_mode_must_be_chosen_in_hybrid_program():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    assert make_form(program, mode="").errors == {"mode": ["This field is required."]}
    assert make_form(program, mode="boat").errors == {"mode": ["This program does not offer that attendance mode."]}
    assert make_form(program, mode="onsite").is_valid()


def test_single_mode_is_fixed_and_hidden():
    program = ProgramFactory(mode=Program.Mode.ONSITE, capacity_onsite=5)
    form = make_form(program, mode=None)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["mode"] == "onsite"
    unbound = RegistrationForm(program=program)
    assert 'type="hidden" name="mode" value="onsite"' in str(unbound["mode"])


def test_consent_is_required():
    form = make_form(ProgramFactory(), consent=None)
    assert form.errors == {"consent": ["Please agree to the privacy notice to register."]}


@pytest.mark.parametrize(("field", "limit"), [
    ("given_name", 100), ("family_name", 100), ("organization", 200), ("position", 200), ("website", 200),
])
def test_too_long_fields(field, limit):
    assert make_form(ProgramFactory(), **{field: "x" * limit}).errors.get(field) is None
    form = make_form(ProgramFactory(), **{field: "x" * (limit + 1)})
    assert field in form.errors


def test_too_long_email():
    form = make_form(ProgramFactory(), email="a" * 250 + "@example.org")
    assert "email" in form.errors


def test_honeypot_marks_spam_but_validates():
    form = make_form(ProgramFactory(), website="http://spam.example")
    assert form.is_valid()
    assert form.is_spam is True


def test_honeypot_is_hidden_from_people_and_assistive_technology(client):
    program = ProgramFactory()
    html = client.get(reverse("registrations:register", args=[program.slug])).content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html


def test_autocomplete_hints():
    form = RegistrationForm(program=ProgramFactory(), language="en")
    hints = {name: form.fields[name].widget.attrs.get("autocomplete") for name in form.fields}
    assert hints["given_name"] == "given-name"
    assert hints["family_name"] == "family-name"
    assert hints["email"] == "email"
    assert hints["organization"] == "organization"
    assert hints["position"] == "organization-title"


def test_country_names_in_page_language():
    program = ProgramFactory()
    with translation.override("zh-hans"):
        choices = dict(RegistrationForm(program=program, language="zh-hans").fields["country"].choices)
        assert choices["KZ"] == "哈萨克斯坦"
    with translation.override("ru"):
        choices = RegistrationForm(program=program, language="ru").fields["country"].choices
        names = [name for code, name in choices if code]
        assert dict(choices)["KZ"] == "Казахстан"
        assert names[:2] == ["Австралия", "Австрия"]
        assert names.index("Казахстан") < names.index("Киргизия") < names.index("Узбекистан")
    with translation.override("en"):
        names = [name for code, name in RegistrationForm(program=program).fields["country"].choices if code]
        assert names[:3] == ["Afghanistan", "Åland Islands", "Albania"]


def test_preferred_language_defaults_to_page_language():
    form = RegistrationForm(program=ProgramFactory(), language="zh-hans")
    assert form["language"].value() == "zh-hans"


def test_extra_questions():
    program = ProgramFactory()
    text = QuestionFactory(program=program, kind=Question.Kind.TEXT, required=True, label="Your research topic?")
    choice = QuestionFactory(program=program, kind=Question.Kind.CHOICE, choices="Water\nEnergy\n", required=False)
    yes_no = QuestionFactory(program=program, kind=Question.Kind.YES_NO, required=True)

    form = make_form(program)
    assert not form.is_valid()
    assert set(form.errors) == {f"question_{text.pk}", f"question_{yes_no.pk}"}

    form = make_form(program, **{
        f"question_{text.pk}": "Glacier melt", f"question_{choice.pk}": "Energy", f"question_{yes_no.pk}": "no",
    })
    assert form.is_valid(), form.errors
    assert form.answers == {text.pk: "Glacier melt", choice.pk: "Energy", yes_no.pk: "no"}

    form = make_form(program, **{
        f"question_{text.pk}": "x" * 1001, f"question_{choice.pk}": "Football", f"question_{yes_no.pk}": "maybe",
    })
    assert set(form.errors) == {f"question_{text.pk}", f"question_{choice.pk}", f"question_{yes_no.pk}"}


def translated(language, message):
    with translation.override(language):
        text = translation.gettext(message)
    assert text != message, f"{message!r} has no {language} translation"
    return text


def test_errors_in_chinese_on_chinese_page(client):
    program = ProgramFactory()
    url = f"/zh-hans/programs/{program.slug}/register/"
    response = client.post(url, valid_post(given_name="", email="bad", consent=None))
    assert response.status_code == 400
    html = response.content.decode()
    assert translated("zh-hans", "This field is required.") in html
    assert translated("zh-hans", "Enter a valid email address.") in html
    assert translated("zh-hans", "Please agree to the privacy notice to register.") in html
    assert "This field is required." not in html
    assert Registration.objects.count() == 0


def test_errors_in_russian_on_russian_page(client):
    program = ProgramFactory()
    response = client.post(f"/ru/programs/{program.slug}/register/", valid_post(family_name=""))
    assert response.status_code == 400
    assert translated("ru", "This field is required.") in response.content.decode()
