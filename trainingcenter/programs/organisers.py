"""Assigning staff to programs."""
from django.db import transaction


@transaction.atomic
def add_organiser(program, user):
    """Make ``user`` one of the program's organisers.

    Organisers only see the programs they are assigned to; whoever creates a
    program must be able to find it again afterwards.
    """
    program.organisers.add(user)
