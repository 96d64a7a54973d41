"""Newsletter subscribers: double opt-in, no repeated mails, one-click unsubscribe, forgetting the unconfirmed."""
import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.worker import run_tasks
from trainingcenter.news import newsletter, tasks
from trainingcenter.news.models import Subscriber

pytestmark = pytest.mark.django_db


def test_subscribe_sends_one_confirmation_in_the_chosen_language():
    subscriber, mailed = newsletter.subscribe("Reader@Example.org", "ru")
    assert mailed and subscriber.confirmed_at is None and subscriber.language == "ru"
    run_tasks()
    [message] = mail.outbox
    assert message.to == ["Reader@Example.org"]
    assert f"/ru/newsletter/confirm/{subscriber.token}/" in message.body


def test_asking_again_soon_sends_nothing_later_sends_again():
    now = timezone.now()
    first, _ = newsletter.subscribe("a@example.org", "en", now=now)
    again, mailed = newsletter.subscribe("A@example.org", "en", now=now + dt.timedelta(minutes=5))
    assert again.pk == first.pk and not mailed
    _, mailed = newsletter.subscribe("a@example.org", "zh-hans", now=now + dt.timedelta(minutes=20))
    assert mailed
    run_tasks()
    assert len(mail.outbox) == 2
    assert Subscriber.objects.get().language == "zh-hans"


def test_confirmed_address_is_never_mailed_a_confirmation_again():
    subscriber, _ = newsletter.subscribe("b@example.org", "en")
    newsletter.confirm(subscriber.token)
    _, mailed = newsletter.subscribe("b@example.org", "ru", now=timezone.now() + dt.timedelta(days=1))
    assert not mailed and Subscriber.objects.get().language == "en"


def test_unknown_token_confirms_nothing_and_unsubscribe_forgets():
    subscriber, _ = newsletter.subscribe("c@example.org", "en")
    assert newsletter.confirm("nope") is None
    assert newsletter.confirm(subscriber.token).confirmed_at is not None
    assert newsletter.unsubscribe(subscriber.token) is True
    assert newsletter.unsubscribe(subscriber.token) is False
    assert not Subscriber.objects.exists()


def test_unconfirmed_addresses_are_forgotten_by_the_periodic_task():
    old, _ = newsletter.subscribe("old@example.org", "en")
    Subscriber.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    kept, _ = newsletter.subscribe("new@example.org", "en")
    confirmed, _ = newsletter.subscribe("confirmed@example.org", "en")
    newsletter.confirm(confirmed.token)
    Subscriber.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    call_command("start_news_tasks")
    assert not tasks.schedule_periodic()  # one chain only
    run_tasks()
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"new@example.org", "confirmed@example.org"}
    assert tasks._pending_periodic().count() == 1  # the next run is scheduled
