"""The visa invitation letter as a PDF, on the centre's letterhead.

Rendered from ``registrations/pdf/visa_letter.html`` with WeasyPrint and the
Noto fonts (Debian packages): Noto Serif for Latin and Cyrillic, Noto Naskh
Arabic for Arabic script, Noto Serif CJK SC for the centre's Chinese name and
for Chinese names. The letter is in English, the language consulates read
everywhere, and is rendered on request from the request's current data, so
nothing is stored: once the passport details are erased there is no letter.

The centre's names come from its profile (``center.Center``: the English name
and the Chinese one); its address, the signatory and the sentence on costs
come from settings (``VISA_LETTER_*``), since they are the centre's and not a
program's.
"""
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from trainingcenter.center.models import Center

TEMPLATE = "registrations/pdf/visa_letter.html"
# Before the centre's profile is filled in, the letter still reads as a sentence.
UNNAMED_CENTER = "Training Center"


def _day(value):
    return date_format(value, "j F Y")


def date_span(starts, ends):
    """'16 March 2027', '16–17 March 2027', '30 March – 2 April 2027' or across years in full."""
    if starts == ends:
        return _day(starts)
    if (starts.year, starts.month) == (ends.year, ends.month):
        return f"{starts.day}–{_day(ends)}"
    if starts.year == ends.year:
        return f"{date_format(starts, 'j F')} – {_day(ends)}"
    return f"{_day(starts)} – {_day(ends)}"


def _center_names(center):
    """(English name, Chinese name) of the centre; either may be empty."""
    if center is None:
        return UNNAMED_CENTER, ""
    english = getattr(center, "name_en", "") or center.name or UNNAMED_CENTER
    chinese = getattr(center, "name_zh_hans", "") or ""
    return english, chinese if chinese != english else ""


def letter_context(letter):
    """What the letter says, in English."""
    registration = letter.registration
    program = registration.program
    center = Center.current()
    english_name, chinese_name = _center_names(center)
    short_name = (getattr(center, "short_name_en", "") or center.short_name) if center else ""
    zone = program.tz
    dated = timezone.localtime(letter.issued_at or timezone.now(), zone).date()
    return {
        "letter": letter,
        "registration": registration,
        "program": program,
        "program_title": getattr(program, "title_en", "") or program.title,
        "program_label": program.number_label,
        "venue": getattr(program, "venue_en", "") or program.venue,
        "dates": date_span(
            timezone.localtime(program.starts, zone).date(), timezone.localtime(program.ends, zone).date()
        ),
        "dated": _day(dated),
        "date_of_birth": _day(letter.date_of_birth) if letter.date_of_birth else "",
        "nationality": str(letter.nationality.name) if letter.nationality else "",
        "center_name": english_name,
        "center_name_zh": chinese_name,
        "center_short_name": short_name or english_name,
        "center_email": center.email if center else "",
        "center_website": center.website if center else "",
        "address": settings.VISA_LETTER_ADDRESS,
        "signatory_name": settings.VISA_LETTER_SIGNATORY_NAME,
        "signatory_title": settings.VISA_LETTER_SIGNATORY_TITLE,
        "costs": settings.VISA_LETTER_COSTS,
    }


def render_letter(letter):
    """The letter as PDF bytes. Call only for a letter that may be downloaded (``visa_letters.may_download``)."""
    import weasyprint  # noqa: PLC0415 - slow import (Pango and its fonts), needed only here

    with translation.override("en"):
        html = render_to_string(TEMPLATE, letter_context(letter))
    document = weasyprint.HTML(string=html, base_url=str(settings.PROJECT_DIR))
    return document.write_pdf()


def filename(letter):
    return f"invitation-letter-{letter.registration.program.slug}.pdf"
