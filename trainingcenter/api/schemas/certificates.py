"""Shapes of the certificates API: issuing runs, the staff list, public verification, revocation."""
from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from trainingcenter.certificates.models import REASON_MAX_LENGTH, Certificate, Kind

from .base import Input

CertificateStatusLiteral = Literal[tuple(Certificate.Status.values)]
KindLiteral = Literal[tuple(Kind.values)]


class IssueRunOut(Schema):
    run_id: int = Field(..., description="The issuing run, as shown on the organisers' certificates page")
    total: int = Field(..., description="Certificates the run set out to issue")
    issued: int
    skipped: int = Field(..., description="Issued meanwhile by someone else, or no longer eligible")
    failed: int = Field(..., description="Could not be made after every retry")
    finished: bool
    started_at: datetime
    finished_at: datetime | None = None


class CertificateOut(Schema):
    code: str = Field(..., description="12 characters, printed grouped as XXXX-XXXX-XXXX")
    grouped_code: str
    status: CertificateStatusLiteral
    kind: KindLiteral
    language: str
    name: str = Field(..., description="The name as printed on the certificate")
    email: str = Field(..., description="The registration's e-mail address")
    registration_id: int
    program_title: str = Field(..., description="As printed, in the certificate's language")
    issued_at: datetime
    issued_by_hand: bool
    manual_reason: str
    revoked_at: datetime | None = Field(None, description="When it was revoked or replaced")
    revoked_reason: str
    replaced_by: str | None = Field(None, description="The code of the certificate that replaced it")
    pdf_url: str = Field(..., description="The PDF, with the same staff token")


class CertificateList(Schema):
    count: int
    items: list[CertificateOut]


class VerificationOut(Schema):
    status: CertificateStatusLiteral
    name: str = Field(..., description="The name as printed on the certificate")
    program: str = Field(..., description="The program's title as printed on the certificate")
    starts_on: date
    ends_on: date
    issued_on: date


class RevokeIn(Input):
    reason: str = Field(
        ..., min_length=1, max_length=REASON_MAX_LENGTH, description="Kept in the history; never shown publicly",
    )
