"""Pages that update themselves before the opening and while queued.

Where JavaScript runs, `courses/live.js` fetches the page again and replaces only the parts marked
`data-live-part` (the opening time, the numbers, the queue answer), never a form field. Without
JavaScript a page reloads itself only if it has no form anyone could be typing in, and only
through `<meta http-equiv="refresh">` inside `<noscript>`, so browsers running scripts never reload.
A POST answer never reloads: the browser would reload it with GET, on an address that takes POST.
"Stop updating" (`?updates=off`) stops both kinds, the one at the opening too (WCAG 2.2.1).
"""

from django.http import HttpRequest
from django.utils import timezone

from asiointi.courses.models import Course

# Before opening, a page updates itself at most this often (and exactly at the opening time).
REFRESH_SECONDS = 60
QUEUE_REFRESH_SECONDS = 3
UPDATES_OFF = "updates=off"


def refresh_context(
    request: HttpRequest, seconds: int | None, *, url: str, has_form: bool
) -> dict[str, object]:
    """`refresh`: seconds between updates (None: none); `reload`: the same for the page's
    reload without JavaScript (None on a POST answer or a page with a form)."""
    stopped = request.GET.get("updates") == "off"
    refresh = None if stopped else seconds
    reload = refresh if request.method in ("GET", "HEAD") and not has_form else None
    return {
        "refresh": refresh,
        "reload": reload,
        "updates_stopped": stopped and bool(seconds),
        "updates_url": url,
        "updates_off": UPDATES_OFF,
    }


def refresh_until_open(course: Course) -> int | None:
    """Seconds until the page should update itself: at opening, never later than a minute."""
    seconds = (course.opens_at - timezone.now()).total_seconds()
    if seconds <= 0 or seconds > 15 * 60:
        return None
    return max(1, min(REFRESH_SECONDS, int(seconds) + 1))
