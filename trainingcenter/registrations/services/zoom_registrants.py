"""Adding and removing Zoom registrants, run by background tasks (``tasks``).

They run after the registration's transaction has committed, so a slow or
failing Zoom never holds up or undoes a registration. When Zoom is down or
rate-limits us, a task queues itself again later with an attempt counter
(the database task backend has no retries of its own); a refusal that
repeating will not fix is recorded for staff at once.
"""
import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from trainingcenter.meetings import providers, zoom
from trainingcenter.programs.models import Program

# ``tasks`` imports nothing of ours at load time, so the services can enqueue the next attempt.
from .. import emails, tasks
from ..models import Registration, RegistrationEvent
from . import join_links

logger = logging.getLogger(__name__)

# Seconds before each further attempt: 12 attempts over about a day and a half.
BACKOFF_SECONDS = (30, 60, 5 * 60, 15 * 60, 60 * 60, 60 * 60, 3 * 3600, 3 * 3600, 6 * 3600, 6 * 3600, 12 * 3600)
MAX_ATTEMPTS = len(BACKOFF_SECONDS) + 1
NOTE_GAVE_UP = gettext_noop("Zoom could not be reached after %(attempts)s attempts; no personal link was created.")


def backoff_seconds(attempt):
    """Wait after the given failed attempt (1-based)."""
    return BACKOFF_SECONDS[min(attempt, len(BACKOFF_SECONDS)) - 1]


def add_registrant(registration_id, attempt=1):
    """Register a confirmed online participant in Zoom and store their personal link.

    Does nothing when the registration is no longer confirmed and online, or
    already has a link: Zoom counts every request against a limit of three a
    day per e-mail, so a stored link is never fetched again.
    """
    registration = Registration.objects.select_related("program").filter(pk=registration_id).first()
    if registration is None or not registration.may_see_join_link:
        return "not eligible"
    if registration.join_url or registration.join_link_state != Registration.JoinLinkState.PENDING:
        return "nothing to do"
    if not providers.gives_personal_links(registration.program):
        return "not a Zoom program"
    target = providers.zoom_target(registration.program)
    if target is None:
        join_links.mark_failed(registration, join_links.NOTE_NO_ZOOM_ID)
        return "failed"
    if not zoom.is_configured():
        join_links.mark_failed(registration, join_links.NOTE_NOT_CONFIGURED)
        return "failed"

    try:
        registrant = zoom.ZoomClient().add_registrant(
            target.kind, target.zoom_id,
            email=registration.email,
            first_name=registration.given_name or registration.family_name,
            last_name=registration.family_name if registration.given_name else "",
            language=providers.zoom_language(registration.language),
        )
    except zoom.ZoomRateLimited as exc:
        return _try_again(registration, attempt, exc.retry_after_seconds)
    except zoom.ZoomUnavailable:
        return _try_again(registration, attempt, backoff_seconds(attempt))
    except zoom.ZoomRejected as exc:
        join_links.mark_failed(registration, _refusal_note(exc))
        return "failed"
    return _store_link(registration_id, target, registrant)


def remove_registrant(program_id, registrant_id, email, attempt=1):
    """Cancel a Zoom registrant whose registration was released, so their link stops working."""
    program = Program.objects.filter(pk=program_id).first()
    target = providers.zoom_target(program) if program is not None else None
    if target is None or not zoom.is_configured():
        return "nothing to do"
    try:
        zoom.ZoomClient().cancel_registrant(target.kind, target.zoom_id, registrant_id=registrant_id, email=email)
    except (zoom.ZoomRateLimited, zoom.ZoomUnavailable) as exc:
        if attempt >= MAX_ATTEMPTS:
            logger.error("Gave up cancelling a Zoom registrant of program %s", program_id)
            return "failed"
        delay = getattr(exc, "retry_after_seconds", None) or backoff_seconds(attempt)
        tasks.remove_zoom_registrant.using(run_after=timezone.now() + dt.timedelta(seconds=delay)).enqueue(
            program_id=program_id, registrant_id=registrant_id, email=email, attempt=attempt + 1,
        )
        return "retrying"
    except zoom.ZoomRejected as exc:
        # Typically the registrant is already gone; nothing left to undo.
        logger.warning("Zoom refused to cancel a registrant of program %s (code %s)", program_id, exc.code)
        return "refused"
    return "cancelled"


def _try_again(registration, attempt, delay_seconds):
    if attempt >= MAX_ATTEMPTS:
        join_links.mark_failed(registration, NOTE_GAVE_UP % {"attempts": attempt})
        return "failed"
    run_after = timezone.now() + dt.timedelta(seconds=max(1, int(delay_seconds)))
    tasks.add_zoom_registrant.using(run_after=run_after).enqueue(registration.pk, attempt=attempt + 1)
    logger.info("Zoom registrant for registration %s: attempt %s failed, retrying", registration.pk, attempt)
    return "retrying"


def _refusal_note(exc):
    # Zoom's message helps staff (e.g. code 3027: the host cannot register).
    # It is kept in the history only, never in logs.
    return f"Zoom refused the registration (HTTP {exc.status}, code {exc.code}): {exc.zoom_message}"


def _store_link(registration_id, target, registrant):
    with transaction.atomic():
        registration = Registration.objects.select_for_update().select_related("program").get(pk=registration_id)
        released = (
            not registration.may_see_join_link
            or registration.join_link_state != Registration.JoinLinkState.PENDING
            or providers.zoom_target(registration.program) != target
        )
        if released or (registration.join_url and registration.zoom_registrant_id != registrant.registrant_id):
            # Released (or re-pointed) while Zoom was answering: take the registrant back out.
            tasks.remove_zoom_registrant.enqueue(
                program_id=registration.program_id, registrant_id=registrant.registrant_id, email=registration.email,
            )
            return "released meanwhile"
        if registration.join_url:
            return "nothing to do"
        registration.join_url = registrant.join_url
        registration.zoom_registrant_id = registrant.registrant_id
        registration.join_link_state = Registration.JoinLinkState.READY
        registration.save(update_fields=["join_url", "zoom_registrant_id", "join_link_state", "updated_at"])
        RegistrationEvent.objects.create(registration=registration, action=RegistrationEvent.Action.JOIN_LINK_READY)
        emails.join_link_ready(registration)
    logger.info("Zoom join link ready for registration %s", registration_id)
    return "ready"

