import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Private files, never served by the web server: the portal's views check who asks.
from asiointi.attachments.models import attachment_storage
from asiointi.folder.kinds import item_kind, items_addressed, status_label
from asiointi.folder.texts import in_language


class FolderItem(models.Model):
    """One thing in a customer's folder, written by the app that owns the thing.

    A denormalised index: the folder lists, filters and searches drafts, submissions, messages,
    decisions and enrollments from this one table, with a fixed number of queries however many
    there are. The owning app keeps it current through `folder.services`. It stores the kind and
    the owner's key; the kind, registered by its owner (`folder.kinds`), makes the address and
    the labels when the row is shown.
    """

    class Kind(models.TextChoices):
        # The folder's own kinds; other apps register theirs (drafts, submissions, enrollments).
        MESSAGE = "message", _("message")
        DECISION = "decision", _("decision")

    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="folder_items"
    )
    kind = models.CharField(_("kind"), max_length=20)
    key = models.CharField(max_length=64, help_text="The owning app's identifier of the thing.")
    title = models.JSONField(_("title"), help_text="{language: text}")
    status = models.CharField(_("status"), max_length=40, blank=True)
    reference = models.CharField(_("reference"), max_length=40, blank=True, db_index=True)
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    needs_action = models.BooleanField(_("needs action"), default=False)
    occurred_at = models.DateTimeField(_("date"))
    # Until when the owning app keeps the thing (its retention rule), shown on the item.
    kept_until = models.DateField(_("kept until"), null=True, blank=True)
    # Where the item opens: made by its kind when shown (`folder.kinds.items_addressed`).
    address: str

    class Meta:
        verbose_name = _("folder item")
        verbose_name_plural = _("folder items")
        constraints = [models.UniqueConstraint(fields=["kind", "key"], name="folder_item_unique")]
        indexes = [
            models.Index(fields=["customer", "-occurred_at"], name="folder_item_newest"),
            # The front page's status filter (the statuses the folder holds) and its counts of
            # what needs action, each read from an index alone however full the folder is.
            models.Index(fields=["customer", "kind", "status"], name="folder_item_statuses"),
            models.Index(
                fields=["customer", "kind"],
                condition=models.Q(needs_action=True),
                name="folder_item_needs_action",
            ),
        ]
        ordering = ["-occurred_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"

    def get_absolute_url(self) -> str:
        address: str | None = self.__dict__.get("address")
        if address is None:
            items_addressed([self])
            address = self.address
        return address

    @property
    def kind_label(self) -> str:
        return str(item_kind(self.kind).label)

    @property
    def title_text(self) -> str:
        return in_language(self.title)

    @property
    def status_text(self) -> str:
        return status_label(self.kind, self.status)


class Thread(models.Model):
    """A conversation between an agency and a customer, about one thing (kind + key) or nothing."""

    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="threads"
    )
    agency = models.ForeignKey("catalogue.Agency", on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(_("subject"), max_length=200)
    # What the thread is about, as the owning app names it (e.g. "submission", "<id>").
    about_kind = models.CharField(max_length=20, blank=True)
    about_key = models.CharField(max_length=64, blank=True)
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message thread")
        verbose_name_plural = _("message threads")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["about_kind", "about_key"], name="thread_about")]

    def __str__(self) -> str:
        return self.subject


def message_document_path(message: "Message", filename: str) -> str:
    # A random name: the file's address says nothing of whose it is.
    return f"folder/documents/{uuid.uuid4().hex}.pdf"


class Message(models.Model):
    """A message in a thread. From the agency it may be a decision: a PDF and a date of service."""

    class Sender(models.TextChoices):
        AGENCY = "agency", _("agency")
        CUSTOMER = "customer", _("customer")

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=10, choices=Sender.choices)
    # Staff member for the agency, or the acting person for the customer; kept when they leave.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    is_decision = models.BooleanField(default=False)
    document = models.FileField(
        storage=attachment_storage, upload_to=message_document_path, blank=True
    )
    document_name = models.CharField(max_length=200, blank=True)
    served_on = models.DateField(_("date of service"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.sender} message {self.pk}"

    @property
    def unread(self) -> bool:
        return self.sender == self.Sender.AGENCY and self.read_at is None


class NotificationPreference(models.Model):
    """How and in which language a customer is told that something new is in the folder."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("By e-mail")
        SMS = "sms", _("By text message")
        BOTH = "both", _("By e-mail and text message")

    customer = models.OneToOneField(
        "customers.Customer", on_delete=models.CASCADE, related_name="notification_preference"
    )
    channel = models.CharField(_("notify me"), max_length=10, choices=Channel.choices)
    language = models.CharField(_("language of notifications"), max_length=5)
    # Who set it: for an organisation, one of the people acting for it.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.channel} in {self.language}"


def export_path(export: "DataExport", filename: str) -> str:
    return f"folder/exports/{uuid.uuid4().hex}{filename[filename.rfind('.') :]}"


class DataExport(models.Model):
    """A "download my data" file set, built in the background."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    customer = models.ForeignKey(
        "customers.Customer", on_delete=models.CASCADE, related_name="data_exports"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    language = models.CharField(max_length=5, default="fi")  # of the readable copy
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    json_file = models.FileField(storage=attachment_storage, upload_to=export_path, blank=True)
    html_file = models.FileField(storage=attachment_storage, upload_to=export_path, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"data export {self.pk}"
