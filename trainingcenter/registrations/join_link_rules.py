"""Which join link a participant may see: the one rule pages, e-mails and calendar files share."""
from trainingcenter.meetings import providers


def join_url_for(registration):
    """The link this participant may see now, or "" (never for the waitlisted, cancelled or onsite)."""
    if not registration.may_see_join_link:
        return ""
    if providers.gives_personal_links(registration.program):
        return registration.join_url
    return providers.static_join_url(registration.program)


def join_link_pending(registration):
    """True when the participant should be told their personal link will follow by e-mail.

    Covers both a link still being requested and one that failed: a failure is
    for staff to fix (they see it in the history), not for the participant.
    """
    return (
        registration.may_see_join_link
        and providers.gives_personal_links(registration.program)
        and not registration.join_url
    )
