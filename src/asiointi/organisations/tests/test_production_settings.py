"""Production talks to e-Authorizations only with keys of its own."""

from asiointi.tests.production import run_in_production


def test_production_refuses_e_authorizations_without_its_keys() -> None:
    result = run_in_production("check", VALTUUDET_URL="https://asiointivaltuudet.example.fi")
    assert result.returncode != 0
    assert "VALTUUDET_API_KEY" in result.stderr


def test_production_starts_with_e_authorizations_configured_or_not() -> None:
    assert run_in_production("check").returncode == 0
    configured = run_in_production(
        "check",
        VALTUUDET_URL="https://asiointivaltuudet.example.fi",
        VALTUUDET_API_KEY="api key",
        VALTUUDET_OAUTH_PASSWORD="password",
    )
    assert configured.returncode == 0, configured.stderr
