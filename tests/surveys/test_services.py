"""The survey services: default questions, the organisers' edits, invitations once, one reminder, answering once."""
import datetime as dt

import pytest
from django.core.management import call_command
from django.db.models import RestrictedError
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from tests.factories import RegistrationFactory, SessionFactory
from tests.factories.surveys import (
    InvitationFactory,
    QuestionFactory,
    SurveyFactory,
    attended,
    attendee,
    choice_question,
    ended_program,
)
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Session
from trainingcenter.registrations.models import Registration
from trainingcenter.surveys import tasks
from trainingcenter.surveys.models import Answer, Invitation, Question, Response, Survey
from trainingcenter.surveys.services import (
    QuestionData,
    SurveyError,
    add_question,
    add_session_questions,
    answers,
    close_survey,
    create_default_survey,
    delete_question,
    invitations,
    invite_now,
    move_question,
    open_survey,
    send_invitations,
    send_reminders,
    submit_answers,
    update_question,
    update_settings,
)

pytestmark = pytest.mark.django_db
DAY = dt.timedelta(days=1)


def survey_mails(kind="invitation"):
    return list(OutgoingMail.objects.filter(tag__endswith=f":survey-{kind}").order_by("pk"))


# --- the default survey -------------------------------------------------------------------------------


def test_default_survey_has_the_usual_questions_in_three_languages():
    program = ended_program()
    lecture = SessionFactory(program=program, title="Battery recycling", title_ru="Переработка батарей")
    SessionFactory(program=program, kind=Session.Kind.BREAK, title="Tea")
    SessionFactory(program=program, kind=Session.Kind.OPENING_REMARKS, title="Opening")
    panel = SessionFactory(program=program, kind=Session.Kind.PANEL, title="Panel",
                           starts=program.starts + dt.timedelta(hours=2), ends=program.starts + dt.timedelta(hours=3))

    survey = create_default_survey(program)

    questions = list(survey.questions.order_by("order"))
    assert [(q.default_key, q.kind, q.required) for q in questions] == [
        ("overall", "rating", True), ("usefulness", "rating", True),
        ("session", "rating", False), ("session", "rating", False),
        ("improve", "text", False), ("topics", "text", False),
    ]
    assert [q.session for q in questions[2:4]] == [lecture, panel]
    overall = questions[0]
    assert overall.label_en == "Overall, how would you rate the program?"
    assert overall.label_zh_hans == "总体而言，您如何评价本期培训项目？"
    assert overall.label_ru == "Как вы в целом оцениваете программу?"
    assert questions[2].label_en == "Session: Battery recycling"
    assert questions[2].label_ru == "Сессия: Переработка батарей"
    # A language without its own title shows the English one.
    assert questions[2].label_zh_hans == "课程：Battery recycling"
    with translation.override("ru"):
        assert Question.objects.get(pk=questions[4].pk).label == "Что нам следует улучшить?"


def test_making_the_default_survey_twice_changes_nothing():
    program = ended_program()
    first = create_default_survey(program)
    second = create_default_survey(program)
    assert first.pk == second.pk and Survey.objects.count() == 1
    assert first.questions.count() == 4


def test_sessions_added_later_get_their_rating_after_the_other_sessions():
    program = ended_program()
    SessionFactory(program=program, title="First")
    survey = create_default_survey(program)
    SessionFactory(program=program, title="Second", starts=program.starts + dt.timedelta(hours=1),
                   ends=program.starts + dt.timedelta(hours=2))

    assert add_session_questions(survey) == 1
    assert add_session_questions(survey) == 0
    keys = [(q.default_key, q.session.title if q.session else "") for q in survey.questions.order_by("order")]
    assert keys == [("overall", ""), ("usefulness", ""), ("session", "First"), ("session", "Second"),
                    ("improve", ""), ("topics", "")]


# --- the organisers' questions ---------------------------------------------------------------------------


def choice_data(**overrides):
    data = {
        "kind": "choice", "required": True,
        "labels": {"en": "How did you hear of the program?", "ru": "Как вы узнали о программе?"},
        "choices": {"en": "Our website\nA colleague\nThe embassy", "ru": ["Наш сайт", "Коллега", "Посольство"]},
    }
    return QuestionData(**{**data, **overrides})


