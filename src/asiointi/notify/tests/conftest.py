from asiointi.notify.tests.fixtures import dev_outbox, sms_gateway_server  # noqa: F401
