"""What makes a definition unpublishable, each problem named so the author can fix it."""

import re

from django.utils.translation import gettext_lazy as _

from asiointi.eforms.definition import (
    END,
    EXIT_PREFIX,
    Condition,
    Definition,
    Page,
    Question,
    Text,
)

PREFILL_SOURCES = {
    "name": {"name"},
    "identity_code": {"identity_code"},
    "municipality": {"text"},
    "address": {"address"},
    "email": {"email"},
    "phone": {"phone"},
    "organisation_name": {"text"},
    "business_id": {"business_id"},
}
KEY_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"


def definition_problems(definition: Definition) -> list[str]:
    problems: list[str] = []
    _texts(problems, _("The form's title"), definition.title)
    if not definition.pages:
        problems.append(str(_("The form has no pages.")))
    seen: dict[str, str] = {}  # question key -> type, in page order
    page_keys = [page.key for page in definition.pages]
    if len(set(page_keys)) != len(page_keys):
        problems.append(str(_("Two pages have the same key.")))
    for index, page in enumerate(definition.pages):
        where = _("Page %(key)s") % {"key": page.key}
        _page_problems(problems, where, page, seen)
        page_seen: dict[str, str] = {}
        for question in page.questions:
            _question_problems(problems, question, seen, page_seen, page_keys)
        if page.repeat is None:
            seen.update(page_seen)
        later = page_keys[index + 1 :]
        _route_problems(problems, where, page, seen, later, definition)
    for exit_page in definition.exits.values():
        where = _("Exit page %(key)s") % {"key": exit_page.key}
        _texts(problems, where, exit_page.title)
        _texts(problems, where, exit_page.body)
    return problems


def _key_problem(where: object, key: str) -> list[str]:
    if re.match(KEY_PATTERN, key):
        return []
    return [str(_("%(where)s: a key is lower-case letters, digits and _.") % {"where": where})]


def _page_problems(problems: list[str], where: object, page: Page, seen: dict[str, str]) -> None:
    problems += _key_problem(where, page.key)
    _texts(problems, where, page.title)
    if not page.questions:
        problems.append(str(_("%(where)s has no questions.") % {"where": where}))
    _condition(problems, where, page.show_if, seen)
    if page.repeat is not None:
        if not 1 <= page.repeat.min_items <= page.repeat.max_items <= 50:
            problems.append(
                str(_("%(where)s: repeat needs 1 ≤ min ≤ max ≤ 50.") % {"where": where})
            )
        _texts(problems, where, page.repeat.item_label)
        _texts(problems, where, page.repeat.add_label)


def _question_problems(
    problems: list[str],
    question: Question,
    seen: dict[str, str],
    page_seen: dict[str, str],
    page_keys: list[str],
) -> None:
    from asiointi.eforms.question_types import TYPES

    qwhere = _("Question %(key)s") % {"key": question.key}
    problems += _key_problem(qwhere, question.key)
    if question.key in seen or question.key in page_seen or question.key in page_keys:
        problems.append(str(_("%(where)s: the key is used twice.") % {"where": qwhere}))
    kind = TYPES.get(question.type)
    if kind is None:
        problems.append(
            str(
                _("%(where)s: there is no question type “%(type)s”.")
                % {"where": qwhere, "type": question.type}
            )
        )
        return
    _texts(problems, qwhere, question.label)
    problems += kind.settings_problems(question)
    if question.prefill and question.type not in PREFILL_SOURCES.get(question.prefill, ()):
        problems.append(
            str(
                _("%(where)s: “%(source)s” cannot fill in this type of question.")
                % {"where": qwhere, "source": question.prefill}
            )
        )
    # Earlier pages only: without JavaScript a page cannot show a question as another on the
    # same page is answered.
    _condition(problems, qwhere, question.show_if, seen)
    page_seen[question.key] = question.type


def _route_problems(
    problems: list[str],
    where: object,
    page: Page,
    seen: dict[str, str],
    later: list[str],
    definition: Definition,
) -> None:
    for route in page.routes:
        _condition(problems, where, route.when, seen)
        target = route.goto
        if target == END:
            continue
        if target.startswith(EXIT_PREFIX):
            if target.removeprefix(EXIT_PREFIX) not in definition.exits:
                problems.append(
                    str(
                        _("%(where)s: there is no exit page “%(target)s”.")
                        % {"where": where, "target": target}
                    )
                )
        elif target not in later:
            problems.append(
                str(
                    _("%(where)s: a route goes to “%(target)s”, which is not a later page.")
                    % {"where": where, "target": target}
                )
            )


def publishing_problems(definition: Definition) -> list[str]:
    """What a new version may no longer have, though versions published before keep loading.

    A file question on a repeating page: its uploads could not be told apart per item, kept
    through "Add another" and "Remove", nor held for the draft, so it is refused rather than
    half working. A form asks for one file question per thing instead, or a file question on a
    page of its own after the repeating page."""
    return [
        str(
            _("Question %(key)s: a file question cannot be on a repeating page.")
            % {"key": question.key}
        )
        for page, question in definition.questions()
        if page.repeat is not None and question.type == "file"
    ]


def _texts(problems: list[str], where: object, text: Text) -> None:
    if not text.complete():
        problems.append(
            str(
                _("%(where)s: a text is missing in Finnish, Swedish or English.") % {"where": where}
            )
        )


def _condition(
    problems: list[str], where: object, condition: Condition | None, earlier: dict[str, str]
) -> None:
    """Conditions may only look at choices answered before, so a page never depends on itself."""
    if condition is None:
        return
    kind = earlier.get(condition.question)
    if kind is None:
        problems.append(
            str(
                _("%(where)s: the condition looks at “%(key)s”, which is not an earlier question.")
                % {"where": where, "key": condition.question}
            )
        )
    elif kind not in ("choice", "choices", "yesno"):
        problems.append(
            str(
                _("%(where)s: a condition can look only at a choice or yes/no question.")
                % {"where": where}
            )
        )
