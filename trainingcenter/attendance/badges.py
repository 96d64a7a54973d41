"""Printable name badges with the check-in QR code (PDF, WeasyPrint).

A badge is A6 (105 × 148 mm), the size of the common conference badge
holders: the centre's name, the program (in English, and in Chinese when it
has a Chinese title: the programs are held in China), the participant's name
as they wrote it and in their own script (Chinese, Cyrillic, Arabic-script
names render with the Noto fonts; a name in Chinese characters is written
family name first, without a space), their organisation and country,
"Onsite participant", the program's dates, and the QR code with the code
printed beneath it for typing.

``render_badge`` gives one participant their badge as an A6 page;
``render_badges`` gives organisers every confirmed onsite participant of a
program, four badges to an A4 sheet (2 × 2, cut marks at the cuts), in the
order of their names. Rendered on request from the registration as it is;
nothing is stored.
"""
import re
import unicodedata

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from trainingcenter.center.models import Center
from trainingcenter.programs.models import HAN_CHARACTER
from trainingcenter.registrations import checkin_codes
from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.visa_letter_pdf import date_span

BADGE_TEMPLATE = "attendance/pdf/badge.html"
SHEET_TEMPLATE = "attendance/pdf/badge_sheet.html"
BADGES_PER_SHEET = 4
# The name's box on the badge, in points (89 mm: the badge less its margins).
NAME_WIDTH_PT = 252
LATIN_NAME_MAX_PT, CJK_NAME_MAX_PT, NAME_MIN_PT = 30, 40, 12
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def _is_rtl(text):
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _width_in_ems(text):
    """A generous width of the text in bold ems: wide (CJK) characters one em, others 0.68 (Noto Sans Bold's widest)."""
    return sum(1.0 if _WIDE.match(char) else 0.68 for char in text) or 1


def _font_size(lines, max_pt):
    """The largest size up to ``max_pt`` at which the longest line fits the badge's width."""
    widest = max(_width_in_ems(line) for line in lines)
    return max(NAME_MIN_PT, min(max_pt, int(NAME_WIDTH_PT / widest)))


def name_lines(registration):
    """The name as it goes on the badge: one line for a name in Chinese characters, else given then family."""
    given, family = registration.given_name.strip(), registration.family_name.strip()
    if HAN_CHARACTER.search(given + family) and not re.search(r"[A-Za-z]", given + family):
        return [f"{family}{given}"]
    return [line for line in (given, family) if line]


def badge_context(registration):
    """What one badge says; call under the language the badge is printed in (English)."""
    program = registration.program
    lines = name_lines(registration)
    wide = any(_WIDE.search(line) for line in lines)
    zone = program.tz
    title = getattr(program, "title_en", "") or program.title
    title_zh = getattr(program, "title_zh_hans", "") or ""
    return {
        "registration": registration,
        "name_lines": lines,
        "name_size": _font_size(lines, CJK_NAME_MAX_PT if wide else LATIN_NAME_MAX_PT),
        "name_rtl": any(_is_rtl(line) for line in lines),
        "name_lang": "zh" if wide else "",
        "organization": registration.organization,
        "organization_rtl": _is_rtl(registration.organization),
        "country": registration.country.name if registration.country else "",
        "program_label": program.number_label,
        "program_title": title,
        "program_title_zh": title_zh if title_zh != title else "",
        "dates": date_span(
            timezone.localtime(program.starts, zone).date(), timezone.localtime(program.ends, zone).date(),
        ),
        "venue": getattr(program, "venue_en", "") or program.venue,
        "qr": checkin_codes.svg(registration.checkin_code, css_class="qr"),
        "code": checkin_codes.grouped(registration.checkin_code),
    }


def _center_name():
    center = Center.current()
    if center is None:
        return ""
    return getattr(center, "name_en", "") or center.name


def may_have_badge(registration):
    """Only confirmed onsite participants have a badge: they are the ones who come to the venue."""
    return (
        registration.status == Registration.Status.CONFIRMED
        and registration.mode == Registration.Mode.ONSITE
        and not registration.is_erased
    )


def badge_registrations(program):
    """A program's confirmed onsite participants, in the order their badges are printed."""
    rows = list(
        Registration.objects.filter(
            program=program, status=Registration.Status.CONFIRMED, mode=Registration.Mode.ONSITE,
            personal_data_erased_at__isnull=True,
        ).select_related("program")
    )
    rows.sort(key=lambda r: (r.family_name.casefold(), r.given_name.casefold(), r.pk))
    return rows


def _pdf(html):
    import weasyprint  # noqa: PLC0415 - slow import (Pango and its fonts), needed only here

    return weasyprint.HTML(string=html, base_url=str(settings.PROJECT_DIR)).write_pdf()


def render_badge(registration):
    """One participant's badge as PDF bytes: an A6 page."""
    with translation.override("en"):
        html = render_to_string(BADGE_TEMPLATE, {
            "badge": badge_context(registration), "center_name": _center_name(),
        })
    return _pdf(html)


def render_badges(program, registrations=None):
    """Badges for a program's confirmed onsite participants (or those given) as PDF bytes, four per A4 sheet."""
    registrations = badge_registrations(program) if registrations is None else list(registrations)
    with translation.override("en"):
        badges = [badge_context(registration) for registration in registrations]
        sheets = [badges[i : i + BADGES_PER_SHEET] for i in range(0, len(badges), BADGES_PER_SHEET)]
        html = render_to_string(SHEET_TEMPLATE, {
            "sheets": sheets, "center_name": _center_name(), "program": program,
        })
    return _pdf(html)


def filename(registration):
    return f"badge-{registration.program.slug}.pdf"


def sheet_filename(program):
    return f"badges-{program.slug}.pdf"
