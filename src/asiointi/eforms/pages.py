"""One page of a form: reading what the person posted, and what the page template shows.

Nothing here writes: `read_page` gives the page's new answers or its errors (with everything the
person typed, to show again); the submissions app saves the answers into the draft.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from asiointi.eforms.definition import Page, Question
from asiointi.eforms.question_types import Invalid, QuestionType, Raw, question_type
from asiointi.eforms.routing import shown

Answers = dict[str, Any]
# On a repeating page: add an item; ask before removing item N ("ask-remove-N"), then remove it
# ("remove-N") or keep it ("keep").
ADD, REMOVE, ASK_REMOVE, KEEP = "add", "remove", "ask-remove", "keep"
# Where a draft keeps what was typed but not yet checked ("Save and continue later" on a page with
# a missing or wrong answer): {page key: {input name: raw}}. Not a question key, so routing,
# validation and sending never see it.
UNCHECKED = "_unchecked"


# Autofill tokens of the person's own details, by sub-field.
OWN_AUTOCOMPLETE = {
    "given": "given-name",
    "family": "family-name",
    "street": "street-address",
    "postal_code": "postal-code",
    "post_office": "address-level2",
}


def first_input_id(kind: QuestionType, name: str) -> str:
    """The id of a question's first input: where error and "Change" links take focus (a
    fieldset cannot take it)."""
    if kind.template in ("radios", "checkboxes", "yesno", "declaration"):
        return f"q-{name}-0"
    if kind.fields != ("value",):
        return f"q-{name}-{kind.fields[0]}"
    return f"q-{name}"


def question_input_id(page: Page, question: Question, item: int | None) -> str:
    return first_input_id(question_type(question), _name(page, question, item))


@dataclass
class Field:
    """A question as its template shows it."""

    question: Question
    kind: QuestionType
    name: str
    raw: Raw
    error: str = ""
    prefilled: bool = False
    locked: bool = False  # prefilled from a register and not editable: shown, not asked
    value: Any = None

    @property
    def id(self) -> str:
        return f"q-{self.name}"

    @property
    def first_input_id(self) -> str:
        return first_input_id(self.kind, self.name)

    @property
    def describedby(self) -> str:
        ids = []
        if self.question.hint or self.prefilled or self.unit or self.hint_extra:
            ids.append(f"{self.id}-hint")
        if self.error:
            ids.append(f"{self.id}-error")
        return " ".join(ids)

    @property
    def unit(self) -> str:
        from asiointi.eforms.definition import Text

        unit = self.question.settings.get("unit")
        return str(Text(unit)) if isinstance(unit, dict) else ""

    @property
    def hint_extra(self) -> str:
        return self.kind.hint_extra(self.question)

    @property
    def display(self) -> str:
        return self.kind.display(self.question, self.value) if self.value is not None else ""

    def options(self) -> list[dict[str, Any]]:
        chosen = self.raw.get("value", "")
        chosen_list = chosen if isinstance(chosen, list) else [chosen]
        return [
            {
                "id": f"{self.id}-{index}",
                "value": option.value,
                "label": str(option.label),
                "checked": option.value in chosen_list,
            }
            for index, option in enumerate(self.question.options)
        ]

    def sub(self, name: str) -> dict[str, str]:
        """A sub-field (day, street, given name ...) as its input needs it."""
        return {
            "id": f"{self.id}-{name}",
            "name": self.kind.input_name(self.name, name),
            "value": str(self.raw.get(name, "")),
            "autocomplete": self.autocomplete(name),
        }

    def autocomplete(self, part: str = "value") -> str:
        """The browser's autofill token: the form's own setting, else one only where the
        question asks for the person's own details (it is prefilled from them). A child's name
        offered the parent's."""
        settings = self.question.settings
        key = "autocomplete" if part == "value" else f"autocomplete_{part}"
        if settings.get(key):
            return str(settings[key])
        if not self.question.prefill:
            return ""
        return OWN_AUTOCOMPLETE.get(part, self.kind.autocomplete if part == "value" else "")


@dataclass
class Item:
    """One item of a repeating page (one child, say)."""

    index: int
    fields: list[Field]
    label: str = ""


@dataclass
class PageState:
    page: Page
    items: list[Item]
    errors: list[Field] = field(default_factory=list)
    answers: Answers = field(default_factory=dict)  # the page's answers, when without errors
    asking_remove: Item | None = None  # the item the person pressed "Remove" on
    removed: str = ""  # the label of the item just removed
    renumbered: bool = False  # items came after it, and have new numbers

    @property
    def fields(self) -> list[Field]:
        return self.items[0].fields if self.items else []

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def can_add(self) -> bool:
        return self.page.repeat is not None and self.count < self.page.repeat.max_items


def _name(page: Page, question: Question, item: int | None) -> str:
    return question.key if item is None else f"{page.key}-{item}-{question.key}"


def _item_label(page: Page, index: int) -> str:
    if page.repeat is None:
        return ""
    return f"{page.repeat.item_label} {index + 1}"


def page_show(page: Page, answers: Answers, prefilled: Answers) -> PageState:
    """The page filled in with the draft's answers, and what was saved unchecked as typed."""
    if page.repeat is None:
        state = PageState(page, [Item(0, _fields(page, answers, answers, prefilled, None))])
    else:
        stored = [item for item in answers.get(page.key) or [] if isinstance(item, dict)]
        stored = stored or [{}] * page.repeat.min_items
        state = PageState(
            page,
            [
                Item(
                    index,
                    _fields(page, {**answers, **item}, item, {}, index),
                    _item_label(page, index),
                )
                for index, item in enumerate(stored)
            ],
        )
    typed = unchecked_of(answers, page.key)
    for field_ in (f for item in state.items for f in item.fields):
        if field_.name in typed and not field_.locked:
            field_.raw = typed[field_.name]
    return state


