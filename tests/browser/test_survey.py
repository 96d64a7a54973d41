"""The feedback survey on a phone (360 × 740) in real Chromium, in English without JavaScript and in Russian.

Ratings are radio buttons drawn as boxes: the test answers them as a person
would (tapping a box, or with the keyboard), sends the form with a required
answer missing, corrects it, and changes the answers afterwards. Screenshots
go to test-artifacts/screenshots/survey-*.png.
"""
import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.factories import SessionFactory
from tests.factories.surveys import InvitationFactory, attendee, ended_program
from trainingcenter.surveys.models import Answer, Response
from trainingcenter.surveys.services import create_default_survey

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  (window.__cspViolations = window.__cspViolations || []).push(event.effectiveDirective + " " + event.blockedURI);
}, true);
"""


@pytest.fixture
def survey(transactional_db):
    program = ended_program(
        title="Lithium-ion Battery Recycling", title_ru="Переработка литий-ионных батарей",
        starts=timezone.now() - dt.timedelta(days=2), ends=timezone.now() - dt.timedelta(hours=20),
    )
    SessionFactory(program=program, title="Second life of electric vehicle batteries",
                   title_ru="Вторая жизнь аккумуляторов электромобилей")
    survey = create_default_survey(program)
    survey.anonymous_allowed = True
    survey.save()
    return survey


def invite(survey, **person):
    return InvitationFactory(survey=survey, registration=attendee(survey.program, **person))


def phone_page(browser, *, javascript=True, locale="en-GB"):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale=locale,
                                  java_script_enabled=javascript)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def rating_label(group, value):
    """The box a person taps: the label around the radio button (which lies over the box, unseen)."""
    return group.locator("label.rating-option").filter(has=group.page.locator(f"input[value='{value}']"))


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_answer_on_a_phone_in_english_without_javascript(browser, live_server, survey):
    invitation = invite(survey, given_name="Dilnoza", family_name="Karimova")
    token = invitation.registration.token
    context, page = phone_page(browser, javascript=False)
    try:
        page.goto(f"{live_server.url}/en/r/{token}/")
        box = page.locator("#survey")
        expect(box).to_contain_text("Please tell us what you thought of the program")
        box.get_by_role("link", name="Answer the survey").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Your feedback")
        fits_the_phone(page)
        shot(page, "survey-phone-en-form")

        overall = page.get_by_role("group", name="Overall, how would you rate the program?")
        overall.get_by_role("radio", name="4 of 5").check()
        session = page.get_by_role("group", name="Session: Second life of electric vehicle batteries")
        rating_label(session, 5).tap()
        expect(session.get_by_role("radio", name="5 of 5")).to_be_checked()
        page.get_by_label("What should we improve?").fill("More time for questions after each lecture.")
        page.get_by_role("button", name="Send my answers").click()

        # The usefulness rating is required: the form comes back with a message by it, nothing lost.
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("Some answers need your attention")
        usefulness = page.get_by_role("group", name="How useful is what you learned for your work?")
        expect(usefulness).to_contain_text("Please answer this question.")
        expect(overall.get_by_role("radio", name="4 of 5")).to_be_checked()
        expect(page.get_by_label("What should we improve?")).to_have_value(
            "More time for questions after each lecture.")
        fits_the_phone(page)
        shot(page, "survey-phone-en-error")

        usefulness.get_by_role("radio", name="5 of 5").check()
        page.get_by_role("button", name="Send my answers").click()

        expect(page.get_by_role("status").first).to_contain_text("Thank you: your answers are saved.")
        expect(page.locator("#survey")).to_contain_text("Answered")
        shot(page, "survey-phone-en-thanks")
        response = Response.objects.get()
        assert sorted(Answer.objects.filter(response=response).exclude(rating=None)
                      .values_list("rating", flat=True)) == [4, 5, 5]

        # Change the answers: the form shows the earlier ones.
        page.locator("#survey").get_by_role("link", name="Change my answers").click()
        expect(overall.get_by_role("radio", name="4 of 5")).to_be_checked()
        overall.get_by_role("radio", name="3 of 5").check()
        page.get_by_role("button", name="Save my new answers").click()
        expect(page.get_by_role("status").first).to_contain_text("Thank you")
        assert Response.objects.count() == 1
        assert Answer.objects.get(question__default_key="overall").rating == 3
    finally:
        context.close()


def test_answer_on_a_phone_in_russian_with_the_keyboard_anonymously(browser, live_server, survey):
    invitation = invite(survey, given_name="Алёна", family_name="Смирнова", language="ru")
    context, page = phone_page(browser, locale="ru-RU")
    try:
        page.goto(f"{live_server.url}/ru/r/{invitation.registration.token}/survey/")
        expect(page.locator(".lead")).to_have_text("Переработка литий-ионных батарей")
        overall = page.get_by_role("group", name="Как вы в целом оцениваете программу?")
        expect(overall).to_be_visible()
        expect(page.get_by_role("group", name="Сессия: Вторая жизнь аккумуляторов электромобилей")).to_be_visible()
        fits_the_phone(page)
        shot(page, "survey-phone-ru-form")

        # Keyboard: the first box, then arrow keys move the choice along the group, as radio buttons do.
        overall.locator("input[value='1']").focus()
        page.keyboard.press("Space")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        expect(overall.locator("input[value='4']")).to_be_checked()
        shot(page, "survey-phone-ru-keyboard")
        useful = page.get_by_role("group", name="Насколько полезно полученное для вашей работы?")
        rating_label(useful, 5).click()
        page.get_by_label("Какие темы вы хотели бы видеть в будущих программах?").fill("Водородная энергетика")
        page.locator("input[name='anonymous']").check()
        page.locator("form.survey-form button[type='submit']").click()

        expect(page.locator("#survey .badge-success")).to_be_visible()
        fits_the_phone(page)
        shot(page, "survey-phone-ru-thanks")
        response = Response.objects.get()
        assert response.anonymous and response.invitation is None and response.language == "ru"
        assert Answer.objects.get(response=response, question__default_key="topics").text == "Водородная энергетика"
        assert page.evaluate("window.__cspViolations || []") == []
    finally:
        context.close()
