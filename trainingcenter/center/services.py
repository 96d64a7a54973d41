"""State changes of the centre app: staff API tokens."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken


class TokenError(Exception):
    """A token cannot be issued; ``message`` says why, in the active language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def create_api_token(user, name=""):
    """Issue a bearer token for a staff member's scripts and tools; return it in clear.

    The raw token is shown once and only its digest is kept, so a leaked
    database does not leak working tokens. Only active staff get one: the API's
    write endpoints are staff tools, and a token must not outlive that role
    (the authentication also checks it on every request).
    """
    if not (user.is_active and user.is_staff):
        raise TokenError(_("Only active staff members can have API tokens."))
    raw = ApiToken.new_raw_token()
    with transaction.atomic():
        ApiToken.objects.create(user=user, name=name[:100], digest=ApiToken.digest_of(raw))
    return raw


def revoke_api_token(token):
    """Stop a token from working, keeping the row so its use stays auditable."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def touch_api_token(token, now=None):
    """Record that a token was used, at most once a minute.

    A write per API request would serialise every request on SQLite's single
    writer; a minute's precision is enough to spot unused tokens.
    """
    now = now or timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= timezone.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
