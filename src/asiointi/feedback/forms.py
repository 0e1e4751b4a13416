from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from asiointi.attachments.forms import AttachmentsField
from asiointi.attachments.limits import AttachmentLimits
from asiointi.feedback.models import Feedback
from asiointi.plain_text import PlainTextField

MAX_MESSAGE_LENGTH = 5000
FEEDBACK_LIMITS = AttachmentLimits(max_count=3)
# The honeypot: hidden from people (and from screen readers), filled in by form-filling robots.
HONEYPOT = "homepage"


class FeedbackForm(forms.Form):
    """Feedback on a service. Anyone may attach a file (scanned and checked like every file; an
    anonymous sender's belongs to no customer). "Answer to my folder" is for logged-in senders,
    as an anonymous sender has no folder."""

    form_key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)
    kind = forms.ChoiceField(
        label=_("What kind of feedback is it?"),
        choices=Feedback.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of feedback it is.")},
    )
    message = PlainTextField(
        multiline=True,
        label=_("Your feedback"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your feedback."),
            "max_length": _("Your feedback can be at most %(limit_value)d characters long."),
        },
    )
    attachments = AttachmentsField(label=_("Attachment"), limits=FEEDBACK_LIMITS, required=False)
    contact_name = PlainTextField(label=_("Name"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("If you want an answer by e-mail. You also get the reference by e-mail."),
        error_messages={"invalid": _("Give an e-mail address such as name@example.fi.")},
    )
    contact_phone = PlainTextField(label=_("Phone number"), max_length=40, required=False)
    answer_to_folder = forms.BooleanField(
        label=_("I want the answer in my e-services folder too"), required=False
    )
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args: Any, logged_in: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_email"].widget.attrs.update({"type": "email", "autocomplete": "email"})
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["contact_phone"].widget.attrs.update({"type": "tel", "autocomplete": "tel"})
        if not logged_in:
            del self.fields["answer_to_folder"]

    def clean_homepage(self) -> str:
        if self.cleaned_data.get(HONEYPOT):
            # A person whose browser filled the hidden field can send again: it comes back empty.
            raise forms.ValidationError(
                _("The feedback could not be sent. Check it and send it again."), code="trap"
            )
        return ""


class AnswerForm(forms.Form):
    answer = PlainTextField(
        multiline=True,
        label=_("Answer"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write an answer.")},
    )
