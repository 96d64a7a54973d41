"""The minimum form-fill time: a signed render time, checked against a clock the test controls."""
from django import forms

from trainingcenter.core.formtiming import FormTimingField, check, issue

RENDERED = 1_750_000_000.0


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def test_a_form_sent_back_too_fast_is_refused_with_how_much_longer_to_wait():
    token = issue("register", clock=Clock(RENDERED))
    verdict = check(token, "register", min_seconds=3, clock=Clock(RENDERED + 1.5))
    assert (verdict.ok, verdict.reason, verdict.wait) == (False, "too_fast", 2)
    assert not verdict
    verdict = check(token, "register", min_seconds=3, clock=Clock(RENDERED + 2.9))
    assert (verdict.ok, verdict.wait) == (False, 1)


def test_a_form_filled_in_at_a_human_pace_passes():
    token = issue("register", clock=Clock(RENDERED))
    verdict = check(token, "register", min_seconds=3, clock=Clock(RENDERED + 3))
    assert verdict and verdict.reason == "ok" and verdict.elapsed == 3
    assert check(token, "register", min_seconds=3, clock=Clock(RENDERED + 3600))


def test_the_render_time_is_kept_to_the_millisecond():
    # Rendered late in a second: 2.1 seconds later is still too fast for 3.
    token = issue("register", clock=Clock(RENDERED + 0.9))
    assert check(token, "register", min_seconds=3, clock=Clock(RENDERED + 3.0)).reason == "too_fast"


def test_an_old_token_expires_unless_told_otherwise():
    token = issue("register", clock=Clock(RENDERED))
    later = Clock(RENDERED + 86400 + 1)
    assert check(token, "register", clock=later).reason == "expired"
    assert check(token, "register", max_age=None, clock=later)


def test_missing_forged_and_foreign_tokens_are_refused():
    token = issue("register", clock=Clock(RENDERED))
    later = Clock(RENDERED + 60)
    assert check("", "register", clock=later).reason == "missing"
    assert check(None, "register", clock=later).reason == "missing"
    assert check("garbage", "register", clock=later).reason == "invalid"
    value, signature = token.split(":", 1)
    older = str(int(value) - 60_000)
    assert check(f"{older}:{signature}", "register", clock=later).reason == "invalid"
    assert check(token, "lost-link", clock=later).reason == "invalid"


def test_a_token_signed_with_another_secret_is_refused(settings):
    token = issue("register", clock=Clock(RENDERED))
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789abcdefghij"
    assert check(token, "register", clock=Clock(RENDERED + 60)).reason == "invalid"


def test_a_token_from_a_host_whose_clock_runs_ahead_asks_to_wait():
    token = issue("register", clock=Clock(RENDERED + 10))
    verdict = check(token, "register", min_seconds=3, clock=Clock(RENDERED))
    assert (verdict.reason, verdict.wait) == ("too_fast", 13)


class TimedForm(forms.Form):
    name = forms.CharField()
    started = FormTimingField("register", clock=Clock(RENDERED))


def test_the_field_stamps_an_unbound_form_and_keeps_the_stamp_of_a_bound_one():
    html = str(TimedForm()["started"])
    assert 'type="hidden"' in html
    token = html.split('value="', 1)[1].split('"', 1)[0]
    assert check(token, "register", clock=Clock(RENDERED + 5))

    sent = issue("register", clock=Clock(RENDERED - 100))
    bound = TimedForm({"name": "Ada", "started": sent})
    assert bound.is_valid()
    assert bound.cleaned_data["started"] == sent
    assert f'value="{sent}"' in str(bound["started"])
