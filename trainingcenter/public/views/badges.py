"""A participant's own badge (PDF) behind their token: for confirmed onsite participants only."""
from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from trainingcenter.attendance import badges

from .registrations import registration_for_token, token_page


@token_page
@require_GET
def badge_pdf(request, token):
    """The badge with the name, the program and the check-in QR code; a plain 404 for anyone without one."""
    registration = registration_for_token(token)
    if not badges.may_have_badge(registration):
        raise Http404
    response = HttpResponse(badges.render_badge(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{badges.filename(registration)}"'
    return response
