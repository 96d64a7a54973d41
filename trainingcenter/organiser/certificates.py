"""Organisers' certificates page for one program: issue to everyone who attended, by hand, revoke, re-issue.

- ``certificates``: the settings (kind, hours, signatories), the button that
  issues certificates to everyone who attended and has none (in the
  background; the page shows the run's progress, refreshed by a small script
  or by reloading), issuing one by hand with a reason, and the list of
  certificates with their status, PDF, and revoke / re-issue with a reason.
- ``progress``: the latest run's figures as JSON, for the script.

Viewing needs ``registrations.view_registration``, every change
``registrations.change_registration``, and the program must be one the user
manages (``views.program_view``). The work is done by the certificates app's
services; nothing here writes a model.
"""
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from trainingcenter.attendance import rules
from trainingcenter.certificates import codes, services
from trainingcenter.certificates import pdf as certificate_pdf
from trainingcenter.certificates.models import (
    MAX_SIGNATORIES,
    REASON_MAX_LENGTH,
    Certificate,
    CertificateEvent,
    Kind,
)
from trainingcenter.registrations.models import Registration

from .views import CHANGE_PERMISSION, VIEW_PERMISSION, _context, program_view

PER_PAGE = 100
# Seconds between the page script's looks at a run under way.
POLL_SECONDS = 2


class SettingsForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind of certificate"), choices=Kind.choices,
                             widget=forms.RadioSelect)
    hours = forms.DecimalField(
        label=gettext_lazy("Hours"), required=False, min_value=0.5, max_value=9999, decimal_places=1,
        help_text=gettext_lazy("Printed on the certificate. Empty: the agenda's scheduled time, breaks left out."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(1, MAX_SIGNATORIES + 1):
            self.fields[f"name_{index}"] = forms.CharField(
                label=_("Signatory %(number)d: name") % {"number": index}, required=False,
                max_length=services.SIGNATORY_MAX_LENGTH,
            )
            self.fields[f"title_{index}"] = forms.CharField(
                label=_("Signatory %(number)d: title and organisation") % {"number": index}, required=False,
                max_length=services.SIGNATORY_MAX_LENGTH,
            )

    @classmethod
    def initial_from(cls, row):
        initial = {"kind": row.kind, "hours": row.hours}
        for index, signatory in enumerate(row.signatories or [], start=1):
            initial[f"name_{index}"] = signatory.get("name", "")
            initial[f"title_{index}"] = signatory.get("title", "")
        return initial

    def signatories(self):
        return [
            {"name": self.cleaned_data[f"name_{index}"], "title": self.cleaned_data[f"title_{index}"]}
            for index in range(1, MAX_SIGNATORIES + 1)
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=REASON_MAX_LENGTH)


class ByHandForm(forms.Form):
    registration = forms.IntegerField(min_value=1, max_value=2**63 - 1)
    reason = forms.CharField(max_length=REASON_MAX_LENGTH)


class Filters(forms.Form):
    STATUSES = [("", gettext_lazy("All"))] + list(Certificate.Status.choices)

    q = forms.CharField(label=gettext_lazy("Name, e-mail or code"), required=False, max_length=100)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False, choices=STATUSES)


def _run_figures(run):
    if run is None:
        return None
    return {
        "id": run.pk,
        "total": run.total,
        "issued": run.issued,
        "skipped": run.skipped,
        "failed": run.failed,
        "processed": run.processed,
        "percent": run.percent,
        "finished": run.is_finished,
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
    }


def _filtered(program, filters):
    certificates = (
        Certificate.objects.filter(program=program)
        .select_related("registration", "issued_by", "revoked_by", "replaced_by")
        .order_by("name", "-issued_at", "-pk")
    )
    if filters.is_valid():
        data = filters.cleaned_data
        if data["status"]:
            certificates = certificates.filter(status=data["status"])
        text = (data["q"] or "").strip()
        if text:
            code = codes.clean(text)
            certificates = certificates.filter(
                Q(name__icontains=text) | Q(registration__email__icontains=text) | Q(code=code)
            )
    return certificates


@never_cache
@require_GET
@program_view(VIEW_PERMISSION)
def certificates(request, program):
    """The program's certificates and the tools to issue, revoke and re-issue them."""
    settings_row = services.settings_for(program)
    filters = Filters(request.GET or None)
    page = Paginator(_filtered(program, filters), PER_PAGE).get_page(request.GET.get("page"))
    history = {
        certificate_id: events
        for certificate_id, events in _history([certificate.pk for certificate in page.object_list]).items()
    }
    for certificate in page.object_list:
        certificate.history = history.get(certificate.pk, [])
    counts = {
        row["status"]: row["count"]
        for row in Certificate.objects.filter(program=program).values("status").annotate(count=Count("pk")).order_by()
    }
    run = services.latest_run(program)
    results = rules.program_results(program)
    holding = Certificate.objects.valid().filter(program=program).values("registration_id")
    by_hand = (
        Registration.objects.filter(program=program, personal_data_erased_at__isnull=True)
        .exclude(status__in=Registration.INACTIVE_STATUSES).exclude(pk__in=holding)
        .only("pk", "given_name", "family_name", "email").order_by("family_name", "given_name", "pk")
    )
    query = {key: value for key, value in request.GET.items() if key != "page" and value}
    return render(request, "organiser/certificates.html", _context(
        request, program,
        title=_("Certificates: %(program)s") % {"program": program},
        settings_form=SettingsForm(initial=SettingsForm.initial_from(settings_row)),
        settings_row=settings_row,
        default_hours=services.scheduled_hours(program),
        counts={"valid": counts.get("valid", 0), "revoked": counts.get("revoked", 0),
                "replaced": counts.get("replaced", 0)},
        attended=sum(result.attended for result in results),
        # What "issue to everyone who attended" would issue now.
        missing=len(services.eligible_registration_ids(program, results=results)),
        run=run,
        run_figures=_run_figures(run),
        poll_seconds=POLL_SECONDS,
        by_hand=by_hand,
        filters=filters if filters.is_bound else Filters(),
        page=page,
        page_query=urlencode(query),
        reason_max=REASON_MAX_LENGTH,
        back=request.get_full_path(),
    ))


def _history(certificate_ids):
    found = {}
    events = CertificateEvent.objects.filter(certificate_id__in=certificate_ids).select_related("actor")
    for event in events.order_by("at", "pk"):
        found.setdefault(event.certificate_id, []).append(event)
    return found


def _page(program, anchor=""):
    return reverse("staff:certificates", kwargs={"slug": program.slug}) + (f"#{anchor}" if anchor else "")


@never_cache
@require_GET
@program_view(VIEW_PERMISSION)
def progress(request, program):
    """The latest issuing run's figures, for the page's script (and anyone who prefers JSON)."""
    return JsonResponse({"run": _run_figures(services.latest_run(program))})


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def issue_all(request, program):
    """Start issuing certificates to everyone who attended and has none; the page shows the progress."""
    run = services.issue_certificates(program, actor=request.user)
    if run.is_finished and not run.total:
        messages.info(request, _("Everyone who attended already holds a certificate: nothing to issue."))
    else:
        messages.success(request, ngettext(
            "Issuing %(count)d certificate in the background.", "Issuing %(count)d certificates in the background.",
            run.total,
        ) % {"count": run.total})
    return redirect(_page(program, "issuing"))


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def save_settings(request, program):
    form = SettingsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check the certificate settings: %(errors)s") % {
            "errors": "; ".join(str(error) for errors in form.errors.values() for error in errors),
        })
        return redirect(_page(program, "settings"))
    try:
        services.save_settings(program, kind=form.cleaned_data["kind"], hours=form.cleaned_data["hours"],
                               signatories=form.signatories(), actor=request.user)
    except services.CertificateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Saved. Certificates issued from now on use these settings."))
    return redirect(_page(program, "settings"))


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def issue_by_hand(request, program):
    form = ByHandForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a participant and give a reason."))
        return redirect(_page(program, "by-hand"))
    registration = get_object_or_404(Registration, program=program, pk=form.cleaned_data["registration"])
    try:
        certificate = services.issue_certificate(registration, actor=request.user,
                                                 reason=form.cleaned_data["reason"])
    except services.CertificateError as error:
        messages.error(request, error.message)
        return redirect(_page(program, "by-hand"))
    messages.success(request, _("Certificate %(code)s issued to %(name)s.") % {
        "code": certificate.grouped_code, "name": certificate.name,
    })
    return redirect(_page(program, f"c-{certificate.pk}"))


