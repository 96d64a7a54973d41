"""Generated sample participants of the past programs, so the statistics show the seeds' headlines.

NONE OF THESE PEOPLE EXIST, and they are marked so everywhere: each is
"Generated participant NNN" of a "Sample organisation", with an address at
``generated.example`` (a reserved name no mail can reach). The figures follow
what the centre's reports say:

- 2nd program (2021, hybrid): "over 200 participants from some 20 countries,
  particularly from the ECO member countries": 212 people, 20 countries,
  162 of them from ECO member states.
- 5th program (2022, online): "over 100 participants from 20 countries,
  particularly from the ECO member countries": 108 people, 20 countries, 81 from ECO.
- 6th program (2022, online): the seeds give no figure; 96 people from 16
  countries, so its statistics are not empty.

Everything else (sector, gender, registration day, who attended) is drawn
from a fixed seed, so each load gives the same people.
"""

DOMAIN = "generated.example"
SEED = 20210706

# Per program: {ISO code: people}, the share of onsite seats (hybrid only),
# the share who attended, and how many days before the start registration ran.
PROGRAMS = {
    "2021-low-carbon-nev": {
        "countries": {
            # ECO member states: 162
            "PK": 38, "KZ": 24, "IR": 22, "TR": 18, "UZ": 16, "AZ": 12, "KG": 10, "TJ": 9, "AF": 8, "TM": 5,
            # others: 50
            "CN": 14, "RU": 6, "BD": 5, "KE": 4, "LK": 4, "NP": 4, "EG": 4, "MN": 3, "TH": 3, "NG": 3,
        },
        "onsite_countries": {"CN"},
        "onsite_share": 0.08,
        "attended_share": 0.84,
        "registration_days": 35,
    },
    "2022-industrial-decarbonization": {
        "countries": {
            "PK": 20, "KZ": 12, "IR": 11, "TR": 9, "UZ": 8, "AZ": 6, "KG": 5, "TJ": 4, "AF": 4, "TM": 2,
            "CN": 6, "RU": 3, "BD": 3, "EG": 3, "NP": 2, "LK": 2, "MN": 2, "ET": 2, "GH": 2, "MY": 2,
        },
        "onsite_countries": set(),
        "onsite_share": 0,
        "attended_share": 0.8,
        "registration_days": 28,
    },
    "2022-lithium-ion-batteries": {
        "countries": {
            "PK": 19, "KZ": 11, "IR": 10, "TR": 9, "UZ": 8, "AZ": 6, "KG": 5, "TJ": 4, "AF": 3,
            "CN": 7, "RU": 4, "BD": 3, "EG": 2, "NP": 2, "LK": 2, "MN": 1,
        },
        "onsite_countries": set(),
        "onsite_share": 0,
        "attended_share": 0.78,
        "registration_days": 21,
    },
}

# Weights, not counts: each person's sector and gender are drawn with them.
SECTORS = {
    "academia": 34, "government": 20, "industry": 18, "student": 12, "international": 6, "ngo": 5, "other": 5,
}
# About a third leave gender out (it is optional).
GENDERS = {"female": 26, "male": 40, "": 34}
CANCELLED_SHARE = 0.04
LANGUAGE_BY_COUNTRY = {
    "KZ": "ru", "KG": "ru", "TJ": "ru", "TM": "ru", "UZ": "ru", "AZ": "ru", "RU": "ru", "CN": "zh-hans",
}
