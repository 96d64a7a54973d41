"""Simplified Chinese: 24-hour clock as Django has it; month and day without a leading zero."""
TIME_FORMAT = "H:i"  # 14:00
DATETIME_FORMAT = "Y年n月j日 H:i"  # 2022年9月28日 14:00
MONTH_DAY_FORMAT = "n月j日"  # 9月28日 (Django's "m月j日" writes 09月28日)
