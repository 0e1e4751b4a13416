"""An open-model load generator for one-off requests: each request is sent at its own arrival
time, whether or not earlier ones have been answered, as people arrive at an opening minute.

wrk (load.py) keeps a fixed number of connections busy, which suits pages anyone may load again and
again; a rush is different: each resident sends one request of their own, with their own cookies.
Latency is counted from the planned arrival time, so time spent waiting for a free connection
counts too (no coordinated omission). A request that follows its redirect, as a browser does after
a form's POST, is timed twice: to the redirect, and to the end of the page it leads to, which is
when the person sees the answer. Plain asyncio sockets keep the generator cheap: its CPU
time is reported beside the figures, since it shares the machine with the server. An https://
address is spoken to with TLS, a new connection (and handshake) per request, as for plain HTTP.
"""

import asyncio
import resource
import ssl
import time
from collections import Counter
from collections.abc import Callable
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
    # Then GET the redirect's Location with the same headers (less the body's), as a browser does.
    follow: bool = False


@dataclass(frozen=True)
class Answer:
    status: int  # 0: no answer (connection error or timeout)
    location: str
    microseconds: int  # from the planned arrival to the end of the first answer
    # With `follow`: the page the redirect leads to, timed from the same planned arrival.
    page_status: int = 0
    page_microseconds: int = 0
    page_text: str = ""  # what `extract` found in the page's body


@dataclass(frozen=True)
class OpenLoadResult:
    answers: list[Answer]
    seconds: float  # from the first arrival to the last answer
    cpu_seconds: float  # the generator's own CPU time

    def measurement(self, expected_status: int) -> Measurement:
        """The first answers (a POST's redirect alone)."""
        statuses = [answer.status for answer in self.answers]
        return self._measurement(statuses, [a.microseconds for a in self.answers], expected_status)

    def page_measurement(self) -> Measurement:
        """The pages the redirects led to, each timed from its request's planned arrival."""
        statuses = [answer.page_status for answer in self.answers]
        return self._measurement(statuses, [a.page_microseconds for a in self.answers], 200)

    def _measurement(
        self, statuses: list[int], microseconds: list[int], expected_status: int
    ) -> Measurement:
        rate = len(self.answers) / self.seconds if self.seconds else 0.0
        return Measurement(
            requests=len(self.answers),
            seconds=self.seconds,
            errors=sum(1 for status in statuses if status == 0),
            failed_responses=sum(1 for status in statuses if status not in (0, expected_status)),
            latencies=Counter(microseconds),
            round_rates=(rate,),
        )

    @property
    def max_ms(self) -> float:
        return max((a.microseconds for a in self.answers), default=0) / 1000

    @property
    def page_max_ms(self) -> float:
        return max((a.page_microseconds for a in self.answers), default=0) / 1000


def _encode(request: OneRequest, host: str) -> bytes:
    lines = [f"{request.method} {request.path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()]
    if request.body or request.method == "POST":
        lines.append(f"Content-Length: {len(request.body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + request.body


def _follow_up(request: OneRequest, location: str) -> OneRequest:
    path = location.split("://", 1)[-1].split("/", 1)[-1] if "://" in location else location
    path = path if path.startswith("/") else f"/{path}"
    headers = {
        name: value
        for name, value in request.headers.items()
        if name.lower() not in ("content-type", "content-length")
    }
    return OneRequest("GET", path, headers)


@dataclass(frozen=True)
class Address:
    host: str
    port: int
    tls: ssl.SSLContext | None

    @classmethod
    def of(cls, base_url: str, ca_file: str = "") -> "Address":
        """`ca_file`: the certificate to trust for https:// (a local topology's self-signed one);
        without it, the system's certificate authorities."""
        address = urlsplit(base_url)
        tls = None
        if address.scheme == "https":
            tls = ssl.create_default_context(cafile=ca_file or None)
        default_port = 443 if tls else 80
        return cls(address.hostname or "127.0.0.1", address.port or default_port, tls)

    @property
    def host_header(self) -> str:
        return f"{self.host}:{self.port}"


async def _send(address: Address, raw: bytes) -> tuple[int, str, bytes]:
    reader, writer = await asyncio.open_connection(address.host, address.port, ssl=address.tls)
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
        body = await _read_to_close(reader)
        return status, location, body
    finally:
        writer.close()


async def _read_to_close(reader: asyncio.StreamReader) -> bytes:
    """The body, up to the server closing the connection (`Connection: close`). Over TLS a server
    may close without TLS's own goodbye (nginx does, with the body complete): that is an end."""
    chunks = []
    try:
        while chunk := await reader.read(65536):
            chunks.append(chunk)
    except ssl.SSLError as error:
        if "UNEXPECTED_EOF" not in str(error) and "APPLICATION_DATA_AFTER_CLOSE" not in str(error):
            raise
    return b"".join(chunks)


Extract = Callable[[bytes], str]


async def _run(
    address: Address,
    requests: list[OneRequest],
    rate: float,
    limit: int,
    extract: Extract | None,
) -> OpenLoadResult:
    encoded = [_encode(request, address.host_header) for request in requests]
    slots = asyncio.Semaphore(limit)
    answers: list[Answer | None] = [None] * len(requests)
    start = time.perf_counter()

    async def one(index: int) -> None:
        planned = start + index / rate
        await asyncio.sleep(max(0.0, planned - time.perf_counter()))
        async with slots:
            status, location, _ = await _attempt(address, encoded[index])
            took = int((time.perf_counter() - planned) * 1e6)
            page_status, page_took, text = 0, 0, ""
            if requests[index].follow and location:
                follow_up = _encode(_follow_up(requests[index], location), address.host_header)
                page_status, _, body = await _attempt(address, follow_up)
                page_took = int((time.perf_counter() - planned) * 1e6)
                text = extract(body) if extract else ""
        answers[index] = Answer(status, location, took, page_status, page_took, text)

    await asyncio.gather(*(one(i) for i in range(len(requests))))
    seconds = time.perf_counter() - start
    return OpenLoadResult([a for a in answers if a is not None], seconds, 0.0)


async def _attempt(address: Address, raw: bytes) -> tuple[int, str, bytes]:
    """Status, Location and body; status 0 when there was no answer in time."""
    try:
        return await asyncio.wait_for(_send(address, raw), TIMEOUT_SECONDS)
    except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
        return 0, "", b""


def open_load(
    base_url: str,
    requests: list[OneRequest],
    rate: float,
    limit: int,
    extract: Extract | None = None,
    ca_file: str = "",
) -> OpenLoadResult:
    """Send the requests at `rate` per second, at most `limit` at a time; answers in order.
    `extract` reads what matters from each followed redirect's page; `ca_file`: see Address."""
    address = Address.of(base_url, ca_file)
    before = resource.getrusage(resource.RUSAGE_SELF)
    result = asyncio.run(_run(address, requests, rate, limit, extract))
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return OpenLoadResult(result.answers, result.seconds, cpu)
