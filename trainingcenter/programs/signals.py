"""What programs tell the apps above them, without knowing who listens.

``programs`` sits below ``registrations`` and must not import it; yet when a
program's capacity, mode or registration window changes, seats may have come
free for people on the waiting list. The services send this signal inside the
transaction of the change, so what the listeners do commits with it.
"""
from django.dispatch import Signal

# Sent with ``program`` and ``created`` after every save through the services.
program_saved = Signal()
