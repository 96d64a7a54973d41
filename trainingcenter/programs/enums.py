"""How a program is delivered and how a participant attends it: one definition for every app.

A hybrid program offers both attendance modes; a participant takes a seat in
exactly one. Registrations, attendance and statistics use ``AttendanceMode``;
programs use ``DeliveryMode``. The values are shared, so "onsite" means the
same everywhere.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttendanceMode(models.TextChoices):
    ONSITE = "onsite", _("Onsite")
    ONLINE = "online", _("Online")


class DeliveryMode(models.TextChoices):
    ONSITE = AttendanceMode.ONSITE.value, AttendanceMode.ONSITE.label
    ONLINE = AttendanceMode.ONLINE.value, AttendanceMode.ONLINE.label
    HYBRID = "hybrid", _("Hybrid")
