from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "asiointi.courses"
    verbose_name = _("courses")

    def ready(self) -> None:
        from asiointi.notify.rendering import template_register

        template_register(
            "course_place", {"course_name", "course_code"}, label=_("A place from the waiting list")
        )
        template_register(
            "course_enrollment",
            {"course_name", "reference", "status", "place"},
            label=_("Enrollment confirmation"),
        )

        from asiointi.catalogue.models import Service
        from asiointi.catalogue.starts import start_resolver_register
        from asiointi.courses.selectors import course_start_url

        start_resolver_register(Service.Kind.COURSE, course_start_url)

        from asiointi.courses.notices import STATUS_LABELS
        from asiointi.folder.kinds import addresses_by_url_name, item_kind_register

        item_kind_register(
            "enrollment",
            label=_("course enrollment"),
            status_labels={str(status): label for status, label in STATUS_LABELS.items()},
            addresses=addresses_by_url_name("courses:enrollment_detail"),
        )

        from asiointi.courses import personal_data, retention

        personal_data.register()
        retention.register()
