from modeltranslation.translator import TranslationOptions, register

from .models import Issue, Post, Tag


@register(Tag)
class TagTranslation(TranslationOptions):
    fields = ("name",)


@register(Post)
class PostTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "cover_alt")


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("subject", "body")
