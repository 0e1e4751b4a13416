from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from asiointi.identity.models import User


@admin.register(User)
class PersonAdmin(UserAdmin):
    """Staff and residents. A resident's identity code is shown masked only (010280-****)."""

    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        (_("Personal identity code"), {"fields": ("identity_code",)}),
    )
    readonly_fields = ("identity_code",)

    @admin.display(description=_("Personal identity code"))
    def identity_code(self, obj: Any) -> str:
        return obj.identity_code_masked if obj else ""
