"""A valid registration form submission, for the form and view tests."""


def valid_post(**overrides):
    data = {
        "given_name": "Aigerim",
        "family_name": "Nurlanovna",
        "email": "Aigerim.N@example.org",
        "country": "KZ",
        "organization": "Institute of Water Problems",
        "position": "Researcher",
        "sector": "academia",
        "gender": "",
        "mode": "online",
        "language": "en",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
