from asiointi.tests.production import production_environment, run_manage

# What production needs to start at all, so that a test sees the notify settings' own verdict.
PRODUCTION = production_environment()
PRINT_BACKENDS = (
    "from django.conf import settings; print(settings.EMAIL_BACKEND); print(settings.SMS_BACKEND)"
)


def backends_chosen(**env: str | None) -> tuple[str, str]:
    """EMAIL_BACKEND and SMS_BACKEND as the settings module chooses them for this environment."""
    result = run_manage("shell", "--verbosity", "0", "--command", PRINT_BACKENDS, **env)
    assert result.returncode == 0, result.stderr
    email, sms = result.stdout.split("\n")[-3:-1]
    return email, sms
