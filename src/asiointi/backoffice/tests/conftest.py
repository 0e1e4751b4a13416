from asiointi.submissions.tests.conftest import (  # noqa: F401  (fixtures)
    demo_forms,
    stranger_client,
    tessa,
    tessa_client,
)
