from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates for those who attended: PDFs, short codes anyone can verify, revocation."""

    name = "trainingcenter.certificates"
    label = "certificates"
    verbose_name = _("Certificates")
