from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from asiointi.courses.models import Course, CourseSession, Enrollment
from asiointi.courses.services import EnrollmentRefused, course_capacity_set
from asiointi.privacy.masking import masked_field


class CourseSessionInline(admin.TabularInline):
    model = CourseSession
    extra = 1


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = (
        "name",
        "code",
        "agency",
        "opens_at",
        "capacity",
        "enrolled_seats",
        "waiting_seats",
    )
    list_filter = ("agency", "term", "published")
    search_fields = ("name", "code")
    readonly_fields = ("enrolled_seats", "waiting_seats", "drawn_at")
    inlines = [CourseSessionInline]

    def save_model(self, request: HttpRequest, obj: Course, form: Any, change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
            return
        capacity, waiting = obj.capacity, obj.waiting_capacity
        # Everything but the places is saved as edited, without touching the counters; the places
        # go through the service, which locks the course and gives new places to the waiting list.
        fields = [
            name for name in form.changed_data if name not in ("capacity", "waiting_capacity")
        ]
        if fields:
            obj.save(update_fields=[f for f in fields if hasattr(obj, f)])
        try:
            course_capacity_set(course=obj, capacity=capacity, waiting_capacity=waiting)
        except EnrollmentRefused as refusal:
            messages.error(request, str(refusal.message))


# Free text and answers may hold an identity code (a child's, say): shown masked.
MASKED_FIELDS = ("participant_key", "participant_name", "answers")


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = (
        "course",
        "customer",
        "participant_name_masked",
        "status",
        "waiting_number",
        "created_at",
    )
    list_filter = ("status", "course__agency")
    search_fields = ("course__name", "course__code", "participant_name")
    fields = readonly_fields = tuple(
        f"{field.name}_masked" if field.name in MASKED_FIELDS else field.name
        for field in Enrollment._meta.fields
    )
    participant_key_masked = masked_field(Enrollment, "participant_key")
    participant_name_masked = masked_field(Enrollment, "participant_name")
    answers_masked = masked_field(Enrollment, "answers")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
