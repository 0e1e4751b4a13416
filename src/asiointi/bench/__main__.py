"""`python -m asiointi.bench`: measure every scenario and rewrite docs/performance.md.

With --target https://127.0.0.1:8443 it runs the enrollment rush against the topology that
`make prod-up` started (asiointi.bench.topology) instead of a gunicorn of its own.

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
from asiointi.bench.topology import LIVENESS, PROFILE, describe, use_topology

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
    add_topology_arguments(parser)
    parser.add_argument(
        "--residents", type=int, help="a smaller (or larger) enrollment rush: this many residents"
    )
    return parser.parse_args(argv)


def add_topology_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--target",
        help="the address of a running topology (make prod-up's https://127.0.0.1:8443): run "
        "the enrollment rush there, with no server of the bench's own",
    )
    parser.add_argument(
        "--topology-root",
        type=Path,
        default=BASE_DIR / "var" / "prod",
        help="the topology's root directory (make prod-up's PROD_DIR), whose env file it reads",
    )


def topology_arguments(argv: list[str] | None) -> argparse.Namespace:
    """--target and --topology-root, read before Django starts (they choose its settings)."""
    parser = argparse.ArgumentParser(add_help=False)
    add_topology_arguments(parser)
    return parser.parse_known_args(argv)[0]


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
        return measure_on(Bench(base_url, load), scenarios, run)


def measure_on(bench: Bench, scenarios: list[Scenario], run: RunInfo) -> list[Section]:
    sections = []
    for scenario in scenarios:
        print(f"{scenario.title} on {bench.base_url}:", flush=True)
        sections.append(Section(scenario, run, scenario.run(bench)))
    return sections


def chosen_scenarios(arguments: argparse.Namespace) -> list[Scenario]:
    from asiointi.bench.scenarios import SCENARIOS, courses

    names = arguments.scenario or []
    if arguments.target:
        # Only the rush needs nothing but the portal's own pages; the others measure against
        # the bench's bare view with wrk, which speaks plain HTTP.
        if set(names) - {"courses"}:
            raise BenchError("Against a --target only the enrollment rush (courses) runs.")
        names = ["courses"]
    chosen = [s for s in SCENARIOS if not names or s.name in names]
    if arguments.residents:
        rush = courses.scenario(arguments.residents)
        chosen = [rush if s.name == "courses" else s for s in chosen]
    return chosen


def run_info(arguments: argparse.Namespace, server: ServerConfig, load: LoadSettings) -> RunInfo:
    return RunInfo(
        date=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        machine=machine(),
        profile=PROFILE if arguments.target else current_profile(),
        server=describe(arguments.target) if arguments.target else server.describe(),
        load=load,
    )


def measure_all(
    arguments: argparse.Namespace, chosen: list[Scenario], load: LoadSettings, run: RunInfo
) -> list[Section]:
    if arguments.target:
        bench = Bench(arguments.target.rstrip("/"), load, arguments.ca_file, LIVENESS)
        return measure_on(bench, chosen, run)
    ensure_wrk()
    print(f"Preparing {run.profile.label}: migrate, load_demo, collectstatic", flush=True)
    prepare_site()
    server = ServerConfig(workers=arguments.workers, threads=arguments.threads)
    return measure(chosen, server, load, run)


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


def start_django(argv: list[str] | None) -> str:
    """Django with the settings of what is measured; the certificate to trust (or "")."""
    where = topology_arguments(argv)
    ca_file = ""
    if where.target:
        ca_file = use_topology(where.topology_root.resolve())
    else:
        # Django reads the production profile's variables when it starts, so set them first.
        os.environ.update(production_environment())
    import django

    django.setup()
    return ca_file


def main(argv: list[str] | None = None) -> int:
    from django.core.exceptions import ImproperlyConfigured

    try:
        ca_file = start_django(argv)
    except (ImproperlyConfigured, BenchError) as error:
        # A setting production newly requires: the caller sets it, or server.py gets a stand-in.
        print(f"make bench could not start the production profile: {error}", file=sys.stderr)
        return 1
    from asiointi.bench.scenarios import SCENARIOS

    names = [scenario.name for scenario in SCENARIOS]
    arguments = parse_arguments(argv, names)
    arguments.ca_file = ca_file
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    server = ServerConfig(workers=arguments.workers, threads=arguments.threads)
    load = LoadSettings(
        connections=arguments.connections,
        rounds=arguments.rounds,
        round_seconds=max(1, arguments.seconds // arguments.rounds),
        warmup_seconds=arguments.warmup,
    )
    run = run_info(arguments, server, load)
    warn_if_busy()
    try:
        sections = measure_all(arguments, chosen_scenarios(arguments), load, run)
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
