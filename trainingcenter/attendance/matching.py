"""Who is who: the people in Zoom's reports and the program's registrations.

A row of a report names a person by Zoom registrant id (when they joined
through their personal link and the report carries it), by e-mail (when they
were signed in to Zoom) and by the name they typed. Matching tries them in
that order (``Matcher.match``): registrant id, then e-mail without regard to
case, then the name, normalised so that accents, spacing, punctuation, a
title such as "Dr." and the order of the names do not matter ("Karimova
Amina", "amina  KARIMOVA" and "Dr. Amína Karimova" are the same; 王伟 and
伟王 too, written family name first or not). A name shared by two
registrations matches neither: a wrong match is worse than none, since the
organiser sees the unmatched rows and links them by hand.
"""
import re
import unicodedata
from dataclasses import dataclass, field

from trainingcenter.registrations.models import Registration

# Han characters are names of one syllable each, written without spaces:
# each is a token of its own, so that order does not matter for them either.
_TOKENS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")
# Letters that NFKD does not take apart into a base letter and an accent.
_FOLD = str.maketrans({"ı": "i", "ə": "e", "ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "þ": "th"})
# Titles people put before their name in Zoom; never part of a registration's name.
_TITLES = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "eng", "engr", "sir", "madam"})
# "Display name (Original name)": Zoom's way of writing a participant who renamed themselves.
_ORIGINAL = re.compile(r"^(.*?\S)\s*\(([^()]*\S[^()]*)\)\s*$")

MATCHED_BY_REGISTRANT = "registrant"
MATCHED_BY_EMAIL = "email"
MATCHED_BY_NAME = "name"
MATCHED_BY_ORGANISER = "organiser"


def name_tokens(text):
    """The words of a name, folded: lower case, no accents, no titles."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().translate(_FOLD)
    return [token for token in _TOKENS.findall(text) if token not in _TITLES]


def name_key(text):
    """A name reduced to what identifies it: its words, folded and sorted ("" for no name)."""
    return " ".join(sorted(name_tokens(text)))


def split_original_name(text):
    """("Amina K", "Amina Karimova") from Zoom's "Amina K (Amina Karimova)"; (text, "") otherwise."""
    text = (text or "").strip()
    match = _ORIGINAL.match(text)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    return text, ""


def normalise_email(text):
    text = (text or "").strip().lower()
    return text if "@" in text and " " not in text else ""


def registration_name_keys(given_name, family_name):
    return {name_key(f"{given_name} {family_name}")} - {""}


@dataclass
class Matcher:
    """The program's registrations, indexed for matching; built with one query (``for_program``).

    Active registrations win over cancelled or rejected ones of the same
    person; registrations whose personal data was erased are not matched.
    """

    by_registrant: dict = field(default_factory=dict)
    by_email: dict = field(default_factory=dict)
    by_name: dict = field(default_factory=dict)  # key -> pk, or None when two registrations share it

    @classmethod
    def for_program(cls, program):
        matcher = cls()
        rows = (
            Registration.objects.filter(program=program, personal_data_erased_at__isnull=True)
            .order_by("created_at", "pk")
            .values_list("pk", "status", "email", "zoom_registrant_id", "given_name", "family_name")
        )
        inactive = set(Registration.INACTIVE_STATUSES)
        # Inactive ones first, so that an active registration of the same person replaces them.
        ordered = sorted(rows, key=lambda row: row[1] not in inactive)
        names_active = {}
        names_inactive = {}
        for pk, status, email, registrant_id, given_name, family_name in ordered:
            active = status not in inactive
            if registrant_id:
                matcher.by_registrant[registrant_id] = pk
            if email:
                matcher.by_email[email.lower()] = pk
            names = names_active if active else names_inactive
            for key in registration_name_keys(given_name, family_name):
                names[key] = None if key in names and names[key] != pk else pk
        matcher.by_name = {**names_inactive, **names_active}
        return matcher

    def match(self, *, registrant_id="", email="", names=()):
        """(registration pk, how) for one person of a report, or (None, "")."""
        if registrant_id and registrant_id in self.by_registrant:
            return self.by_registrant[registrant_id], MATCHED_BY_REGISTRANT
        email = (email or "").lower()
        if email and email in self.by_email:
            return self.by_email[email], MATCHED_BY_EMAIL
        for name in names:
            pk = self.by_name.get(name_key(name))
            if pk is not None:
                return pk, MATCHED_BY_NAME
        return None, ""


class Suggestions:
    """Registrations whose names or e-mails share words with a person of a report, best first.

    For the organiser linking someone no rule matched: "Amina's iPhone" and
    "akarimova@gmail.com" both suggest Amina Karimova.
    """

    def __init__(self, registrations):
        self.index = {}
        for registration in registrations:
            words = set(name_tokens(f"{registration.given_name} {registration.family_name}"))
            words |= set(_email_words(registration.email))
            for word in words:
                self.index.setdefault(word, set()).add(registration.pk)

    def for_person(self, *, names=(), email="", limit=5):
        scores = {}
        words = set(_email_words(email))
        for name in names:
            words |= set(name_tokens(name))
        for word in words:
            for pk in self.index.get(word, ()):
                scores[pk] = scores.get(pk, 0) + 1
        return [pk for pk, _score in sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]]


def _email_words(email):
    local = (email or "").split("@")[0]
    return [word for word in name_tokens(local.replace(".", " ").replace("_", " ").replace("-", " ")) if len(word) > 2]
