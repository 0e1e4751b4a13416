"""Demo forms for the demo catalogue's services, from demo/*.toml beside this module."""

import tomllib
from pathlib import Path
from typing import Any

from asiointi.catalogue.models import Service
from asiointi.eforms.models import Form
from asiointi.eforms.services import form_define, form_publish

DEMO_DIR = Path(__file__).parent / "demo"


def demo_documents() -> dict[str, dict[str, Any]]:
    """Service slug -> the form's definition document."""
    documents = {}
    for path in sorted(DEMO_DIR.glob("*.toml")):
        document = tomllib.loads(path.read_text())
        documents[document.pop("service")] = document
    return documents


def load_demo(*, refresh: bool = False) -> dict[str, int]:
    """Define and publish each demo form; an unchanged published form is left as it is."""
    published = 0
    for slug, document in demo_documents().items():
        service = Service.objects.filter(slug=slug).first()
        if service is None:
            continue
        form = Form.objects.filter(service=service).first()
        latest = form.versions.order_by("-number").first() if form else None
        if latest is not None and (not refresh or latest.document == document):
            continue
        form_publish(form=form_define(service=service, document=document))
        published += 1
    return {"forms published": published}
