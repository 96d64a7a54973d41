"""Shapes of the attendance API: a Zoom report's import, and each participant's result under the rule."""
from datetime import datetime

from ninja import Field, Schema

from .registrations import ModeLiteral


class ZoomImportOut(Schema):
    report_id: int = Field(..., description="The import, as listed on the organisers' attendance page")
    already_imported: bool = Field(..., description="true: this very report was imported before; nothing changed")
    rows: int = Field(..., description="Rows of people connected (one per join)")
    matched: int = Field(..., description="Rows matched to a registration")
    unmatched: int = Field(..., description="Rows matched to no registration; organisers can link them")
    ignored: int = Field(..., description="Rows of people organisers chose to ignore")
    skipped: int = Field(..., description="Rows without attendance: absentees, waiting room, no times")
    people: int = Field(..., description="Different people in the report")
    unmatched_people: int
    intervals_stored: int = Field(..., description="Connection intervals stored")
    time_zone: str = Field(..., description="The zone the report's times were read in")


class AttendanceOut(Schema):
    registration_id: int
    name: str
    email: str
    mode: ModeLiteral
    online_minutes: int = Field(..., description="Minutes connected to scheduled sessions (union of all joins)")
    scheduled_minutes: int
    days_present: int = Field(..., description="Program days checked in onsite")
    required_days: int
    attended: bool = Field(..., description="The result that counts: the organisers' decision if any, else the rule")
    computed: bool = Field(..., description="What the rule alone says")
    reason: str = Field(..., description="Why, e.g. \"attended 312 of 360 minutes (86%; 75% needed)\"")
    overridden: bool
    override_reason: str
    decided_at: datetime | None = None


class AttendanceList(Schema):
    count: int
    threshold_percent: int = Field(..., description="Online: share of the scheduled minutes needed")
    scheduled_minutes: int
    required_days: int = Field(..., description="Onsite: days checked in needed")
    items: list[AttendanceOut]
