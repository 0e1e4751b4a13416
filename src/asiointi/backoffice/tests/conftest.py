from asiointi.courses.tests.conftest import (  # noqa: F401  (fixtures)
    course,
    make_course,
    make_person,
    service,
)
from asiointi.submissions.tests.conftest import (  # noqa: F401  (fixtures)
    demo_forms,
    stranger_client,
    tessa,
    tessa_client,
)
