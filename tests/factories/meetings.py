import factory

from trainingcenter.meetings.models import OnlineMeeting

from .programs import ProgramFactory


class OnlineMeetingFactory(factory.django.DjangoModelFactory):
    """A static link; use ZoomMeetingFactory for personal Zoom links."""

    class Meta:
        model = OnlineMeeting

    program = factory.SubFactory(ProgramFactory)
    provider = OnlineMeeting.Provider.STATIC
    join_url = "https://meet.example.org/training-room"


class ZoomMeetingFactory(OnlineMeetingFactory):
    provider = OnlineMeeting.Provider.ZOOM
    join_url = ""
    zoom_kind = OnlineMeeting.ZoomKind.MEETING
    zoom_id = factory.Sequence(lambda n: f"851 {2000 + n:04d} {n % 10000:04d}")
