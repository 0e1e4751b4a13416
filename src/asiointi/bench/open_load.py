"""An open-model load generator for one-off requests: each request is sent at its own arrival
time, whether or not earlier ones have been answered, as people arrive at an opening minute.

wrk (load.py) keeps a fixed number of connections busy, which suits pages anyone may load again and
again; a rush is different: each resident sends one request of their own, with their own cookies.
Latency is counted from the planned arrival time, so time spent waiting for a free connection
counts too (no coordinated omission). Plain asyncio sockets keep the generator cheap: its CPU
time is reported beside the figures, since it shares the machine with the server.
"""

import asyncio
import resource
import time
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from asiointi.bench.load import Measurement

TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class OneRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass(frozen=True)
class Answer:
    status: int  # 0: no answer (connection error or timeout)
    location: str
    microseconds: int


@dataclass(frozen=True)
class OpenLoadResult:
    answers: list[Answer]
    seconds: float  # from the first arrival to the last answer
    cpu_seconds: float  # the generator's own CPU time

    def measurement(self, expected_status: int) -> Measurement:
        latencies = Counter(answer.microseconds for answer in self.answers)
        rate = len(self.answers) / self.seconds if self.seconds else 0.0
        return Measurement(
            requests=len(self.answers),
            seconds=self.seconds,
            errors=sum(1 for answer in self.answers if answer.status == 0),
            failed_responses=sum(
                1 for answer in self.answers if answer.status not in (0, expected_status)
            ),
            latencies=latencies,
            round_rates=(rate,),
        )

    @property
    def max_ms(self) -> float:
        return max((a.microseconds for a in self.answers), default=0) / 1000


def _encode(request: OneRequest, host: str) -> bytes:
    lines = [f"{request.method} {request.path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()]
    if request.body or request.method == "POST":
        lines.append(f"Content-Length: {len(request.body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + request.body


async def _send(host: str, port: int, raw: bytes) -> tuple[int, str]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(raw)
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split()[1])
        location = ""
        for line in header_lines:
            if line.lower().startswith("location:"):
                location = line.split(":", 1)[1].strip()
        await reader.read()  # the body, until the server closes
        return status, location
    finally:
        writer.close()


async def _run(
    base_url: str, requests: list[OneRequest], rate: float, limit: int
) -> OpenLoadResult:
    address = urlsplit(base_url)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    encoded = [_encode(request, f"{host}:{port}") for request in requests]
    slots = asyncio.Semaphore(limit)
    answers: list[Answer | None] = [None] * len(requests)
    start = time.perf_counter()

    async def one(index: int) -> None:
        planned = start + index / rate
        await asyncio.sleep(max(0.0, planned - time.perf_counter()))
        async with slots:
            try:
                status, location = await asyncio.wait_for(
                    _send(host, port, encoded[index]), TIMEOUT_SECONDS
                )
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                status, location = 0, ""
        took = int((time.perf_counter() - planned) * 1e6)
        answers[index] = Answer(status, location, took)

    await asyncio.gather(*(one(i) for i in range(len(requests))))
    seconds = time.perf_counter() - start
    return OpenLoadResult([a for a in answers if a is not None], seconds, 0.0)


def open_load(base_url: str, requests: list[OneRequest], rate: float, limit: int) -> OpenLoadResult:
    """Send the requests at `rate` per second, at most `limit` at a time; answers in order."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    result = asyncio.run(_run(base_url, requests, rate, limit))
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return OpenLoadResult(result.answers, result.seconds, cpu)
