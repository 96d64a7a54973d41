"""News in a browser: read a post, comment, see it held, approve it as an organiser, see it public;
subscribe to the newsletter, confirm, unsubscribe in one click."""
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client
from playwright.sync_api import expect

from tests.factories import ProgramFactory
from tests.news.factories import PostFactory, TagFactory, image_upload
from tests.worker import run_tasks
from trainingcenter.news import services
from trainingcenter.news.models import Subscriber

pytestmark = pytest.mark.browser


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def test_read_comment_moderate_and_see_it_public(page, live_server, superuser, screenshot):
    cache.clear()
    program = ProgramFactory(title="Lithium-ion batteries")
    tag = TagFactory(slug="batteries", name="Batteries")
    post = PostFactory.build(
        slug="sixth", title="Sixth program announced", summary="A one-day online program on batteries.",
        body="<p>Storage makes renewable power practical.</p>", program=program,
        cover=image_upload(size=(1600, 800)), cover_alt="Battery cells",
    )
    services.save_post(post, tags=[tag])
    PostFactory(title="Water conference").tags.add(tag)

    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="News", exact=True).click()
    expect(page.get_by_role("heading", name="News", level=1)).to_be_visible()
    screenshot(page, "news-list")
    page.get_by_role("link", name="Sixth program announced").click()
    expect(page.get_by_role("link", name="Register")).to_be_visible()
    expect(page.get_by_text("Storage makes renewable power practical.")).to_be_visible()
    screenshot(page, "news-post")

    page.get_by_label("Name").first.fill("Aigerim Bekova")
    page.get_by_label("E-mail").first.fill("aigerim@example.org")
    page.locator("#id_body").fill("When will the recording be online?")
    page.get_by_role("button", name="Send comment").click()
    expect(page.get_by_text("will appear once a moderator has read it")).to_be_visible()
    expect(page.get_by_text("When will the recording be online?")).to_have_count(0)
    screenshot(page, "news-comment-held")

    log_in(page, live_server, superuser)
    page.goto(f"{live_server.url}/en/admin/news/comment/?status__exact=pending")
    page.get_by_role("checkbox").nth(1).check()
    page.locator("select[name=action]").select_option("approve")
    page.locator("button[name=index]").first.click()
    expect(page.get_by_text("1 comment approved.")).to_be_visible()
    screenshot(page, "news-comment-admin")
    page.context.clear_cookies()

    page.goto(f"{live_server.url}/en/news/sixth/")
    expect(page.get_by_text("When will the recording be online?")).to_be_visible()
    expect(page.get_by_text("aigerim@example.org")).to_have_count(0)
    screenshot(page, "news-comment-public")


def test_subscribe_confirm_and_unsubscribe_in_one_click(page, live_server, screenshot):
    cache.clear()
    page.goto(f"{live_server.url}/ru/newsletter/")
    page.get_by_label("E-mail").fill("reader@example.org")
    page.locator("select[name=language]").select_option("ru")
    screenshot(page, "newsletter-subscribe")
    page.locator("form.newsletter-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/ru/newsletter/sent/$"))
    run_tasks()
    [message] = mail.outbox
    confirm_url = re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)
    path = confirm_url.split("/", 3)[3]
    page.goto(f"{live_server.url}/{path}")
    page.locator("main form button[type=submit]").click()
    assert Subscriber.objects.get().confirmed_at is not None
    screenshot(page, "newsletter-confirmed")

    token = Subscriber.objects.get().token
    page.goto(f"{live_server.url}/en/newsletter/unsubscribe/{token}/")
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    assert not Subscriber.objects.exists()
    screenshot(page, "newsletter-unsubscribed")
