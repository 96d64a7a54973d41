"""Keep participants' tokens out of the logs.

A token in a participant's address (/<lang>/r/<token>/) is all it takes to
cancel or change that registration, so a log line must never carry one.
Django's request logger and gunicorn's access log both write request paths;
this filter rewrites the token in any record before it is emitted.
"""
import logging
import re

PARTICIPANT_PATH = re.compile(r"(/r/)[^/\s?\"']+")
REDACTED = r"\1[token]"


def redact(text):
    """The text with every participant token replaced by "[token]"."""
    return PARTICIPANT_PATH.sub(REDACTED, text)


class RedactParticipantTokens(logging.Filter):
    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        request = getattr(record, "request", None)
        if request is not None and redact(getattr(request, "path", "")) != getattr(request, "path", ""):
            # Django passes the request along; handlers such as the admin
            # e-mail one would print its path again.
            record.request = None
        return True


def install():
    """Attach the filter to the loggers that write request paths."""
    for name in ("django.request", "django.server", "gunicorn.access", "gunicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactParticipantTokens) for f in logger.filters):
            logger.addFilter(RedactParticipantTokens())
