"""What registrations tell the apps above them, without knowing who listens.

Apps above ``registrations`` (attendance, certificates) keep copies of a
participant's identity: the name and address Zoom reported, the name printed
on a certificate. ``registrations`` must not import them, so when it erases a
participant's personal data it says so, and each of them erases its own copy.
"""
from django.dispatch import Signal

# Sent with ``registration`` (already anonymised), ``actor`` (or None) and
# ``now`` inside the transaction of ``services.privacy.erase_personal_data``, so
# what the listeners erase is erased with it or not at all. Sent once per
# registration: erasing it a second time returns before sending.
personal_data_erased = Signal()
