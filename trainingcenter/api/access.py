"""Who may do what through the API: the same rules as the organiser pages."""
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from trainingcenter.programs.models import Program

from .errors import ApiError


def require_perm(user, codename):
    if not user.has_perm(codename):
        raise ApiError(403, "forbidden", _("You are not allowed to do this."))


def managed_program(user, slug):
    """The program, if the user may manage it: 404 if it does not exist, 403 if it is not theirs."""
    program = get_object_or_404(Program, slug=slug)
    if not Program.objects.managed_by(user).filter(pk=program.pk).exists():
        raise ApiError(403, "forbidden", _("You do not manage this program."))
    return program
