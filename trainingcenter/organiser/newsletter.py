"""Organisers' newsletter pages: compose an issue from recent posts and upcoming programs, edit it per
language, preview each language, send a test to oneself, send it in the background and watch it go.

Every page needs ``news.change_issue``; the work is done by ``news.issues``.
"""
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from trainingcenter.news import issues
from trainingcenter.news.models import Issue

from .views import _context

PERMISSION = "news.change_issue"
LANGUAGES = settings.LANGUAGES


def _allowed(view):
    @staff_member_required
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


class IssueForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in LANGUAGES:
            suffix = code.replace("-", "_")
            self.fields[f"subject_{suffix}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name}, max_length=200,
                required=code == settings.LANGUAGE_CODE,
                error_messages={"required": _("Please give the issue a subject in English."),
                                "max_length": _("Please keep the subject under 200 characters.")},
            )
            self.fields[f"body_{suffix}"] = forms.CharField(
                label=_("Text (%(language)s), HTML") % {"language": name}, required=code == settings.LANGUAGE_CODE,
                widget=forms.Textarea(attrs={"rows": 12}),
                error_messages={"required": _("Please write the issue's text in English.")},
            )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language"), choices=LANGUAGES,
        error_messages={"invalid_choice": gettext_lazy("Please choose one of the site's languages.")},
    )


@_allowed
@require_safe
def issue_list(request):
    return render(request, "organiser/newsletter.html", _context(
        request, issues=Issue.objects.all()[:50], title=_("Newsletter issues"),
    ))


@_allowed
@require_POST
def issue_compose(request):
    issue = issues.compose(user=request.user)
    messages.success(request, _("A new issue is ready to edit, filled in from recent posts and upcoming programs."))
    return redirect("staff:newsletter_issue", pk=issue.pk)


@_allowed
@require_http_methods(["GET", "POST"])
def issue_detail(request, pk):
    """Edit a draft; once sending, the progress and each recipient's status (the page refreshes itself)."""
    issue = get_object_or_404(Issue, pk=pk)
    initial = {f"{field}_{code.replace('-', '_')}": getattr(issue, f"{field}_{code.replace('-', '_')}") or ""
               for field in ("subject", "body") for code, _name in LANGUAGES}
    form = IssueForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if issue.status != Issue.Status.DRAFT:
            messages.error(request, _("This issue is being sent or was sent; it can no longer be changed."))
            return redirect("staff:newsletter_issue", pk=issue.pk)
        if form.is_valid():
            issues.save_issue(issue, **form.cleaned_data)
            messages.success(request, _("The issue is saved."))
            return redirect("staff:newsletter_issue", pk=issue.pk)
        status = 400
    figures = issues.progress(issue)
    recipients = issue.deliveries.select_related("mail").order_by("pk")
    deliveries = Paginator(recipients, 100).get_page(request.GET.get("page"))
    return render(request, "organiser/newsletter_issue.html", _context(
        request, issue=issue, form=form, figures=figures, deliveries=deliveries, languages=LANGUAGES,
        language_form=LanguageForm(initial={"language": request.LANGUAGE_CODE}),
        title=str(issue), refresh=issue.status == Issue.Status.SENDING,
    ), status=status)


@_allowed
@require_safe
def issue_preview(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    form = LanguageForm(request.GET or {"language": request.LANGUAGE_CODE})
    language = form.cleaned_data["language"] if form.is_valid() else settings.LANGUAGE_CODE
    subject, text, html = issues.render(issue, language, unsubscribe_url="#")
    body = issues.clean_html(getattr(issue, f"body_{language.replace('-', '_')}") or issue.body_en)
    return render(request, "organiser/newsletter_preview.html", _context(
        request, issue=issue, form=form, language=language, subject=subject, body=mark_safe(body),  # noqa: S308
        text=text, title=_("Preview"),
    ))


@_allowed
@require_POST
def issue_test(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    form = LanguageForm(request.POST)
    if not request.user.email:
        messages.error(request, _("Your account has no e-mail address to send the test to."))
    elif not form.is_valid():
        messages.error(request, _("Please choose one of the site's languages."))
    else:
        issues.send_test(issue, to=request.user.email, language=form.cleaned_data["language"])
        messages.success(request, _("A test is on its way to %(email)s.") % {"email": request.user.email})
    return redirect("staff:newsletter_issue", pk=issue.pk)


@_allowed
@require_POST
def issue_send(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    if issues.start_sending(issue):
        messages.success(request, _("Sending has started; this page shows its progress."))
    else:
        messages.error(request, _("This issue is already being sent or was sent."))
    return redirect("staff:newsletter_issue", pk=issue.pk)
