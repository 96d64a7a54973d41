"""The file cache makes room now and then, not on every write."""
import pytest

from trainingcenter.core import cache as cache_module
from trainingcenter.core.cache import FileCache


class Clock:
    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(cache_module, "time", fake)
    return fake


@pytest.fixture
def listings(monkeypatch):
    """How often the cache lists its folder."""
    count = {"n": 0}
    real = FileCache._list_cache_files

    def counting(self):
        count["n"] += 1
        return real(self)

    monkeypatch.setattr(FileCache, "_list_cache_files", counting)
    return count


def test_writes_list_the_folder_once_per_interval_and_still_make_room(tmp_path, clock, listings):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2}})

    for n in range(20):
        cache.set(f"key-{n}", n)
    assert listings["n"] == 1  # the first write only
    assert len(list(tmp_path.glob("*.djcache"))) == 20  # over the limit until the next look

    clock.now += FileCache.CULL_INTERVAL + 1
    cache.set("one-more", 1)
    assert listings["n"] == 2
    assert len(list(tmp_path.glob("*.djcache"))) == 11  # half of the 20 went, then the new one
    assert cache.get("one-more") == 1
