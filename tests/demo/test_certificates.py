"""The demo's past programs issue certificates to their generated participants who attended, without e-mails."""
import pytest

from trainingcenter.attendance import rules
from trainingcenter.certificates import services, verification
from trainingcenter.certificates.models import Certificate, IssueChunk, IssueRun
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program

pytestmark = pytest.mark.django_db


def test_past_programs_issue_to_those_who_attended_once(run_load_demo):
    run_load_demo()

    runs = list(IssueRun.objects.select_related("program"))
    assert runs
    for run in runs:
        assert run.program.is_over() and not run.notify
        attended = sum(result.attended for result in rules.program_results(run.program))
        assert run.total == attended > 0
    assert not IssueRun.objects.filter(program__slug="example-battery-storage-2027").exists()

    # One chunk, as the worker would run it: certificates, and no e-mail to the sample addresses.
    chunk = IssueChunk.objects.order_by("pk").first()
    services.run_chunk(chunk.pk)
    issued = Certificate.objects.filter(run=chunk.run)
    assert issued.count() == len(chunk.registration_ids)
    assert not OutgoingMail.objects.filter(key__startswith="certificate:").exists()
    assert verification.verify(issued.first().code).state == "valid"

    run_load_demo()
    assert IssueRun.objects.count() == len(runs)
    assert Program.objects.filter(certificate_runs__isnull=False).distinct().count() == len(runs)
