"""Public pages of registration: the form, its answers, the participant's own pages and lost links.

Views only read, validate and call ``services``; every state change happens there.
Pages reached through a participant's token must not leak it: they send
``Referrer-Policy: no-referrer``, are never cached by shared caches and ask
search engines not to index them.
"""
import functools

from django.contrib import messages
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from trainingcenter.center.models import Center
from trainingcenter.core import ratelimit
from trainingcenter.news import newsletter
from trainingcenter.programs.models import Program, Session
from trainingcenter.programs.queries import agenda_by_day
from trainingcenter.registrations import calendar as registration_calendar
from trainingcenter.registrations import capacity, join_link_rules, services
from trainingcenter.registrations.models import Registration

from ..forms import CancelForm, LostLinkForm, RegistrationChangeForm, RegistrationForm

DETAIL_FIELDS = services.DETAIL_FIELDS


def keep_private(response, referrer_policy="no-referrer"):
    """Mark a response that carries a participant's token as private and unindexed."""
    response.headers["Referrer-Policy"] = referrer_policy
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True, no_store=True)
    return response


def token_page(view=None, *, referrer_policy="no-referrer"):
    """Decorate a token page. Pages with a form use "same-origin": under
    "no-referrer" browsers send ``Origin: null`` with the POST and Django's CSRF
    check refuses it; "same-origin" still keeps the token from other sites."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            return keep_private(view(request, *args, **kwargs), referrer_policy)

        return wrapper

    return decorate(view) if view is not None else decorate


def registration_for_token(token):
    """The registration behind a token, or a plain 404 that says nothing about why."""
    registration = Registration.objects.select_related("program").by_token(token)
    if registration is None:
        raise Http404
    return registration


def registration_data(form):
    return services.RegistrationData(
        **{name: form.cleaned_data[name] for name in DETAIL_FIELDS},
        email=form.cleaned_data["email"],
        mode=form.cleaned_data["mode"],
        consent=form.cleaned_data["consent"],
        answers=form.answers,
    )


def see_other(url):
    """303 See Other: after a POST, the browser fetches ``url`` with GET, so a reload never sends the form again."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@require_http_methods(["GET", "POST"])
def register(request, slug):
    """The registration form; a registration sent with it answers 303, never a page.

    Where the answer goes (post/redirect/get, so that reloading the answer
    cannot register again):

    - A new registration goes straight to the participant's own page, with a
      one-time "thank you" message. That page already shows everything the
      old answer page did (status, waiting-list place, agenda) and is built to
      carry the token: it answers ``Referrer-Policy: no-referrer``, is never
      stored by caches nor indexed, and the token is redacted from every log
      line (``registrations.log_filters``). An answer page of its own would
      need a key of its own (in the URL, or the session) to find the
      registration again on reload, and would end with a link to the same
      token page anyway; the participant is better served landing on the page
      they will come back to, which they can bookmark. The 303 itself carries
      the token in its ``Location``, so it is marked private like the page.
    - A duplicate (the address already holds a registration here) and a
      submission caught by the honeypot both go to one "please check your
      e-mail" page, the same URL and the same words, which names no address:
      the owner of the address gets the link to their registration by e-mail
      (``services.register`` re-sends it, at most every few minutes). The page
      cannot be told apart from the honeypot's, and confirms nobody's
      registration. What still differs is inherent: a new registration is
      created and its page opened (the issue asks that the participant reach
      it at once), and the address's owner is e-mailed in both cases, so a
      probe with someone else's address never goes unnoticed.
    """
    program = get_object_or_404(Program.objects.public(), slug=slug)
    window = program.registration_window_state()
    context = {"program": program, "window": window}
    if window != "open":
        return render(request, "registrations/register.html", context, status=400 if request.method == "POST" else 200)

    # Read once for the form and for ``services.register``, which checks the answers.
    prefetch_related_objects([program], "questions")
    data = request.POST if request.method == "POST" else None
    form = RegistrationForm(data, program=program, language=get_language())
    context["form"] = form
    if request.method != "POST":
        return render(request, "registrations/register.html", context)
    if not form.is_valid():
        return render(request, "registrations/register.html", context, status=400)
    # Before the rate limit, so that a person asked to send again has spent nothing.
    context["fill_time_message"] = form.fill_time_refusal()
    if context["fill_time_message"]:
        return render(request, "registrations/register.html", context, status=400)
    decision = ratelimit.check_registration(request, form.cleaned_data["email"])
    if not decision:
        context["rate_limit_message"] = ratelimit.refusal_message(
            decision,
            _("Too many registrations have been sent from your connection or for this e-mail address. "
              "Please send the form again in %(wait)s, after %(time)s; what you entered is kept below."),
        )
        response = render(request, "registrations/register.html", context, status=429)
        return ratelimit.set_retry_after(response, decision)
    received = reverse("registrations:register_received", kwargs={"slug": program.slug})
    if form.is_spam:
        # Answer as if it worked, so the sender learns nothing to adapt to.
        return see_other(received)

    try:
        registration = services.register(program, registration_data(form))
    except services.DuplicateRegistration:
        return see_other(received)
    except services.RegistrationError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "registrations/register.html", context, status=400)
    if form.cleaned_data.get("newsletter"):
        # Double opt-in all the same: the address gets a link to confirm.
        newsletter.subscribe(registration.email, registration.language or get_language(), source="registration")
    messages.success(request, _(
        "Thank you for registering. This is your own page for this program; we have also sent its link to you "
        "by e-mail. Keep the link private: anyone who has it can change your registration."
    ))
    return keep_private(see_other(registration.get_absolute_url()))


