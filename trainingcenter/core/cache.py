"""The default cache on one machine: Django's file cache, without a folder listing on every write.

Django's ``FileBasedCache`` lists its whole folder on every ``set`` to see
whether it holds more than ``MAX_ENTRIES`` files. The platform writes to it on
every public form (a rate-limit counter per window, per address and per
e-mail) and keeps public pages in it, so it holds thousands of files, and the
listing came to cost more than the write: 0.3 ms with 100 files, 1.5 ms with
1,000 and 6.6 ms with 5,000, growing during a registration rush. Here each
process looks at most once every ``CULL_INTERVAL`` seconds; in between, the
folder may grow past ``MAX_ENTRIES`` by what the processes write meanwhile.
"""
import time

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    """``FileBasedCache`` that makes room at most once every ``CULL_INTERVAL`` seconds per process."""

    CULL_INTERVAL = 10.0

    def __init__(self, dir, params):  # noqa: A002 - Django's own parameter name
        super().__init__(dir, params)
        self._next_cull = 0.0

    def _cull(self):
        now = time.monotonic()
        if now < self._next_cull:
            return
        self._next_cull = now + self.CULL_INTERVAL
        super()._cull()
