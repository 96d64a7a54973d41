"""The public forms: register for a program, change one's own registration, ask for lost links.

Forms only validate and describe the input; saving is done by ``services``.
"""
import unicodedata

from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.utils.choices import BaseChoiceIterator
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from trainingcenter.core import formtiming
from trainingcenter.registrations import validation
from trainingcenter.registrations.models import Question, Registration
from trainingcenter.registrations.validation import MAX_LENGTHS, TEXT_ANSWER_MAX_LENGTH

YES, NO = "yes", "no"


def name_sort_key(name):
    """Accents ignored and case folded, so Åland sorts with A and Ёмкость with Е.

    django-countries sorts by an ASCII-only key unless pyuca is installed, which
    leaves Cyrillic and Chinese names in English order; code-point order after
    removing accents is right for Latin and Cyrillic, and stable for Chinese.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class _CountryCatalog:
    """The countries in one language: named, sorted, and their ``<option>`` tags written out."""

    def __init__(self):
        self.named = sorted(((code, str(name)) for code, name in countries), key=lambda pair: name_sort_key(pair[1]))
        self.codes = frozenset(code for code, _name in self.named)
        self.choices = [("", str(_("Choose a country"))), *self.named]
        # select_option.html's markup for each choice, unselected and selected.
        self.options = [
            (code, f'\n  <option value="{escape(code)}">{escape(name)}</option>\n',
             f'\n  <option value="{escape(code)}" selected>{escape(name)}</option>\n')
            for code, name in self.choices
        ]


# {language: _CountryCatalog}. Naming and sorting the ~250 countries, and
# rendering them, cost more than the rest of the form; the names of a language
# do not change while the process runs. Keyed by the active language, so that
# each page keeps its own order.
_catalogs = {}


def _catalog():
    language = get_language()
    catalog = _catalogs.get(language)
    if catalog is None:
        catalog = _catalogs[language] = _CountryCatalog()
    return catalog


def sorted_countries():
    """ISO 3166 countries, named (django-countries' own catalog) and sorted in the active language."""
    return list(_catalog().named)


def country_choices():
    """A country field's choices: "Choose a country", then ``sorted_countries()``."""
    return list(_catalog().choices)


class _CountryChoices(BaseChoiceIterator):
    """One language's country choices, already in Django's normal form, which nobody changes.

    A field given a plain list walks it on every form to normalise it, and
    copies it with every form; the country list is 250 pairs.
    """

    def __init__(self, catalog):
        self.catalog = catalog

    def __iter__(self):
        return iter(self.catalog.choices)

    def __len__(self):
        return len(self.catalog.choices)

    def __deepcopy__(self, memo):
        return self


class CountrySelect(forms.Select):
    """The country select, its options written once per language (``_CountryCatalog.options``).

    The same markup as Django's ``select.html`` (the tests compare them); any
    other choices are rendered by Django.
    """

    def render(self, name, value, attrs=None, renderer=None):
        if not isinstance(self.choices, _CountryChoices):
            return super().render(name, value, attrs, renderer)
        # Django's Widget.get_context: the name, value and attributes, without the options.
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        chosen = widget["value"][0] if widget["value"] else None
        parts = [f'<select name="{conditional_escape(name)}"{_attributes(widget["attrs"])}>']
        for code, plain, selected in self.choices.catalog.options:
            if code == chosen:
                parts.append(selected)
                chosen = None  # as Django does, only the first match is selected
            else:
                parts.append(plain)
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every name and value is escaped


class CountryChoiceField(forms.ChoiceField):
    """The country list in the active language, named and sorted once per language, not once per form."""

    widget = CountrySelect

    def __deepcopy__(self, memo):
        # A form copies its fields when it is made, in its page's language.
        result = super().__deepcopy__(memo)
        result.choices = _CountryChoices(_catalog())
        return result

    def valid_value(self, value):
        return value == "" or str(value) in _catalog().codes


def language_choices():
    """Each interface language in its own name, so a reader finds theirs in any page language."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def question_field(question):
    """A form field for one of the organisers' extra questions."""
    # Django's field templates print help text unescaped (it is usually the
    # programmer's); an organiser's text must not be able to inject markup.
    common = {
        "label": question.label,
        "help_text": conditional_escape(question.help_text),
        "required": question.required,
    }
    if question.kind == Question.Kind.CHOICE:
        return forms.ChoiceField(
            choices=[(choice, choice) for choice in question.choice_list], widget=forms.RadioSelect, **common
        )
    if question.kind == Question.Kind.YES_NO:
        return forms.ChoiceField(choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common)
    return forms.CharField(
        max_length=TEXT_ANSWER_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3}), **common
    )


