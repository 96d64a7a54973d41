"""A program's times as text, in its own time zone and the active language's formats.

The clock (24-hour in every language) comes from ``trainingcenter.formats``;
pages, e-mails and calendar texts all write times through Django's formats so
that they agree with each other.
"""
from django.utils import timezone
from django.utils.formats import date_format, time_format


def time_span(starts, ends, tz):
    """'Sept. 28, 2022, 14:00–17:00' when both fall on one day in ``tz``, else both dates and times.

    A one-day span names its date once; a longer one reads
    'March 16, 2027, 09:00 – March 17, 2027, 12:00'.
    """
    starts, ends = timezone.localtime(starts, tz), timezone.localtime(ends, tz)
    if starts.date() == ends.date():
        return f"{date_format(starts, 'DATETIME_FORMAT')}–{time_format(ends, 'TIME_FORMAT')}"
    return f"{date_format(starts, 'DATETIME_FORMAT')} – {date_format(ends, 'DATETIME_FORMAT')}"


def program_span(program):
    """When the program starts and ends, in its own time zone."""
    return time_span(program.starts, program.ends, program.tz)
