"""Every page of the admin opens for a superuser, with data in it."""
import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories
from trainingcenter.center.services import create_api_token
from trainingcenter.mailer.services import queue_mail

pytestmark = pytest.mark.django_db

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.fixture
def one_of_each(superuser):
    """At least one object of every model the platform's admin shows."""
    program = factories.ProgramFactory()
    person = factories.PersonFactory()
    factories.SessionFactory(program=program, speakers=[person])
    factories.ProgramRoleFactory(program=program, person=person)
    factories.FocusAreaFactory(program=program)
    factories.TakeawayFactory(program=program)
    program.themes.add(factories.ThemeFactory())
    factories.PartnerFactory()
    factories.CountryGroupFactory()
    factories.OnlineMeetingFactory(program=program)
    factories.RegistrationFactory(program=program)
    factories.QuestionFactory(program=program)
    create_api_token(superuser, "scripts")
    queue_mail(to="participant@example.org", subject="Your registration", text="Welcome.")
    assert Group.objects.exists()


@pytest.mark.parametrize(
    "model_admin", [model_admin for _model, model_admin in REGISTERED], ids=[m._meta.label for m, _ in REGISTERED]
)
def test_admin_pages_open(client, superuser, one_of_each, model_admin):
    opts = model_admin.model._meta
    client.force_login(superuser)

    changelist = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200

    obj = model_admin.model._default_manager.first()
    if obj is not None:
        change = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        assert change.status_code == 200
    elif opts.app_label in {"center", "programs", "meetings", "mailer"}:
        pytest.fail(f"one_of_each builds no {opts.label}")

    fake_request = changelist.wsgi_request
    if model_admin.has_add_permission(fake_request):
        assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


def test_the_admin_is_branded_and_offers_the_languages(client, superuser):
    client.force_login(superuser)

    html = client.get(reverse("admin:index")).content.decode()

    assert "Training Center administration" in html
    assert 'value="zh-hans"' in html
    assert 'value="ru"' in html


def test_the_admin_speaks_chinese_under_the_chinese_prefix(client, superuser):
    client.force_login(superuser)

    response = client.get("/zh-hans/admin/")

    assert response.status_code == 200
    assert "注销" in response.content.decode() or "登出" in response.content.decode()
