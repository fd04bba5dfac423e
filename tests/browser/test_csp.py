"""The browser enforces the site's Content-Security-Policy: an injected inline script and
inline style do nothing, while the site's own stylesheet applies."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from .conftest import DESKTOP

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_inline_script_and_style_are_refused_and_the_stylesheet_applies(
    browser: Browser, live_server
):
    context = browser.new_context(viewport=DESKTOP, locale="sv-SE")
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.goto(live_server.url + "/")

    page.evaluate(
        """() => {
            const script = document.createElement('script');
            script.textContent = 'window.injected = 1';
            document.body.appendChild(script);
            const style = document.createElement('style');
            style.textContent = 'body { margin-left: 123px !important }';
            document.head.appendChild(style);
        }"""
    )

    assert page.evaluate("() => window.injected") is None
    assert page.evaluate("() => getComputedStyle(document.body).marginLeft") != "123px"
    # site.css is applied: the header has its coloured background, not the default.
    header = page.evaluate(
        "() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    )
    assert header != "rgba(0, 0, 0, 0)"
    assert any("Content Security Policy" in text for text in messages), messages
    context.close()
