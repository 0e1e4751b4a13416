from asiointi.catalogue.demo import load_demo as load_catalogue
from asiointi.courses.demo import load_demo
from asiointi.courses.models import Course


def test_the_demo_term_has_a_course_whose_places_are_taken_with_waiting_places_free(
    db: None,
) -> None:
    load_catalogue()
    load_demo()
    course = Course.objects.get(code="ty-keramiikka")
    assert course.places_left == 0
    assert course.waiting_seats == 2
    assert course.waiting_places_left > 0
    assert not course.nothing_left
