"""The organisers' certificates page: issue to everyone who attended, follow the run, by hand, revoke, re-issue."""
import io
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from pypdf import PdfReader

from tests.factories.accounts import StaffUserFactory
from tests.factories.certificates import CertificateFactory, attended, not_attended, past_program
from tests.worker import run_tasks
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.certificates.models import Certificate, CertificateEvent, CertificateSettings, IssueRun
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db


def url(name, program, **kwargs):
    return reverse(f"staff:{name}", kwargs={"slug": program.slug, **kwargs})


@pytest.fixture
def program(organiser):
    program = past_program(title="Low-Carbon Development")
    program.organisers.add(organiser)
    return program


@pytest.fixture
def signed_in(client, organiser):
    client.force_login(organiser)
    return client


def said(response):
    """What the response's request told the organiser (the messages of earlier requests not shown yet are left out)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1:]


def test_the_overview_links_to_the_certificates_page(signed_in, program):
    html = signed_in.get(url("program_registrations", program)).content.decode()
    assert url("certificates", program) in html


def test_issue_to_everyone_who_attended_then_follow_the_progress(signed_in, program, organiser):
    people = [attended(program, given_name=name) for name in ("Aigerim", "Bekzod", "Zarina")]
    not_attended(program)

    page = signed_in.get(url("certificates", program))
    html = page.content.decode()
    assert page.status_code == 200
    assert "3 participants attended and have no certificate yet." in html
    assert 'value="Issue 3 certificates"' in html
    assert "organiser/certificates.js" in html

    response = signed_in.post(url("certificates_issue", program))
    assert response.status_code == 302 and response["Location"].endswith("#issuing")
    assert said(response) == ["Issuing 3 certificates in the background."]
    run = IssueRun.objects.get(program=program)
    assert run.requested_by == organiser and not run.is_finished

    # Under way: the page says so (and how to see more without the script); the JSON has the figures.
    html = signed_in.get(url("certificates", program)).content.decode()
    assert 'data-finished="0"' in html and "Reload to see the progress" in html
    assert "0 of 3 done" in html
    progress = signed_in.get(url("certificates_progress", program)).json()["run"]
    assert (progress["total"], progress["processed"], progress["finished"]) == (3, 0, False)

    run_tasks()

    progress = signed_in.get(url("certificates_progress", program)).json()["run"]
    assert (progress["issued"], progress["percent"], progress["finished"]) == (3, 100, True)
    html = signed_in.get(url("certificates", program)).content.decode()
    assert "3 of 3 done: 3 issued, 0 skipped, 0 failed." in html
    assert "Everyone who attended holds a certificate." in html
    for person in people:
        certificate = Certificate.objects.get(registration=person)
        assert certificate.grouped_code in html
        assert url("certificate_pdf", program, pk=certificate.pk) in html


def test_issuing_again_issues_only_the_missing_ones(signed_in, program):
    attended(program)
    signed_in.post(url("certificates_issue", program))
    run_tasks()
    attended(program)
    signed_in.post(url("certificates_issue", program))
    run_tasks()
    assert list(IssueRun.objects.order_by("started_at").values_list("total", flat=True)) == [1, 1]
    assert Certificate.objects.filter(program=program).count() == 2
    response = signed_in.post(url("certificates_issue", program))
    assert said(response) == ["Everyone who attended already holds a certificate: nothing to issue."]


def test_issue_one_by_hand_needs_a_reason(signed_in, program, organiser):
    person = not_attended(program, given_name="Reza", family_name="Karimi")
    page = signed_in.get(url("certificates", program)).content.decode()
    assert f'<option value="{person.pk}">Reza Karimi ({person.email})</option>' in page

    refused = signed_in.post(url("certificates_by_hand", program), {"registration": person.pk, "reason": ""})
    assert said(refused) == ["Please choose a participant and give a reason."]
    assert not Certificate.objects.exists()

    response = signed_in.post(url("certificates_by_hand", program),
                              {"registration": person.pk, "reason": "Followed every recording"})
    certificate = Certificate.objects.get(registration=person)
    assert said(response) == [f"Certificate {certificate.grouped_code} issued to Reza Karimi."]
    assert certificate.manual_reason == "Followed every recording" and certificate.issued_by == organiser
    html = signed_in.get(url("certificates", program)).content.decode()
    assert "By hand: Followed every recording" in html


def test_revoke_and_reissue_from_the_list(signed_in, program):
    person = attended(program, given_name="Aigerm", family_name="Nurlanova")
    signed_in.post(url("certificates_issue", program))
    run_tasks()
    old = Certificate.objects.get(registration=person)
    Registration.objects.filter(pk=person.pk).update(given_name="Aigerim")

    response = signed_in.post(url("certificate_reissue", program, pk=old.pk), {"reason": "Name misspelt"})

    new = Certificate.objects.get(registration=person, status="valid")
    assert said(response) == [f"Certificate {old.grouped_code} replaced by {new.grouped_code}, issued to "
                              "Aigerim Nurlanova."]
    assert response["Location"].endswith(f"#c-{new.pk}")
    response = signed_in.post(url("certificate_revoke", program, pk=new.pk), {"reason": "Did not attend after all"})
    assert said(response) == [f"Certificate {new.grouped_code} revoked."]
    new.refresh_from_db()
    assert new.status == "revoked"
    again = signed_in.post(url("certificate_revoke", program, pk=new.pk), {"reason": "Twice"})
    assert said(again) == ["Only a valid certificate can be revoked."]

    html = signed_in.get(url("certificates", program)).content.decode()
    assert "Did not attend after all" in html and f"Replaced by {new.grouped_code}" in html
    history = list(CertificateEvent.objects.filter(registration=person).values_list("action", flat=True))
    assert history == ["issued", "replaced", "reissued", "revoked"]


def test_a_reason_is_needed_to_revoke(signed_in, program):
    certificate = CertificateFactory(registration=attended(program))
    response = signed_in.post(url("certificate_revoke", program, pk=certificate.pk), {"reason": ""})
    assert said(response) == ["Please give a reason of at most 500 characters."]
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_settings_are_saved_for_certificates_issued_from_now_on(signed_in, program):
    response = signed_in.post(url("certificates_settings", program), {
        "kind": "completion", "hours": "14", "name_1": "Prof. Li Wei", "title_1": "Director", "name_2": "",
        "title_2": "", "name_3": "", "title_3": "",
    })
    assert said(response) == ["Saved. Certificates issued from now on use these settings."]
    row = CertificateSettings.objects.get(program=program)
    assert (row.kind, str(row.hours), row.signatories) == ("completion", "14.0", [
        {"name": "Prof. Li Wei", "title": "Director"},
    ])
    html = signed_in.get(url("certificates", program)).content.decode()
    assert 'value="Prof. Li Wei"' in html


def test_the_pdf_of_any_certificate_of_the_program(signed_in, program):
    person = attended(program, given_name="Zoë", family_name="Ñúñez")
    signed_in.post(url("certificates_issue", program))
    run_tasks()
    certificate = Certificate.objects.get(registration=person)
    response = signed_in.get(url("certificate_pdf", program, pk=certificate.pk))
    assert response["Content-Type"] == "application/pdf"
    assert "Zoë Ñúñez" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_filters_find_by_name_email_or_code(signed_in, program):
    first = CertificateFactory(registration=attended(program, given_name="Aigerim"))
    second = CertificateFactory(registration=attended(program, given_name="Bekzod"))
    html = signed_in.get(url("certificates", program), {"q": first.grouped_code.lower()}).content.decode()
    assert first.grouped_code in html and second.grouped_code not in html
    html = signed_in.get(url("certificates", program), {"q": "bekzod"}).content.decode()
    assert second.grouped_code in html and first.grouped_code not in html


def test_only_organisers_of_the_program_with_the_right_permission(client, program, organiser):
    certificate = CertificateFactory(registration=attended(program))
    assert client.get(url("certificates", program)).status_code == 302  # to the sign-in
    other = StaffUserFactory(username="someone-else", role=PROGRAM_ORGANISER)
    client.force_login(other)
    assert client.get(url("certificates", program)).status_code == 404
    assert client.post(url("certificate_revoke", program, pk=certificate.pk), {"reason": "x"}).status_code == 404

    door = StaffUserFactory(username="door", role=CHECKIN_STAFF)
    program.organisers.add(door)
    client.force_login(door)
    page = client.get(url("certificates", program))
    assert page.status_code == 200
    assert not re.search(r'action="[^"]*/revoke/"', page.content.decode())
    assert client.post(url("certificates_issue", program)).status_code == 403
    assert client.post(url("certificate_revoke", program, pk=certificate.pk), {"reason": "x"}).status_code == 403
    certificate.refresh_from_db()
    assert certificate.status == "valid"
