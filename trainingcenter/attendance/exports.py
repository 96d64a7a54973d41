"""Attendance results as a CSV file, for certificates, sponsors and the report.

Every cell goes through ``registrations.exports.safe_cell``: a name or a
reason starting with "=" is shown, never run as a formula.
"""
import csv
import io

from django.utils.translation import gettext as _

from trainingcenter.registrations.exports import safe_cell
from trainingcenter.registrations.models import Registration


def results_csv(results):
    """UTF-8 with a byte order mark (Excel reads Chinese and Cyrillic names right with it)."""
    modes = dict(Registration.Mode.choices)
    yes, no = _("yes"), _("no")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(label) for label in (
        _("Name"), _("E-mail"), _("Attendance mode"), _("Online minutes"), _("Scheduled minutes"),
        _("Online share (%)"), _("Days checked in"), _("Days needed"), _("Attended"), _("Reason by the rule"),
        _("Rule's result"), _("Decided by an organiser"), _("Organiser's reason"),
    )])
    for result in results:
        writer.writerow([safe_cell(value) for value in (
            result.name, result.email, modes.get(result.mode, result.mode), result.online_minutes,
            result.scheduled_minutes, result.online_percent, result.days_present, result.required_days,
            yes if result.attended else no, result.computed_reason, yes if result.computed else no,
            yes if result.overridden else no, result.override_reason,
        )])
    return buffer.getvalue().encode("utf-8-sig")
