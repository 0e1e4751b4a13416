from asiointi.submissions.tests.conftest import demo_forms, tessa, tessa_client  # noqa: F401
