"""Organisers' pages of a program's feedback survey: questions, settings, sending, results, exports.

- ``survey``: the survey's state and figures, its settings (window,
  anonymity, who is invited, reminder), its questions (add, edit, reorder,
  remove) and the actions: open or close now, send the invitations now,
  preview the e-mails. A program without a survey offers to make one with
  the default questions (the periodic task also makes it when the program ends).
- ``question``: one question's kind, texts per language, choices per
  language (one per line, the same order in each language), the session a
  rating is about.
- ``results``: response rate, average ratings and their distributions,
  the sessions' ratings, choices and comments; each chart (SVG drawn on the
  server by ``core.charts``, no script) is followed by its figures as a table.
- ``export``: every response as CSV or XLSX (``surveys.exports``).

Every page needs ``registrations.change_registration`` (organisers; not
check-in staff, who must not read participants' comments) and a program the
user manages (``views.program_view``). The work is done by
``surveys.services``; nothing here writes a model.
"""
from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from trainingcenter.core.charts import bar_chart, distribution_chart, format_number
from trainingcenter.programs.forms import ProgramTimeZoneFormMixin
from trainingcenter.programs.models import Session
from trainingcenter.registrations.models import Registration
from trainingcenter.surveys import emails, exports
from trainingcenter.surveys.defaults import RATED_SESSION_KINDS
from trainingcenter.surveys.models import RATING_MAX, Question, Survey
from trainingcenter.surveys.results import survey_results
from trainingcenter.surveys.services import SurveyError, invitations, questions

from .views import CHANGE_PERMISSION, _context, program_view

LANGUAGES = settings.LANGUAGES
# Stands for the participant's own token in the e-mails' preview.
PLACEHOLDER_TOKEN = "personal-link"  # noqa: S105 - not a secret


def _survey_or_404(program):
    survey = Survey.objects.select_related("program").filter(program=program).first()
    if survey is None:
        raise Http404
    return survey


def _back(program, anchor=""):
    return reverse("staff:survey", kwargs={"slug": program.slug}) + (f"#{anchor}" if anchor else "")


# --- forms -------------------------------------------------------------------------------------------


