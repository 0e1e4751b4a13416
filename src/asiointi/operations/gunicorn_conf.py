"""gunicorn's settings for a web node (make prod-up): `gunicorn -c` this file.

The node's own files (pid, control socket, worker heartbeats) go to GUNICORN_RUN_DIR, never the
home directory; GUNICORN_BIND, GUNICORN_WORKERS and GUNICORN_THREADS size it.
"""

import os
from pathlib import Path
from typing import Any

_run = Path(os.environ.get("GUNICORN_RUN_DIR", "var/run"))
_name = os.environ.get("GUNICORN_NAME", "web")
(_run / f"{_name}-tmp").mkdir(parents=True, exist_ok=True)

wsgi_app = "asiointi.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
proc_name = f"asiointi-{_name}"
pidfile = str(_run / f"{_name}.gunicorn.pid")
worker_tmp_dir = str(_run / f"{_name}-tmp")
control_socket = str(_run / f"{_name}.ctl")
timeout = 60
# Longer than nginx's keepalive_timeout for the nodes (topology_config.py): with gunicorn's
# default of 2 s a node closed idle connections that nginx then reused, and a POST of the
# enrollment rush got 502.
keepalive = 75
graceful_timeout = 30
# The application logs each request itself (asiointi.request, with its id); gunicorn's own
# access log would only say it again.
accesslog = None
errorlog = "-"


def child_exit(server: Any, worker: Any) -> None:
    # A worker's live gauges leave with it; its counters stay summed (prometheus_client).
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
