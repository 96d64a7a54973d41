"""Every change to surveys, in one place: views, tasks and commands call these.

``questions`` sets a survey up (default questions, the organisers' own, order,
settings, opening and closing); ``invitations`` asks participants to answer
and reminds them once; ``answers`` takes a participant's answers. The results
are read by ``surveys.results``, which changes nothing.
"""
from . import answers, invitations, questions
from .answers import submit_answers
from .errors import SurveyError
from .invitations import invite_now, send_invitations, send_reminders
from .questions import (
    QuestionData,
    add_question,
    add_session_questions,
    close_survey,
    create_default_survey,
    delete_question,
    move_question,
    open_survey,
    update_question,
    update_settings,
)

__all__ = [
    "answers", "invitations", "questions",
    "SurveyError", "QuestionData",
    "create_default_survey", "add_question", "update_question", "move_question", "delete_question",
    "add_session_questions", "update_settings", "open_survey", "close_survey",
    "send_invitations", "send_reminders", "invite_now", "submit_answers",
]
