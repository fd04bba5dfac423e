"""The three layouts of sample protocols, modelled on kinds of real protocols.

- markdown: text converted from a Word template, `**§ 70 Title**`, `Diarienummer:`,
  `**att**` clauses, attendance as name and role lines under `**Ledamöter**`;
- plain: `§ 12 Title` with the dnr on the next line, `Förslag till beslut` then `Beslut`
  with plain sentences, hard-wrapped lines, repeated page headers;
- kommun: a tabbed header table (`Plats och tid`, `Beslutande ledamöter`), `§12` with the
  title on the next line, `att` clauses, `Expedieras till`, an ANSLAG/BEVIS box.
"""

from __future__ import annotations

from collections.abc import Callable

from .render import (
    Furniture,
    cap,
    chain_line,
    clock,
    iso,
    plain_chain,
    punctuate,
    reference_number,
    reservation_text,
    sentences,
    wrap,
    yrkande_lines,
)
from .spec import AttendeeSpec, ItemSpec, ProtocolSpec

Layout = Callable[[ProtocolSpec], tuple[list[str], Furniture]]
_IMMEDIATE = "Paragrafen förklaras omedelbart justerad."
_KOMMUN_NOTE_HEADINGS = {
    "protokollsanteckning": "Protokollsanteckning",
    "deltar ej": "Deltar ej i beslutet",
    "jäv": "Jäv",
}


def _by_role(spec: ProtocolSpec, *roles: str) -> list[AttendeeSpec]:
    return [a for a in spec.attendees if a.role in roles]


def _person(a: AttendeeSpec) -> str:
    return f"{a.name} ({a.party})" if a.party else a.name


def _office(spec: ProtocolSpec) -> str:
    return "Regionkansliet" if spec.body.startswith("Region") else "Kommunkansliet"


def _first(spec: ProtocolSpec) -> int:
    return spec.items[0].number if spec.items else 0


def _last(spec: ProtocolSpec) -> int:
    return spec.items[-1].number if spec.items else 0


# --- markdown -------------------------------------------------------------------------


def markdown_layout(spec: ProtocolSpec) -> tuple[list[str], Furniture]:
    """`**§ 70 Title**`, `Diarienummer:`, `**att**`; variant 2 has no markup, Beslut first."""
    v = spec.variant

    def h(text: str) -> str:
        return f"**{text}**" if v in (0, 3) else f"### {text}" if v == 1 else text

    blocks = [
        h(f"Tid: {iso(spec.date)} kl {clock(spec)}"),
        h(f"Plats: {spec.place}"),
        h("NÄRVARANDE"),
    ]
    blocks += _markdown_attendance(spec, h)
    for item in spec.items:
        blocks += _markdown_item(spec, item, h)
    blocks += ["Justeras", f".....\n{spec.chair}\nOrdförande {spec.committee}"]
    blocks += [f".....\n{name}" for name in spec.adjusters]
    blocks += ["Vid protokollet", spec.secretary]
    return blocks, Furniture(_markdown_header, _markdown_footer)


def _markdown_attendance(spec: ProtocolSpec, h: Callable[[str], str]) -> list[str]:
    v = spec.variant
    blocks = [h("Ledamöter")]
    for a in _by_role(spec, "ordförande", "vice ordförande", "ledamot"):
        role = cap(a.role) if a.role != "ledamot" else ""
        if v == 3:
            blocks.append(f"{_person(a)}\t{role}".rstrip())
        elif v == 2:
            blocks.append(f"{_person(a)} {a.role}" if role else _person(a))
        else:
            blocks += [_person(a), role] if role else [_person(a)]
    serving = _by_role(spec, "tjänstgörande ersättare")
    if serving:
        blocks.append(h("Tjänstgörande ersättare"))
        for a in serving:
            blocks += (
                [_person(a), f"för {a.substitute_for}"]
                if v == 0
                else [f"{_person(a)} för {a.substitute_for}"]
            )
    others = _by_role(spec, "ersättare")
    if others:
        blocks += [h("Ersättare"), "\n".join(_person(a) for a in others)]
    blocks.append(h("Tjänstepersoner"))
    for a in _by_role(spec, "tjänsteperson", "sekreterare"):
        blocks += [a.name, cap(a.title or "")] if v in (0, 1) else [f"{a.name}, {a.title}"]
    return blocks


