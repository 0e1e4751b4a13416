from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from asiointi.eforms.definition import DefinitionError
from asiointi.eforms.models import Form, FormVersion
from asiointi.eforms.services import form_publish


@admin.register(Form)
class FormAdmin(admin.ModelAdmin):
    list_display = ["service", "updated_at"]
    search_fields = ["service__name", "service__slug"]
    autocomplete_fields = ["service"]
    actions = ["publish"]

    @admin.action(description=_("Publish the definition as a new version"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Form]) -> None:
        for form in queryset:
            try:
                version = form_publish(form=form, published_by=request.user)  # type: ignore[arg-type]
            except DefinitionError as error:
                for problem in error.problems:
                    self.message_user(request, f"{form}: {problem}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(form)s: version %(number)s published.")
                    % {"form": form, "number": version.number},
                )


@admin.register(FormVersion)
class FormVersionAdmin(admin.ModelAdmin):
    list_display = ["form", "number", "published_at"]
    readonly_fields = ["form", "number", "document", "schema", "published_at", "published_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
