"""The Chinese and Russian catalogues are complete and compiled.

A string left untranslated or fuzzy shows up in English on a Chinese page; a
.po file edited without recompiling its .mo changes nothing on the site. Both
have happened, so both are checked here, without needing gettext's tools.
"""
import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "trainingcenter").rglob("locale/*/LC_MESSAGES/django.po"))


def entries(po_path):
    """(flags, msgid, msgid_plural, {index: msgstr}) for every live entry of a .po file.

    A msgid with a context (pgettext) comes back as gettext stores it in the
    compiled catalogue: context, EOT, msgid.
    """
    for block in po_path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line for line in block.splitlines() if line and not line.startswith("#~")]
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields, current = {}, None
        for line in lines:
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[current] += ast.literal_eval(line)
                continue
            current, _, value = line.partition(" ")
            fields[current] = ast.literal_eval(value)
        if "msgid" not in fields:
            continue
        if "msgstr" in fields:
            translations = {0: fields["msgstr"]}
        else:
            translations = {int(key[7:-1]): value for key, value in fields.items() if key.startswith("msgstr[")}
        msgid = fields["msgid"]
        if "msgctxt" in fields:
            msgid = f"{fields['msgctxt']}\x04{msgid}"
        yield flags, msgid, fields.get("msgid_plural"), translations


def test_there_are_catalogues_for_both_languages():
    languages = {path.parent.parent.name for path in CATALOGUES}
    assert languages == {"zh_Hans", "ru"}


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_string_is_translated_and_none_is_fuzzy(po_path):
    problems = []
    for flags, msgid, _plural, translations in entries(po_path):
        if not msgid:
            continue  # the header
        if "fuzzy" in flags:
            problems.append(f"fuzzy: {msgid!r}")
        elif not all(translations.values()):
            problems.append(f"untranslated: {msgid!r}")
    assert problems == []


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_compiled_catalogue_matches_its_source(po_path):
    with po_path.with_suffix(".mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    stale = []
    for _flags, msgid, plural, translations in entries(po_path):
        if not msgid:
            continue
        if plural is None:
            if catalog.get(msgid) != translations[0]:
                stale.append(msgid)
        elif any(catalog.get((msgid, index)) != text for index, text in translations.items()):
            stale.append(msgid)
    assert stale == [], "run manage.py compilemessages"
