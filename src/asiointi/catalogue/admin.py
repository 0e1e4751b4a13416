from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from asiointi.catalogue.models import Agency, Category, Service


@admin.register(Agency)
class AgencyAdmin(TranslationAdmin):
    list_display = ("name", "email", "feedback_email", "phone")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Category)
class CategoryAdmin(TranslationAdmin):
    list_display = ("name", "order")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Service)
class ServiceAdmin(TranslationAdmin):
    list_display = ("name", "agency", "kind", "audience", "published", "start_count")
    list_filter = ("published", "kind", "audience", "requires_prior_contact", "agency")
    search_fields = ("name", "slug", "keywords")
    filter_horizontal = ("categories",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("start_count",)
