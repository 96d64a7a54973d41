import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from trainingcenter.news.models import Post, Subscriber, Tag


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"tag-{n}")
    name = factory.Sequence(lambda n: f"Tag {n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"post-{n}")
    title = factory.Sequence(lambda n: f"Post number {n}")
    summary = "A short summary."
    body = "<p>Body text.</p>"
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    token = factory.LazyFunction(Subscriber.new_token)
    confirmed_at = factory.LazyFunction(timezone.now)


def image_upload(name="cover.png", size=(1200, 600), image_format="PNG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 120, 90)).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
