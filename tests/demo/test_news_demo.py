"""The demo's news: the newsletter items and the 6th program's announcement, in three languages."""
import pytest

from trainingcenter.demo.services import load_demo_content
from trainingcenter.news.models import Issue, Post

pytestmark = pytest.mark.django_db


def test_demo_posts_in_three_languages_and_the_announcement(client):
    load_demo_content()
    load_demo_content()  # twice: updated in place, nothing doubled
    posts = Post.objects.published()
    assert posts.count() == 5
    for post in posts:
        assert post.title_en and post.title_zh_hans and post.title_ru and post.body_ru
        assert post.tags.exists()
    announcement = Post.objects.get(slug="2022-lithium-ion-batteries-announced")
    assert announcement.program.slug == "2022-lithium-ion-batteries"
    html = client.get("/ru/news/2022-lithium-ion-batteries-announced/").content.decode()
    assert "Объявлена шестая программа" in html
    html = client.get("/en/news/2022-lithium-ion-batteries-announced/").content.decode()
    assert "Registration closed" in html
    assert Issue.objects.get().status == Issue.Status.DRAFT  # one draft issue, not two
    listing = client.get("/zh-hans/news/").content.decode()
    assert "巴基斯坦扩大电动交通规模研讨会" in listing
