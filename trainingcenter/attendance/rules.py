"""The attendance rule: who attended a program, computed from the data each time it is asked.

A program's rule has two parts, set by its organisers:

- **online**: connected for at least ``attendance_threshold_percent`` % (default
  75) of the scheduled session minutes. A person's minutes are the union of
  their connection intervals from all reports (rejoining, or two devices at
  once, never count twice), clipped to the scheduled time.
- **onsite**: checked in on at least ``attendance_days_required`` of the
  program's days (empty: every day; a number larger than the program's days
  means every day).

The scheduled time is the union of the program's sessions, breaks left out
(overlapping parallel sessions count once). A program without sessions is
scheduled from its start time to its end time of day on each of its days
(in its time zone); when its end time of day is not after its start time of
day, the whole span from start to end.

Which part applies: the registration's mode. Either counts, though: an onsite
participant who missed a day in the room but followed it on Zoom, or an
online participant who came in person, attended if they meet either part.
The reason says what decided ("attended 312 of 360 minutes ..."). An
organiser's decision (``AttendanceOverride``) replaces the result and keeps
its reason; the computed result is still shown beside it.

Minutes are whole minutes, rounded down, and the rule compares the minutes
shown, so what the organiser reads and what is decided never disagree.

Only confirmed registrations are judged. ``program_results`` judges them all
with five queries, whatever their number.
"""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trainingcenter.programs.models import Session
from trainingcenter.registrations.models import Registration

from .models import AttendanceOverride, CheckIn, ZoomInterval

Mode = Registration.Mode


@dataclass(frozen=True)
class AttendanceResult:
    """One registration judged under its program's rule."""

    registration_id: int
    name: str
    email: str
    mode: str
    online_minutes: int
    scheduled_minutes: int
    days_present: int
    required_days: int
    program_days: int
    threshold_percent: int
    computed: bool  # what the rule says
    computed_reason: str
    attended: bool  # what counts: the organiser's decision if there is one, else the rule
    reason: str
    overridden: bool = False
    override_reason: str = ""
    decided_by: str = ""
    decided_at: dt.datetime | None = None

    @property
    def online_percent(self):
        if not self.scheduled_minutes:
            return 0
        return self.online_minutes * 100 // self.scheduled_minutes


# --- time arithmetic on (start, end) pairs of seconds ---------------------------------------


def union(intervals):
    """The intervals merged into sorted, disjoint ones."""
    merged = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1][1] = end
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def overlap_seconds(first, second):
    """Seconds in both of two lists of sorted, disjoint intervals."""
    total = i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if end > start:
            total += end - start
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return total


def _seconds(moment):
    return int(moment.timestamp())


def scheduled_intervals(program, sessions=None):
    """The program's scheduled time as sorted, disjoint (start, end) seconds: its sessions but breaks."""
    if sessions is None:
        sessions = Session.objects.filter(program=program).exclude(kind=Session.Kind.BREAK).values_list(
            "starts", "ends"
        )
    intervals = union((_seconds(starts), _seconds(ends)) for starts, ends in sessions)
    if intervals:
        return intervals
    zone = program.tz
    starts = timezone.localtime(program.starts, zone)
    ends = timezone.localtime(program.ends, zone)
    if ends.time() <= starts.time():
        return union([(_seconds(program.starts), _seconds(program.ends))])
    days = []
    for day in program.local_days():
        day_start = dt.datetime.combine(day, starts.time(), tzinfo=zone)
        day_end = dt.datetime.combine(day, ends.time(), tzinfo=zone)
        days.append((_seconds(day_start), _seconds(day_end)))
    return union(days)


def required_days(program):
    days = len(program.local_days())
    wanted = program.attendance_days_required
    return days if not wanted else max(1, min(wanted, days))


# --- judging ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    scheduled: list
    scheduled_minutes: int
    threshold: int
    days: frozenset
    required_days: int

    def online(self, intervals):
        minutes = overlap_seconds(union(intervals), self.scheduled) // 60 if intervals else 0
        if not self.scheduled_minutes:
            return minutes, False, _("no session time is scheduled, so online minutes cannot count")
        # 0 % needed: any minute connected counts.
        ok = minutes * 100 >= self.threshold * self.scheduled_minutes if self.threshold else minutes > 0
        reason = _("attended %(minutes)d of %(scheduled)d minutes (%(percent)d%%; %(needed)d%% needed)") % {
            "minutes": minutes, "scheduled": self.scheduled_minutes,
            "percent": minutes * 100 // self.scheduled_minutes, "needed": self.threshold,
        }
        return minutes, ok, reason

    def onsite(self, days):
        present = len(days & self.days)
        ok = present >= self.required_days
        reason = ngettext(
            "checked in on %(present)d of %(days)d day (%(needed)d needed)",
            "checked in on %(present)d of %(days)d days (%(needed)d needed)",
            len(self.days),
        ) % {"present": present, "days": len(self.days), "needed": self.required_days}
        return present, ok, reason


