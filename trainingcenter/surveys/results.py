"""What a program's survey says: response rate, averages, distributions, per-session ratings, comments.

Read-only. The figures are counted and averaged by the database (aggregates
grouped by question, rating and choice), so ``results`` costs the same nine
queries for ten answers or ten thousand; only the comments come back as rows,
since they are shown one by one. Nothing here says who gave which answer:
the comments are listed without names (the export names those who did not
answer anonymously).
"""
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q

from .models import RATING_MAX, RATING_MIN, Answer, Invitation, Question, Response, Survey


@dataclass
class Bucket:
    """One bar of a distribution: a rating (1..5) or a choice, how many chose it and their share (%)."""

    value: int
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    average: float | None = None  # ratings only
    buckets: list = field(default_factory=list)  # ratings and choices
    texts: list = field(default_factory=list)  # texts only

    @property
    def kind(self):
        return self.question.kind


@dataclass
class SurveyResults:
    survey: Survey
    invited: int
    answered: int
    reminded: int
    responses: int
    anonymous: int
    questions: list  # every question but the sessions' ratings, in the survey's order
    sessions: list  # the sessions' ratings, in the survey's order

    @property
    def response_rate(self):
        """Answered invitations as a percentage of invitations (None before anyone is invited)."""
        if not self.invited:
            return None
        return 100 * self.answered / self.invited

    @property
    def ratings(self):
        return [result for result in self.questions if result.kind == Question.Kind.RATING]


def _percent(count, total):
    return 100 * count / total if total else 0.0


def results(program):
    """The results of the program's survey, or None when it has none."""
    survey = Survey.objects.select_related("program").filter(program=program).first()
    if survey is None:
        return None
    return survey_results(survey)


def survey_results(survey):
    invitations = Invitation.objects.filter(survey=survey).aggregate(
        invited=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        reminded=Count("pk", filter=Q(reminder_sent_at__isnull=False)),
    )
    responses = Response.objects.filter(survey=survey).aggregate(
        total=Count("pk"), anonymous=Count("pk", filter=Q(anonymous=True)),
    )
    questions = list(
        Question.objects.filter(survey=survey).select_related("session").prefetch_related("choices")
        .order_by("order", "pk")
    )
    answers = Answer.objects.filter(question__survey=survey).order_by()
    ratings = {
        row["question_id"]: row
        for row in answers.filter(rating__isnull=False).values("question_id")
        .annotate(count=Count("pk"), average=Avg("rating"))
    }
    rating_counts = {
        (row["question_id"], row["rating"]): row["count"]
        for row in answers.filter(rating__isnull=False).values("question_id", "rating").annotate(count=Count("pk"))
    }
    choice_counts = {
        (row["question_id"], row["choice_id"]): row["count"]
        for row in answers.filter(choice__isnull=False).values("question_id", "choice_id").annotate(count=Count("pk"))
    }
    texts = {}
    for question_id, text in answers.exclude(text="").order_by("pk").values_list("question_id", "text"):
        texts.setdefault(question_id, []).append(text)

    general, sessions = [], []
    for question in questions:
        result = QuestionResult(question)
        if question.kind == Question.Kind.RATING:
            row = ratings.get(question.pk)
            result.answered = row["count"] if row else 0
            result.average = float(row["average"]) if row else None
            result.buckets = [
                Bucket(value, str(value), rating_counts.get((question.pk, value), 0),
                       _percent(rating_counts.get((question.pk, value), 0), result.answered))
                for value in range(RATING_MIN, RATING_MAX + 1)
            ]
        elif question.kind == Question.Kind.CHOICE:
            counts = [choice_counts.get((question.pk, choice.pk), 0) for choice in question.choices.all()]
            result.answered = sum(counts)
            result.buckets = [
                Bucket(choice.pk, choice.label, count, _percent(count, result.answered))
                for choice, count in zip(question.choices.all(), counts, strict=True)
            ]
        else:
            result.texts = texts.get(question.pk, [])
            result.answered = len(result.texts)
        (sessions if question.session_id and question.kind == Question.Kind.RATING else general).append(result)
    return SurveyResults(
        survey=survey,
        invited=invitations["invited"],
        answered=invitations["answered"],
        reminded=invitations["reminded"],
        responses=responses["total"],
        anonymous=responses["anonymous"],
        questions=general,
        sessions=sessions,
    )
