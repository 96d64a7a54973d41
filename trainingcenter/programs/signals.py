"""What programs tell the apps above them, without knowing who listens.

``programs`` sits below ``registrations`` and must not import it; yet when a
program's capacity, mode or registration window changes, seats may have come
free for people on the waiting list. The services send this signal inside the
transaction of the change, so what the listeners do commits with it.
"""
from django.dispatch import Signal

# Sent with ``program`` and ``created`` after every save through the services.
program_saved = Signal()

# Sent with ``program`` when what participants plan around changed: the
# program's start or end, or a session's times (one added, moved or removed).
# Sent inside the transaction of the change, at most once per service call;
# listeners must not mind hearing it twice for one edit (the admin saves the
# program and its agenda in two calls).
schedule_changed = Signal()
