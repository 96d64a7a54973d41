"""Verification codes: the alphabet, the check character that catches every typo, reading codes back."""
import itertools
import random

import pytest

from trainingcenter.certificates import codes


def test_the_alphabet_is_crockfords_base_32_without_look_alike_letters():
    assert codes.ALPHABET == "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    assert len(set(codes.ALPHABET)) == 32
    for confusable in "ILOU":
        assert confusable not in codes.ALPHABET


def test_new_codes_are_twelve_characters_of_the_alphabet_and_carry_a_right_check_character():
    made = {codes.new_code() for _ in range(2000)}
    assert len(made) == 2000
    for code in made:
        assert len(code) == 12
        assert set(code) <= set(codes.ALPHABET)
        assert codes.checks(code)
        assert codes.normalise(code) == code


def test_eleven_random_characters_are_55_bits():
    assert codes.RANDOM_LENGTH == 11
    assert len(codes.ALPHABET) ** codes.RANDOM_LENGTH == 2**55


def test_the_check_operation_is_a_totally_anti_symmetric_quasigroup():
    """Every row and column a permutation (every single error caught) and (c∘x)∘y ≠ (c∘y)∘x for x ≠ y
    (every swap of neighbours caught), over all 32 symbols: the whole proof, not a sample."""
    symbols = range(32)
    for a in symbols:
        assert sorted(codes._operation(a, b) for b in symbols) == list(symbols)
        assert sorted(codes._operation(b, a) for b in symbols) == list(symbols)
    for c, x, y in itertools.product(symbols, repeat=3):
        if x != y:
            assert codes._operation(codes._operation(c, x), y) != codes._operation(codes._operation(c, y), x)


@pytest.mark.parametrize("seed", range(20))
def test_every_single_wrong_character_is_caught(seed):
    code = _code(seed)
    for position in range(len(code)):
        for char in codes.ALPHABET:
            if char != code[position]:
                typo = code[:position] + char + code[position + 1 :]
                assert not codes.checks(typo), (code, typo)
                assert codes.problem(typo) == "typo"


@pytest.mark.parametrize("seed", range(20))
def test_every_swap_of_two_neighbours_is_caught_check_character_included(seed):
    code = _code(seed)
    for position in range(len(code) - 1):
        if code[position] != code[position + 1]:
            swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
            assert not codes.checks(swapped), (code, swapped)


def test_codes_are_read_back_however_they_are_typed():
    code = "K7QXM2RP9ZT" + codes.check_character("K7QXM2RP9ZT")
    grouped = codes.grouped(code)
    assert grouped == f"{code[:4]}-{code[4:8]}-{code[8:]}"
    for typed in (code, grouped, grouped.lower(), f" {code[:4]} {code[4:8]} {code[8:]} ", f"{code[:4]}–{code[4:]}",
                  grouped.replace("-", ".")):
        assert codes.normalise(typed) == code, typed


def test_o_is_read_as_zero_and_i_or_l_as_one():
    body = "10A0B1C0D1E"
    code = body + codes.check_character(body)
    typed = code.replace("0", "O").replace("1", "I", 1).replace("1", "l")
    assert codes.normalise(typed) == code


@pytest.mark.parametrize(("typed", "problem"), [
    ("", "length"),
    ("K7QX-M2RP", "length"),
    ("K7QX-M2RP-9ZT4-0", "length"),
    ("U7QX-M2RP-9ZT4", "characters"),
    ("K7QX-M2R*-9ZT4", "characters"),
])
def test_what_cannot_be_a_code_says_why(typed, problem):
    assert codes.problem(typed) == problem
    assert codes.normalise(typed) == ""


def test_only_text_is_read():
    assert codes.normalise(None) == ""
    assert codes.normalise(12345) == ""
    assert codes.normalise("X" * 10_000) == ""


def _code(seed):
    rng = random.Random(seed)
    body = "".join(rng.choice(codes.ALPHABET) for _ in range(codes.RANDOM_LENGTH))
    return body + codes.check_character(body)
