"""The certificates API's contract, which other tools rely on.

- Staff ``POST /api/programs/{slug}/certificates``: 202 (200 when finished at once).
- Staff ``GET /api/programs/{slug}/certificates``: ``{"count", "items"}``, items with email, code, status, pdf_url.
- Public ``GET /api/certificates/{code}``: status, name, program, issued_on; 404 unknown; any case, any hyphens.
- Staff ``POST /api/certificates/{code}/revoke`` with ``{"reason"}``: 200.
"""
import io

import pytest
from pypdf import PdfReader

from tests.api.conftest import ApiClient, error_of
from tests.factories.accounts import StaffUserFactory
from tests.factories.certificates import CertificateFactory, attended, not_attended, past_program
from tests.worker import run_tasks
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.certificates import codes, services
from trainingcenter.certificates.models import Certificate

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def program(organiser):
    program = past_program(slug="low-carbon-2026", title="Low-Carbon Development")
    program.organisers.add(organiser)
    return program


@pytest.fixture
def staff(api, organiser):
    return api.as_user(organiser)


def base(program):
    return f"/api/programs/{program.slug}/certificates"


def test_issue_answers_202_then_the_list_has_every_attended_registration(staff, program):
    people = [attended(program, email=f"p{n}@example.org", language=language)
              for n, language in enumerate(["en", "zh-hans", "ru"])]
    not_attended(program)

    response = staff.post(base(program), {})

    assert response.status_code == 202, response.content
    body = response.json()
    assert (body["total"], body["issued"], body["finished"]) == (3, 0, False)
    assert staff.get(base(program) + "/run").json()["run_id"] == body["run_id"]
    run_tasks()
    run = staff.get(base(program) + "/run").json()
    assert (run["issued"], run["failed"], run["finished"]) == (3, 0, True)

    listing = staff.get(base(program)).json()

    assert listing["count"] == 3
    assert {item["email"] for item in listing["items"]} == {person.email for person in people}
    for item in listing["items"]:
        assert item["status"] == "valid" and codes.normalise(item["code"]) == item["code"]
        assert item["grouped_code"] == codes.grouped(item["code"])
        assert item["pdf_url"] == f"http://testserver/api/certificates/{item['code']}/pdf"
        pdf = staff.get(item["pdf_url"].removeprefix("http://testserver"))
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        assert item["name"] in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()


def test_issue_answers_200_when_it_finished_at_once(staff, program):
    not_attended(program)
    response = staff.post(base(program), {})
    assert response.status_code == 200
    assert response.json()["finished"] is True and response.json()["total"] == 0


def test_issuing_again_issues_only_the_missing_ones(staff, program):
    attended(program)
    staff.post(base(program), {})
    run_tasks()
    attended(program)
    response = staff.post(base(program), {})
    assert response.status_code == 202 and response.json()["total"] == 1
    run_tasks()
    assert staff.get(base(program)).json()["count"] == 2


def test_the_list_filters_by_status(staff, program):
    CertificateFactory(registration=attended(program))
    revoked = CertificateFactory(registration=attended(program), status="revoked", revoked_at="2026-06-10T00:00Z")
    body = staff.get(base(program), {"status": "revoked"}).json()
    assert body["count"] == 1 and body["items"][0]["code"] == revoked.code


def test_anyone_verifies_a_code_written_any_way(api, program):
    certificate = CertificateFactory(registration=attended(program, given_name="Elif", family_name="Yılmaz"))
    for written in (certificate.code, certificate.grouped_code, certificate.grouped_code.lower(),
                    certificate.code.lower()):
        response = api.get(f"/api/certificates/{written}")
        assert response.status_code == 200, written
        assert response.json() == {
            "status": "valid", "name": "Elif Yılmaz", "program": "Low-Carbon Development",
            "starts_on": "2026-06-08", "ends_on": "2026-06-09",
            "issued_on": str(services.pdf.person_of(certificate).issued_on),
        }


