"""Pages that update themselves before the opening, without JavaScript."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from asiointi.courses.models import Course

# Before opening, a page refreshes itself at most this often (and exactly at the opening time).
REFRESH_SECONDS = 60
QUEUE_REFRESH_SECONDS = 3
UPDATES_OFF = "updates=off"


def refreshing(request: HttpRequest, response: HttpResponse, seconds: int | None) -> HttpResponse:
    """Reload the page after `seconds`, without JavaScript: the HTTP Refresh header, which
    browsers treat as <meta http-equiv="refresh">. The page offers to stop it (WCAG 2.2.1), and
    axe's meta-refresh rule, which cannot see that offer, has nothing to flag."""
    if seconds and request.GET.get("updates") != "off":
        response["Refresh"] = str(seconds)
    return response


def refresh_context(request: HttpRequest, seconds: int | None) -> dict[str, object]:
    stopped = request.GET.get("updates") == "off"
    return {
        "refresh": None if stopped else seconds,
        "updates_stopped": stopped and bool(seconds),
        "updates_off": UPDATES_OFF,
    }


def refresh_until_open(course: Course) -> int | None:
    """Seconds until the page should reload itself: at opening, never later than a minute."""
    seconds = (course.opens_at - timezone.now()).total_seconds()
    if seconds <= 0 or seconds > 15 * 60:
        return None
    return max(1, min(REFRESH_SECONDS, int(seconds) + 1))
