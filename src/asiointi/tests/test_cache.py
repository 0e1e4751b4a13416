"""The Redis cache keeps one client per connection pool and works as Django's own does."""

import os

import pytest

from asiointi.cache import SharedClientRedisCache

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs Redis")


@pytest.fixture
def cache() -> SharedClientRedisCache:
    database = int(os.environ.get("TEST_REDIS_DB", "10"))
    base = os.environ["REDIS_URL"].rsplit("/", 1)[0]
    return SharedClientRedisCache(f"{base}/{database}", {"KEY_PREFIX": "asiointi-test-cache"})


def test_a_client_is_made_once_and_reused(cache: SharedClientRedisCache) -> None:
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client() is client  # one server: reads use the same pool


def test_values_are_stored_read_counted_and_deleted(cache: SharedClientRedisCache) -> None:
    cache.set("session", {"user": 1}, 30)
    assert cache.get("session") == {"user": 1}
    assert cache.add("counter", 1, 30)
    assert cache.incr("counter") == 2
    cache.delete_many(["session", "counter"])
    assert cache.get("session") is None and cache.get("counter") is None
