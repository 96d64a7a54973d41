"""Template helpers for news pages: a cover image's srcset, and safe post bodies."""
from django import template
from django.core.files.storage import default_storage
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from trainingcenter.news.services import clean_html

register = template.Library()


@register.simple_tag
def cover_image(post, sizes="(max-width: 60rem) 100vw, 60rem", css_class="post-cover", loading="lazy"):
    """The post's cover as an <img> with width, height and a srcset of its resized copies."""
    if not post.cover or not post.cover_width:
        return ""
    candidates = [(default_storage.url(size["name"]), size["width"]) for size in post.cover_sizes or []]
    candidates.append((post.cover.url, post.cover_width))
    srcset = ", ".join(f"{url} {width}w" for url, width in candidates)
    return format_html(
        '<img class="{}" src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="{}"'
        ' decoding="async">',
        css_class, post.cover.url, srcset, sizes, post.cover_width, post.cover_height, post.cover_alt, loading,
    )


@register.filter
def safe_body(html):
    """A post body, sanitised again on the way out (it was on save, too)."""
    return mark_safe(clean_html(html))  # noqa: S308 - nh3 keeps only the allowed tags


@register.simple_tag
def tag_links(tags):
    links = ((tag.get_absolute_url(), tag.name) for tag in tags)
    return format_html_join(" ", '<a class="badge badge-tag" href="{}" rel="tag">{}</a>', links)
