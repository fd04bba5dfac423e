"""The README of a bulk export: the licence, how to load the files, every table's columns.

Written from the same table definitions the export's SQL is built from
(`selectors.data_tables`), so the description cannot drift from the files.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from ..selectors.data_files import SCHEMA
from ..selectors.data_tables import DATA_TABLES

LICENCE_NAME = "CC0 1.0"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.sv"


def licence_text() -> str:
    """What anyone may do with the data, and why (shown on /data/ and in the README)."""
    return _(
        "Protokollen är allmänna handlingar och myndigheters beslut är inte skyddade av "
        "upphovsrätt (upphovsrättslagen 9 §). Sammanställningen ges ut under %(licence)s: "
        "du får använda, bearbeta och sprida datan fritt, också kommersiellt, utan att fråga "
        "och utan att ange källa (men ange gärna Protokollarkivet). Datan innehåller namn på "
        "förtroendevalda och tjänstepersoner i deras offentliga uppdrag; den som behandlar "
        "personuppgifterna vidare ansvarar för att det sker enligt dataskyddsförordningen."
    ) % {"licence": LICENCE_NAME}


def _table_section(table) -> list[str]:
    lines = [
        f"### {table.name}",
        "",
        str(table.description),
        "",
        "| " + _("kolumn") + " | " + _("typ") + " | " + _("innehåll") + " |",
        "|---|---|---|",
    ]
    for column in table.columns:
        empty = " " + _("(kan vara tom)") if column.nullable else ""
        lines.append(f"| `{column.name}` | {column.type} | {column.description}{empty} |")
    return [*lines, ""]


def readme_text(created_at: dt.datetime, tables) -> str:
    """The README for an export made at `created_at` with these tables' row counts."""
    rows = {table.name: table.rows for table in tables}
    lines = [
        "# " + _("Protokollarkivet som data"),
        "",
        _("Exporten skapades %(time)s (UTC).") % {"time": created_at.strftime("%Y-%m-%d %H:%M")},
        _("Den innehåller bara publicerade protokoll och det som hör till dem."),
        "",
        "## " + _("Licens"),
        "",
        licence_text(),
        f"{LICENCE_URL}",
        "",
        "## " + _("Filerna"),
        "",
        _(
            "Varje tabell finns som gzippad CSV (`<tabell>.csv.gz`, UTF-8, rubrikrad, "
            "PostgreSQL:s CSV-format: en tom cell utan citattecken är NULL, listor skrivs "
            "`{a,b}`) och som gzippad JSON Lines (`<tabell>.jsonl.gz`, ett JSON-objekt per "
            "rad, listor som JSON-listor). Id:n är desamma som i arkivets API och pekar "
            "mellan tabellerna som kolumnbeskrivningarna säger."
        ),
        "",
        _("Läs in i en tom PostgreSQL-databas:"),
        "",
        "```sh",
        f"psql -f {SCHEMA}",
        *(
            f"gunzip -c {t.name}.csv.gz | psql -c "
            f'"\\copy {t.name} FROM STDIN WITH (FORMAT csv, HEADER)"'
            for t in DATA_TABLES
        ),
        "```",
        "",
        "## " + _("Tabellerna"),
        "",
        "| " + _("tabell") + " | " + _("rader") + " | " + _("innehåll") + " |",
        "|---|---|---|",
        *(f"| {t.name} | {rows.get(t.name, 0)} | {t.description} |" for t in DATA_TABLES),
        "",
    ]
    for table in DATA_TABLES:
        lines += _table_section(table)
    return "\n".join(lines)
