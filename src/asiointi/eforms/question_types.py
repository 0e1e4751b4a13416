"""Every question type by name (`TYPES`), and the type of a question. The shared base is in
`question_base`; the types in `question_types_typed` and `question_types_chosen`."""

from asiointi.eforms.definition import Question
from asiointi.eforms.question_base import Invalid, QuestionType, Raw
from asiointi.eforms.question_types_chosen import (
    BusinessId,
    ChooseMany,
    ChooseOne,
    Declaration,
    Iban,
    IdentityCode,
    Information,
    YesNo,
)
from asiointi.eforms.question_types_typed import (
    Address,
    DateType,
    Email,
    LongText,
    Name,
    Number,
    Phone,
    ShortText,
)

__all__ = ["TYPES", "Invalid", "QuestionType", "Raw", "question_type"]

TYPES: dict[str, QuestionType] = {
    kind.name: kind
    for kind in (
        ShortText(),
        LongText(),
        Number(),
        DateType(),
        Email(),
        Phone(),
        Address(),
        Name(),
        ChooseOne(),
        ChooseMany(),
        YesNo(),
        IdentityCode(),
        BusinessId(),
        Iban(),
        Declaration(),
        Information(),
    )
}


def _register_file_type() -> None:
    # The file question lives beside the attachments app it depends on.
    from asiointi.eforms.file_question import FileUpload

    TYPES[FileUpload.name] = FileUpload()


_register_file_type()


def question_type(question: Question) -> QuestionType:
    return TYPES[question.type]
