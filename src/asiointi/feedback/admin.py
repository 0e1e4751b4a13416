from django.contrib import admin

from asiointi.feedback.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("reference", "agency", "service", "kind", "status", "answer_due", "created_at")
    list_filter = ("status", "kind", "agency")
    search_fields = ("reference",)
    readonly_fields = ("form_key", "customer", "person", "answered_by")
