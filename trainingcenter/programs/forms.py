"""Staff forms in which times are entered in the program's own time zone.

The database keeps UTC, but organisers think in the program's local time ("9:00
in Beijing"). These forms show stored values in the program's time zone and
read what is typed as the program's wall-clock time.
"""
import zoneinfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Program, Session, known_time_zones


def _zone_or_none(name):
    try:
        return zoneinfo.ZoneInfo(name) if name else None
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(known_time_zones())]


class ProgramTimeZoneFormMixin:
    """Show and read ``zoned_fields`` in the program's time zone.

    Subclasses say which zone the stored values are in (``display_zone``) and
    which zone the submitted values mean (``submitted_zone``): they differ when
    the organiser changes the program's time zone in the same form.
    """

    zoned_fields = ()

    def display_zone(self):
        raise NotImplementedError

    def submitted_zone(self, cleaned_data):
        raise NotImplementedError

    def _show_in_program_zone(self):
        zone = self.display_zone()
        for name in self.zoned_fields:
            if name not in self.fields:
                continue
            if zone is not None:
                self.fields[name].help_text = _("In the program's time zone (%(zone)s).") % {"zone": zone.key}
            else:
                self.fields[name].help_text = _("In the program's time zone.")
            value = self.initial.get(name)
            if zone is not None and value is not None and timezone.is_aware(value):
                # A naive value is displayed as it is: the program's wall-clock time.
                self.initial[name] = timezone.make_naive(value, zone)

    def _read_in_program_zone(self, cleaned_data):
        zone = self.submitted_zone(cleaned_data)
        if zone is None:
            return cleaned_data
        for name in self.zoned_fields:
            value = cleaned_data.get(name)
            if value is None:
                continue
            # The form field attached the server's time zone to what was typed;
            # undo that and attach the program's instead.
            wall_clock = timezone.make_naive(value) if timezone.is_aware(value) else value
            cleaned_data[name] = timezone.make_aware(wall_clock, zone)
        return cleaned_data


class ProgramAdminForm(ProgramTimeZoneFormMixin, forms.ModelForm):
    zoned_fields = ("starts", "ends", "registration_opens", "registration_closes")

    time_zone = forms.ChoiceField(
        label=_("time zone"),
        choices=time_zone_choices,
        initial="Asia/Shanghai",
        help_text=_("Dates and the registration window are entered and shown in this time zone."),
    )

    class Meta:
        model = Program
        # The admin narrows this further to the fields of its fieldsets.
        fields = (
            "number", "title", "slug", "subtitle", "summary", "themes", "status", "is_example",
            "background", "objectives", "conclusion",
            "time_zone", "starts", "ends",
            "registration_opens", "registration_closes", "capacity_onsite", "capacity_online",
            "requires_approval", "attendance_threshold_percent",
            "mode", "venue", "visa_letters_offered", "recording_url", "contact_name", "contact_email",
            "personal_data_retention_days",
            "participants_reported", "countries_reported", "source_note", "organisers",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._show_in_program_zone()

    def display_zone(self):
        if self.instance.pk:
            return _zone_or_none(self.instance.time_zone)
        return _zone_or_none(self.initial.get("time_zone") or self.fields["time_zone"].initial)

    def submitted_zone(self, cleaned_data):
        return _zone_or_none(cleaned_data.get("time_zone"))

    def clean(self):
        return self._read_in_program_zone(super().clean())


class SessionAdminForm(ProgramTimeZoneFormMixin, forms.ModelForm):
    """A session's times, in its program's time zone.

    Inline on the program page the program comes from the formset (``program``
    keyword); on the session's own page from the instance or the chosen program.
    """

    zoned_fields = ("starts", "ends")

    class Meta:
        model = Session
        fields = (
            "program", "kind", "title", "starts", "ends", "speakers",
            "abstract", "summary", "slides_url", "recording_url",
        )

    def __init__(self, *args, program=None, **kwargs):
        self.parent_program = program
        super().__init__(*args, **kwargs)
        self._show_in_program_zone()

    def _program(self):
        if self.parent_program is not None:
            return self.parent_program
        if self.instance.program_id:
            return self.instance.program
        return None

    def display_zone(self):
        program = self._program()
        return _zone_or_none(program.time_zone) if program else None

    def submitted_zone(self, cleaned_data):
        program = cleaned_data.get("program") or self.parent_program
        return _zone_or_none(program.time_zone) if program else None

    def clean(self):
        return self._read_in_program_zone(super().clean())


class ProgramBoundInlineFormSet(forms.BaseInlineFormSet):
    """Hands each form the program it belongs to, for its time zone."""

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["program"] = self.instance
        return kwargs
