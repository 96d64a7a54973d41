"""Issuing, revoking and re-issuing certificates, and what a code tells whoever verifies it."""
import pytest
from django.core.files.storage import default_storage
from django_tasks_db.models import DBTaskResult

from tests.factories import RegistrationFactory
from tests.factories.certificates import NAMES, CertificateFactory, attended, not_attended, past_program
from tests.worker import run_tasks
from trainingcenter.certificates import services, verification
from trainingcenter.certificates.models import (
    Certificate,
    CertificateEvent,
    CertificateSettings,
    IssueChunk,
    IssueRun,
    Kind,
)
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.services import privacy

pytestmark = pytest.mark.django_db
Status = Certificate.Status


@pytest.fixture
def program():
    return past_program()


def issue_all(program, **kwargs):
    run = services.issue_certificates(program, **kwargs)
    run_tasks()
    run.refresh_from_db()
    return run


def chunk_tasks():
    ready = DBTaskResult.objects.filter(status="READY")
    return [row for row in ready if row.task_path.endswith("issue_certificate_chunk")]


# --- issuing to everyone who attended ------------------------------------------------------------


def test_everyone_who_attended_gets_one_certificate_with_a_pdf_and_an_email(program, staff_user):
    first = attended(program, given_name="Aigerim", family_name="Nurlanova", language="ru")
    second = attended(program, given_name=NAMES["chinese"][0], family_name=NAMES["chinese"][1], language="zh-hans")
    absent = not_attended(program)

    run = issue_all(program, actor=staff_user)

    assert (run.total, run.issued, run.skipped, run.failed, run.chunks_finished) == (2, 2, 0, 0, 1)
    assert run.is_finished and run.percent == 100
    assert not Certificate.objects.filter(registration=absent).exists()
    mine = Certificate.objects.get(registration=first)
    assert mine.status == Status.VALID and mine.issued_by == staff_user and mine.run == run
    assert (mine.name, mine.language, mine.kind) == ("Aigerim Nurlanova", "ru", Kind.PARTICIPATION)
    # The dates in the program's own time zone; the hours from the agenda (two three-hour mornings).
    assert (str(mine.starts_on), str(mine.ends_on), mine.hours) == ("2026-06-08", "2026-06-09", 6)
    assert default_storage.open(mine.pdf.name).read(5) == b"%PDF-"
    # A Chinese name is printed family name first, without a space.
    assert Certificate.objects.get(registration=second).name == "王小明"
    assert CertificateEvent.objects.filter(certificate=mine, action=CertificateEvent.Action.ISSUED).count() == 1

    mail = OutgoingMail.objects.get(to=first.email, key=f"certificate:{mine.code}:issued")
    assert mail.subject.startswith("Ваш сертификат")
    assert f"/ru/r/{first.token}/certificate.pdf" in mail.body_text
    assert mine.grouped_code in mail.body_text
    assert mail.attachments == []


def test_a_run_is_split_into_short_tasks_one_per_chunk(program):
    people = [attended(program) for _ in range(5)]

    run = services.issue_certificates(program, chunk_size=2)

    assert (run.total, run.chunks) == (5, 3)
    assert [len(ids) for ids in IssueChunk.objects.filter(run=run).values_list("registration_ids", flat=True)] == [
        2, 2, 1,
    ]
    assert len(chunk_tasks()) == 3
    run_tasks()
    run.refresh_from_db()
    assert (run.issued, run.chunks_finished, run.is_finished) == (5, 3, True)
    assert Certificate.objects.valid().filter(registration__in=people).count() == 5


def test_a_chunk_whose_task_runs_twice_issues_once(program):
    people = [attended(program) for _ in range(3)]
    run = services.issue_certificates(program)
    [chunk] = IssueChunk.objects.filter(run=run)
    # The worker died after the commit, before the task was marked done: the same task runs again.
    [task] = chunk_tasks()
    services.run_chunk(chunk.pk)
    IssueChunk.objects.filter(pk=chunk.pk).update(finished_at=None, issued=0)
    IssueRun.objects.filter(pk=run.pk).update(issued=0, chunks_finished=0, finished_at=None)
    run_tasks()

    assert DBTaskResult.objects.get(pk=task.pk).status == "SUCCESSFUL"
    assert Certificate.objects.filter(registration__in=people).count() == 3
    run.refresh_from_db()
    assert (run.issued, run.skipped, run.chunks_finished) == (3, 0, 1)
    assert OutgoingMail.objects.filter(key__startswith="certificate:").count() == 3
    # And once more, finished: nothing happens.
    assert services.run_chunk(chunk.pk) == "nothing to do"


