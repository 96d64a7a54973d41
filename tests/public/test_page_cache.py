"""The page cache of the public pages (core.pagecache), as visitors and staff meet it.

Anonymous visitors get a stored page while nothing it shows has changed: an
edit, a seat taken, the clock passing a registration deadline or a program's
end all give the next visitor a fresh page. Staff and participants never get
a stored page, and their pages are never stored.
"""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import FrequentlyAskedQuestionFactory, PersonFactory, ProgramFactory, ThemeFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.center import PartnerFactory
from tests.factories.registrations import RegistrationFactory
from tests.factories.reports import report_program
from tests.factories.showcase import showcase_site
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.core.pagecache import from_cache
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration
from trainingcenter.reports import services as report_services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

LANGUAGES = ("en", "zh-hans", "ru")


@pytest.fixture
def site():
    return showcase_site()


@pytest.fixture
def clock(monkeypatch):
    """Move the clock: ``clock(moment)`` makes timezone.now() answer ``moment`` from then on."""

    def _set(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return _set


def get(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    response.queries = len(queries)
    return response


def pages(site):
    program = site.program
    return {
        "home": "/{lang}/",
        "program list": "/{lang}/programs/",
        "program": f"/{{lang}}/programs/{program.slug}/",
        "person": f"/{{lang}}/people/{site.speaker.slug}/",
        "about": "/{lang}/about/",
    }


# Hits.

@pytest.mark.parametrize("language", LANGUAGES)
def test_a_second_visitor_gets_the_stored_page_with_fewer_queries(client, site, language):
    for name, template in pages(site).items():
        url = template.format(lang=language)
        first = get(client, url)
        second = get(client, url)
        assert first.status_code == second.status_code == 200, name
        assert not from_cache(first) and from_cache(second), name
        assert second.content == first.content, name
        # The program page checks its seats (one query); the others need none.
        assert second.queries == (1 if name == "program" else 0), (name, second.queries)
        assert first.queries >= second.queries + 3, name


def test_each_language_has_its_own_page(client, site):
    def html(language):
        return client.get(f"/{language}/programs/{site.program.slug}/").content.decode()

    htmls = {language: html(language) for language in LANGUAGES}
    cached = {language: html(language) for language in LANGUAGES}
    assert cached == htmls
    assert "工业脱碳路径" in cached["zh-hans"] and "Пути декарбонизации промышленности" in cached["ru"]
    assert 'lang="en"' in cached["en"] and 'html lang="ru"' in cached["ru"]


def test_head_is_answered_from_the_stored_page(client, site):
    url = f"/en/programs/{site.program.slug}/"
    client.get(url)
    response = client.head(url)
    assert response.status_code == 200 and from_cache(response)


def test_report_page_is_stored_and_served(client):
    program, _report, _people = report_program()
    url = f"/en/programs/{program.slug}/report/"
    first = get(client, url)
    second = get(client, url)
    assert not from_cache(first) and from_cache(second)
    assert second.queries == 1  # the stamp of the figures' data
    assert second.content == first.content


def test_cached_page_keeps_every_header_of_a_fresh_one(client, site):
    url = f"/en/programs/{site.program.slug}/"
    fresh = client.get(url)
    cached = client.get(url)
    assert from_cache(cached)
    assert dict(cached.headers) == dict(fresh.headers)
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"):
        assert cached[header], header
    assert "Cookie" in cached["Vary"]
    assert not cached.cookies and "Set-Cookie" not in cached


# Edits invalidate.

def test_editing_a_program_title_shows_everywhere_at_once(client, site):
    urls = [template.format(lang="en") for name, template in pages(site).items() if name != "about"]
    for url in urls:
        client.get(url)
        assert from_cache(client.get(url))
    site.program.title = "Roads to Clean Industry"
    site.program.save()
    for url in urls:
        response = client.get(url)
        assert not from_cache(response), url
        assert "Roads to Clean Industry" in response.content.decode(), url


def test_a_translation_edit_shows_in_its_language(client, site):
    url = f"/ru/programs/{site.program.slug}/"
    client.get(url)
    site.program.title_ru = "Новое название программы"
    site.program.save()
    assert "Новое название программы" in client.get(url).content.decode()


def test_editing_a_person_shows_on_their_page_and_the_program(client, site):
    person_url = f"/en/people/{site.speaker.slug}/"
    program_url = f"/en/programs/{site.program.slug}/"
    client.get(person_url), client.get(program_url)
    site.speaker.affiliation = "Another Institute"
    site.speaker.save()
    assert "Another Institute" in client.get(person_url).content.decode()
    assert "Another Institute" in client.get(program_url).content.decode()


def test_many_to_many_faq_partner_and_centre_edits_show(client, site):
    url = f"/en/programs/{site.program.slug}/"
    client.get(url)
    site.program.themes.add(ThemeFactory(slug="hydrogen", name="Hydrogen economy"))
    assert "Hydrogen economy" in client.get(url).content.decode()
    FrequentlyAskedQuestionFactory(program=site.program, question="Is there a fee?", answer="No fee.")
    assert "Is there a fee?" in client.get(url).content.decode()
    PartnerFactory(center=site.center, name="New Partner Foundation")
    assert "New Partner Foundation" in client.get(url).content.decode()  # the footer lists partners
    site.center.email = "new-address@example.org"
    site.center.save()
    assert "new-address@example.org" in client.get(url).content.decode()


def test_a_program_turned_draft_disappears(client, site):
    url = f"/en/programs/{site.program.slug}/"
    client.get(url)
    client.get("/en/programs/")
    site.program.status = Program.Status.DRAFT
    site.program.save()
    assert client.get(url).status_code == 404
    assert site.program.title not in client.get("/en/programs/").content.decode()


def test_unpublishing_a_report_hides_it_from_the_next_visitor(client):
    program, report, _people = report_program()
    url = f"/en/programs/{program.slug}/report/"
    client.get(url)
    assert from_cache(client.get(url))
    report_services.unpublish_report(report)
    assert client.get(url).status_code == 404


def test_report_figures_follow_new_registrations(client):
    program, _report, _people = report_program()
    url = f"/en/programs/{program.slug}/report/"
    assert "Registrations on this platform: 16 people from 4 countries." in client.get(url).content.decode()
    assert from_cache(client.get(url))
    RegistrationFactory(program=program, country="TR")
    response = client.get(url)
    assert not from_cache(response)
    assert "Registrations on this platform: 17 people from 5 countries." in response.content.decode()


# Seats and the clock: the registration state is never stale.

def test_seats_left_and_full_show_at_once(client):
    program = ProgramFactory(capacity_online=2)
    url = program.get_absolute_url()
    assert "2 places left" in client.get(url).content.decode()
    assert from_cache(client.get(url))
    RegistrationFactory(program=program)
    response = client.get(url)
    assert not from_cache(response) and "1 place left" in response.content.decode()
    RegistrationFactory(program=program)
    html = client.get(url).content.decode()
    assert "full — you can join the waiting list" in html and "1 place left" not in html
    # Registrations that change nothing the page shows (the waiting list, pending ones elsewhere) keep the page.
    assert from_cache(client.get(url))
    RegistrationFactory(program=program, status=Registration.Status.WAITLISTED)
    assert from_cache(client.get(url))


def test_a_cancellation_frees_a_seat_at_once(client):
    program = ProgramFactory(capacity_online=1)
    registration = RegistrationFactory(program=program)
    url = program.get_absolute_url()
    assert "full — you can join the waiting list" in client.get(url).content.decode()
    registration.status = Registration.Status.CANCELLED
    registration.save()
    assert "1 place left" in client.get(url).content.decode()


def test_a_rush_on_an_unlimited_program_keeps_the_page(client):
    program = ProgramFactory(capacity_online=None)
    url = program.get_absolute_url()
    client.get(url)
    RegistrationFactory.create_batch(5, program=program)
    response = get(client, url)
    assert from_cache(response) and response.queries == 0


def test_the_window_closing_closes_the_cached_page(client, clock):
    program = ProgramFactory()
    url = program.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Registration is open until" in html and f"/programs/{program.slug}/register/" in html
    assert from_cache(client.get(url))
    clock(program.registration_closes)  # the very moment it closes
    html = client.get(url).content.decode()
    assert "Registration closed on" in html and f"/programs/{program.slug}/register/" not in html


def test_the_window_opening_opens_the_cached_page(client, clock):
    now = timezone.now()
    program = ProgramFactory(registration_opens=now + dt.timedelta(days=2))
    url = program.get_absolute_url()
    html = client.get(url).content.decode()
    assert "Registration opens on" in html and f"/programs/{program.slug}/register/" not in html
    assert from_cache(client.get(url))
    clock(now + dt.timedelta(days=1))
    assert from_cache(client.get(url))  # nothing changed yet
    clock(program.registration_opens)
    html = client.get(url).content.decode()
    assert "Registration is open until" in html and f"/programs/{program.slug}/register/" in html


def test_a_program_that_ends_moves_to_the_past_on_the_home_page(client, clock):
    program = ProgramFactory(title="Soon over")
    html = client.get("/en/").content.decode()
    assert html.index("Soon over") < html.index("past-heading")
    assert from_cache(client.get("/en/"))
    clock(program.ends + dt.timedelta(microseconds=1))
    html = client.get("/en/").content.decode()
    assert html.index("Soon over") > html.index("past-heading")


# Who never gets or stores a cached page.

def test_staff_get_fresh_pages_and_store_none(client, site):
    url = f"/en/programs/{site.program.slug}/"
    client.force_login(StaffUserFactory(username="organiser-x", role=PROGRAM_ORGANISER))
    first = client.get(url)
    second = client.get(url)
    assert not from_cache(first) and not from_cache(second)
    assert second.context is not None  # rendered
    client.logout()
    assert not from_cache(client.get(url))  # the staff's pages were not stored
    assert from_cache(client.get(url))
    client.force_login(StaffUserFactory(username="organiser-y", role=PROGRAM_ORGANISER))
    assert not from_cache(client.get(url))  # nor is the stored page served to staff


def test_staff_draft_preview_is_never_served_to_visitors(client):
    organiser = StaffUserFactory(username="their-organiser", role=PROGRAM_ORGANISER)
    program = ProgramFactory(status=Program.Status.DRAFT)
    program.organisers.add(organiser)
    client.force_login(organiser)
    assert "Preview: this program is a draft" in client.get(program.get_absolute_url()).content.decode()
    client.logout()
    assert client.get(program.get_absolute_url()).status_code == 404


def test_a_session_cookie_gets_a_fresh_page(client, site, settings):
    url = f"/en/programs/{site.program.slug}/"
    client.get(url)
    assert from_cache(client.get(url))
    client.cookies[settings.SESSION_COOKIE_NAME] = "some-session"
    assert not from_cache(client.get(url))
    del client.cookies[settings.SESSION_COOKIE_NAME]
    client.cookies["messages"] = "anything"
    assert not from_cache(client.get(url))


def test_unknown_query_strings_are_neither_served_nor_stored(client, site):
    url = f"/en/programs/{site.program.slug}/"
    client.get(url)
    assert not from_cache(client.get(url + "?utm_source=mail"))
    assert not from_cache(client.get(url + "?utm_source=mail"))
    assert from_cache(client.get(url))


def test_the_list_filters_are_stored_but_odd_ones_are_not(client, site):
    year = site.program.starts.year
    for query in ("?status=registration_open", "?theme=decarbonization", f"?year={year}", "?status=&theme=&year="):
        client.get("/en/programs/" + query)
        assert from_cache(client.get("/en/programs/" + query)), query
    odd = ("?theme=no-such-theme", "?year=20x0", f"?year={year + 50}", "?status=a&status=b", "?page=2",
           "?year=&status=")  # made up, or not in the form's order: would fill the cache with copies
    for query in odd:
        client.get("/en/programs/" + query)
        assert not from_cache(client.get("/en/programs/" + query)), query


def test_the_cache_can_be_turned_off(client, site, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    url = f"/en/programs/{site.program.slug}/"
    client.get(url)
    assert not from_cache(client.get(url))


def test_a_new_person_page_is_served(client):
    PersonFactory(slug="new-person", given_name="Nadia", family_name="Rahimi")
    assert "Nadia" in client.get("/en/people/new-person/").content.decode()
    assert from_cache(client.get("/en/people/new-person/"))


def test_report_figures_follow_attendance_and_certificates(client):
    """What the attendance rule and the certificate count read changes the report's stamp, bulk writes too."""
    from tests.factories.attendance import CheckInFactory, ZoomAttendeeFactory
    from trainingcenter.attendance.services import zoom_import
    from trainingcenter.certificates.models import Certificate
    from trainingcenter.public.views.reports import report_data_stamp

    program, _report, _people = report_program()
    registration = RegistrationFactory(program=program)
    stamps = [report_data_stamp(program.slug)]

    attendee = ZoomAttendeeFactory(program=program)
    stamps.append(report_data_stamp(program.slug))
    zoom_import.link_attendee(attendee, registration)  # in place: no new row
    stamps.append(report_data_stamp(program.slug))
    zoom_import.unlink_attendee(attendee)
    stamps.append(report_data_stamp(program.slug))
    CheckInFactory(registration=registration)
    stamps.append(report_data_stamp(program.slug))
    registration.status = Registration.Status.CANCELLED
    registration.save()
    stamps.append(report_data_stamp(program.slug))
    assert stamps[3] == stamps[1]  # unlinked again: the figures are those of before the link
    del stamps[3]
    assert len(set(stamps)) == len(stamps)
    assert Certificate.objects.filter(program=program).update(status=Certificate.Status.REVOKED) == 0
    assert report_data_stamp(program.slug) == stamps[-1]  # nothing changed, same stamp
    assert report_data_stamp("no-such-program") is None
