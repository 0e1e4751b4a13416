"""Every form service of the demo city has a demo form: it publishes, a person can fill it in to
an answer its JSON Schema accepts, and it lets the person attach what the description asks for."""

import datetime
import io
import uuid
from typing import Any

import pytest
from django.utils import timezone
from jsonschema import Draft202012Validator

from asiointi.attachments.sniffing import media_type_of
from asiointi.attachments.tests.conftest import PDF, PNG
from asiointi.catalogue.demo import read_demo
from asiointi.catalogue.models import Service
from asiointi.eforms.checks import publishing_problems
from asiointi.eforms.definition import Definition, Question, parse
from asiointi.eforms.demo import demo_documents, load_demo
from asiointi.eforms.file_question import limits_of
from asiointi.eforms.models import FormVersion
from asiointi.eforms.validation import answers_problems

JPEG = bytes.fromhex("ffd8ffe000104a46494600010100000100010000ffdb004300") + b"\x08" * 64

# A file of each kind a description names: sniffed from its bytes as the portal does.
SAMPLES = {"pdf": PDF, "jpeg": JPEG, "png": PNG}

# Feedback needs no declaration: nothing is applied for.
FEEDBACK = {"ilmoitus-tai-palaute", "palaute-kaduista-ja-puistoista"}

# Per service: what its description asks to attach (a word of the file question's English
# label) and the kinds of file a person has it in: a scan or a PDF, or a photo from a phone.
SCAN = ("pdf", "jpeg", "png")
ATTACHMENTS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "asukaspysakointitunnus": [("certificate from your employer or the leasing company", SCAN)],
    "varhaiskasvatushakemus": [("certificate of employment or studies", SCAN)],
    "kaivulupailmoitus": [
        ("map showing the boundaries", SCAN),
        ("temporary traffic management plan", SCAN),
        ("survey of underground utilities", SCAN),
    ],
    "yhdistysten-toiminta-avustus": [
        ("action plan and budget", SCAN),
        ("financial statements, annual report and auditor's", SCAN),
    ],
    "ilmoitus-tai-palaute": [("photo", ("jpeg", "png"))],
    "helsinki-lisan-hakemus": [
        ("consent signed by the jobseeker", SCAN),
        ("employment contract", SCAN),
    ],
    "urheiluseurojen-toiminta-avustus": [
        ("financial statements", SCAN),
        ("annual report", ("pdf",)),
        ("auditor's or operations inspector's report", SCAN),
        ("activity plan and budget", ("pdf",)),
    ],
    "omaishoidon-tuen-hakemus": [("doctor's statement", SCAN)],
    "ehkaisevan-toimeentulotuen-hakemus": [
        ("bank statements", SCAN),
        ("invoice or other receipt", SCAN),
        ("kela's latest decision", SCAN),
    ],
    "pelastussuunnitelman-toimittaminen": [
        ("rescue plan", ("pdf",)),
        ("map of the event area", SCAN),
    ],
    "ilotulitteiden-kayttoilmoitus": [
        ("permission from the landowner", SCAN),
        ("map of the firing site", SCAN),
    ],
    "taiteen-ja-kulttuurin-projektiavustus": [
        ("project plan and schedule", ("pdf",)),
        ("budget", ("pdf",)),
    ],
    "tapahtuman-ilmoittaminen-tapahtumakalenteriin": [("image", ("jpeg", "png"))],
    "kotihoidon-hakemus": [("proof of income", SCAN)],
    "kuljetuspalvelun-hakemus": [("statement from a doctor or therapist", SCAN)],
    "puunkaatolupa": [
        ("photos of the trees", ("jpeg", "png")),
        ("map of the plot", SCAN),
        ("board or the general meeting", SCAN),
    ],
    "ymparistolupahakemus": [
        ("location map", SCAN),
        ("assessments of emissions, noise and waste", ("pdf",)),
    ],
    "palaute-kaduista-ja-puistoista": [("photo", ("jpeg", "png"))],
    "vapaaoppilaspaikka": [("benefit decision", SCAN)],
    "palvelusetelituottajaksi-hakeminen": [
        ("prepayment register", SCAN),
        ("liability insurance", SCAN),
        ("early childhood education plan", ("pdf",)),
        ("staff and their qualifications", ("pdf",)),
    ],
    "tutkimuslupa": [
        ("research plan", ("pdf",)),
        ("privacy notice", ("pdf",)),
        ("consent forms", ("pdf",)),
        ("questionnaires or interview outlines", ("pdf",)),
        ("supervisor", SCAN),
        ("ethics committee", SCAN),
    ],
    "pysakointivirhemaksun-oikaisuvaatimus": [("photos of the signs or a receipt", SCAN)],
    "terassilupa": [("scale drawing", SCAN), ("furniture", SCAN)],
    "koulukuljetushakemus": [("statement from a doctor", SCAN)],
    "varhaiskasvatuksen-tuloselvitys": [("proof of other income", SCAN)],
}


