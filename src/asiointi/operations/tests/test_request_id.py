import re

from django.test import Client

HEX_ID = re.compile(r"[0-9a-f]{32}")


def test_every_answer_carries_a_new_request_id(client: Client) -> None:
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert HEX_ID.fullmatch(first)
    assert HEX_ID.fullmatch(second)
    assert first != second


def test_a_clients_own_request_id_is_not_believed_without_a_trusted_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    response = client.get("/healthz", headers={"X-Request-ID": "chosen-by-the-client-123"})
    assert HEX_ID.fullmatch(response["X-Request-ID"])


def test_the_trusted_proxys_request_id_is_kept(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.get("/healthz", headers={"X-Request-ID": "5f0c2a9e8d7b4c1a9e8d7b4c1a9e8d7b"})
    assert response["X-Request-ID"] == "5f0c2a9e8d7b4c1a9e8d7b4c1a9e8d7b"


def test_a_request_id_of_another_shape_is_replaced_even_from_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.get("/healthz", headers={"X-Request-ID": "a b\nforged log line"})
    assert HEX_ID.fullmatch(response["X-Request-ID"])


def test_redirects_carry_it_too(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert HEX_ID.fullmatch(response["X-Request-ID"])