def test_a_choice_question_with_its_choices_per_language():
    survey = create_default_survey(ended_program())

    question = add_question(survey, choice_data())

    assert question.order == survey.questions.count() - 1
    assert [c.label_en for c in question.choices.all()] == ["Our website", "A colleague", "The embassy"]
    assert [c.label_ru for c in question.choices.all()] == ["Наш сайт", "Коллега", "Посольство"]
    with translation.override("zh-hans"):
        # No Chinese given: the English ones are shown.
        assert [c.label for c in question.choices.all()] == ["Our website", "A colleague", "The embassy"]


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"labels": {"ru": "Только по-русски"}}, "label_en", "Please write the question in English"),
    ({"choices": {"en": "Only one"}}, "choices_en", "Please give at least two choices in English"),
    ({"choices": {"en": "A\nB", "ru": "А"}}, "choices_ru",
     "Please give as many choices in Russian as in English (2), in the same order"),
    ({"choices": {"en": "Same\nsame"}}, "choices_en", "Each choice should be given once."),
    ({"labels": {"en": "x" * 301}}, "label_en", "Please use at most 300 characters."),
    ({"kind": "slider"}, "kind", "Please choose one of the offered options."),
])
def test_a_question_that_cannot_be_saved_says_which_field_and_why(overrides, field, message):
    survey = SurveyFactory()
    with pytest.raises(SurveyError) as refused:
        add_question(survey, choice_data(**overrides))
    assert refused.value.field == field
    assert message in refused.value.message
    assert not survey.questions.exists()


def answered_once(question, **answer):
    invitation = InvitationFactory(survey=question.survey)
    response = Response.objects.create(survey=question.survey, invitation=invitation, key=f"k{invitation.pk}",
                                       submitted_at=timezone.now())
    return Answer.objects.create(response=response, question=question, **answer)


def test_an_answered_question_keeps_its_kind_and_its_chosen_choices():
    survey = SurveyFactory()
    question = add_question(survey, choice_data())
    chosen = question.choices.last()
    answered_once(question, choice=chosen)

    with pytest.raises(SurveyError) as refused:
        update_question(question, choice_data(kind="text"))
    assert refused.value.field == "kind"
    with pytest.raises(SurveyError) as refused:
        update_question(question, choice_data(choices={"en": "Our website\nA colleague"}))
    assert "“The embassy” has been chosen already" in refused.value.message
    # Rewording is fine, and the answer still points to the same choice.
    update_question(question, choice_data(choices={"en": "Our website\nA colleague\nAn embassy"}))
    chosen.refresh_from_db()
    assert chosen.label_en == "An embassy" and chosen.answers.count() == 1


def test_reorder_and_remove_questions():
    survey = SurveyFactory()
    first, second, third = (QuestionFactory(survey=survey, label_en=name) for name in ("one", "two", "three"))

    assert move_question(third, -1) is True
    assert move_question(first, -1) is False
    assert [q.label_en for q in survey.questions.order_by("order")] == ["one", "three", "two"]

    delete_question(Question.objects.get(pk=third.pk))
    assert [(q.label_en, q.order) for q in survey.questions.order_by("order")] == [("one", 0), ("two", 1)]

    answered_once(second, rating=4)
    with pytest.raises(SurveyError, match="answered 1 times"):
        delete_question(second)
    assert survey.questions.count() == 2


def test_only_a_rating_can_be_about_a_session_of_the_same_program():
    survey = SurveyFactory()
    elsewhere = SessionFactory()
    with pytest.raises(SurveyError) as refused:
        add_question(survey, QuestionData(kind="rating", labels={"en": "Rate it"}, session=elsewhere))
    assert refused.value.field == "session"
    mine = SessionFactory(program=survey.program)
    with pytest.raises(SurveyError) as refused:
        add_question(survey, QuestionData(kind="text", labels={"en": "Say"}, session=mine))
    assert refused.value.field == "session"


# --- settings, opening, closing --------------------------------------------------------------------


def test_default_window_is_four_weeks_from_the_programs_end():
    survey = SurveyFactory()
    ends = survey.program.ends
    assert survey.opens() == ends and survey.closes() == ends + 28 * DAY
    assert survey.state(ends - DAY) == "scheduled"
    assert survey.state(ends) == "open"
    assert survey.state(ends + 28 * DAY) == "closed"