def form_services() -> set[str]:
    return {s["slug"] for s in read_demo()["service"] if s["kind"] == Service.Kind.FORM}


def test_every_form_service_of_the_demo_city_has_a_demo_form() -> None:
    assert sorted(form_services() - set(demo_documents())) == []


@pytest.mark.django_db
def test_every_demo_form_is_published_with_its_json_schema(
    demo_catalogue: dict[str, int],
) -> None:
    load_demo()
    for slug, document in demo_documents().items():
        definition = parse(document)
        assert publishing_problems(definition) == [], slug
        version = FormVersion.objects.get(form__service__slug=slug)
        assert version.document == document
        Draft202012Validator.check_schema(version.schema)
        assert definition.next_steps.complete(), slug
        assert definition.declaration.complete() or slug in FEEDBACK, slug


@pytest.mark.django_db
def test_every_demo_form_can_be_filled_in_to_an_answer_its_schema_accepts(
    demo_catalogue: dict[str, int],
) -> None:
    load_demo()
    for version in FormVersion.objects.select_related("form__service"):
        definition = parse(version.document)
        sent = 0
        for yes, option in ((True, 0), (False, -1), (True, -1), (False, 0)):
            answers = answers_of(definition, yes=yes, option=option)
            problems = answers_problems(definition, version.schema, answers)
            exits = [p for p in problems if p.question_key == "" and p.label]
            assert problems == exits, (version.form.service.slug, problems)
            sent += not problems
        assert sent, f"{version.form.service.slug}: no way through the form"


@pytest.mark.parametrize("slug", sorted(ATTACHMENTS))
def test_the_form_takes_the_documents_its_description_asks_for(slug: str) -> None:
    definition = parse(demo_documents()[slug])
    files = [q for _page, q in definition.questions() if q.type == "file"]
    for word, kinds in ATTACHMENTS[slug]:
        matching = [q for q in files if word.lower() in q.label.values["en"].lower()]
        assert matching, f"{slug}: no file question for “{word}”"
        accepted = limits_of(matching[0]).media_types
        for kind in kinds:
            assert media_type_of(io.BytesIO(SAMPLES[kind])) in accepted, (slug, word, kind)


def answers_of(definition: Definition, *, yes: bool, option: int) -> dict[str, Any]:
    """Answers a person could give to every question: yes or no to each yes/no question, the first
    or the last option of each choice."""
    answers: dict[str, Any] = {}
    for page in definition.pages:
        values = {
            q.key: value
            for q in page.questions
            if (value := sample_answer(q, yes=yes, option=option)) is not None
        }
        if page.repeat is not None:
            answers[page.key] = [values] * page.repeat.min_items
        else:
            answers.update(values)
    return answers


def sample_answer(question: Question, *, yes: bool, option: int) -> Any:
    settings = question.settings
    today = timezone.localdate()
    if question.type == "date":
        if settings.get("future"):
            return (today + datetime.timedelta(days=30)).isoformat()
        return (today - datetime.timedelta(days=400)).isoformat()
    if question.type == "number":
        low = settings.get("min")
        return low if low is not None else 1
    options = [o.value for o in question.options]
    fixed = {
        "text": "Testi"[: settings.get("max_length", 200)],
        "textarea": "Testi.",
        "email": "tessa@example.fi",
        "phone": "+358401234567",
        "address": {"street": "Testikatu 1", "postal_code": "00100", "post_office": "Helsinki"},
        "name": {"given": "Tessa", "family": "Testilä"},
        "choice": options[option] if options else None,
        "choices": [options[option]] if options else None,
        "yesno": yes,
        "identity_code": "010280-952L",
        "business_id": "0737546-2",
        "iban": "FI2112345600000785",
        "declaration": True,
        "file": [{"id": str(uuid.uuid4()), "name": "a.pdf", "size": 9, "media_type": "x/y"}],
    }
    return fixed.get(question.type)
