"""Finnish, Swedish and English search over the published catalogue.

The catalogue is small (hundreds of services), so the index lives in memory, built once per
catalogue version. Snowball stems catch inflection; Finnish compounds and consonant gradation
("rakennuslupa" / "rakennusluvan", "pysäköinti" inside "asukaspysäköintitunnus") are caught by
matching stems inside and against each other, not only whole.
"""

import bisect
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

import snowballstemmer

from asiointi.catalogue.cache import catalogue_version
from asiointi.catalogue.models import Service

LANGUAGES = ("fi", "sv", "en")
STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
STOPWORDS = {
    "fi": {"ja", "tai", "on", "ei", "se", "jos", "kun", "sekä", "kanssa", "miten", "mitä"},
    "sv": {"och", "eller", "för", "att", "en", "ett", "med", "som", "till", "hur", "av", "om"},
    "en": {"and", "or", "for", "the", "to", "of", "in", "on", "with", "how", "my", "an", "a"},
}
# How much a word counts, by where it stands in the service's texts.
FIELD_WEIGHTS = {"name": 10.0, "keywords": 8.0, "summary": 3.0, "category": 2.0, "agency": 1.5}
DESCRIPTION_WEIGHT = 1.0
MAX_QUERY_TERMS = 12
# A service scoring under this share of the best hit matched only a word of its description, or
# one word of several: listing it would present it as an answer to the query. The relevance set's
# expected services all score at least 0.9 of the best, the noise they beat mostly under 0.25.
WEAK_SHARE = 0.3
WORD = re.compile(r"[^\W_]+", re.UNICODE)
FOLD = str.maketrans({"ä": "a", "å": "a", "ö": "o", "é": "e", "ü": "u"})


def terms(text: str, language: str) -> list[str]:
    """Lower-cased, stemmed, accent-folded words of a text, without stopwords."""
    stemmer = snowballstemmer.stemmer(STEMMERS[language])
    words = [w for w in WORD.findall(text.lower()) if w not in STOPWORDS[language]]
    return [stemmer.stemWord(w).translate(FOLD) for w in words if len(w) > 1]


def match_quality(query_term: str, token: str) -> float:
    if query_term == token:
        return 1.0
    shorter = min(len(query_term), len(token))
    common = 0
    for a, b in zip(query_term, token, strict=False):
        if a != b:
            break
        common += 1
    # Same word with a different ending or consonant gradation: yhdistys / yhdistyks.
    if common >= 5 and common >= shorter - 2:
        return 0.8
    # The query is part of a compound: pysäköint in asukaspysäköintitunnus.
    if len(query_term) >= 4 and query_term in token:
        return 0.6
    # The query is a compound of a word in the text: päiväkotipaikka has päiväkot.
    if len(token) >= 5 and token in query_term:
        return 0.5
    return 0.0


@dataclass
class LanguageIndex:
    # term -> {service id: weight}
    postings: dict[str, dict[int, float]] = field(default_factory=lambda: defaultdict(dict))
    # Filled on the first search: every term, sorted, and all of them in one string, so that the
    # words a query term may match are found by bisect and str.find, not by trying each one.
    _sorted: list[str] = field(default_factory=list)
    _joined: str = ""
    _offsets: list[int] = field(default_factory=list)

    def add(self, service_id: int, text: str, weight: float, language: str) -> None:
        for term in terms(text, language):
            previous = self.postings[term].get(service_id, 0.0)
            self.postings[term][service_id] = max(previous, weight)

    def _freeze(self) -> None:
        self._sorted = sorted(self.postings)
        self._offsets, position = [], 0
        for token in self._sorted:
            self._offsets.append(position)
            position += len(token) + 1
        self._joined = "\n".join(self._sorted)

    def _candidates(self, query_term: str) -> set[str]:
        """Every term that match_quality could rate above zero for this query term."""
        if not self._sorted and self.postings:
            self._freeze()
        found = {query_term} if query_term in self.postings else set()
        if len(query_term) >= 4:  # the query inside a word (also a word starting with it)
            start = self._joined.find(query_term)
            while start != -1:
                found.add(self._sorted[bisect.bisect_right(self._offsets, start) - 1])
                start = self._joined.find(query_term, start + 1)
        if len(query_term) >= 5:  # words sharing the first five letters
            prefix = query_term[:5]
            i = bisect.bisect_left(self._sorted, prefix)
            while i < len(self._sorted) and self._sorted[i].startswith(prefix):
                found.add(self._sorted[i])
                i += 1
        for length in range(5, len(query_term)):  # words inside the query
            for begin in range(len(query_term) - length + 1):
                part = query_term[begin : begin + length]
                if part in self.postings:
                    found.add(part)
        return found

    def score(self, query_terms: list[str]) -> dict[int, float]:
        per_term: list[dict[int, float]] = []
        for query_term in query_terms:
            best: dict[int, float] = {}
            for token in self._candidates(query_term):
                quality = match_quality(query_term, token)
                if quality:
                    for service_id, weight in self.postings[token].items():
                        best[service_id] = max(best.get(service_id, 0.0), weight * quality)
            per_term.append(best)
        totals: dict[int, float] = defaultdict(float)
        matched: dict[int, int] = defaultdict(int)
        for best in per_term:
            for service_id, value in best.items():
                totals[service_id] += value
                matched[service_id] += 1
        # A service that matches every word of the query ranks above one that matches some.
        return {
            service_id: total * (matched[service_id] / len(query_terms)) ** 2
            for service_id, total in totals.items()
        }


def build_index() -> dict[str, LanguageIndex]:
    index = {language: LanguageIndex() for language in LANGUAGES}
    services = (
        Service.objects.filter(published=True)
        .select_related("agency")
        .prefetch_related("categories")
    )
    for service in services:
        for language in LANGUAGES:
            texts = {
                "name": getattr(service, f"name_{language}") or "",
                "keywords": getattr(service, f"keywords_{language}") or "",
                "summary": getattr(service, f"summary_{language}") or "",
                "agency": getattr(service.agency, f"name_{language}") or "",
                "category": " ".join(
                    getattr(category, f"name_{language}") or ""
                    for category in service.categories.all()
                ),
            }
            target = index[language]
            for field_name, text in texts.items():
                target.add(service.pk, text, FIELD_WEIGHTS[field_name], language)
            description = getattr(service, f"description_{language}") or ""
            target.add(service.pk, description, DESCRIPTION_WEIGHT, language)
    return index


_lock = threading.Lock()
_built: dict[str, object] = {"version": None, "index": None}


def current_index() -> dict[str, LanguageIndex]:
    version = catalogue_version()
    with _lock:
        if _built["version"] != version:
            _built["index"] = build_index()
            _built["version"] = version
        return _built["index"]  # type: ignore[return-value]


def search(query: str, language: str) -> list[int]:
    """Ids of published services matching the query, best first, without the weak matches
    (under WEAK_SHARE of the best score).

    The person's own language is searched first; if it finds nothing, the other two are tried,
    so a Swedish word typed on a Finnish page still finds the service.
    """
    index = current_index()
    order = [language] + [other for other in LANGUAGES if other != language]
    for lang in order:
        query_terms = terms(query, lang)[:MAX_QUERY_TERMS]
        if not query_terms:
            continue
        scores = index[lang].score(query_terms)
        if scores:
            floor = max(scores.values()) * WEAK_SHARE
            strong = [service_id for service_id, score in scores.items() if score >= floor]
            return sorted(strong, key=lambda service_id: (-scores[service_id], service_id))
    return []
