"""Organisers' attendance pages for one program: who attended under the rule, Zoom reports, people not matched.

- ``results``: every confirmed participant with their online minutes and
  days checked in, the result and its reason, and the organiser's decision
  (with its reason, kept in the registration's history); a CSV download.
- ``import_report``: upload a Zoom participant report (times read in a zone
  the organiser picks, the program's by default), fetch the reports from
  Zoom for programs whose provider is Zoom, and the imports so far (each can
  be taken back, e.g. when read in the wrong time zone).
- ``people``: the people in Zoom's reports no registration matched, each to
  link to a registration or to ignore; the choice is kept for later reports.

Viewing needs ``registrations.view_registration``, every change
``registrations.change_registration``, and the program must be one the user
manages (``views.program_view``). The work is done by the attendance app's
services; nothing here writes a model.
"""
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trainingcenter.attendance import exports, rules
from trainingcenter.attendance.matching import MATCHED_BY_NAME, MATCHED_BY_ORGANISER, Suggestions
from trainingcenter.attendance.models import ZoomAttendee, ZoomFetch, ZoomInterval, ZoomReport
from trainingcenter.attendance.services import decisions, zoom_fetch, zoom_import
from trainingcenter.attendance.uploads import limit_uploads
from trainingcenter.attendance.zoom_reports import FILE_HELP, MAX_FILE_BYTES, ReportError, too_large_message
from trainingcenter.meetings import providers, zoom
from trainingcenter.programs.forms import time_zone_choices
from trainingcenter.registrations.models import Registration

from .views import CHANGE_PERMISSION, VIEW_PERMISSION, _context, program_view

RESULTS_PER_PAGE = 100
PEOPLE_PER_PAGE = 50
# Registrations offered in each person's list beside the suggestions; the e-mail field reaches the others.
LINK_CHOICES = 150


# --- forms -------------------------------------------------------------------------------------------


class ImportForm(forms.Form):
    # Empty files are let through to the report reader, whose message says what Zoom's file should be.
    file = forms.FileField(label=gettext_lazy("Zoom participant report (CSV)"), help_text=FILE_HELP,
                           allow_empty_file=True, widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}))
    time_zone = forms.ChoiceField(label=gettext_lazy("Times in the file are in"), choices=time_zone_choices,
                                  required=False)

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].initial = program.time_zone
        self.fields["time_zone"].help_text = _(
            "Zoom writes the times of the account that exported the report. Default: the program's time zone, "
            "%(zone)s."
        ) % {"zone": program.time_zone}


class ResultFilters(forms.Form):
    RESULTS = [("", gettext_lazy("Everyone")), ("attended", gettext_lazy("Attended")),
               ("not_attended", gettext_lazy("Did not attend")), ("decided", gettext_lazy("Decided by an organiser"))]

    q = forms.CharField(label=gettext_lazy("Name or e-mail"), required=False, max_length=100)
    mode = forms.ChoiceField(label=gettext_lazy("Attendance mode"), required=False,
                             choices=[("", gettext_lazy("All"))] + list(Registration.Mode.choices))
    result = forms.ChoiceField(label=gettext_lazy("Result"), required=False, choices=RESULTS)


class DecisionForm(forms.Form):
    DECISIONS = [("attended", "attended"), ("not_attended", "not_attended"), ("rule", "rule")]

    decision = forms.ChoiceField(choices=DECISIONS)
    reason = forms.CharField(required=False, max_length=decisions.REASON_MAX_LENGTH)


class PersonForm(forms.Form):
    action = forms.ChoiceField(choices=[(name, name) for name in ("link", "ignore", "unlink", "reset")])
    registration = forms.IntegerField(required=False, min_value=1, max_value=2**63 - 1)
    email = forms.CharField(required=False, max_length=254)


# --- results -------------------------------------------------------------------------------------------


def _filtered(results, filters):
    if not filters.is_valid():
        return results
    data = filters.cleaned_data
    if data["mode"]:
        results = [r for r in results if r.mode == data["mode"]]
    if data["result"] == "attended":
        results = [r for r in results if r.attended]
    elif data["result"] == "not_attended":
        results = [r for r in results if not r.attended]
    elif data["result"] == "decided":
        results = [r for r in results if r.overridden]
    words = (data["q"] or "").lower().split()
    if words:
        results = [r for r in results if all(word in f"{r.name} {r.email}".lower() for word in words)]
    return results


