"""Anonymous visitors browsing the catalogue: front page, a service page and searches."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation

from asiointi.bench.scenario import Bench, Comparison, Goal, Scenario, Target

SERVICE_SLUG = "asukaspysakointitunnus"
SEARCH_QUERY = "pysäköinti"
# What residents type, a long tail of it: the varied search rotates through these.
VARIED_QUERIES = (
    "pysäköinti",
    "asukaspysäköinti",
    "pysäköintivirhe",
    "rakennuslupa",
    "rakennusluvan muutos",
    "kaivulupa",
    "maisematyölupa",
    "puun kaatolupa",
    "terassi",
    "tapahtuma",
    "ulkomainos",
    "päivähoito",
    "varhaiskasvatus",
    "päiväkotipaikka",
    "esiopetus",
    "koulu",
    "iltapäivätoiminta",
    "kouluruokailu",
    "kirjasto",
    "kirjastokortti",
    "uimahalli",
    "liikunta",
    "liikuntapaikka",
    "salivuoro",
    "tilavaraus",
    "kurssi",
    "työväenopisto",
    "musiikkiopisto",
    "avustus",
    "yhdistys",
    "yritys",
    "kesätyö",
    "jätehuolto",
    "vesimittari",
    "melu",
    "ympäristölupa",
    "katu",
    "talvikunnossapito",
    "palaute",
    "muistutus",
    "oikaisuvaatimus",
    "lasku",
    "maksu",
    "asuminen",
    "vuokra-asunto",
    "kotihoito",
    "vammaispalvelut",
    "kuljetuspalvelu",
    "nuoriso",
    "museo",
)


def search_path(services: str, query: str) -> str:
    return f"{services}?{urlencode({'q': query})}"


def targets() -> list[Target]:
    # Path words are translated: the Finnish pages' addresses come from the URLconf.
    with translation.override("fi"):
        front_page = reverse("catalogue:front_page")
        service_page = reverse("catalogue:service_detail", kwargs={"slug": SERVICE_SLUG})
        services = reverse("catalogue:service_list")
    cached = Goal(min_throughput_ratio=0.8, max_p99_ms=25.0)
    return [
        Target("Front page", (front_page,), goal=cached),
        Target("Service page", (service_page,), goal=cached),
        Target("Search", (search_path(services, SEARCH_QUERY),), goal=cached),
        Target(
            "Search, varied queries",
            tuple(search_path(services, query) for query in VARIED_QUERIES),
            unique=True,
            goal=Goal(min_throughput_ratio=0.3, max_p99_ms=50.0),
        ),
    ]


def run(bench: Bench) -> Comparison:
    return bench.compare(targets())


SCENARIO = Scenario(
    name="catalogue",
    title="Anonymous catalogue pages",
    about=(
        "Visitors who have not logged in (no cookies) load the Finnish front page, the service "
        f"page of `{SERVICE_SLUG}` and a search for “{SEARCH_QUERY}”, pages "
        "which the catalogue's page cache answers once they are rendered. *Search, varied "
        f"queries* is the worst case: it rotates through {len(VARIED_QUERIES)} searches and "
        "adds a word of its own to each (`pysäköinti 5f3a09c1t1n42`). No service contains that "
        "word, so the search finds what it finds without it, but no cache has seen the query: "
        "every request searches the in-memory index and renders the page, as a long tail of "
        "different searches would."
    ),
    run=run,
)
