from modeltranslation.translator import TranslationOptions, register

from .models import Center, CountryGroup, Partner


@register(Center)
class CenterTranslation(TranslationOptions):
    fields = ("name", "short_name", "tagline", "about", "mission", "address")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "description")


@register(CountryGroup)
class CountryGroupTranslation(TranslationOptions):
    fields = ("name", "description")
