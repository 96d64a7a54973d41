"""The results of a survey against figures worked out by hand, and their cost in queries."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ProgramFactory, SessionFactory
from tests.factories.surveys import InvitationFactory, QuestionFactory, SurveyFactory, attendee, choice_question
from trainingcenter.surveys.models import Question
from trainingcenter.surveys.results import results
from trainingcenter.surveys.services import submit_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    """Four questions and two sessions' ratings; five invited, four answered (one anonymously).

    |               | overall | useful | heard from | improve      | session 1 | session 2 |
    | P1            | 5       | 4      | Website    | Great        | 5         | 3         |
    | P2            | 4       | 4      | Colleague  |              | 4         |           |
    | P3 anonymous  | 4       | 2      | Website    | More breaks  | 5         |           |
    | P4            | 2       |        |            |              |           | 1         |
    | P5            | (invited, did not answer)                                            |
    """
    survey = SurveyFactory(anonymous_allowed=True)
    program = survey.program
    overall = QuestionFactory(survey=survey, label_en="Overall", required=True)
    useful = QuestionFactory(survey=survey, label_en="Useful")
    heard = choice_question(survey, ["Website", "Colleague", "Embassy"], label_en="Heard from")
    improve = QuestionFactory(survey=survey, kind=Question.Kind.TEXT, label_en="Improve")
    first = SessionFactory(program=program, title="Batteries")
    second = SessionFactory(program=program, title="Hydrogen")
    session_one = QuestionFactory(survey=survey, label_en="Session: Batteries", session=first)
    session_two = QuestionFactory(survey=survey, label_en="Session: Hydrogen", session=second)
    website, colleague, _embassy = heard.choices.all()
    rows = [
        ({overall: 5, useful: 4, heard: website.pk, improve: "Great", session_one: 5, session_two: 3}, False),
        ({overall: 4, useful: 4, heard: colleague.pk, improve: "", session_one: 4}, False),
        ({overall: 4, useful: 2, heard: website.pk, improve: "More breaks", session_one: 5}, True),
        ({overall: 2, session_two: 1}, False),
    ]
    for given, anonymous in rows:
        invitation = InvitationFactory(survey=survey, registration=attendee(program))
        submit_answers(invitation, {question.pk: value for question, value in given.items()}, anonymous=anonymous)
    InvitationFactory(survey=survey, registration=attendee(program))
    return survey


def counts(result):
    return [bucket.count for bucket in result.buckets]


def test_response_rate(survey):
    outcome = results(survey.program)
    assert (outcome.invited, outcome.answered, outcome.responses, outcome.anonymous) == (5, 4, 4, 1)
    assert outcome.response_rate == pytest.approx(80.0)


def test_averages_and_distributions_of_ratings(survey):
    outcome = results(survey.program)
    overall, useful = outcome.ratings
    assert overall.question.label == "Overall"
    assert (overall.answered, overall.average) == (4, pytest.approx(3.75))
    assert counts(overall) == [0, 1, 0, 2, 1]
    assert [bucket.percent for bucket in overall.buckets] == [0, 25, 0, 50, 25]
    assert [bucket.label for bucket in overall.buckets] == ["1", "2", "3", "4", "5"]
    assert (useful.answered, useful.average) == (3, pytest.approx(10 / 3))
    assert counts(useful) == [0, 1, 0, 2, 0]


def test_choices_comments_and_sessions(survey):
    outcome = results(survey.program)
    heard, improve = outcome.questions[2:]
    assert [(b.label, b.count) for b in heard.buckets] == [("Website", 2), ("Colleague", 1), ("Embassy", 0)]
    assert heard.answered == 3 and heard.buckets[0].percent == pytest.approx(200 / 3)
    assert improve.texts == ["Great", "More breaks"] and improve.answered == 2

    one, two = outcome.sessions
    assert one.question.session.title == "Batteries"
    assert (one.answered, one.average, counts(one)) == (3, pytest.approx(14 / 3), [0, 0, 0, 1, 2])
    assert (two.answered, two.average, counts(two)) == (2, pytest.approx(2.0), [1, 0, 1, 0, 0])
    # The sessions' ratings are not among the general ones.
    assert [r.question.label for r in outcome.questions] == ["Overall", "Useful", "Heard from", "Improve"]


def test_no_answers_yet_and_no_survey():
    survey = SurveyFactory()
    QuestionFactory(survey=survey)
    outcome = results(survey.program)
    assert (outcome.invited, outcome.answered, outcome.response_rate) == (0, 0, None)
    [rating] = outcome.ratings
    assert rating.average is None and counts(rating) == [0] * 5
    assert results(ProgramFactory()) is None


def test_the_figures_cost_the_same_queries_however_many_answers(survey):
    with CaptureQueriesContext(connection) as few:
        results(survey.program)
    program = survey.program
    questions = list(survey.questions.all())
    for _ in range(20):
        invitation = InvitationFactory(survey=survey, registration=attendee(program))
        submit_answers(invitation, {q.pk: 3 if q.kind == "rating" else "" for q in questions
                                    if q.kind != Question.Kind.CHOICE})
    with CaptureQueriesContext(connection) as many:
        outcome = results(program)
    assert len(many) == len(few) == 9
    assert outcome.answered == 24
