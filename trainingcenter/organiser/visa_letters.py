"""Organisers' page of one program's visa invitation letter requests: approve, refuse, download.

The only staff page that shows passport details: it needs
``change_registration`` and a program the user manages (``views.program_view``),
and is never cached. The decisions and the letter go through
``registrations.services.visa_letters`` and ``registrations.visa_letter_pdf``.
"""
from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from trainingcenter.registrations import visa_letter_pdf
from trainingcenter.registrations.models import VisaLetterRequest
from trainingcenter.registrations.services import RegistrationError, visa_letters

from .views import CHANGE_PERMISSION, _context, program_view

Status = VisaLetterRequest.Status
# Requests waiting for a decision first, then the decided ones.
STATUS_ORDER = {Status.REQUESTED: 0, Status.APPROVED: 1, Status.REFUSED: 2}


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", "approve"), ("refuse", "refuse")])
    reason = forms.CharField(
        label=gettext_lazy("Reason for the participant (optional)"), required=False,
        max_length=visa_letters.REASON_MAX_LENGTH,
    )


def _requests(program):
    letters = list(
        VisaLetterRequest.objects.filter(registration__program=program)
        .select_related("registration", "decided_by")
    )
    letters.sort(key=lambda letter: (STATUS_ORDER.get(letter.status, 9), letter.requested_at, letter.pk))
    return letters


@never_cache
@require_GET
@program_view(CHANGE_PERMISSION)
def visa_letter_list(request, program):
    letters = _requests(program)
    waiting = sum(1 for letter in letters if letter.status == Status.REQUESTED)
    return render(request, "organiser/visa_letters.html", _context(
        request, program,
        title=_("Visa invitation letters: %(program)s") % {"program": program},
        letters=letters,
        waiting=waiting,
        offered=visa_letters.letters_offered(program),
        erase_after=letters[0].erase_after if letters else None,
    ))


@never_cache
@require_POST
@program_view(CHANGE_PERMISSION)
def decide(request, program, pk):
    letter = get_object_or_404(VisaLetterRequest.objects.select_related("registration"), pk=pk,
                               registration__program=program)
    form = DecisionForm(request.POST)
    back = reverse("staff:visa_letters", kwargs={"slug": program.slug}) + f"#letter-{letter.pk}"
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect(back)
    name = letter.registration.full_name
    try:
        if form.cleaned_data["action"] == "approve":
            visa_letters.approve_letter(letter, actor=request.user)
            messages.success(request, _("The letter for %(name)s is approved; they have been told by e-mail.")
                             % {"name": name})
        else:
            visa_letters.refuse_letter(letter, actor=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The request of %(name)s is refused; they have been told by e-mail.")
                             % {"name": name})
    except RegistrationError as error:
        messages.error(request, error.message)
    return redirect(back)


@never_cache
@require_GET
@program_view(CHANGE_PERMISSION)
def letter_pdf(request, program, pk):
    """The approved letter, for staff to check or print."""
    letter = get_object_or_404(VisaLetterRequest.objects.select_related("registration__program"), pk=pk,
                               registration__program=program)
    if not letter.letter_available:
        raise Http404
    response = HttpResponse(visa_letter_pdf.render_letter(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{visa_letter_pdf.filename(letter)}"'
    patch_cache_control(response, private=True, no_store=True)
    return response