class SettingsForm(ProgramTimeZoneFormMixin, forms.Form):
    zoned_fields = ("opens_at", "closes_at")
    _widget = {"type": "datetime-local"}

    opens_at = forms.DateTimeField(
        label=gettext_lazy("Opens"), required=False,
        widget=forms.DateTimeInput(attrs=_widget, format="%Y-%m-%dT%H:%M"),
    )
    closes_at = forms.DateTimeField(
        label=gettext_lazy("Closes"), required=False,
        widget=forms.DateTimeInput(attrs=_widget, format="%Y-%m-%dT%H:%M"),
    )
    anonymous_allowed = forms.BooleanField(label=gettext_lazy("Participants may answer anonymously"),
                                           required=False)
    send_automatically = forms.BooleanField(label=gettext_lazy("Invite automatically when the survey opens"),
                                            required=False)
    audience = forms.ChoiceField(label=gettext_lazy("Who is invited"), choices=Survey.Audience.choices,
                                 widget=forms.RadioSelect)
    reminder_after_days = forms.IntegerField(label=gettext_lazy("Reminder after (days)"), min_value=1,
                                             max_value=60)

    def __init__(self, *args, survey, **kwargs):
        self.program = survey.program
        kwargs.setdefault("initial", {
            "opens_at": survey.opens_at, "closes_at": survey.closes_at,
            "anonymous_allowed": survey.anonymous_allowed, "send_automatically": survey.send_automatically,
            "audience": survey.audience, "reminder_after_days": survey.reminder_after_days,
        })
        super().__init__(*args, **kwargs)
        self._show_in_program_zone()
        zone = self.program.time_zone
        self.fields["opens_at"].help_text = _(
            "Empty: when the program ends. In the program's time zone (%(zone)s).") % {"zone": zone}
        self.fields["closes_at"].help_text = _(
            "Empty: four weeks after it opens. Participants can change their answers until then. In the program's "
            "time zone (%(zone)s).") % {"zone": zone}
        self.fields["anonymous_allowed"].help_text = Survey._meta.get_field("anonymous_allowed").help_text
        self.fields["send_automatically"].help_text = Survey._meta.get_field("send_automatically").help_text
        self.fields["reminder_after_days"].help_text = Survey._meta.get_field("reminder_after_days").help_text

    def display_zone(self):
        return self.program.tz

    def submitted_zone(self, cleaned_data):
        return self.program.tz

    def clean(self):
        return self._read_in_program_zone(super().clean())


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=Question.Kind.choices, widget=forms.RadioSelect)
    required = forms.BooleanField(label=gettext_lazy("An answer is required"), required=False)
    session = forms.ModelChoiceField(label=gettext_lazy("About the session"), queryset=Session.objects.none(),
                                     required=False,
                                     help_text=gettext_lazy("Ratings only: the results list it among the "
                                                            "sessions' ratings."))

    def __init__(self, *args, program, question=None, **kwargs):
        initial = kwargs.pop("initial", None) or {}
        if question is not None:
            initial.update(kind=question.kind, required=question.required, session=question.session_id)
            for code, _name in LANGUAGES:
                initial[questions.form_field("label", code)] = getattr(question, questions.form_field("label", code))
                initial[questions.form_field("help_text", code)] = getattr(
                    question, questions.form_field("help_text", code))
                lines = [getattr(choice, questions.form_field("label", code)) or "" for choice in
                         question.choices.all()]
                initial[questions.form_field("choices", code)] = "\n".join(lines) if any(lines) else ""
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["session"].queryset = Session.objects.filter(program=program).order_by("starts", "pk")
        names = dict(LANGUAGES)
        for code, _name in LANGUAGES:
            language = names[code]
            english = code == questions.FALLBACK_LANGUAGE
            self.fields[questions.form_field("label", code)] = forms.CharField(
                label=_("Question (%(language)s)") % {"language": language}, required=english,
                max_length=questions.LABEL_MAX_LENGTH,
                help_text="" if english else _("Empty: the English text is shown."),
            )
            self.fields[questions.form_field("help_text", code)] = forms.CharField(
                label=_("Help text (%(language)s)") % {"language": language}, required=False,
                max_length=questions.HELP_MAX_LENGTH,
            )
            self.fields[questions.form_field("choices", code)] = forms.CharField(
                label=_("Choices (%(language)s)") % {"language": language}, required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
                help_text=_("Choice questions only: one choice per line.") if english else _(
                    "One per line, in the same order as in English; empty: the English ones are shown."),
            )

    def data_for_service(self):
        data = self.cleaned_data
        codes = [code for code, _name in LANGUAGES]
        return questions.QuestionData(
            kind=data["kind"],
            required=data["required"],
            session=data["session"],
            labels={code: data[questions.form_field("label", code)] for code in codes},
            help_texts={code: data[questions.form_field("help_text", code)] for code in codes},
            choices={code: data[questions.form_field("choices", code)] for code in codes},
        )


class PreviewForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=LANGUAGES, required=False)


# --- the survey page ------------------------------------------------------------------------------------


def _figures(survey):
    results = survey_results(survey)
    return {
        "invited": results.invited,
        "answered": results.answered,
        "reminded": results.reminded,
        "anonymous": results.anonymous,
        "rate": results.response_rate,
        "pending": invitations.pending_count(survey) if survey.state() != Survey.State.CLOSED else 0,
    }


