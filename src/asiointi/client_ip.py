"""The client's address, as every rate limit and audit row should read it."""

from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # The test client's force_login builds a request with no address at all.
    return str(request.META.get("REMOTE_ADDR", ""))
