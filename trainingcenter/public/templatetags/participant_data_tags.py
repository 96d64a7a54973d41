"""What the participant's page shows about their visa letter and their personal data.

Tags rather than view context so that the page's view stays as it is: the
participant page includes ``_visa_letter.html`` and ``_my_data.html``, which
ask these.
"""
from django import template

from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.services import privacy, visa_letters

register = template.Library()


@register.simple_tag
def visa_letter_state(registration):
    """None when the page has nothing to say about letters; else the request and what may be done.

    Only onsite participants of programs offering letters hear of them, and
    only while the registration is active. No query for other programs.
    """
    program = registration.program
    if (
        not visa_letters.letters_offered(program)
        or registration.mode != Registration.Mode.ONSITE
        or not registration.is_active
        or registration.is_erased
    ):
        return None
    letter = visa_letters.letter_for(registration)
    return {
        "letter": letter,
        "may_request": visa_letters.may_request(registration),
        "may_download": letter is not None and visa_letters.may_download(letter),
    }


@register.simple_tag
def personal_data_erased_on(program):
    """When the program's participants' personal data will be erased, or None when it is kept."""
    return privacy.retention_ends(program)