@never_cache
@require_http_methods(["GET", "POST"])
@program_view(CHANGE_PERMISSION)
def survey(request, program):
    """The survey's state, figures, settings (POST saves them) and questions; or the offer to make one."""
    survey = Survey.objects.select_related("program").filter(program=program).first()
    if survey is None:
        if request.method == "POST":
            raise Http404
        return render(request, "organiser/survey.html", _context(
            request, program, title=_("Feedback survey: %(program)s") % {"program": program}, survey=None,
        ))
    form = SettingsForm(request.POST if request.method == "POST" else None, survey=survey)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                questions.update_settings(survey, **form.cleaned_data)
            except SurveyError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("The survey's settings are saved."))
                return redirect(_back(program))
        status = 400
    question_list = list(Question.objects.filter(survey=survey).select_related("session")
                         .prefetch_related("choices").order_by("order", "pk"))
    rated = {question.session_id for question in question_list if question.session_id}
    unrated_sessions = Session.objects.filter(program=program, kind__in=RATED_SESSION_KINDS) \
        .exclude(pk__in=rated).count()
    return render(request, "organiser/survey.html", _context(
        request, program,
        title=_("Feedback survey: %(program)s") % {"program": program},
        survey=survey,
        state=survey.state(),
        form=form,
        questions=question_list,
        unrated_sessions=unrated_sessions,
        figures=_figures(survey),
    ), status=status)


@require_POST
@program_view(CHANGE_PERMISSION)
def create(request, program):
    questions.create_default_survey(program)
    messages.success(request, _("The survey is ready with the default questions. Edit them as you like."))
    return redirect(_back(program))


@require_POST
@program_view(CHANGE_PERMISSION)
def action(request, program):
    """Open or close now, send the invitations now, or add the sessions that have no rating question yet."""
    survey = _survey_or_404(program)
    what = request.POST.get("action")
    try:
        if what == "open":
            questions.open_survey(survey)
            messages.success(request, _("The survey is open."))
        elif what == "close":
            questions.close_survey(survey)
            messages.success(request, _("The survey is closed: answers can no longer be given or changed."))
        elif what == "send":
            invitations.invite_now(survey)
            messages.success(request, _(
                "The survey is open and the invitations are being sent to everyone it is for who has not been "
                "invited yet. Reload this page in a minute to see the figures."
            ))
        elif what == "sessions":
            added = questions.add_session_questions(survey)
            messages.success(request, _("Rating questions added for %(count)d sessions.") % {"count": added})
        else:
            messages.error(request, _("Please choose one of the offered options."))
    except SurveyError as error:
        messages.error(request, error.message)
    return redirect(_back(program))


@never_cache
@require_http_methods(["GET", "POST"])
@program_view(CHANGE_PERMISSION)
def question(request, program, pk=None):
    """Add a question (no ``pk``) or edit one."""
    survey = _survey_or_404(program)
    instance = None
    if pk is not None:
        instance = get_object_or_404(Question.objects.prefetch_related("choices"), pk=pk, survey=survey)
    form = QuestionForm(request.POST if request.method == "POST" else None, program=program, question=instance,
                        initial=None if instance else {"kind": Question.Kind.RATING})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if instance is None:
                    saved = questions.add_question(survey, form.data_for_service())
                    messages.success(request, _("The question is added at the end of the survey."))
                else:
                    saved = questions.update_question(instance, form.data_for_service())
                    messages.success(request, _("The question is saved."))
            except SurveyError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                return redirect(_back(program, f"question-{saved.pk}"))
        status = 400
    title = _("Edit a question") if instance else _("Add a question")
    return render(request, "organiser/survey_question.html", _context(
        request, program, title=title, survey=survey, question=instance, form=form,
        answered=instance.answers.count() if instance else 0,
    ), status=status)


@require_POST
@program_view(CHANGE_PERMISSION)
def move(request, program, pk):
    survey = _survey_or_404(program)
    instance = get_object_or_404(Question, pk=pk, survey=survey)
    questions.move_question(instance, -1 if request.POST.get("direction") == "up" else 1)
    return redirect(_back(program, f"question-{instance.pk}"))


@require_POST
@program_view(CHANGE_PERMISSION)
def delete(request, program, pk):
    survey = _survey_or_404(program)
    instance = get_object_or_404(Question, pk=pk, survey=survey)
    try:
        questions.delete_question(instance)
    except SurveyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The question “%(question)s” is removed.") % {"question": instance.label})
    return redirect(_back(program, "questions"))


# --- preview -------------------------------------------------------------------------------------------


