"""What a visitor sees in a real browser, in each of the three languages."""
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories.showcase import showcase_site

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-hans", "ru"]
# Interface words a visitor must see in each language (from the compiled catalogues).
NAV = {
    "en": ["Home", "Programs", "About"],
    "zh-hans": ["首页", "培训项目", "关于我们"],
    "ru": ["Главная", "Программы", "О центре"],
}
CENTER_SHORT_NAME = {"en": "Joint Training Center", "zh-hans": "联合培训中心", "ru": "Учебный центр"}
CENTER_NAME = {
    "en": "Joint Training Center for Low-Carbon Development",
    "zh-hans": "低碳发展联合培训中心",
    "ru": "Совместный учебный центр низкоуглеродного развития",
}
PROGRAM_TITLE = {
    "en": "Pathways for Industrial Decarbonization",
    "zh-hans": "工业脱碳路径",
    "ru": "Пути декарбонизации промышленности",
}
AGENDA_HEADING = {"en": "Agenda", "zh-hans": "日程", "ru": "Расписание"}


@pytest.fixture
def site(transactional_db):
    return showcase_site()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page(page, live_server, site, screenshot, lang):
    response = page.goto(f"{live_server.url}/{lang}/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    nav = page.get_by_role("navigation", name=re.compile(".+")).first
    for word in NAV[lang]:
        expect(nav.get_by_role("link", name=word, exact=True)).to_be_visible()
    expect(page.locator("h1")).to_have_text(CENTER_SHORT_NAME[lang])
    expect(page.locator(".hero-fullname")).to_have_text(CENTER_NAME[lang])
    expect(page.locator(".program-card h3").first).to_have_text(PROGRAM_TITLE[lang])
    expect(page.locator(".site-footer")).to_contain_text(f"© {timezone.now().year} {CENTER_NAME[lang]}")
    screenshot(page, f"home-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_program_page(page, live_server, site, screenshot, lang):
    response = page.goto(f"{live_server.url}/{lang}/programs/{site.program.slug}/")
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(PROGRAM_TITLE[lang])
    expect(page.get_by_role("heading", name=AGENDA_HEADING[lang], exact=True)).to_be_visible()
    # Two days in Beijing time, each session in the program's own time zone...
    expect(page.locator(".agenda-day")).to_have_count(2)
    expect(page.locator(".session-time").first).to_have_text("09:00–09:45")
    # ...and, added by local-time.js, in the viewer's (Moscow, UTC+3).
    expect(page.locator(".session .viewer-time").first).to_contain_text("04:00–04:45")
    expect(page.get_by_role("link", name="Prof. Wang Wei")).to_be_visible()
    expect(page.locator(".registration-box")).to_be_visible()
    screenshot(page, f"program-{lang}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_person_page(page, live_server, site, screenshot, lang):
    response = page.goto(f"{live_server.url}/{lang}/people/{site.speaker.slug}/")
    assert response.status == 200
    # Chinese names are written family name first, whatever the interface language.
    expect(page.locator("h1")).to_contain_text("Wang Wei")
    expect(page.locator("h1")).to_contain_text("王伟")
    expect(page.locator(".person-sessions")).to_contain_text(PROGRAM_TITLE[lang])
    expect(page.locator(".person-sessions")).to_contain_text("Electric buses in cities")
    screenshot(page, f"person-{lang}")


def test_language_switcher_keeps_the_page(page, live_server, site):
    page.goto(f"{live_server.url}/en/programs/{site.program.slug}/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="简体中文").click()
    expect(page).to_have_url(f"{live_server.url}/zh-hans/programs/{site.program.slug}/")
    expect(page.locator("h1")).to_have_text(PROGRAM_TITLE["zh-hans"])
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(f"{live_server.url}/ru/programs/{site.program.slug}/")
    expect(page.locator("h1")).to_have_text(PROGRAM_TITLE["ru"])


def test_first_tab_reaches_the_skip_link(page, live_server, site):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    expect(page.locator(".skip-link")).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_not_found_page(page, live_server, site, screenshot):
    response = page.goto(f"{live_server.url}/zh-hans/programs/no-such-program/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("页面未找到")
    expect(page.get_by_role("link", name="返回首页")).to_be_visible()
    screenshot(page, "not-found-zh-hans")
    response = page.goto(f"{live_server.url}/xx/programs/")
    assert response.status == 404


def test_draft_program_is_not_found(page, live_server, site):
    response = page.goto(f"{live_server.url}/en/programs/{site.draft.slug}/")
    assert response.status == 404


def test_program_list_filters_without_javascript_help(page, live_server, site, screenshot):
    page.goto(f"{live_server.url}/en/programs/")
    expect(page.locator(".program-card")).to_have_count(2)
    page.get_by_label("Status").select_option("completed")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"status=completed"))
    expect(page.locator(".program-card")).to_have_count(1)
    expect(page.locator(".program-card h3")).to_have_text(site.past.title)
    screenshot(page, "programs-en")


def test_about_page(page, live_server, site, screenshot):
    page.goto(f"{live_server.url}/zh-hans/about/")
    expect(page.locator("h1")).to_contain_text("联合培训中心")
    expect(page.get_by_role("heading", name="合作伙伴", exact=True).first).to_be_visible()
    expect(page.locator(".country-group")).to_contain_text("哈萨克斯坦")
    screenshot(page, "about-zh-hans")
