"""The certificate as a PDF: one landscape A4 page in the participant's language, with real text.

Rendered from ``certificates/pdf/certificate.html`` with WeasyPrint and the
Noto fonts (Debian packages): Noto Serif and Noto Serif Display for Latin and
Cyrillic, Noto Serif CJK SC for Chinese, Noto Naskh Arabic for Arabic script,
embedded as subsets. Text is text: the name can be selected, searched and
read aloud; Pango and HarfBuzz shape it (Arabic letters join, right to left).

Two ways to make the same page:

- ``render_whole(face, program, people)``: the whole certificate as HTML, one
  page per person, and pypdf splits the pages. The reference: simple, and
  about 300 ms a certificate on its own, 90 ms a page in a batch.
- ``render_batch(face, program, people)``: what the service uses. The
  *background* (frame, centre, partners, heading, program, signatures, seal:
  everything but the person) is rendered once per program and language and
  kept in the process. The *people's layer* (name, issue date, code) of a
  whole chunk is rendered as ONE tall page with a band per person
  (``people.html``): WeasyPrint's cost is mostly per page, so this costs a
  few milliseconds a person. Each person's band is then cut out of that
  page's content stream (text operators only: a font, a position, glyphs;
  anything else is refused and the chunk falls back to one page per person)
  and written, moved up to the certificate's own coordinates, over the
  background, which is a form XObject; the QR code is drawn as PDF
  rectangles. Each certificate is assembled as bytes around objects
  serialised once per background and once per chunk, so the assembly takes
  well under a millisecond. The fonts are the ones WeasyPrint embedded, so
  the text stays real text. ``bench/certificates.py`` and the README give the
  figures.

A certificate made by ``render_batch`` carries the font subsets of its
chunk's layer: glyphs of the other names of the chunk (not the names: glyphs,
without order), all of the same program. Their text is not in it.
"""
import datetime as dt
import functools
import hashlib
import io
import logging
import math
import re
import threading
import unicodedata
import zlib
from dataclasses import dataclass

import qrcode
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from trainingcenter.center.models import Center, Partner
from trainingcenter.programs.models import HAN_CHARACTER

from . import codes
from .models import Kind

logger = logging.getLogger(__name__)

TEMPLATE = "certificates/pdf/certificate.html"
PEOPLE_TEMPLATE = "certificates/pdf/people.html"
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 297, 210
MM = 72 / 25.4  # points
PX = 0.75  # WeasyPrint's CSS pixel, in points
# The QR code's square on the page: size, and distance from the right and bottom edges (mm); as .qr in _style.html.
QR_BOX = (24, 21, 15.5)
QR_MASK = 2
QR_COLOUR = (0x1B / 255, 0x26 / 255, 0x30 / 255)
# The name's line (226 mm, in points), and its sizes.
NAME_WIDTH_PT = 640
LATIN_NAME_MAX_PT, CJK_NAME_MAX_PT, NAME_MIN_PT = 34, 36, 15
# The name's box: 249 mm wide, 24 mm high; its lines are 1.15 times the size.
NAME_BOX_PT, NAME_BOX_HEIGHT_PT, NAME_LINE_HEIGHT = 249 * 72 / 25.4, 24 * 72 / 25.4, 1.15
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
# Backgrounds kept per process: one per program and language is what a run needs.
BACKGROUND_CACHE_SIZE = 16
# People per tall page (a chunk is 50): the page is never shown, only cut into bands, but its
# height stays moderate (60 bands are 12.6 m).
BAND_LIMIT = 60


class LayerError(Exception):
    """The people's layer holds something the fast way does not cut apart; the chunk is made page by page."""


# --- what the certificate says -------------------------------------------------------------------


def display_name(given_name, family_name):
    """The name as printed: as registered, given name first; a name in Chinese characters family name first.

    Chinese names are written family name first and without a space
    (王小明), as the badge does; every other name exactly as the participant
    typed its parts.
    """
    given, family = (given_name or "").strip(), (family_name or "").strip()
    if HAN_CHARACTER.search(given + family) and not re.search(r"[A-Za-z]", given + family):
        return f"{family}{given}"
    return f"{given} {family}".strip()


