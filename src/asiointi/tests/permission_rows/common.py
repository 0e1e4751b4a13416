"""What the rows of several apps share: answers, and the objects of each owner."""

from collections.abc import Callable
from typing import Any

from asiointi.tests.permission_matrix import (
    NOT_ALLOWED,
    OK,
    Answer,
    Target,
    below,
    everyone,
    redirect,
)
from asiointi.tests.permission_world import World

FOLDER = redirect("folder:index")
SEE_OTHER = (302, 303)
DRAFT = redirect(below("submissions:draft_resume", pk="00000000-0000-4000-8000-000000000000"))
FORM_START = redirect(below("eforms:start", slug="SLUG"))
FORM_ERRORS = Answer((400,), label="400, the form again with its errors")
PUBLIC = everyone(OK)
GET_ONLY = everyone(NOT_ALLOWED)  # or POST only: the other method is refused to anyone


def of_each(world: World, thing: str, **extra: Callable[[Any], Any]) -> list[Target]:
    targets = []
    for owner, things in world.things().items():
        obj = getattr(things, thing)
        kwargs = {"pk": obj.pk, **{name: make(obj) for name, make in extra.items()}}
        targets.append(Target(kwargs, owner, thing))
    return targets


def services(world: World) -> list[Target]:
    return [Target({"slug": s.slug}, owner) for owner, s in world.services.items()]


def agencies(world: World) -> list[Target]:
    return [Target({"agency": a.slug}, owner) for owner, a in world.agencies.items()]
