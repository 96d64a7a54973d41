"""The newsletter's subscribers: double opt-in, one-click unsubscribe, forgetting the unconfirmed.

Every write about subscribers is here. A subscriber is mailed an issue only
once confirmed; an address that was never confirmed is deleted after
``UNCONFIRMED_DAYS`` by ``forget_unconfirmed`` (run by the periodic task chain
in ``news.tasks``, or ``manage.py forget_unconfirmed_subscribers``).
"""
import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from trainingcenter.mailer.services import queue_mail

from .models import Subscriber

# The same address asking again within this time gets no new mail.
RESEND_AFTER = dt.timedelta(minutes=15)
UNCONFIRMED_DAYS = 7
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _language(code):
    return code if code in LANGUAGES else settings.LANGUAGE_CODE


def page_url(name, subscriber, language=None):
    with translation.override(language or subscriber.language):
        return settings.SITE_URL + reverse(name, kwargs={"token": subscriber.token})


def unsubscribe_headers(subscriber):
    """The headers mail providers need for one-click unsubscribing (RFC 8058)."""
    return {
        "List-Unsubscribe": f"<{page_url('newsletter:unsubscribe', subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _send_confirmation(subscriber, now):
    with translation.override(subscriber.language):
        context = {
            "confirm_url": page_url("newsletter:confirm", subscriber),
            "site_url": settings.SITE_URL,
        }
        queue_mail(
            to=subscriber.email,
            subject=gettext("Please confirm your newsletter subscription"),
            text=render_to_string("news/email/confirm_subscription.txt", context),
            html=render_to_string("news/email/confirm_subscription.html", context),
            tag=f"newsletter:{subscriber.pk}:confirmation",
            key=f"newsletter:{subscriber.pk}:confirm:{int(now.timestamp())}",
        )


def _mailed_lately(subscriber, now):
    sent = subscriber.confirmation_sent_at
    return sent is not None and now - sent < RESEND_AFTER


def subscribe(email, language="en", *, source="form", now=None):
    """Ask for a subscription: a confirmation mail unless one went out lately or the address is confirmed.

    Returns (subscriber, mailed). Answering the same way whether the address
    is known keeps the form and the API from telling who subscribed.
    """
    now = now or timezone.now()
    email = (email or "").strip()
    language = _language(language)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email, language=language, token=Subscriber.new_token(), source=source[:40],
                    )
            except IntegrityError:  # a parallel request created it first
                return Subscriber.objects.get(email__iexact=email), False
        elif subscriber.confirmed_at is not None or _mailed_lately(subscriber, now):
            return subscriber, False
        else:
            subscriber.language = language
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["language", "confirmation_sent_at"] if subscriber.pk else None)
        _send_confirmation(subscriber, now)
    return subscriber, True


def confirm(token, *, now=None):
    """Confirm the subscription with this token; returns the subscriber, or None for an unknown token."""
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return None
    if subscriber.confirmed_at is None:
        unconfirmed = Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True)
        unconfirmed.update(confirmed_at=now or timezone.now())
        subscriber.refresh_from_db()
    return subscriber


def unsubscribe(token):
    """Forget the subscriber with this token; True if there was one."""
    deleted, _by_model = Subscriber.objects.filter(token=token).delete()
    return bool(deleted)


def forget_unconfirmed(*, now=None, days=UNCONFIRMED_DAYS):
    """Delete addresses never confirmed within ``days``; returns how many went."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    deleted, _by_model = Subscriber.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return deleted
