"""The tables of the bulk export (`export_data`, docs/api.md): each public table's columns,
what they mean, and which rows a reader may see, as SQL for PostgreSQL's COPY.

Only rows reachable from published meetings. People, parties, bodies and cases only where
a published row refers to them, so every reference in the export points inside it and the
files load back into the schema they describe (`schema_sql`) with its foreign keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    """One exported column: its name and SQL type in the export, and what it holds."""

    name: str
    type: str
    description: str
    # The table this column's id points to (a foreign key in schema.sql).
    references: str = ""
    # SQL over the source row `t`; the column of the same name when empty.
    expression: str = ""
    nullable: bool = False

    @property
    def select(self) -> str:
        """The column as it appears in the export's SELECT list."""
        return f"{self.expression or 't.' + self.name} AS {self.name}"


@dataclass(frozen=True)
class DataTable:
    """One exported table: rows of `source` (aliased `t`) for which `where` holds."""

    name: str
    description: str
    source: str
    where: str
    columns: tuple[Column, ...]
    # Columns of `source` left out on purpose (internal to search or the clerks' work).
    internal: tuple[str, ...] = field(default=())

    def select_sql(self) -> str:
        """The published rows, in id order, with the exported columns."""
        columns = ", ".join(column.select for column in self.columns)
        return f"SELECT {columns} FROM {self.source} t WHERE {self.where} ORDER BY t.id"

    def ids_sql(self, column: str = "id") -> str:
        """One column of the published rows (for the tables that refer to them)."""
        return f"SELECT t.{column} FROM {self.source} t WHERE {self.where}"

    def create_sql(self) -> str:
        """CREATE TABLE for the export's own schema, with its keys."""
        lines = []
        for column in self.columns:
            line = f"  {column.name} {column.type}"
            if column.name == "id":
                line += " PRIMARY KEY"
            elif not column.nullable:
                line += " NOT NULL"
            if column.references:
                line += f" REFERENCES {column.references} (id)"
            lines.append(line)
        return f"CREATE TABLE {self.name} (\n" + ",\n".join(lines) + "\n);"


_ID_DESCRIPTION = _("radens id (samma som i arkivet och API:t)")


def _id() -> Column:
    return Column("id", "bigint", _ID_DESCRIPTION)


def _ref(name: str, table: str, description, *, nullable: bool = False) -> Column:
    return Column(name, "bigint", description, references=table, nullable=nullable)


def _text(name: str, description, *, nullable: bool = False) -> Column:
    return Column(name, "text", description, nullable=nullable)


def _in(column: str, table: DataTable) -> str:
    return f"t.{column} IN ({table.ids_sql()})"


MEETINGS = DataTable(
    name="meetings",
    description=_("Publicerade sammanträden, ett per protokoll."),
    source="minutes_meeting",
    where="t.is_published",
    columns=(
        _id(),
        _ref("committee_id", "committees", _("organet (committees.id)")),
        Column("date", "date", _("sammanträdesdag")),
        Column("start_time", "time", _("starttid"), nullable=True),
        Column("end_time", "time", _("sluttid"), nullable=True),
        _text("place", _("plats")),
        _text("protocol_dnr", _("protokollets diarienummer")),
        _text("chair", _("ordförande")),
        _text("secretary", _("sekreterare")),
        Column("adjusters", "text[]", _("justerare")),
        Column("adjusted_on", "date", _("dag för justering"), nullable=True),
        Column("notice_posted_on", "date", _("anslaget uppsatt"), nullable=True),
        Column("notice_removed_on", "date", _("anslaget nedtaget"), nullable=True),
        Column(
            "appeal_deadline",
            "date",
            _("sista dag att överklaga (laglighetsprövning): tre veckor från anslaget"),
            expression="t.notice_posted_on + 21",
            nullable=True,
        ),
        _text("source_filename", _("originalfilens namn")),
        _text("sha256", _("originalfilens sha256")),
        Column("page_count", "integer", _("sidor i originalfilen"), nullable=True),
        Column("imported_at", "timestamptz", _("när protokollet lästes in")),
        Column("corrected_at", "timestamptz", _("när en protokollförare rättade"), nullable=True),
    ),
    # corrected_fields: which fields a re-import must keep, the corrections' own bookkeeping.
    internal=("source_file", "parse_warnings", "is_published", "corrected_fields"),
)

COMMITTEES = DataTable(
    name="committees",
    description=_("Organ (nämnder, utskott, styrelser, fullmäktige) med publicerade sammanträden."),
    source="minutes_committee",
    where=f"t.id IN ({MEETINGS.ids_sql('committee_id')})",
    columns=(
        _id(),
        _ref("body_id", "bodies", _("huvudmannen (bodies.id)")),
        _text("name", _("organets namn")),
        _text("slug", _("kortnamn i webbadressen")),
    ),
)

