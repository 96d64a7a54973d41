"""Template helpers for the site's frame: language switcher links, paragraphs, nav state, content language."""
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

register = template.Library()


def same_page_in(request, language):
    """This page's address in another language, query string kept.

    translate_url handles every page the URL patterns know; an unknown address
    (a 404 page) just gets its language prefix swapped.
    """
    current = get_language()
    full_path = request.get_full_path()
    translated = translate_url(full_path, language)
    if translated != full_path or language == current:
        return translated
    prefix = f"/{current}/"
    if full_path.startswith(prefix):
        return f"/{language}/{full_path[len(prefix):]}"
    return f"/{language}/"


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: code, its own name, the link, and whether it is current."""
    request = context.get("request")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": same_page_in(request, code) if request else f"/{code}/",
                "current": code == current,
            }
        )
    return links


@register.filter
def paragraphs(text):
    """Split text on blank lines; the template escapes each paragraph."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


@register.simple_tag(takes_context=True)
def nav_current(context, prefix):
    """'page' when the current path is under the given URL, for aria-current."""
    request = context.get("request")
    if request is None:
        return ""
    path = request.path
    if prefix.rstrip("/").count("/") <= 1:  # the home page matches only itself
        return "page" if path == prefix else ""
    return "page" if path.startswith(prefix) else ""


@register.simple_tag
def fallback_lang(obj, field):
    """` lang="en"` when this content field is shown in English for want of a translation.

    Content falls back to English where a language has no text yet; saying so
    lets screen readers pronounce it as English and browsers hyphenate it right.
    """
    language = get_language() or settings.LANGUAGE_CODE
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == fallback:
        return ""
    own = getattr(obj, f"{field}_{language.replace('-', '_')}", None)
    if own or not getattr(obj, f"{field}_{fallback}", None):
        return ""
    return format_html(' lang="{}"', fallback)
