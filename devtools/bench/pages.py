"""Page throughput: the real app under gunicorn (2 workers), driven by wrk on loopback."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class PageFigures:
    """What wrk measured for one URL."""

    name: str
    url: str
    requests_per_second: float
    p99_ms: float
    errors: int


def free_port() -> int:
    """A loopback TCP port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(base_url: str, timeout: float = 60.0) -> None:
    """Return once `base_url`/healthz/ answers 200; raise after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url + "/healthz/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing answered on {base_url} within {timeout:.0f} s")


@contextmanager
def gunicorn_server(workers: int = 2) -> Iterator[str]:
    """Serve the app in production mode on a free loopback port; yield its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_COOKIES": "0",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "archive.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base_url)
        yield base_url
    finally:
        process.terminate()
        process.wait(timeout=30)


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _parse_wrk(name: str, url: str, output: str) -> PageFigures:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return PageFigures(
        name=name,
        url=url,
        requests_per_second=rps,
        p99_ms=float(p99.group(1)) * _UNIT_MS[p99.group(2)] if p99 else float("nan"),
        errors=errors,
    )


def measure_pages(
    pages: dict[str, str], *, seconds: int = 10, connections: int = 8
) -> list[PageFigures]:
    """Run wrk against each path (name → path) on a fresh gunicorn; bounded in time."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk saknas: installera Debian-paketet wrk (make bench gör det)")
    figures = []
    with gunicorn_server() as base_url:
        for name, path in pages.items():
            url = base_url + path
            # One short warm-up so the first figures do not pay for connection set-up.
            subprocess.run([wrk, "-t1", "-c2", "-d1s", url], capture_output=True, check=True)
            result = subprocess.run(
                [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                capture_output=True,
                text=True,
                check=True,
                timeout=seconds + 30,
            )
            figures.append(_parse_wrk(name, path, result.stdout))
    return figures
