"""Invented sample protocols for demos, tests and benchmarks. Pure Python, no Django.

Public API: `generate_protocols(count, seed, out_dir, pdf_share)` writes files,
`generate_protocol_texts(count, seed)` yields (name, text) in memory,
`generate_protocol_specs(count, seed)` yields what was generated (for round-trip tests),
and `render_text(spec)` / `render_pages(spec)` render one spec.
"""

from .generate import (
    generate_protocol_specs,
    generate_protocol_texts,
    generate_protocols,
    pdf_indices,
)
from .render import render_pages, render_text
from .spec import ProtocolSpec

__all__ = [
    "ProtocolSpec",
    "generate_protocol_specs",
    "generate_protocol_texts",
    "generate_protocols",
    "pdf_indices",
    "render_pages",
    "render_text",
]