def unchecked_of(answers: Answers, page_key: str) -> dict[str, Raw]:
    saved = answers.get(UNCHECKED)
    typed = saved.get(page_key) if isinstance(saved, dict) else None
    return typed if isinstance(typed, dict) else {}


def page_as_typed(state: PageState) -> tuple[Answers, dict[str, Raw]]:
    """ "Save and continue later" whatever the page's errors: the answers that passed their checks,
    an emptied answer for each that did not, and what was typed into those, to show again."""
    if not state.errors:
        return state.answers, {}
    page = state.page
    unchecked = {
        f.name: f.raw
        for item in state.items
        for f in item.fields
        if f.error and f.kind.has_answer and f.kind.name != "file"
    }
    if page.repeat is None:
        answers = {
            f.question.key: (None if f.error else f.value)
            for f in state.fields
            if f.kind.has_answer
        }
    else:
        answers = {
            page.key: [
                {
                    f.question.key: f.value
                    for f in item.fields
                    if f.kind.has_answer and f.value is not None and not f.error
                }
                for item in state.items
            ]
        }
    return answers, unchecked


def _fields(
    page: Page, context: Answers, source: Answers, prefilled: Answers, item: int | None
) -> list[Field]:
    fields = []
    for question in page.questions:
        if not shown(question, context):
            continue
        kind = question_type(question)
        value = source.get(question.key)
        fields.append(
            Field(
                question=question,
                kind=kind,
                name=_name(page, question, item),
                raw=kind.to_raw(question, value) if kind.has_answer else {},
                prefilled=question.key in prefilled,
                locked=question.key in prefilled and not question.editable,
                value=value,
            )
        )
    return fields


def read_page(page: Page, data: Any, answers: Answers, prefilled: Answers) -> PageState:
    """What the person posted on the page: the answers, or the errors beside what they typed.

    On a repeating page, "Add another" and "Remove" give the page back with one item more or less
    and no errors: they are not the person saying they are done.
    """
    if page.repeat is None:
        fields = _read_fields(page, data, answers, prefilled, None)
        state = PageState(page, [Item(0, fields)])
        state.errors = [f for f in fields if f.error]
        if not state.errors:
            state.answers = {f.question.key: f.value for f in fields if f.kind.has_answer}
        return state
    try:
        count = int(data.get(f"{page.key}-count", 1))
    except (TypeError, ValueError):
        count = 1
    count = max(1, min(count, page.repeat.max_items))
    items = [
        Item(index, _read_fields(page, data, answers, {}, index), "") for index in range(count)
    ]
    action = str(data.get("action", ""))
    asked = removed = ""
    if action == ADD and count < page.repeat.max_items:
        items.append(Item(count, _fields(page, answers, {}, {}, count)))
    elif action.startswith(f"{ASK_REMOVE}-") and count > 1:
        asked = action.removeprefix(f"{ASK_REMOVE}-")
    elif action.startswith(f"{REMOVE}-") and count > 1:
        index = action.removeprefix(f"{REMOVE}-")
        if any(str(item.index) == index for item in items):
            removed = index
            items = [item for item in items if str(item.index) != index]
    if action in (ADD, KEEP) or asked or removed or action.startswith(f"{REMOVE}-"):
        for field_ in (f for item in items for f in item.fields):
            field_.error = ""
        state = _renumbered(page, items, data, answers)
        state.asking_remove = next((i for i in state.items if str(i.index) == asked), None)
        state.removed = _item_label(page, int(removed)) if removed else ""
        state.renumbered = bool(removed) and int(removed) < len(items)
        return state
    state = PageState(page, _labelled(page, items))
    state.errors = [f for item in state.items for f in item.fields if f.error]
    if len(items) < page.repeat.min_items and items[-1].fields:
        first = items[-1].fields[0]
        first.error = str(_("Add at least %(count)s.") % {"count": page.repeat.min_items})
        state.errors.append(first)
    if not state.errors:
        state.answers = {
            page.key: [
                {
                    f.question.key: f.value
                    for f in item.fields
                    if f.kind.has_answer and f.value is not None
                }
                for item in items
            ]
        }
    return state


def _labelled(page: Page, items: list[Item]) -> list[Item]:
    for position, item in enumerate(items):
        item.label = _item_label(page, position)
    return items


def _renumbered(page: Page, items: list[Item], data: Any, answers: Answers) -> PageState:
    """Items keep what was typed but get consecutive numbers again after one is removed."""
    renumbered = []
    for position, item in enumerate(items):
        fields = []
        for old in item.fields:
            fields.append(
                Field(
                    question=old.question,
                    kind=old.kind,
                    name=_name(page, old.question, position),
                    raw=old.raw,
                    value=old.value,
                )
            )
        renumbered.append(Item(position, fields, _item_label(page, position)))
    return PageState(page, renumbered)


def _read_fields(
    page: Page, data: Any, answers: Answers, prefilled: Answers, item: int | None
) -> list[Field]:
    fields = []
    for question in page.questions:
        if not shown(question, answers):
            continue
        kind = question_type(question)
        name = _name(page, question, item)
        locked = question.key in prefilled and not question.editable
        # A locked prefilled answer comes from the register, never from the posted page.
        raw = (
            kind.to_raw(question, prefilled[question.key])
            if locked
            else kind.raw_from_post(data, name)
        )
        field_ = Field(
            question=question,
            kind=kind,
            name=name,
            raw=raw,
            prefilled=question.key in prefilled,
            locked=locked,
        )
        try:
            field_.value = prefilled[question.key] if locked else kind.parse(question, raw)
        except Invalid as invalid:
            field_.error = str(invalid.message)
        fields.append(field_)
    return fields
