"""Forms of the organisers' registration pages: export and message.

They only describe and check the input; ``exports`` and ``messaging`` do the work.
"""
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from trainingcenter.center.models import CountryGroup
from trainingcenter.registrations import exports
from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.services import messaging


def _program_countries(program):
    """The countries that occur among the program's registrations, named in the active language."""
    codes = set(
        Registration.objects.filter(program=program).order_by().values_list("country", flat=True).distinct()
    )
    return [(code, name) for code, name in all_countries if code in codes]


class AudienceFieldsMixin(forms.Form):
    statuses = forms.MultipleChoiceField(
        label=_("Status"), required=False, choices=Registration.Status.choices, widget=forms.CheckboxSelectMultiple,
    )
    modes = forms.MultipleChoiceField(
        label=_("Attendance"), required=False, choices=Registration.Mode.choices, widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"), required=False, widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("None chosen: every country. Hold Ctrl (⌘ on a Mac) to choose several."),
    )

    def _setup_countries(self, program):
        self.fields["countries"].choices = _program_countries(program)


class ExportForm(AudienceFieldsMixin):
    FORMATS = [("csv", _("CSV (UTF-8, opens in Excel)")), ("xlsx", _("Excel workbook (XLSX)"))]

    columns = forms.MultipleChoiceField(label=_("Columns"), widget=forms.CheckboxSelectMultiple)
    format = forms.ChoiceField(label=_("File format"), choices=FORMATS, initial="csv", widget=forms.RadioSelect)

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        self.fields["columns"].choices = exports.available_columns(program)
        self.fields["columns"].initial = list(exports.DEFAULT_COLUMNS)
        self._setup_countries(program)
        self.fields["statuses"].help_text = _("None chosen: every status, cancelled and rejected included.")
        self.order_fields(["columns", "statuses", "modes", "countries", "format"])

    def queryset(self):
        data = self.cleaned_data
        queryset = Registration.objects.filter(program=self.program)
        if data["statuses"]:
            queryset = queryset.filter(status__in=data["statuses"])
        if data["modes"]:
            queryset = queryset.filter(mode__in=data["modes"])
        if data["countries"]:
            queryset = queryset.filter(country__in=data["countries"])
        return queryset.order_by("created_at", "pk")


def _language_name(code):
    return dict(settings.LANGUAGES)[code]


class MessageForm(AudienceFieldsMixin):
    """The message in English (required) and in the site's other languages (each optional), and its audience.

    Each participant gets the version in their own language, or the English
    one; the fields of another language are ``subject_<code>``/``body_<code>``
    (``messaging.field_name``).
    """

    subject = forms.CharField(max_length=messaging.SUBJECT_MAX_LENGTH)
    body = forms.CharField(
        max_length=messaging.BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("You can use {given_name}, {family_name}, {full_name} and {link} (the participant's own page)."),
    )
    country_group = forms.ModelChoiceField(
        label=_("Or a group of countries"), required=False, queryset=CountryGroup.objects.all(),
        help_text=_("Adds the group's countries to those chosen above."),
    )

    def __init__(self, *args, program, **kwargs):
        super().__init__(*args, **kwargs)
        self.program = program
        self._setup_countries(program)
        self.fields["statuses"].help_text = _(
            "None chosen: everyone taking part (confirmed, waitlisted, awaiting approval)."
        )
        english = _language_name(messaging.FALLBACK_LANGUAGE)
        self.fields["subject"].label = _("Subject (%(language)s)") % {"language": english}
        self.fields["body"].label = _("Message (%(language)s)") % {"language": english}
        text_fields = ["subject", "body"]
        for language in messaging.OTHER_LANGUAGES:
            name = _language_name(language)
            subject, body = messaging.field_name("subject", language), messaging.field_name("body", language)
            self.fields[subject] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name}, required=False,
                max_length=messaging.SUBJECT_MAX_LENGTH,
            )
            self.fields[body] = forms.CharField(
                label=_("Message (%(language)s)") % {"language": name}, required=False,
                max_length=messaging.BODY_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 6}),
                help_text=_("Optional. Participants who chose %(language)s get this version; without it, "
                            "they get the English one.") % {"language": name},
            )
            text_fields += [subject, body]
        self.order_fields([*text_fields, "statuses", "modes", "countries", "country_group"])

    def clean(self):
        cleaned = super().clean()
        for language in messaging.OTHER_LANGUAGES:
            subject, body = messaging.field_name("subject", language), messaging.field_name("body", language)
            given = {name: (cleaned.get(name) or "").strip() for name in (subject, body)}
            if any(given.values()):
                for name, value in given.items():
                    if not value and name not in self.errors:
                        self.add_error(name, _("Please write both the subject and the message in this "
                                               "language, or neither."))
        countries = set(cleaned.get("countries") or [])
        group = cleaned.get("country_group")
        if group is not None:
            countries |= {str(code) for code in group.countries}
        cleaned["all_countries"] = sorted(countries)
        return cleaned

    def translations(self):
        """{language: {"subject", "body"}} of the other languages written, for ``messaging``."""
        data = self.cleaned_data
        return {
            language: {
                "subject": data.get(messaging.field_name("subject", language), ""),
                "body": data.get(messaging.field_name("body", language), ""),
            }
            for language in messaging.OTHER_LANGUAGES
            if data.get(messaging.field_name("subject", language)) or data.get(messaging.field_name("body", language))
        }

    def audience_filters(self):
        return {
            "statuses": self.cleaned_data["statuses"],
            "modes": self.cleaned_data["modes"],
            "countries": self.cleaned_data["all_countries"],
        }
