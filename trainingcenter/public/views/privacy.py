"""The participant's own data: download all of it (JSON), or erase it.

Behind the participant's token like their page. Erasing replaces the token,
so the old link stops working; the participant lands on a page that says
what was done, which carries no token.
"""
import json

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from trainingcenter.registrations.services import privacy, visa_letters

from ..participant_data_forms import EraseDataForm
from .registrations import keep_private, registration_for_token, token_page


@token_page
@require_GET
def my_data(request, token):
    registration = registration_for_token(token)
    data = privacy.personal_data_export(registration)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="my-data-{registration.program.slug}-{stamp}.json"'
    return response


@token_page(referrer_policy="same-origin")
@require_http_methods(["GET", "POST"])
def erase(request, token):
    registration = registration_for_token(token)
    program = registration.program
    form = EraseDataForm(request.POST if request.method == "POST" else None)
    context = {
        "registration": registration,
        "program": program,
        "form": form,
        "releases_seat": registration.is_active and program.ends > timezone.now(),
        "has_visa_letter": visa_letters.letter_for(registration) is not None,
    }
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "registrations/erase.html", context, status=400)
        privacy.erase_personal_data(registration)
        return redirect("registrations:erased")
    return render(request, "registrations/erase.html", context)


@require_GET
def erased(request):
    """Said once the data is gone; the old link to the participant's page now answers 404."""
    return keep_private(render(request, "registrations/erased.html"))
