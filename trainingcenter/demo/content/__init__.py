"""The demo's data, one module per topic, as plain Python values.

Every text is our own restatement of facts from the centre's reports in
../shared/seeds; no paragraph is copied. Translated fields are dicts made by
``t()``; the loader spreads them over the ``*_en``, ``*_zh_hans`` and ``*_ru``
columns that django-modeltranslation adds.
"""


def t(en, zh="", ru=""):
    """One text in English, Simplified Chinese and (optionally) Russian."""
    return {"en": en, "zh_hans": zh, "ru": ru}
