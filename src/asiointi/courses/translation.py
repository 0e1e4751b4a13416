from modeltranslation.translator import TranslationOptions, register

from asiointi.courses.models import Course


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("name", "description", "place", "audience")