def _markdown_item(spec: ProtocolSpec, item: ItemSpec, h: Callable[[str], str]) -> list[str]:
    v = spec.variant
    blocks = [h(f"§ {item.number} {item.title}")]
    facts = [f"Diarienummer: {d}" for d in item.dnr]
    if item.responsible:
        facts.append(f"Ärendeansvarig: {', '.join(item.responsible)}")
    if item.handlers:
        facts.append(f"Handläggare: {', '.join(item.handlers)}")
    if facts:
        blocks.append("  \n".join(facts))
    if item.withdrawn:
        return [*blocks, "Ärendet utgår."]
    decision = _markdown_decision(spec, item, h)
    body: list[str] = []
    for section in item.sections:
        body += [h(section.heading), *section.paragraphs]
    if item.yrkanden:
        body += [h("Yrkanden"), *yrkande_lines(item)]
    if item.procedure:
        body += [h("Propositionsordning"), item.procedure]
    for vote in item.votes:
        body += [h("Votering"), vote.text]
    if item.basis:
        body += [h("Beslutsunderlag"), *item.basis]
    blocks += decision + body if v == 2 else body + decision
    if item.reservations:
        blocks += [h("Reservationer"), reservation_text(item.reservations)]
    for note in item.notes:
        heading = (
            "Protokollsanteckning"
            if note.kind == "protokollsanteckning"
            else "Noteras till protokollet:"
        )
        blocks += [h(heading), note.text]
    if item.send_to:
        blocks += [h("Delges"), "\n".join(item.send_to)]
    return blocks


def _markdown_decision(spec: ProtocolSpec, item: ItemSpec, h: Callable[[str], str]) -> list[str]:
    decision = item.decision
    if decision is None:
        return []
    att = "att" if spec.variant == 2 else "**att**"
    blocks = [h("Beslut:"), chain_line(decision, "markdown")]
    blocks += [f"{att} {c}" for c in punctuate(decision.clauses, spec.variant)]
    if decision.immediately_adjusted:
        blocks.append(_IMMEDIATE)
    return blocks


def _markdown_header(spec: ProtocolSpec, page: int, total: int) -> list[str]:
    dnr = spec.protocol_dnr or ""
    if page == 1:
        if spec.variant == 0:
            dates = f"{_office(spec)}Datum\n{iso(spec.date)}Dnr\n{dnr}Sida\n1({total})"
        else:
            dates = f"{_office(spec)}\nDatum {iso(spec.date)}\nDnr {dnr}\nSida 1({total})"
        return [f"{spec.body}\nPROTOKOLL\n{spec.committee}", dates]
    if not spec.page_furniture:
        return []
    b = "**" if spec.variant in (0, 3) else ""
    return [f"{b}Datum{b} {iso(spec.date)}\n{b}Dnr{b} {dnr}{b}Sida{b}\n{page}({total})"]


def _markdown_footer(spec: ProtocolSpec, page: int, total: int) -> list[str]:
    if not spec.page_furniture:
        return []
    if spec.variant % 2 == 0:
        return [
            "Ordförandens sign\tJusterandens sign\tExp den\tUtdragsbestyrkande\n"
            "-------------------\t-------------------\t---------\t--------------------"
        ]
    return ["Ordförandens sign", "Justerandens sign", "Exp den", "Utdragsbestyrkande"]


# --- plain ----------------------------------------------------------------------------


