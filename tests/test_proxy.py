"""Slow clients, large bodies and forged forwarding headers against the production shape:
gunicorn with its production settings behind the repository's nginx, started for real
against the test database (tests/production_servers.py)."""

from __future__ import annotations

import http.client
import re
import secrets
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, HTTPSHandler, Request, build_opener

import pytest
from django.conf import settings

from tests.production_servers import gunicorn_server, nginx_server

SLOW_CLIENTS = 3
ANSWER_WITHIN = 1.0  # seconds: the bar of issue 16
GIVE_UP_AFTER = 4.0  # seconds: a request this late counts as unanswered, never awaited
SETTLE = 1.5  # seconds the slow clients get to be taken up before the measured request


@dataclass(frozen=True)
class Shape:
    """Base URLs of gunicorn itself, of nginx in front of it in its mode (http or https),
    and of nginx over plain HTTP."""

    gunicorn: str
    nginx: str
    http: str


def database_url() -> str:
    """The test database as a DATABASE_URL for a server process of its own."""
    from django.db import connection

    params = connection.get_connection_params()
    host = quote(params.get("host") or "127.0.0.1", safe="")
    port = f":{params['port']}" if params.get("port") else ""
    password = f":{quote(params['password'])}" if params.get("password") else ""
    return f"postgres://{params['user']}{password}@{host}{port}/{params['dbname']}"


@contextmanager
def served(scheme: str, folder: Path, database: str) -> Iterator[Shape]:
    """The compose file's app and proxy settings for `scheme` (SITE_SCHEME), on loopback."""
    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": database,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "0",
        "SITE_SCHEME": scheme,
        "TRUST_X_FORWARDED_PROTO": "1",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        # gunicorn's control socket goes here, not beside other gunicorns' in $HOME.
        "XDG_RUNTIME_DIR": str(folder),
    }
    (folder / "nginx").mkdir()
    if scheme == "https":
        self_signed_certificate(folder / "nginx" / "tls")
    with gunicorn_server(env) as app:
        upstream = urlsplit(app).netloc
        template = f"{scheme}.conf.template"
        with nginx_server(folder / "nginx", upstream=upstream, template=template) as proxy:
            yield Shape(gunicorn=app, nginx=getattr(proxy, scheme), http=proxy.http)


def self_signed_certificate(folder: Path) -> None:
    """fullchain.pem and privkey.pem for localhost, where the compose file mounts them."""
    folder.mkdir()
    command = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
    command += ["-subj", "/CN=localhost", "-keyout", str(folder / "privkey.pem")]
    command += ["-out", str(folder / "fullchain.pem")]
    subprocess.run(command, check=True, capture_output=True)


def serve_for_module(scheme: str, django_db_blocker, tmp_path_factory) -> Iterator[Shape]:
    """`served` for a module-scoped fixture, on the test database."""
    with django_db_blocker.unblock():
        database = database_url()
    with served(scheme, tmp_path_factory.mktemp(scheme), database) as found:
        yield found


@pytest.fixture(scope="module")
def shape(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Shape]:
    """Plain HTTP, the local try-out (SITE_SCHEME=http)."""
    yield from serve_for_module("http", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="module")
def tls_shape(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Shape]:
    """TLS with a certificate (SITE_SCHEME=https, the default)."""
    yield from serve_for_module("https", django_db_blocker, tmp_path_factory)


def get(base_url: str, path: str = "/", *, headers: dict[str, str] | None = None):
    """GET `path`; return (status, headers, body text, seconds), or raise on no answer
    within GIVE_UP_AFTER."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=GIVE_UP_AFTER)
    started = time.monotonic()
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read().decode()
        return response.status, response.headers, body, time.monotonic() - started
    finally:
        connection.close()


def slow_request_start(kind: str, host: str) -> bytes:
    """What a slow client sends at once: a request line and part of its headers, or all
    its headers and none of the body they announce."""
    if kind == "headers":
        return f"GET / HTTP/1.1\r\nHost: {host}\r\nX-Slow: ".encode()
    # With a CSRF cookie (any page hands one out) Django reads the body to check the token.
    return (
        f"POST {settings.LOGIN_URL} HTTP/1.1\r\nHost: {host}\r\n"
        f"Cookie: {settings.CSRF_COOKIE_NAME}={'a' * 32}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    ).encode()


@contextmanager
def slow_clients(base_url: str, kind: str) -> Iterator[None]:
    """SLOW_CLIENTS connections that then send one byte a second until the block ends."""
    parts = urlsplit(base_url)
    sockets = [
        socket.create_connection((parts.hostname, parts.port), timeout=5)
        for _ in range(SLOW_CLIENTS)
    ]
    stop = threading.Event()

    def trickle() -> None:
        while not stop.wait(1.0):
            for sock in sockets:
                with suppress(OSError):  # the server hung up on it: that client is done
                    sock.send(b"x")

    for sock in sockets:
        sock.sendall(slow_request_start(kind, parts.netloc))
    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    try:
        time.sleep(SETTLE)
        yield
    finally:
        stop.set()
        sender.join()
        for sock in sockets:
            sock.close()


def warm(base_url: str) -> None:
    """Let every worker answer a page once, so a first answer's start-up is not measured."""
    for _ in range(4):
        assert get(base_url)[0] == 200


