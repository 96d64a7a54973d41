"""The public program list, program page and person page, as a visitor gets them."""
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import PersonFactory, ProgramFactory, SessionFactory, ThemeFactory
from tests.factories.showcase import showcase_site
from trainingcenter.programs.models import Program

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return showcase_site()


def test_program_page_shows_what_a_visitor_needs(client, site):
    response = client.get(f"/en/programs/{site.program.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "5th Joint Training Program",
        "Pathways for Industrial Decarbonization",
        "Clean industry in the Belt and Road countries",
        "Hybrid",
        "Beijing and online",
        "Industry emits a large share",
        "Share policies and technologies.",
        "Green hydrogen",
        "Aigerim Sadykova",
        "Stable carbon prices attract investment.",
        "Cooperation speeds up the transition.",
        "Asia/Shanghai (UTC+08:00)",
        'href="https://example.org/slides.pdf"',
        f'href="/en/people/{site.speaker.slug}/"',
        'registration-box',
    ]:
        assert text in html, text


def test_agenda_times_are_in_program_time_zone_with_utc_for_the_browser(client, site):
    response = client.get(f"/en/programs/{site.program.slug}/")
    days = response.context["agenda"]
    assert [len(day.sessions) for day in days] == [1, 1]
    assert days[1].date - days[0].date == dt.timedelta(days=1)
    html = response.content.decode()
    first = site.sessions[0]
    utc_iso = first.starts.astimezone(dt.UTC).isoformat()
    assert f'datetime="{utc_iso}"' in html
    assert "09:00–09:45" in html  # 01:00 UTC is 09:00 in Beijing


def test_agenda_groups_by_local_day_not_utc_day(client):
    # 17:00 UTC on one day is 01:00 the next day in Beijing.
    starts = (timezone.now() + dt.timedelta(days=20)).replace(hour=17, minute=0, second=0, microsecond=0)
    program = ProgramFactory(starts=starts, ends=starts + dt.timedelta(hours=10))
    SessionFactory(program=program, starts=starts, ends=starts + dt.timedelta(hours=1))
    response = client.get(program.get_absolute_url())
    [day] = response.context["agenda"]
    assert day.date == (starts + dt.timedelta(hours=8)).date()


@pytest.mark.parametrize(
    ("lang", "number_label", "title"),
    [
        ("en", "5th Joint Training Program", "Pathways for Industrial Decarbonization"),
        ("zh-hans", "第5期联合培训项目", "工业脱碳路径"),
        ("ru", "5-я совместная учебная программа", "Пути декарбонизации промышленности"),
    ],
)
def test_program_page_in_each_language(client, site, lang, number_label, title):
    html = client.get(f"/{lang}/programs/{site.program.slug}/").content.decode()
    assert f'<html lang="{lang}">' in html
    assert number_label in html
    assert f"<h1>{title}</h1>" in html


def test_content_without_translation_falls_back_to_english(client, site):
    html = client.get(f"/ru/programs/{site.program.slug}/").content.decode()
    assert "Clean industry in the Belt and Road countries" in html  # no Russian subtitle given


def test_draft_is_404_for_visitors_but_previewable_by_staff(client, site, staff_user):
    assert client.get(f"/en/programs/{site.draft.slug}/").status_code == 404
    client.force_login(staff_user)
    response = client.get(f"/en/programs/{site.draft.slug}/")
    assert response.status_code == 200
    assert "Preview" in response.content.decode()


