from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.identity import views

app_name = "identity"

# Pages people see, under the language prefix.
urlpatterns = [
    path(_("login/"), views.login_page, name="login"),
    path(_("login/start/"), views.login_start, name="login_start"),
    path(_("login/succeeded/"), views.login_succeeded, name="login_succeeded"),
    path(_("login/failed/"), views.login_failed, name="login_failed"),
    path(_("logout/"), views.logout_view, name="logout"),
    path(_("logged-out/"), views.logged_out, name="logged_out"),
    path(_("session/continue/"), views.keepalive, name="keepalive"),
]
