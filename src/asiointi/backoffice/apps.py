from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "asiointi.backoffice"
    verbose_name = _("back office")
    default = True

    def ready(self) -> None:
        from asiointi.notify.rendering import template_register

        template_register("staff_invitation", {"agency_name", "link", "valid_hours", "reset"})
        template_register("staff_added", {"agency_name", "login_url"})


class StaffAdminConfig(admin_apps.AdminConfig):
    """Django's admin with `admin.site` being the superusers-only, second-factor site."""

    default = False  # `asiointi.backoffice` itself is BackofficeConfig
    default_site = "asiointi.backoffice.admin_site.StaffAdminSite"