def test_settings_refuse_a_survey_that_closes_before_it_opens():
    survey = SurveyFactory()
    with pytest.raises(SurveyError) as refused:
        update_settings(survey, opens_at=None, closes_at=survey.program.ends - DAY, anonymous_allowed=True,
                        send_automatically=True, audience="attended", reminder_after_days=3)
    assert refused.value.field == "closes_at"
    update_settings(survey, opens_at=None, closes_at=survey.program.ends + 10 * DAY, anonymous_allowed=True,
                    send_automatically=False, audience="confirmed", reminder_after_days=3)
    survey.refresh_from_db()
    assert (survey.anonymous_allowed, survey.send_automatically, survey.audience, survey.reminder_after_days) == (
        True, False, "confirmed", 3)


def test_open_and_close_now():
    program = ended_program(ends=timezone.now() + 5 * DAY, starts=timezone.now() + 4 * DAY)
    survey = SurveyFactory(program=program)
    assert survey.state() == "scheduled"
    open_survey(survey)
    assert survey.state() == "open"
    close_survey(survey)
    survey.refresh_from_db()
    assert survey.state() == "closed"
    open_survey(survey)
    survey.refresh_from_db()
    assert survey.state() == "open" and survey.closes() > timezone.now() + 27 * DAY


# --- invitations -----------------------------------------------------------------------------------------


def test_invitations_go_to_attendees_once_each_in_their_language():
    program = ended_program(title="Battery storage", title_ru="Хранение энергии")
    survey = create_default_survey(program)
    amina = attendee(program, given_name="Amina", language="ru")
    bolat = attendee(program, given_name="Bolat")
    attended(RegistrationFactory(program=program), yes=False)
    RegistrationFactory(program=program)  # no attendance recorded: did not attend
    attendee(program, status=Registration.Status.CANCELLED)  # not confirmed: not judged

    assert send_invitations(program) == 2
    assert send_invitations(program) == 0

    assert set(Invitation.objects.values_list("registration", flat=True)) == {amina.pk, bolat.pk}
    mails = {mail.to: mail for mail in survey_mails()}
    assert set(mails) == {amina.email, bolat.email}
    russian = mails[amina.email]
    assert "Хранение энергии" in russian.subject
    assert f"/ru/r/{amina.token}/survey/" in russian.body_text
    assert f"/en/r/{bolat.token}/survey/" in mails[bolat.email].body_text
    assert "Dear Bolat," in mails[bolat.email].body_text
    assert survey.questions.exists()


def test_someone_who_attends_later_is_invited_by_the_next_run():
    program = ended_program()
    create_default_survey(program)
    attendee(program)
    assert send_invitations(program) == 1
    late = RegistrationFactory(program=program)
    assert send_invitations(program) == 0
    attended(late)
    assert send_invitations(program) == 1
    assert len(survey_mails()) == 2


def test_no_invitation_outside_the_window_nor_to_an_erased_participant():
    program = ended_program()
    survey = create_default_survey(program)
    attendee(program, personal_data_erased_at=timezone.now())
    attendee(program)
    close_survey(survey)
    assert send_invitations(program) == 0
    open_survey(survey)
    assert send_invitations(program) == 1


def test_audience_of_every_confirmed_participant():
    program = ended_program()
    survey = create_default_survey(program)
    survey.audience = Survey.Audience.CONFIRMED
    survey.save()
    RegistrationFactory.create_batch(3, program=program)
    RegistrationFactory(program=program, status=Registration.Status.WAITLISTED)
    assert send_invitations(program) == 3


def test_the_send_task_run_twice_invites_each_once():
    program = ended_program()
    survey = create_default_survey(program)
    people = [attendee(program) for _ in range(3)]

    invite_now(survey)
    tasks.send_survey_invitations.enqueue(program.pk)  # a second press, or a retry
    run_tasks()

    assert Invitation.objects.count() == 3
    assert sorted(mail.to for mail in survey_mails()) == sorted(p.email for p in people)
    # Each e-mail is keyed, so even a rendering run twice queues one.
    assert OutgoingMail.objects.filter(key__startswith=f"survey:{survey.pk}:invitation:").count() == 3


