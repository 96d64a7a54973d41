"""Reading Zoom's participant reports as Zoom writes them, and refusing what Zoom did not write."""
import datetime as dt
import io

import pytest

from tests.factories.attendance import meeting_report
from trainingcenter.attendance.zoom_reports import (
    MAX_FILE_BYTES,
    ApiRows,
    CsvReport,
    ReportError,
    parse_time,
)

SHANGHAI = "Asia/Shanghai"


def utc(*args):
    return int(dt.datetime(*args, tzinfo=dt.UTC).timestamp())


def read(data, time_zone=SHANGHAI):
    report = CsvReport(data, time_zone=time_zone)
    return report, list(report)


# Zoom's meeting participant report, exported "with meeting data": the summary comes first.
MEETING_WITH_SUMMARY = (
    "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\r\n"
    "851 2000 0001,Low-carbon development: day one,06/08/2026 08:55:03 AM,06/08/2026 12:05:40 PM,"
    "host@example.org,191,3\r\n"
    "\r\n"
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
    "In Waiting Room\r\n"
    "Amina Karimova,Amina.Karimova@Example.org,06/08/2026 08:58:10 AM,06/08/2026 10:30:00 AM,92,No,,No\r\n"
    "Amina Karimova,amina.karimova@example.org,06/08/2026 10:31:00 AM,06/08/2026 12:00:00 PM,89,No,,No\r\n"
    "\"Wang Wei (王伟)\",,06/08/2026 09:00:00 AM,06/08/2026 12:05:40 PM,186,Yes,,No\r\n"
    "Late Comer,late@example.org,06/08/2026 11:50:00 AM,06/08/2026 11:59:00 AM,9,Yes,,Yes\r\n"
)

# The same export without the meeting data: the participants' header is the first line.
MEETING_WITHOUT_SUMMARY = (
    "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
    "Bolat Sadykov,bolat@example.org,06/08/2026 01:05:00 PM,06/08/2026 12:10:00 PM,0,No\n"
)

# A webinar's attendee report: titles, summary, then host, panelist and attendee sections.
WEBINAR = (
    "Attendee Report\n"
    "Report Generated:,\"06/09/2026 10:00:00 AM\"\n"
    "Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled Registrations,"
    "Unique Viewers,Total Users,Max Concurrent Views\n"
    "Low-carbon webinar,'999 1112 2233,\"Jun 8, 2026 08:55:00 AM\",190,3,0,2,3,2\n"
    "Host Details\n"
    "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,"
    "Country/Region Name\n"
    "Yes,Host Person,host@example.org,\"Jun 8, 2026 08:50:00 AM\",\"Jun 8, 2026 12:10:00 PM\",200,No,China\n"
    "Panelist Details\n"
    "Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,"
    "Country/Region Name\n"
    "Yes,Wang Wei,wang.wei@example.cn,\"Jun 8, 2026 08:58:00 AM\",\"Jun 8, 2026 12:00:00 PM\",182,No,China\n"
    "Attendee Details\n"
    "Attended,User Name (Original Name),First Name,Last Name,Email,Phone,Registration Time,Approval Status,"
    "Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name,Registrant ID\n"
    "Yes,Amina Karimova,Amina,Karimova,amina@example.org,,\"Jun 1, 2026 10:00:00 AM\",approved,"
    "\"Jun 8, 2026 09:00:00 AM\",\"Jun 8, 2026 11:00:00 AM\",120,No,Kazakhstan,reg-amina\n"
    "No,Bolat Sadykov,Bolat,Sadykov,bolat@example.org,,\"Jun 1, 2026 11:00:00 AM\",approved,--,--,--,,"
    "Kazakhstan,reg-bolat\n"
)


