from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise


def in_every_language(text: Promise | str) -> dict[str, str]:
    """A translatable text rendered in each of the portal's languages, for storing."""
    texts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts[language] = str(text)
    return texts


def in_language(texts: dict[str, str]) -> str:
    """A stored text in the active language, else Finnish, else any."""
    return (
        texts.get(translation.get_language() or "fi")
        or texts.get("fi")
        or next(iter(texts.values()), "")
    )
