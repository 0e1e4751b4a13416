from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _in_language(texts: dict[str, str]) -> str:
    return texts.get(get_language() or "fi") or texts.get("fi") or next(iter(texts.values()), "")


class FolderItem(models.Model):
    """One thing in a customer's folder, written by the app that owns the thing.

    A denormalised index: the folder lists, filters and searches drafts, submissions, messages,
    decisions and enrollments from this one table, with a fixed number of queries however many
    there are. The owning app keeps it current through `folder.services`.
    """

    class Kind(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMISSION = "submission", _("submission")
        MESSAGE = "message", _("message")
        DECISION = "decision", _("decision")
        ENROLLMENT = "enrollment", _("course enrollment")

    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="folder_items"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=64, help_text="The owning app's identifier of the thing.")
    title = models.JSONField(_("title"), help_text="{language: text}")
    status = models.CharField(_("status"), max_length=40, blank=True)
    status_label = models.JSONField(_("status label"), default=dict, help_text="{language: text}")
    reference = models.CharField(_("reference"), max_length=40, blank=True, db_index=True)
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    needs_action = models.BooleanField(_("needs action"), default=False)
    link_name = models.CharField(max_length=100)
    link_args = models.JSONField(default=list)
    occurred_at = models.DateTimeField(_("date"))

    class Meta:
        verbose_name = _("folder item")
        verbose_name_plural = _("folder items")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="folder_item_unique")]
        indexes = [models.Index(fields=["customer", "-occurred_at"], name="folder_item_newest")]
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"

    def get_absolute_url(self) -> str:
        return reverse(self.link_name, args=self.link_args)

    @property
    def title_text(self) -> str:
        return _in_language(self.title)

    @property
    def status_text(self) -> str:
        return _in_language(self.status_label) if self.status_label else ""
