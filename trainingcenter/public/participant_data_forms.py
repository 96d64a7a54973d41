"""Forms of the participant's own data: passport details for a visa letter, and erasing their data.

The rules themselves live in ``registrations.services.visa_letters``; these
forms only shape the input, and the views put the service's message beside
the field it names.
"""
from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import country_choices


class VisaLetterForm(forms.Form):
    passport_name = forms.CharField(
        label=_("Full name as in your passport"),
        max_length=200,
        help_text=_("Exactly as printed on the passport's photo page, in the same letters and order."),
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false", "dir": "auto"}),
    )
    nationality = forms.ChoiceField(
        label=_("Nationality"),
        help_text=_("The country that issued your passport."),
        widget=forms.Select(attrs={
            "data-searchable": "country", "data-filter-label": _("Type to filter the list of countries"),
        }),
    )
    passport_number = forms.CharField(
        label=_("Passport number"),
        max_length=30,
        widget=forms.TextInput(attrs={
            "autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters",
        }),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Please enter the date of birth as year, month and day.")},
    )
    confirm = forms.BooleanField(
        label=_("These details are exactly as in my passport. The program's organisers may see them to issue "
                "my letter."),
        error_messages={"required": _("Please tick the box to confirm.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nationality"].choices = country_choices()


class EraseDataForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my personal data"),
        error_messages={"required": _("Please tick the box to confirm that you want your data deleted.")},
    )