def _attributes(attrs):
    """``django/forms/attrs.html`` (and the widgets' copy of it)."""
    return "".join(
        "" if value is False
        else f" {conditional_escape(name)}" if value is True
        else f' {conditional_escape(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
    )


def _field(context):
    field = context["field"]
    fieldset = field.use_fieldset
    if fieldset:
        described = field.aria_describedby
        parts = ["\n  <fieldset", f' aria-describedby="{conditional_escape(described)}"' if described else "", ">\n  ",
                 conditional_escape(field.legend_tag()) if field.label else "", "\n"]
    else:
        parts = ["\n  ", conditional_escape(field.label_tag()) if field.label else "", "\n"]
    parts.append("\n")
    if field.help_text:
        helptext_id = f' id="{conditional_escape(field.auto_id)}_helptext"' if field.auto_id else ""
        parts.append(f'<div class="helptext"{helptext_id}>{field.help_text}</div>')
    parts += ["\n", conditional_escape(field.errors), "\n", conditional_escape(field),
              "</fieldset>" if fieldset else "", "\n"]
    return "".join(parts)


def _label(context):
    label = conditional_escape(context["label"])
    if not context["use_tag"]:
        return label
    tag = conditional_escape(context["tag"])
    return f"<{tag}{_attributes(context['attrs'] or {})}>{label}</{tag}>"


def _error_list(context):
    errors = context["errors"]
    if not errors:
        return ""
    field_id = f' id="{conditional_escape(errors.field_id)}_error"' if errors.field_id else ""
    items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
    return f'<ul class="{conditional_escape(context["error_class"])}"{field_id}>{items}</ul>'


def _input(widget):
    value = f' value="{conditional_escape(widget["value"])}"' if widget["value"] is not None else ""
    return (f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"'
            f"{value}{_attributes(widget['attrs'])}>\n")


def _select(widget):
    parts = [f'<select name="{conditional_escape(widget["name"])}"{_attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts += [
            f'\n  <option value="{conditional_escape(option["value"])}"{_attributes(option["attrs"])}>'
            f'{conditional_escape(option["label"])}</option>\n'
            for option in options
        ]
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _radio_option(option):
    if not option["wrap_label"]:
        return _input(option) + "\n\n"
    for_id = f' for="{conditional_escape(option["attrs"]["id"])}"' if option["attrs"].get("id") else ""
    return f"<label{for_id}>{_input(option)} {conditional_escape(option['label'])}</label>\n\n"


def _radios(widget):
    attrs = widget["attrs"]
    parts = ["<div", f' id="{conditional_escape(attrs["id"])}"' if attrs.get("id") else "",
             f' class="{conditional_escape(attrs["class"])}"' if attrs.get("class") else "", ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f"\n  <div><label>{conditional_escape(group_name)}</label>")
        parts += [f"<div>\n    {_radio_option(option)}</div>" for option in options]
        if group_name:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def _widget(render):
    return lambda context: render(context["widget"])


