"""Russian: 24-hour clock with two-digit hours everywhere (see ``trainingcenter.formats``)."""
TIME_FORMAT = "H:i"  # 09:00
DATETIME_FORMAT = "j E Y г., H:i"  # 28 сентября 2022 г., 09:00
MONTH_DAY_FORMAT = "j E"  # 28 сентября (Django's "j F" writes the month in the nominative)