def _is_rtl(text):
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _width_in_ems(text):
    """A slightly generous width of the name in Noto Serif Bold ems: wide (CJK) characters one em,
    capitals 0.72, spaces 0.26, other letters 0.54 (measured on the fonts, rounded up)."""
    total = 0.0
    for char in text:
        if _WIDE.match(char):
            total += 1.0
        elif char.isspace():
            total += 0.26
        elif char.isupper():
            total += 0.72
        else:
            total += 0.54
    return total or 1


def name_size(name):
    """The largest size (points) at which the name fits its line; very long names wrap at the least."""
    largest = CJK_NAME_MAX_PT if _WIDE.search(name) else LATIN_NAME_MAX_PT
    return max(NAME_MIN_PT, min(largest, int(NAME_WIDTH_PT / _width_in_ems(name))))


def name_fit(name):
    """(size, lines): the name's size and how many lines it takes, to centre it in its box without flex."""
    size = name_size(name)
    lines = max(1, min(3, math.ceil(_width_in_ems(name) * size / NAME_BOX_PT)))
    return size, lines


def format_day(day):
    """A date as a certificate writes it in the active language: 16 March 2027, 2027年3月16日, 16 марта 2027 г."""
    if (translation.get_language() or "en").startswith("en"):
        return formats.date_format(day, "j F Y")
    return formats.date_format(day, "DATE_FORMAT")


def date_span(starts, ends):
    """The program's days in the active language, the parts they share written once."""
    if starts == ends:
        return format_day(starts)
    language = translation.get_language() or "en"
    if language.startswith("zh"):
        if (starts.year, starts.month) == (ends.year, ends.month):
            return f"{starts.year}年{starts.month}月{starts.day}日至{ends.day}日"
        if starts.year == ends.year:
            return f"{starts.year}年{starts.month}月{starts.day}日至{ends.month}月{ends.day}日"
        return f"{format_day(starts)}至{format_day(ends)}"
    if (starts.year, starts.month) == (ends.year, ends.month):
        return f"{starts.day}–{format_day(ends)}"
    if starts.year == ends.year:
        month_day = "j E" if language.startswith("ru") else "j F"
        return f"{formats.date_format(starts, month_day)} – {format_day(ends)}"
    return f"{format_day(starts)} – {format_day(ends)}"


def format_hours(hours):
    """'12 hours', '12.5 hours' (the decimal mark of the active language); empty without hours."""
    if hours is None or hours <= 0:
        return ""
    if hours == int(hours):
        count = int(hours)
        return ngettext("%(hours)s hour", "%(hours)s hours", count) % {"hours": formats.number_format(count)}
    shown = formats.number_format(round(float(hours), 1), decimal_pos=1)
    return ngettext("%(hours)s hour", "%(hours)s hours", 2) % {"hours": shown}


def verify_url(language, code=""):
    """The public verification page in ``language``; with ``code``, that certificate's own."""
    with translation.override(language):
        if code:
            return settings.SITE_URL + reverse("certificates:verify_code", kwargs={"code": code})
        return settings.SITE_URL + reverse("certificates:verify")


def qr_matrix(text):
    """The QR code of ``text`` as rows of booleans (level M, no quiet zone: the page around it is blank).

    One mask pattern, not the best of eight: trying all eight is qrcode's
    slowest part (20 ms of pure Python a code), and any mask reads well.
    """
    qr = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, box_size=1, mask_pattern=QR_MASK,
    )
    qr.add_data(text)
    qr.make(fit=True)
    return qr.get_matrix()


def _runs(rows):
    """(x, y, length) of every horizontal run of dark modules."""
    for y, row in enumerate(rows):
        x, size = 0, len(row)
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                yield start, y, x - start
            else:
                x += 1


def qr_svg_path(rows):
    return "".join(f"M{x} {y}h{length}v1h-{length}z" for x, y, length in _runs(rows))


