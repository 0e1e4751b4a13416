from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from asiointi.courses.models import Course
from asiointi.courses.selectors import CourseFilters
from asiointi.courses.services import (
    Participant,
    participant_dependant,
    participant_group,
    participant_self,
)
from asiointi.plain_text import PlainTextField

WEEKDAYS = [
    ("", _("Any day")),
    ("1", _("Monday")),
    ("2", _("Tuesday")),
    ("3", _("Wednesday")),
    ("4", _("Thursday")),
    ("5", _("Friday")),
    ("6", _("Saturday")),
    ("7", _("Sunday")),
]
TIMES = [
    ("", _("Any time")),
    ("morning", _("Morning (before 12)")),
    ("afternoon", _("Afternoon (12–17)")),
    ("evening", _("Evening (from 17)")),
]


class CourseFilterForm(forms.Form):
    place = forms.ChoiceField(label=_("Place"), required=False)
    weekday = forms.ChoiceField(label=_("Weekday"), choices=WEEKDAYS, required=False)
    time = forms.ChoiceField(label=_("Time of day"), choices=TIMES, required=False)
    free = forms.BooleanField(label=_("Only courses with free places"), required=False)
    service = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, places: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", _("Any place")), *((p, p) for p in places)]  # type: ignore[attr-defined]

    def filters(self) -> CourseFilters:
        if not self.is_valid():
            return CourseFilters()
        data = self.cleaned_data
        return CourseFilters(
            service=data["service"] or "",
            place=data["place"],
            weekday=int(data["weekday"]) if data["weekday"] else None,
            time_of_day=data["time"],
            free_places=data["free"],
        )


def question_text(question: dict[str, Any]) -> str:
    texts = question.get("text", {})
    return str(texts.get(get_language() or "fi") or texts.get("fi") or question.get("key", ""))


class EnrollForm(forms.Form):
    """Who takes the place and the course's own questions. An organisation names its group."""

    participant = forms.ChoiceField(
        label=_("Who is enrolling?"),
        choices=[("self", _("Myself")), ("dependant", _("Someone else, such as my child"))],
        initial="self",
        widget=forms.RadioSelect,
    )
    dependant_name = PlainTextField(
        label=_("Participant's name"),
        help_text=_("Needed if you enroll someone else."),
        max_length=200,
        required=False,
    )
    dependant_birth_date = forms.DateField(
        label=_("Participant's date of birth"),
        help_text=_("Needed if you enroll someone else. For example 24.5.2018"),
        required=False,
        input_formats=["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"],
    )
    group_name = PlainTextField(label=_("Name of the group"), max_length=200, required=False)
    group_size = forms.IntegerField(label=_("Number of participants"), min_value=1, required=False)

    def __init__(self, *args: Any, course: Course, organisation: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.course = course
        self.organisation = organisation
        if organisation:
            del self.fields["participant"], self.fields["dependant_name"]
            del self.fields["dependant_birth_date"]
            self.fields["group_name"].required = True
            self.fields["group_size"].required = True
            self.fields["group_size"].validators.append(MaxValueValidator(course.max_group_size))
            self.fields["group_size"].help_text = _("At most %(size)s.") % {
                "size": course.max_group_size
            }
        else:
            del self.fields["group_name"], self.fields["group_size"]
            # Required when someone else takes the place (clean() says so): not "(optional)".
            for name in ("dependant_name", "dependant_birth_date"):
                self.fields[name].conditional = True  # type: ignore[attr-defined]
        for question in course.questions:
            self.fields[f"q_{question['key']}"] = PlainTextField(
                label=question_text(question),
                required=bool(question.get("required")),
                max_length=1000,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.organisation and data.get("participant") == "dependant":
            if not data.get("dependant_name"):
                self.add_error("dependant_name", _("Enter the participant's name."))
            born = data.get("dependant_birth_date")
            if not born and "dependant_birth_date" not in self.errors:
                self.add_error("dependant_birth_date", _("Enter the participant's date of birth."))
            elif born and born > timezone.localdate():
                self.add_error(
                    "dependant_birth_date", _("The date of birth cannot be in the future.")
                )
        return data

    def review_rows(self) -> list[tuple[str, str]]:
        """The typed answers as the review page lists them: label and value."""
        data = self.cleaned_data
        rows: list[tuple[str, str]] = []
        if self.organisation:
            rows.append((str(_("Name of the group")), data["group_name"]))
            rows.append((str(_("Number of participants")), str(data["group_size"])))
        elif data["participant"] == "dependant":
            rows.append((str(_("Participant's name")), data["dependant_name"]))
            born = data["dependant_birth_date"]
            rows.append((str(_("Participant's date of birth")), date_format(born)))
        else:
            rows.append((str(_("Who is enrolling?")), str(_("Myself"))))
        for field in self.question_fields():
            rows.append((str(field.label), data[field.name] or "–"))
        return rows

    def question_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("q_")]

    def participant_value(self) -> Participant:
        data = self.cleaned_data
        if self.organisation:
            return participant_group(name=data["group_name"], size=data["group_size"])
        if data["participant"] == "dependant":
            return participant_dependant(
                name=data["dependant_name"], birth_date=data["dependant_birth_date"]
            )
        return participant_self()

    def answers(self) -> dict[str, str]:
        return {name[2:]: self.cleaned_data[name] for name in self.fields if name.startswith("q_")}
