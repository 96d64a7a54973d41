"""Template helpers for the site's frame: language switcher links, paragraphs, nav state, content language."""
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info, gettext

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


def clock_of(time_format):
    """('h12' or 'h23', '2-digit' or 'numeric'): how a Django time format writes the hour, for Intl.DateTimeFormat.

    ``g``/``h``/``P`` are 12-hour clocks, ``G``/``H`` 24-hour ones; ``H`` and
    ``h`` pad the hour to two digits. A backslash escapes a letter.
    """
    cycle, digits = "h23", "2-digit"
    escaped = False
    for char in time_format:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in "ghP":
            cycle = "h12"
            digits = "2-digit" if char == "h" else "numeric"
            break
        elif char in "GH":
            digits = "2-digit" if char == "H" else "numeric"
            break
    return cycle, digits


@register.simple_tag
def clock_attributes():
    """` data-hour-cycle="h23" data-hour-digits="2-digit"`: the page language's clock, for local-time.js.

    The times a visitor's browser adds in their own zone follow the same
    clock as the times the server wrote (``TIME_FORMAT``, see ``trainingcenter.formats``).
    """
    cycle, digits = clock_of(get_format("TIME_FORMAT"))
    return format_html(' data-hour-cycle="{}" data-hour-digits="{}"', cycle, digits)


@register.filter
def paragraphs(text):
    """Split text on blank lines; the template escapes each paragraph."""
    return [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n") if part.strip()]


@register.filter
def one_line(text):
    """A text of several lines (an address) on one line: its lines joined by commas, in Chinese by spaces."""
    separator = " " if (get_language() or "").startswith("zh") else ", "
    return separator.join(line.strip().rstrip(",，") for line in (text or "").splitlines() if line.strip())


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


# The context variable through which ``fallback_lang`` tells the enclosing
# ``{% fallback_note %}`` what it marked; a context variable (not the render
# context) so that it reaches into included templates.
FALLBACK_MARKS = "_fallback_marks"


def shown_in_fallback(obj, field):
    """True or False when the content field shows text, whether it is English for want of this language's; else None.

    None on pages in the fallback language itself and where neither language
    has text (nothing is shown, so there is nothing to say about it).
    """
    language = get_language() or settings.LANGUAGE_CODE
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == fallback:
        return None
    if getattr(obj, f"{field}_{language.replace('-', '_')}", None):
        return False
    if getattr(obj, f"{field}_{fallback}", None):
        return True
    return None


@register.simple_tag(takes_context=True)
def fallback_lang(context, obj, field):
    """` lang="en"` when this content field is shown in English for want of a translation.

    Content falls back to English where a language has no text yet; saying so
    lets screen readers pronounce it as English and browsers hyphenate it right.
    Inside ``{% fallback_note %}`` it also tells the note what it found.
    """
    fallen_back = shown_in_fallback(obj, field)
    marks = context.get(FALLBACK_MARKS)
    if marks is not None and fallen_back is not None:
        marks.append(fallen_back)
    if not fallen_back:
        return ""
    return format_html(' lang="{}"', settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


class FallbackNoteNode(template.Node):
    def __init__(self, nodelist, after=False):
        self.nodelist = nodelist
        self.after = after

    def render(self, context):
        marks = []
        with context.push({FALLBACK_MARKS: marks}):
            content = self.nodelist.render(context)
        if not any(marks):
            return content
        # The fallback language is English (MODELTRANSLATION_FALLBACK_LANGUAGES).
        if all(marks):
            text = gettext("This text is only available in English for now.")
        else:
            text = gettext("Parts of this section are only available in English for now.")
        note = format_html('<p class="fallback-note">{}</p>', text)
        return content + note if self.after else note + content


@register.tag("fallback_note")
def fallback_note(parser, token):
    """``{% fallback_note %}…{% endfallback_note %}``: one small note, in the page's language, above a section
    whose content is (partly) shown in English for want of a translation; ``{% fallback_note after %}`` puts
    it below (under a heading, say).

    It counts what each ``{% fallback_lang %}`` inside it found, so mark every
    content field the section shows with ``fallback_lang``; the note is left out
    when nothing fell back (and always on English pages).
    """
    bits = token.split_contents()
    if len(bits) > 2 or (len(bits) == 2 and bits[1] != "after"):
        raise template.TemplateSyntaxError("'fallback_note' takes no argument but an optional 'after'.")
    nodelist = parser.parse(("endfallback_note",))
    parser.delete_first_token()
    return FallbackNoteNode(nodelist, after=len(bits) == 2)