def test_send_now_opens_a_survey_not_yet_open_and_refuses_a_closed_one():
    program = ended_program(starts=timezone.now() + DAY, ends=timezone.now() + 2 * DAY)
    survey = create_default_survey(program)
    attendee(program)
    invite_now(survey)
    run_tasks()
    assert survey.state() == "open" and Invitation.objects.count() == 1
    close_survey(survey)
    with pytest.raises(SurveyError, match="closed"):
        invite_now(survey)


# --- one reminder ----------------------------------------------------------------------------------------


def test_one_reminder_to_those_who_have_not_answered_after_the_set_days():
    program = ended_program()
    survey = create_default_survey(program)
    quiet, keen = attendee(program), attendee(program)
    now = timezone.now()
    send_invitations(program, now=now)
    keen_invitation = Invitation.objects.get(registration=keen)
    submit_answers(keen_invitation, {q.pk: 4 for q in survey.questions.filter(kind="rating")}, now=now + DAY)

    assert send_reminders(program, now=now + 3 * DAY) == 0  # four days by default
    assert send_reminders(program, now=now + 4 * DAY) == 1
    assert send_reminders(program, now=now + 5 * DAY) == 0

    [reminder] = survey_mails("reminder")
    assert reminder.to == quiet.email and "Reminder" in reminder.subject
    assert f"/en/r/{quiet.token}/survey/" in reminder.body_text
    assert Invitation.objects.get(registration=quiet).reminder_sent_at == now + 4 * DAY


def test_no_reminder_once_the_survey_has_closed():
    program = ended_program()
    survey = create_default_survey(program)
    attendee(program)
    now = timezone.now()
    send_invitations(program, now=now)
    assert send_reminders(program, now=survey.closes() + DAY) == 0


# --- the periodic round -------------------------------------------------------------------------------------


def test_periodic_round_makes_the_survey_invites_and_reminds():
    program = ended_program()
    old = ended_program(starts=timezone.now() - 60 * DAY, ends=timezone.now() - 59 * DAY)
    people = [attendee(program) for _ in range(2)]
    attendee(old)
    now = timezone.now()

    assert invitations.housekeeping(now) == {"surveys_created": 1, "invited": 2, "reminded": 0}
    assert invitations.housekeeping(now + 5 * DAY) == {"surveys_created": 0, "invited": 0, "reminded": 2}
    assert invitations.housekeeping(now + 6 * DAY) == {"surveys_created": 0, "invited": 0, "reminded": 0}

    assert not Survey.objects.filter(program=old).exists()
    assert sorted(m.to for m in survey_mails()) == sorted(p.email for p in people)
    assert len(survey_mails("reminder")) == 2


def test_a_survey_not_sent_automatically_waits_for_the_organisers():
    program = ended_program()
    survey = create_default_survey(program)
    survey.send_automatically = False
    survey.save()
    attendee(program)
    assert invitations.housekeeping()["invited"] == 0


def test_start_survey_tasks_is_idempotent_and_the_task_reschedules_itself():
    path = tasks.survey_housekeeping.module_path
    call_command("start_survey_tasks")
    call_command("start_survey_tasks")
    assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1

    run_tasks()

    ran = DBTaskResult.objects.filter(task_path=path).exclude(status="READY")
    waiting = DBTaskResult.objects.get(task_path=path, status="READY")
    assert ran.count() == 1 and ran.get().status == "SUCCESSFUL"
    assert waiting.run_after > timezone.now() + dt.timedelta(minutes=14)


# --- answering -------------------------------------------------------------------------------------------------


@pytest.fixture
def invitation():
    program = ended_program()
    survey = create_default_survey(program)
    return InvitationFactory(survey=survey, registration=attendee(program))


def default_answers(survey, overall=5, usefulness=4, improve="More case studies"):
    by_key = {q.default_key: q.pk for q in survey.questions.all()}
    return {by_key["overall"]: overall, by_key["usefulness"]: usefulness, by_key["improve"]: improve}


def test_answers_are_saved_once_and_a_second_submission_replaces_them(invitation):
    survey = invitation.survey
    first = submit_answers(invitation, default_answers(survey))
    answered_at = Invitation.objects.get(pk=invitation.pk).answered_at

    second = submit_answers(invitation, default_answers(survey, overall=3, improve=""))

    assert first.pk == second.pk and Response.objects.count() == 1
    assert sorted(Answer.objects.values_list("rating", flat=True), key=str) == [3, 4]
    assert not Answer.objects.exclude(text="").exists()
    assert second.invitation_id == invitation.pk and not second.anonymous
    # The first answer's time stays: it is when they answered.
    assert Invitation.objects.get(pk=invitation.pk).answered_at == answered_at


