from asiointi.customers.tests.holdings import holdings  # noqa: F401
