"""Certificates for the demo's past programs: everyone whose generated attendance says "attended" gets one.

Issued as an organiser's "issue certificates" would, in the background (the
worker started by ``make run`` makes the PDFs), but without e-mails: the
sample participants' addresses reach no one, and the outbox is for real mail.
A program that has had certificates issued before is left alone, so loading
the demo again issues nothing twice.
"""
from trainingcenter.certificates import services
from trainingcenter.certificates.models import IssueRun


def issue_demo_certificates(programs, now):
    """Start issuing for each past program of ``programs`` (slug → Program); returns how many will be issued."""
    issued = 0
    for program in programs.values():
        if not program.is_over(now) or IssueRun.objects.filter(program=program).exists():
            continue
        issued += services.issue_certificates(program, notify=False).total
    return issued
