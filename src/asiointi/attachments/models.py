import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.core.signals import setting_changed
from django.db import models
from django.urls import reverse
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.limits import type_label
from asiointi.privacy.identity_codes import identity_codes_masked


class AttachmentStorage(LazyObject):
    """STORAGES["attachments"], looked up when first used and again after the setting changes."""

    def _setup(self) -> None:
        self._wrapped = storages["attachments"]


private_storage = AttachmentStorage()


def _storages_changed(*, setting: str, **kwargs: object) -> None:
    if setting == "STORAGES":
        private_storage._wrapped = empty  # type: ignore[assignment]


setting_changed.connect(_storages_changed)


def attachment_storage() -> Storage:
    return private_storage  # type: ignore[return-value]


def stored_name(instance: "Attachment", filename: str) -> str:
    # Nothing the person chose goes into the stored path: no extension a server might act on.
    return str(PurePosixPath(str(instance.customer_id or "anonymous"), uuid.uuid4().hex))


class Attachment(models.Model):
    """One accepted file: sniffed, scanned and stored privately, owned by a customer (or by no
    one: an anonymous sender's, known only to their browser session until something holds it).

    `holder` names what it is attached to (for example `submission:42`); files nothing holds are
    deleted after ATTACHMENT_UNHELD_HOURS.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    customer = models.ForeignKey(
        "customers.Customer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("customer"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    file = models.FileField(_("file"), storage=attachment_storage, upload_to=stored_name)
    original_name = models.CharField(_("file name"), max_length=200)
    media_type = models.CharField(_("media type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    scanned_at = models.DateTimeField(_("virus scan passed"), null=True, blank=True)
    holder = models.CharField(_("attached to"), max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        # Shown in staff pages and logs: a file name may hold an identity code.
        return identity_codes_masked(self.original_name)

    def get_absolute_url(self) -> str:
        return reverse("attachments:download", kwargs={"pk": self.pk})

    @property
    def type_label(self) -> str:
        """PDF, JPEG, DOCX …: what residents call the kind of file."""
        return type_label(self.media_type)