def test_unknown_program_and_person_are_404_pages(client):
    for url in ["/en/programs/no-such-thing/", "/zh-hans/people/nobody/", "/xx/programs/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "errors/404.html" in [t.name for t in response.templates]


def test_program_page_query_count_does_not_grow_with_agenda(client, django_assert_num_queries):
    def program_with(n_sessions, n_speakers):
        program = ProgramFactory()
        speakers = PersonFactory.create_batch(n_speakers)
        for i in range(n_sessions):
            SessionFactory(
                program=program,
                starts=program.starts + dt.timedelta(hours=i % 24, days=i // 24),
                speakers=[speakers[i % n_speakers], speakers[(i + 7) % n_speakers]],
            )
        return program

    small = program_with(1, 1)
    large = program_with(30, 40)
    client.get(small.get_absolute_url())  # warm caches (content types, translations)

    def count(program):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert client.get(program.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    baseline = count(small)
    with django_assert_num_queries(baseline):
        response = client.get(large.get_absolute_url())
    assert sum(len(day.sessions) for day in response.context["agenda"]) == 30


def test_person_page(client, site):
    response = client.get(f"/en/people/{site.speaker.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in ["Prof.", "Wang Wei", "王伟", "Professor of Energy Economics", "Example University", "China",
                 "Advises several ministries.", "Carbon markets for heavy industry", "Electric buses in cities"]:
        assert text in html, text


def test_person_page_hides_draft_programs(client, site):
    SessionFactory(program=site.draft, title="Secret session", speakers=[site.speaker])
    html = client.get(f"/en/people/{site.speaker.slug}/").content.decode()
    assert "Secret session" not in html
    assert "Unannounced draft" not in html


def test_bionote_is_escaped(client):
    person = PersonFactory(bionote="<script>alert(1)</script>")
    html = client.get(person.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


class TestProgramList:
    def test_lists_public_programs_only(self, client, site):
        html = client.get("/en/programs/").content.decode()
        assert site.program.title in html
        assert site.past.title in html
        assert "Unannounced draft" not in html

    def test_filters_by_status_theme_and_year(self, client, site):
        def titles(query):
            return {p.title for p in client.get("/en/programs/", query).context["programs"]}

        assert titles({"status": "completed"}) == {site.past.title}
        assert titles({"theme": site.theme.slug}) == {site.program.title}
        # The two programs are 400 days apart, so always in different years.
        assert titles({"year": str(site.past.starts.year)}) == {site.past.title}
        assert titles({"year": str(site.program.starts.year)}) == {site.program.title}
        assert titles({"status": "completed", "theme": site.theme.slug}) == set()

    @pytest.mark.parametrize(
        "query",
        [
            {"status": "draft"},
            {"status": "nonsense"},
            {"theme": "no-such-theme"},
            {"year": "twenty"},
            {"year": "99999999999999999999"},
            {"year": "²⁰²²"},
            {"year": "٢٠٢٢"},
            {"year": "-1", "status": "%00", "theme": "'; drop table"},
        ],
    )
    def test_invalid_filters_are_ignored(self, client, site, query):
        response = client.get("/en/programs/", query)
        assert response.status_code == 200
        assert len(response.context["programs"]) == 2  # both public programs, no draft

    def test_filter_form_offers_only_existing_themes_and_years(self, client, site):
        ThemeFactory(slug="unused", name="Unused theme")
        response = client.get("/en/programs/")
        assert [t.slug for t in response.context["themes"]] == [site.theme.slug]
        assert site.past.starts.year in response.context["years"]


def test_number_label_ordinals():
    program = Program(number=1)
    with translation.override("en"):
        labels = {n: Program(number=n).number_label for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 111)}
    assert labels[1].startswith("1st ")
    assert labels[2].startswith("2nd ")
    assert labels[3].startswith("3rd ")
    assert labels[4].startswith("4th ")
    assert labels[11].startswith("11th ") and labels[12].startswith("12th ") and labels[13].startswith("13th ")
    assert labels[21].startswith("21st ") and labels[22].startswith("22nd ") and labels[23].startswith("23rd ")
    assert labels[111].startswith("111th ")
    program.number = None
    assert program.number_label == ""


def test_person_url_name():
    assert reverse("programs:person", kwargs={"slug": "x"}).endswith("/people/x/")


def test_draft_preview_only_for_the_programs_own_organisers(client, site, django_user_model):
    organiser = django_user_model.objects.create_user("someone", "someone@example.org", "pw-long-enough", is_staff=True)
    client.force_login(organiser)
    assert client.get(f"/en/programs/{site.draft.slug}/").status_code == 404
    site.draft.organisers.add(organiser)
    assert client.get(f"/en/programs/{site.draft.slug}/").status_code == 200
    # Public programs stay visible to them, once each.
    assert client.get(f"/en/programs/{site.program.slug}/").status_code == 200


def test_content_shown_in_english_for_want_of_a_translation_is_marked_as_english(client):
    program = ProgramFactory(
        background_en="Industry emits a large share of greenhouse gases.", background_zh_hans="工业排放占比很大。",
        background_ru="",
    )
    person = PersonFactory(bionote_en="Works on batteries.", bionote_ru="Занимается аккумуляторами.")

    russian = client.get(f"/ru/programs/{program.slug}/").content.decode()
    chinese = client.get(f"/zh-hans/programs/{program.slug}/").content.decode()
    bionote = client.get(f"/ru/people/{person.slug}/").content.decode()

    assert '<div lang="en"><p>Industry emits a large share of greenhouse gases.</p></div>' in russian
    assert "<div><p>工业排放占比很大。</p></div>" in chinese
    assert "<div><p>Занимается аккумуляторами.</p></div>" in bionote


def test_agenda_days_are_numbered_from_the_programs_first_day(client):
    shanghai = dt.timezone(dt.timedelta(hours=8))
    program = ProgramFactory(
        time_zone="Asia/Shanghai",
        starts=dt.datetime(2031, 5, 10, 9, tzinfo=shanghai), ends=dt.datetime(2031, 5, 12, 17, tzinfo=shanghai),
    )
    SessionFactory(program=program, title="Opening", starts=dt.datetime(2031, 5, 10, 9, tzinfo=shanghai),
                   ends=dt.datetime(2031, 5, 10, 10, tzinfo=shanghai))
    SessionFactory(program=program, title="Field visit report", starts=dt.datetime(2031, 5, 12, 9, tzinfo=shanghai),
                   ends=dt.datetime(2031, 5, 12, 10, tzinfo=shanghai))

    html = client.get(f"/en/programs/{program.slug}/").content.decode()

    # The middle day has no sessions; the last is still day 3, as in the calendar file.
    assert "Day 1 · Saturday, May 10, 2031" in html
    assert "Day 3 · Monday, May 12, 2031" in html
    assert "Day 2" not in html
