"""Organisers' pages for one program's registrations: overview, export, message.

They sit beside the admin and look like it. Every view needs a staff login,
a program the user manages (``Program.objects.managed_by``; others are a plain
404) and a permission: viewing needs ``view_registration`` (check-in staff
have it), exporting and messaging need ``change_registration``.
"""
from functools import wraps
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_countries import countries as all_countries

from trainingcenter.programs.models import Program
from trainingcenter.registrations import capacity, exports
from trainingcenter.registrations.models import Message, Registration
from trainingcenter.registrations.services import messaging

from .forms import ExportForm, MessageForm

VIEW_PERMISSION = "registrations.view_registration"
CHANGE_PERMISSION = "registrations.change_registration"
TOP_COUNTRIES = 15
Status = Registration.Status


def program_view(permission):
    """Staff login, the permission, and a program the user manages, passed to the view."""

    def decorator(view):
        @staff_member_required
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            program = get_object_or_404(Program.objects.managed_by(request.user), slug=slug)
            if not request.user.has_perm(permission):
                raise PermissionDenied
            return view(request, program, *args, **kwargs)

        return wrapped

    return decorator


def _context(request, program=None, **extra):
    """The admin's own page context, so these pages share its header, colours and menu."""
    context = admin.site.each_context(request)
    context.update(program=program, may_change=request.user.has_perm(CHANGE_PERMISSION), **extra)
    return context


def changelist_url(program, **filters):
    query = {"program__id__exact": program.pk, **filters}
    return reverse("admin:registrations_registration_changelist") + "?" + urlencode(query)


@staff_member_required
def index(request):
    """The programs this user manages, each with its registration figures."""
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    programs = (
        Program.objects.managed_by(request.user)
        .annotate(registration_count=Count("registrations"))
        .order_by("-starts")
    )
    return render(request, "organiser/index.html", _context(
        request, programs=programs, title=_("Registrations per program"),
    ))


def mode_rows(program, counts):
    """Per attendance mode: seats, who holds them, who waits; with a bar's width."""
    rows = []
    for mode, seats in capacity.availability(program).items():
        by_status = {status: counts.get((status, mode), 0) for status in Status.values}
        percent = None
        if seats.capacity:
            percent = min(round(100 * seats.taken / seats.capacity), 100)
        rows.append({
            "mode": mode,
            "label": Registration.Mode(mode).label,
            "capacity": seats.capacity,
            "taken": seats.taken,
            "left": seats.left,
            "full": seats.full,
            "percent": percent,
            "confirmed": by_status[Status.CONFIRMED],
            "awaiting": by_status[Status.AWAITING_APPROVAL],
            "waitlisted": by_status[Status.WAITLISTED],
            "cancelled": by_status[Status.CANCELLED],
            "rejected": by_status[Status.REJECTED],
            "confirmed_url": changelist_url(program, status__exact=Status.CONFIRMED, mode__exact=mode),
            "waitlisted_url": changelist_url(program, status__exact=Status.WAITLISTED, mode__exact=mode),
        })
    return rows


def country_rows(program):
    """Countries of the people taking part, the most frequent first."""
    names = dict(all_countries)
    rows = (
        Registration.objects.filter(program=program).active()
        .values("country").annotate(count=Count("pk")).order_by("-count", "country")
    )
    return [
        {"code": row["country"], "name": names.get(row["country"], row["country"]), "count": row["count"],
         "url": changelist_url(program, country__exact=row["country"])}
        for row in rows
    ]


@program_view(VIEW_PERMISSION)
def program_registrations(request, program):
    """Counts per status and mode against capacity, countries, and the tools to act on them."""
    counts = {
        (row["status"], row["mode"]): row["count"]
        for row in Registration.objects.filter(program=program)
        .values("status", "mode").annotate(count=Count("pk")).order_by()
    }
    status_rows = [
        {
            "status": status, "label": label,
            "count": sum(n for (s, _m), n in counts.items() if s == status),
            "url": changelist_url(program, status__exact=status),
        }
        for status, label in Status.choices
    ]
    countries = country_rows(program)
    may_change = request.user.has_perm(CHANGE_PERMISSION)
    return render(request, "organiser/overview.html", _context(
        request, program,
        title=_("Registrations: %(program)s") % {"program": program},
        total=sum(counts.values()),
        status_rows=status_rows,
        mode_rows=mode_rows(program, counts),
        top_countries=countries[:TOP_COUNTRIES],
        country_count=len(countries),
        all_url=changelist_url(program),
        export_form=ExportForm(program=program) if may_change else None,
        message_form=MessageForm(program=program) if may_change else None,
        recent_messages=Message.objects.filter(program=program).select_related("created_by")[:5],
    ))


@program_view(CHANGE_PERMISSION)
def export(request, program):
    """The export form; a valid submission downloads the file (GET: it changes nothing)."""
    form = ExportForm(request.GET or None, program=program)
    if form.is_bound and form.is_valid():
        queryset = form.queryset()
        columns = form.cleaned_data["columns"]
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        name = f"registrations-{slugify(program.slug)}-{stamp}"
        if form.cleaned_data["format"] == "xlsx":
            response = HttpResponse(
                exports.registrations_xlsx(queryset, columns),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        else:
            response = HttpResponse(
                exports.registrations_csv(queryset, columns), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "organiser/export.html", _context(
        request, program, title=_("Export registrations: %(program)s") % {"program": program}, form=form,
    ))


@require_http_methods(["GET", "POST"])
@program_view(CHANGE_PERMISSION)
def message(request, program):
    """Compose, preview (per language written: how many get it, and the first one's e-mail), then send."""
    form = MessageForm(request.POST or None, program=program)
    preview = None
    recipients = None
    if request.method == "POST" and form.is_valid():
        filters = form.audience_filters()
        texts = {
            "subject": form.cleaned_data["subject"], "body": form.cleaned_data["body"],
            "translations": form.translations(),
        }
        try:
            preview = messaging.preview(program, **texts, **filters)
        except messaging.MessagingError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            recipients = sum(version["count"] for version in preview)
        if preview and "send" in request.POST and recipients:
            try:
                sent = messaging.send_message(program, **texts, actor=request.user, **filters)
            except messaging.MessagingError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _(
                    "Your message “%(subject)s” is being sent to %(count)d participants."
                ) % {"subject": sent.subject, "count": recipients})
                return redirect("staff:program_registrations", slug=program.slug)
        if preview and not recipients:
            form.add_error(None, _("No participant matches these choices; nothing would be sent."))
            preview = None
    return render(request, "organiser/message.html", _context(
        request, program, title=_("Message participants: %(program)s") % {"program": program},
        form=form, preview=preview, recipients=recipients,
    ))
