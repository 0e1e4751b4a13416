"""A form field for several files, each accepted (sniffed, scanned, stored) as the form is checked.

Files already accepted are listed with a remove button and carried in hidden inputs, so when
another field of the form has an error, nothing the person attached is lost.

Use:
    class ReplyForm(forms.Form):
        body = forms.CharField(widget=forms.Textarea)
        files = AttachmentsField(limits=AttachmentLimits(max_count=3), required=False)

    form = ReplyForm(request.POST or None, request.FILES or None)
    attachments_bind(form, acting=request.acting)   # whose files these are
    if attachments_removal_requested(form):         # a remove button: show the form again
        form.is_valid(); render without acting on the form
    elif form.is_valid(): form.cleaned_data["files"] is a list of Attachment;
        hold them with attachments.services.attachments_hold(holder=..., attachments=...)

The form needs enctype="multipart/form-data". `attachments/_attachments_field.html` renders the
label, hint, errors and the widget in the portal's style. A remove button is a submit button, and
Enter in a text input presses a form's first submit button: start the form with a hidden copy of
its own (`<button type="submit" name="..." hidden tabindex="-1" aria-hidden="true"></button>`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.limits import AttachmentLimits
from asiointi.attachments.models import Attachment
from asiointi.attachments.refusals import AttachmentRefused
from asiointi.attachments.selectors import attachments_of, attachments_of_session
from asiointi.attachments.services import (
    anonymous_upload_remember,
    attachment_accept,
    attachment_delete,
)
from asiointi.customers.acting import Acting


@dataclass
class AttachmentsInput:
    """What the browser sent for the field: files kept from before, files to remove, new files."""

    keep: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    uploads: list[UploadedFile] = field(default_factory=list)


class AttachmentsWidget(forms.FileInput):
    template_name = "attachments/widgets/attachments.html"
    allow_multiple_selected = True

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.attachments: list[Attachment] = []
        self.has_hint = True
        self.invalid = False

    def value_from_datadict(self, data: Any, files: Any, name: str) -> AttachmentsInput:
        remove = data.getlist(f"{name}-remove") if hasattr(data, "getlist") else []
        keep = data.getlist(f"{name}-keep") if hasattr(data, "getlist") else []
        uploads = files.getlist(name) if hasattr(files, "getlist") else []
        return AttachmentsInput(
            keep=[pk for pk in keep if pk not in remove],
            remove=list(remove),
            uploads=[upload for upload in uploads if upload],
        )

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        element_id = attrs.get("id") or self.attrs.get("id")
        if element_id:
            described = [f"{element_id}-hint"] if self.has_hint else []
            described += [f"{element_id}-error"] if self.invalid else []
            attrs.pop("aria-describedby", None)
            if described:
                attrs["aria-describedby"] = " ".join(described)
            if self.invalid:
                attrs["aria-invalid"] = "true"
        context = super().get_context(name, None, attrs)
        context["widget"]["attachments"] = value if isinstance(value, list) else []
        return context


class AttachmentsField(forms.Field):
    widget = AttachmentsWidget
    default_error_messages = {"required": _("Attach at least one file.")}

    def __init__(self, *, limits: AttachmentLimits | None = None, **kwargs: Any) -> None:
        self.limits = limits or AttachmentLimits()
        kwargs.setdefault("help_text", lazy(self.limits.hint, str)())
        super().__init__(**kwargs)
        self.acting: Acting | None = None
        # An anonymous sender's browser session, when the form takes files from anyone.
        self.session: Any = None
        # The files the field holds after checking, shown again whatever else failed.
        self.current: list[Attachment] | None = None
        # Not bool(help_text): that would translate a lazy hint while the module is imported.
        no_hint = isinstance(self.help_text, str) and self.help_text == ""
        self.widget.has_hint = not no_hint  # type: ignore[attr-defined]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {**super().widget_attrs(widget), "accept": self.limits.accept()}

    def _owned(self, pks: Iterable[Any]) -> list[Attachment]:
        """The files among `pks` that the bound customer, or anonymous session, may keep."""
        if self.acting is not None:
            return attachments_of(acting=self.acting, pks=pks)
        if self.session is not None:
            return attachments_of_session(session=self.session, pks=pks)
        return []

    def _accept(self, upload: UploadedFile, already: int) -> Attachment:
        acting = self.acting
        attachment = attachment_accept(
            upload=upload,
            limits=self.limits,
            customer=acting.customer if acting else None,
            person=acting.person if acting else None,
            already=already,
        )
        if acting is None:
            anonymous_upload_remember(session=self.session, attachment=attachment)
        return attachment

    def _resolve(self, value: Any) -> list[Attachment]:
        if isinstance(value, AttachmentsInput):
            value = value.keep
        if not value:
            return []
        pks = [item.pk if isinstance(item, Attachment) else item for item in value]
        found = {str(a.pk): a for a in self._owned(pks)}
        return [found[str(pk)] for pk in pks if str(pk) in found]

    def clean(self, value: Any) -> list[Attachment]:
        if self.acting is None and self.session is None:
            raise ImproperlyConfigured("Call attachments_bind(form, acting=...) before checking.")
        if not isinstance(value, AttachmentsInput):
            value = AttachmentsInput(keep=[str(getattr(v, "pk", v)) for v in value or []])
        for removed in self._owned(value.remove):
            if not removed.holder:
                attachment_delete(attachment=removed)
        current = self._resolve(value)
        errors = []
        for upload in value.uploads:
            try:
                current.append(self._accept(upload, already=len(current)))
            except AttachmentRefused as refused:
                errors.append(ValidationError(refused.message, code=refused.code))
        self.current = current
        self.widget.invalid = bool(errors)  # type: ignore[attr-defined]
        if errors:
            raise ValidationError(errors)
        if self.required and not current:
            self.widget.invalid = True  # type: ignore[attr-defined]
            raise ValidationError(self.error_messages["required"], code="required")
        return current

    def bound_data(self, data: Any, initial: Any) -> Any:
        return self.current if self.current is not None else data

    def prepare_value(self, value: Any) -> list[Attachment]:
        if isinstance(value, list) and all(isinstance(item, Attachment) for item in value):
            return value
        return self._resolve(value)

    def has_changed(self, initial: Any, data: Any) -> bool:
        if isinstance(data, AttachmentsInput):
            if data.uploads or data.remove:
                return True
            data = data.keep
        return {str(getattr(v, "pk", v)) for v in initial or []} != {
            str(getattr(v, "pk", v)) for v in data or []
        }


def _fields(form: forms.BaseForm) -> Iterable[tuple[str, AttachmentsField]]:
    for name, form_field in form.fields.items():
        if isinstance(form_field, AttachmentsField):
            yield name, form_field


def attachments_bind(form: forms.BaseForm, *, acting: Acting) -> None:
    """Say whose files the form's attachment fields accept and may show."""
    for _name, form_field in _fields(form):
        form_field.acting = acting


def attachments_bind_anonymous(form: forms.BaseForm, *, session: Any) -> None:
    """The form takes files from someone not logged in: the files belong to no customer and
    only this browser session may keep or remove them until the form is sent."""
    for _name, form_field in _fields(form):
        form_field.session = session


def attachments_removal_requested(form: forms.BaseForm) -> bool:
    """True when the person pressed a remove button rather than the form's own submit button."""
    if not form.is_bound:
        return False
    return any(form.add_prefix(name) + "-remove" in form.data for name, _f in _fields(form))