def test_revoked_and_replaced_codes_say_so(api, staff, program, organiser):
    revoked = CertificateFactory(registration=attended(program))
    services.revoke_certificate(revoked, actor=organiser, reason="Error")
    old = CertificateFactory(registration=attended(program))
    services.reissue_certificate(old, actor=organiser, reason="Name corrected")
    assert api.get(f"/api/certificates/{revoked.code}").json()["status"] == "revoked"
    assert api.get(f"/api/certificates/{old.code}").json()["status"] == "replaced"


def test_an_unknown_code_answers_404(api):
    body = "ABCDEFGHJKM"
    response = api.get(f"/api/certificates/{body + codes.check_character(body)}")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"
    malformed = api.get("/api/certificates/NOT-A-CODE")
    assert malformed.status_code == 404 and error_of(malformed)["code"] == "malformed"


def test_revoke_answers_200_and_the_code_then_says_revoked(api, staff, program):
    certificate = CertificateFactory(registration=attended(program))

    response = staff.post(f"/api/certificates/{certificate.grouped_code.lower()}/revoke",
                          {"reason": "Attendance recorded in error"})

    assert response.status_code == 200, response.content
    assert response.json()["status"] == "revoked"
    assert response.json()["revoked_reason"] == "Attendance recorded in error"
    assert api.get(f"/api/certificates/{certificate.code}").json()["status"] == "revoked"
    again = staff.post(f"/api/certificates/{certificate.code}/revoke", {"reason": "Twice"})
    assert again.status_code == 409 and error_of(again)["code"] == "not_valid"


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}, {"reason": 5}])
def test_revoke_needs_a_reason(staff, program, body):
    certificate = CertificateFactory(registration=attended(program))
    response = staff.post(f"/api/certificates/{certificate.code}/revoke", body)
    assert response.status_code == 400
    assert "reason" in error_of(response)["fields"]
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_staff_operations_need_a_token_and_the_program(api, client, program):
    certificate = CertificateFactory(registration=attended(program))
    assert api.post(base(program), {}).status_code == 401
    assert api.get(base(program)).status_code == 401
    assert api.get(f"/api/certificates/{certificate.code}/pdf").status_code == 401
    assert api.post(f"/api/certificates/{certificate.code}/revoke", {"reason": "x"}).status_code == 401
    stranger = ApiClient(client).as_user(StaffUserFactory(username="stranger", role=PROGRAM_ORGANISER))
    assert stranger.post(base(program), {}).status_code == 403
    assert stranger.get(base(program)).status_code == 403
    assert stranger.get(f"/api/certificates/{certificate.code}/pdf").status_code == 403
    assert stranger.post(f"/api/certificates/{certificate.code}/revoke", {"reason": "x"}).status_code == 403
    assert Certificate.objects.get(pk=certificate.pk).status == "valid"
    assert api.get("/api/programs/no-such-program/certificates").status_code in (401, 404)


def test_verification_is_rate_limited_with_retry_after(api, settings, program):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = "3/h"
    certificate = CertificateFactory(registration=attended(program))
    for _ in range(3):
        assert api.get(f"/api/certificates/{certificate.code}").status_code == 200
    refused = api.get(f"/api/certificates/{certificate.code}")
    assert refused.status_code == 429
    assert error_of(refused)["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 3600


def test_the_schema_documents_every_answer(api):
    schema = api.get("/api/openapi.json").json()
    issue = schema["paths"]["/api/programs/{slug}/certificates"]["post"]["responses"]
    assert {"200", "202", "401", "403", "404"} <= set(issue)
    verify = schema["paths"]["/api/certificates/{code}"]["get"]["responses"]
    assert {"200", "404", "429"} <= set(verify) and "Retry-After" in verify["429"]["headers"]
    revoke = schema["paths"]["/api/certificates/{code}/revoke"]["post"]["responses"]
    assert {"200", "400", "401", "403", "404", "409"} <= set(revoke)
