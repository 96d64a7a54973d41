"""The one error the survey services raise: what was refused, in words for the person who tried."""


class SurveyError(Exception):
    """``message`` says why, in the active language; ``field`` names the form field it is about (or None);
    ``errors`` maps question ids to what is wrong with each answer (``answers.submit_answers``)."""

    def __init__(self, message, *, field=None, errors=None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.errors = errors or {}