def plain_layout(spec: ProtocolSpec) -> tuple[list[str], Furniture]:
    """`§ 12 Title`, dnr on the next line, `Förslag till beslut` then `Beslut`, wrapped lines."""
    fold = wrap if spec.variant != 3 else (lambda text: text)
    blocks = [f"Tid: {iso(spec.date)} kl {clock(spec)}\nPlats: {spec.place}"]
    members = [
        f"{_person(a)}\t{a.role}" if a.role != "ledamot" else _person(a)
        for a in _by_role(spec, "ordförande", "vice ordförande", "ledamot")
    ]
    blocks += ["Beslutande ledamöter", "\n".join(members)]
    serving = _by_role(spec, "tjänstgörande ersättare")
    if serving:
        blocks += [
            "Tjänstgörande ersättare",
            "\n".join(f"{_person(a)}\tför {a.substitute_for}" for a in serving),
        ]
    others = _by_role(spec, "ersättare")
    if others:
        blocks += ["Ersättare", "\n".join(_person(a) for a in others)]
    staff = _by_role(spec, "tjänsteperson", "sekreterare")
    blocks += ["Övriga närvarande", "\n".join(f"{a.name}\t{a.title}" for a in staff)]
    adjusters = [a for a in spec.attendees if a.name in spec.adjusters and a.party]
    blocks += ["Justerare", "\n".join(_person(a) for a in adjusters)]
    blocks.append(f"Paragrafer\t§§ {_first(spec)}–{_last(spec)}")
    for item in spec.items:
        blocks += _plain_item(item, fold, spec.variant)
    blocks += ["Underskrifter", f"Sekreterare\t{spec.secretary}", f"Ordförande\t{spec.chair}"]
    blocks += [f"Justerare\t{name}" for name in spec.adjusters]
    return blocks, Furniture(_plain_header, _plain_footer)


def _plain_item(item: ItemSpec, fold: Callable[[str], str], variant: int) -> list[str]:
    head = f"§ {item.number} {item.title}"
    head = wrap(head, 70) if variant != 3 else head
    blocks = ["\n".join([head, *item.dnr])]
    if item.withdrawn:
        return [*blocks, "Ärendet utgår."]
    for section in item.sections:
        blocks += [section.heading, *(fold(p) for p in section.paragraphs)]
    decision = item.decision
    if decision is not None:
        ruling = [*plain_chain(decision), "\n".join(fold(s) for s in sentences(decision.clauses))]
        if variant != 2 or item.yrkanden:
            blocks += ["Förslag till beslut", *ruling]
        if item.yrkanden:
            blocks += ["Förslag till beslut vid sammanträdet", *yrkande_lines(item)]
        if item.procedure:
            blocks += [
                "Beslutsgång",
                fold(" ".join([item.procedure, *(v.text for v in item.votes)])),
            ]
        blocks += ["Beslut", *ruling]
        if decision.immediately_adjusted:
            blocks.append(_IMMEDIATE)
    if item.reservations:
        blocks += ["Reservationer", fold(reservation_text(item.reservations))]
    for note in item.notes:
        heading = (
            "Protokollsanteckning" if note.kind == "protokollsanteckning" else "Deltagande i beslut"
        )
        blocks += [heading, fold(note.text)]
    if item.basis:
        blocks += ["Beslutsunderlag", "\n".join(item.basis)]
    return blocks


def _plain_header(spec: ProtocolSpec, page: int, total: int) -> list[str]:
    if page == 1:
        return [f"Protokoll\n{spec.body}\n{spec.committee}\nSammanträdesdatum {iso(spec.date)}"]
    if not spec.page_furniture:
        return []
    return [
        "Protokoll",
        f"Sammanträdesdatum\n{wrap(spec.committee, 32)}",
        iso(spec.date),
        "Utdragsbestyrkande",
    ]


def _plain_footer(spec: ProtocolSpec, page: int, total: int) -> list[str]:
    if not spec.page_furniture:
        return []
    footer = [f"{page} ({total})"]
    if spec.variant % 2 == 1:
        footer.append(f"Signeringstjänst Referensnummer: {reference_number(spec)}")
    return footer


# --- kommun ---------------------------------------------------------------------------


