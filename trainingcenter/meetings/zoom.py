"""A small client for the part of Zoom's API we use: registrants of a meeting or webinar, and participant reports.

Authentication is Server-to-Server OAuth: an account-level access token, valid
for an hour, with no refresh token. The token is cached (shared by all workers
through Django's cache) until a minute before it expires; a 401 means Zoom has
dropped it early, so we fetch a new one once and repeat the call.

Errors are sorted by what the caller should do about them:

- ``ZoomRateLimited``: try again later, after ``retry_after_seconds``;
- ``ZoomUnavailable``: Zoom could not be reached or failed; try again later;
- ``ZoomRejected``: Zoom understood and said no; repeating will not help.

Nothing personal is logged: no e-mail addresses, no names, no join links.
"""
import datetime as dt
import email.utils
import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import quote

import requests
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10
# Refresh this long before Zoom says the token expires, as Zoom's own SDK does.
TOKEN_EARLY_REFRESH_SECONDS = 60
KINDS = {"meeting": "meetings", "webinar": "webinars"}
# Zoom's largest page for reports; a safety stop far above any real meeting's pages.
REPORT_PAGE_SIZE = 300
MAX_REPORT_PAGES = 1000


class ZoomError(Exception):
    """Anything that stopped a call to Zoom from succeeding."""


class ZoomNotConfigured(ZoomError):
    """The Zoom credentials are not set in the environment."""


class ZoomRateLimited(ZoomError):
    def __init__(self, retry_after_seconds, message=""):
        super().__init__(f"Zoom rate limit; retry after {retry_after_seconds} s")
        self.retry_after_seconds = retry_after_seconds
        # Kept for staff diagnostics only; it can contain the e-mail address.
        self.zoom_message = message


class ZoomUnavailable(ZoomError):
    """Zoom could not be reached, timed out, or answered with a server error."""


class ZoomRejected(ZoomError):
    def __init__(self, code, message, status=None):
        super().__init__(f"Zoom refused the request (HTTP {status}, code {code})")
        self.code = code
        # Zoom's own explanation: may contain personal data, so never log it.
        self.zoom_message = message
        self.status = status


@dataclass(frozen=True)
class ZoomRegistrant:
    registrant_id: str
    join_url: str


@dataclass(frozen=True)
class ZoomInstance:
    """One past occurrence of a meeting or webinar: a recurring meeting has one per day it took place."""

    uuid: str
    start_time: dt.datetime | None


def encode_meeting_id(meeting):
    """A meeting ID or instance UUID as a path segment.

    Zoom: a UUID that begins with "/" or contains "//" must be encoded twice;
    others once (they may hold "+", "/" and "=").
    """
    meeting = str(meeting)
    if meeting.isdigit():
        return meeting
    encoded = quote(meeting, safe="")
    if meeting.startswith("/") or "//" in meeting:
        encoded = quote(encoded, safe="")
    return encoded


def is_configured():
    """True when all three Server-to-Server OAuth credentials are set."""
    return bool(settings.ZOOM_ACCOUNT_ID and settings.ZOOM_CLIENT_ID and settings.ZOOM_CLIENT_SECRET)


def seconds_until_next_utc_midnight(now=None):
    """Zoom's daily limits (e.g. three registrations per e-mail) reset at 00:00 UTC."""
    now = now or timezone.now()
    midnight = (now + dt.timedelta(days=1)).astimezone(dt.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - now).total_seconds()) + 1)


def parse_retry_after(response, now=None):
    """Seconds to wait after a 429.

    Retry-After comes as seconds or as a date (Zoom documents an ISO 8601 time,
    HTTP allows an HTTP-date). Without it, a per-second limit passes at once,
    while the daily limits (the per-registrant one sends no header) end at
    the next midnight UTC.
    """
    now = now or timezone.now()
    value = (response.headers.get("Retry-After") or "").strip()
    if value:
        if value.isdigit():
            return max(1, int(value))
        moment = None
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            try:
                moment = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                moment = None
        if moment is not None:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=dt.UTC)
            return max(1, int((moment - now).total_seconds()) + 1)
    if response.headers.get("X-RateLimit-Type", "").upper() == "QPS":
        return 1
    return seconds_until_next_utc_midnight(now)


def _zoom_error(response):
    try:
        data = response.json()
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    return data.get("code"), str(data.get("message") or data.get("reason") or "")


