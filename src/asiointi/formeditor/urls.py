from typing import cast

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from asiointi.formeditor.views import drafts, pages, preview, publish, questions

app_name = "formeditor"


def _route(*parts: object) -> str:
    """A route with translated parts, put together in the language of the address."""
    return cast(str, format_lazy("{}" * len(parts), *parts))


FORM = "<slug:service>/"
PAGE = _route(FORM, _("pages/"), "<slug:page_key>/")
QUESTION = _route(PAGE, _("questions/"), "<slug:key>/")
EXIT = _route(FORM, _("exits/"), "<slug:exit_key>/")
PREVIEW = _route(FORM, _("preview/"))
VERSIONS = _route(FORM, _("versions/"))

urlpatterns = [
    path("", drafts.index, name="index"),
    path(FORM, drafts.overview, name="overview"),
    path(_route(FORM, _("open/")), drafts.draft_open, name="open"),
    path(_route(FORM, _("texts/")), drafts.texts, name="texts"),
    path(_route(FORM, _("export/")), drafts.export, name="export"),
    path(_route(FORM, _("import/")), drafts.document_import, name="import"),
    path(_route(FORM, _("new-page/")), pages.page_add, name="page_add"),
    path(PAGE, pages.page, name="page"),
    path(_route(PAGE, _("move/")), pages.page_move, name="page_move"),
    path(_route(PAGE, _("delete/")), pages.page_delete, name="page_delete"),
    path(_route(PAGE, _("routes/")), pages.route_add, name="route_add"),
    path(
        _route(PAGE, _("routes/"), "<int:index>/", _("delete/")),
        pages.route_delete,
        name="route_delete",
    ),
    path(_route(PAGE, _("new-question/")), questions.question_add, name="question_add"),
    path(QUESTION, questions.question, name="question"),
    path(_route(QUESTION, _("move/")), questions.question_move, name="question_move"),
    path(_route(QUESTION, _("delete/")), questions.question_delete, name="question_delete"),
    path(_route(FORM, _("new-exit/")), pages.exit_add, name="exit_add"),
    path(EXIT, pages.exit_page, name="exit"),
    path(_route(EXIT, _("delete/")), pages.exit_delete, name="exit_delete"),
    path(_route(PREVIEW, _("again/")), preview.preview_restart, name="preview_restart"),
    path(_route(PREVIEW, _("end/")), preview.preview_end, name="preview_end"),
    path(_route(PREVIEW, "<slug:page_key>/"), preview.preview, name="preview"),
    path(_route(FORM, _("publish/")), publish.publish, name="publish"),
    path(VERSIONS, publish.versions, name="versions"),
    path(_route(VERSIONS, _("differences/")), publish.version_diff, name="version_diff"),
]