def _sample_participant(survey, language):
    """A confirmed participant who reads that language, else a made-up one; never with their real link.

    The organiser sees how the e-mail reads for a real name, but the link in
    it is a placeholder: a participant's token opens their page, and staff
    have no need of it.
    """
    program = survey.program
    people = Registration.objects.filter(program=program, personal_data_erased_at__isnull=True).confirmed()
    sample = people.filter(language=language).order_by("created_at", "pk").first()
    if sample is None:
        sample = Registration(program=program, given_name=_("Participant"), language=language)
    sample.token = PLACEHOLDER_TOKEN
    return sample


@never_cache
@require_GET
@program_view(CHANGE_PERMISSION)
def preview(request, program):
    """The invitation and the reminder as one participant would read them, in the chosen language."""
    survey = _survey_or_404(program)
    form = PreviewForm(request.GET or None)
    language = form.cleaned_data["language"] if form.is_valid() and form.cleaned_data["language"] else "en"
    sample = _sample_participant(survey, language)
    mails = []
    for kind, label in ((emails.INVITATION, _("Invitation")), (emails.REMINDER, _("Reminder"))):
        subject, text, _html = emails.render(survey, sample, kind)
        mails.append({"label": label, "subject": subject, "text": text})
    return render(request, "organiser/survey_preview.html", _context(
        request, program, title=_("Preview the survey's e-mails: %(program)s") % {"program": program},
        survey=survey, form=form, language=language, mails=mails, sample=sample,
        figures=_figures(survey), state=survey.state(),
    ))


# --- results -------------------------------------------------------------------------------------------


def _average(value):
    return format_number(value, 2) if value is not None else "–"


def _rating_chart(result):
    return distribution_chart(
        [(bucket.label, bucket.count) for bucket in result.buckets],
        title=_("How many gave each rating: %(question)s") % {"question": result.question.label},
    )


@never_cache
@require_GET
@program_view(CHANGE_PERMISSION)
def results(request, program):
    survey = _survey_or_404(program)
    outcome = survey_results(survey)
    ratings = outcome.ratings
    averages_chart = bar_chart(
        [(result.question.label, result.average) for result in ratings],
        title=_("Average ratings (1 to %(max)d)") % {"max": RATING_MAX}, max_value=RATING_MAX,
        value_label=_average,
    ) if ratings else ""
    sessions_chart = bar_chart(
        [(result.question.session.title if result.question.session else result.question.label, result.average)
         for result in outcome.sessions],
        title=_("Average rating of each session (1 to %(max)d)") % {"max": RATING_MAX}, max_value=RATING_MAX,
        value_label=_average,
    ) if outcome.sessions else ""
    shown = []
    for result in outcome.questions:
        chart = ""
        if result.kind == Question.Kind.RATING:
            chart = _rating_chart(result)
        elif result.kind == Question.Kind.CHOICE:
            chart = bar_chart([(bucket.label, bucket.count) for bucket in result.buckets],
                              title=_("Answers: %(question)s") % {"question": result.question.label})
        shown.append({"result": result, "chart": chart, "average": _average(result.average)})
    sessions = [{"result": result, "average": _average(result.average), "chart": _rating_chart(result)}
                for result in outcome.sessions]
    return render(request, "organiser/survey_results.html", _context(
        request, program, title=_("Survey results: %(program)s") % {"program": program},
        survey=survey, outcome=outcome, averages_chart=averages_chart, sessions_chart=sessions_chart,
        shown=shown, sessions=sessions, ratings=[{"result": r, "average": _average(r.average)} for r in ratings],
        rate=format_number(outcome.response_rate, 1) if outcome.response_rate is not None else None,
    ))


@require_GET
@program_view(CHANGE_PERMISSION)
def export(request, program):
    """Every response as a file: ?format=xlsx for Excel, else CSV."""
    survey = _survey_or_404(program)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    name = f"survey-{slugify(program.slug)}-{stamp}"
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            exports.responses_xlsx(survey),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        response = HttpResponse(exports.responses_csv(survey), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "no-store"
    return response
