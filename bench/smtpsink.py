"""A local SMTP server for the mail benchmarks (aiosmtpd): who got how many mails, and when.

Benchmarks send mail only here, on loopback; nothing leaves the machine.
"""
import collections
import socket
import threading
import time


class Sink:
    """An aiosmtpd handler that counts each recipient's mails and notes when the first and the last arrived."""

    def __init__(self):
        self.counts = collections.Counter()
        self.arrived = {}  # address: monotonic time of its first mail
        self.last = 0.0  # monotonic time of the latest mail
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        now = time.monotonic()
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                address = rcpt.lower()
                self.counts[address] += 1
                self.arrived.setdefault(address, now)
            self.last = now
        return "250 OK"


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
