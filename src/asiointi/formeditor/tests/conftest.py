from asiointi.submissions.tests.conftest import (  # noqa: F401  (fixtures)
    demo_forms,
    tessa,
    tessa_client,
)
