"""Retention rules' defaults from the settings and constants used before they were data, and the
audit log's append-only guard in PostgreSQL (SQLite has only the application's)."""

from django.conf import settings
from django.db import migrations

DEFAULTS = {
    # The form definition's own default; a form's draft_retention_days still wins.
    "drafts": (30, "delete"),
    "submissions": (365 * 6, "delete"),
    "messages": (365 * 6, "delete"),
    "enrollments": (getattr(settings, "COURSE_ENROLLMENT_RETENTION_DAYS", 365), "delete"),
    # folder.services.EXPORT_KEPT
    "data_exports": (7, "delete"),
    "audit_events": (365 * 2, "delete"),
}

GUARD = """
CREATE OR REPLACE FUNCTION privacy_auditevent_append_only() RETURNS trigger AS $$
BEGIN
    IF current_setting('asiointi.retention', true) = 'on' THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    -- Deleting an account unlinks its rows (the foreign key's SET NULL), changing nothing else.
    IF TG_OP = 'UPDATE' AND NEW.user_id IS NULL AND OLD.user_id IS NOT NULL
       AND (NEW.id, NEW.created_at, NEW.action, NEW.target, NEW.ip_address, NEW.user_agent,
            NEW.details::text)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.created_at, OLD.action, OLD.target, OLD.ip_address, OLD.user_agent,
            OLD.details::text) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER privacy_auditevent_append_only BEFORE UPDATE OR DELETE ON privacy_auditevent
FOR EACH ROW EXECUTE FUNCTION privacy_auditevent_append_only();
"""
UNGUARD = """
DROP TRIGGER IF EXISTS privacy_auditevent_append_only ON privacy_auditevent;
DROP FUNCTION IF EXISTS privacy_auditevent_append_only();
"""


def seed(apps, schema_editor):
    rule = apps.get_model("privacy", "RetentionRule")
    for kind, (days, action) in DEFAULTS.items():
        rule.objects.get_or_create(kind=kind, service=None, defaults={"days": days, "action": action})


def guard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GUARD)


def unguard(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNGUARD)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0004_retention_rules")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(guard, unguard),
    ]