@require_http_methods(["GET"])
def register_received(request, slug):
    """"Please check your e-mail": the answer to a duplicate, and to what the honeypot caught.

    It shows nothing but the program, so anyone may open it, and reloading it
    does nothing; see ``register`` for why it is shared by the two.
    """
    program = get_object_or_404(Program.objects.public(), slug=slug)
    return render(request, "registrations/received.html", {"program": program})


@require_http_methods(["GET", "POST"])
def lost_link(request):
    """"I lost my link": the links to all of an address's registrations go to that address.

    The answer never tells whether the address is known: every accepted
    request queues the same task and is redirected (303) to the same page;
    the task looks the address up later (``services.lost_links``), so the
    answer's timing does not tell either. Rate-limited per e-mail address and
    per client address (429 with ``Retry-After`` and when to try again), with
    the honeypot and the minimum fill time of the registration form.
    """
    form = LostLinkForm(request.POST if request.method == "POST" else None)
    context = {"form": form}
    if request.method != "POST":
        return render(request, "registrations/lost_link.html", context)
    if not form.is_valid():
        return render(request, "registrations/lost_link.html", context, status=400)
    context["fill_time_message"] = form.fill_time_refusal()
    if context["fill_time_message"]:
        return render(request, "registrations/lost_link.html", context, status=400)
    decision = ratelimit.check_lost_link(request, form.cleaned_data["email"])
    if not decision:
        context["rate_limit_message"] = ratelimit.refusal_message(
            decision,
            _("Links have been asked for this e-mail address or from your connection too often. "
              "Please try again in %(wait)s, after %(time)s."),
        )
        return ratelimit.set_retry_after(render(request, "registrations/lost_link.html", context, status=429),
                                         decision)
    if not form.is_spam:
        services.lost_links.request_links(form.cleaned_data["email"])
    return see_other(reverse("registrations:lost_link_sent"))


@require_http_methods(["GET"])
def lost_link_sent(request):
    """The one answer to every request for lost links, known address or not."""
    return render(request, "registrations/lost_link_sent.html")


def can_change_mode(registration):
    program = registration.program
    return registration.is_active and len(program.offered_modes) > 1 and program.ends > timezone.now()


@token_page
@require_http_methods(["GET"])
def participant(request, token):
    registration = registration_for_token(token)
    program = registration.program
    sessions = Session.objects.order_by("starts", "pk").prefetch_related("speakers")
    prefetch_related_objects([program], Prefetch("sessions", queryset=sessions))
    join_url = join_link_rules.join_url_for(registration)
    holds_place = registration_calendar.holds_place(registration)
    return render(request, "registrations/participant.html", {
        "registration": registration,
        "program": program,
        "agenda": agenda_by_day(program),
        "waitlist_position": capacity.waitlist_position(registration),
        "join_url": join_url,
        "join_link_pending": not join_url and join_link_rules.join_link_pending(registration),
        "can_change_mode": can_change_mode(registration),
        "holds_place": holds_place,
        "calendar_links": registration_calendar.web_calendar_links(
            registration, registration_calendar.program_days(program, sessions=list(program.sessions.all())),
        ) if holds_place else [],
    })