class ZoomClient:
    def __init__(self, *, account_id=None, client_id=None, client_secret=None, oauth_url=None, api_url=None,
                 session=None):
        self.account_id = account_id or settings.ZOOM_ACCOUNT_ID
        self.client_id = client_id or settings.ZOOM_CLIENT_ID
        self.client_secret = client_secret or settings.ZOOM_CLIENT_SECRET
        self.oauth_url = oauth_url or settings.ZOOM_OAUTH_URL
        self.api_url = (api_url or settings.ZOOM_API_URL).rstrip("/")
        self.session = session or requests.Session()
        if not (self.account_id and self.client_id and self.client_secret):
            raise ZoomNotConfigured("ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET must be set")

    # -- registrants --------------------------------------------------------

    def add_registrant(self, kind, zoom_id, *, email, first_name, last_name, language=None):
        """Register one person and return Zoom's registrant id and their personal join link.

        Meetings get ``auto_approve`` so the registrant is approved even when the
        meeting itself requires manual approval (which keeps a leaked public
        Zoom registration page from letting strangers in). Webinars have no such
        field: their own approval setting decides.
        """
        body = {"email": email, "first_name": first_name[:64], "last_name": last_name[:64]}
        if language:
            body["language"] = language
        if kind == "meeting":
            body["auto_approve"] = True
        data = self._request("POST", f"/{self._collection(kind)}/{zoom_id}/registrants", json=body)
        registrant_id, join_url = data.get("registrant_id"), data.get("join_url")
        if not registrant_id or not join_url:
            raise ZoomRejected(None, "Zoom answered without a registrant id or join link", status=201)
        return ZoomRegistrant(registrant_id=str(registrant_id), join_url=str(join_url))

    def cancel_registrant(self, kind, zoom_id, *, registrant_id, email):
        """Cancel a registration, so the personal link stops working."""
        body = {"action": "cancel", "registrants": [{"id": registrant_id, "email": email}]}
        self._request("PUT", f"/{self._collection(kind)}/{zoom_id}/registrants/status", json=body)

    # -- reports ------------------------------------------------------------

    def past_instances(self, kind, zoom_id):
        """The past occurrences of a meeting or webinar (GET /past_meetings/{id}/instances)."""
        collection = self._collection(kind)
        data = self._request("GET", f"/past_{collection}/{encode_meeting_id(zoom_id)}/instances")
        instances = []
        for item in data.get(collection) or []:
            if not isinstance(item, dict) or not item.get("uuid"):
                continue
            try:
                start = dt.datetime.fromisoformat(str(item.get("start_time") or ""))
            except ValueError:
                start = None
            instances.append(ZoomInstance(uuid=str(item["uuid"]), start_time=start))
        return instances

    def report_participants(self, kind, meeting, *, page_size=REPORT_PAGE_SIZE):
        """Every row of the participant report of a meeting (its last occurrence) or of one instance (its UUID).

        GET /report/meetings/{id}/participants, page after page with
        ``next_page_token``, with ``include_fields=registrant_id`` so that
        rows of people who joined through their personal link carry their
        registrant id. One row per join: a person who rejoined has several.
        """
        path = f"/report/{self._collection(kind)}/{encode_meeting_id(meeting)}/participants"
        participants = []
        token = ""
        for _page in range(MAX_REPORT_PAGES):
            params = {"page_size": page_size, "include_fields": "registrant_id"}
            if token:
                params["next_page_token"] = token
            data = self._request("GET", path, params=params)
            participants.extend(item for item in data.get("participants") or [] if isinstance(item, dict))
            token = str(data.get("next_page_token") or "")
            if not token:
                break
        return participants

    # -- plumbing -----------------------------------------------------------

    @staticmethod
    def _collection(kind):
        try:
            return KINDS[kind or "meeting"]
        except KeyError:
            raise ZoomRejected(None, f"Unknown Zoom kind {kind!r}") from None

    def _request(self, method, path, *, json=None, params=None):
        token = self._token()
        response = self._send(method, path, token, json, params)
        if response.status_code == 401:
            # Zoom can invalidate a token before its hour is up (code 124);
            # one fresh token, one more try.
            logger.info("Zoom answered 401 to %s %s; fetching a new token", method, path)
            response = self._send(method, path, self._token(force_new=True), json, params)
        return self._result(response, f"{method} {path}")

    def _send(self, method, path, token, json, params=None):
        try:
            return self.session.request(
                method, self.api_url + path, json=json, params=params, timeout=TIMEOUT_SECONDS,
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
            )
        except requests.RequestException as exc:
            logger.warning("Zoom unreachable for %s %s: %s", method, path, type(exc).__name__)
            raise ZoomUnavailable(f"Zoom unreachable: {type(exc).__name__}") from exc

    def _result(self, response, what):
        status = response.status_code
        if status in (200, 201):
            try:
                data = response.json()
            except ValueError:
                raise ZoomUnavailable(f"Zoom answered {what} with a body that is not JSON") from None
            return data if isinstance(data, dict) else {}
        if status == 204:
            return {}
        code, message = _zoom_error(response)
        if status == 429:
            wait = parse_retry_after(response)
            logger.warning("Zoom rate limit on %s; retry in %s s", what, wait)
            raise ZoomRateLimited(wait, message)
        if status >= 500:
            logger.warning("Zoom server error %s on %s", status, what)
            raise ZoomUnavailable(f"Zoom answered {status}")
        logger.warning("Zoom refused %s: HTTP %s, code %s", what, status, code)
        raise ZoomRejected(code, message, status=status)

    def _token_cache_key(self):
        # Per account and app, so two configurations never share a token.
        fingerprint = hashlib.sha256(f"{self.oauth_url}|{self.client_id}".encode()).hexdigest()[:16]
        return f"zoom:token:{self.account_id}:{fingerprint}"

    def _token(self, force_new=False):
        key = self._token_cache_key()
        if not force_new:
            token = cache.get(key)
            if token:
                return token
        try:
            response = self.session.post(
                self.oauth_url,
                params={"grant_type": "account_credentials", "account_id": self.account_id},
                auth=(self.client_id, self.client_secret),
                timeout=TIMEOUT_SECONDS,
            )
        except requests.RequestException as exc:
            logger.warning("Zoom OAuth unreachable: %s", type(exc).__name__)
            raise ZoomUnavailable(f"Zoom OAuth unreachable: {type(exc).__name__}") from exc
        data = self._result(response, "POST oauth/token")
        token = data.get("access_token")
        if not token:
            raise ZoomUnavailable("Zoom OAuth answered without an access token")
        lifetime = int(data.get("expires_in") or 3600) - TOKEN_EARLY_REFRESH_SECONDS
        if lifetime > 0:
            cache.set(key, token, timeout=lifetime)
        return token
