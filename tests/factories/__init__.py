"""factory_boy factories: every test builds its own data from these."""
from .center import CenterFactory, CountryGroupFactory, PartnerFactory
from .meetings import OnlineMeetingFactory, ZoomMeetingFactory
from .programs import (
    FocusAreaFactory,
    FrequentlyAskedQuestionFactory,
    PersonFactory,
    ProgramFactory,
    ProgramRoleFactory,
    SessionFactory,
    TakeawayFactory,
    ThemeFactory,
)
from .registrations import QuestionFactory, RegistrationFactory

__all__ = [
    "CenterFactory",
    "CountryGroupFactory",
    "PartnerFactory",
    "OnlineMeetingFactory",
    "ZoomMeetingFactory",
    "FocusAreaFactory",
    "FrequentlyAskedQuestionFactory",
    "PersonFactory",
    "ProgramFactory",
    "ProgramRoleFactory",
    "SessionFactory",
    "TakeawayFactory",
    "ThemeFactory",
    "QuestionFactory",
    "RegistrationFactory",
]
