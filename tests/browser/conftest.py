"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

The live server runs with DEBUG off and the manifest static storage, as in production, so
the stylesheet is served by whitenoise from STATIC_ROOT (`make test` runs collectstatic
first). Screenshots go to `test-artifacts/` at the repository root.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def serve_through_app(application):
    """Leave /static/ to the site's own middleware: whitenoise serves the hashed files.

    pytest-django's default handler looks files up by their unhashed names through the
    finders, which fails for the manifest names pages link to when DEBUG is off.
    """
    return application


@pytest.fixture(scope="session")
def live_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """pytest-django's live server, with static files served as in production."""
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = serve_through_app
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless chromium for the session."""
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls
    # are still synchronous, so Django's async guard must not refuse them.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            yield chromium
            chromium.close()


@pytest.fixture
def browser_page(browser: Browser) -> Iterator[Page]:
    """A fresh page (own cookies) at desktop width, Swedish locale; at the end, asserts that
    the Content-Security-Policy refused nothing the pages tried to load or run."""
    context = browser.new_context(viewport=DESKTOP, locale="sv-SE")
    context.set_default_timeout(15_000)
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert refused == [], refused


@pytest.fixture
def screenshot_dir() -> Path:
    """Where screenshots are saved for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
