"""Public pages of registration: the form, the answer, and the participant's own page.

Views only read, validate and call ``services``; every state change happens there.
Pages reached through a participant's token must not leak it: they send
``Referrer-Policy: no-referrer``, are never cached by shared caches and ask
search engines not to index them.
"""
import functools

from django.contrib import messages
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from trainingcenter.core import ratelimit
from trainingcenter.programs.models import Program, Session
from trainingcenter.programs.queries import agenda_by_day
from trainingcenter.registrations import capacity, join_link_rules, services
from trainingcenter.registrations.calendar import program_calendar
from trainingcenter.registrations.models import Registration

from ..forms import CancelForm, ChangeModeForm, ParticipantDetailsForm, RegistrationForm

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


@require_http_methods(["GET", "POST"])
def register(request, slug):
    program = get_object_or_404(Program.objects.public(), slug=slug)
    window = program.registration_window_state()
    context = {"program": program, "window": window}
    if window != "open":
        return render(request, "registrations/register.html", context, status=400 if request.method == "POST" else 200)

    data = request.POST if request.method == "POST" else None
    form = RegistrationForm(data, program=program, language=get_language())
    context["form"] = form
    if request.method != "POST":
        return render(request, "registrations/register.html", context)
    if not form.is_valid():
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
    if form.is_spam:
        # Answer as if it worked, so the sender learns nothing to adapt to.
        return render(request, "registrations/answer.html", {"program": program, "received_only": True})

    try:
        registration = services.register(program, registration_data(form))
    except services.DuplicateRegistration:
        return render(request, "registrations/answer.html", {"program": program, "duplicate": True})
    except services.RegistrationError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return render(request, "registrations/register.html", context, status=400)
    # Rendered, not redirected: the answer page is the only place the token
    # appears before the e-mail arrives, and it must not be cached or indexed.
    return keep_private(render(request, "registrations/answer.html", {
        "program": program,
        "registration": registration,
        "waitlist_position": capacity.waitlist_position(registration),
    }))


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
    return render(request, "registrations/participant.html", {
        "registration": registration,
        "program": program,
        "agenda": agenda_by_day(program),
        "waitlist_position": capacity.waitlist_position(registration),
        "join_url": join_url,
        "join_link_pending": not join_url and join_link_rules.join_link_pending(registration),
        "can_change_mode": can_change_mode(registration),
    })


@token_page
@require_http_methods(["GET"])
def calendar(request, token):
    registration = registration_for_token(token)
    ics = program_calendar(
        registration.program,

        join_url=join_link_rules.join_url_for(registration),
        page_url=request.build_absolute_uri(registration.get_absolute_url()),
    )
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
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
    registration = registration_for_token(token)
    program = registration.program
    context = {
        "registration": registration,
        "program": program,
        "can_change_mode": can_change_mode(registration),
        "waitlist_position": None,  # an inactive registration has no place in line
    }
    action = request.POST.get("action") if request.method == "POST" else None
    mode_form = ChangeModeForm(
        request.POST if action == "mode" else None, program=program, initial={"mode": registration.mode}
    )
    details_form = ParticipantDetailsForm(
        request.POST if action == "details" else None,
        initial={**{field: getattr(registration, field) for field in DETAIL_FIELDS},
                 "country": registration.country.code},
    )
    context.update({"mode_form": mode_form, "details_form": details_form})
    if not registration.is_active:
        return render(request, "registrations/edit.html", context, status=400 if action else 200)

    if action == "mode" and not context["can_change_mode"]:
        mode_form.add_error(None, _("The attendance mode cannot be changed for this program."))
    elif action == "mode" and mode_form.is_valid() and mode_form.cleaned_data["mode"] == registration.mode:
        messages.info(request, _("Nothing has changed: that is already your attendance mode."))
        return redirect(registration.get_absolute_url())
    elif action == "details" and details_form.is_valid() and not details_form.has_changed():
        messages.info(request, _("Nothing has changed: your details were already like this."))
        return redirect(registration.get_absolute_url())
    elif action == "mode" and mode_form.is_valid():
        try:
            services.change_mode(registration, mode_form.cleaned_data["mode"])
        except services.RegistrationError as error:
            mode_form.add_error(None, error.message)
        else:
            messages.success(request, _("Your attendance mode is updated."))
            return redirect(registration.get_absolute_url())
    elif action == "details" and details_form.is_valid():
        try:
            services.update_details(registration, {f: details_form.cleaned_data[f] for f in DETAIL_FIELDS})
        except services.RegistrationError as error:
            details_form.add_error(None, error.message)
        else:
            messages.success(request, _("Your details are updated."))
            return redirect(registration.get_absolute_url())
    elif action not in (None, "mode", "details"):
        return render(request, "registrations/edit.html", context, status=400)
    status = 400 if action else 200
    return render(request, "registrations/edit.html", context, status=status)
