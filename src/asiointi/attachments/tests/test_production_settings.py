"""Production never accepts an attachment the virus scanner has not passed."""

from asiointi.tests.production import run_in_production


def test_production_refuses_to_run_without_a_required_scanner() -> None:
    result = run_in_production("check", CLAMAV_REQUIRED="false")
    assert result.returncode != 0
    assert "CLAMAV_REQUIRED=false is for the embedded profile only" in result.stderr


def test_production_requires_the_scanner_by_default() -> None:
    result = run_in_production(
        "shell", "-c", "from django.conf import settings; print(settings.CLAMAV_REQUIRED)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("True")
