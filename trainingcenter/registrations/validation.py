"""The rules for what a participant may type, in one place.

The registration form, the JSON API's schema and the services all check input
with these functions, so a rule changes once and holds everywhere. Each
raises Django's ``ValidationError`` with a message in the active language;
the form shows it beside the field, the API puts it under the field's name,
and the services turn it into a ``RegistrationError``.
"""
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from trainingcenter.programs.models import known_time_zones

from .models import Registration

MAX_LENGTHS = {"given_name": 100, "family_name": 100, "organization": 200, "position": 200, "email": 254}
TEXT_ANSWER_MAX_LENGTH = 1000

# Unicode "format" characters (category Cf) draw nothing: zero-width spaces and
# joiners, bidirectional overrides and isolates, the BOM, soft hyphens. Inside
# a name some are legitimate (ZWJ/ZWNJ shape Persian and Indic names), but a
# name made only of them, or of spaces, is no name; bidirectional controls
# can also reorder what staff read, so they are dropped everywhere.
_BIDI_CONTROLS = {
    "\u200e", "\u200f", "\u061c",  # marks
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
}


def _has_visible_character(value):
    return any(not char.isspace() and unicodedata.category(char) not in {"Cf", "Cc", "Zs"} for char in value)


def clean_text(value, *, field, required=True):
    """One line of text: NFC-normalised, control characters dropped, runs of spaces collapsed.

    A value made only of invisible characters counts as empty.
    """
    value = unicodedata.normalize("NFC", str(value or ""))
    value = "".join(
        char for char in value
        if char not in _BIDI_CONTROLS and (unicodedata.category(char) != "Cc" or char.isspace())
    )
    value = " ".join(value.split())
    if not _has_visible_character(value):
        value = ""
    if required and not value:
        message = _("Please enter your name.") if field in ("given_name", "family_name") else _(
            "Please fill in this field."
        )
        raise ValidationError(message, code="required")
    max_length = MAX_LENGTHS.get(field)
    if max_length and len(value) > max_length:
        raise ValidationError(
            _("Please use at most %(max)d characters.") % {"max": max_length}, code="max_length"
        )
    return value


def clean_email(value):
    """Lower-cased and checked; the address is the participant's key in a program."""
    email = str(value or "").strip().lower()
    try:
        if len(email) > MAX_LENGTHS["email"]:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        raise ValidationError(_("Please enter a valid e-mail address."), code="invalid") from None
    return email


def clean_country(value):
    """An ISO 3166-1 alpha-2 code; a country's name gets a hint to use the code."""
    code = str(value or "").strip().upper()
    if code in dict(countries):
        return code
    by_name = countries.by_name(str(value or "").strip()) if len(str(value or "")) > 2 else ""
    if by_name:
        raise ValidationError(
            _("Please give the country's ISO code, e.g. %(code)s for %(name)s.") % {"code": by_name, "name": value},
            code="invalid",
        )
    raise ValidationError(_("Please choose a country from the list."), code="invalid")


def clean_choice(value, allowed, *, blank=False):
    value = str(value or "")
    if blank and not value:
        return value
    if value not in allowed:
        raise ValidationError(_("Please choose one of the offered options."), code="invalid_choice")
    return value


def clean_time_zone(value):
    """An IANA zone name, or "" when missing or unknown.

    The zone is a hint from the browser for the times in e-mails; a browser
    that reports something odd must never cost anyone their registration.
    """
    name = str(value or "").strip()
    return name if name in known_time_zones() else ""


def clean_details(values):
    """Check the personal details present in ``values``; returns them cleaned.

    Raises ``ValidationError`` with a dict of messages by field name.
    """
    rules = {
        "given_name": lambda v: clean_text(v, field="given_name"),
        "family_name": lambda v: clean_text(v, field="family_name"),
        "organization": lambda v: clean_text(v, field="organization"),
        "position": lambda v: clean_text(v, field="position", required=False),
        "sector": lambda v: clean_choice(v, Registration.Sector.values),
        "gender": lambda v: clean_choice(v, Registration.Gender.values, blank=True),
        "language": lambda v: clean_choice(v, [code for code, _name in settings.LANGUAGES]),
        "time_zone": clean_time_zone,
        "country": clean_country,
    }
    cleaned, errors = {}, {}
    for name, rule in rules.items():
        if name in values:
            try:
                cleaned[name] = rule(values[name])
            except ValidationError as error:
                errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return cleaned
