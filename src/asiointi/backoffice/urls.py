from typing import cast

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from asiointi.backoffice.views import (
    audit,
    auth,
    cases,
    content,
    course_editing,
    decision_templates,
    grants,
    invitation,
    rosters,
    staff,
)

app_name = "backoffice"


def _route(*parts: object) -> str:
    """A route with translated parts, put together in the language of the address."""
    return cast(str, format_lazy("{}" * len(parts), *parts))


INBOX = _route("<slug:agency>/", _("cases/"))
CASE = _route(INBOX, "<str:reference>/")
AUDIT_LOG = _route(_("audit-log/"))
GRANTS = _route("<slug:agency>/", _("access/"))
COURSES = _route("<slug:agency>/", _("courses/"))
ROSTER = _route(COURSES, "<slug:code>/")
TEMPLATES = _route("<slug:agency>/", _("decision-templates/"))
TEMPLATE = _route(TEMPLATES, "<int:pk>/")
STAFF = _route("<slug:agency>/", pgettext_lazy("address of an agency's staff", "staff/"))
MEMBER = _route(STAFF, "<int:pk>/")
SERVICES = _route("<slug:agency>/", _("services/"))

urlpatterns = [
    path("", auth.home, name="home"),
    path(_("login/"), auth.login_view, name="login"),
    path(_("logout/"), auth.logout_view, name="logout"),
    path(AUDIT_LOG, audit.audit_log, name="audit_log"),
    path(_route(AUDIT_LOG, _("person/")), audit.audit_person, name="audit_person"),
    path(_route(_("login/"), "oidc/"), auth.oidc_start, name="oidc_start"),
    path(INBOX, cases.inbox, name="inbox"),
    path(_route(INBOX, "export.csv"), cases.export_csv, name="export"),
    path(CASE, cases.case, name="case"),
    path(_route(CASE, "status/"), cases.case_status, name="case_status"),
    path(_route(CASE, "assign/"), cases.case_assign, name="case_assign"),
    path(_route(CASE, "note/"), cases.case_note, name="case_note"),
    path(_route(CASE, "message/"), cases.case_message, name="case_message"),
    path(_route(CASE, "reveal/"), cases.case_reveal, name="case_reveal"),
    path(_route(CASE, "retry/"), cases.case_retry, name="case_retry"),
    path(_route(CASE, "files/<uuid:pk>/"), cases.case_attachment, name="case_attachment"),
    path(_route(CASE, "decisions/<int:pk>/"), cases.case_document, name="case_document"),
    path(
        _route(CASE, _("decision-preview/")),
        decision_templates.case_decision_preview,
        name="case_decision_preview",
    ),
    path(TEMPLATES, decision_templates.template_list, name="decision_templates"),
    path(
        _route(TEMPLATES, _("new/")), decision_templates.template_add, name="decision_template_add"
    ),
    path(
        _route(TEMPLATES, _("preview/")),
        decision_templates.template_preview,
        name="decision_template_preview",
    ),
    path(TEMPLATE, decision_templates.template_edit, name="decision_template_edit"),
    path(
        _route(TEMPLATE, _("in-use/")),
        decision_templates.template_active,
        name="decision_template_active",
    ),
    path(GRANTS, grants.grant_list, name="grants"),
    path(_route(GRANTS, _("find/")), grants.grant_find, name="grant_find"),
    path(_route(GRANTS, _("grant/")), grants.grant_add, name="grant_add"),
    path(_route(GRANTS, "<int:pk>/", _("revoke/")), grants.grant_revoke, name="grant_revoke"),
    path(COURSES, rosters.course_list, name="courses"),
    path(ROSTER, rosters.roster, name="roster"),
    path(_route(ROSTER, "roster.csv"), rosters.roster_csv, name="roster_csv"),
    path(_route(ROSTER, _("attendance/")), rosters.roster_attendance, name="roster_attendance"),
    path(_route(ROSTER, _("capacity/")), rosters.roster_capacity, name="roster_capacity"),
    path(_route(ROSTER, _("message/")), rosters.roster_message, name="roster_message"),
    path(_route(ROSTER, "<int:pk>/", _("cancel/")), rosters.roster_cancel, name="roster_cancel"),
    path(STAFF, staff.staff_list, name="staff"),
    path(_route(STAFF, _("add/")), staff.staff_add, name="staff_add"),
    path(_route(MEMBER, _("role/")), staff.staff_role, name="staff_role"),
    path(_route(MEMBER, _("remove/")), staff.staff_remove, name="staff_remove"),
    path(_route(MEMBER, _("second-factor/")), staff.staff_reset, name="staff_reset"),
    path(
        _route(_("invitation/"), "<str:token>/"),
        invitation.staff_invitation,
        name="staff_invitation",
    ),
    path(_route(ROSTER, _("edit/")), course_editing.course_edit, name="course_edit"),
    path(_route("<slug:agency>/", _("new-course/")), course_editing.course_new, name="course_new"),
    path(SERVICES, content.service_list, name="services"),
    path(_route(SERVICES, "<slug:slug>/"), content.service_edit, name="service_edit"),
]
