import factory
from django.utils import timezone

from trainingcenter.registrations.models import Question, Registration

from .programs import ProgramFactory


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed online registration, written directly (bypasses capacity checks)."""

    class Meta:
        model = Registration

    program = factory.SubFactory(ProgramFactory)
    given_name = factory.Sequence(lambda n: f"Aigerim{n}")
    family_name = "Participant"
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    country = "KZ"
    organization = "Example Institute"
    position = "Engineer"
    sector = Registration.Sector.ACADEMIA
    mode = Registration.Mode.ONLINE
    language = "en"
    consent_at = factory.LazyFunction(timezone.now)
    status = Registration.Status.CONFIRMED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    program = factory.SubFactory(ProgramFactory)
    label = factory.Sequence(lambda n: f"Question {n}")
    kind = Question.Kind.TEXT