def test_meeting_report_with_summary_lines_is_read_from_the_participants_header():
    report, rows = read(MEETING_WITH_SUMMARY.encode())

    assert [row.name for row in rows] == ["Amina Karimova", "Amina Karimova", "Wang Wei"]
    first = rows[0]
    assert first.email == "amina.karimova@example.org"  # lower case
    # 08:58:10 AM in Beijing is 00:58:10 UTC.
    assert (first.joined_at, first.left_at) == (utc(2026, 6, 8, 0, 58, 10), utc(2026, 6, 8, 2, 30))
    # "Display name (Original name)": both names are kept for matching.
    assert (rows[2].name, rows[2].original_name, rows[2].email) == ("Wang Wei", "王伟", "")
    assert rows[2].left_at == utc(2026, 6, 8, 4, 5, 40)  # 12:05:40 PM is noon, not midnight
    # Time in the waiting room is not time in the meeting.
    assert report.skipped == 1 and report.rows == 3 and report.kind == "meeting"


def test_meeting_report_without_summary_and_with_a_bom():
    data = b"\xef\xbb\xbf" + (
        b"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\r\n"
        b"Bolat Sadykov,bolat@example.org,06/08/2026 09:05:00 AM,06/08/2026 12:10:00 PM,185,No\r\n"
    )

    _report, [row] = read(data)

    assert (row.name, row.email) == ("Bolat Sadykov", "bolat@example.org")
    assert row.joined_at == utc(2026, 6, 8, 1, 5)


def test_same_rows_with_and_without_bom_and_summary_read_alike():
    rows = [("Amina Karimova", "amina@example.org", dt.datetime(2026, 6, 8, 1, 0, tzinfo=dt.UTC),
             dt.datetime(2026, 6, 8, 3, 0, tzinfo=dt.UTC))]
    plain = list(CsvReport(meeting_report(rows, summary=False), time_zone=SHANGHAI))
    dressed = list(CsvReport(meeting_report(rows, summary=True, bom=True, extra_columns=True), time_zone=SHANGHAI))
    assert plain == dressed


def test_webinar_attendee_report_reads_only_attendees_and_skips_absentees():
    report, rows = read(WEBINAR.encode("utf-8-sig"))

    assert [(row.name, row.email, row.registrant_id) for row in rows] == [
        ("Amina Karimova", "amina@example.org", "reg-amina")
    ]
    assert rows[0].joined_at == utc(2026, 6, 8, 1, 0)
    assert report.kind == "webinar"
    assert report.skipped == 1  # Bolat did not attend


def test_webinar_rows_without_a_name_column_use_first_and_last_name():
    data = (
        "Attendee Details\n"
        "Attended,First Name,Last Name,Email,Join Time,Leave Time\n"
        "Yes,Aigerim,Bekova,,06/08/2026 09:00:00 AM,06/08/2026 10:00:00 AM\n"
    )
    _report, [row] = read(data)
    assert row.name == "Aigerim Bekova"


def test_one_table_export_takes_the_participants_email_not_the_hosts():
    # Zoom's usage report with participants on each meeting row: two "User Email" columns.
    data = (
        "Topic,Meeting ID,User Name,User Email,Start Time,End Time,Duration (Minutes),Participants,"
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Day one,851 2000 0001,Host Person,host@example.org,06/08/2026 08:55 AM,06/08/2026 12:05 PM,190,2,"
        "Amina Karimova,amina@example.org,06/08/2026 09:00 AM,06/08/2026 10:00 AM,60,No\n"
    )
    _report, [row] = read(data)
    assert (row.name, row.email) == ("Amina Karimova", "amina@example.org")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06/08/2026 09:05:12 AM", utc(2026, 6, 8, 1, 5, 12)),
        ("06/08/2026 12:05:12 AM", utc(2026, 6, 7, 16, 5, 12)),  # 12 AM is midnight
        ("06/08/2026 12:05:12 PM", utc(2026, 6, 8, 4, 5, 12)),
        ("6/8/2026 1:05 PM", utc(2026, 6, 8, 5, 5)),
        ("06/08/2026 13:05:12", utc(2026, 6, 8, 5, 5, 12)),
        ("2026-06-08 09:05:12", utc(2026, 6, 8, 1, 5, 12)),
        ("2026-06-08T09:05:12", utc(2026, 6, 8, 1, 5, 12)),
        ("2026-06-08T01:05:12Z", utc(2026, 6, 8, 1, 5, 12)),  # an offset wins over the chosen zone
        ("2026-06-08T09:05:12+08:00", utc(2026, 6, 8, 1, 5, 12)),
        ("2026/06/08 09:05:12", utc(2026, 6, 8, 1, 5, 12)),
        ("Jun 8, 2026 09:05:12 AM", utc(2026, 6, 8, 1, 5, 12)),
        ("June 8, 2026 9:05 PM", utc(2026, 6, 8, 13, 5)),
    ],
)
def test_times_as_zoom_writes_them(text, expected):
    import zoneinfo

    assert parse_time(text, zoneinfo.ZoneInfo(SHANGHAI)) == expected


