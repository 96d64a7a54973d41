"""Question texts per language (django-modeltranslation, as every other content); empty ones fall back to English."""
from modeltranslation.translator import TranslationOptions, register

from .models import Choice, Question


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("label", "help_text")


@register(Choice)
class ChoiceTranslation(TranslationOptions):
    fields = ("label",)
