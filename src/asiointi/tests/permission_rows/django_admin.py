"""The Django admin, one group: every admin address is sampled (`admin_samples`), for every
persona."""

import re
from typing import Any

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from asiointi.tests import permission_matrix as m
from asiointi.tests import permission_runner as runner
from asiointi.tests.permission_matrix import (
    ADMITTED,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    Row,
    admin_only,
    everyone,
    redirect,
)
from asiointi.tests.permission_world import World

ADMIN_ROW = Row("admin:*", get=admin_only(ADMITTED), post=admin_only(ADMITTED))

CATCH_ALL = "admin: (any other address)"
# Admin addresses that are not behind the admin's door, or answer a method otherwise.
ADMIN_ROWS: dict[str, Row] = {
    "admin:login": Row(
        "admin:login",
        get=everyone(OK).but(admin=redirect("admin:index")),
        post=everyone(OK),
        note="POST: an empty form is shown again",
    ),
    "admin:logout": Row(
        "admin:logout",
        get=everyone(redirect("admin:index")).but(admin=NOT_ALLOWED),
        post=everyone(redirect("admin:index")).but(admin=OK),
    ),
    # An address the admin does not have: 404, but only to those let in.
    CATCH_ALL: Row(CATCH_ALL, get=admin_only(NOT_FOUND), post=admin_only(NOT_FOUND)),
}
# A POST there would delete the sampled object for the one persona let in.
ADMIN_NOT_POSTED = ("_delete",)


def _filled(route: str, values: dict[str, Any]) -> str:
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda found: str(values[found[1]]), route)


def admin_samples(world: World) -> list[tuple[str, str]]:
    """One address of every admin URL pattern (an app index for every app), as (name, path)."""
    models = {
        (model._meta.app_label, model._meta.model_name): model for model in admin.site._registry
    }
    samples: list[tuple[str, str]] = []
    for pattern in runner.url_patterns():
        if not runner.is_admin(pattern.name):
            continue
        if "(?P<app_label>" in pattern.route:
            labels = {label for label, _model in models}
            samples += [
                (pattern.name, reverse("admin:app_list", args=[label])) for label in sorted(labels)
            ]
            continue
        if "(?P<url>" in pattern.route:
            samples.append((CATCH_ALL, "/fi/admin/no-such-page/"))
            continue
        parts = pattern.route.split("/")
        values: dict[str, Any]
        if parts[2] == "r":
            service = world.services[m.OF_RESIDENT]
            content_type = ContentType.objects.get_for_model(service)
            values = {"content_type_id": content_type.pk, "object_id": service.pk}
        else:
            model = models.get((parts[2], parts[3])) if len(parts) > 3 else None
            obj = model._default_manager.order_by("pk").first() if model else None
            assert model is None or obj is not None, f"no {model} to sample"
            pk = obj.pk if obj else None
            values = {"object_id": pk, "pk": pk, "id": pk}
        samples.append((pattern.name, "/" + _filled(pattern.route, values)))
    return samples
