from asiointi.customers.tests.holdings import holdings
from asiointi.notify.tests.fixtures import dev_outbox

__all__ = ["dev_outbox", "holdings"]
