"""Public news pages: list, pagination, tags, a post, announcements, feed, sitemap, link previews."""
import datetime as dt
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories import ProgramFactory
from tests.news.factories import PostFactory, TagFactory, image_upload
from trainingcenter.news import services
from trainingcenter.news.models import Comment
from trainingcenter.programs.models import Program

pytestmark = pytest.mark.django_db


def test_list_is_paginated_newest_first_and_hides_future_posts(client):
    now = timezone.now()
    for n in range(12):
        PostFactory(slug=f"p{n}", title=f"Item {n}", published_at=now - dt.timedelta(hours=n + 1))
    PostFactory(slug="future", title="Not yet", published_at=now + dt.timedelta(days=1))
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert [p.slug for p in response.context["posts"]] == [f"p{n}" for n in range(10)]
    html = response.content.decode()
    assert "Not yet" not in html and "Page 1 of 2" in html
    page2 = client.get("/en/news/?page=2")
    assert [p.slug for p in page2.context["posts"]] == ["p10", "p11"]
    assert client.get("/en/news/future/").status_code == 404
    assert 'href="/en/news/"' in html  # the header's News link


def test_tag_page_lists_only_tagged_posts(client):
    tag = TagFactory(slug="water", name="Water")
    tagged = PostFactory(title="Water conference")
    tagged.tags.add(tag)
    PostFactory(title="Something else")
    html = client.get("/en/news/tags/water/").content.decode()
    assert "Water conference" in html and "Something else" not in html
    assert client.get("/en/news/tags/unknown/").status_code == 404


def test_post_page_with_open_graph_cover_and_related(client):
    tag = TagFactory(slug="ev", name="Electric mobility")
    post = PostFactory.build(
        slug="ev", title="EV workshop", summary="Scaling up e-mobility.", cover=image_upload(size=(1600, 900))
    )
    services.save_post(post, tags=[tag])
    other = PostFactory(title="Another EV note")
    other.tags.add(tag)
    html = client.get("/en/news/ev/").content.decode()
    assert '<meta property="og:title" content="EV workshop">' in html
    assert '<meta property="og:description" content="Scaling up e-mobility.">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="og:image" content="http://testserver/media/news/' in html
    assert 'width="1600" height="900"' in html and "480w" in html
    assert "Another EV note" in html and 'href="/en/news/tags/ev/"' in html


def test_post_shows_translation_or_english_with_a_note(client):
    PostFactory(slug="t", title_en="English title", title_ru="Русский заголовок", body_en="<p>Only English body</p>")
    html = client.get("/ru/news/t/").content.decode()
    assert "Русский заголовок" in html
    assert 'lang="en">' in html and "Only English body" in html


def test_announcement_shows_program_and_register_button_while_open(client):
    program = ProgramFactory(slug="sixth", title="6th program", mode=Program.Mode.HYBRID)
    PostFactory(slug="announce", program=program)
    html = client.get("/en/news/announce/").content.decode()
    assert "6th program" in html and "Hybrid" in html
    assert 'href="/en/programs/sixth/register/"' in html and "Registration closed" not in html
    program.registration_closes = timezone.now() - dt.timedelta(minutes=1)
    program.save()
    html = client.get("/en/news/announce/").content.decode()
    assert "/register/" not in html and "Registration closed" in html


