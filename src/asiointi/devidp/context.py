"""The issuer of the request being handled: `<scheme>://<host>/devidp`, so any port works."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

ISSUER_PATH = "/devidp"

_issuer: ContextVar[str] = ContextVar("devidp_issuer")


def issuer_for(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}{ISSUER_PATH}"


def current_issuer() -> str:
    return _issuer.get()


def current_origin() -> str:
    return current_issuer().removesuffix(ISSUER_PATH)


@contextmanager
def issuer_of(request: HttpRequest) -> Iterator[str]:
    # authlib's hooks see only the client or the protocol request: they read the issuer from here.
    token = _issuer.set(issuer_for(request))
    try:
        yield _issuer.get()
    finally:
        _issuer.reset(token)


def idp_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Every page and endpoint: never cached, and handled knowing its issuer."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        with issuer_of(request):
            return view(request, *args, **kwargs)

    return never_cache(wrapped)