@pytest.mark.parametrize(
    "text", ["13/08/2026 09:05:12 AM", "06/08/2026 13:05 PM", "yesterday", "06/08/2026", "2026-06-08"],
)
def test_times_zoom_does_not_write_are_refused(text):
    import zoneinfo

    with pytest.raises(ValueError):
        parse_time(text, zoneinfo.ZoneInfo(SHANGHAI))


def test_times_follow_daylight_saving_in_the_chosen_zone():
    import zoneinfo

    berlin = zoneinfo.ZoneInfo("Europe/Berlin")  # clocks went forward on 29 March 2026, 02:00 -> 03:00
    assert parse_time("03/28/2026 09:00:00 AM", berlin) == utc(2026, 3, 28, 8, 0)
    assert parse_time("03/29/2026 09:00:00 AM", berlin) == utc(2026, 3, 29, 7, 0)
    assert parse_time("03/29/2026 09:00:59 AM", berlin) == utc(2026, 3, 29, 7, 0, 59)


def test_times_are_read_in_the_zone_the_organiser_picks():
    _report, [row] = read(MEETING_WITHOUT_SUMMARY.replace("01:05:00 PM", "09:05:00 AM").encode(),
                          time_zone="Europe/Moscow")
    assert row.joined_at == utc(2026, 6, 8, 6, 5)  # 09:05 in Moscow (UTC+3)


def test_a_broken_row_is_skipped_and_the_rows_after_it_are_read():
    data = (
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Lost Row,,,,,\n"
        "Amina Karimova,amina@example.org,06/08/2026 09:00:00 AM,06/08/2026 10:00:00 AM,60,No\n"
    )
    report, rows = read(data)
    assert [row.email for row in rows] == ["amina@example.org"]
    assert report.skipped == 1


def test_semicolons_from_a_spreadsheet_are_understood():
    data = (
        "Name (Original Name);User Email;Join Time;Leave Time;Duration (Minutes);Guest\n"
        "Amina Karimova;amina@example.org;06/08/2026 09:00:00 AM;06/08/2026 10:00:00 AM;60;No\n"
    )
    _report, [row] = read(data)
    assert row.email == "amina@example.org"


def test_a_file_object_is_read_as_a_stream():
    report = CsvReport(io.BytesIO(MEETING_WITH_SUMMARY.encode()), time_zone=SHANGHAI)
    assert len(list(report)) == 3


# --- refused files: a clear message, and the code that says why -----------------------------------


def refusal(data, **kwargs):
    with pytest.raises(ReportError) as caught:
        list(CsvReport(data, time_zone=SHANGHAI, **kwargs))
    return caught.value


def test_empty_file_is_refused():
    assert refusal(b"").code == "empty"
    assert refusal(b"\xef\xbb\xbf\r\n  \r\n").code == "empty"


def test_file_with_other_columns_is_refused():
    error = refusal(b"Title,Author,Year\nDune,Herbert,1965\n")
    assert error.code == "not_a_report"
    assert "Join Time" in error.message


def test_text_that_is_not_csv_is_refused():
    assert refusal("Dear organisers,\nplease find the list attached.\n").code == "not_a_report"
    assert refusal(b'{"participants": []}').code == "not_a_report"


