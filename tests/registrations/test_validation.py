"""The shared input rules: what the form, the API and the services all refuse or repair."""
import pytest
from django.core.exceptions import ValidationError

from tests.factories import ProgramFactory
from trainingcenter.registrations import services, validation
from trainingcenter.registrations.services import RegistrationData, RegistrationError

INVISIBLE_NAMES = [
    "\u200b\u200b",  # zero-width spaces
    "\u202e\u202d",  # bidirectional overrides
    "\u2066\u2069",  # an empty isolate
    "\ufeff",  # byte order mark
    "\u00a0 \u3000",  # no-break and ideographic spaces
    "\u200d\u200c",  # joiners alone
]


@pytest.mark.parametrize("name", INVISIBLE_NAMES)
def test_a_name_of_invisible_characters_is_refused(name):
    with pytest.raises(ValidationError) as error:
        validation.clean_text(name, field="given_name")
    assert error.value.messages == ["Please enter your name."]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Aigerim   Nurlanovna ", "Aigerim Nurlanovna"),
        ("\u202eAli\u202c", "Ali"),  # an override that would reverse what staff read
        ("王\u200b小明", "王\u200b小明"),  # a visible name keeps its inner characters
        ("Zo\u0065\u0308", "Zoë"),  # decomposed accents are composed (NFC)
        ("مهرداد\u200cرضایی", "مهرداد\u200cرضایی"),  # ZWNJ is part of Persian spelling
    ],
)
def test_visible_names_are_kept_as_written(typed, kept):
    assert validation.clean_text(typed, field="given_name") == kept


def test_the_service_refuses_an_invisible_name_whoever_calls_it(db):
    program = ProgramFactory(capacity_online=5)
    data = RegistrationData(
        given_name="\u200b", family_name="Karimova", email="k@example.org", country="UZ",
        organization="Ministry", consent=True,
    )
    with pytest.raises(RegistrationError) as error:
        services.register(program, data)
    assert (error.value.field, error.value.code) == ("given_name", "invalid")


def test_a_country_name_gets_a_hint_to_use_the_code():
    with pytest.raises(ValidationError) as error:
        validation.clean_country("Kazakhstan")
    assert "KZ" in error.value.messages[0]
    assert validation.clean_country(" kz ") == "KZ"
