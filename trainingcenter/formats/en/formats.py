"""English: 24-hour clock (see ``trainingcenter.formats``)."""
TIME_FORMAT = "H:i"  # 14:00
DATETIME_FORMAT = "N j, Y, H:i"  # Sept. 28, 2022, 14:00
SHORT_DATETIME_FORMAT = "m/d/Y H:i"
