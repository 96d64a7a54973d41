"""Changes to programs and their agenda: the one write path for the admin, the API and scripts.

Every write validates through the models' ``full_clean`` so that the admin,
the API and scripts apply the same rules, and the messages come out in the
active language.
"""
import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import Person, Program, Session, Theme, validate_time_zone
from .signals import program_saved, schedule_changed

# Content entered without a language is the English original; other languages
# fall back to it.
SOURCE_LANGUAGE = "en"
PROGRAM_TRANSLATED = ("title", "subtitle", "summary", "background", "objectives", "conclusion", "venue")
SESSION_TRANSLATED = ("title", "abstract", "summary")
PROGRAM_DATETIMES = ("starts", "ends", "registration_opens", "registration_closes")
SESSION_DATETIMES = ("starts", "ends")
PROGRAM_FIELDS = {
    "slug", "number", "starts", "ends", "time_zone", "mode", "status", "registration_opens",
    "registration_closes", "capacity_online", "capacity_onsite", "requires_approval", "recording_url",
    *PROGRAM_TRANSLATED,
}
SESSION_FIELDS = {"kind", "starts", "ends", "slides_url", "recording_url", *SESSION_TRANSLATED}


class SlugTaken(Exception):
    """Another program already uses this slug (the API answers 409)."""

    def __init__(self, slug):
        super().__init__(slug)
        self.slug = slug
        self.message = _("A program with the address “%(slug)s” already exists.") % {"slug": slug}


# A program's start and end given as days (no time) cover those days whole:
# from 00:00 on the first to 23:59:59 on the last, in the program's zone.
DAY_STARTS, DAY_ENDS = dt.time(0, 0), dt.time(23, 59, 59)
# The fields a plain date fills up to the end of its day rather than from its start.
DAY_END_FIELDS = {"ends", "registration_closes"}


def day_boundary(day, *, end):
    """The naive first (or, with ``end``, last) second of ``day``, to be read in the program's zone."""
    return dt.datetime.combine(day, DAY_ENDS if end else DAY_STARTS)


def _localise(value, tz, *, end=False):
    """Naive datetimes are wall-clock times in the program's zone, as organisers think of them.

    A date without a time is the start of that day there, or with ``end`` its last second.
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = day_boundary(value, end=end)
    if isinstance(value, dt.datetime) and timezone.is_naive(value):
        return timezone.make_aware(value, tz)
    return value


def _program_zone(time_zone):
    try:
        validate_time_zone(time_zone)
    except ValidationError as error:
        raise ValidationError({"time_zone": error.messages}) from None
    return zoneinfo.ZoneInfo(time_zone)


def _assign(instance, values, allowed, translated, translations):
    unknown = set(values) - allowed
    if unknown:
        raise ValidationError({name: [_("Unknown field.")] for name in sorted(unknown)})
    with translation.override(SOURCE_LANGUAGE):
        for name, value in values.items():
            if name in translated and value is None:
                value = ""
            setattr(instance, name, value)
    for language, texts in (translations or {}).items():
        suffix = language.replace("-", "_")
        for name, value in texts.items():
            if name in translated and value is not None:
                setattr(instance, f"{name}_{suffix}", value)


def _themes(slugs):
    slugs = list(dict.fromkeys(slugs))
    themes = list(Theme.objects.filter(slug__in=slugs))
    missing = sorted(set(slugs) - {theme.slug for theme in themes})
    if missing:
        raise ValidationError({"themes": [_("Unknown theme: %(slugs)s.") % {"slugs": ", ".join(missing)}]})
    return themes


def _speakers(slugs):
    slugs = list(dict.fromkeys(slugs))
    people = list(Person.objects.filter(slug__in=slugs))
    missing = sorted(set(slugs) - {person.slug for person in people})
    if missing:
        raise ValidationError({"speakers": [_("Unknown person: %(slugs)s.") % {"slugs": ", ".join(missing)}]})
    return people


# --- schedule changes ------------------------------------------------------------


def _stored_times(model, pk):
    """(starts, ends) as stored, or None for a row not saved yet."""
    if pk is None:
        return None
    return model.objects.filter(pk=pk).values_list("starts", "ends").first()


def _times_changed(before, instance):
    """Whether an existing row's start or end moved (aware datetimes compare as instants)."""
    return before is not None and tuple(before) != (instance.starts, instance.ends)


def _tell_schedule_changed(program):
    """Let the apps above know that participants' plans may need updating (calendar, e-mail)."""
    schedule_changed.send(sender=Program, program=program)


def _save_program(program, check_slug):
    if check_slug and Program.objects.filter(slug=program.slug).exclude(pk=program.pk).exists():
        raise SlugTaken(program.slug)
    # The slug's uniqueness is reported as a conflict above, not as a field error.
    program.full_clean(validate_unique=False)
    created = program.pk is None
    before = _stored_times(Program, program.pk)
    try:
        with transaction.atomic():
            program.save()
            program_saved.send(sender=Program, program=program, created=created)
            if _times_changed(before, program):
                _tell_schedule_changed(program)
    except IntegrityError:
        if Program.objects.filter(slug=program.slug).exclude(pk=program.pk).exists():
            raise SlugTaken(program.slug) from None
        raise