def _certificate(program, pk):
    return get_object_or_404(Certificate.objects.select_related("registration", "program"), program=program, pk=pk)


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def revoke(request, program, pk):
    certificate = _certificate(program, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason of at most %(max)d characters.") % {"max": REASON_MAX_LENGTH})
        return redirect(_page(program, f"c-{certificate.pk}"))
    try:
        services.revoke_certificate(certificate, actor=request.user, reason=form.cleaned_data["reason"])
    except services.CertificateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Certificate %(code)s revoked.") % {"code": certificate.grouped_code})
    return redirect(_page(program, f"c-{certificate.pk}"))


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def reissue(request, program, pk):
    certificate = _certificate(program, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason of at most %(max)d characters.") % {"max": REASON_MAX_LENGTH})
        return redirect(_page(program, f"c-{certificate.pk}"))
    try:
        new = services.reissue_certificate(certificate, actor=request.user, reason=form.cleaned_data["reason"])
    except services.CertificateError as error:
        messages.error(request, error.message)
        return redirect(_page(program, f"c-{certificate.pk}"))
    messages.success(request, _("Certificate %(old)s replaced by %(new)s, issued to %(name)s.") % {
        "old": certificate.grouped_code, "new": new.grouped_code, "name": new.name,
    })
    return redirect(_page(program, f"c-{new.pk}"))


@never_cache
@require_GET
@program_view(VIEW_PERMISSION)
def certificate_pdf_view(request, program, pk):
    """Any of the program's certificates as its participant got it (revoked and replaced ones too)."""
    certificate = _certificate(program, pk)
    response = HttpResponse(services.pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_pdf.filename(certificate)}"'
    return response