@pytest.mark.parametrize("kind", ["headers", "body"])
def test_three_slow_clients_leave_other_requests_answered_within_a_second(shape, kind):
    warm(shape.nginx)
    with slow_clients(shape.nginx, kind):
        status, _, body, seconds = get(shape.nginx)
    assert status == 200
    assert "Protokollarkivet" in body
    assert seconds < ANSWER_WITHIN, f"answered after {seconds:.2f} s"


@pytest.mark.parametrize("kind", ["headers", "body"])
def test_without_the_proxy_three_slow_clients_hold_every_worker(shape, kind):
    """What the proxy is for: straight at gunicorn the same clients keep a page from
    being answered at all."""
    warm(shape.gunicorn)
    with slow_clients(shape.gunicorn, kind), pytest.raises(TimeoutError):
        get(shape.gunicorn)


def post(base_url: str, path: str, *, length: int, body: bytes = b"") -> tuple[int, str]:
    """POST headers announcing a `length`-byte multipart body, then `body`; the answer."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=GIVE_UP_AFTER)
    try:
        connection.putrequest("POST", path)
        connection.putheader("Content-Type", "multipart/form-data; boundary=x")
        connection.putheader("Content-Length", str(length))
        connection.endheaders(body or None)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("path", "length"), [("/protokollforare/ladda-upp/", 300 * 10**6), ("/", 6 * 1024 * 1024)]
)
def test_the_proxy_refuses_a_body_over_the_page_s_limit_in_swedish(shape, path, length):
    status, body = post(shape.nginx, path, length=length)
    assert status == 413
    assert "För stor förfrågan" in body
    assert "högst 26.2 MB" in body
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)">', body).group(1)
    assert get(shape.nginx, stylesheet)[0] == 200


def test_gunicorn_reached_directly_refuses_a_large_body_unread(shape):
    """The app's own limit, for when nothing stands in front of it: answered from the
    headers, while not a byte of the body has been sent."""
    status, body = post(shape.gunicorn, "/", length=6 * 1024 * 1024)
    assert status == 413
    assert "Det som skickades (6.3 MB) är större än arkivet tar emot här" in body


@pytest.mark.parametrize(
    "forged", [{"X-Forwarded-Proto": "https"}, {"X-Forwarded-Ssl": "on"}], ids=str
)
def test_a_client_cannot_claim_https_through_the_proxy(shape, forged):
    """HSTS is sent only on requests the app takes for https: from the proxy's address
    the headers are believed, so the proxy must replace the client's."""
    _, straight, _, _ = get(shape.gunicorn, headers=forged)
    assert "Strict-Transport-Security" in straight, "the check would show nothing"
    status, proxied, _, _ = get(shape.nginx, headers=forged)
    assert status == 200
    assert "Strict-Transport-Security" not in proxied


def sign_in(base_url: str, username: str, password: str) -> CookieJar:
    """Sign in as a browser would (its cookie jar sends a Secure cookie over https only);
    return the cookies it keeps."""
    jar = CookieJar()
    unverified = ssl._create_unverified_context()  # the test's self-signed certificate
    opener = build_opener(HTTPCookieProcessor(jar), HTTPSHandler(context=unverified))
    login = base_url + settings.LOGIN_URL
    page = opener.open(login, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    request = Request(login, data=urlencode(form).encode(), headers={"Referer": login})
    with opener.open(request, timeout=30) as answer:
        assert urlsplit(answer.url).path == settings.LOGIN_REDIRECT_URL, "not signed in"
    return jar


@pytest.fixture
def clerk(transactional_db):
    from django.contrib.auth.models import User

    User.objects.create_user("clerk", password="rätt-lösenord-16")
    return "clerk", "rätt-lösenord-16"


def test_a_clerk_signs_in_over_plain_http_in_the_try_out_mode(shape, clerk):
    cookies = {cookie.name: cookie for cookie in sign_in(shape.nginx, *clerk)}
    assert settings.SESSION_COOKIE_NAME in cookies
    assert not cookies[settings.SESSION_COOKIE_NAME].secure


def test_a_clerk_signs_in_over_tls_with_secure_cookies(tls_shape, clerk):
    cookies = {cookie.name: cookie for cookie in sign_in(tls_shape.nginx, *clerk)}
    assert cookies[settings.SESSION_COOKIE_NAME].secure
    assert cookies[settings.CSRF_COOKIE_NAME].secure


def test_tls_mode_sends_plain_http_to_https_and_the_app_knows_it_is_https(tls_shape):
    status, headers, _, _ = get(tls_shape.http, "/sok/?q=bygglov")
    assert status == 301
    assert headers["Location"] == "https://127.0.0.1/sok/?q=bygglov"
    parts = urlsplit(tls_shape.nginx)
    connection = http.client.HTTPSConnection(
        parts.hostname, parts.port, timeout=GIVE_UP_AFTER, context=ssl._create_unverified_context()
    )
    try:
        connection.request("GET", "/")
        response = connection.getresponse()
        assert response.status == 200
        assert "Strict-Transport-Security" in response.headers
    finally:
        connection.close()
