"""A participant's own changes, from one form: details and attendance mode together.

The edit page used to have one form per change, and a mode chosen in one was
lost when the other's button was pressed. One form sends both, and this
applies both with the services that own each change (``change_mode`` and
``update_details``), so their rules, history entries and e-mails stay theirs.

Both or neither: the two run in one transaction, so when the mode change is
refused nothing of the details is saved either, and the person sees the form
again with everything they typed. The mode goes first because
``change_mode`` locks the program row and then the registration, like every
service that moves seats; updating the details first would lock the
registration before the program, the opposite order, and on PostgreSQL could
deadlock against a promotion that holds the program and waits for this row.
"""
from dataclasses import dataclass

from django.db import transaction

from ..models import Registration
from .lifecycle import DETAIL_FIELDS, change_mode, update_details


def _comparable(value):
    # Country fields hold Country objects; everything else is text.
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Edit:
    """What one submission changed, for the summary the participant reads.

    ``details`` names the detail fields whose value changed, in the order of
    ``DETAIL_FIELDS``; ``mode_before`` and ``status_before`` are what the
    registration was before, so a page can say "online instead of onsite"
    and whether the new mode had a free place.
    """

    registration: Registration
    details: tuple[str, ...]
    mode_before: str
    status_before: str

    @property
    def mode_changed(self):
        return self.registration.mode != self.mode_before

    @property
    def status_changed(self):
        return self.registration.status != self.status_before

    @property
    def changed(self):
        return bool(self.details) or self.mode_changed


def edit_registration(registration, *, details, mode=None, actor=None):
    """Apply new ``details`` ({field: value}, see ``DETAIL_FIELDS``) and ``mode`` (None: unchanged); an ``Edit``.

    Raises ``RegistrationError`` (nothing saved) when either change is refused.
    """
    before = {name: _comparable(getattr(registration, name)) for name in DETAIL_FIELDS}
    mode_before, status_before = registration.mode, registration.status
    with transaction.atomic():
        current = registration
        if mode is not None and mode != registration.mode:
            current = change_mode(current, mode, actor=actor)
        current = update_details(current, details, actor=actor)
    changed = tuple(
        name for name in DETAIL_FIELDS if name in details and _comparable(getattr(current, name)) != before[name]
    )
    return Edit(registration=current, details=changed, mode_before=mode_before, status_before=status_before)
