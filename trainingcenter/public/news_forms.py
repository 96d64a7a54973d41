"""Forms of the public news pages: newsletter subscription and comments."""
from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from trainingcenter.news.comments import MAX_LINKS, count_links

from .forms import AbuseGuards


class SubscribeForm(AbuseGuards):
    timing_purpose = "newsletter"

    email = forms.EmailField(
        label=_("E-mail"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter a valid e-mail address, like name@example.org."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"), choices=settings.LANGUAGES,
        error_messages={"invalid_choice": _("Please choose one of the languages offered.")},
    )
    field_order = ["email", "language"]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class CommentForm(AbuseGuards):
    timing_purpose = "comment"

    name = forms.CharField(
        label=_("Name"), max_length=100,
        error_messages={"required": _("Please tell us your name, as it should appear above your comment.")},
    )
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, help_text=_("Never shown; we send you a link to delete your comment."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter a valid e-mail address, like name@example.org."),
        },
    )
    body = forms.CharField(
        label=_("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write your comment."),
            "max_length": _("Please keep your comment under %(limit_value)d characters."),
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    field_order = ["name", "email", "body"]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if count_links(body) > MAX_LINKS:
            raise forms.ValidationError(
                gettext("Please include at most %(count)d links in a comment.") % {"count": MAX_LINKS}
            )
        return body
