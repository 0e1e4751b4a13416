"""Retention as data: how long each kind of record is kept and what happens then (RetentionRule),
applied by one scheduled job (`retention_apply`: Celery beat, or `manage.py retention_apply`).

The apps owning the records register how to apply a kind (`retention_kind_register`, in their
AppConfig.ready()); the job hands each the rules of its kind and records the counts it returns
in a RetentionRun, never what the records held.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from asiointi.privacy.models import (
    RULES_CACHE_KEY,
    AuditEvent,
    RetentionAction,
    RetentionKind,
    RetentionRule,
    RetentionRun,
    _audit_retention,
)

logger = logging.getLogger(__name__)

CACHE_KEY = RULES_CACHE_KEY
CACHE_SECONDS = 5 * 60


@dataclass(frozen=True)
class Rule:
    days: int
    action: str

    def cutoff(self, now: datetime) -> datetime:
        return now - timedelta(days=self.days)

    def until(self, start: date | datetime) -> date:
        start_date = timezone.localdate(start) if isinstance(start, datetime) else start
        return start_date + timedelta(days=self.days)


@dataclass(frozen=True)
class KindRules:
    """A kind's default and its per-service overrides."""

    default: Rule
    overrides: dict[int, Rule] = field(default_factory=dict)

    def for_service(self, service_id: int | None) -> Rule:
        return self.overrides.get(service_id, self.default) if service_id else self.default

    def groups(self, service_field: str) -> Iterator[tuple[Q, Rule]]:
        """(filter, rule) pairs covering every row once: each overridden service, then the rest."""
        for service_id, rule in self.overrides.items():
            yield Q(**{service_field: service_id}), rule
        rest = Q(**{f"{service_field}__isnull": True}) | ~Q(
            **{f"{service_field}__in": list(self.overrides)}
        )
        yield rest, self.default


Counts = dict[str, int]
Apply = Callable[[KindRules, datetime], Counts]


@dataclass(frozen=True)
class Kind:
    key: str
    apply: Apply
    actions: tuple[str, ...] = (RetentionAction.DELETE, RetentionAction.ANONYMISE)
    per_service: bool = True


_kinds: dict[str, Kind] = {}


def retention_kind_register(kind: Kind) -> None:
    _kinds[kind.key] = kind


def retention_kinds() -> dict[str, Kind]:
    return dict(_kinds)


# Fallbacks if a default row were ever removed: the seeded values.
FALLBACK = {
    RetentionKind.DRAFTS: Rule(30, RetentionAction.DELETE),
    RetentionKind.SUBMISSIONS: Rule(365 * 6, RetentionAction.DELETE),
    RetentionKind.MESSAGES: Rule(365 * 6, RetentionAction.DELETE),
    RetentionKind.ENROLLMENTS: Rule(365, RetentionAction.DELETE),
    RetentionKind.DATA_EXPORTS: Rule(7, RetentionAction.DELETE),
    RetentionKind.FEEDBACK: Rule(365 * 2, RetentionAction.DELETE),
    RetentionKind.AUDIT_EVENTS: Rule(365 * 2, RetentionAction.DELETE),
    RetentionKind.NOTIFICATIONS: Rule(365, RetentionAction.DELETE),
}


def retention_rules_changed() -> None:
    cache.delete(CACHE_KEY)


def retention_rules(kind: str) -> KindRules:
    """The kind's rules, cached: pages that show "kept until" read them on every write."""
    every = cache.get(CACHE_KEY)
    if every is None:
        every = {}
        for row in RetentionRule.objects.all():
            every.setdefault(row.kind, {})[row.service_id] = Rule(row.days, row.action)
        cache.set(CACHE_KEY, every, CACHE_SECONDS)
    rows = every.get(kind, {})
    default = rows.get(None) or FALLBACK[RetentionKind(kind)]
    return KindRules(default, {sid: rule for sid, rule in rows.items() if sid is not None})


def retention_rule(kind: str, service_id: int | None) -> Rule:
    return retention_rules(kind).for_service(service_id)


def retention_days(kind: str, service_id: int | None, *, own: int | None = None) -> int:
    """A service's override wins; else the record's own setting (a form's), else the default."""
    rules = retention_rules(kind)
    if service_id in rules.overrides:
        return rules.overrides[service_id].days  # type: ignore[index]
    return own if own is not None else rules.default.days


@contextmanager
def audit_retention() -> Iterator[None]:
    """The one way past the audit log's append-only guard: the retention job's transaction."""
    with transaction.atomic():
        postgres = connection.vendor == "postgresql"
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL asiointi.retention = 'on'")
        token = _audit_retention.set(True)
        try:
            yield
        finally:
            _audit_retention.reset(token)
            if postgres:
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL asiointi.retention = 'off'")


def _audit_events(rules: KindRules, now: datetime) -> Counts:
    old = AuditEvent.objects.filter(created_at__lt=rules.default.cutoff(now))
    with audit_retention():
        if rules.default.action == RetentionAction.ANONYMISE:
            changed = old.exclude(user=None, ip_address=None, user_agent="").update(
                user=None, ip_address=None, user_agent=""
            )
            return {"anonymised": changed}
        deleted, _by_model = old.delete()
    return {"deleted": deleted}


def retention_apply(*, now: datetime | None = None) -> RetentionRun:
    """Apply every kind's rules; one kind failing does not stop the others."""
    now = now or timezone.now()
    run = RetentionRun.objects.create()
    counts: dict[str, Counts] = {}
    failed: list[str] = []
    retention_rules_changed()  # the job reads the rules as they are now
    for key, kind in sorted(_kinds.items()):
        try:
            with transaction.atomic():
                counts[key] = kind.apply(retention_rules(key), now)
        except Exception:
            logger.exception("retention of %s failed", key)
            failed.append(key)
    RetentionRun.objects.filter(pk=run.pk).update(
        finished_at=timezone.now(), counts=counts, failed=failed
    )
    run.refresh_from_db()
    logger.info("retention run %s: %s", run.pk, counts)
    return run


retention_kind_register(Kind(RetentionKind.AUDIT_EVENTS, _audit_events, per_service=False))
