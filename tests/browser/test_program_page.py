"""A program page as a visitor sees it in a browser: its times in the program's zone and their own, the
questions and answers, whom to write to; at phone and desktop width, in English and Chinese."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, MOBILE
from tests.factories import (
    CenterFactory,
    FrequentlyAskedQuestionFactory,
    ProgramFactory,
    SessionFactory,
)
from trainingcenter.programs.models import Program

pytestmark = pytest.mark.browser

SHANGHAI = dt.timezone(dt.timedelta(hours=8))
LANGUAGES = ["en", "zh-hans"]
# The viewer is in Moscow (UTC+3, conftest): 14:00 in Beijing is 09:00 there.
WHEN = {"en": "Sept. 28, 2022, 14:00–17:00", "zh-hans": "2022年9月28日 14:00–17:00"}
VISA = {"en": "Do I need a visa?", "zh-hans": "需要办理签证吗？"}
VISA_ANSWER = {"en": "No. The webinar was held online only.", "zh-hans": "不需要。本次网络研讨会仅在线上举行。"}


@pytest.fixture
def webinar(transactional_db):
    """Like the 6th program: one afternoon online, completed, no agenda published; the centre's address to write to."""
    CenterFactory(
        name="Joint Training Center", name_zh_hans="联合培训中心", email="training@example.org",
        address="Example University\nBeijing, China", address_zh_hans="中国北京\n示例大学",
    )
    program = ProgramFactory(
        slug="lithium-ion-webinar", title="Powering the Belt and Road: Lithium-ion Batteries",
        title_zh_hans="赋能“一带一路”：锂离子电池", subtitle="", number=6,
        starts=dt.datetime(2022, 9, 28, 14, 0, tzinfo=SHANGHAI), ends=dt.datetime(2022, 9, 28, 17, 0, tzinfo=SHANGHAI),
        registration_opens=None, registration_closes=dt.datetime(2022, 9, 26, 23, 59, tzinfo=SHANGHAI),
        status=Program.Status.COMPLETED, venue="Online (Zoom webinar)", venue_zh_hans="线上（Zoom网络研讨会）",
    )
    FrequentlyAskedQuestionFactory(
        program=program, order=1, question=VISA["en"], question_zh_hans=VISA["zh-hans"],
        answer=VISA_ANSWER["en"], answer_zh_hans=VISA_ANSWER["zh-hans"],
    )
    FrequentlyAskedQuestionFactory(
        program=program, order=2, question="Is there a recording?", question_zh_hans="有录像吗？",
        answer="No recording has been published.", answer_zh_hans="尚未发布录像。",
    )
    return program


def fits_the_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_past_program_without_agenda_gives_its_times_questions_and_contact(page, live_server, webinar, screenshot,
                                                                               lang):
    response = page.goto(f"{live_server.url}/{lang}/programs/{webinar.slug}/")
    assert response.status == 200

    when = page.locator(".facts .program-when")
    expect(when).to_have_text(WHEN[lang])
    # The same afternoon in the visitor's zone, added by local-time.js on the same 24-hour clock.
    viewer = page.locator(".facts .viewer-time")
    expect(viewer).to_contain_text("09:00–12:00")
    expect(viewer).not_to_contain_text("AM")
    expect(page.locator("#agenda-heading")).to_have_count(0)
    expect(page.get_by_text("published soon")).to_have_count(0)

    # Questions open in place, without JavaScript of ours.
    answer = page.get_by_text(VISA_ANSWER[lang])
    expect(answer).to_be_hidden()
    page.get_by_text(VISA[lang], exact=True).click()
    expect(answer).to_be_visible()
    contact = page.locator(".program-contact a[href='mailto:training@example.org']")
    expect(contact).to_be_visible()

    footer = page.locator(".site-footer .footer-contact")
    expect(footer.locator("a[href='mailto:training@example.org']")).to_be_visible()
    expect(footer).to_contain_text("Beijing, China" if lang == "en" else "中国北京 示例大学")

    for size in (MOBILE, DESKTOP):
        page.set_viewport_size(size)
        assert fits_the_width(page), size
    screenshot(page, f"program-questions-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_upcoming_program_names_its_contact_and_writes_every_time_on_one_clock(page, live_server, screenshot,
                                                                                    transactional_db, lang):
    CenterFactory(email="training@example.org")
    starts = dt.datetime(2031, 3, 16, 14, 0, tzinfo=SHANGHAI)
    program = ProgramFactory(
        slug="storage-2031", title="Battery Storage for Grids", title_zh_hans="电网电池储能",
        starts=starts, ends=starts + dt.timedelta(hours=3, minutes=30),
        registration_closes=dt.datetime(2031, 3, 9, 23, 59, tzinfo=SHANGHAI),
        contact_name="Program office", contact_name_zh_hans="项目办公室", contact_email="office@example.org",
    )
    SessionFactory(program=program, title="Afternoon lecture", title_zh_hans="下午讲座",
                   starts=starts, ends=starts + dt.timedelta(hours=1, minutes=30))
    FrequentlyAskedQuestionFactory(program=program, question="Which language?", question_zh_hans="使用什么语言？",
                                   answer="English.", answer_zh_hans="英文。")

    page.goto(f"{live_server.url}/{lang}/programs/{program.slug}/")

    expect(page.locator(".session-time")).to_have_text("14:00–15:30")
    expect(page.locator(".session .viewer-time")).to_contain_text("09:00–10:30")
    expect(page.locator(".facts .program-when")).to_contain_text("14:00–17:30")
    expect(page.locator(".facts .viewer-time")).to_contain_text("09:00–12:30")
    # A one-day agenda names its date once, without "Day 1".
    expect(page.locator(".agenda-day h3")).to_have_text(
        {"en": "Sunday, March 16, 2031", "zh-hans": "星期日, 2031年3月16日"}[lang]
    )
    expect(page.locator(".program-contact")).to_contain_text("项目办公室" if lang == "zh-hans" else "Program office")
    expect(page.locator(".program-contact a[href='mailto:office@example.org']")).to_be_visible()

    for size in (MOBILE, DESKTOP):
        page.set_viewport_size(size)
        assert fits_the_width(page), size
    screenshot(page, f"program-contact-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_about_page_says_how_to_reach_the_centre(page, live_server, webinar, screenshot, lang):
    page.goto(f"{live_server.url}/{lang}/about/")

    contact = page.locator("#contact")
    expect(contact.locator("a[href='mailto:training@example.org']")).to_be_visible()
    # One line of the address per line on the page.
    lines = contact.locator("address").inner_text().splitlines()
    assert lines == (["Example University", "Beijing, China"] if lang == "en" else ["中国北京", "示例大学"])
    # The footer's contact link leads here.
    page.locator(".footer-contact-label").click()
    expect(page).to_have_url(f"{live_server.url}/{lang}/about/#contact")
    for size in (MOBILE, DESKTOP):
        page.set_viewport_size(size)
        assert fits_the_width(page), size
    screenshot(page, f"about-contact-{lang}")