def test_two_runs_that_overlap_issue_one_certificate_each(program):
    person = attended(program)
    first = services.issue_certificates(program)
    # A second run started by hand meanwhile (the first one's tasks have not run yet).
    IssueRun.objects.filter(pk=first.pk).update(finished_at=first.started_at)
    second = services.issue_certificates(program)
    assert second.pk != first.pk and second.total == 1

    run_tasks()

    assert Certificate.objects.filter(registration=person).count() == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.issued + second.issued == 1 and first.skipped + second.skipped == 1


def test_a_second_run_issues_only_the_missing_ones(program):
    early = attended(program)
    late = not_attended(program)
    issue_all(program)
    late.attendance_override.attended = True
    late.attendance_override.save()

    run = issue_all(program)

    assert run.total == 1 and run.issued == 1
    assert Certificate.objects.filter(registration=early).count() == 1
    assert Certificate.objects.filter(registration=late).count() == 1


def test_asking_again_while_a_run_is_under_way_returns_that_run(program):
    attended(program)
    run = services.issue_certificates(program)
    assert services.issue_certificates(program) == run
    assert len(chunk_tasks()) == 1


def test_nothing_to_issue_finishes_at_once(program):
    not_attended(program)
    run = services.issue_certificates(program)
    assert run.is_finished and run.total == 0 and run.chunks == 0
    assert chunk_tasks() == []


def test_erased_and_cancelled_participants_get_none(program):
    erased = attended(program)
    privacy.erase_personal_data(erased)
    attended(program, status=Registration.Status.CANCELLED)
    run = issue_all(program)
    assert run.total == 0
    assert not Certificate.objects.exists()


def test_a_certificate_that_cannot_be_made_is_retried_then_counted_as_failed(program, monkeypatch, settings):
    settings.TASK_MAX_ATTEMPTS = 2
    good = attended(program, given_name="Good")
    bad = attended(program, given_name="Broken")
    real = services.pdf.render_batch

    def render(face, program, people):
        if any(person.name.startswith("Broken") for person in people):
            raise RuntimeError("font missing")
        return real(face, program, people)

    monkeypatch.setattr(services.pdf, "render_batch", render)
    run = services.issue_certificates(program)
    [chunk] = IssueChunk.objects.filter(run=run)

    with pytest.raises(services.RenderFailed):
        services.run_chunk(chunk.pk, attempt=1)
    # The good one is issued already; the retry only tries the broken one.
    assert Certificate.objects.filter(registration=good).exists()
    assert services.run_chunk(chunk.pk, attempt=2) == "issued 1, skipped 0, failed 1"
    run.refresh_from_db()
    assert (run.issued, run.failed, run.is_finished) == (1, 1, True)
    assert not Certificate.objects.filter(registration=bad).exists()


def test_settings_decide_what_new_certificates_say(program, staff_user):
    services.save_settings(program, kind=Kind.COMPLETION, hours="12.5", actor=staff_user, signatories=[
        {"name": "  Prof. Li   Wei ", "title": "Director"}, {"name": "", "title": ""},
    ])
    row = CertificateSettings.objects.get(program=program)
    assert row.signatories == [{"name": "Prof. Li Wei", "title": "Director"}]
    person = attended(program)
    issue_all(program)
    certificate = Certificate.objects.get(registration=person)
    assert (certificate.kind, str(certificate.hours)) == ("completion", "12.5")


@pytest.mark.parametrize(("changes", "field"), [
    ({"kind": "diploma"}, "kind"),
    ({"hours": -1}, "hours"),
    ({"signatories": [{"name": "x" * 121, "title": ""}]}, "signatories"),
    ({"signatories": [{"name": f"P{n}", "title": ""} for n in range(4)]}, "signatories"),
])
def test_settings_refuse_what_cannot_be_printed(program, changes, field):
    with pytest.raises(services.CertificateError) as refused:
        services.save_settings(program, **{"kind": Kind.PARTICIPATION, **changes})
    assert refused.value.field == field


def test_hours_default_to_the_agenda_to_the_half_hour(program):
    assert services.scheduled_hours(program) == 6


# --- by hand, revoking, re-issuing -----------------------------------------------------------------


def test_an_organiser_issues_one_by_hand_with_a_reason_whatever_attendance_says(program, staff_user):
    person = not_attended(program, language="zh-hans")
    with pytest.raises(services.CertificateError) as refused:
        services.issue_certificate(person, actor=staff_user, reason="   ")
    assert refused.value.code == "reason_required"

    certificate = services.issue_certificate(person, actor=staff_user, reason="Followed the recordings")

    assert certificate.is_valid and certificate.manual_reason == "Followed the recordings"
    assert certificate.language == "zh-hans" and certificate.program_title == program.title
    event = CertificateEvent.objects.get(certificate=certificate)
    assert (event.action, event.note, event.actor) == ("issued_by_hand", "Followed the recordings", staff_user)
    assert OutgoingMail.objects.filter(key=f"certificate:{certificate.code}:issued").exists()
    with pytest.raises(services.CertificateError) as twice:
        services.issue_certificate(person, actor=staff_user, reason="Again")
    assert twice.value.code == "already_issued"