ATTENDANCES = DataTable(
    name="attendances",
    description=_("Vem som var närvarande vid varje sammanträde, i vilken roll."),
    source="minutes_attendance",
    where=_in("meeting_id", MEETINGS),
    columns=(
        _id(),
        _ref("meeting_id", "meetings", _("sammanträdet (meetings.id)")),
        _ref("person_id", "people", _("personen (people.id)")),
        _ref("party_id", "parties", _("partiet (parties.id)"), nullable=True),
        _text("role", _("roll: ordförande, ledamot, tjänstgörande ersättare, ersättare …")),
        _ref("substitute_for_id", "people", _("ersättare för (people.id)"), nullable=True),
        _text("municipality", _("kommun eller region personen företräder")),
        _text("note", _("anteckning vid namnet")),
        Column("position", "integer", _("ordning i protokollets närvarolista")),
    ),
)

ITEMS = DataTable(
    name="items",
    description=_("Paragrafer (§) i publicerade sammanträden."),
    source="minutes_item",
    where="t.is_published",
    columns=(
        _id(),
        _ref("meeting_id", "meetings", _("sammanträdet (meetings.id)")),
        Column("number", "integer", _("paragrafnummer")),
        _text("title", _("rubrik")),
        Column("dnr", "text[]", _("diarienummer som de står i protokollet")),
        Column("responsible", "text[]", _("ärendeansvariga")),
        Column("handlers", "text[]", _("handläggare")),
        Column("withdrawn", "boolean", _("ärendet utgick")),
        Column("tabled", "boolean", _("ärendet bordlades")),
        Column("sections", "jsonb", _('avsnitten som en lista av {"heading", "text"}')),
        _text("text", _("paragrafens hela text")),
        Column("corrected_at", "timestamptz", _("när en protokollförare rättade"), nullable=True),
    ),
    internal=(
        "meeting_date",
        "is_published",
        "committee_id",
        "search_vector",
        "tags",
        "phrase_vector",
        "depublished_at",  # a depublished § is not exported at all
        "depublished_reason",
    ),
)

ITEM_CASES = DataTable(
    name="item_cases",
    description=_("Vilka ärenden (diarienummer) varje paragraf hör till."),
    source="minutes_item_cases",
    where=_in("item_id", ITEMS),
    columns=(
        _id(),
        _ref("item_id", "items", _("paragrafen (items.id)")),
        _ref("case_id", "cases", _("ärendet (cases.id)")),
    ),
)

DECISIONS = DataTable(
    name="decisions",
    description=_("Beslut och förslag i varje paragraf."),
    source="minutes_decision",
    where=_in("item_id", ITEMS),
    columns=(
        _id(),
        _ref("item_id", "items", _("paragrafen (items.id)")),
        Column("position", "integer", _("ordning i paragrafen")),
        _text("decided_by", _("beslutande organ")),
        _text("kind", _("beslutar, föreslår, överlämnar utan eget förslag, informationen noteras")),
        Column("proposed_to", "text[]", _("organ förslaget går till, i ordning")),
        Column("immediately_adjusted", "boolean", _("omedelbart justerad")),
    ),
)

CLAUSES = DataTable(
    name="clauses",
    description=_("Att-satser, i sin ordning i beslutet."),
    source="minutes_clause",
    where=_in("decision_id", DECISIONS),
    columns=(
        _id(),
        _ref("decision_id", "decisions", _("beslutet (decisions.id)")),
        Column("position", "integer", _("ordning i beslutet, från 0")),
        _text("text", _("att-satsens text")),
    ),
)

YRKANDEN = DataTable(
    name="yrkanden",
    description=_("Yrkanden under sammanträdet."),
    source="minutes_yrkande",
    where=_in("item_id", ITEMS),
    columns=(
        _id(),
        _ref("item_id", "items", _("paragrafen (items.id)")),
        Column("position", "integer", _("ordning i paragrafen")),
        _text("text", _("yrkandet")),
        Column("won", "boolean", _("bifallet (tomt: framgår inte)"), nullable=True),
    ),
)

YRKANDE_MOVERS = DataTable(
    name="yrkande_movers",
    description=_("Vem som yrkade, för vilket parti."),
    source="minutes_yrkandeperson",
    where=_in("yrkande_id", YRKANDEN),
    columns=(
        _id(),
        _ref("yrkande_id", "yrkanden", _("yrkandet (yrkanden.id)")),
        _ref("person_id", "people", _("personen (people.id)")),
        _ref("party_id", "parties", _("partiet (parties.id)"), nullable=True),
    ),
)

RESERVATIONS = DataTable(
    name="reservations",
    description=_("Reservationer mot beslut."),
    source="minutes_reservation",
    where=_in("item_id", ITEMS),
    columns=(
        _id(),
        _ref("item_id", "items", _("paragrafen (items.id)")),
        _ref("person_id", "people", _("personen (people.id)")),
        _ref("party_id", "parties", _("partiet (parties.id)"), nullable=True),
        _text("reason", _("motivering")),
        Column("written", "boolean", _("skriftlig reservation")),
        _text("text", _("den skriftliga reservationens text")),
    ),
)

