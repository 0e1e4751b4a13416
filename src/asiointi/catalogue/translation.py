from modeltranslation.translator import TranslationOptions, register

from asiointi.catalogue.models import Agency, Category, Service


@register(Agency)
class AgencyTranslation(TranslationOptions):
    fields = ("name", "description", "contact_instructions")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = (
        "name",
        "summary",
        "description",
        "keywords",
        "prior_contact_instructions",
        "contact_hours",
    )
