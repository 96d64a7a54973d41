"""A local HTTP server that speaks the part of Zoom's API the platform uses.

Zoom's cloud cannot be reached from the test machines, so the real client is
tested against this: Server-to-Server OAuth tokens, adding registrants to
meetings and webinars, cancelling them, the past occurrences of a meeting and
their participant reports (paged with ``next_page_token``, as Zoom pages
them), and the failures Zoom can answer with (401 for an expired token, 429
with and without Retry-After, 5xx, refusals).
Tests flip switches to provoke failures and read ``requests`` to see what the
client sent.
"""
import base64
import itertools
import json
import re
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

ACCOUNT_ID = "fake-account"
CLIENT_ID = "fake-client-id"
CLIENT_SECRET = "fake-client-secret"

REGISTRANTS_PATH = re.compile(r"^/v2/(meetings|webinars)/(\d+)/registrants$")
STATUS_PATH = re.compile(r"^/v2/(meetings|webinars)/(\d+)/registrants/status$")
INSTANCES_PATH = re.compile(r"^/v2/past_(meetings|webinars)/([^/]+)/instances$")
REPORT_PATH = re.compile(r"^/v2/report/(meetings|webinars)/([^/]+)/participants$")
MAX_PAGE_SIZE = 300


@dataclass
class Recorded:
    method: str
    path: str
    query: dict
    headers: dict
    body: object


@dataclass
class FakeZoomState:
    tokens: set = field(default_factory=set)
    # {(collection, zoom_id): {email: registrant dict}}
    registrants: dict = field(default_factory=dict)
    cancelled: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    failures: list = field(default_factory=list)  # [(status, headers, body)] answered before anything else
    is_down: bool = False
    refused: dict = field(default_factory=dict)  # {email: (code, message)} answered with 400
    # {(collection, meeting id): [{"uuid": ..., "start_time": ...}]}
    instances: dict = field(default_factory=dict)
    # {(collection, meeting id or instance uuid): [participant dict]}
    reports: dict = field(default_factory=dict)
    # {next_page_token: (collection, meeting, offset, page_size)}
    page_tokens: dict = field(default_factory=dict)