def qr_operators(rows):
    """The QR code as PDF rectangles in the page's own space (points, origin at the bottom left)."""
    size_mm, right_mm, bottom_mm = QR_BOX
    module = size_mm * MM / len(rows)
    left = (PAGE_WIDTH_MM - right_mm - size_mm) * MM
    top = (bottom_mm + size_mm) * MM
    parts = [b"q %.4f %.4f %.4f rg" % QR_COLOUR]
    for x, y, length in _runs(rows):
        parts.append(b"%.3f %.3f %.3f %.3f re" % (left + x * module, top - (y + 1) * module, length * module, module))
    parts.append(b"f Q")
    return b"\n".join(parts)


@dataclass(frozen=True)
class Face:
    """What every certificate of one program in one language shares, as the certificate records it."""

    language: str
    kind: str
    program_title: str
    starts_on: dt.date
    ends_on: dt.date
    hours: object = None  # Decimal or None
    signatories: tuple = ()  # ((name, title), ...)


def _center_context(center, language):
    if center is None:
        name = _("Training Center")
        return {"center_name": name, "center_top": "", "center_top_lang": "", "seal_text": "", "seal_size": "11",
                "center_short": name, "center_inset": _balanced_inset(name, 10.5)}
    english = getattr(center, "name_en", "") or center.name
    chinese = getattr(center, "name_zh_hans", "") or ""
    own = center.name  # in the active language; English where it has none
    if language.startswith("zh"):
        top, top_lang = (english if english != own else ""), "en"
    else:
        top, top_lang = (chinese if chinese and chinese != own else ""), "zh"
    short = getattr(center, "short_name_en", "") or center.short_name or ""
    # The seal: the abbreviation the centre goes by ("BTBU-ECOSF"), else its initials.
    seal = short.split(" ")[0] if short else ""
    if not seal or len(seal) > 12:
        seal = "".join(word[0] for word in english.split() if word[:1].isupper())[:6]
    return {"center_name": own, "center_top": top, "center_top_lang": top_lang, "seal_text": seal,
            "seal_size": f"{min(11.0, 50 / (0.72 * max(len(seal), 1))):.1f}", "center_short": center.short_name or own,
            "center_inset": _balanced_inset(own, 13 if language.startswith("zh") else 10.5)}


def _balanced_inset(text, size_pt, widest_mm=225):
    """Left and right inset (mm) of a centred line that lets a long name wrap into lines of even length."""
    ems = sum(1.05 if _WIDE.match(char) else 0.56 for char in text)
    width = ems * size_pt * 25.4 / 72
    lines = max(1, math.ceil(width / widest_mm))
    used = min(widest_mm, width / lines + 14)
    return f"{(PAGE_WIDTH_MM - used) / 2:.1f}"


def _mode_fact(program):
    venue = program.venue
    if program.mode == program.Mode.ONLINE:
        return _("Online")
    if program.mode == program.Mode.HYBRID:
        return _("%(venue)s and online") % {"venue": venue} if venue else _("Onsite and online")
    return venue or _("Onsite")


def face_context(face, program):
    """The template's words for everything but the person, in the active language (the face's)."""
    center = Center.current()
    center_words = _center_context(center, face.language)
    signatories = [{"name": name, "title": title} for name, title in face.signatories if name or title]
    if not signatories:
        signatories = [{"name": center_words.get("center_short", center_words["center_name"]), "title": ""}]
    partners = (
        [partner.name for partner in Partner.objects.filter(center=center).order_by("order", "name")] if center else []
    )
    completion = face.kind == Kind.COMPLETION
    return {
        "lang": face.language,
        "heading": pgettext("certificate heading", "Certificate of Completion") if completion
        else pgettext("certificate heading", "Certificate of Participation"),
        "certify": _("This is to certify that"),
        "attended": _("has successfully completed the training program") if completion
        else _("has participated in the training program"),
        "program_label": program.number_label,
        "program_title": face.program_title,
        "facts": [fact for fact in (date_span(face.starts_on, face.ends_on), _mode_fact(program),
                                    format_hours(face.hours)) if fact],
        "partners": partners,
        "signatories": signatories,
        "verify_text": _("Verify this certificate by its code or QR code at"),
        "verify_url": verify_url(face.language).split("://", 1)[-1],
        "issued_label": _("Issued on"),
        "code_label": _("Certificate no."),
        "seal_year": str(face.starts_on.year),
        "seal_points": _seal_points(),
        **center_words,
    }


