"""The participant's check-in code on their own page: the QR code as inline SVG, the code as text, the badge."""
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from trainingcenter.attendance import badges
from trainingcenter.registrations import checkin_codes

register = template.Library()
# Pixels on the page; the symbol is 29 modules with its quiet zone, so 7 pixels a module.
QR_SIZE = 203


@register.simple_tag
def checkin_code_for(registration):
    """{"svg": ..., "code": "ABCD-EFGH-JKMN"} for a confirmed onsite participant, else None.

    Inline SVG rather than an image from another address: no second request
    carrying the token, and nothing for a cache to keep. It has no style
    attribute, so the page's Content-Security-Policy holds.
    """
    if registration is None or not badges.may_have_badge(registration):
        return None
    code = checkin_codes.grouped(registration.checkin_code)
    label = _("QR code for check-in: %(code)s") % {"code": code}
    return {
        "svg": mark_safe(checkin_codes.svg(  # noqa: S308 - our own markup; the label is escaped in svg()
            registration.checkin_code, label=label, css_class="checkin-qr", pixels=QR_SIZE,
        )),
        "code": code,
    }