def save_program(program, *, actor, created):
    """Save a program the admin has already validated, and tell listeners.

    The admin's form checks the fields; what happens on every save (waiting
    participants promoted when seats came free, the creator made an
    organiser) happens here, as for the API.
    """
    before = None if created else _stored_times(Program, program.pk)
    with transaction.atomic():
        program.save()
        if created and actor is not None and getattr(actor, "pk", None):
            program.organisers.add(actor)
        program_saved.send(sender=Program, program=program, created=created)
        if _times_changed(before, program):
            _tell_schedule_changed(program)
    return program


def _save_sessions(sessions, deleted=()):
    """Save and delete agenda items; True if any time changed (an item added or removed counts)."""
    changed = False
    for session in deleted:
        if session.pk is not None:
            session.delete()
            changed = True
    for session in sessions:
        before = _stored_times(Session, session.pk)
        session.save()
        changed = changed or before is None or _times_changed(before, session)
    return changed


def save_session(session, *, actor):
    """Save an agenda item the admin has already validated; a new or moved item is a schedule change."""
    with transaction.atomic():
        if _save_sessions([session]):
            _tell_schedule_changed(session.program)
    return session


def save_agenda(program, *, sessions, deleted=(), actor):
    """Save the agenda items edited together (the program page's inline), and tell listeners once.

    ``sessions`` are new or changed items the admin has already validated,
    ``deleted`` those to remove.
    """
    with transaction.atomic():
        if _save_sessions(sessions, deleted):
            _tell_schedule_changed(program)
    return sessions


def delete_sessions(sessions, *, actor):
    """Remove agenda items; participants of their programs hear of the change."""
    sessions = list(sessions)
    programs = {session.program_id: session.program for session in sessions}
    with transaction.atomic():
        for session in sessions:
            session.delete()
        for program in programs.values():
            _tell_schedule_changed(program)


def create_program(data, *, actor):
    """Create a program from plain data and make its creator one of its organisers.

    The creator must be able to manage what they just made, whatever their
    role. ``data`` holds model field names (content in English), optional
    ``themes`` (slugs) and ``translations`` ({language: {field: text}}).
    Naive datetimes are read in the program's own time zone; plain dates
    are the start of that day (``ends`` and ``registration_closes``: its end).
    """
    data = dict(data)
    themes = data.pop("themes", None)
    translations = data.pop("translations", None)
    tz = _program_zone(data.get("time_zone") or Program._meta.get_field("time_zone").default)
    for name in PROGRAM_DATETIMES:
        if name in data:
            data[name] = _localise(data[name], tz, end=name in DAY_END_FIELDS)
    program = Program()
    _assign(program, data, PROGRAM_FIELDS, PROGRAM_TRANSLATED, translations)
    theme_rows = _themes(themes) if themes else []
    with transaction.atomic():
        _save_program(program, check_slug=True)
        if theme_rows:
            program.themes.set(theme_rows)
        if actor is not None and getattr(actor, "pk", None):
            program.organisers.add(actor)
    return program


def update_program(program, changes, *, actor):
    """Change some fields of a program; the rest stay as they are.

    The caller has checked that ``actor`` may manage this program; ``actor``
    is kept in the signature so that an audit trail can be added here alone.
    """
    changes = dict(changes)
    themes = changes.pop("themes", None)
    translations = changes.pop("translations", None)
    tz = _program_zone(changes.get("time_zone") or program.time_zone)
    for name in PROGRAM_DATETIMES:
        if name in changes:
            changes[name] = _localise(changes[name], tz, end=name in DAY_END_FIELDS)
    old_slug = program.slug
    _assign(program, changes, PROGRAM_FIELDS, PROGRAM_TRANSLATED, translations)
    theme_rows = _themes(themes) if themes else []
    with transaction.atomic():
        _save_program(program, check_slug=program.slug != old_slug)
        if themes is not None:
            program.themes.set(theme_rows)
    return program


def create_session(program, data, *, actor):
    """Add an item to a program's agenda; naive times are in the program's time zone."""
    data = dict(data)
    speakers = data.pop("speakers", None)
    translations = data.pop("translations", None)
    for name in SESSION_DATETIMES:
        if name in data:
            data[name] = _localise(data[name], program.tz)
    session = Session(program=program)
    _assign(session, data, SESSION_FIELDS, SESSION_TRANSLATED, translations)
    speaker_rows = _speakers(speakers) if speakers else []
    session.full_clean()
    with transaction.atomic():
        session.save()
        if speaker_rows:
            session.speakers.set(speaker_rows)
        _tell_schedule_changed(program)
    return session


def update_session(session, changes, *, actor):
    """Change some fields of an agenda item; ``speakers`` replaces the whole list when given."""
    changes = dict(changes)
    speakers = changes.pop("speakers", None)
    translations = changes.pop("translations", None)
    for name in SESSION_DATETIMES:
        if name in changes:
            changes[name] = _localise(changes[name], session.program.tz)
    _assign(session, changes, SESSION_FIELDS, SESSION_TRANSLATED, translations)
    speaker_rows = _speakers(speakers) if speakers else []
    session.full_clean()
    before = _stored_times(Session, session.pk)
    with transaction.atomic():
        session.save()
        if speakers is not None:
            session.speakers.set(speaker_rows)
        if _times_changed(before, session):
            _tell_schedule_changed(session.program)
    return session


@transaction.atomic
def add_organiser(program, user):
    """Make ``user`` one of the program's organisers.

    Organisers only see the programs they are assigned to; whoever creates a
    program must be able to find it again afterwards.
    """
    program.organisers.add(user)
