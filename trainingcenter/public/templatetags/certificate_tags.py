"""The participant's certificate on their own page: the valid one to download, or what became of it."""
from django import template

from trainingcenter.certificates.models import Certificate

register = template.Library()


@register.simple_tag
def certificate_for(registration):
    """The registration's valid certificate, else its latest one (revoked), else None; one query."""
    if registration is None or getattr(registration, "pk", None) is None:
        return None
    certificates = list(
        Certificate.objects.filter(registration=registration)
        .only("code", "status", "issued_at", "revoked_at", "language", "registration_id")
        .order_by("-issued_at", "-pk")[:5]
    )
    for certificate in certificates:
        if certificate.is_valid:
            return certificate
    return certificates[0] if certificates else None
