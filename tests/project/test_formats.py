"""One clock per language: 24-hour in English, Chinese and Russian, the same on every page, e-mail and calendar text.

Our formats (``trainingcenter.formats``) override Django's where they mixed
styles (English ``2 p.m.``, Russian ``9:00`` beside the agenda's ``09:00``);
the browser's own-time additions follow the page's clock (``clock_attributes``).
"""
import datetime as dt
import re

import pytest
from django.utils import formats, translation

from tests.factories import ProgramFactory, RegistrationFactory, SessionFactory
from trainingcenter.core.templatetags.site_tags import clock_of
from trainingcenter.programs.formatting import time_span
from trainingcenter.registrations import emails
from trainingcenter.registrations.calendar import program_days, web_calendar_links

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
LANGUAGES = ["en", "zh-hans", "ru"]
MORNING = dt.datetime(2031, 5, 10, 9, 5, tzinfo=SHANGHAI)
AFTERNOON = dt.datetime(2031, 5, 10, 14, 5, tzinfo=SHANGHAI)
TWELVE_HOUR = re.compile(r"\b[ap]\.m\.|\bnoon\b|\bmidnight\b|[AP]M\b|上午|下午")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_writes_two_digit_24_hour_times(lang):
    with translation.override(lang):
        assert formats.time_format(MORNING, "TIME_FORMAT") == "09:05"
        assert formats.time_format(AFTERNOON, "TIME_FORMAT") == "14:05"
        for name in ("DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"):
            text = formats.date_format(AFTERNOON, name)
            assert "14:05" in text and not TWELVE_HOUR.search(text), (name, text)
        assert "09:05" in formats.date_format(MORNING, "DATETIME_FORMAT")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "May 10, 2031, 14:05–15:00"),
        ("zh-hans", "2031年5月10日 14:05–15:00"),
        ("ru", "10 мая 2031 г., 14:05–15:00"),
    ],
)
def test_a_span_within_one_day_names_the_date_once(lang, expected):
    with translation.override(lang):
        assert time_span(AFTERNOON, AFTERNOON.replace(hour=15, minute=0), SHANGHAI) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "May 10"), ("zh-hans", "5月10日"), ("ru", "10 мая")],
)
def test_month_and_day_as_each_language_writes_them(lang, expected):
    with translation.override(lang):
        assert formats.date_format(MORNING, "MONTH_DAY_FORMAT") == expected


@pytest.mark.parametrize(
    ("time_format", "clock"),
    [
        ("H:i", ("h23", "2-digit")),
        ("G:i", ("h23", "numeric")),
        ("P", ("h12", "numeric")),
        ("h:i A", ("h12", "2-digit")),
        (r"\h H:i", ("h23", "2-digit")),
    ],
)
def test_the_browser_is_told_the_clock_of_the_server_format(time_format, clock):
    assert clock_of(time_format) == clock


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_tell_the_browser_their_clock(client, lang):
    html = client.get(f"/{lang}/").content.decode()

    assert 'data-hour-cycle="h23" data-hour-digits="2-digit"' in html


@pytest.fixture
def afternoon_program(db):
    program = ProgramFactory(
        starts=AFTERNOON, ends=AFTERNOON.replace(hour=17, minute=30),
        registration_closes=dt.datetime(2031, 5, 1, 18, 0, tzinfo=SHANGHAI),
    )
    SessionFactory(
        program=program, title="Afternoon lecture", starts=AFTERNOON, ends=AFTERNOON.replace(hour=15, minute=30),
    )
    return program


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_program_page_uses_one_clock_in_agenda_and_summary(client, afternoon_program, lang):
    html = client.get(f"/{lang}/programs/{afternoon_program.slug}/").content.decode()

    assert "14:05–15:30" in html  # the agenda
    assert "14:05–17:30" in html  # the summary of dates and times
    assert "18:00" in html  # registration closes
    assert not TWELVE_HOUR.search(html)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_participant_page_uses_the_same_clock(client, afternoon_program, lang):
    registration = RegistrationFactory(program=afternoon_program)

    html = client.get(f"/{lang}/r/{registration.token}/").content.decode()

    assert "14:05–15:30" in html and "14:05–17:30" in html
    assert not TWELVE_HOUR.search(html)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
def test_e_mails_and_calendar_texts_use_the_participants_clock(afternoon_program, lang):
    registration = RegistrationFactory(program=afternoon_program, language=lang, time_zone="Europe/Moscow")

    _subject, text, html, attachments = emails.render(registration, "confirmation")
    with translation.override(lang):
        links = web_calendar_links(registration, program_days(afternoon_program))

    # Beijing 14:05 is 09:05 in Moscow.
    for body in (text, html):
        assert "14:05–15:30" in body and "09:05–10:30" in body
        assert not TWELVE_HOUR.search(body)
    [ics] = [content for _name, content, mimetype in attachments if mimetype == "text/calendar"]
    assert "14:05–15:30 (Asia/Shanghai) Afternoon lecture" in ics.replace("\r\n ", "")
    assert "14%3A05%E2%80%9315%3A30" in links[0]["google"]
