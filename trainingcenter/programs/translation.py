from modeltranslation.translator import TranslationOptions, register

from .models import FocusArea, FrequentlyAskedQuestion, Person, Program, ProgramRole, Session, Takeaway, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("title", "subtitle", "summary", "background", "objectives", "conclusion", "venue", "contact_name")


@register(FocusArea)
class FocusAreaTranslation(TranslationOptions):
    fields = ("title",)


@register(FrequentlyAskedQuestion)
class FrequentlyAskedQuestionTranslation(TranslationOptions):
    fields = ("question", "answer")


@register(Takeaway)
class TakeawayTranslation(TranslationOptions):
    fields = ("heading", "text")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("display_name", "honorific", "position", "affiliation", "bionote")


@register(ProgramRole)
class ProgramRoleTranslation(TranslationOptions):
    fields = ("note",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "abstract", "summary")
