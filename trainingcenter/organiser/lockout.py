"""Throttling of staff sign-in (the admin login), on top of django-axes.

Axes records every failed sign-in in the database (``AccessAttempt``), so the
count is shared by every gunicorn worker and every host, and it refuses
further attempts once a limit is reached, until ``AXES_COOLOFF_TIME`` has
passed since the last failure. Two limits apply (settings/base.py):

- ``AXES_FAILURE_LIMIT`` (``LOGIN_FAILURE_LIMIT``, 5) failures for one username
  from one client address lock that username *from that address*. Someone who
  knows a username cannot lock its owner out from everywhere else.
- ``LOGIN_FAILURE_LIMIT_PER_ADDRESS`` (20) failures from one client address,
  whatever the usernames, lock that address for every username, so that one
  address cannot try a few passwords each on many usernames. It is higher than
  the first limit because a centre's staff often share one office or campus
  address: one colleague's typos must not lock the others out.

Axes compares one failure count with one limit; ``LoginAttemptHandler`` gives
it the count that answers both rules (see ``get_failures``). A locked-out
client gets ``lockout_response``: the admin's look, status 429, ``Retry-After``
and the moment to try again, in the request's language.

Unlocking early: delete the access attempts in the admin ("Axes" section), or
``manage.py axes_reset_ip_username <address> <username>`` (``axes_reset_ip``,
``axes_reset_username``, ``axes_reset``). An IPv6 client is stored as its /64
network's first address (``2001:db8:1:2::``); see ``client_address``.
"""
import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from trainingcenter.core.ratelimit import Decision, client_ip, refusal_message

LOCKOUT_TEMPLATE = "admin/login_locked.html"


def client_address(request):
    """The address axes counts (``AXES_CLIENT_IP_CALLABLE``).

    The same client address as the public rate limits (``core.ratelimit.client_ip``:
    REMOTE_ADDR, or the first X-Forwarded-For hop when TRUST_X_FORWARDED_FOR is
    on), with two differences, because axes stores it in an IP address column:
    an IPv6 client counts as its /64 (one subscriber holds a whole /64 and could
    draw a fresh address for every attempt), written as the network's first
    address; and a forwarded value that is no address at all falls back to
    REMOTE_ADDR (the proxy's) rather than reaching the database.
    """
    for candidate in (client_ip(request), request.META.get("REMOTE_ADDR", "")):
        try:
            ip = ipaddress.ip_address(candidate.strip())
        except ValueError:
            continue
        if ip.version == 6:
            if ip.ipv4_mapped is not None:
                return str(ip.ipv4_mapped)
            return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
        return str(ip)
    return None


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with its own limit for the per-address rule.

    ``AXES_LOCKOUT_PARAMETERS`` names both rules (username with address, and
    address alone), which is what axes' admin, reset commands and checks read;
    the stock handler would hold both to ``AXES_FAILURE_LIMIT``, which would
    make the per-address rule lock a shared office after five typos.
    """

    def get_failures(self, request, credentials=None):
        """The failure count axes compares with ``AXES_FAILURE_LIMIT``.

        It is the count for this username from this address, raised to the
        limit when the address alone has reached its own, higher limit, so
        that "locked" means: either rule is over its limit. Attempts older than
        the cool-off do not count.
        """
        recent = AccessAttempt.objects.filter(
            attempt_time__gte=get_cool_off_threshold(request), ip_address=request.axes_ip_address,
        )
        for_username = _failures(recent.filter(username=get_client_username(request, credentials)))
        if _failures(recent) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(for_username, get_failure_limit(request, credentials))
        return for_username


def lockout_response(request, original_response=None, credentials=None):
    """The answer to a locked-out sign-in (``AXES_LOCKOUT_CALLABLE``): 429 with the retry time.

    The attempt being answered was itself recorded (axes restarts the cool-off
    on every failure during a lockout), so the lock lasts at most one cool-off
    from now; that is the moment shown and sent as ``Retry-After``.
    """
    cool_off = get_cool_off(request)
    attempted = getattr(request, "axes_attempt_time", None) or timezone.now()
    seconds = max(1, int(cool_off.total_seconds()))
    decision = Decision(allowed=False, retry_after=seconds, retry_at=attempted + cool_off, limit="admin-login")
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed sign-in attempts"),
        "retry_message": refusal_message(
            decision, _("For your account's safety, sign-in is paused. Please try again in %(wait)s, after %(time)s."),
        ),
        "retry_at": decision.retry_at,
    }
    response = TemplateResponse(request, LOCKOUT_TEMPLATE, context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(seconds)
    # Rendered here rather than by the handler: axes swaps this response in
    # inside the middleware chain, after template responses were rendered.
    return response.render()
