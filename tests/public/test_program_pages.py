"""The public program list, program page and person page, as a visitor gets them."""
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import (
    CenterFactory,
    FrequentlyAskedQuestionFactory,
    PersonFactory,
    ProgramFactory,
    SessionFactory,
    ThemeFactory,
)
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


def test_program_page_query_count_does_not_grow_with_agenda(client, django_assert_num_queries, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0  # renders, not the page cache's hits (tests/public/test_page_cache.py)
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


# --- times without an agenda, one-day programs, questions and contact -------------------------------

SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def one_day_program(**overrides):
    """A one-day online program, 14:00–17:00 in Beijing (06:00–09:00 UTC), far in the future, without agenda."""
    values = {
        "title": "Lithium-ion batteries",
        "starts": dt.datetime(2031, 9, 28, 14, 0, tzinfo=SHANGHAI),
        "ends": dt.datetime(2031, 9, 28, 17, 0, tzinfo=SHANGHAI),
        "registration_closes": dt.datetime(2031, 9, 26, 23, 59, tzinfo=SHANGHAI),
    }
    values.update(overrides)
    return ProgramFactory(**values)


def test_without_an_agenda_the_page_gives_the_times_in_the_programs_zone_and_for_the_browser(client):
    program = one_day_program()

    html = client.get(program.get_absolute_url()).content.decode()

    # Once, with both times, in Beijing time; the browser adds the visitor's own from the UTC instants.
    assert "Sept. 28, 2031, 14:00–17:00" in html
    assert html.count("Sept. 28, 2031") == 1
    assert (
        '<time class="program-when" datetime="2031-09-28T06:00:00+00:00" data-local '
        'data-end="2031-09-28T09:00:00+00:00" data-tz="Asia/Shanghai">'
    ) in html
    assert "Asia/Shanghai (UTC+08:00)" in html
    assert "The agenda will be published soon." in html


def test_a_completed_program_without_an_agenda_promises_nothing(client):
    program = one_day_program(
        starts=dt.datetime(2022, 9, 28, 14, 0, tzinfo=SHANGHAI), ends=dt.datetime(2022, 9, 28, 17, 0, tzinfo=SHANGHAI),
        registration_opens=None, registration_closes=dt.datetime(2022, 9, 26, 23, 59, tzinfo=SHANGHAI),
        status=Program.Status.COMPLETED,
    )

    response = client.get(program.get_absolute_url())
    html = response.content.decode()

    assert "published soon" not in html
    assert 'id="agenda-heading"' not in html
    assert "Sept. 28, 2022, 14:00–17:00" in html


def test_a_past_program_not_yet_marked_completed_promises_nothing_either(client):
    program = one_day_program(
        starts=timezone.now() - dt.timedelta(days=3), ends=timezone.now() - dt.timedelta(days=3, hours=-3),
        registration_opens=None, registration_closes=None, status=Program.Status.RUNNING,
    )

    assert "published soon" not in client.get(program.get_absolute_url()).content.decode()


def test_a_program_over_several_days_gives_both_dates_with_their_times(client):
    program = one_day_program(ends=dt.datetime(2031, 9, 29, 12, 0, tzinfo=SHANGHAI))

    html = client.get(program.get_absolute_url()).content.decode()

    assert "Sept. 28, 2031, 14:00 – Sept. 29, 2031, 12:00" in html


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh-hans", "2031年9月28日 14:00–17:00"), ("ru", "28 сентября 2031 г., 14:00–17:00")],
)
def test_the_times_in_each_language(client, lang, expected):
    program = one_day_program()

    html = client.get(f"/{lang}/programs/{program.slug}/").content.decode()

    assert expected in html


def test_a_one_day_agenda_names_its_date_once_without_a_day_number(client):
    program = one_day_program()
    SessionFactory(program=program, title="Opening", starts=program.starts, ends=program.starts + dt.timedelta(hours=1))

    html = client.get(program.get_absolute_url()).content.decode()

    assert "Sunday, Sept. 28, 2031" in html
    assert "Day 1" not in html
    assert "14:00–15:00" in html


def test_questions_with_answers_and_the_programs_contact_person(client):
    program = one_day_program(
        contact_name="Program office", contact_name_zh_hans="项目办公室", contact_email="office@example.org",
    )
    FrequentlyAskedQuestionFactory(
        program=program, order=1, question="Do I need a visa?", question_zh_hans="需要签证吗？",
        answer="No: it is online.\n\nSee https://example.org/visa for more.", answer_zh_hans="不需要：线上举行。",
    )
    FrequentlyAskedQuestionFactory(program=program, order=2, question="Is there a recording?", answer="Not yet.")

    html = client.get(program.get_absolute_url()).content.decode()

    assert '<h2 id="questions-heading">Questions?</h2>' in html
    assert html.index("Do I need a visa?") < html.index("Is there a recording?")
    assert '<summary>Do I need a visa?</summary>' in html
    assert "<p>No: it is online.</p>" in html
    assert '<a href="https://example.org/visa" rel="nofollow">https://example.org/visa</a>' in html
    assert "Program office" in html
    assert '<a href="mailto:office@example.org">office@example.org</a>' in html

    chinese = client.get(f"/zh-hans/programs/{program.slug}/").content.decode()
    assert "<summary>需要签证吗？</summary>" in chinese
    assert "项目办公室" in chinese
    # The untranslated question is marked as English, and the section says so once.
    assert '<summary lang="en">Is there a recording?</summary>' in chinese
    questions = chinese.split('id="questions-heading"')[1].split("</section>")[0]
    assert questions.count('class="fallback-note"') == 1


def test_faq_answers_are_escaped(client):
    program = one_day_program()
    FrequentlyAskedQuestionFactory(program=program, question="<b>Visa?</b>", answer="<script>alert(1)</script>")

    html = client.get(program.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;Visa?&lt;/b&gt;" in html


def test_without_a_contact_person_the_page_offers_the_centres_address(client):
    CenterFactory(email="training@example.org")
    program = one_day_program()

    html = client.get(program.get_absolute_url()).content.decode()

    assert 'id="questions-heading"' in html
    assert 'class="program-contact"' in html
    assert '<a href="mailto:training@example.org">training@example.org</a>' in html


def test_without_questions_or_any_address_there_is_no_questions_section(client):
    program = one_day_program()

    assert 'id="questions-heading"' not in client.get(program.get_absolute_url()).content.decode()