def kommun_layout(spec: ProtocolSpec) -> tuple[list[str], Furniture]:
    """A tabbed header table, `§12` then the title, `att` clauses, `Expedieras till`."""
    v = spec.variant
    joiner = " " if v % 2 == 0 else "\n\t"
    members = []
    for a in _by_role(spec, "ordförande", "vice ordförande", "ledamot"):
        members.append(f"{_person(a)} ({cap(a.role)})" if a.role != "ledamot" else _person(a))
    rows = [
        f"Plats och tid\t{spec.place}, {iso(spec.date)} kl. {clock(spec)}",
        f"Beslutande ledamöter\t{joiner.join(members)}",
    ]
    serving = _by_role(spec, "tjänstgörande ersättare")
    if serving:
        rows.append(
            "Tjänstgörande ersättare\t"
            + joiner.join(f"{_person(a)} för {a.substitute_for}" for a in serving)
        )
    others = _by_role(spec, "ersättare")
    if others:
        rows.append("Ej tjänstgörande ersättare\t" + joiner.join(_person(a) for a in others))
    staff = _by_role(spec, "tjänsteperson", "sekreterare")
    rows.append("Övriga närvarande\t" + "\n\t".join(f"{a.name}, {a.title}" for a in staff))
    adjusters = [a for a in spec.attendees if a.name in spec.adjusters and a.party]
    rows.append("Utses att justera\t" + " ".join(_person(a) for a in adjusters))
    rows.append(f"Justeringens plats och tid\t{_office(spec)}, {iso(spec.adjusted_on)}")
    rows.append(f"Protokollet omfattar\t§§{_first(spec)}-{_last(spec)}")
    blocks = ["\n".join(rows)]
    signers = [f"Sekreterare\t{spec.secretary}", f"Ordförande\t{spec.chair}"]
    signers += [f"Justerande\t{name}" for name in spec.adjusters]
    blocks.append("Underskrifter\t" + "\n\t".join(signers))
    blocks.append(
        "ANSLAG/BEVIS\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag.\n"
        f"Organ\t{spec.committee}\nSammanträdesdatum\t{iso(spec.date)}\n"
        f"Datum för anslags uppsättande\t{iso(spec.notice_posted_on)}\n"
        f"Datum för anslags nedtagande\t{iso(spec.notice_removed_on)}\n"
        f"Förvaringsplats för protokollet\t{_office(spec)}"
    )
    if v >= 2:
        blocks += ["ÄRENDELISTA", "\n".join(f"- §{i.number} {i.title}" for i in spec.items)]
    for item in spec.items:
        blocks += _kommun_item(item, v)
    return blocks, Furniture(_kommun_header, _kommun_footer)


def _kommun_item(item: ItemSpec, variant: int) -> list[str]:
    blocks = [f"§{item.number}", item.title]
    blocks += [f"Dnr {d}" for d in item.dnr]
    if item.withdrawn:
        return [*blocks, "Ärendet utgår."]
    for section in item.sections:
        blocks += [section.heading, *section.paragraphs]
    if item.basis:
        blocks += ["Beslutsunderlag", "\n".join(item.basis)]
    decision = item.decision
    ruling: list[str] = []
    if decision is not None:
        ruling = [chain_line(decision, "kommun")]
        ruling += [f"att {c}" for c in punctuate(decision.clauses, variant + 1)]
        if variant >= 2:
            blocks += ["Förslag till beslut", *ruling]
    if item.yrkanden:
        blocks += ["Yrkanden", *yrkande_lines(item)]
    if item.procedure:
        blocks += ["Propositionsordning", item.procedure]
    for vote in item.votes:
        blocks += ["Votering", vote.text]
    if decision is not None:
        blocks += ["Beslut", *ruling]
        if decision.immediately_adjusted:
            blocks.append(_IMMEDIATE)
    if item.reservations:
        blocks += ["Reservation", reservation_text(item.reservations)]
    for note in item.notes:
        blocks += [_KOMMUN_NOTE_HEADINGS[note.kind], note.text]
    if item.send_to:
        blocks += ["Expedieras till", ", ".join(item.send_to)]
    if variant >= 2:
        blocks.append("Paragrafen är justerad")
    return blocks


def _kommun_header(spec: ProtocolSpec, page: int, total: int) -> list[str]:
    if page == 1:
        return [f"{spec.body}\nPROTOKOLL\n{spec.committee}\nSammanträdesdatum {iso(spec.date)}"]
    if not spec.page_furniture:
        return []
    return [f"{spec.body}\n{spec.committee}\nSammanträdesdatum {iso(spec.date)}"]


def _kommun_footer(spec: ProtocolSpec, page: int, total: int) -> list[str]:
    if not spec.page_furniture:
        return []
    return ["Justerandens sign\t\tUtdragsbestyrkande", f"Sida {page}({total})"]


LAYOUTS: dict[str, Layout] = {
    "markdown": markdown_layout,
    "plain": plain_layout,
    "kommun": kommun_layout,
}
