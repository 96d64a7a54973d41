"""A minimum form-fill time: refuse a form sent back faster than a person could fill it in.

Public interface::

    issue(purpose, *, clock=time.time) -> str
    check(token, purpose, *, min_seconds=3, max_age=86400, clock=time.time) -> FillTime
    FormTimingField(purpose)        a hidden form field carrying issue()'s token

The form carries a signed timestamp of the moment it was rendered. The
signature (``django.core.signing``, keyed by SECRET_KEY and salted per
``purpose``) means a client can neither forge an older time nor reuse a token
issued for another form; the timestamp is the server's clock, injectable so a
test can use a fake one.

What it stops and what it does not: scripts that post without loading the
form, or fill it in instantly. A script that fetches one token and waits passes,
and may reuse that token until ``max_age``; the rate limits and the honeypot
are the other layers. Hence the answer to "too fast" should be gentle: a person
who uses the browser's autofill can be quick, and when the form is shown again
with the same (now older) token, sending it again passes.
"""
import dataclasses
import functools
import math
import time
from collections.abc import Callable

from django import forms
from django.core import signing

SALT = "trainingcenter.core.formtiming"
DEFAULT_MIN_SECONDS = 3
# A form left open for a day is still a person's; older tokens are refused so a
# harvested token cannot serve a script for ever.
DEFAULT_MAX_AGE = 86400


@dataclasses.dataclass(frozen=True)
class FillTime:
    """The verdict on one submission. Truthy when it may be processed.

    ``reason`` is "ok", "missing", "invalid" (tampered or for another form),
    "too_fast" or "expired"; ``elapsed`` is the fill time in seconds when the
    token was readable; ``wait`` is how many whole seconds (at least 1) a
    "too_fast" submission should have waited longer.
    """

    ok: bool
    reason: str
    elapsed: float | None = None
    wait: int = 0

    def __bool__(self):
        return self.ok


def _signer(purpose):
    return signing.Signer(salt=f"{SALT}:{purpose}")


def issue(purpose, *, clock: Callable[[], float] = time.time):
    """A signed token saying "this form was rendered now", for the form named ``purpose``."""
    # Milliseconds, because whole seconds would let a 2.1-second fill pass a
    # 3-second minimum when the rendering happened late in a second.
    return _signer(purpose).sign(str(int(clock() * 1000)))


def check(
    token,
    purpose,
    *,
    min_seconds: float = DEFAULT_MIN_SECONDS,
    max_age: float | None = DEFAULT_MAX_AGE,
    clock: Callable[[], float] = time.time,
):
    """Whether a form rendered with ``token`` was filled in no faster than ``min_seconds``."""
    if not token:
        return FillTime(False, "missing")
    try:
        issued = int(_signer(purpose).unsign(token)) / 1000
    except (signing.BadSignature, ValueError):
        return FillTime(False, "invalid")
    elapsed = clock() - issued
    if elapsed < min_seconds:
        # A negative elapsed time means the web hosts' clocks disagree; waiting
        # is still the right answer, as the token is genuine.
        return FillTime(False, "too_fast", elapsed, max(1, math.ceil(min_seconds - elapsed)))
    if max_age is not None and elapsed > max_age:
        return FillTime(False, "expired", elapsed)
    return FillTime(True, "ok", elapsed)


class FormTimingField(forms.CharField):
    """A hidden field holding a fresh ``issue(purpose)`` token each time an unbound form is rendered.

    It does not refuse anything itself: the view calls ``check()`` on the
    submitted value and decides how to answer (re-show the form, or treat it
    like the honeypot). A bound form shows the submitted token again, so that
    sending a form refused as too fast once more passes.
    """

    widget = forms.HiddenInput

    def __init__(self, purpose, *, clock: Callable[[], float] = time.time, **kwargs):
        kwargs.setdefault("required", False)
        # A callable initial is evaluated at rendering, which is the moment to stamp.
        kwargs.setdefault("initial", functools.partial(issue, purpose, clock=clock))
        super().__init__(**kwargs)
        self.purpose = purpose
