"""The centre's name and partners on every page and in every participant's e-mail: read once, fresh after a change.

The pages here are never stored by the page cache (a participant's own
page), so what is tested is the per-process copy of the centre itself
(``center.current``).
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.center import CenterFactory, PartnerFactory
from tests.factories.registrations import RegistrationFactory
from trainingcenter.registrations import emails

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


def test_a_participant_email_is_signed_by_the_centre_as_it_is_now():
    centre = CenterFactory(short_name="Joint Centre")
    registration = RegistrationFactory()
    _subject, text, _html, _attachments = emails.render(registration, "confirmation")
    assert "Joint Centre" in text

    centre.short_name = "Renamed Centre"
    centre.save()
    _subject, text, _html, _attachments = emails.render(registration, "confirmation")
    assert "Renamed Centre" in text and "Joint Centre" not in text
