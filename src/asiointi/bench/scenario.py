"""What every scenario shares: targets, the goal they are held to and the measuring of them."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from asiointi.bench.errors import BenchError
from asiointi.bench.load import LoadSettings, Measurement, combine, run_wrk
from asiointi.bench.server import get_status


@dataclass(frozen=True)
class Goal:
    min_throughput_ratio: float = 0.5  # of the bare view's requests/s
    max_p99_ms: float = 50.0
    # Compare with this target of the scenario instead of the bare view: a logged-in page with the
    # bare view requested with the same session, which pays for reading and renewing the session.
    versus: str = ""
    max_p95_ms: float | None = None  # where the goal is about most requests, not 99 in 100

    def describe(self) -> str:
        latency = (
            f"p95 under {self.max_p95_ms:g} ms"
            if self.max_p95_ms is not None
            else f"p99 under {self.max_p99_ms:g} ms"
        )
        if not self.min_throughput_ratio:
            return f"{latency}, without errors"
        return (
            f"at least {self.min_throughput_ratio:g} × {self.versus or 'the bare view'}'s "
            f"requests/s and {latency}, without errors"
        )


@dataclass(frozen=True)
class Target:
    label: str
    paths: tuple[str, ...]  # several: each request takes the next
    # Unique: each request adds a word of its own to the last query value, so no cache can
    # answer it; a word no service contains leaves a search's results as they were.
    unique: bool = False
    goal: Goal | None = field(default_factory=Goal)  # None: measured, not judged
    # Sent with every request, e.g. ("Cookie", "sessionid=…") for a logged-in visitor.
    headers: tuple[tuple[str, str], ...] = ()

    def describe(self) -> str:
        if len(self.paths) == 1:
            return self.paths[0]
        return f"{self.paths[0]} … ({len(self.paths)} queries)"


@dataclass(frozen=True)
class Result:
    target: Target
    measurement: Measurement
    throughput_ratio: float
    misses: tuple[str, ...]  # why the goal was missed; empty when it was met

    @property
    def judged(self) -> bool:
        return self.target.goal is not None

    @property
    def passed(self) -> bool:
        return not self.misses


def misses(goal: Goal | None, measurement: Measurement, ratio: float) -> tuple[str, ...]:
    if goal is None:
        return ()
    found = []
    if ratio < goal.min_throughput_ratio:
        versus = goal.versus or "bare"
        found.append(f"{ratio:.2f} × {versus} throughput < {goal.min_throughput_ratio:g}")
    if goal.max_p95_ms is not None:
        if measurement.p95_ms >= goal.max_p95_ms:
            found.append(f"p95 {measurement.p95_ms:.1f} ms ≥ {goal.max_p95_ms:g} ms")
    elif measurement.p99_ms >= goal.max_p99_ms:
        found.append(f"p99 {measurement.p99_ms:.1f} ms ≥ {goal.max_p99_ms:g} ms")
    if measurement.errors or measurement.failed_responses:
        found.append(f"{measurement.errors + measurement.failed_responses} errors")
    return tuple(found)


SETTLE_SECONDS = 0.5
BARE = Target("Bare Django view", ("/bench/bare",), goal=None)


@dataclass(frozen=True)
class Comparison:
    """A scenario's pages and the bare view, measured in turn on the same server."""

    baseline: Result
    results: list[Result]
    # Findings beyond the table (a scenario's own checks), one paragraph each, in the report.
    notes: tuple[str, ...] = ()


@dataclass
class Bench:
    """The running server and load generator every scenario measures with."""

    base_url: str
    load: LoadSettings
    # The certificate to trust at an https:// base_url (a local topology's self-signed one).
    ca_file: str = ""
    # The baseline: the bench's own bare view, or a running topology's liveness address.
    bare: Target = BARE

    def check(self, target: Target) -> None:
        for path in target.paths:
            status = get_status(self.base_url, path, dict(target.headers))
            if status != 200:
                raise BenchError(f"{target.label}: {path} answered {status}, not 200.")

    def run(self, target: Target, seconds: int) -> Measurement:
        measurement = run_wrk(
            self.load, self.base_url, target.paths, target.unique, seconds, target.headers
        )
        # Requests still running when wrk stops must not slow down the next page's turn.
        time.sleep(SETTLE_SECONDS)
        return measurement

    def compare(self, targets: list[Target]) -> Comparison:
        """Measure the targets against the bare view, taking turns round by round.

        Taking turns spreads whatever else the machine does evenly over all of them, so the
        ratios hold even when the absolute figures wobble.
        """
        everything = [BARE, *targets]
        for target in everything:
            self.check(target)
        for target in everything:
            print(f"  warm-up {target.label}: {target.describe()}", flush=True)
            # Fills each worker's caches and search index, as a running site has them.
            self.run(target, self.load.warmup_seconds)
        rounds: dict[str, list[Measurement]] = {target.label: [] for target in everything}
        for number in range(1, self.load.rounds + 1):
            print(f"  round {number}/{self.load.rounds}", flush=True)
            for target in everything:
                rounds[target.label].append(self.run(target, self.load.round_seconds))
        combined = {label: combine(measurements) for label, measurements in rounds.items()}
        baseline = combined[BARE.label]
        return Comparison(
            baseline=judge(BARE, baseline, baseline),
            results=[judge(t, combined[t.label], baseline, combined) for t in targets],
        )


def judge(
    target: Target,
    measurement: Measurement,
    baseline: Measurement,
    others: dict[str, Measurement] | None = None,
) -> Result:
    ratio = measurement.requests_per_second / baseline.requests_per_second
    goal_ratio = ratio
    if target.goal and target.goal.versus and others:
        goal_ratio = (
            measurement.requests_per_second / others[target.goal.versus].requests_per_second
        )
    return Result(target, measurement, ratio, misses(target.goal, measurement, goal_ratio))


@dataclass(frozen=True)
class Scenario:
    name: str  # names its sections in docs/performance.md; keep it stable
    title: str
    about: str  # what it measures and why, a paragraph of the report
    run: Callable[[Bench], Comparison]
