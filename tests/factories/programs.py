import datetime as dt

import factory
from django.utils import timezone

from trainingcenter.programs.models import (
    FocusArea,
    FrequentlyAskedQuestion,
    Person,
    Program,
    ProgramRole,
    Session,
    Takeaway,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"Theme {n}")


class ProgramFactory(factory.django.DjangoModelFactory):
    """An announced online program starting in 30 days, with registration open now."""

    class Meta:
        model = Program
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"program-{n}")
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Training program {n}")
    subtitle = "A test program"
    starts = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0) + dt.timedelta(days=30))
    ends = factory.LazyAttribute(lambda o: o.starts + dt.timedelta(hours=8))
    time_zone = "Asia/Shanghai"
    mode = Program.Mode.ONLINE
    status = Program.Status.REGISTRATION_OPEN
    registration_opens = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    registration_closes = factory.LazyAttribute(lambda o: o.starts - dt.timedelta(days=1))
    capacity_online = 100
    capacity_onsite = None


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    given_name = factory.Sequence(lambda n: f"Given{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    position = "Professor"
    affiliation = "Example University"
    bionote = "Works on low-carbon development."


class ProgramRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramRole

    program = factory.SubFactory(ProgramFactory)
    person = factory.SubFactory(PersonFactory)
    role = ProgramRole.Role.SPEAKER


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    kind = Session.Kind.LECTURE
    title = factory.Sequence(lambda n: f"Lecture {n}")
    starts = factory.LazyAttribute(lambda o: o.program.starts)
    ends = factory.LazyAttribute(lambda o: o.starts + dt.timedelta(minutes=45))

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        if create and extracted:
            self.speakers.set(extracted)


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    program = factory.SubFactory(ProgramFactory)
    title = factory.Sequence(lambda n: f"Focus area {n}")


class TakeawayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Takeaway

    program = factory.SubFactory(ProgramFactory)
    heading = "Policy"
    text = factory.Sequence(lambda n: f"Takeaway {n}")


class FrequentlyAskedQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrequentlyAskedQuestion

    program = factory.SubFactory(ProgramFactory)
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An answer."
    order = factory.Sequence(lambda n: n)