def test_atom_feed_per_language(client):
    PostFactory(slug="a", title_en="Feed item", title_zh_hans="订阅条目", summary_en="Sum")
    PostFactory(slug="hidden", title="Future", published_at=timezone.now() + dt.timedelta(days=2))
    response = client.get("/en/news/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)] == ["Feed item"]
    assert root.findall("a:entry/a:link", ns)[0].get("href").endswith("/en/news/a/")
    zh = ElementTree.fromstring(client.get("/zh-hans/news/feed/").content)  # noqa: S314 - our own feed
    assert zh.findall("a:entry", ns)[0].findtext("a:title", namespaces=ns) == "订阅条目"
    assert zh.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-hans"


def test_sitemap_lists_pages_programs_posts_in_every_language(client):
    ProgramFactory(slug="open-one")
    ProgramFactory(slug="secret", status=Program.Status.DRAFT)
    PostFactory(slug="news-item")
    PostFactory(slug="later", published_at=timezone.now() + dt.timedelta(days=1))
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for lang in ("en", "zh-hans", "ru"):
        assert f"http://testserver/{lang}/programs/open-one/" in xml
        assert f"http://testserver/{lang}/news/news-item/" in xml
        assert f"http://testserver/{lang}/about/" in xml
    assert "secret" not in xml and "/news/later/" not in xml
    assert 'hreflang="ru"' in xml


# --- comments ------------------------------------------------------------------------------


def comment_post(**overrides):
    data = {"name": "Aigerim", "email": "aigerim@example.org", "body": "Thank you for the summary.", "website": ""}
    data.update(overrides)
    return data


def test_comment_held_then_approved_in_admin_then_public(client, superuser):
    cache.clear()
    post = PostFactory(slug="c")
    response = client.post("/en/news/c/comments/", comment_post())
    assert response.status_code == 303 and response["Location"] == "/en/news/c/#comments"
    page = client.get("/en/news/c/").content.decode()
    assert "will appear once a moderator has read it" in page
    assert "Thank you for the summary." not in page
    comment = Comment.objects.get()
    admin = client.__class__()
    admin.force_login(superuser)
    response = admin.post(
        "/en/admin/news/comment/", {"action": "approve", "_selected_action": [comment.pk]}, follow=True,
    )
    assert response.status_code == 200
    page = client.get("/en/news/c/").content.decode()
    assert "Thank you for the summary." in page and "aigerim@example.org" not in page
    assert post.comments.public().count() == 1


def test_comment_bad_input_gets_clear_messages(client):
    cache.clear()
    PostFactory(slug="c")
    response = client.post("/en/news/c/comments/", comment_post(name="", email="nope", body=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please tell us your name" in html
    assert "Please enter a valid e-mail address" in html
    assert "Please write your comment." in html
    response = client.post("/en/news/c/comments/", comment_post(body="http://a.example http://b.example http://c.example"))
    assert response.status_code == 400 and "at most 2 links" in response.content.decode()
    assert not Comment.objects.exists()


def test_comment_honeypot_fill_time_and_rate_limit(client, settings):
    cache.clear()
    PostFactory(slug="c")
    response = client.post("/en/news/c/comments/", comment_post(website="spam"))
    assert response.status_code == 303 and not Comment.objects.exists()
    cache.clear()
    settings.COMMENT_RATE_LIMIT_PER_ADDRESS = "1/h"
    assert client.post("/en/news/c/comments/", comment_post()).status_code == 303
    response = client.post("/en/news/c/comments/", comment_post(email="other@example.org"))
    assert response.status_code == 429 and response["Retry-After"]
    settings.COMMENT_RATE_LIMIT_PER_ADDRESS = "0"
    settings.FORM_MIN_FILL_SECONDS = 3
    response = client.post("/en/news/c/comments/", comment_post(shown_at="bogus"))
    assert response.status_code == 400
    cache.clear()


def test_reply_and_delete_own_comment_from_the_mail_link(client):
    cache.clear()
    post = PostFactory(slug="c", comments_moderated=False)
    client.post("/en/news/c/comments/", comment_post())
    first = Comment.objects.get()
    client.post("/en/news/c/comments/", comment_post(name="Bolat", body="A reply", parent=first.pk))
    reply = Comment.objects.get(name="Bolat")
    assert reply.parent == first
    html = client.get("/en/news/c/").content.decode()
    assert "A reply" in html and "Reply to Aigerim" in html
    page = client.get(f"/en/news/comments/{reply.token}/delete/")
    assert "Delete my comment" in page.content.decode()
    assert client.post(f"/en/news/comments/{reply.token}/delete/").status_code == 200
    assert list(post.comments.all()) == [first]