def rule_for(program, sessions=None):
    scheduled = scheduled_intervals(program, sessions)
    return _Rule(
        scheduled=scheduled,
        scheduled_minutes=sum(end - start for start, end in scheduled) // 60,
        threshold=program.attendance_threshold_percent,
        days=frozenset(program.local_days()),
        required_days=required_days(program),
    )


def judge(rule, registration, intervals, days, override=None):
    """The result for one registration from its intervals ([(start, end)]) and check-in days."""
    minutes, online_ok, online_reason = rule.online(intervals)
    present, onsite_ok, onsite_reason = rule.onsite(days)
    if registration.mode == Mode.ONSITE:
        first, first_ok, second, second_ok, second_used = onsite_reason, onsite_ok, online_reason, online_ok, minutes
    else:
        first, first_ok, second, second_ok, second_used = online_reason, online_ok, onsite_reason, onsite_ok, present
    computed = first_ok or second_ok
    if second_ok and not first_ok:
        reason = f"{second}; {first}"
    elif second_used:
        reason = f"{first}; {second}"
    else:
        reason = first
    fields = {
        "registration_id": registration.pk,
        "name": "" if registration.is_erased else registration.full_name,
        "email": "" if registration.is_erased else registration.email,
        "mode": registration.mode,
        "online_minutes": minutes,
        "scheduled_minutes": rule.scheduled_minutes,
        "days_present": present,
        "required_days": rule.required_days,
        "program_days": len(rule.days),
        "threshold_percent": rule.threshold,
        "computed": computed,
        "computed_reason": reason,
    }
    if override is None:
        return AttendanceResult(**fields, attended=computed, reason=reason)
    decided_by = override.decided_by.get_username() if override.decided_by_id and override.decided_by else ""
    return AttendanceResult(
        **fields,
        attended=override.attended,
        reason=_("decided by an organiser: %(reason)s") % {"reason": override.reason},
        overridden=True,
        override_reason=override.reason,
        decided_by=decided_by,
        decided_at=override.decided_at,
    )


def program_results(program, registrations=None, rule=None):
    """Every confirmed registration of the program judged, in registration order; five queries.

    ``registrations`` may narrow the set (a queryset of the program's
    registrations); ``rule`` saves its query when the caller has it already.
    """
    rule = rule or rule_for(program)
    queryset = registrations if registrations is not None else Registration.objects.filter(program=program)
    people = list(
        queryset.filter(program=program, status=Registration.Status.CONFIRMED)
        .only("pk", "given_name", "family_name", "email", "mode", "status", "personal_data_erased_at", "created_at")
        .order_by("created_at", "pk")
    )
    if not people:
        return []
    ids = {registration.pk for registration in people}
    narrowed = registrations is not None
    intervals = defaultdict(list)
    interval_rows = ZoomInterval.objects.filter(
        attendee__program=program, attendee__ignored=False, attendee__registration__isnull=False,
    )
    if narrowed:
        interval_rows = interval_rows.filter(attendee__registration__in=ids)
    for registration_id, joined, left in interval_rows.values_list(
        "attendee__registration_id", "joined_at", "left_at"
    ).order_by():
        intervals[registration_id].append((_seconds(joined), _seconds(left)))
    days = defaultdict(set)
    check_ins = CheckIn.objects.filter(registration__program=program)
    if narrowed:
        check_ins = check_ins.filter(registration__in=ids)
    for registration_id, day in check_ins.values_list("registration_id", "day").order_by():
        days[registration_id].add(day)
    overrides = AttendanceOverride.objects.filter(registration__program=program).select_related("decided_by")
    if narrowed:
        overrides = overrides.filter(registration__in=ids)
    decided = {override.registration_id: override for override in overrides}
    return [
        judge(rule, registration, intervals.get(registration.pk, ()), days.get(registration.pk, set()),
              decided.get(registration.pk))
        for registration in people
    ]


def result_for(registration):
    """One registration judged (a confirmed one; others are judged too, as if confirmed)."""
    program = registration.program
    rule = rule_for(program)
    intervals = [
        (_seconds(joined), _seconds(left))
        for joined, left in ZoomInterval.objects.filter(
            attendee__registration=registration, attendee__ignored=False, attendee__program=program,
        ).values_list("joined_at", "left_at")
    ]
    days = set(CheckIn.objects.filter(registration=registration).values_list("day", flat=True))
    override = AttendanceOverride.objects.filter(registration=registration).select_related("decided_by").first()
    return judge(rule, registration, intervals, days, override)
