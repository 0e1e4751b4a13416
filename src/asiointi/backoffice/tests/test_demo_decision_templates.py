"""Every demo agency keeps decision templates that fill in without an unknown placeholder."""

import pytest

from asiointi.backoffice.demo import load_demo
from asiointi.backoffice.models import DecisionTemplate
from asiointi.catalogue.models import Agency

pytestmark = pytest.mark.usefixtures("demo_forms")


def test_each_demo_agency_has_a_template_and_loading_again_adds_none() -> None:
    first = load_demo()
    assert first["new decision templates"] == DecisionTemplate.objects.count() > 0
    assert set(Agency.objects.values_list("pk", flat=True)) == set(
        DecisionTemplate.objects.values_list("agency_id", flat=True)
    )
    for template in DecisionTemplate.objects.select_related("service"):
        assert template.body_fi and template.body_sv and template.body_en
        assert template.service is None or template.service.agency_id == template.agency_id
    assert load_demo()["new decision templates"] == 0
    assert load_demo(refresh=True)["new decision templates"] == 0
