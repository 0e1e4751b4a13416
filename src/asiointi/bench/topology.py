"""The rush against a running topology (make prod-up's): `python -m asiointi.bench --target URL`.

The bench then starts no server of its own: it reads the topology's environment file (the same
SECRET_KEY, database, Redis and settings as the nodes), seeds its courses and residents into the
topology's database, makes sessions in its session store, so the nodes accept them, and sends the
rush through nginx over HTTPS, trusting the topology's self-signed certificate.
"""

import os
from pathlib import Path

from asiointi.bench.errors import BenchError
from asiointi.bench.scenario import Target
from asiointi.bench.server import Profile

PROFILE = Profile(key="topology", label="make prod-up's topology (PostgreSQL + Redis)")
# The nodes have no bare view: the liveness address passes the same middleware and touches
# neither the session nor a template.
LIVENESS = Target("Liveness address", ("/healthz",), goal=None)
# Written into the bench's own process, not a node's: metrics stay the nodes'.
LEFT_OUT = ("PROMETHEUS_MULTIPROC_DIR",)


def topology_environment(root: Path) -> dict[str, str]:
    """The settings `make prod-up` wrote into `root/env`, as its nodes read them."""
    env_file = root / "env"
    if not env_file.exists():
        raise BenchError(f"No {env_file}: start the topology first (make prod-up).")
    values = {}
    for line in env_file.read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            if name not in LEFT_OUT:
                values[name] = value
    return values


def use_topology(root: Path) -> str:
    """Take the topology's settings for this process; the certificate to trust (or "")."""
    for name in LEFT_OUT:
        os.environ.pop(name, None)
    os.environ.update(topology_environment(root))
    certificate = root / "tls" / "cert.pem"
    return str(certificate) if certificate.exists() else ""


def describe(target: str) -> str:
    return (
        f"nginx with TLS at {target} in front of two gunicorn nodes (gthread), as make "
        "prod-up runs them"
    )
