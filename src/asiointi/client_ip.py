"""The client's address, as the city's own reverse proxies saw it.

Each trusted proxy appends the address it received the request from to X-Forwarded-For, so with N
of them (TRUSTED_PROXY_COUNT) the client is the N-th entry from the right. Entries further left are
whatever the client sent and are never believed. With no proxies the connection's own address
(REMOTE_ADDR) is the client's. Audit rows, rate limits and lockouts all use this one function.
"""

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR") or "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    header = str(request.META.get("HTTP_X_FORWARDED_FOR") or "")
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    if not hops:
        return remote
    # Fewer entries than proxies: the request passed fewer of them, and every entry there was
    # appended by one of them (a client can only make the list longer), so the first is the client.
    candidate = hops[-trusted] if len(hops) >= trusted else hops[0]
    try:
        return str(ip_address(candidate))
    except ValueError:
        # A proxy of our own wrote something that is not an address: it is misconfigured.
        return remote
