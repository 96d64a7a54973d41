"""Every write in the news app: posts, tags, subscribers."""
import nh3
from django.conf import settings
from django.db import transaction

from . import images
from .models import Post, Tag

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "a", "ul", "ol", "li", "blockquote",
    "h2", "h3", "h4", "figure", "figcaption", "code", "pre", "hr", "table", "thead",
    "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": {"colspan"}}


def clean_html(html):
    """Only safe markup: no scripts, styles, event handlers or foreign URL schemes."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def _body_fields():
    return ["body"] + [f"body_{code.replace('-', '_')}" for code in settings.MODELTRANSLATION_LANGUAGES]


@transaction.atomic
def save_post(post, *, tags=None):
    """Save a post: sanitise its body in every language and size a new cover image."""
    for field in _body_fields():
        value = getattr(post, field, None)
        if value:
            setattr(post, field, clean_html(value))
    cover_changed = False
    if post.cover and not getattr(post.cover, "_committed", True):
        images.check_image(post.cover.file)
        cover_changed = True
    elif post.pk and post.cover:
        before = Post.objects.filter(pk=post.pk).values_list("cover", flat=True).first()
        cover_changed = before != post.cover.name
    elif not post.cover:
        post.cover_sizes, post.cover_width, post.cover_height = [], None, None
    post.save()
    if cover_changed:
        post.cover_width, post.cover_height, post.cover_sizes = images.make_sizes(post.cover.name)
        post.save(update_fields=["cover_width", "cover_height", "cover_sizes"])
    if tags is not None:
        post.tags.set(tags)
    return post


def tag_named(slug, **names):
    """The tag with this slug, created with the given names (name_en=..., ...) if missing."""
    tag, _created = Tag.objects.get_or_create(slug=slug, defaults=names)
    return tag


@transaction.atomic
def upsert_post(slug, *, values, tags=()):
    """Create or update the post with this slug (demo loader, imports); returns it."""
    post = Post.objects.filter(slug=slug).first() or Post(slug=slug)
    for name, value in values.items():
        setattr(post, name, value)
    return save_post(post, tags=list(tags))
