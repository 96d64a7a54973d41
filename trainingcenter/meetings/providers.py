"""What each online-meeting provider means for a program's join links.

``static``: one link for everyone, kept on the meeting and shown at display
time to those allowed to see it; nothing to create per participant.
``zoom``: each confirmed online participant becomes a Zoom registrant with a
personal link, created in the background (see ``registrations.services.zoom_registrants``).
"""
from dataclasses import dataclass

from .models import OnlineMeeting

# Zoom's registrant "language" field takes locale codes like these.
ZOOM_LANGUAGES = {"en": "en-US", "zh-hans": "zh-CN", "ru": "ru-RU"}


@dataclass(frozen=True)
class ZoomTarget:
    kind: str  # "meeting" or "webinar"
    zoom_id: str  # digits only


def meeting_for(program):
    """The program's online meeting, or None when it has none."""
    try:
        return program.online_meeting
    except OnlineMeeting.DoesNotExist:
        return None


def gives_personal_links(program):
    meeting = meeting_for(program)
    return meeting is not None and meeting.provider == OnlineMeeting.Provider.ZOOM


def static_join_url(program):
    """The shared link of a static-provider program, or "" for Zoom or no meeting."""
    meeting = meeting_for(program)
    if meeting is None or meeting.provider != OnlineMeeting.Provider.STATIC:
        return ""
    return meeting.join_url


def zoom_target(program):
    """Where to register participants in Zoom, or None when the program has no usable Zoom ID.

    Organisers paste IDs as Zoom prints them ("851 2345 6789"); the API wants digits.
    """
    meeting = meeting_for(program)
    if meeting is None or meeting.provider != OnlineMeeting.Provider.ZOOM:
        return None
    zoom_id = "".join(ch for ch in meeting.zoom_id if ch.isdigit())
    if not zoom_id:
        return None
    return ZoomTarget(kind=meeting.zoom_kind or OnlineMeeting.ZoomKind.MEETING, zoom_id=zoom_id)


def zoom_language(language_code):
    return ZOOM_LANGUAGES.get(language_code)
