"""The participant's visa invitation letter: the request form and the letter itself.

Both sit behind the participant's token (``registrations.token_page``: never
cached, no referrer, not indexed). Passport details are asked only here, kept
out of error reports (``sensitive_post_parameters``) and never shown back on a
page: the letter is their one copy.
"""
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods

from trainingcenter.registrations import visa_letter_pdf
from trainingcenter.registrations.services import RegistrationError, visa_letters

from ..participant_data_forms import VisaLetterForm
from .registrations import registration_for_token, token_page

PASSPORT_FIELDS = ("passport_name", "nationality", "passport_number", "date_of_birth")


@token_page(referrer_policy="same-origin")
@sensitive_post_parameters(*PASSPORT_FIELDS)
@require_http_methods(["GET", "POST"])
def request_letter(request, token):
    registration = registration_for_token(token)
    program = registration.program
    if not visa_letters.letters_offered(program):
        raise Http404
    letter = visa_letters.letter_for(registration)
    # The country they work in is most often the passport's too; only a guess, shown for them to check.
    form = VisaLetterForm(request.POST if request.method == "POST" else None,
                          initial={"nationality": registration.country.code})
    context = {"registration": registration, "program": program, "form": form, "letter": letter,
               "may_request": visa_letters.may_request(registration),
               "retention_days": settings.VISA_LETTER_RETENTION_DAYS}
    if not context["may_request"]:
        status = 400 if request.method == "POST" else 200
        return render(request, "registrations/visa_letter.html", context, status=status)
    if request.method == "POST":
        if form.is_valid():
            details = visa_letters.PassportDetails(**{name: form.cleaned_data[name] for name in PASSPORT_FIELDS})
            try:
                visa_letters.request_letter(registration, details)
            except RegistrationError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _(
                    "Your request for an invitation letter has been sent to the organisers. We will tell you by "
                    "e-mail when they have decided."
                ))
                return redirect(registration.get_absolute_url() + "#visa-letter")
        return render(request, "registrations/visa_letter.html", context, status=400)
    return render(request, "registrations/visa_letter.html", context)


@token_page
@require_GET
def letter_pdf(request, token):
    """The approved letter as a PDF download; a plain 404 while there is none."""
    registration = registration_for_token(token)
    letter = visa_letters.letter_for(registration)
    if letter is None or not visa_letters.may_download(letter):
        raise Http404
    response = HttpResponse(visa_letter_pdf.render_letter(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{visa_letter_pdf.filename(letter)}"'
    return response