def _figures(results):
    online = [r for r in results if r.mode == Registration.Mode.ONLINE]
    onsite = [r for r in results if r.mode == Registration.Mode.ONSITE]
    return {
        "confirmed": len(results),
        "attended": sum(r.attended for r in results),
        "online": len(online), "online_attended": sum(r.attended for r in online),
        "onsite": len(onsite), "onsite_attended": sum(r.attended for r in onsite),
        "decided": sum(r.overridden for r in results),
    }


@never_cache
@require_GET
@program_view(VIEW_PERMISSION)
def results(request, program):
    """Every confirmed participant judged under the program's rule, with the organisers' decisions."""
    rule = rules.rule_for(program)
    everyone = rules.program_results(program, rule=rule)
    filters = ResultFilters(request.GET or None)
    shown = _filtered(everyone, filters)
    page = Paginator(shown, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    query = {key: value for key, value in request.GET.items() if key != "page" and value}
    reports = ZoomReport.objects.filter(program=program).aggregate(count=Count("pk"), last=Max("imported_at"))
    return render(request, "organiser/attendance.html", _context(
        request, program,
        title=_("Attendance: %(program)s") % {"program": program},
        rule=rule,
        online_minutes_needed=-(-rule.threshold * rule.scheduled_minutes // 100),
        figures=_figures(everyone),
        filters=filters if filters.is_bound else ResultFilters(),
        page=page,
        page_query=urlencode(query),
        back=request.get_full_path(),
        reports=reports,
        unmatched=_unmatched(program).count(),
        may_edit_program=request.user.has_perm("programs.change_program"),
        # Before the last session ends, "did not attend" would be a verdict on days still to come.
        program_over=program.ends <= timezone.now(),
        program_started=program.starts <= timezone.now(),
    ))


def _back(request, program, default_name="staff:attendance"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return reverse(default_name, kwargs={"slug": program.slug})


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def decide(request, program, registration_id):
    """The organiser's decision for one participant, or its withdrawal; the reason goes to the history."""
    registration = get_object_or_404(Registration, program=program, pk=registration_id)
    form = DecisionForm(request.POST)
    back = _back(request, program).split("#")[0] + f"#r-{registration.pk}"
    if not form.is_valid():
        messages.error(request, _("Please choose a decision and give a reason of at most %(max)d characters.")
                       % {"max": decisions.REASON_MAX_LENGTH})
        return redirect(back)
    decision, reason = form.cleaned_data["decision"], form.cleaned_data["reason"]
    name = registration.full_name
    try:
        if decision == "rule":
            if decisions.clear_attendance_decision(registration, actor=request.user, reason=reason):
                messages.success(request, _("The rule decides again for %(name)s.") % {"name": name})
        else:
            decisions.decide_attendance(registration, attended=decision == "attended", reason=reason,
                                        actor=request.user)
            if decision == "attended":
                messages.success(request, _("%(name)s counts as attended.") % {"name": name})
            else:
                messages.success(request, _("%(name)s counts as not attended.") % {"name": name})
    except zoom_import.AttendanceError as error:
        messages.error(request, error.message)
    return redirect(back)


@never_cache
@require_GET
@program_view(CHANGE_PERMISSION)
def export(request, program):
    """The results as CSV, everyone confirmed (as on the page without filters)."""
    response = HttpResponse(exports.results_csv(rules.program_results(program)), content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="attendance-{slugify(program.slug)}-{stamp}.csv"'
    return response


# --- importing reports --------------------------------------------------------------------------------


def _import_summary(result):
    if result.already_imported:
        return _("This report was imported before (on %(date)s): nothing changed.") % {
            "date": timezone.localtime(result.report.imported_at).strftime("%Y-%m-%d %H:%M"),
        }
    text = ngettext(
        "Read %(rows)d row of people connected: %(matched)d matched to registrations, %(unmatched)d not matched, "
        "%(ignored)d ignored.",
        "Read %(rows)d rows of people connected: %(matched)d matched to registrations, %(unmatched)d not matched, "
        "%(ignored)d ignored.",
        result.rows,
    ) % {"rows": result.rows, "matched": result.matched, "unmatched": result.unmatched, "ignored": result.ignored}
    text += " " + ngettext(
        "%(count)d connection interval added.", "%(count)d connection intervals added.", result.intervals_stored,
    ) % {"count": result.intervals_stored}
    if result.skipped:
        text += " " + ngettext(
            "%(count)d row without attendance skipped (did not attend, waiting room).",
            "%(count)d rows without attendance skipped (did not attend, waiting room).",
            result.skipped,
        ) % {"count": result.skipped}
    return text


def _zoom_state(program):
    target = providers.zoom_target(program)
    return {
        "can_fetch": target is not None,
        "zoom_target": target,
        "zoom_configured": zoom.is_configured(),
        "pending_fetch": zoom_fetch.pending_fetch(program),
        "fetches": ZoomFetch.objects.filter(program=program).select_related("requested_by")[:5],
    }


def _import_page(request, program, form):
    return render(request, "organiser/attendance_import.html", _context(
        request, program,
        title=_("Import Zoom reports: %(program)s") % {"program": program},
        form=form,
        reports=ZoomReport.objects.filter(program=program).select_related("imported_by"),
        max_megabytes=MAX_FILE_BYTES // (1024 * 1024),
        unmatched=_unmatched(program).count(),
        **_zoom_state(program),
    ))


@never_cache
@require_http_methods(["GET", "POST"])
@program_view(CHANGE_PERMISSION)
def _import_report(request, program, upload_limit=None):
    if request.method != "POST":
        return _import_page(request, program, ImportForm(program=program))
    form = ImportForm(request.POST, request.FILES, program=program)
    if upload_limit is not None and upload_limit.too_large:
        form.add_error("file", too_large_message())
    if not form.is_valid():
        return _import_page(request, program, form)
    upload = form.cleaned_data["file"]
    try:
        result = zoom_import.import_zoom_report(
            program, upload, time_zone=form.cleaned_data["time_zone"] or program.time_zone, actor=request.user,
            name=upload.name,
        )
    except ReportError as error:
        form.add_error("file", error.message)
        return _import_page(request, program, form)
    if result.already_imported:
        messages.info(request, _import_summary(result))
    else:
        messages.success(request, _import_summary(result))
    return redirect("staff:attendance_import", slug=program.slug)


@csrf_exempt
def import_report(request, slug):
    """Upload a report. The size limit goes in before anything reads the body (the CSRF check included)."""
    upload_limit = limit_uploads(request) if request.method == "POST" else None
    return csrf_protect(_import_report)(request, slug, upload_limit=upload_limit)


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def remove_report(request, program, pk):
    """Take an import back: first a page that says what goes, then the removal (``confirm``)."""
    report = get_object_or_404(ZoomReport.objects.select_related("imported_by"), program=program, pk=pk)
    name = report.name or timezone.localtime(report.imported_at).strftime("%Y-%m-%d %H:%M")
    if "confirm" not in request.POST:
        return render(request, "organiser/attendance_remove.html", _context(
            request, program, title=_("Take back an import: %(name)s") % {"name": name}, report=report,
        ))
    zoom_import.remove_report(report, actor=request.user)
    messages.success(request, _("The import “%(name)s” was taken back, with its connection intervals.")
                     % {"name": name})
    return redirect("staff:attendance_import", slug=program.slug)


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def fetch(request, program):
    if not zoom_fetch.can_fetch(program):
        messages.error(request, _("This program's online meeting is not a Zoom meeting with an ID."))
    else:
        zoom_fetch.request_fetch(program, actor=request.user)
        messages.success(request, _(
            "Fetching the participant reports from Zoom. This takes a minute or two: reload this page to see "
            "the result."
        ))
    return redirect("staff:attendance_import", slug=program.slug)


# --- people in the reports ------------------------------------------------------------------------------


def _unmatched(program):
    return ZoomAttendee.objects.filter(program=program, registration__isnull=True, ignored=False)


def _minutes(rule, attendees):
    """{attendee pk: (rows, minutes within the scheduled time)}, for the people listed; one query."""
    spans = {}
    for attendee_id, joined, left in ZoomInterval.objects.filter(attendee__in=attendees).values_list(
        "attendee_id", "joined_at", "left_at"
    ):
        spans.setdefault(attendee_id, []).append((int(joined.timestamp()), int(left.timestamp())))
    return {
        pk: (len(items), rules.overlap_seconds(rules.union(items), rule.scheduled) // 60)
        for pk, items in spans.items()
    }


@never_cache
@require_GET
@program_view(VIEW_PERMISSION)
def people(request, program):
    """The people of the reports to look at: not matched, matched only by name, and the organisers' choices."""
    rule = rules.rule_for(program)
    unmatched = Paginator(_unmatched(program).order_by("display_name", "pk"), PEOPLE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    by_name = list(
        ZoomAttendee.objects.filter(program=program, matched_by=MATCHED_BY_NAME).select_related("registration")
        .order_by("display_name", "pk")
    )
    chosen = list(
        ZoomAttendee.objects.filter(program=program)
        .filter(Q(matched_by=MATCHED_BY_ORGANISER, registration__isnull=False) | Q(ignored=True))
        .select_related("registration").order_by("display_name", "pk")
    )
    listed = list(unmatched) + by_name + chosen
    minutes = _minutes(rule, [attendee.pk for attendee in listed])
    registrations = list(zoom_import.registrations_for_linking(program).only(
        "pk", "given_name", "family_name", "email", "status", "mode",
    ))
    linked = set(
        ZoomAttendee.objects.filter(program=program, registration__isnull=False)
        .values_list("registration_id", flat=True)
    )
    by_pk = {registration.pk: registration for registration in registrations}
    suggestions = Suggestions(registrations)
    without_minutes = [
        registration for registration in registrations
        if registration.pk not in linked and registration.status == Registration.Status.CONFIRMED
    ][:LINK_CHOICES]
    count = len(unmatched.object_list)
    rows = []
    for index, attendee in enumerate(listed):
        # Only the people to link get a list of registrations: the other sections stay light.
        suggested = []
        if index < count:
            suggested = [
                by_pk[pk] for pk in suggestions.for_person(names=[attendee.display_name], email=attendee.email)
            ]
        rows.append({
            "attendee": attendee,
            "rows": minutes.get(attendee.pk, (0, 0))[0],
            "minutes": minutes.get(attendee.pk, (0, 0))[1],
            "suggested": suggested,
        })
    return render(request, "organiser/attendance_people.html", _context(
        request, program,
        title=_("People in Zoom's reports: %(program)s") % {"program": program},
        page=unmatched,
        unmatched_rows=rows[:count],
        by_name_rows=rows[count:count + len(by_name)],
        chosen_rows=rows[count + len(by_name):],
        without_minutes=without_minutes,
        all_registrations=registrations,
        scheduled_minutes=rule.scheduled_minutes,
        back=request.get_full_path(),
    ))


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def person(request, program, pk):
    """Link one person of the reports to a registration, ignore them, or undo the choice."""
    attendee = get_object_or_404(ZoomAttendee, program=program, pk=pk)
    form = PersonForm(request.POST)
    back = _back(request, program, "staff:attendance_people")
    if not form.is_valid():
        messages.error(request, _("Please choose a registration."))
        return redirect(back)
    action = form.cleaned_data["action"]
    label = attendee.display_name or attendee.email or _("this person")
    if action == "ignore":
        zoom_import.ignore_attendee(attendee, actor=request.user)
        messages.success(request, _("%(name)s is ignored, in this report and the next ones.") % {"name": label})
        return redirect(back)
    if action == "unlink":
        zoom_import.unlink_attendee(attendee, actor=request.user)
        messages.success(request, _("%(name)s is no longer counted for anyone: link them to the right registration "
                                    "below, or ignore them.") % {"name": label})
        return redirect(reverse("staff:attendance_people", kwargs={"slug": program.slug}) + f"#person-{attendee.pk}")
    if action == "reset":
        zoom_import.reset_attendee(attendee, actor=request.user)
        messages.success(request, _("Your choice for %(name)s is undone.") % {"name": label})
        return redirect(back)
    candidates = zoom_import.registrations_for_linking(program)
    registration = None
    if form.cleaned_data["registration"]:
        registration = candidates.filter(pk=form.cleaned_data["registration"]).first()
    elif form.cleaned_data["email"].strip():
        registration = candidates.filter(email=form.cleaned_data["email"].strip().lower()).first()
    if registration is None:
        messages.error(request, _("Please choose a registration of this program, or type its e-mail address."))
        return redirect(back)
    try:
        zoom_import.link_attendee(attendee, registration, actor=request.user)
    except zoom_import.AttendanceError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(request, _("%(name)s is now counted for %(registration)s.")
                     % {"name": label, "registration": f"{registration.full_name} <{registration.email}>"})
    return redirect(back)
