"""Every change to attendance, in one place: views, the API, the admin and tasks call these.

``checkins`` checks participants in at the venue (by the code on their badge
or by name) and undoes a check-in; ``zoom_import`` reads Zoom's participant
reports into online minutes.
"""
