import os
from collections.abc import Iterator
from copy import deepcopy

import pytest
from django.conf import LazySettings

from asiointi.catalogue.cache import catalogue_changed
from asiointi.catalogue.demo import load_demo

# Playwright's sync API runs an event loop in the test thread; the ORM must still work there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _isolated_cache(settings: LazySettings) -> Iterator[None]:
    """Each test starts with fresh catalogue pages; parallel workers never share cache keys."""
    caches = deepcopy(settings.CACHES)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    caches["default"]["KEY_PREFIX"] = f"test-{worker}"
    settings.CACHES = caches
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    catalogue_changed()
    yield


@pytest.fixture
def demo_catalogue(db: None) -> dict[str, int]:
    return load_demo()
