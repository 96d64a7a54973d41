from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates for those who attended: PDFs, short codes anyone can verify, revocation."""

    name = "trainingcenter.certificates"
    label = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from . import receivers  # noqa: F401, PLC0415 - app ready; connects the signal receivers
