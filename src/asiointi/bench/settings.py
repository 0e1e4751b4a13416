"""The production settings plus the bare baseline view: only the URLconf differs."""

from asiointi.settings import *  # noqa: F403

ROOT_URLCONF = "asiointi.bench_urls"
