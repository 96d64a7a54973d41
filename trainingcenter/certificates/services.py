"""Every change to certificates, in one place: views, the API and tasks call these.

- ``issue_certificates(program, actor=...)``: everyone whose attendance result
  is "attended" (after organisers' decisions) and who holds no valid
  certificate gets one, in the background: an ``IssueRun`` split into chunks,
  one task each (``tasks.issue_certificate_chunk``), so each task is short.
  Running it again issues only the missing ones; a run already under way is
  returned instead of a second one.
- ``issue_certificate(registration, actor=..., reason=...)``: by hand, with a
  reason, whatever the attendance result.
- ``revoke_certificate`` and ``reissue_certificate`` (after a name
  correction: the old certificate becomes "replaced" and points to its new one).

Idempotency: a registration has at most one valid certificate, kept by a
unique index over valid rows (``models.Certificate``). A chunk's task that
runs twice (a retry, a worker that died after the commit) finds the
certificates there and issues nothing; two tasks that race insert with
"ON CONFLICT DO NOTHING", and the loser's rows simply are not there. A chunk
adds its counts to the run once (a conditional update on the chunk).

Each certificate is e-mailed to its participant with a link (not the PDF)
through the outbox, keyed by the certificate, in the same transaction as
the certificate. History goes to ``CertificateEvent``.
"""
import dataclasses
import datetime as dt
import logging
import secrets
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from trainingcenter.attendance import rules
from trainingcenter.center.models import Center
from trainingcenter.core import services as task_services
from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.services.privacy import ERASED_NAME

from . import emails, pdf, tasks
from .models import (
    MAX_SIGNATORIES,
    REASON_MAX_LENGTH,
    Certificate,
    CertificateEvent,
    CertificateSettings,
    IssueChunk,
    IssueRun,
    Kind,
)

logger = logging.getLogger(__name__)

Action = CertificateEvent.Action
Status = Certificate.Status
# Certificates per task: big enough that the shared background and WeasyPrint's
# start-up are spread thin, small enough that a task takes about a second.
CHUNK_SIZE = 50
# A run not finished after this long lost its tasks for good (they failed every retry): another may start.
STALE_AFTER = dt.timedelta(hours=2)
LANGUAGES = {code for code, _name in settings.LANGUAGES}
SIGNATORY_MAX_LENGTH = 120


class CertificateError(Exception):
    """A change refused, with a stable ``code`` and a message in the active language."""

    def __init__(self, code, message, field=None):
        super().__init__(message)
        self.code = code
        self.message = str(message)
        self.field = field


def _actor(actor):
    return actor if actor is not None and getattr(actor, "pk", None) else None


def clean_reason(reason):
    reason = " ".join(str(reason or "").split())
    if not reason:
        raise CertificateError("reason_required", _("Please give a reason."), field="reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise CertificateError(
            "reason_too_long", _("Please keep the reason to %(max)d characters.") % {"max": REASON_MAX_LENGTH},
            field="reason",
        )
    return reason


# --- the program's settings ----------------------------------------------------------------------


def settings_for(program):
    """The program's certificate settings, or the defaults (not saved) when it has none."""
    found = CertificateSettings.objects.filter(program=program).first()
    return found if found is not None else CertificateSettings(program=program)


