"""Every write to a report: sections, references, photos, publishing.

Views, the admin and the demo loader call these; nothing else saves report
rows. Rich text is sanitised here, once, for every language.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .models import Report, ReportPhoto, ReportReference, ReportSection
from .richtext import sanitize

LANGUAGE_SUFFIXES = [code.replace("-", "_") for code in settings.MODELTRANSLATION_LANGUAGES]
MAX_PHOTO_PIXELS = 40_000_000


def report_for(program):
    """The program's report, created as a draft the first time it is asked for."""
    report, _created = Report.objects.get_or_create(program=program)
    return report


def _sanitize_bodies(section):
    for suffix in LANGUAGE_SUFFIXES:
        name = f"body_{suffix}"
        setattr(section, name, sanitize(getattr(section, name, "") or ""))


@transaction.atomic
def save_section(section):
    """Create or update a section (e.g. from the admin's inline); bodies are sanitised first."""
    _sanitize_bodies(section)
    if section.session_id and section.session.program_id != section.report.program_id:
        raise ValidationError({"session": _("Choose a session of this report's program.")})
    section.save()
    return section


def add_section(report, *, kind, heading=None, body=None, session=None, order=None):
    """A new section; ``heading`` and ``body`` are ``{"en": ..., "zh_hans": ...}`` or plain English strings."""
    section = ReportSection(report=report, kind=kind, session=session)
    section.order = order if order is not None else report.sections.count()
    _set_translated(section, "heading", heading)
    _set_translated(section, "body", body)
    return save_section(section)


def update_section(section, *, kind=None, heading=None, body=None, session=..., order=None):
    if kind is not None:
        section.kind = kind
    if session is not ...:
        section.session = session
    if order is not None:
        section.order = order
    if heading is not None:
        _set_translated(section, "heading", heading)
    if body is not None:
        _set_translated(section, "body", body)
    return save_section(section)


def delete_section(section):
    section.delete()


def _set_translated(obj, name, value):
    if value is None:
        return
    if isinstance(value, str):
        value = {"en": value}
    for suffix in LANGUAGE_SUFFIXES:
        if suffix in value:
            setattr(obj, f"{name}_{suffix}", value[suffix] or "")


def save_reference(reference):
    reference.full_clean(exclude=["report"])
    reference.save()
    return reference


def add_reference(report, *, title, url="", order=None):
    reference = ReportReference(report=report, url=url)
    reference.order = order if order is not None else report.references.count()
    _set_translated(reference, "title", title)
    return save_reference(reference)


def check_image(file):
    """Refuse anything Pillow cannot read as an image, or absurdly large ones."""
    try:
        position = file.tell() if hasattr(file, "tell") else None
        with Image.open(file) as image:
            width, height = image.size
            image.verify()
        if position is not None:
            file.seek(position)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError({"image": _("This file is not an image we can read.")}) from error
    if width * height > MAX_PHOTO_PIXELS:
        raise ValidationError({"image": _("This photo is too large; please send one under 40 megapixels.")})


def save_photo(photo, *, image_changed=True):
    if image_changed and photo.image:
        check_image(photo.image)
    photo.save()
    return photo


def add_photo(report, *, image, caption=None, order=None):
    photo = ReportPhoto(report=report, image=image)
    photo.order = order if order is not None else report.photos.count()
    _set_translated(photo, "caption", caption)
    return save_photo(photo)


@transaction.atomic
def publish_report(report, when=None):
    """Make the report public from ``when`` (now by default); publishing again keeps the first date."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_published and when is None:
        return report
    report.status = Report.Status.PUBLISHED
    report.published_at = when or report.published_at or timezone.now()
    report.save(update_fields=["status", "published_at", "updated_at"])
    return report


@transaction.atomic
def unpublish_report(report):
    """Back to draft: visitors get 404 again; staff still see it with the draft banner."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    report.status = Report.Status.DRAFT
    report.published_at = None
    report.save(update_fields=["status", "published_at", "updated_at"])
    return report


def delete_reference(reference):
    reference.delete()


def delete_photo(photo):
    photo.image.delete(save=False)
    photo.delete()
