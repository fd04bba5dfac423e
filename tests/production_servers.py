"""The production shape on loopback: gunicorn with deploy/gunicorn.conf.py and nginx with
the repository's deploy/nginx configuration in front of it, as the compose file runs them.

nginx's site template is rendered as the nginx image renders it (its `${...}` filled from
the environment the compose file gives it), with a loopback upstream and port; the main
configuration, the pid file, the logs and the temporary files live in a temporary folder.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from string import Template

from devtools.bench.pages import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[1]
NGINX_DIR = ROOT / "deploy" / "nginx"
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# What the nginx image's own nginx.conf does (it includes conf.d/*.conf in http), with
# every file it writes in the temporary folder.
MAIN_CONF = """\
daemon off;
user {user};
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include conf.d/*.conf;
}}
"""


def render_site(template: str, values: dict[str, str]) -> str:
    """Fill a site template's `${NAME}`s as the image's envsubst does; nginx's own
    `$variables` stay as they are."""
    text = Template((NGINX_DIR / template).read_text()).safe_substitute(values)
    assert "${" not in text, f"{template} needs a value the compose file does not give"
    return text


def nginx_folder(folder: Path, *, template: str, values: dict[str, str]) -> Path:
    """Lay out nginx's configuration in `folder` as the compose file mounts it; return
    the main configuration file."""
    (folder / "conf.d").mkdir(parents=True, exist_ok=True)
    (folder / "archive").symlink_to(NGINX_DIR)
    (folder / "conf.d" / "default.conf").write_text(render_site(template, values))
    main = folder / "nginx.conf"
    main.write_text(MAIN_CONF.format(folder=folder, user=pwd.getpwuid(os.getuid()).pw_name))
    return main


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    """Return once something accepts connections on the loopback `port`."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@contextmanager
def running(command: list[str], ready: Callable[[], None], **popen) -> Iterator[None]:
    """Run a server until the block ends, entering it once `ready()` returns."""
    process = subprocess.Popen(command, **popen)
    try:
        ready()
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def gunicorn_server(env: dict[str, str]) -> Iterator[str]:
    """gunicorn with the production settings on a free loopback port; yield its base URL."""
    url = f"http://127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "gunicorn", "archive.wsgi:application"]
    command += ["-c", str(GUNICORN_CONF), "--bind", url.removeprefix("http://")]
    command += ["--access-logfile", os.devnull]
    with running(command, lambda: wait_until_up(url), cwd=ROOT, env=env):
        yield url


@dataclass(frozen=True)
class Proxy:
    """Where nginx listens: plain HTTP and, with the TLS template, https."""

    http: str
    https: str


@contextmanager
def nginx_server(folder: Path, *, upstream: str, template: str) -> Iterator[Proxy]:
    """nginx with the repository's configuration and `template` (a deploy/nginx site
    template) in front of `upstream` (host:port)."""
    port, tls_port = free_port(), free_port()
    values = {
        "APP_UPSTREAM": upstream,
        "SERVER_NAME": "localhost",
        "LISTEN_HTTP": f"127.0.0.1:{port}",
        "LISTEN_HTTPS": f"127.0.0.1:{tls_port}",
    }
    main = nginx_folder(folder, template=template, values=values)
    command = [NGINX, "-p", f"{folder}/", "-c", str(main), "-e", str(folder / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    with running(command, lambda: wait_for_port(port)):
        yield Proxy(http=f"http://127.0.0.1:{port}", https=f"https://127.0.0.1:{tls_port}")
