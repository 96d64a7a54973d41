"""Build the POST data the admin's program page sends."""
from django.utils import timezone

INLINE_PREFIXES = ("sessions", "roles", "focus_areas", "takeaways", "faqs")


def management_forms(program=None, **totals):
    data = {}
    for prefix in INLINE_PREFIXES:
        initial = getattr(program, prefix).count() if program is not None else 0
        data[f"{prefix}-TOTAL_FORMS"] = str(totals.get(prefix, initial))
        data[f"{prefix}-INITIAL_FORMS"] = str(initial)
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    return data


def program_form_data(**overrides):
    """A valid new program, as a person would fill the form in."""
    data = {
        "number": "7",
        "title_en": "Green Hydrogen for Industry",
        "slug": "green-hydrogen-for-industry",
        "status": "announced",
        "time_zone": "Asia/Shanghai",
        "starts_0": "2022-06-08",
        "starts_1": "09:00",
        "ends_0": "2022-06-09",
        "ends_1": "17:30",
        "registration_opens_0": "2022-05-01",
        "registration_opens_1": "08:00",
        "registration_closes_0": "2022-06-06",
        "registration_closes_1": "18:00",
        "capacity_online": "200",
        "attendance_threshold_percent": "75",
        "mode": "online",
    }
    data.update(management_forms())
    data.update(overrides)
    return data


def existing_program_data(program, **overrides):
    """The change form of an existing program with its stored values, unchanged."""
    data = program_form_data(
        number=str(program.number or ""),
        title_en=program.title_en,
        slug=program.slug,
        status=program.status,
        time_zone=program.time_zone,
        mode=program.mode,
    )
    for name in ("starts", "ends", "registration_opens", "registration_closes"):
        value = getattr(program, name)
        if value is None:
            data[f"{name}_0"] = data[f"{name}_1"] = ""
            continue
        local = timezone.localtime(value, program.tz)
        data[f"{name}_0"] = f"{local:%Y-%m-%d}"
        data[f"{name}_1"] = f"{local:%H:%M:%S}"
    data.update(management_forms(program))
    data.update(overrides)
    return data
