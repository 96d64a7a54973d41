"""Certificates for tests: registrations that attended, certificates written directly, settings.

``attended(program, ...)`` is a confirmed registration whose attendance an
organiser decided ("attended"), the shortest way to the result the
certificates app reads (``attendance.rules.program_results``).
"""
import datetime as dt

import factory
from django.utils import timezone

from trainingcenter.attendance.models import AttendanceOverride
from trainingcenter.certificates import codes
from trainingcenter.certificates.models import Certificate, CertificateSettings, Kind
from trainingcenter.programs.models import Program

from .attendance import finished_program
from .registrations import RegistrationFactory

# Names as participants write them, in the scripts the centre's programs draw.
NAMES = {
    "chinese": ("小明", "王"),
    "cyrillic": ("Айгерим", "Нурланова"),
    "arabic": ("عبد الله", "الراشدي"),
    "latin": ("Zoë", "Ñúñez-Çelik"),
}


def attended(program, **kwargs):
    """A confirmed registration that attended (by an organiser's decision)."""
    registration = RegistrationFactory(program=program, **kwargs)
    AttendanceOverride.objects.create(registration=registration, attended=True, reason="Attended the sessions")
    return registration


def not_attended(program, **kwargs):
    registration = RegistrationFactory(program=program, **kwargs)
    AttendanceOverride.objects.create(registration=registration, attended=False, reason="Never connected")
    return registration


def past_program(**kwargs):
    """The attendance factories' finished two-day program (8–9 June 2026, 360 scheduled minutes)."""
    defaults = {"title": "Low-Carbon Development", "number": 5}
    return finished_program(**{**defaults, **kwargs})


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate written directly (no PDF file): for verification, lists and the API."""

    class Meta:
        model = Certificate

    registration = factory.SubFactory(RegistrationFactory, program=factory.SubFactory(
        "tests.factories.programs.ProgramFactory", status=Program.Status.COMPLETED,
    ))
    program = factory.LazyAttribute(lambda o: o.registration.program)
    code = factory.LazyFunction(codes.new_code)
    status = Certificate.Status.VALID
    kind = Kind.PARTICIPATION
    language = factory.LazyAttribute(lambda o: o.registration.language)
    name = factory.LazyAttribute(lambda o: o.registration.full_name)
    program_title = factory.LazyAttribute(lambda o: o.program.title)
    starts_on = factory.LazyAttribute(lambda o: timezone.localtime(o.program.starts, o.program.tz).date())
    ends_on = factory.LazyAttribute(lambda o: timezone.localtime(o.program.ends, o.program.tz).date())
    hours = 6
    issued_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))


class CertificateSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateSettings

    kind = Kind.COMPLETION
    signatories = factory.LazyFunction(lambda: [
        {"name": "Prof. Li Wei", "title": "Director, Joint Training Center"},
        {"name": "Dr. Aisha Khan", "title": "ECO Science Foundation"},
    ])