@functools.cache
def _seal_points():
    """A rosette: 96 points alternating between two radii around (50, 50)."""
    points = []
    for index in range(96):
        radius = 49 if index % 2 == 0 else 44.5
        angle = math.pi * 2 * index / 96
        points.append(f"{50 + radius * math.cos(angle):.2f},{50 + radius * math.sin(angle):.2f}")
    return " ".join(points)


@dataclass(frozen=True)
class Person:
    """One certificate's own words: the name as printed, the code, the day it was issued."""

    name: str
    code: str
    issued_on: dt.date


def person_context(person, language):
    """The template's words for one person, in the face's language."""
    with translation.override(language):
        issued = format_day(person.issued_on)
    url = verify_url(language, person.code)
    matrix = qr_matrix(url)
    size, lines = name_fit(person.name)
    return {
        "name": person.name,
        "name_fit": f"{size}-{lines}",
        "name_lang": "zh" if HAN_CHARACTER.search(person.name) else "",
        "name_dir": "rtl" if _is_rtl(person.name) else "ltr",
        "issued_on": issued,
        "code": codes.grouped(person.code),
        "qr_matrix": matrix,
        "qr": {"path": qr_svg_path(matrix), "size": len(matrix)},
    }


# --- rendering with WeasyPrint -------------------------------------------------------------------


def _write(html):
    import weasyprint  # noqa: PLC0415 - slow import (Pango and its fonts), needed only here

    return weasyprint.HTML(string=html, base_url=str(settings.PROJECT_DIR)).write_pdf()


def _html(template, context, sheets, **extra):
    fits = []
    for key in sorted({sheet["name_fit"] for sheet in sheets if sheet}):
        size, lines = (int(part) for part in key.split("-"))
        padding = max(0.0, (NAME_BOX_HEIGHT_PT - lines * NAME_LINE_HEIGHT * size) / 2)
        fits.append({"key": key, "size": size, "padding": f"{padding:.2f}"})
    return render_to_string(template, {**context, **extra, "sheets": sheets, "name_fits": fits})


def render_whole(face, program, people):
    """Standalone PDFs made the plain way: the whole certificate as one HTML document, split by page.

    The reference for ``render_batch`` (same look, same text), and what the
    README's figures compare it with.
    """
    with translation.override(face.language):
        context = face_context(face, program)
        sheets = [person_context(person, face.language) for person in people]
        return _whole_pages(context, sheets)


class _Backgrounds:
    """Backgrounds ready to assemble, by the digest of their HTML; a few per process, shared by its threads."""

    def __init__(self, size):
        self.size = size
        self._items = {}
        self._lock = threading.Lock()

    def get(self, html):
        key = hashlib.sha256(html.encode()).hexdigest()
        with self._lock:
            found = self._items.get(key)
        if found is not None:
            return found
        made = _Background(_write(html))
        with self._lock:
            if len(self._items) >= self.size:
                self._items.pop(next(iter(self._items)))
            self._items[key] = made
        return made

    def clear(self):
        with self._lock:
            self._items.clear()


backgrounds = _Backgrounds(BACKGROUND_CACHE_SIZE)


# --- serialising PDF objects ---------------------------------------------------------------------
#
# Each certificate is one page: its content draws the background (a form
# XObject) and then the person's text and QR code. Objects are numbered:
#   1 catalogue, 2 page tree, 3 page, 4 page content, 5 document info,
#   6 background XObject, then the background's resources (serialised once
#   per background), then the chunk's fonts (serialised once per chunk).

FIRST_SHARED = 7


