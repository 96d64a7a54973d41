"""Program services: plain dates are whole days in the program's own time zone."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import ProgramFactory
from trainingcenter.programs import services

pytestmark = pytest.mark.django_db


def test_dates_without_a_time_cover_whole_days_where_the_program_is_held():
    program = services.create_program(
        {"slug": "whole-days", "title": "Whole days", "time_zone": "Asia/Almaty",
         "starts": dt.date(2030, 6, 8), "ends": dt.date(2030, 6, 9),
         "registration_opens": dt.date(2030, 5, 1), "registration_closes": dt.date(2030, 6, 6)},
        actor=None,
    )

    almaty = ZoneInfo("Asia/Almaty")
    assert program.starts == dt.datetime(2030, 6, 8, tzinfo=almaty)
    assert program.ends == dt.datetime(2030, 6, 9, 23, 59, 59, tzinfo=almaty)
    assert program.registration_opens == dt.datetime(2030, 5, 1, tzinfo=almaty)
    assert program.registration_closes == dt.datetime(2030, 6, 6, 23, 59, 59, tzinfo=almaty)


def test_a_changed_end_date_is_the_end_of_that_day():
    program = ProgramFactory(time_zone="Europe/Moscow", starts=dt.datetime(2030, 6, 8, 6, tzinfo=dt.UTC),
                             ends=dt.datetime(2030, 6, 8, 14, tzinfo=dt.UTC), registration_closes=None)

    services.update_program(program, {"ends": dt.date(2030, 6, 10)}, actor=None)

    assert program.ends == dt.datetime(2030, 6, 10, 23, 59, 59, tzinfo=ZoneInfo("Europe/Moscow"))