@token_page
@require_http_methods(["GET"])
def calendar(request, token):
    """The participant's calendar file as it stands: their events with a place, their cancellation after.

    404 for someone who never had a place (waitlisted, awaiting approval):
    there is nothing to add yet, and the page offers no link.
    """
    registration = registration_for_token(token)
    center = Center.current()
    calendar_file = services.calendars.participant_calendar_file(
        registration,
        join_url=join_link_rules.join_url_for(registration),
        page_url=request.build_absolute_uri(registration.get_absolute_url()),
        center_name=str(center) if center else "",
    )
    if calendar_file is None:
        raise Http404
    response = HttpResponse(calendar_file.ics, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{registration.program.slug}.ics"'
    return response


@token_page(referrer_policy="same-origin")
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration = registration_for_token(token)
    form = CancelForm(request.POST if request.method == "POST" else None)
    context = {"registration": registration, "program": registration.program, "form": form}
    if not registration.is_active:
        return render(request, "registrations/cancel.html", context, status=400 if request.method == "POST" else 200)
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "registrations/cancel.html", context, status=400)
        try:
            services.cancel_registration(registration)
        except services.RegistrationError as error:
            form.add_error(None, error.message)
            return render(request, "registrations/cancel.html", context, status=400)
        messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return redirect(registration.get_absolute_url())
    return render(request, "registrations/cancel.html", context)


@token_page(referrer_policy="same-origin")
@require_http_methods(["GET", "POST"])
def edit(request, token):
    """One form for the details and the attendance mode; one button applies both (``services.edits``).

    On any refusal the form comes back with everything that was sent, the
    chosen mode included; on success the participant's page says what changed.
    """
    registration = registration_for_token(token)
    program = registration.program
    mode_changeable = can_change_mode(registration)
    form = RegistrationChangeForm(
        request.POST if request.method == "POST" else None,
        program=program,
        mode_changeable=mode_changeable,
        initial={**{field: getattr(registration, field) for field in DETAIL_FIELDS},
                 "country": registration.country.code, "mode": registration.mode},
    )
    context = {
        "registration": registration,
        "program": program,
        "can_change_mode": mode_changeable,
        "waitlist_position": None,  # an inactive registration has no place in line
        "form": form,
    }
    if request.method != "POST":
        return render(request, "registrations/edit.html", context)
    if not registration.is_active or not form.is_valid():
        return render(request, "registrations/edit.html", context, status=400)
    try:
        edit = services.edits.edit_registration(
            registration,
            details={name: form.cleaned_data[name] for name in DETAIL_FIELDS},
            mode=form.cleaned_data.get("mode"),
        )
    except services.RegistrationError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "registrations/edit.html", context, status=400)
    for level, text in edit_summary(edit, form):
        messages.add_message(request, level, text)
    return see_other(registration.get_absolute_url())


def edit_summary(edit, form):
    """[(message level, text)] telling the participant what their submission changed, or that nothing did.

    The browser's time zone is kept quietly: it is not something the person
    typed, so it is not reported as a change of theirs.
    """
    visible = [name for name in edit.details if name != "time_zone"]
    if not edit.mode_changed and not visible:
        return [(messages.INFO, _("Nothing has changed: your registration was already like this."))]
    summary = []
    registration = edit.registration
    if edit.mode_changed:
        text = _("Attendance changed: %(mode)s instead of %(before)s.") % {
            "mode": registration.get_mode_display(),
            "before": Registration.Mode(edit.mode_before).label,
        }
        if registration.status == Registration.Status.WAITLISTED:
            text += " " + _(
                "It has no free place now, so you are number %(position)d on its waiting list."
            ) % {"position": capacity.waitlist_position(registration) or 0}
        elif edit.status_before == Registration.Status.WAITLISTED:
            text += " " + _("It had a free place, and you have it now.")
        summary.append((messages.SUCCESS, text))
    if visible:
        labels = [str(form.fields[name].label) for name in visible]
        summary.append((messages.SUCCESS, _("Your details are updated: %(fields)s.") % {
            "fields": pgettext("list separator", ", ").join(labels),
        }))
    return summary
