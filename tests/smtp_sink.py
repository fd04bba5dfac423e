"""A real SMTP server for the mail tests (aiosmtpd on a free local port): what Django's SMTP
backend sends arrives here and is read back as parsed messages."""

from __future__ import annotations

import asyncio
import email
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.policy import default as default_policy

from aiosmtpd.controller import Controller


class SmtpSink:
    """The server's handler: keeps each message, refuses or delays chosen recipients."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refused: set[str] = set()
        self.delayed: dict[str, float] = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address in self.refused:
            return "550 5.1.1 No such mailbox"
        if address in self.delayed:
            await asyncio.sleep(self.delayed[address])
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        """The messages that arrived for `address`, in order."""
        return [m for m in self.messages if address in m["To"]]


def subject(message: EmailMessage) -> str:
    """The subject as a reader sees it (unfolded)."""
    return " ".join(str(message["Subject"]).split())


def text_of(message: EmailMessage) -> str:
    """The plain-text part of a message."""
    return message.get_body(preferencelist=("plain",)).get_content()


def link_in(message: EmailMessage, path: str) -> str:
    """The first link in the message's text whose path starts with `path`."""
    found = re.search(r"https?://\S+?" + re.escape(path) + r"\S*", text_of(message))
    assert found, f"no {path} link in:\n{text_of(message)}"
    return found.group(0)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server(settings) -> Iterator[SmtpSink]:
    """Start the server and point Django's SMTP backend at it (pytest-django `settings`)."""
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 2
    try:
        yield sink
    finally:
        controller.stop()