VOTES = DataTable(
    name="votes",
    description=_("Voteringar och deras utfall."),
    source="minutes_vote",
    where=_in("item_id", ITEMS),
    columns=(
        _id(),
        _ref("item_id", "items", _("paragrafen (items.id)")),
        Column("position", "integer", _("ordning i paragrafen")),
        _text("text", _("vad som ställdes mot vad")),
        Column("yes", "integer", _("ja-röster"), nullable=True),
        Column("no", "integer", _("nej-röster"), nullable=True),
        Column("abstain", "integer", _("avstår"), nullable=True),
        Column("chair_decided", "boolean", _("ordförandens utslagsröst avgjorde")),
    ),
)

VOTE_CASTS = DataTable(
    name="vote_casts",
    description=_("Varje ledamots röst där protokollet har en omröstningslista."),
    source="minutes_votecast",
    where=_in("vote_id", VOTES),
    columns=(
        _id(),
        _ref("vote_id", "votes", _("voteringen (votes.id)")),
        _ref("person_id", "people", _("personen (people.id)")),
        _ref("party_id", "parties", _("partiet (parties.id)"), nullable=True),
        _text("choice", _("ja, nej, avstår eller frånvarande")),
    ),
)

NOTES = DataTable(
    name="notes",
    description=_("Protokollsanteckningar, jäv och deltar ej i beslutet."),
    source="minutes_note",
    where=_in("item_id", ITEMS),
    columns=(
        _id(),
        _ref("item_id", "items", _("paragrafen (items.id)")),
        _text("kind", _("protokollsanteckning, noteras, deltar ej eller jäv")),
        _text("text", _("anteckningens text")),
    ),
)

NOTE_PERSONS = DataTable(
    name="note_persons",
    description=_("Vilka personer varje anteckning gäller."),
    source="minutes_note_persons",
    where=_in("note_id", NOTES),
    columns=(
        _id(),
        _ref("note_id", "notes", _("anteckningen (notes.id)")),
        _ref("person_id", "people", _("personen (people.id)")),
    ),
)

# Every row above that names a person or a party: who appears in a published meeting.
_PERSON_REFERENCES = (
    (ATTENDANCES, "person_id"),
    (ATTENDANCES, "substitute_for_id"),
    (YRKANDE_MOVERS, "person_id"),
    (RESERVATIONS, "person_id"),
    (VOTE_CASTS, "person_id"),
    (NOTE_PERSONS, "person_id"),
)
_PARTY_REFERENCES = (
    (ATTENDANCES, "party_id"),
    (YRKANDE_MOVERS, "party_id"),
    (RESERVATIONS, "party_id"),
    (VOTE_CASTS, "party_id"),
)


def _referenced(references: tuple[tuple[DataTable, str], ...]) -> str:
    return "t.id IN (" + " UNION ".join(table.ids_sql(c) for table, c in references) + ")"


PEOPLE = DataTable(
    name="people",
    description=_("Personer som förekommer i publicerade sammanträden."),
    source="minutes_person",
    where=_referenced(_PERSON_REFERENCES),
    columns=(
        _id(),
        _ref("body_id", "bodies", _("huvudmannen personen hör till (bodies.id)")),
        _text("name", _("namn som i protokollen")),
        _text("slug", _("kortnamn i webbadressen")),
    ),
)

PARTIES = DataTable(
    name="parties",
    description=_("Partier som förekommer i publicerade sammanträden."),
    source="minutes_party",
    where=_referenced(_PARTY_REFERENCES),
    columns=(
        _id(),
        _text("abbreviation", _("förkortning som i protokollen")),
        _text("name", _("partiets namn")),
        Column("is_known", "boolean", _("falskt för förkortningar importen inte kände igen")),
    ),
)

CASES = DataTable(
    name="cases",
    description=_("Ärenden: ett normaliserat diarienummer som binder ihop paragrafer."),
    source="minutes_case",
    where=f"t.id IN ({ITEM_CASES.ids_sql('case_id')})",
    columns=(
        _id(),
        _ref("body_id", "bodies", _("huvudmannen (bodies.id)"), nullable=True),
        _text("key", _("normaliserad söknyckel")),
        _text("dnr", _("diarienumret som det står")),
    ),
)

BODIES = DataTable(
    name="bodies",
    description=_("Huvudmän: regioner och kommuner."),
    source="minutes_body",
    where=(
        f"t.id IN ({COMMITTEES.ids_sql('body_id')} UNION {PEOPLE.ids_sql('body_id')}"
        f" UNION {CASES.ids_sql('body_id')})"
    ),
    columns=(
        _id(),
        _text("name", _("namn")),
        _text("slug", _("kortnamn i webbadressen")),
    ),
)

# In an order where every table comes after the tables it refers to (schema.sql, loading).
DATA_TABLES: tuple[DataTable, ...] = (
    BODIES,
    COMMITTEES,
    PARTIES,
    PEOPLE,
    MEETINGS,
    ATTENDANCES,
    CASES,
    ITEMS,
    ITEM_CASES,
    DECISIONS,
    CLAUSES,
    YRKANDEN,
    YRKANDE_MOVERS,
    RESERVATIONS,
    VOTES,
    VOTE_CASTS,
    NOTES,
    NOTE_PERSONS,
)


def schema_sql() -> str:
    """CREATE TABLE statements for every exported table, in loading order."""
    return "\n\n".join(table.create_sql() for table in DATA_TABLES) + "\n"
