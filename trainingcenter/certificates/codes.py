"""Verification codes: short enough to type from paper, impossible to guess, and a typo is caught.

A code is 12 characters of Crockford's base 32 (``0-9`` and ``A-Z`` without
``I``, ``L``, ``O`` and ``U``, so nothing reads as something else): 11 drawn
from ``secrets`` (55 bits, 3.6 × 10^16 codes) and one check character. It is
printed in three groups of four, ``K7QX-M2RP-9ZT4``, and read back however
it is typed: with or without hyphens or spaces, in any letter case, with
``O`` read as zero and ``I`` or ``L`` as one (Crockford's rule).

The check character is Damm's algorithm over the 32 symbols: a quasigroup
``x ∘ y = 2·x ⊕ y`` in the field GF(32) (polynomial x⁵ + x² + 1). It is totally
anti-symmetric (``(c ∘ x) ∘ y = (c ∘ y) ∘ x`` only when ``x = y``) and every
row and column is a permutation, so it detects **every** single wrong
character and **every** swap of two neighbours, the check character included
(``tests/certificates/test_codes.py`` tries them all). A code with a typo is
therefore told apart from one that was never issued, without asking the
database.

Why 55 bits: the check character adds nothing against guessing (anyone can
compute it), so the 11 random characters carry it all. The verification page
and API are rate-limited per client address (``core.ratelimit``, 60 a hour by
default). Even with a million certificates issued, one guess finds one with a
chance of 1 in 36 billion: ten thousand addresses guessing at the limit for a
whole year would expect to find 0.15 certificates, and what they would find
is a name and a program, which the certificate's holder shows anyway.
"""
import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_LENGTH = 11
LENGTH = RANDOM_LENGTH + 1
GROUP = 4

_VALUE = {char: index for index, char in enumerate(ALPHABET)}
# Crockford's reading rules: letters people confuse with digits are read as them.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
# What people put between the groups when they type a code from paper, and what a mail program adds.
_SEPARATORS = re.compile(r"[\s\-_.·‐‑‒–—]+")
_MODULUS = 0b100101  # x^5 + x^2 + 1, irreducible over GF(2)


def _times_two(value):
    value <<= 1
    return value ^ _MODULUS if value & 0b100000 else value


def _operation(interim, value):
    """The quasigroup: 2·interim + value in GF(32)."""
    return _times_two(interim) ^ value


def _interim(characters):
    interim = 0
    for char in characters:
        interim = _operation(interim, _VALUE[char])
    return interim


def check_character(body):
    """The character that makes ``body`` + it check to zero (``2·interim ⊕ c = 0``, so ``c = 2·interim``)."""
    return ALPHABET[_times_two(_interim(body))]


def checks(code):
    """Whether a code of the alphabet's characters carries a right check character."""
    return bool(code) and all(char in _VALUE for char in code) and _interim(code) == 0


def new_code():
    """A fresh code as stored: 12 characters, no separators."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return body + check_character(body)


def clean(text):
    """What was typed, as the alphabet writes it: separators gone, upper case, O/I/L read as 0/1.

    Not yet checked: the result may be too short, hold characters outside
    the alphabet or carry a wrong check character (see ``normalise``).
    """
    if not isinstance(text, str):
        return ""
    return _SEPARATORS.sub("", text[:100]).upper().translate(_READ_AS)


def normalise(text):
    """The code as stored, from what someone typed or scanned; "" when it cannot be a code."""
    code = clean(text)
    if len(code) != LENGTH or not checks(code):
        return ""
    return code


def problem(text):
    """Why ``text`` is not a code ("length", "characters", "typo"), or "" when it is one."""
    code = clean(text)
    if len(code) != LENGTH:
        return "length"
    if any(char not in _VALUE for char in code):
        return "characters"
    if not checks(code):
        return "typo"
    return ""


def grouped(code):
    """'K7QX-M2RP-9ZT4': the code as printed and shown."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
