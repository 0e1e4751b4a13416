""" "Siirry palveluun": where each kind of service starts, told by the app that owns the kind.

The catalogue sits below forms and courses, so they register a resolver here in their
`AppConfig.ready()`: given a service, the address of what is published online for it, or None when
nothing is (the catalogue then shows the agency's contacts instead of a dead end).
"""

from collections.abc import Callable

from asiointi.catalogue.models import Service

StartResolver = Callable[[Service], str | None]
_resolvers: dict[str, StartResolver] = {}


def start_resolver_register(kind: str, resolver: StartResolver) -> None:
    _resolvers[kind] = resolver


def start_url(service: Service) -> str | None:
    """Where "Siirry palveluun" leads, or None when nothing of the service is online now."""
    if service.kind == Service.Kind.EXTERNAL:
        # The external system identifies its users itself: it opens directly.
        return service.external_url or None
    resolver = _resolvers.get(service.kind)
    return resolver(service) if resolver is not None else None
