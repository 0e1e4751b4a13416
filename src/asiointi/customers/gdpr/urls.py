from django.urls import path

from asiointi.customers.gdpr import views

app_name = "gdpr_api"
urlpatterns = [path("v1/profiles/<str:subject>", views.profile, name="profile")]
