"""Which programs a staff user may touch.

Groups (``center.roles``) decide *what* a user may do; ``Program.organisers``
decides *which* programs: organisers and check-in staff work on the programs
they are assigned to, centre admins and superusers on all of them. Staff views
outside the admin use these two checks as well.
"""
from .models import Program


def manages_all_programs(user):
    return user.is_active and (user.is_superuser or user.has_perm("programs.manage_all_programs"))


def can_manage_program(user, program):
    """True when the program is one of the user's (or the user manages all)."""
    if not (user.is_active and user.is_staff):
        return False
    if manages_all_programs(user):
        return True
    return Program.objects.managed_by(user).filter(pk=program.pk).exists()
