"""The README lists every environment variable the settings read."""

import re
from pathlib import Path

from django.conf import settings


def test_every_environment_variable_is_in_the_readme() -> None:
    source = (Path(settings.PACKAGE_DIR) / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_0-9]+)"', source))
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    missing = sorted(name for name in read if f"`{name}`" not in readme)
    assert missing == []
