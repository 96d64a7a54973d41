"""A participant's erasure reaches their certificates: no name kept, no PDF, no code that vouches for them."""
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.factories.certificates import CertificateFactory
from trainingcenter.certificates import verification
from trainingcenter.certificates.models import Certificate, CertificateEvent
from trainingcenter.registrations.services import privacy

pytestmark = pytest.mark.django_db(transaction=True)  # the PDF file goes when the erasure commits


def test_erasing_a_participant_revokes_their_certificate_and_forgets_the_name_and_the_file(staff_user):
    certificate = CertificateFactory(registration__given_name="Aigerim", registration__family_name="Nurlanova")
    certificate.pdf.name = default_storage.save("certificates/test/erase-me.pdf", ContentFile(b"%PDF-1.7 Aigerim"))
    certificate.save()
    other = CertificateFactory(program=certificate.program, registration__program=certificate.program)

    privacy.erase_personal_data(certificate.registration, actor=staff_user)

    certificate.refresh_from_db()
    assert certificate.name == privacy.ERASED_NAME
    assert certificate.status == Certificate.Status.REVOKED and certificate.revoked_by == staff_user
    assert not certificate.pdf and not default_storage.exists("certificates/test/erase-me.pdf")
    assert CertificateEvent.objects.filter(certificate=certificate, action="revoked").count() == 1
    # Whoever checks the code learns that it vouches for no one now, and sees no name.
    checked = verification.verify(certificate.code)
    assert checked.state == verification.REVOKED
    assert "Aigerim" not in str(vars(checked))
    # Other holders keep theirs.
    other.refresh_from_db()
    assert other.status == Certificate.Status.VALID and other.name != privacy.ERASED_NAME


def test_erasing_twice_revokes_once(staff_user):
    certificate = CertificateFactory()
    privacy.erase_personal_data(certificate.registration, actor=staff_user)
    privacy.erase_personal_data(certificate.registration, actor=staff_user)

    assert CertificateEvent.objects.filter(certificate=certificate, action="revoked").count() == 1
