"""Certificates on the public site: anyone verifies a code; a participant downloads their own.

- ``verify``: the form (``?code=`` sends the visitor on to the code's page,
  read however it was typed, or says why it cannot be a code).
- ``verify_code``: valid (name, program, dates, issue date), revoked,
  replaced or unknown; nothing else about the person. Rate-limited per
  client address (429 with ``Retry-After`` and when to try again), since
  every lookup could be a guess.
- ``download``: the participant's valid certificate behind their token,
  never cached.
"""
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from trainingcenter.certificates import codes, services, verification
from trainingcenter.certificates import pdf as certificate_pdf
from trainingcenter.certificates.models import Certificate
from trainingcenter.core import ratelimit

from .registrations import registration_for_token, token_page

PROBLEMS = {
    "length": lambda: _("A certificate code has 12 characters, such as K7QX-M2RP-9ZT4. Please check that "
                        "you typed all of them."),
    "characters": lambda: _("A certificate code has only the digits 0–9 and the letters A–Z without I, L, O "
                            "and U. Please check what you typed."),
    "typo": lambda: _("This code has a typing mistake: one character is wrong or two are swapped. Please "
                      "compare it with the certificate."),
}


def _problem_message(problem):
    return PROBLEMS[problem]() if problem in PROBLEMS else ""


@require_GET
def verify(request):
    """The form; a code sent with it goes to that code's page (or the form says what is wrong with it)."""
    typed = request.GET.get("code", "")
    context = {"typed": typed[:100]}
    if typed.strip():
        problem = codes.problem(typed)
        if not problem:
            return redirect(reverse("certificates:verify_code", kwargs={"code": codes.clean(typed)}))
        context["error"] = _problem_message(problem)
        return render(request, "certificates/verify.html", context, status=400)
    return render(request, "certificates/verify.html", context)


@require_GET
def verify_code(request, code):
    """What the certificate with this code says, and whether it still counts."""
    decision = ratelimit.check_certificate_verification(request)
    if not decision:
        context = {"typed": code[:100], "rate_limit_message": ratelimit.refusal_message(
            decision, _("Too many certificates were looked up from your connection. Please try again in %(wait)s, "
                        "after %(time)s."),
        )}
        return ratelimit.set_retry_after(render(request, "certificates/verify.html", context, status=429), decision)
    result = verification.verify(code)
    context = {
        "result": result,
        # A code found needs no correcting: the form below is for the next one.
        "typed": "" if result.found else code[:100],
        "error": _problem_message(result.problem),
        "dates": _dates(result),
        # Written as the certificate writes dates, in the page's language.
        "issued_on": certificate_pdf.format_day(result.issued_on) if result.found else "",
        "ended_on": certificate_pdf.format_day(result.ended_on) if result.ended_on else "",
    }
    status = 200 if result.found else 404
    return render(request, "certificates/verify_result.html", context, status=status)


def _dates(result):
    if not result.found:
        return ""
    return certificate_pdf.date_span(result.starts_on, result.ends_on)


@token_page
@require_GET
def download(request, token):
    """The participant's valid certificate as a PDF; a plain 404 for anyone without one."""
    registration = registration_for_token(token)
    certificate = (
        Certificate.objects.valid().select_related("program").filter(registration=registration).first()
    )
    if certificate is None:
        raise Http404
    response = HttpResponse(services.pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_pdf.filename(certificate)}"'
    return response
