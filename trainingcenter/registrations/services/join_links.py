"""Personal join links from the program's online meeting provider.

The registration services call ``on_confirmed`` and ``on_released`` inside the
transaction that changes a registration, so a Zoom task is queued if and only
if the change commits. Only confirmed online participants ever see a link:
``join_url_for`` is the single place that decides what a participant may see.

Static provider: nothing is stored per participant; the shared link is read
from the program's meeting when the page is shown, so correcting it there
corrects it for everyone.
Zoom: the participant becomes a Zoom registrant in the background; the
personal link Zoom returns is stored on the registration, because Zoom allows
only three registration requests a day per e-mail and a link must never be
recovered by registering again.
"""
import logging

from django.utils.translation import gettext_noop

from trainingcenter.meetings import providers, zoom

from .. import tasks
from ..models import Registration, RegistrationEvent

logger = logging.getLogger(__name__)

# Notes are stored in English and marked for translation where they are shown.
NOTE_NOT_CONFIGURED = gettext_noop("Zoom is not configured (ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID, ZOOM_CLIENT_SECRET).")
NOTE_NO_ZOOM_ID = gettext_noop("The program's online meeting has no Zoom meeting or webinar ID.")

_LINK_FIELDS = ["join_url", "join_link_state", "zoom_registrant_id", "updated_at"]


def on_confirmed(registration):
    """The registration has just become confirmed and online: arrange its join link.

    Call inside the transaction that confirmed it. Static programs need nothing.
    For Zoom, the request runs as a task after commit; a registration that
    already has a link, or a request under way, is left alone so that Zoom is
    never asked twice for the same person.
    """
    if not registration.may_see_join_link or not providers.gives_personal_links(registration.program):
        return
    if registration.join_url or registration.join_link_state == Registration.JoinLinkState.PENDING:
        return
    if not zoom.is_configured():
        mark_failed(registration, NOTE_NOT_CONFIGURED)
        return
    if providers.zoom_target(registration.program) is None:
        mark_failed(registration, NOTE_NO_ZOOM_ID)
        return
    _request_link(registration)


def on_released(registration):
    """The registration stopped being confirmed and online (cancelled, rejected, waitlisted, now onsite).

    Call inside that transaction. The stored link is cleared at once, so the
    participant cannot see it any more; the Zoom registrant is cancelled in the
    background, so the link stops working too.
    """
    if registration.zoom_registrant_id:
        tasks.remove_zoom_registrant.enqueue(
            program_id=registration.program_id,
            registrant_id=registration.zoom_registrant_id,
            email=registration.email,
        )
    if registration.join_url or registration.zoom_registrant_id or (
        registration.join_link_state != Registration.JoinLinkState.NONE
    ):
        registration.join_url = ""
        registration.zoom_registrant_id = ""
        registration.join_link_state = Registration.JoinLinkState.NONE
        registration.save(update_fields=_LINK_FIELDS)


def retry_join_link(registration, actor=None):
    """Ask Zoom again for a link that failed, once staff have fixed the cause.

    Only for a failed link: a pending one is already being requested and a
    ready one must not be requested again (Zoom's per-e-mail daily limit).
    """
    if (
        registration.join_link_state != Registration.JoinLinkState.FAILED
        or registration.join_url
        or not registration.may_see_join_link
        or not providers.gives_personal_links(registration.program)
    ):
        return False
    if not zoom.is_configured():
        mark_failed(registration, NOTE_NOT_CONFIGURED, actor=actor)
        return False
    _request_link(registration)
    return True


def mark_failed(registration, note, actor=None):
    """Record that no personal link could be made; staff see why in the history."""
    registration.join_link_state = Registration.JoinLinkState.FAILED
    registration.save(update_fields=_LINK_FIELDS)
    RegistrationEvent.objects.create(
        registration=registration, action=RegistrationEvent.Action.JOIN_LINK_FAILED, actor=actor, note=note[:500],
    )
    logger.warning("Join link failed for registration %s", registration.pk)


def _request_link(registration):
    registration.join_link_state = Registration.JoinLinkState.PENDING
    registration.save(update_fields=_LINK_FIELDS)
    tasks.add_zoom_registrant.enqueue(registration.pk)
