from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.forms import AttachmentsField
from asiointi.attachments.limits import AttachmentLimits
from asiointi.folder.kinds import item_kinds
from asiointi.folder.models import NotificationPreference
from asiointi.folder.selectors import FolderFilter
from asiointi.plain_text import PlainTextField

MAX_REPLY_LENGTH = 5000
REPLY_LIMITS = AttachmentLimits(max_count=5)


class FolderFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search by reference number or service name"), required=False, max_length=100
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    # Any text: statuses are the owning apps' own, and one nothing has simply lists nothing.
    status = forms.CharField(label=_("Status"), required=False, max_length=40)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds = [("", _("All kinds")), *item_kinds()]
        self.fields["kind"].choices = kinds  # type: ignore[attr-defined]
        self.status_choices: list[tuple[str, str]] = []

    def statuses_set(self, statuses: list[tuple[str, str]]) -> None:
        """The statuses the folder holds, offered in the status filter."""
        self.status_choices = [("", str(_("All statuses"))), *statuses]

    def filters(self) -> FolderFilter:
        # An unknown kind or status (an edited address) lists everything rather than failing.
        if not self.is_valid():
            return FolderFilter(query=(self.data.get("q") or "").strip()[:100])
        data = self.cleaned_data
        return FolderFilter(kind=data["kind"], status=data["status"], query=data["q"].strip())


class ReplyForm(forms.Form):
    body = PlainTextField(
        multiline=True,
        label=_("Your reply"),
        max_length=MAX_REPLY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your reply."),
            "max_length": _("Your reply can be at most %(limit_value)d characters long."),
        },
    )
    # The same checks and virus scan as the attachments of forms.
    attachments = AttachmentsField(label=_("Attachments"), limits=REPLY_LIMITS, required=False)


class PreferencesForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("How do you want to be told about new messages and decisions?"),
        choices=NotificationPreference.Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you want to be told.")},
    )
    language = forms.ChoiceField(
        label=_("Language of notifications"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language of notifications.")},
    )

    def __init__(self, *args: Any, email: str, mobile: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email, self.mobile = email, mobile

    def clean_channel(self) -> str:
        channel: str = self.cleaned_data["channel"]
        if channel in ("email", "both") and not self.email:
            raise forms.ValidationError(
                _("There is no confirmed e-mail address. Add one in the contact details first.")
            )
        if channel in ("sms", "both") and not self.mobile:
            raise forms.ValidationError(
                _("There is no confirmed mobile number. Add one in the contact details first.")
            )
        return channel
