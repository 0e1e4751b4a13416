from django.urls import path

from asiointi.devidp.views import authorize, logout, protocol, sessions, valtuudet

app_name = "devidp"

# Mounted at /devidp only when settings.DEVIDP_ENABLED; the issuer is <scheme>://<host>/devidp.
urlpatterns = [
    path("", sessions.overview, name="overview"),
    path(".well-known/openid-configuration", protocol.discovery, name="discovery"),
    path("jwks", protocol.jwks, name="jwks"),
    path("authorize", authorize.authorize, name="authorize"),
    path("authorize/method", authorize.choose_method, name="choose_method"),
    path("authorize/person", authorize.identify, name="identify"),
    path("token", protocol.token, name="token"),
    path("userinfo", protocol.userinfo, name="userinfo"),
    path("end-session", logout.end_session, name="end_session"),
    path("end-session/confirm", logout.end_session_confirm, name="end_session_confirm"),
    path("sessions/end", sessions.end_everywhere, name="end_everywhere"),
    # The test e-Authorizations service, on the paths of Suomi.fi's Web API ("ypa" mode).
    path(
        "valtuudet/service/ypa/user/register/<str:client_id>/<str:identity_code>",
        valtuudet.register,
        name="valtuudet_register",
    ),
    path("valtuudet/oauth/authorize", valtuudet.authorize, name="valtuudet_authorize"),
    path("valtuudet/oauth/authorize/select", valtuudet.select, name="valtuudet_select"),
    path("valtuudet/oauth/token", valtuudet.token, name="valtuudet_token"),
    path(
        "valtuudet/service/ypa/api/organizationRoles/<str:session_id>",
        valtuudet.organization_roles,
        name="valtuudet_roles",
    ),
]