def test_binary_files_are_refused():
    assert refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").code == "binary"
    assert refusal(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").code == "binary"
    # UTF-16, as "Unicode text" from a spreadsheet, has NUL bytes.
    assert refusal(MEETING_WITHOUT_SUMMARY.encode("utf-16")).code == "binary"


def test_a_spreadsheet_is_refused_with_advice_to_export_csv():
    error = refusal(b"PK\x03\x04\x14\x00\x06\x00" + b"x" * 100)
    assert error.code == "spreadsheet"
    assert "CSV" in error.message


def test_a_file_that_is_not_utf8_is_refused():
    data = MEETING_WITHOUT_SUMMARY.replace("Bolat Sadykov", "Bülent Şahin").encode("cp1254")
    error = refusal(data)
    assert error.code == "not_utf8"
    assert "UTF-8" in error.message


def test_a_too_large_file_is_refused_before_it_is_read():
    error = refusal(b"x" * 100, max_bytes=50)
    assert error.code == "too_large"
    assert "MB" in error.message
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


def test_a_file_growing_past_the_limit_while_read_is_refused():
    class Unsized(io.RawIOBase):
        """A stream that cannot say its size (no seek), with a long report behind it."""

        def __init__(self):
            row = "Amina Karimova,amina@example.org,06/08/2026 09:00:00 AM,06/08/2026 10:00:00 AM,60,No\n"
            self.data = io.BytesIO((MEETING_WITHOUT_SUMMARY.splitlines()[0] + "\n" + row * 500).encode())

        def readable(self):
            return True

        def read(self, size=-1):
            return self.data.read(size)

    assert refusal(Unsized(), max_bytes=10_000).code == "too_large"


def test_a_report_of_total_minutes_only_is_refused_with_what_to_do():
    data = "Name (Original Name),User Email,Total Duration (Minutes),Guest\nAmina,amina@example.org,120,No\n"
    error = refusal(data)
    assert error.code == "totals_only"
    assert "Show unique users" in error.message


def test_an_unreadable_time_names_the_line():
    data = MEETING_WITH_SUMMARY.replace("06/08/2026 10:31:00 AM", "next tuesday")
    error = refusal(data.encode())
    assert error.code == "bad_time"
    assert "Line 6" in error.message and "next tuesday" in error.message


def test_a_leave_before_the_join_is_refused():
    assert refusal(MEETING_WITHOUT_SUMMARY.encode()).code == "bad_order"


def test_a_header_without_rows_is_refused():
    assert refusal(b"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n").code == "no_rows"


def test_messages_are_translated(settings):
    from django.utils import translation

    with translation.override("zh-hans"):
        chinese = refusal(b"").message
    with translation.override("en"):
        english = refusal(b"").message
    assert english == "The file is empty."
    assert chinese  # a message in any case; its translation comes with the catalogues


# --- the report API's rows ------------------------------------------------------------------------


def test_api_rows_keep_registrant_ids_and_skip_the_waiting_room():
    participants = [
        {"id": "u1", "name": "Amina Karimova", "user_email": "Amina@Example.org", "registrant_id": "reg-1",
         "join_time": "2026-06-08T01:00:00Z", "leave_time": "2026-06-08T02:00:00Z", "duration": 3600,
         "status": "in_meeting"},
        {"id": "u2", "name": "Waiting", "user_email": "", "join_time": "2026-06-08T01:00:00Z",
         "leave_time": "2026-06-08T01:05:00Z", "status": "in_waiting_room"},
        {"id": "u3", "name": "Broken", "join_time": "not a time", "leave_time": "2026-06-08T01:05:00Z"},
    ]
    rows = ApiRows(participants)
    [row] = list(rows)
    assert (row.registrant_id, row.email, row.key) == ("reg-1", "amina@example.org", "registrant:reg-1")
    assert (row.joined_at, row.left_at) == (utc(2026, 6, 8, 1), utc(2026, 6, 8, 2))
    assert rows.skipped == 2
