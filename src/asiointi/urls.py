from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from asiointi import views
from asiointi.eforms.urls import urlpatterns as eform_urlpatterns
from asiointi.operations import health, metrics
from asiointi.submissions.start_views import form_start_urlpatterns

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("brand.css", views.brand_css, name="brand_css"),
    path("identity/", include("asiointi.identity.protocol_urls")),
    path("organisations/", include("asiointi.organisations.protocol_urls")),
    # Answers 404 unless GDPR_API_ISSUER is set.
    path("gdpr-api/", include("asiointi.customers.gdpr.urls")),
    path("staff/", include("asiointi.backoffice.protocol_urls")),
    *([path("devidp/", include("asiointi.devidp.urls"))] if settings.DEVIDP_ENABLED else []),
    *i18n_patterns(
        path("admin/", admin.site.urls),
        path("", include("asiointi.catalogue.urls")),
        path("", include("asiointi.notify.urls")),  # dev outbox, embedded profile only
        path("", include("asiointi.identity.urls")),
        path("", include("asiointi.registration.urls")),
        path(_("folder/"), include("asiointi.folder.urls")),
        path(_("organisations/"), include("asiointi.organisations.urls")),
        path(_("forms/"), include((form_start_urlpatterns + eform_urlpatterns, "eforms"))),
        path(_("submissions/"), include("asiointi.submissions.urls")),
        path(_("attachments/"), include("asiointi.attachments.urls")),
        path(_("courses/"), include("asiointi.courses.urls")),
        path(_("staff/forms/"), include("asiointi.formeditor.urls")),
        path(_("staff/"), include("asiointi.backoffice.urls")),
        path(_("feedback/"), include("asiointi.feedback.urls")),
    ),
]

handler400 = "asiointi.views.bad_request"
handler403 = "asiointi.views.permission_denied"
handler404 = "asiointi.views.page_not_found"
handler500 = "asiointi.views.server_error"