def test_after_the_survey_closes_answers_are_refused_and_kept(invitation):
    survey = invitation.survey
    submit_answers(invitation, default_answers(survey))
    with pytest.raises(SurveyError, match="closed"):
        submit_answers(invitation, default_answers(survey, overall=1), now=survey.closes())
    assert list(Answer.objects.exclude(rating=None).values_list("rating", flat=True).order_by("rating")) == [4, 5]


def test_before_it_opens_answers_are_refused(invitation):
    with pytest.raises(SurveyError, match="not open yet"):
        submit_answers(invitation, default_answers(invitation.survey), now=invitation.survey.opens() - DAY)


def test_each_invalid_answer_gets_its_own_message_and_nothing_is_saved(invitation):
    survey = invitation.survey
    by_key = {q.default_key: q.pk for q in survey.questions.all()}
    choice = choice_question(survey, ["Yes", "No"])
    other_choice = choice_question(SurveyFactory(), ["Elsewhere", "Other"]).choices.first()

    with pytest.raises(SurveyError) as refused:
        submit_answers(invitation, {
            by_key["overall"]: "", by_key["usefulness"]: 7, by_key["improve"]: "x" * 4001,
            choice.pk: other_choice.pk,
        })

    assert refused.value.errors == {
        by_key["overall"]: "Please answer this question.",
        by_key["usefulness"]: "Please choose a rating from 1 to 5.",
        by_key["improve"]: "Please keep your answer to 4000 characters; it has 4001.",
        choice.pk: "Please choose one of the offered answers.",
    }
    assert "nothing has been saved" in refused.value.message
    assert not Response.objects.exists()
    assert Invitation.objects.get(pk=invitation.pk).answered_at is None


def test_optional_questions_may_be_left_out_and_control_characters_go(invitation):
    survey = invitation.survey
    by_key = {q.default_key: q.pk for q in survey.questions.all()}
    submit_answers(invitation, {by_key["overall"]: "5", by_key["usefulness"]: "4",
                                by_key["topics"]: " Hydrogen\x00 storage \n"})
    assert Answer.objects.get(question_id=by_key["topics"]).text == "Hydrogen storage"
    assert Answer.objects.count() == 3


def test_anonymous_answers_only_where_allowed_and_not_linked(invitation):
    survey = invitation.survey
    with pytest.raises(SurveyError) as refused:
        submit_answers(invitation, default_answers(survey), anonymous=True)
    assert refused.value.field == "anonymous"

    survey.anonymous_allowed = True
    survey.save()
    now = timezone.now()
    response = submit_answers(invitation, default_answers(survey), anonymous=True, now=now)

    assert response.anonymous and response.invitation_id is None
    assert response.submitted_at == now.replace(hour=0, minute=0, second=0, microsecond=0)
    invitation.refresh_from_db()
    assert invitation.answered_at == now  # they answered: no reminder
    # The participant's own link still finds it, and they may change it, or give their name after all.
    assert answers.response_for(invitation) == response
    named = submit_answers(invitation, default_answers(survey, overall=2), now=now + DAY)
    assert named.pk == response.pk and named.invitation_id == invitation.pk and not named.anonymous
    assert Response.objects.count() == 1


def test_two_participants_get_two_responses(invitation):
    survey = invitation.survey
    other = InvitationFactory(survey=survey, registration=attendee(survey.program))
    submit_answers(invitation, default_answers(survey))
    submit_answers(other, default_answers(survey))
    assert Response.objects.count() == 2
    assert answers.response_for(invitation) != answers.response_for(other)


def test_a_survey_with_chosen_answers_can_go_as_a_whole_but_a_chosen_choice_not_alone():
    survey = SurveyFactory()
    question = choice_question(survey, ["Yes", "No"])
    chosen = question.choices.first()
    answered_once(question, choice=chosen)
    with pytest.raises(RestrictedError):
        chosen.delete()
    survey.delete()
    assert not Answer.objects.exists() and not Question.objects.exists()