def _serialise(obj, numbers):
    """PDF bytes of a pypdf object, indirect references renumbered through ``numbers`` ({source id: new})."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject  # noqa: PLC0415

    if isinstance(obj, IndirectObject):
        return b"%d 0 R" % numbers[obj.idnum]
    if isinstance(obj, StreamObject):
        entries = b"".join(
            _serialise_name(key) + b" " + _serialise(value, numbers) for key, value in obj.items() if key != "/Length"
        )
        data = obj._data  # as stored: still compressed if it was
        return b"<<" + entries + b"/Length %d>>\nstream\n" % len(data) + data + b"\nendstream"
    if isinstance(obj, DictionaryObject):
        return b"<<" + b"".join(
            _serialise_name(key) + b" " + _serialise(value, numbers) for key, value in obj.items()
        ) + b">>"
    if isinstance(obj, ArrayObject):
        return b"[" + b" ".join(_serialise(item, numbers) for item in obj) + b"]"
    buffer = io.BytesIO()
    obj.write_to_stream(buffer)
    return buffer.getvalue()


def _serialise_name(name):
    from pypdf.generic import NameObject  # noqa: PLC0415

    buffer = io.BytesIO()
    NameObject(name).write_to_stream(buffer)
    return buffer.getvalue()


def _collect(obj, found):
    """Every indirect object reachable from ``obj``, by its id in its file (in the order met)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject  # noqa: PLC0415

    if isinstance(obj, IndirectObject):
        if obj.idnum in found:
            return
        target = obj.get_object()
        found[obj.idnum] = target
        _collect(target, found)
    elif isinstance(obj, DictionaryObject):
        for value in obj.values():
            _collect(value, found)
    elif isinstance(obj, ArrayObject):
        for item in obj:
            _collect(item, found)


@dataclass
class _Block:
    """Serialised objects numbered from ``first``: their bytes, one after another, and each one's offset in them."""

    first: int
    data: bytes
    offsets: list

    @classmethod
    def of(cls, objects, first):
        parts, offsets, position = [], [], 0
        for number, body in enumerate(objects, start=first):
            part = b"%d 0 obj\n" % number + body + b"\nendobj\n"
            offsets.append(position)
            parts.append(part)
            position += len(part)
        return cls(first=first, data=b"".join(parts), offsets=offsets)

    @property
    def after(self):
        return self.first + len(self.offsets)


def _renumber(sources, first):
    """{source id: new number} for reachable objects, numbered from ``first`` in the order met."""
    return {idnum: number for number, idnum in enumerate(sources, start=first)}


class _Background:
    """A rendered background, ready to be the first object of every certificate of its program and language."""

    def __init__(self, pdf_bytes):
        from pypdf import PdfReader  # noqa: PLC0415 - with PDF assembly only

        page = PdfReader(io.BytesIO(pdf_bytes)).pages[0]
        self.width = float(page.mediabox.width)
        self.height = float(page.mediabox.height)
        resources = page["/Resources"].get_object()
        found = {}
        _collect(resources, found)
        numbers = _renumber(found, FIRST_SHARED)
        compressed = zlib.compress(page.get_contents().get_data(), 6)
        xobject = (
            b"<</Type/XObject/Subtype/Form/BBox[0 0 %.4f %.4f]/Resources " % (self.width, self.height)
            + _serialise(resources, numbers)
            + b"/Filter/FlateDecode/Length %d>>\nstream\n" % len(compressed) + compressed + b"\nendstream"
        )
        self.xobject = xobject
        self.block = _Block.of([_serialise(found[idnum], numbers) for idnum in found], FIRST_SHARED)


# --- the people's layer, cut into bands ----------------------------------------------------------

_TOKEN = re.compile(
    rb"\[|\]|<<|>>|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\()])*\)|/[^\s/\[\]<>()%]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+"
)
# Operators that set the text state, kept so that each band can set it again at its start.
_STATE = {b"Tf", b"Tc", b"Tw", b"Tz", b"TL", b"Ts", b"Tr", b"rg", b"g", b"k", b"cs", b"sc", b"scn", b"gs",
          b"RG", b"G", b"K", b"CS", b"SC", b"SCN"}
_SHOW = {b"TJ", b"Tj", b"'", b'"'}


