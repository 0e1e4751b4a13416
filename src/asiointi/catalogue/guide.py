"""The guide's pictures: what `make guide` photographs from the running portal (help/pictures.toml
names them and says in words what each shows, for its text alternative).

Help pages show them with `{% guide_picture "<name>" %}` (templatetags/portal.py); the pictures
are `static/catalogue/guide/<lang>/<name>.png`, made by `make guide` and kept in the repository,
and a test fails when a help page names a picture that is not listed there or not made.
"""

import hashlib
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
LANGUAGES = ("fi", "sv", "en")
# The help pages the guide (and its PDF) is made of, in order.
GUIDE_PAGES = ("nain-asioit", "kirjautuminen", "yritykset-ja-yhdistykset", "neuvonta")


@dataclass(frozen=True)
class Picture:
    name: str
    alt: dict[str, str]

    def static_path(self, language: str) -> str:
        return f"catalogue/guide/{language}/{self.name}.png"

    def file(self, language: str) -> Path:
        return STATIC_DIR / self.static_path(language)


@cache
def pictures() -> dict[str, Picture]:
    with (HERE / "help" / "pictures.toml").open("rb") as f:
        entries = tomllib.load(f)["picture"]
    return {e["name"]: Picture(e["name"], e["alt"]) for e in entries}


def _fingerprint(language: str) -> str:
    """Changes whenever a guide page's text or a picture of the language changes."""
    from asiointi.catalogue.help import help_page

    templates = HERE / "templates"
    files = [templates / help_page(slug).template_name(language) for slug in GUIDE_PAGES]
    files += [picture.file(language) for picture in pictures().values()]
    stamp = "|".join(f"{f.name}:{f.stat().st_mtime_ns}:{f.stat().st_size}" for f in files)
    return hashlib.sha256(stamp.encode()).hexdigest()[:16]


def guide_pdf_bytes(language: str) -> bytes:
    """The guide as one PDF in the language, drawn once per version of its pages and pictures."""
    from django.conf import settings
    from django.core.cache import cache

    from asiointi.catalogue.help import help_page
    from asiointi.pdf import pdf_render

    key = f"catalogue:guide-pdf:{language}:{_fingerprint(language)}"
    pdf = cache.get(key)
    if pdf is None:
        pages = [
            {"title": help_page(slug).title, "template": help_page(slug).template_name(language)}
            for slug in GUIDE_PAGES
        ]
        pdf = pdf_render(
            template_name="catalogue/guide_pdf.html",
            context={
                "pages": pages,
                "advice_phone": settings.ADVICE_PHONE,
                "advice_hours": settings.ADVICE_HOURS.get(language, settings.ADVICE_HOURS["fi"]),
                "accessibility_email": settings.ACCESSIBILITY_EMAIL,
                "privacy_email": settings.PRIVACY_EMAIL,
            },
            language=language,
        )
        cache.set(key, pdf, 24 * 3600)
    return bytes(pdf)