def save_settings(program, *, kind, hours=None, signatories=(), actor=None):
    """Set how the program's certificates read from now on; certificates already issued do not change."""
    if kind not in Kind.values:
        raise CertificateError("invalid", _("Please choose the kind of certificate."), field="kind")
    if hours is not None:
        hours = Decimal(str(hours)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if not Decimal("0") < hours < Decimal("10000"):
            raise CertificateError("invalid", _("Please give the hours as a positive number."), field="hours")
    rows = []
    for row in signatories:
        name = " ".join(str(row.get("name", "")).split())
        title = " ".join(str(row.get("title", "")).split())
        if len(name) > SIGNATORY_MAX_LENGTH or len(title) > SIGNATORY_MAX_LENGTH:
            raise CertificateError(
                "invalid", _("Please keep names and titles to %(max)d characters.") % {"max": SIGNATORY_MAX_LENGTH},
                field="signatories",
            )
        if name or title:
            rows.append({"name": name, "title": title})
    if len(rows) > MAX_SIGNATORIES:
        raise CertificateError(
            "invalid", _("A certificate has room for %(max)d signatures.") % {"max": MAX_SIGNATORIES},
            field="signatories",
        )
    row, _created = CertificateSettings.objects.update_or_create(
        program=program, defaults={"kind": kind, "hours": hours, "signatories": rows, "updated_by": _actor(actor)},
    )
    return row


def scheduled_hours(program):
    """The agenda's scheduled time in hours, to the half hour (breaks left out); None without any."""
    minutes = rules.rule_for(program).scheduled_minutes
    if not minutes:
        return None
    return (Decimal(minutes) / 30).quantize(Decimal("1"), rounding=ROUND_HALF_UP) / 2


def _signatory_pairs(settings_row):
    return tuple((row.get("name", ""), row.get("title", "")) for row in settings_row.signatories or [])


# --- what a certificate says ---------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ProgramFacts:
    """What every certificate issued now for the program records, but its language's title."""

    kind: str
    hours: Decimal | None
    starts_on: dt.date
    ends_on: dt.date
    signatories: tuple


def program_facts(program):
    row = settings_for(program)
    zone = program.tz
    return ProgramFacts(
        kind=row.kind,
        hours=row.hours if row.hours is not None else scheduled_hours(program),
        starts_on=timezone.localtime(program.starts, zone).date(),
        ends_on=timezone.localtime(program.ends, zone).date(),
        signatories=_signatory_pairs(row),
    )


def language_of(registration):
    return registration.language if registration.language in LANGUAGES else settings.LANGUAGE_CODE


def _title_in(program, language):
    with translation.override(language):
        return program.title


def new_certificate(registration, facts, *, issued_at, actor=None, run=None, reason=""):
    """An unsaved certificate for the registration as it is now."""
    program = registration.program
    language = language_of(registration)
    return Certificate(
        registration=registration, program=program, status=Status.VALID, kind=facts.kind, language=language,
        name=pdf.display_name(registration.given_name, registration.family_name),
        program_title=_title_in(program, language)[:250],
        starts_on=facts.starts_on, ends_on=facts.ends_on, hours=facts.hours,
        signatories=[{"name": name, "title": title} for name, title in facts.signatories],
        issued_at=issued_at, issued_by=_actor(actor), run=run, manual_reason=reason,
    )


def _render(certificates):
    """PDF bytes for each certificate (all of one program), a batch per language."""
    by_language = {}
    for certificate in certificates:
        by_language.setdefault(certificate.language, []).append(certificate)
    made = {}
    for group in by_language.values():
        program = group[0].program
        rendered = pdf.render_batch(pdf.face_of(group[0]), program, [pdf.person_of(c) for c in group])
        made.update({certificate.code: data for certificate, data in zip(group, rendered, strict=True)})
    return [made[certificate.code] for certificate in certificates]


def _store(certificate, data):
    """Write the PDF under a name nobody can guess; the certificate row records it."""
    name = default_storage.save(f"certificates/{certificate.program_id}/{secrets.token_urlsafe(18)}.pdf",
                                ContentFile(data))
    certificate.pdf.name = name
    return name


def _forget_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.warning("Could not delete the unused certificate file %s", name)


def pdf_bytes(certificate):
    """The certificate's PDF: the stored file, or made again from its record if the file is gone."""
    if certificate.pdf:
        try:
            with default_storage.open(certificate.pdf.name, "rb") as stored:
                return stored.read()
        except OSError:
            logger.warning("Certificate %s: its PDF file is missing; making it again", certificate.pk)
    return pdf.render_one(pdf.face_of(certificate), certificate.program, pdf.person_of(certificate))


# --- issuing to everyone who attended ------------------------------------------------------------


def eligible_registration_ids(program, results=None):
    """Registrations that attended (after organisers' decisions) and hold no valid certificate, in order.

    ``results`` saves judging the program again when the caller has judged it.
    """
    results = rules.program_results(program) if results is None else results
    attended = [result.registration_id for result in results if result.attended]
    holding = set(
        Certificate.objects.valid().filter(program=program).values_list("registration_id", flat=True)
    )
    erased = set(
        Registration.objects.filter(pk__in=attended, personal_data_erased_at__isnull=False).values_list("pk", flat=True)
    )
    return [pk for pk in attended if pk not in holding and pk not in erased]


def pending_run(program, now=None):
    """The program's run still under way, if any (not one whose tasks were lost long ago)."""
    now = now or timezone.now()
    return (
        IssueRun.objects.filter(program=program, finished_at__isnull=True, started_at__gte=now - STALE_AFTER)
        .order_by("-started_at").first()
    )


def latest_run(program):
    return IssueRun.objects.filter(program=program).order_by("-started_at", "-pk").first()


def issue_certificates(program, *, actor=None, chunk_size=CHUNK_SIZE, notify=True):
    """Start issuing certificates to everyone who attended and has none; returns the run.

    The work happens in background tasks, one per chunk of ``chunk_size``.
    A run with nothing to do is finished at once. While a run is under way,
    asking again returns that run. ``notify=False`` sends no e-mails (the
    demo's sample participants).
    """
    with transaction.atomic():
        pending = pending_run(program)
        if pending is not None:
            return pending
        ids = eligible_registration_ids(program)
        # One language per chunk where possible: each language is a document (and a background) of its own.
        languages = dict(Registration.objects.filter(pk__in=ids).values_list("pk", "language"))
        ids.sort(key=lambda pk: languages.get(pk, ""))
        chunks = [ids[i : i + chunk_size] for i in range(0, len(ids), chunk_size)]
        run = IssueRun.objects.create(
            program=program, requested_by=_actor(actor), total=len(ids), chunks=len(chunks),
            finished_at=None if chunks else timezone.now(), notify=notify,
        )
        IssueChunk.objects.bulk_create([
            IssueChunk(run=run, index=index, registration_ids=chunk) for index, chunk in enumerate(chunks)
        ])
        for chunk_id in IssueChunk.objects.filter(run=run).order_by("index").values_list("pk", flat=True):
            tasks.issue_certificate_chunk.enqueue(chunk_id)
    logger.info("Certificates of program %s: run %s for %s registrations", program.pk, run.pk, len(ids))
    return run


class RenderFailed(Exception):
    """Some certificates of a chunk could not be made; the worker tries the chunk again later."""


def run_chunk(chunk_id, attempt=1):
    """A chunk's task: issue the certificates its registrations still need; harmless to run twice.

    PDFs are made and stored before the transaction (which stays short), the
    rows inserted with "ON CONFLICT DO NOTHING" (a registration that got a
    valid certificate meanwhile keeps it, and the unused file is deleted),
    and the e-mails queued with them. A certificate that cannot be made is
    retried with the chunk (the worker's retries); after the last attempt it
    counts as failed and the chunk is done.
    """
    chunk = IssueChunk.objects.select_related("run__program", "run__requested_by").filter(pk=chunk_id).first()
    if chunk is None or chunk.finished_at is not None:
        return "nothing to do"
    run = chunk.run
    program = run.program
    wanted = list(chunk.registration_ids)
    holding = set(Certificate.objects.valid().filter(registration_id__in=wanted).values_list("registration_id",
                                                                                             flat=True))
    registrations = Registration.objects.select_related("program").filter(
        pk__in=[pk for pk in wanted if pk not in holding], program=program,
        status=Registration.Status.CONFIRMED, personal_data_erased_at__isnull=True,
    )
    facts = program_facts(program)
    now = timezone.now()
    certificates = [
        new_certificate(registration, facts, issued_at=now, actor=run.requested_by, run=run)
        for registration in registrations
    ]
    made, failures = _make_pdfs(certificates)
    if made:
        _insert(made, notify=run.notify)
    last_attempt = attempt >= task_services.max_attempts()
    if failures and not last_attempt:
        raise RenderFailed(f"{len(failures)} of {len(certificates)} certificates of chunk {chunk.pk} failed")
    return _finish_chunk(chunk, wanted, failed=len(failures))


def _make_pdfs(certificates):
    """(certificates with their PDF stored, certificates that failed); a failed batch is retried one by one."""
    try:
        rendered = _render(certificates)
    except Exception:  # noqa: BLE001 - find which certificate fails, so the others are issued
        logger.exception("Certificates: a batch failed to render; rendering one by one")
        rendered = []
        for certificate in certificates:
            try:
                rendered.append(_render([certificate])[0])
            except Exception:  # noqa: BLE001 - counted as failed, retried with the chunk
                logger.exception("Certificate for registration %s failed to render", certificate.registration_id)
                rendered.append(None)
    made, failures = [], []
    for certificate, data in zip(certificates, rendered, strict=True):
        if data is None:
            failures.append(certificate)
        else:
            _store(certificate, data)
            made.append(certificate)
    return made, failures


def _insert(certificates, *, notify=True):
    """Insert the certificates that are still wanted; their history and e-mails go with them."""
    stored = [certificate.pdf.name for certificate in certificates]
    try:
        with transaction.atomic():
            Certificate.objects.bulk_create(certificates, ignore_conflicts=True)
            inserted = list(
                Certificate.objects.select_related("registration", "program")
                .filter(code__in=[certificate.code for certificate in certificates])
            )
            CertificateEvent.objects.bulk_create([
                CertificateEvent(certificate=certificate, registration_id=certificate.registration_id,
                                 action=Action.ISSUED, actor=certificate.issued_by)
                for certificate in inserted
            ])
            if notify:
                center = Center.current()
                for certificate in inserted:
                    emails.certificate_issued(certificate, center=center)
    except BaseException:
        _forget_files(stored)
        raise
    kept = {certificate.pdf.name for certificate in inserted}
    _forget_files([name for name in stored if name not in kept])
    return inserted


def _finish_chunk(chunk, wanted, *, failed):
    issued = Certificate.objects.filter(run=chunk.run, registration_id__in=wanted).count()
    skipped = max(0, len(wanted) - issued - failed)
    now = timezone.now()
    with transaction.atomic():
        if not IssueChunk.objects.filter(pk=chunk.pk, finished_at__isnull=True).update(
            finished_at=now, issued=issued, skipped=skipped, failed=failed,
        ):
            return "finished before"
        IssueRun.objects.filter(pk=chunk.run_id).update(
            issued=F("issued") + issued, skipped=F("skipped") + skipped, failed=F("failed") + failed,
            chunks_finished=F("chunks_finished") + 1,
        )
        IssueRun.objects.filter(pk=chunk.run_id, finished_at__isnull=True, chunks_finished__gte=F("chunks")).update(
            finished_at=now,
        )
    return f"issued {issued}, skipped {skipped}, failed {failed}"


# --- one at a time ---------------------------------------------------------------------------------


def issue_certificate(registration, *, actor, reason):
    """Issue a certificate by hand, whether or not the attendance rule says "attended"; ``reason`` is required."""
    reason = clean_reason(reason)
    registration = Registration.objects.select_related("program").get(pk=registration.pk)
    if registration.is_erased:
        raise CertificateError("erased", _("This participant's personal data has been erased."))
    if Certificate.objects.valid().filter(registration=registration).exists():
        raise CertificateError(
            "already_issued", _("This participant already holds a valid certificate; re-issue it instead."),
        )
    facts = program_facts(registration.program)
    certificate = new_certificate(registration, facts, issued_at=timezone.now(), actor=actor, reason=reason)
    _store(certificate, _render([certificate])[0])
    try:
        with transaction.atomic():
            certificate.save()
            CertificateEvent.objects.create(
                certificate=certificate, registration=registration, action=Action.ISSUED_BY_HAND,
                actor=_actor(actor), note=reason,
            )
            emails.certificate_issued(certificate)
    except IntegrityError:
        _forget_files([certificate.pdf.name])
        raise CertificateError(
            "already_issued", _("This participant already holds a valid certificate; re-issue it instead."),
        ) from None
    except BaseException:
        _forget_files([certificate.pdf.name])
        raise
    return certificate


def revoke_certificate(certificate, *, actor, reason):
    """Revoke a valid certificate: its code then answers "revoked"; returns it."""
    reason = clean_reason(reason)
    now = timezone.now()
    with transaction.atomic():
        if not Certificate.objects.filter(pk=certificate.pk, status=Status.VALID).update(
            status=Status.REVOKED, revoked_at=now, revoked_by=_actor(actor), revoked_reason=reason,
        ):
            raise CertificateError("not_valid", _("Only a valid certificate can be revoked."))
        CertificateEvent.objects.create(
            certificate=certificate, registration_id=certificate.registration_id, action=Action.REVOKED,
            actor=_actor(actor), note=reason,
        )
    certificate.refresh_from_db()
    return certificate


def reissue_certificate(certificate, *, actor, reason):
    """Replace a valid certificate with a new one from the registration as it is now (e.g. a corrected name).

    The old code answers "replaced" from then on; the new certificate has a
    new code and PDF, and is e-mailed. Returns the new certificate.
    """
    reason = clean_reason(reason)
    registration = Registration.objects.select_related("program").get(pk=certificate.registration_id)
    if registration.is_erased:
        raise CertificateError("erased", _("This participant's personal data has been erased."))
    if certificate.status != Status.VALID:
        raise CertificateError("not_valid", _("Only a valid certificate can be re-issued."))
    facts = program_facts(registration.program)
    now = timezone.now()
    new = new_certificate(registration, facts, issued_at=now, actor=actor, reason=certificate.manual_reason)
    _store(new, _render([new])[0])
    try:
        with transaction.atomic():
            if not Certificate.objects.filter(pk=certificate.pk, status=Status.VALID).update(
                status=Status.REPLACED, revoked_at=now, revoked_by=_actor(actor), revoked_reason=reason,
            ):
                raise CertificateError("not_valid", _("Only a valid certificate can be re-issued."))
            new.save()
            Certificate.objects.filter(pk=certificate.pk).update(replaced_by=new)
            CertificateEvent.objects.bulk_create([
                CertificateEvent(certificate_id=certificate.pk, registration=registration, action=Action.REPLACED,
                                 actor=_actor(actor), note=reason),
                CertificateEvent(certificate=new, registration=registration, action=Action.REISSUED,
                                 actor=_actor(actor), note=reason),
            ])
            emails.certificate_issued(new)
    except BaseException:
        _forget_files([new.pdf.name])
        raise
    certificate.refresh_from_db()
    return new


# --- erasure -------------------------------------------------------------------------------------------


def erase_holder(registration, *, actor=None):
    """A participant's personal data is erased: their certificates no longer name them; returns how many.

    The name printed on each certificate is replaced and its PDF deleted (a
    download would make it again from the record, without the name); a valid
    certificate is revoked, so its code no longer vouches for anyone. The
    certificates themselves stay, so the program's figures do not change.
    Harmless to run twice.
    """
    certificates = list(Certificate.objects.filter(registration=registration).exclude(name=ERASED_NAME))
    if not certificates:
        return 0
    now = timezone.now()
    reason = _("The holder's personal data was erased at their request.")
    files = [certificate.pdf.name for certificate in certificates if certificate.pdf]
    for certificate in certificates:
        if certificate.status == Status.VALID:
            certificate.status, certificate.revoked_at, certificate.revoked_reason = Status.REVOKED, now, reason
            certificate.revoked_by = _actor(actor)
            CertificateEvent.objects.create(
                certificate=certificate, registration_id=registration.pk, action=Action.REVOKED,
                actor=_actor(actor), note=reason,
            )
        certificate.name = ERASED_NAME
        certificate.pdf = ""
    Certificate.objects.bulk_update(
        certificates, ["name", "pdf", "status", "revoked_at", "revoked_reason", "revoked_by"]
    )
    transaction.on_commit(lambda: _forget_files(files))
    return len(certificates)
