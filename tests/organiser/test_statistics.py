"""The organisers' statistics page of one program: figures, charts with tables, the map; access."""
import re

import pytest

from tests.factories import ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.center import CountryGroupFactory
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(organiser):
    CountryGroupFactory(slug="eco", name="ECO member states", countries=["KZ", "PK"])
    program = ProgramFactory(slug="batteries")
    program.organisers.add(organiser)
    for country, count in (("KZ", 6), ("PK", 3), ("DE", 1)):
        for _ in range(count):
            RegistrationFactory(program=program, country=country)
    RegistrationFactory(program=program, country="FR", status=Registration.Status.WAITLISTED, gender="female")
    return program


@pytest.fixture
def signed_in(client, organiser):
    client.force_login(organiser)
    return client


def url(program):
    return f"/en/staff/programs/{program.slug}/statistics/"


def test_page_shows_every_figure_unfolded(signed_in, program):
    response = signed_in.get(url(program))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="stat-map"' in html and "<title>Kazakhstan: 6</title>" in html
    # Organisers see small groups too: one person from Germany.
    assert re.search(r"<th scope=\"row\">Germany</th><td class=\"tc-stat-num\">1</td>", html)
    assert re.search(r"<th scope=\"row\">ECO member states</th><td class=\"tc-stat-num\">9</td>", html)
    for section in ("over-time", "by-status", "by-mode", "by-country", "by-country-group", "by-sector", "by-gender"):
        assert f'id="stat-{section}"' in html
    assert "style=" not in html.split('id="content-main"')[1]
    assert "<script" not in html.split('id="content-main"')[1]


def test_overview_links_to_the_statistics(signed_in, program):
    html = signed_in.get(f"/en/staff/programs/{program.slug}/registrations/").content.decode()
    assert url(program) in html


def test_query_count_does_not_grow(signed_in, program, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        signed_in.get(url(program))
    for _ in range(30):
        RegistrationFactory(program=program, country="IR")
    with django_assert_max_num_queries(len(first)):
        signed_in.get(url(program))


def test_other_organisers_and_checkin_staff_get_no_page(client, program):
    client.force_login(StaffUserFactory(username="another", role=PROGRAM_ORGANISER))
    assert client.get(url(program)).status_code == 404
    client.force_login(StaffUserFactory(username="door", role=CHECKIN_STAFF))
    assert client.get(url(program)).status_code in (403, 404)


def test_anonymous_is_sent_to_sign_in(client, program):
    response = client.get(url(program))
    assert response.status_code == 302


def test_page_in_chinese(signed_in, program):
    response = signed_in.get(f"/zh-hans/staff/programs/{program.slug}/statistics/")
    assert response.status_code == 200
    assert "哈萨克斯坦" in response.content.decode()
