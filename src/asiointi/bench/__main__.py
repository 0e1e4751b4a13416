"""`python -m asiointi.bench`: measure every scenario and rewrite docs/performance.md.

Exits 0 when it measured, whether targets were met or not; 1 when it could not measure.
"""

import argparse
import os
import platform
import signal
import sys
from datetime import datetime
from pathlib import Path
from types import FrameType

from asiointi.bench.errors import BenchError
from asiointi.bench.load import LoadSettings, ensure_wrk
from asiointi.bench.report import RunInfo, Section, results_table, verdict, write_report
from asiointi.bench.scenario import Bench, Scenario
from asiointi.bench.server import (
    ServerConfig,
    current_profile,
    prepare_site,
    production_environment,
    running_server,
)

BASE_DIR = Path(__file__).resolve().parents[3]
# Sync workers, as behind production's proxy: gthread's keep-alive connections stay with the
# worker that accepted them, so with a few connections one worker can get most of the load.
WORKERS = 3


def parse_arguments(argv: list[str] | None, scenario_names: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m asiointi.bench", description=__doc__)
    parser.add_argument("--seconds", type=int, default=10, help="measuring time per page")
    parser.add_argument(
        "--rounds", type=int, default=5, help="the measuring time is taken in this many turns"
    )
    parser.add_argument("--warmup", type=int, default=2, help="warm-up time per page (seconds)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--workers", type=int, default=WORKERS, help="gunicorn worker processes")
    parser.add_argument(
        "--threads", type=int, default=1, help="threads per gunicorn worker (1: sync workers)"
    )
    parser.add_argument(
        "--scenario",
        action="append",
        choices=scenario_names,
        help="run only this scenario (repeatable); the report keeps the others' sections",
    )
    parser.add_argument(
        "--report", type=Path, default=BASE_DIR / "docs" / "performance.md", help="report file"
    )
    return parser.parse_args(argv)


def machine() -> str:
    cores = len(os.sched_getaffinity(0))
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.machine(),
    )
    load = os.getloadavg()[0]
    return (
        f"{cores} cores ({model}), Python {platform.python_version()}, "
        f"load average {load:.2f} before the run"
    )


def stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    # A plain exit unwinds the stack, so gunicorn is stopped like after Ctrl-C.
    raise SystemExit(128 + signum)


def measure(
    scenarios: list[Scenario], server: ServerConfig, load: LoadSettings, run: RunInfo
) -> list[Section]:
    with running_server(server, dict(os.environ)) as base_url:
        bench = Bench(base_url, load)
        sections = []
        for scenario in scenarios:
            print(f"{scenario.title} on {base_url}:", flush=True)
            sections.append(Section(scenario, run, scenario.run(bench)))
        return sections


def summary(sections: list[Section]) -> str:
    missed = [
        f"  {section.run.profile.label} / {result.target.label}: {', '.join(result.misses)}"
        for section in sections
        for result in section.comparison.results
        if not result.passed
    ]
    return "\n".join(["TARGETS MISSED:", *missed]) if missed else "All targets met."


def warn_if_busy() -> None:
    cores = len(os.sched_getaffinity(0))
    load = os.getloadavg()[0]
    if load > cores / 2:
        print(
            f"Warning: load average {load:.2f} on {cores} cores: something else is using the "
            "CPU, so the figures will be noisy (see the Rounds ± column).",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    # Django reads the production profile's variables when it starts, so set them first.
    os.environ.update(production_environment())
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as error:
        # A setting production newly requires: the caller sets it, or server.py gets a stand-in.
        print(f"make bench could not start the production profile: {error}", file=sys.stderr)
        return 1
    from asiointi.bench.scenarios import SCENARIOS

    names = [scenario.name for scenario in SCENARIOS]
    arguments = parse_arguments(argv, names)
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    chosen = [s for s in SCENARIOS if not arguments.scenario or s.name in arguments.scenario]
    server = ServerConfig(workers=arguments.workers, threads=arguments.threads)
    load = LoadSettings(
        connections=arguments.connections,
        rounds=arguments.rounds,
        round_seconds=max(1, arguments.seconds // arguments.rounds),
        warmup_seconds=arguments.warmup,
    )
    run = RunInfo(
        date=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        machine=machine(),
        profile=current_profile(),
        server=server.describe(),
        load=load,
    )
    warn_if_busy()
    try:
        ensure_wrk()
        print(f"Preparing {run.profile.label}: migrate, load_demo, collectstatic", flush=True)
        prepare_site()
        sections = measure(chosen, server, load, run)
    except BenchError as error:
        print(f"make bench could not measure: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted: gunicorn stopped, the report left as it was.", file=sys.stderr)
        return 130
    write_report(arguments.report, sections, names)
    for section in sections:
        print(f"\n{section.scenario.title}: {section.run.profile.label}, {section.run.server}")
        print(results_table(section))
        print(verdict(section))
    print(f"Wrote {arguments.report}")
    print(summary(sections))
    return 0


if __name__ == "__main__":
    sys.exit(main())
