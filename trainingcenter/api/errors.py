"""One JSON shape for every API error, whatever raised it.

    {"error": {"code": "invalid", "message": "...", "fields": {"title": ["..."]}}}

``code`` is stable for programs; ``message`` and the field messages are in the
request's language. Handlers are registered on the NinjaAPI in ``site.py``;
routers raise ``ApiError`` for their own cases and declare the answers they can
give with ``answers()``, so that the OpenAPI schema lists every one of them.
"""
import json
import logging

import pydantic
from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.parser import Parser

from trainingcenter.core.middleware import DATABASE_OUTAGES, RETRY_AFTER_SECONDS, log_outage

logger = logging.getLogger(__name__)

PARAM_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    error: ErrorBody


class ApiError(Exception):
    """An answer other than success; ``headers`` go on the response (e.g. Retry-After), ``extra`` into the body."""

    def __init__(self, status, code, message, fields=None, headers=None, **extra):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = str(message)
        self.fields = fields
        self.headers = headers or {}
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


# Any operation can meet a database outage.
ALWAYS = frozenset({503})
# Every operation that reads a JSON body: invalid data, too large, not JSON.
BODY = frozenset({400, 413, 415})
# Every operation behind a staff token: no or bad token, token without the right.
STAFF = frozenset({401, 403})

# Headers that come with an error, documented so that clients can rely on them.
ERROR_HEADERS = {
    401: {"WWW-Authenticate": "Which scheme to authenticate with: Bearer."},
    429: {"Retry-After": "Seconds to wait before trying again."},
    503: {"Retry-After": "Seconds to wait before trying again."},
}


def answers(success, *errors):
    """The ``response=`` of an operation: its success answers and every error it can give.

    ``errors`` are status codes or sets of them (``BODY``, ``STAFF``); all are
    answered with ``ErrorOut``, and the outage answer (503) is added to every
    operation. Listing them is what lets clients, and schemathesis, know that
    a 404 or a 409 is part of the contract rather than a surprise.
    """
    codes = set(ALWAYS)
    for error in errors:
        codes |= {error} if isinstance(error, int) else set(error)
    return {**success, frozenset(codes): ErrorOut}


def document_error_headers(schema):
    """Add the headers of ``ERROR_HEADERS`` to every documented error answer of an OpenAPI schema."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                headers = ERROR_HEADERS.get(int(status))
                if headers:
                    response.setdefault("headers", {}).update(
                        {
                            name: {"description": description, "required": True, "schema": {"type": "string"}}
                            for name, description in headers.items()
                        }
                    )
    return schema


OUTAGE_NAMES = tuple(f"{outage.__name__}:" for outage in DATABASE_OUTAGES)


def _is_outage_text(error):
    text = str((error.get("ctx") or {}).get("error", ""))
    return error.get("type") == "get_attribute_error" and text.startswith(OUTAGE_NAMES)


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
    if (error.get("null_input") or error.get("input", "") is None) and kind != "value_error":
        # null where only a value will do (a title, a date...): say so, rather
        # than "please give text" to someone who deliberately sent null.
        return _("This field cannot be null.")
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


def mark_null_inputs(validation_error, error_contexts):
    """Flag the errors of ninja's ``ValidationError`` whose input was null.

    ninja drops each error's input (it may hold anything the client sent);
    the message needs one fact of it, whether the client sent null. ninja
    builds its errors from the same contexts in the same order; should that
    ever change, a message would be less precise, never a request fail.
    """
    inputs = [
        error.get("input", "")
        for context in error_contexts
        for error in context.pydantic_validation_error.errors(include_url=False)
    ]
    for error, value in zip(validation_error.errors, inputs, strict=False):
        if value is None:
            error["null_input"] = True
    return validation_error


def fields_from_pydantic(errors, body_params=("payload",)):
    fields = {}
    for error in errors:
        name = _field_name(error.get("loc", ()), body_params)
        message = _message_for(error)
        if message not in fields.setdefault(name, []):
            fields[name].append(message)
    return fields


def validate_body(schema, data, request=None):
    """A parsed JSON body checked against ``schema`` in the view, refused as ninja refuses a body it checks.

    For operations whose body is typed ``schemas.base.checked_in_view``: the
    view looks up what the request is about first, then calls this; a body
    that does not fit gets the same 400, field by field, as anywhere else.
    """
    try:
        return schema.model_validate(data, context={"request": request})
    except pydantic.ValidationError as error:
        errors = []
        for item in error.errors(include_url=False):
            # As ninja does: the input is dropped (it may hold anything the
            # client sent), except the one fact a message needs, that it was null.
            if item.pop("input", "") is None:
                item["null_input"] = True
            if isinstance((item.get("ctx") or {}).get("error"), Exception):
                item["ctx"]["error"] = str(item["ctx"]["error"])
            item["loc"] = ("body", *item["loc"])
            errors.append(item)
        raise NinjaValidationError(errors) from None


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
        return respond(request, exc.status, payload(exc.code, exc.message, exc.fields, **exc.extra), exc.headers)

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

    @api.exception_handler(RequestDataTooBig)
    def too_large(request, exc):
        message = _("The request is too large: please send at most %(size)d kB.") % {
            "size": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
        }
        return respond(request, 413, payload("too_large", message))

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        cause = exc.__cause__
        if isinstance(cause, RequestDataTooBig):
            return too_large(request, cause)
        if isinstance(cause, UnsupportedMediaType):
            message = _("Please send JSON (Content-Type: application/json).")
            return respond(request, 415, payload("unsupported_media_type", message))
        if exc.status_code == 400:
            return respond(request, 400, payload("malformed", _("The request body is not valid JSON.")))
        if exc.status_code == 429:
            return respond(request, 429, payload("rate_limited", _("Too many requests. Please try again later.")))
        return respond(request, exc.status_code, payload("error", str(exc)))

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        # What Django itself answers to these (400), in our shape; logged
        # where Django logs them, for whoever watches for attacks.
        logging.getLogger(f"django.security.{exc.__class__.__name__}").warning(str(exc))
        return respond(request, 400, payload("bad_request", _("The request could not be understood.")))

    def database_unavailable(request, exc):
        log_outage(request, exc)
        return respond(
            request, 503,
            payload("unavailable", _("The service is briefly unavailable. Please try again in a few seconds.")),
            {"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    for outage in DATABASE_OUTAGES:
        api.add_exception_handler(outage, database_unavailable)

    @api.exception_handler(Exception)
    def unexpected(request, exc):
        # Logged with the traceback for us; the client gets no internals.
        logger.exception("API error on %s %s", request.method, request.path)
        return respond(request, 500, payload("server_error", _("Something went wrong on our side.")))

    @api.exception_handler(pydantic.ValidationError)
    def invalid_output(request, exc):
        # A lazy relation read while the answer is serialised can meet the
        # outage too; pydantic then keeps only the text of the exception, so
        # it is recognised by the name of its class.
        if any(_is_outage_text(error) for error in exc.errors()):
            return database_unavailable(request, exc)
        return unexpected(request, exc)
