"""Every scenario of `make bench`, in the order they run and appear in docs/performance.md.

A new scenario is a module here with a `SCENARIO`, added to this list.
"""

from asiointi.bench.scenario import Scenario
from asiointi.bench.scenarios import backoffice, catalogue, courses, folder, forms

SCENARIOS: list[Scenario] = [
    catalogue.SCENARIO,
    folder.SCENARIO,
    courses.SCENARIO,
    forms.SCENARIO,
    backoffice.SCENARIO,
]