class FormRenderer(DjangoTemplates):
    """Django's own form templates, the few the public forms use written out in Python.

    The registration form renders some 300 small templates (a label, an error
    list and a widget per field, and one per ``<option>`` of the 250
    countries): about 12 ms of each form page, most of its cost. These
    functions write the same markup, byte for byte
    (tests/public/test_registration_form_queries.py renders the forms both
    ways in every language and compares); any other template is Django's.
    """

    python = {
        "django/forms/field.html": _field,
        "django/forms/label.html": _label,
        "django/forms/errors/list/default.html": _error_list,
        "django/forms/errors/list/ul.html": _error_list,
        "django/forms/widgets/text.html": _widget(_input),
        "django/forms/widgets/email.html": _widget(_input),
        "django/forms/widgets/hidden.html": _widget(_input),
        "django/forms/widgets/checkbox.html": _widget(_input),
        "django/forms/widgets/select.html": _widget(_select),
        "django/forms/widgets/radio.html": _widget(_radios),
    }

    def render(self, template_name, context, request=None):
        render = self.python.get(template_name)
        if render is None:
            return super().render(template_name, context, request=request)
        return render(context).strip()


form_renderer = FormRenderer()


class AbuseGuards(forms.Form):
    """The quiet checks of a public form that anyone may send: a honeypot and a minimum fill time.

    Neither asks anything of a person. The honeypot (``website``) is a field
    people never see; bots that fill every input give themselves away, and the
    view answers them as if all went well. The fill time (``shown_at``, see
    ``core.formtiming``) refuses a form sent back faster than a person could
    fill it in; the answer is gentle (the form again, everything kept),
    because a person with the browser's autofill can be quick, and sending
    again passes. ``FORM_MIN_FILL_SECONDS`` sets the minimum (0 turns the check
    off, as the tests do unless they test it).
    """

    timing_purpose = "public-form"

    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown_at"] = formtiming.FormTimingField(self.timing_purpose, max_length=200)

    @property
    def is_spam(self):
        """True when the hidden honeypot field was filled in."""
        return bool(self.cleaned_data.get("website"))

    def fill_time_refusal(self):
        """None when the form may be processed; else the message to show above it again.

        Too fast: the same token stays in the form, so sending it again a
        moment later passes. A token that is missing, expired (a page left
        open for a day) or not ours is replaced by a fresh one, or the person
        could never get through.
        """
        minimum = getattr(settings, "FORM_MIN_FILL_SECONDS", formtiming.DEFAULT_MIN_SECONDS)
        if not minimum:
            return None
        verdict = formtiming.check(self.data.get(self.add_prefix("shown_at")), self.timing_purpose,
                                   min_seconds=minimum)
        if verdict:
            return None
        if verdict.reason == "too_fast":
            return gettext("That was quicker than we expected. Please check what you entered below and "
                           "send the form again.")
        self.data = self.data.copy()
        self.data[self.add_prefix("shown_at")] = formtiming.issue(self.timing_purpose)
        return gettext("Please check what you entered below and send the form again.")


