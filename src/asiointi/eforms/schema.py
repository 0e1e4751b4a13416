"""The JSON Schema 2020-12 of a form version's answers, and validation against it.

The schema is the contract with back-office systems: one property per question (a repeating page
is an array of objects), `required` for the questions every person is asked, and `if`/`then` for
questions shown by a condition. Pages that routing may skip cannot be required by the schema; the
portal checks them along the person's own path (`validation.py`).
"""

from typing import Any

from jsonschema import Draft202012Validator

from asiointi.eforms.definition import END, EXIT_PREFIX, Definition, Page

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_build(definition: Definition, *, schema_id: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    conditionals: list[dict[str, Any]] = []
    always = _always_visited(definition)
    for page in definition.pages:
        page_properties, page_required, page_conditionals = _page_schema(page)
        if page.repeat is not None:
            item: dict[str, Any] = {
                "type": "object",
                "properties": page_properties,
                "required": page_required,
                "additionalProperties": False,
            }
            if page_conditionals:
                item["allOf"] = page_conditionals
            properties[page.key] = {
                "type": "array",
                "minItems": page.repeat.min_items,
                "maxItems": page.repeat.max_items,
                "items": item,
            }
            if page.key in always:
                required.append(page.key)
            continue
        properties.update(page_properties)
        conditionals += page_conditionals
        if page.key in always:
            required += page_required
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "$id": schema_id,
        "title": definition.title.values.get("en") or definition.title.values.get("fi", ""),
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if conditionals:
        schema["allOf"] = conditionals
    Draft202012Validator.check_schema(schema)
    return schema


def _page_schema(page: Page) -> tuple[dict[str, Any], list[str], list[dict[str, Any]]]:
    from asiointi.eforms.question_types import question_type

    properties: dict[str, Any] = {}
    required: list[str] = []
    conditionals: list[dict[str, Any]] = []
    for question in page.questions:
        kind = question_type(question)
        if not kind.has_answer:
            continue
        properties[question.key] = kind.schema(question)
        if not question.required:
            continue
        if question.show_if is None:
            required.append(question.key)
            continue
        condition = question.show_if
        expected: dict[str, Any] = (
            {"enum": list(condition.values)}
            if len(condition.values) > 1
            else {"const": condition.values[0]}
        )
        conditionals.append(
            {
                "if": {
                    "properties": {condition.question: expected},
                    "required": [condition.question],
                },
                "then": {"required": [question.key]},
            }
        )
    return properties, required, conditionals


def _always_visited(definition: Definition) -> set[str]:
    """Pages every path goes through: no condition of their own, and no earlier route that could
    jump over them, end the form early or leave through an exit page."""
    always: set[str] = set()
    reach = 0  # the furthest page index an earlier route may jump to
    for index, page in enumerate(definition.pages):
        if index >= reach and page.show_if is None:
            always.add(page.key)
        for route in page.routes:
            if route.goto == END or route.goto.startswith(EXIT_PREFIX):
                return always
            reach = max(reach, definition.page_index(route.goto))
    return always


def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
