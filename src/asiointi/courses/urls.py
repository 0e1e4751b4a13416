from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.courses import views

app_name = "courses"

# Under /fi/kurssit/, /sv/kurser/, /en/courses/ (asiointi/urls.py).
urlpatterns = [
    path("", views.course_list, name="course_list"),
    path(_("service/<slug:slug>/"), views.service_start, name="service_start"),
    path(_("enrollments/<int:pk>/"), views.enrollment_detail, name="enrollment_detail"),
    path(_("enrollments/<int:pk>/cancel/"), views.enrollment_cancel, name="enrollment_cancel"),
    path("<slug:code>/", views.course_detail, name="course_detail"),
    path(_("<slug:code>/review/"), views.course_review, name="course_review"),
    path(_("<slug:code>/enroll/"), views.course_enroll, name="course_enroll"),
]