def _operations(content):
    """(operands, operator) of a content stream; arrays kept as their bytes."""
    operands, depth, array = [], 0, []
    for match in _TOKEN.finditer(content):
        token = match.group()
        if token == b"[":
            depth += 1
            array.append(token)
            continue
        if depth:
            array.append(token)
            if token == b"]":
                depth -= 1
                if not depth:
                    operands.append(b" ".join(array).replace(b"[ ", b"[").replace(b" ]", b"]"))
                    array = []
            continue
        if token[:1].isalpha() or token in (b"'", b'"', b"*"):
            yield operands, token
            operands = []
        else:
            operands.append(token)


def cut_bands(content, bands, band_height_px, page_height_pt):
    """Each band's text operators, moved to the top of the page: a list of content bytes, one per band.

    The layer must be what ``people.html`` gives: text in BT … ET, placed by
    ``Tm`` in CSS pixels under the page's two opening transforms (flip, then
    pixels to points), with fonts, colours and spacing. Anything else raises
    ``LayerError``.
    """
    state = {}
    out = [[] for _ in range(bands)]
    matrices = []
    matrix = None
    in_text = False
    for operands, operator in _operations(content):
        if operator == b"cm":
            matrices.append([float(value) for value in operands])
            continue
        if operator in (b"q", b"Q"):
            continue
        if operator == b"BT":
            in_text = True
            continue
        if operator == b"ET":
            in_text = False
            continue
        if operator in _STATE:
            state[operator] = b" ".join(operands) + b" " + operator
            continue
        if operator == b"Tm" and in_text:
            matrix = [float(value) for value in operands]
            continue
        if operator in _SHOW and in_text:
            if matrix is None:
                raise LayerError("text shown before it was placed")
            band = int(matrix[5] // band_height_px)
            if not 0 <= band < bands:
                raise LayerError(f"text outside the bands at y={matrix[5]}")
            local = matrix[:5] + [matrix[5] - band * band_height_px]
            out[band].append(
                b"".join(value + b"\n" for value in state.values())
                + b"%.6f %.6f %.6f %.6f %.6f %.6f Tm\n" % tuple(local)
                + b" ".join(operands) + b" " + operator + b"\n"
            )
            continue
        raise LayerError(f"unexpected operator {operator!r} in the people's layer")
    if len(matrices) < 2 or matrices[0][:4] != [1.0, 0.0, 0.0, -1.0] or matrices[1] != [PX, 0.0, 0.0, PX, 0.0, 0.0] \
            or any(matrix != [1.0, 0.0, 0.0, 1.0, 0.0, 0.0] for matrix in matrices[2:]):
        raise LayerError("unexpected transforms in the people's layer")
    opening = b"q 1 0 0 -1 0 %.6f cm %.6f 0 0 %.6f 0 0 cm BT\n" % (page_height_pt, PX, PX)
    result = []
    for index, parts in enumerate(out):
        if not parts:
            raise LayerError(f"band {index} has no text")
        result.append(opening + b"".join(parts) + b"ET Q\n")
    return result


def _layer(context, sheets):
    """The people's layer as ONE tall page: (pdf page, band contents)."""
    from pypdf import PdfReader  # noqa: PLC0415 - with PDF assembly only

    html = _html(PEOPLE_TEMPLATE, context, sheets, page_height_mm=PAGE_HEIGHT_MM * len(sheets))
    page = PdfReader(io.BytesIO(_write(html))).pages[0]
    band_height_px = PAGE_HEIGHT_MM / 25.4 * 96
    bands = cut_bands(page.get_contents().get_data(), len(sheets), band_height_px, PAGE_HEIGHT_MM * MM)
    return page, bands


# --- assembling one certificate ------------------------------------------------------------------


def _text_string(text):
    from pypdf.generic import create_string_object  # noqa: PLC0415

    buffer = io.BytesIO()
    create_string_object(text).write_to_stream(buffer)
    return buffer.getvalue()


class _Assembler:
    """Standalone one-page PDFs around a background and a chunk's fonts, each serialised once."""

    def __init__(self, background, layer_page, language, title):
        self.background = background
        resources = layer_page["/Resources"]
        found = {}
        _collect(resources, found)
        first = background.block.after
        numbers = _renumber(found, first)
        self.chunk = _Block.of([_serialise(found[idnum], numbers) for idnum in found], first)
        resources = resources.get_object()
        fonts = resources.get("/Font")
        states = resources.get("/ExtGState")
        self.resources = (
            b"<</XObject<</Bg 6 0 R>>"
            + (b"/Font " + _serialise(fonts, numbers) if fonts is not None else b"")
            + (b"/ExtGState " + _serialise(states, numbers) if states is not None else b"")
            + b">>"
        )
        self.language = language
        self.title = title

    def pdf(self, band, qr, name):
        background, chunk = self.background, self.chunk
        content = zlib.compress(b"q /Bg Do Q\n" + band + qr + b"\n", 6)
        own = [
            b"<</Type/Catalog/Pages 2 0 R/Lang " + _text_string(self.language) + b">>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %.4f %.4f]/Resources " % (background.width, background.height)
            + self.resources + b"/Contents 4 0 R>>",
            b"<</Filter/FlateDecode/Length %d>>\nstream\n" % len(content) + content + b"\nendstream",
            b"<</Title " + _text_string(f"{self.title}: {name}") + b"/Producer (Training Center)>>",
            background.xobject,
        ]
        head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
        parts, offsets, position = [head], [], len(head)
        for number, body in enumerate(own, start=1):
            part = b"%d 0 obj\n" % number + body + b"\nendobj\n"
            offsets.append(position)
            parts.append(part)
            position += len(part)
        for block in (background.block, chunk):
            offsets.extend(position + offset for offset in block.offsets)
            parts.append(block.data)
            position += len(block.data)
        count = len(offsets) + 1
        xref = [b"xref\n0 %d\n0000000000 65535 f \n" % count]
        xref.extend(b"%010d 00000 n \n" % offset for offset in offsets)
        trailer = b"trailer\n<</Size %d/Root 1 0 R/Info 5 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (count, position)
        return b"".join(parts) + b"".join(xref) + trailer


def render_batch(face, program, people):
    """Standalone PDFs (bytes), one per ``Person``, all of one program in one language; the fast way."""
    if not people:
        return []
    if len(people) > BAND_LIMIT:
        return render_batch(face, program, people[:BAND_LIMIT]) + render_batch(face, program, people[BAND_LIMIT:])
    with translation.override(face.language):
        context = face_context(face, program)
        sheets = [person_context(person, face.language) for person in people]
        background = backgrounds.get(_html(TEMPLATE, context, [None], background=True))
        try:
            layer_page, bands = _layer(context, sheets)
        except LayerError:
            logger.warning("Certificates of program %s: the people's layer could not be cut; page by page", program.pk)
            return _whole_pages(context, sheets)
    assembler = _Assembler(background, layer_page, face.language, context["heading"])
    return [
        assembler.pdf(band, qr_operators(sheet["qr_matrix"]), sheet["name"])
        for band, sheet in zip(bands, sheets, strict=True)
    ]


def _whole_pages(context, sheets):
    """The fallback: the whole certificate as HTML, a page per person, split (slower, the same look)."""
    from pypdf import PdfReader, PdfWriter  # noqa: PLC0415 - with PDF assembly only

    pages = PdfReader(io.BytesIO(_write(_html(TEMPLATE, context, sheets, background=True)))).pages
    results = []
    for page in pages:
        writer = PdfWriter()
        writer.add_page(page)
        buffer = io.BytesIO()
        writer.write(buffer)
        results.append(buffer.getvalue())
    return results


def render_one(face, program, person):
    """One certificate's PDF, the same way as a batch of one."""
    return render_batch(face, program, [person])[0]


def face_of(certificate):
    """The face a certificate was printed with, from its own record."""
    return Face(
        language=certificate.language, kind=certificate.kind, program_title=certificate.program_title,
        starts_on=certificate.starts_on, ends_on=certificate.ends_on, hours=certificate.hours,
        signatories=tuple((row.get("name", ""), row.get("title", "")) for row in certificate.signatories or []),
    )


def person_of(certificate):
    return Person(
        name=certificate.name, code=certificate.code,
        issued_on=timezone.localtime(certificate.issued_at, certificate.program.tz).date(),
    )


def filename(certificate):
    return f"certificate-{certificate.program.slug}-{certificate.code}.pdf"