def test_revoking_needs_a_reason_and_the_code_then_says_revoked(program, staff_user):
    certificate = CertificateFactory(registration=attended(program))
    with pytest.raises(services.CertificateError):
        services.revoke_certificate(certificate, actor=staff_user, reason="")

    services.revoke_certificate(certificate, actor=staff_user, reason="Attendance was recorded in error")

    certificate.refresh_from_db()
    assert certificate.status == Status.REVOKED and certificate.revoked_by == staff_user
    assert certificate.revoked_reason == "Attendance was recorded in error"
    assert verification.verify(certificate.code).state == "revoked"
    with pytest.raises(services.CertificateError) as again:
        services.revoke_certificate(certificate, actor=staff_user, reason="Twice")
    assert again.value.code == "not_valid"
    # Revoked, the participant may be issued a new one (by hand or by a run).
    assert services.eligible_registration_ids(program) == [certificate.registration_id]


def test_reissuing_after_a_name_correction_replaces_the_old_code(program, staff_user):
    person = attended(program, given_name="Aigerm", family_name="Nurlanova")
    issue_all(program)
    old = Certificate.objects.get(registration=person)
    Registration.objects.filter(pk=person.pk).update(given_name="Aigerim")

    new = services.reissue_certificate(old, actor=staff_user, reason="Name misspelt")

    old.refresh_from_db()
    assert old.status == Status.REPLACED and old.replaced_by == new and old.revoked_reason == "Name misspelt"
    assert new.status == Status.VALID and new.name == "Aigerim Nurlanova" and new.code != old.code
    assert verification.verify(old.code).state == "replaced"
    assert verification.verify(new.code).state == "valid"
    actions = list(CertificateEvent.objects.filter(registration=person).values_list("action", flat=True))
    assert actions == ["issued", "replaced", "reissued"]
    assert OutgoingMail.objects.filter(key=f"certificate:{new.code}:issued").exists()
    assert services.pdf_bytes(new) != services.pdf_bytes(old)
    with pytest.raises(services.CertificateError):
        services.reissue_certificate(old, actor=staff_user, reason="Again")


def test_only_one_certificate_of_a_registration_is_ever_valid(program):
    person = attended(program)
    CertificateFactory(registration=person)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateFactory(registration=person)
    CertificateFactory(registration=person, status=Status.REVOKED, revoked_at=person.created_at)


def test_a_lost_pdf_file_is_made_again_from_the_record(program):
    person = attended(program)
    issue_all(program)
    certificate = Certificate.objects.get(registration=person)
    default_storage.delete(certificate.pdf.name)
    assert services.pdf_bytes(certificate).startswith(b"%PDF-")


# --- verification --------------------------------------------------------------------------------


def test_a_valid_code_tells_the_name_program_dates_and_issue_day_only(program):
    certificate = CertificateFactory(
        registration=RegistrationFactory(program=program, given_name="Elif", family_name="Yılmaz",
                                         organization="Grid Storage Solutions", country="TR"),
    )
    result = verification.verify(certificate.grouped_code.lower())
    assert result.state == "valid" and result.code == certificate.code
    assert (result.name, result.program) == ("Elif Yılmaz", program.title)
    assert result.starts_on == certificate.starts_on and result.ends_on == certificate.ends_on
    assert result.issued_on is not None
    shown = " ".join(str(value) for value in vars(result).values())
    for private in (certificate.registration.email, "Grid Storage Solutions", "TR", certificate.registration.token):
        assert private not in shown


@pytest.mark.parametrize(("typed", "state", "problem"), [
    ("", "malformed", "length"),
    ("K7QX-M2RP-9ZT", "malformed", "length"),
    ("K7QU-M2RP-9ZT4", "malformed", "characters"),
])
def test_what_is_not_a_code_is_told_apart(typed, state, problem):
    result = verification.verify(typed)
    assert (result.state, result.problem) == (state, problem)


def test_a_typo_and_an_unknown_code(program):
    certificate = CertificateFactory(registration=attended(program))
    typo = ("1" if certificate.code[0] != "1" else "2") + certificate.code[1:]
    assert verification.verify(typo).state == "malformed"
    assert verification.verify(typo).problem == "typo"
    unknown = "ABCDEFGHJKM"
    unknown += services.pdf.codes.check_character(unknown)
    assert verification.verify(unknown).state == "unknown"
