"""The centre's name and partners in every page's header and footer: read once, shown fresh after each change.

These pages are never stored by the page cache (a participant's own page),
so what is tested is the per-process copy of the centre itself.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.center import CenterFactory, PartnerFactory
from tests.factories.registrations import RegistrationFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, [query["sql"] for query in queries]


def test_the_centre_is_read_once_and_every_change_shows_on_the_next_page(client):
    centre = CenterFactory(short_name="Joint Centre")
    PartnerFactory(center=centre, name="First Partner Institute")
    url = RegistrationFactory().get_absolute_url()

    html, _queries = page(client, url)
    assert "Joint Centre" in html and "First Partner Institute" in html
    html, queries = page(client, url)
    assert "First Partner Institute" in html
    assert not [sql for sql in queries if "center_" in sql]  # neither the centre nor its partners asked again

    centre.short_name = "Renamed Centre"
    centre.save()
    partner = PartnerFactory(center=centre, name="Second Partner Fund")
    html, _queries = page(client, url)
    assert "Renamed Centre" in html and "Second Partner Fund" in html

    partner.delete()
    html, _queries = page(client, url)
    assert "Second Partner Fund" not in html and "First Partner Institute" in html
