from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "asiointi.privacy"
    verbose_name = _("Privacy")

    def ready(self) -> None:
        import asiointi.privacy.retention  # noqa: F401  (registers the audit log's own kind)
        from asiointi.privacy.personal_data import Section, personal_data_register
        from asiointi.privacy.selectors import audit_events_data

        # Kept on erasure: the audit log is evidence, with a retention of its own (retention.py).
        personal_data_register(
            Section(
                "audit_log",
                _("Use of e-services (audit log)"),
                lambda c: audit_events_data(person=c.person) if c.person else [],
                order=90,
            )
        )