class ParticipantDetailsForm(forms.Form):
    """The personal details a participant gives, and may later correct."""

    VALIDATED_FIELDS = ("given_name", "family_name", "organization", "position", "country")
    default_renderer = form_renderer

    given_name = forms.CharField(
        label=_("Given name"), max_length=MAX_LENGTHS["given_name"],
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    family_name = forms.CharField(
        label=_("Family name"), max_length=MAX_LENGTHS["family_name"],
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    country = CountryChoiceField(
        label=_("Country"),
        help_text=_("The country you work in."),
        widget=CountrySelect(attrs={
            "autocomplete": "country",
            "data-searchable": "country",
            "data-filter-label": _("Type to filter the list of countries"),
        }),
    )
    organization = forms.CharField(
        label=_("Organisation"), max_length=MAX_LENGTHS["organization"],
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    position = forms.CharField(
        label=_("Position"), max_length=MAX_LENGTHS["position"], required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("Choose a sector"))] + list(Registration.Sector.choices)
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        help_text=_("For statistics only. You may leave this empty."),
        required=False,
        choices=[("", _("Prefer not to say"))] + list(Registration.Gender.choices),
    )
    language = forms.ChoiceField(
        label=_("Preferred language"),
        help_text=_("For the e-mails we send you."),
        widget=forms.RadioSelect,
    )

    # Filled in by the browser (browser-time-zone.js) so e-mails can show times
    # in the participant's own zone; without JavaScript it stays empty.
    time_zone = forms.CharField(
        required=False, max_length=64, widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The country names and their order depend on the page's language (CountryChoiceField).
        self.fields["language"].choices = language_choices()

    def clean(self):
        # The same rules as the API and the services (``registrations.validation``).
        cleaned = super().clean()
        present = {name: cleaned[name] for name in self.VALIDATED_FIELDS if name in cleaned}
        try:
            cleaned.update(validation.clean_details(present))
        except forms.ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(name, message)
        return cleaned


class RegistrationForm(ParticipantDetailsForm, AbuseGuards):
    """Registration for one program: details, attendance mode, consent, extra questions."""

    timing_purpose = "registration"

    email = forms.EmailField(
        label=_("E-mail"), max_length=MAX_LENGTHS["email"],
        help_text=_("We send the confirmation and your personal link here."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    mode = forms.ChoiceField(
        label=_("I will attend"), widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("This program does not offer that attendance mode.")},
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please agree to the privacy notice to register.")},
    )
    newsletter = forms.BooleanField(
        label=_("Also send me the centre's newsletter (we will e-mail you a link to confirm)"), required=False,
    )

    field_order = [
        "given_name", "family_name", "email", "country", "organization", "position", "sector",
        "gender", "mode", "language",
    ]

    def __init__(self, *args, program, language="en", **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("language", language)
        super().__init__(*args, **kwargs)
        self.program = program
        modes = program.offered_modes
        self.fields["mode"].choices = [(mode.value, mode.label) for mode in modes]
        self.single_mode = modes[0] if len(modes) == 1 else None
        if self.single_mode:
            # Nothing to choose: the mode is fixed and shown as text next to the form.
            self.fields["mode"].widget = forms.HiddenInput()
            self.fields["mode"].required = False
            self.initial["mode"] = self.single_mode.value
        self.fields["consent"].label = format_html(
            '{} <a href="#privacy">{}</a>',
            _("I agree that the centre keeps the details above to run this program, as described in the"),
            _("privacy notice"),
        )
        self.questions = list(program.questions.all())
        for question in self.questions:
            self.fields[self.question_field_name(question)] = question_field(question)
        self.order_fields(self.field_order + [self.question_field_name(q) for q in self.questions] + ["consent"])

    @staticmethod
    def question_field_name(question):
        return f"question_{question.pk}"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_mode(self):
        value = self.cleaned_data.get("mode")
        if self.single_mode:
            if value and value != self.single_mode.value:
                raise forms.ValidationError(_("This program does not offer that attendance mode."), code="invalid")
            return self.single_mode.value
        return value

    @property
    def answers(self):
        """{question pk: answer text} for the questions that were answered."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(self.question_field_name(question))
            if value not in (None, ""):
                answers[question.pk] = value
        return answers

    def question_fields(self):
        return [self[self.question_field_name(q)] for q in self.questions]


class RegistrationChangeForm(ParticipantDetailsForm):
    """The edit page's one form: the details and, where it may change, the attendance mode.

    One form with one button, so that nothing chosen is lost: with a form per
    change, a mode chosen in one was dropped when the other's button was
    pressed. The view applies both through ``services.edits``.
    """

    mode = forms.ChoiceField(label=_("I will attend"), widget=forms.RadioSelect)

    def __init__(self, *args, program, mode_changeable, **kwargs):
        super().__init__(*args, **kwargs)
        if mode_changeable:
            self.fields["mode"].choices = [(mode.value, mode.label) for mode in program.offered_modes]
        else:
            del self.fields["mode"]


class LostLinkForm(AbuseGuards):
    """"I lost my link": the e-mail address to send the links of its registrations to."""

    timing_purpose = "lost-link"

    email = forms.EmailField(
        label=_("E-mail"), max_length=MAX_LENGTHS["email"],
        help_text=_("The address you registered with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    field_order = ["email"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class CancelForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, cancel my registration"),
        error_messages={"required": _("Please tick the box to confirm that you want to cancel.")},
    )
