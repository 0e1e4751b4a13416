"""The embedded profile, chosen explicitly: the settings of the test suite and of type checking.

DEBUG is off unless set (settings.py), and the tests are written for the embedded profile, so this
turns it on before the one settings module reads the environment. Production tests start their own
processes with `asiointi.settings` (tests/production.py).
"""

import os

os.environ["DEBUG"] = "true"

from asiointi.settings import *  # noqa: F403