class FakeZoom:
    """Start with ``start()``, stop with ``stop()``; URLs in ``oauth_url`` and ``api_url``."""

    def __init__(self):
        self.state = FakeZoomState()
        self.lock = threading.Lock()
        self._ids = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self):
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def oauth_url(self):
        return f"{self.base_url}/oauth/token"

    @property
    def api_url(self):
        return f"{self.base_url}/v2"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    # -- switches for tests ---------------------------------------------------

    def fail_next(self, n, status=500):
        with self.lock:
            self.state.failures += [(status, {}, {"code": status, "message": "Internal error"})] * n

    def rate_limit_next(self, n, retry_after=1):
        """429s; ``retry_after=None`` imitates the per-registrant daily limit, which sends no Retry-After."""
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        message = (
            "You have exceeded the per-second rate limit." if retry_after is not None
            else "You have exceeded the daily rate limit (3) of registration API requests for this registrant. "
            "You may resume these requests at GMT 00:00:00."
        )
        with self.lock:
            self.state.failures += [(429, headers, {"code": 429, "message": message})] * n

    def refuse(self, email, code=3027, message="Host email cannot register for the meeting."):
        with self.lock:
            self.state.refused[email.lower()] = (code, message)

    def add_instance(self, collection, zoom_id, uuid, start_time, participants=()):
        """A past occurrence of a meeting (``collection`` "meetings" or "webinars"), with its report's rows."""
        with self.lock:
            self.state.instances.setdefault((collection, str(zoom_id)), []).append(
                {"uuid": uuid, "start_time": start_time}
            )
            self.state.reports[(collection, uuid)] = list(participants)

    def set_report(self, collection, meeting, participants):
        """The participant report of a meeting ID (its latest occurrence) or of one occurrence's UUID."""
        with self.lock:
            self.state.reports[(collection, str(meeting))] = list(participants)

    def expire_tokens(self):
        """Zoom dropped every token: the next API call answers 401, code 124."""
        with self.lock:
            self.state.tokens.clear()

    def down(self):
        with self.lock:
            self.state.is_down = True

    def up(self):
        with self.lock:
            self.state.is_down = False

    # -- what tests read ------------------------------------------------------

    @property
    def requests(self):
        with self.lock:
            return list(self.state.requests)

    def requests_to(self, method, path_part):
        return [r for r in self.requests if r.method == method and path_part in r.path]

    def registrants(self, collection, zoom_id):
        with self.lock:
            return dict(self.state.registrants.get((collection, str(zoom_id)), {}))

    @property
    def cancelled(self):
        with self.lock:
            return list(self.state.cancelled)

    # -- the server -----------------------------------------------------------

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
                pass

            def do_POST(self):
                fake._handle(self, "POST")

            def do_PUT(self):
                fake._handle(self, "PUT")

            def do_GET(self):
                fake._handle(self, "GET")

        return Handler

    def _handle(self, handler, method):
        url = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw and "json" in handler.headers.get("Content-Type", "") else raw.decode()
        except ValueError:
            body = None
        with self.lock:
            self.state.requests.append(
                Recorded(method, url.path, parse_qs(url.query), {k.lower(): v for k, v in handler.headers.items()},
                         body)
            )
            status, headers, payload = self._answer(handler, method, url, body)
        data = b"" if payload is None else json.dumps(payload).encode()
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        if data:
            handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        if data:
            handler.wfile.write(data)

    def _answer(self, handler, method, url, body):
        """(status, headers, json payload or None); called with the lock held."""
        state = self.state
        if state.is_down:
            return 503, {}, {"code": 503, "message": "Service unavailable"}
        if state.failures:
            return state.failures.pop(0)
        if method == "POST" and url.path == "/oauth/token":
            return self._token(handler, url)
        if not url.path.startswith("/v2/"):
            return 404, {}, {"code": 404, "message": "Not found"}
        auth = handler.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth[len("Bearer "):] not in state.tokens:
            return 401, {}, {"code": 124, "message": "Invalid access token."}
        if method == "POST" and (match := REGISTRANTS_PATH.match(url.path)):
            return self._add_registrant(match.group(1), match.group(2), body)
        if method == "PUT" and (match := STATUS_PATH.match(url.path)):
            return self._update_status(match.group(1), match.group(2), body)
        if method == "GET" and (match := INSTANCES_PATH.match(url.path)):
            return self._instances(match.group(1), _meeting(match.group(2)))
        if method == "GET" and (match := REPORT_PATH.match(url.path)):
            return self._report(match.group(1), _meeting(match.group(2)), parse_qs(url.query))
        return 404, {}, {"code": 404, "message": "Not found"}

    def _instances(self, collection, zoom_id):
        if (collection, zoom_id) not in self.state.instances:
            return 404, {}, {"code": 3001, "message": f"Meeting does not exist: {zoom_id}."}
        return 200, {}, {collection: list(self.state.instances[(collection, zoom_id)])}

    def _report(self, collection, meeting, query):
        """One page of a participant report, as Zoom pages it: ``page_size`` rows and a token for the next."""
        token = (query.get("next_page_token") or [""])[0]
        if token:
            if token not in self.state.page_tokens:
                return 400, {}, {"code": 300, "message": "The next page token is invalid or expired."}
            collection, meeting, offset, page_size = self.state.page_tokens.pop(token)
        else:
            try:
                page_size = int((query.get("page_size") or ["30"])[0])
            except ValueError:
                return 400, {}, {"code": 300, "message": "Invalid page_size."}
            if not 1 <= page_size <= MAX_PAGE_SIZE:
                return 400, {}, {"code": 300, "message": "Invalid page_size."}
            offset = 0
        if (collection, meeting) not in self.state.reports:
            return 404, {}, {"code": 3001, "message": f"Meeting does not exist: {meeting}."}
        rows = self.state.reports[(collection, meeting)]
        with_registrant = "registrant_id" in ",".join(query.get("include_fields") or [])
        page = []
        for row in rows[offset:offset + page_size]:
            row = dict(row)
            if not with_registrant:
                row.pop("registrant_id", None)
            page.append(row)
        next_token = ""
        if offset + page_size < len(rows):
            next_token = secrets.token_urlsafe(12)
            self.state.page_tokens[next_token] = (collection, meeting, offset + page_size, page_size)
        return 200, {}, {
            "page_size": page_size, "total_records": len(rows), "next_page_token": next_token,
            "participants": page,
        }

    def _token(self, handler, url):
        query = parse_qs(url.query)
        expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
        if handler.headers.get("Authorization") != expected:
            return 401, {}, {"reason": "Invalid client_id or client_secret", "error": "invalid_client"}
        if query.get("grant_type") != ["account_credentials"] or query.get("account_id") != [ACCOUNT_ID]:
            return 400, {}, {"reason": "Unsupported grant type or wrong account", "error": "invalid_request"}
        token = secrets.token_urlsafe(24)
        self.state.tokens.add(token)
        return 200, {}, {
            "access_token": token, "token_type": "bearer", "expires_in": 3600,
            "scope": "meeting:write:registrant:admin", "api_url": self.base_url,
        }

    def _add_registrant(self, collection, zoom_id, body):
        if not isinstance(body, dict) or not body.get("email") or not body.get("first_name"):
            return 400, {}, {"code": 300, "message": "Validation Failed."}
        email = str(body["email"]).lower()
        if email in self.state.refused:
            code, message = self.state.refused[email]
            return 400, {}, {"code": code, "message": message}
        meeting = self.state.registrants.setdefault((collection, zoom_id), {})
        if email not in meeting:
            # As Zoom does, posting the same e-mail again returns the existing registrant.
            registrant_id = f"reg{next(self._ids)}{secrets.token_hex(4)}"
            meeting[email] = {
                "registrant_id": registrant_id,
                "join_url": f"https://zoom.example/w/{zoom_id}?tk={secrets.token_urlsafe(16)}.{registrant_id}",
                "email": email,
                "status": "approved",
            }
        registrant = meeting[email]
        return 201, {}, {
            "id": int(zoom_id), "registrant_id": registrant["registrant_id"], "join_url": registrant["join_url"],
            "topic": "Fake training program", "start_time": "2030-07-13T02:00:00Z",
        }

    def _update_status(self, collection, zoom_id, body):
        if not isinstance(body, dict) or body.get("action") not in {"cancel", "approve", "deny"}:
            return 400, {}, {"code": 300, "message": "Validation Failed."}
        meeting = self.state.registrants.get((collection, zoom_id), {})
        for item in body.get("registrants") or []:
            for email, registrant in list(meeting.items()):
                if registrant["registrant_id"] == item.get("id"):
                    if body["action"] == "cancel":
                        del meeting[email]
                        self.state.cancelled.append((collection, zoom_id, item.get("id")))
                    else:
                        registrant["status"] = body["action"]
        return 204, {}, None


def _meeting(segment):
    """A meeting ID or an instance UUID from the path, as the client encoded it (once, or twice)."""
    value = unquote(segment)
    return unquote(value) if "%" in value else value
