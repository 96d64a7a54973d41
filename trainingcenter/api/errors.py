"""One JSON shape for every API error, whatever raised it.

    {"error": {"code": "invalid", "message": "...", "fields": {"title": ["..."]}}}

``code`` is stable for programs; ``message`` and the field messages are in the
request's language. Handlers are registered on the NinjaAPI in
``trainingcenter/api.py``; routers raise ``ApiError`` for their own cases.
"""
import json
import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

logger = logging.getLogger(__name__)

PARAM_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    error: ErrorBody


class ApiError(Exception):
    def __init__(self, status, code, message, fields=None, **extra):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = str(message)
        self.fields = fields
        self.extra = extra


class UnsupportedMediaType(Exception):
    pass


class JsonParser(Parser):
    """JSON bodies only; a body declared as something else is refused, not guessed at."""

    def parse_body(self, request):
        content_type = (request.content_type or "").lower()
        if content_type and content_type != "application/json" and not content_type.endswith("+json"):
            raise UnsupportedMediaType(content_type)
        return json.loads(request.body)


def payload(code, message, fields=None, **extra):
    error = {"code": code, "message": str(message)}
    if fields:
        error["fields"] = fields
    error.update(extra)
    return {"error": error}


# --- translating pydantic's messages -------------------------------------------------------


def _message_for(error):
    """A message in the active language for one pydantic error, from its type and context."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "string_too_long":
        return _("Please use at most %(max)d characters.") % {"max": ctx.get("max_length", 0)}
    if kind == "string_too_short":
        return _("Please fill in this field.")
    if kind == "too_long":
        return _("Please send at most %(max)d items.") % {"max": ctx.get("max_length", 0)}
    if kind == "string_pattern_mismatch":
        return _("Please use only letters, digits, hyphens and underscores.")
    if kind == "literal_error" or kind == "enum":
        return _("Please use one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind.startswith(("datetime_", "date_", "timezone_")):
        return _("Please give a date and time in ISO 8601, e.g. 2026-06-08T09:00:00+08:00.")
    if kind.startswith("int_") or kind == "int_type":
        return _("Please give a whole number.")
    if kind == "greater_than_equal":
        return _("Please give a number of at least %(min)s.") % {"min": ctx.get("ge")}
    if kind == "less_than_equal":
        return _("Please give a number of at most %(max)s.") % {"max": ctx.get("le")}
    if kind.startswith("bool_"):
        return _("Please give true or false.")
    if kind == "extra_forbidden":
        return _("Unknown field.")
    if kind in ("string_type", "string_unicode"):
        return _("Please give text.")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return _("Please send a JSON object.")
    if kind in ("list_type", "tuple_type"):
        return _("Please send a list.")
    if kind == "value_error":
        return str(ctx.get("error", "")).removeprefix("Value error, ") or _("Please check this value.")
    return _("Please check this value.")


def _field_name(loc, body_params):
    parts = list(loc)
    if parts and parts[0] in PARAM_SOURCES:
        source = parts.pop(0)
        # A body schema is one parameter; its name is ours, not the client's.
        if source == "body" and parts and parts[0] in body_params:
            parts.pop(0)
    return ".".join(str(part) for part in parts) or "__all__"


def fields_from_pydantic(errors, body_params=("payload",)):
    fields = {}
    for error in errors:
        name = _field_name(error.get("loc", ()), body_params)
        message = _message_for(error)
        if message not in fields.setdefault(name, []):
            fields[name].append(message)
    return fields


def fields_from_django(error):
    if hasattr(error, "error_dict"):
        return {name: list(messages) for name, messages in error.message_dict.items()}
    return {"__all__": list(error.messages)}


# --- handlers ---------------------------------------------------------------------------


def install(api):
    """Register the handlers on a NinjaAPI."""

    def respond(request, status, body, headers=None):
        response = api.create_response(request, body, status=status)
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return respond(request, exc.status, payload(exc.code, exc.message, exc.fields, **exc.extra))

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request, exc):
        if exc.errors and all(tuple(error.get("loc", ()))[:1] == ("path",) for error in exc.errors):
            # An address that cannot exist: the same answer as one that does not.
            return respond(request, 404, payload("not_found", _("Not found.")))
        fields = fields_from_pydantic(exc.errors)
        return respond(request, 400, payload("invalid", _("Some of the data sent is not valid."), fields))

    @api.exception_handler(DjangoValidationError)
    def invalid_model(request, exc):
        fields = fields_from_django(exc)
        return respond(request, 400, payload("invalid", _("Some of the data sent is not valid."), fields))

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return respond(request, 404, payload("not_found", _("Not found.")))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(
            request, 401,
            payload("unauthenticated", _("A valid staff API token is needed: Authorization: Bearer <token>.")),
            {"WWW-Authenticate": "Bearer"},
        )

    @api.exception_handler(AuthorizationError)
    def forbidden(request, exc):
        return respond(request, 403, payload("forbidden", _("You are not allowed to do this.")))

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return respond(request, 403, payload("forbidden", str(exc) or _("You are not allowed to do this.")))

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        cause = exc.__cause__
        if isinstance(cause, UnsupportedMediaType):
            message = _("Please send JSON (Content-Type: application/json).")
            return respond(request, 415, payload("unsupported_media_type", message))
        if exc.status_code == 400:
            return respond(request, 400, payload("malformed", _("The request body is not valid JSON.")))
        if exc.status_code == 429:
            return respond(request, 429, payload("rate_limited", _("Too many requests. Please try again later.")))
        return respond(request, exc.status_code, payload("error", str(exc)))

    @api.exception_handler(Exception)
    def unexpected(request, exc):
        # Logged with the traceback for us; the client gets no internals.
        logger.exception("API error on %s %s", request.method, request.path)
        return respond(request, 500, payload("server_error", _("Something went wrong on our side.")))
