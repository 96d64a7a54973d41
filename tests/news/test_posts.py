"""Posts: sanitised bodies, checked and resized cover images, scheduled publishing, related posts."""
import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import ProgramFactory
from tests.news.factories import PostFactory, TagFactory, image_upload
from trainingcenter.news import images, queries, services
from trainingcenter.news.models import Post

pytestmark = pytest.mark.django_db


def test_body_is_sanitised_on_save_in_every_language():
    post = PostFactory.build(
        body_en='<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:bad()">x</a><strong>ok</strong></p>',
        body_ru='<p>Привет<style>p{}</style><img src=x onerror=y></p>',
    )
    services.save_post(post)
    post.refresh_from_db()
    assert "script" not in post.body_en and "onclick" not in post.body_en and "javascript" not in post.body_en
    assert "<strong>ok</strong>" in post.body_en
    assert post.body_ru == "<p>Привет</p>"


def test_cover_is_checked_and_resized():
    post = PostFactory.build(cover=image_upload(size=(2000, 1000)))
    services.save_post(post)
    post.refresh_from_db()
    assert (post.cover_width, post.cover_height) == (2000, 1000)
    assert [size["width"] for size in post.cover_sizes] == [480, 960, 1600]
    assert post.cover_sizes[0]["height"] == 240
    with default_storage.open(post.cover_sizes[1]["name"]) as handle, Image.open(handle) as image:
        assert image.size == (960, 480)


def test_small_cover_is_not_enlarged():
    post = PostFactory.build(cover=image_upload(size=(400, 300)))
    services.save_post(post)
    assert post.cover_sizes == [] and post.cover_width == 400


def test_not_an_image_is_refused():
    upload = SimpleUploadedFile("cover.png", b"%PDF-1.4 not an image", content_type="image/png")
    with pytest.raises(ValidationError, match="not an image"):
        images.check_image(upload)


def test_too_large_file_is_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    with pytest.raises(ValidationError, match="too large"):
        images.check_image(image_upload(size=(800, 800)))


def test_decompression_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100 * 100)
    with pytest.raises(ValidationError, match="too many pixels"):
        images.check_image(image_upload(size=(300, 300)))
    # Beyond twice the limit Pillow itself refuses to open the file.
    with pytest.raises(ValidationError, match="too many pixels"):
        images.check_image(image_upload(size=(500, 500)))


def test_future_posts_stay_hidden_until_their_date():
    now = timezone.now()
    PostFactory(slug="now", published_at=now - dt.timedelta(minutes=1))
    PostFactory(slug="later", published_at=now + dt.timedelta(hours=2))
    PostFactory(slug="draft", is_published=False)
    assert [p.slug for p in Post.objects.published(now)] == ["now"]
    assert {p.slug for p in Post.objects.published(now + dt.timedelta(hours=3))} == {"now", "later"}


def test_related_posts_share_tags_or_program():
    program = ProgramFactory()
    energy, water = TagFactory(slug="energy"), TagFactory(slug="water")
    post = PostFactory(slug="main")
    post.tags.set([energy, water])
    both = PostFactory(slug="both")
    both.tags.set([energy, water])
    one = PostFactory(slug="one", published_at=timezone.now() - dt.timedelta(minutes=5))
    one.tags.set([energy])
    PostFactory(slug="unrelated")
    PostFactory(slug="same-program", program=program)
    post.program = program
    post.save()
    assert [p.slug for p in queries.related_posts(post)] == ["both", "one", "same-program"]
