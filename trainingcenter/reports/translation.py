from modeltranslation.translator import TranslationOptions, register

from .models import ReportPhoto, ReportReference, ReportSection


@register(ReportSection)
class ReportSectionTranslation(TranslationOptions):
    fields = ("heading", "body")


@register(ReportReference)
class ReportReferenceTranslation(TranslationOptions):
    fields = ("title",)


@register(ReportPhoto)
class ReportPhotoTranslation(TranslationOptions):
    fields = ("caption",)
