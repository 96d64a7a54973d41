"""What anyone may learn from a certificate's code: whether it is valid, and only what the certificate says.

``verify(text)`` reads a code however it was typed (with or without
hyphens, any letter case, O for 0 and I or L for 1) and answers:

- ``valid``: the name, the program, its dates and the day it was issued;
- ``revoked`` or ``replaced``: the same, so that whoever holds the paper
  sees which certificate it was, and that it no longer counts;
- ``unknown``: no certificate has this code;
- ``malformed``: it cannot be a code (``problem``: its length, a character
  outside the alphabet, or a typo the check character caught).

Nothing else about the person (e-mail, country, organisation, why it was
revoked) is ever part of the answer.
"""
import dataclasses
import datetime as dt

from django.utils import timezone

from . import codes
from .models import Certificate

VALID, REVOKED, REPLACED, UNKNOWN, MALFORMED = "valid", "revoked", "replaced", "unknown", "malformed"


@dataclasses.dataclass(frozen=True)
class Verification:
    state: str
    code: str = ""  # as stored, when the text could be a code
    problem: str = ""  # for MALFORMED: "length", "characters" or "typo"
    name: str = ""
    program: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    issued_on: dt.date | None = None
    ended_on: dt.date | None = None  # revoked or replaced on

    @property
    def found(self):
        return self.state in (VALID, REVOKED, REPLACED)

    @property
    def grouped_code(self):
        return codes.grouped(self.code) if self.code else ""


def verify(text):
    problem = codes.problem(text)
    if problem:
        return Verification(state=MALFORMED, problem=problem, code="")
    code = codes.clean(text)
    certificate = (
        Certificate.objects.select_related("program")
        .only("code", "status", "name", "program_title", "starts_on", "ends_on", "issued_at", "revoked_at",
              "program__time_zone")
        .filter(code=code).first()
    )
    if certificate is None:
        return Verification(state=UNKNOWN, code=code)
    zone = certificate.program.tz
    return Verification(
        state=certificate.status,
        code=code,
        name=certificate.name,
        program=certificate.program_title,
        starts_on=certificate.starts_on,
        ends_on=certificate.ends_on,
        issued_on=timezone.localtime(certificate.issued_at, zone).date(),
        ended_on=timezone.localtime(certificate.revoked_at, zone).date() if certificate.revoked_at else None,
    )
