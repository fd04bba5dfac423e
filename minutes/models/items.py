"""What was decided: items (§), their decisions and clauses, motions, votes, dissent, notes."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Collate
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .history import change_history
from .meetings import Meeting
from .organisation import Body, Committee, Party, Person


class Case(models.Model):
    """An ärende: a normalized diarienummer that links items across organs and meetings."""

    body = models.ForeignKey(
        Body,
        on_delete=models.PROTECT,
        related_name="cases",
        null=True,
        blank=True,
        verbose_name=_("huvudman"),
    )
    key = models.CharField(_("söknyckel"), max_length=100)
    dnr = models.CharField(_("diarienummer"), max_length=100)

    class Meta:
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        ordering = ["dnr"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "key"], name="case_unique_key_per_body", nulls_distinct=False
            ),
        ]
        indexes = [
            # Prefix lookups (`21RS76…`) in key order (`Case.key_bytes`): compared byte by byte,
            # as "C" does, a key's index serves LIKE 'prefix%' and the order whatever the
            # database's collation, so a prefix of thousands of cases stops at the first 20.
            models.Index(Collate("key", "C"), name="case_key_prefix_idx"),
            # The API's list of cases goes by key in the database's own collation.
            models.Index(fields=["key", "id"], name="case_key_idx"),
        ]

    def __str__(self) -> str:
        return self.dnr

    def get_absolute_url(self) -> str:
        """The case's page: its body's, or for a case of no body the page of its number."""
        if self.body_id is None:
            return reverse("minutes:case_choice", kwargs={"key": self.key})
        return reverse("minutes:case", kwargs={"body": self.body.slug, "key": self.key})

    @staticmethod
    def key_bytes() -> Collate:
        """The key compared byte by byte: what `case_key_prefix_idx` holds, for prefix
        lookups and their order."""
        return Collate("key", "C")


class Item(models.Model):
    """One § of a meeting."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("sammanträde")
    )
    number = models.PositiveIntegerField(_("paragraf"))
    # Copies of the meeting's date and publication, kept by database triggers (migration
    # 0004) on every insert of an item and every change of its meeting: search and lists
    # filter and sort items newest first on one table, through one index, at any size.
    # The ORM writes NULL/False; the trigger sets the real values before the row is stored.
    meeting_date = models.DateField(_("sammanträdesdag"), editable=False)
    is_published = models.BooleanField(_("publicerad"), editable=False, default=False)
    # The meeting's committee, kept by the same triggers (migration 0008): the organ and
    # huvudman filters read it from the item's row instead of joining its meeting.
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        verbose_name=_("organ"),
    )
    title = models.TextField(_("rubrik"))
    dnr = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        verbose_name=_("diarienummer"),
    )
    cases = models.ManyToManyField(
        Case, related_name="items", blank=True, verbose_name=_("ärenden")
    )
    responsible = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        verbose_name=_("ärendeansvarig"),
    )
    handlers = ArrayField(
        models.CharField(max_length=200), default=list, blank=True, verbose_name=_("handläggare")
    )
    withdrawn = models.BooleanField(_("utgår"), default=False)
    tabled = models.BooleanField(_("bordlagt"), default=False)
    # Sections are read and shown as a whole, never queried one by one: a list of
    # {"heading", "text"} keeps ten million items from becoming forty million rows.
    sections = models.JSONField(_("avsnitt"), default=list, blank=True)
    text = models.TextField(_("paragrafens text"), blank=True)
    # Stored in the row itself (STORAGE MAIN, migration 0007): every search reads it.
    search_vector = SearchVectorField(null=True, editable=False)
    # What the filters ask of the item's children (`kind:beslutar`, `reserved`,
    # `reserved-by:3`, `party:3`, `person:12`), stored with the search vector
    # (minutes.services.search_index): every filter is one lookup in one GIN index, which PostgreSQL
    # combines with the words' own instead of joining reservations, yrkanden and
    # decisions back to their items.
    tags = ArrayField(models.TextField(), default=list, blank=True, editable=False)
    # The search vector's adjacent word pairs (`förorenad 1 mark`), set by a trigger from
    # it (migration 0005): what makes phrase searches fast (minutes.search.phrases).
    phrase_vector = SearchVectorField(null=True, editable=False)
    # Set when a clerk corrects the item in the admin, so a re-import can keep the correction.
    corrected_at = models.DateTimeField(_("rättad"), null=True, blank=True, editable=False)
    # Set when a clerk takes the § off the public site (personal data published by mistake):
    # the insert/update trigger then keeps `is_published` false (migration 0014), so every
    # public read through `selectors.browse.published_items` leaves it out.
    depublished_at = models.DateTimeField(_("avpublicerad"), null=True, blank=True, editable=False)
    depublished_reason = models.TextField(
        _("skäl till avpubliceringen"), blank=True, default="", db_default=""
    )

    history = change_history(
        excluded_fields=(
            "meeting_date", "is_published", "committee", "search_vector", "tags",
            "phrase_vector", "corrected_at",
        )
    )  # fmt: skip

    class Meta:
        verbose_name = _("paragraf")
        verbose_name_plural = _("paragrafer")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="item_unique_number"),
        ]
        indexes = [
            # Words and tags in one GIN index: a word and a tag filter are intersected as
            # the index is read, so PostgreSQL never builds either one's whole bitmap.
            GinIndex(fields=["search_vector", "tags"], name="item_vector_tags_gin"),
            GinIndex(fields=["phrase_vector"], name="item_phrase_vector_gin"),
            GinIndex(fields=["tags"], name="item_tags_gin"),
            # Lists without words come newest first: walked from the top, a filter that
            # holds for many items finds its first page after a few hundred entries. The
            # tags (and id) ride along so the walk tests filters without reading rows
            # (`parti=SD`).
            models.Index(
                fields=["-meeting_date", "meeting", "number"],
                include=["id", "tags", "committee"],
                name="item_newest_covering_idx",
                condition=Q(is_published=True),
            ),
            # The newest slice's date range (minutes.search.slices), as a bitmap: a tenth of
            # a million items in 4 ms, where the covering index's wide entries took 11.
            models.Index(
                fields=["meeting_date"],
                name="item_published_date_idx",
                condition=Q(is_published=True),
            ),
        ]

    def __str__(self) -> str:
        return f"§ {self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url() + f"{self.number}/"


class Decision(models.Model):
    """What an organ decided or proposed on an item."""

    class Kind(models.TextChoices):
        DECIDES = "beslutar", _("beslutar")
        PROPOSES = "föreslår", _("föreslår")
        NO_PROPOSAL = "överlämnar utan eget förslag", _("överlämnar utan eget förslag")
        INFORMATION = "informationen noteras", _("informationen noteras")

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("paragraf")
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    decided_by = models.CharField(_("beslutande organ"), max_length=200, blank=True)
    kind = models.CharField(_("typ"), max_length=40, choices=Kind.choices, default=Kind.DECIDES)
    proposed_to = ArrayField(
        models.CharField(max_length=200),
        default=list,
        blank=True,
        verbose_name=_("förslag till"),
    )
    immediately_adjusted = models.BooleanField(_("omedelbart justerad"), default=False)

    history = change_history()

    class Meta:
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")
        ordering = ["item", "position"]
        indexes = [models.Index(fields=["kind"], name="decision_kind_idx")]

    def __str__(self) -> str:
        return f"{self.decided_by} {self.kind}".strip()


class Clause(models.Model):
    """One att-sats (or decision sentence), in its place in the decision."""

    decision = models.ForeignKey(
        Decision, on_delete=models.CASCADE, related_name="clauses", verbose_name=_("beslut")
    )
    position = models.PositiveIntegerField(_("ordning"))
    text = models.TextField(_("text"))

    history = change_history()

    class Meta:
        verbose_name = _("att-sats")
        verbose_name_plural = _("att-satser")
        ordering = ["decision", "position"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "position"], name="clause_unique_position"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Yrkande(models.Model):
    """A motion made in the meeting."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="yrkanden", verbose_name=_("paragraf")
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    text = models.TextField(_("yrkande"))
    won = models.BooleanField(_("bifallet"), null=True, blank=True)
    persons = models.ManyToManyField(
        Person, through="YrkandePerson", related_name="yrkanden", verbose_name=_("yrkande av")
    )

    history = change_history()

    class Meta:
        verbose_name = _("yrkande")
        verbose_name_plural = _("yrkanden")
        ordering = ["item", "position"]

    def __str__(self) -> str:
        return self.text[:80]


class YrkandePerson(models.Model):
    """A mover of a yrkande, with the party they moved it for."""

    yrkande = models.ForeignKey(Yrkande, on_delete=models.CASCADE, verbose_name=_("yrkande"))
    person = models.ForeignKey(Person, on_delete=models.PROTECT, verbose_name=_("person"))
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="yrkanden",
        verbose_name=_("parti"),
    )

    class Meta:
        verbose_name = _("yrkande av")
        verbose_name_plural = _("yrkanden av")

    def __str__(self) -> str:
        return str(self.person)


class Reservation(models.Model):
    """Formal dissent by one person on an item."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="reservations", verbose_name=_("paragraf")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="reservations", verbose_name=_("person")
    )
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reservations",
        verbose_name=_("parti"),
    )
    reason = models.TextField(_("motivering"), blank=True)
    written = models.BooleanField(_("skriftlig"), default=False)
    text = models.TextField(_("reservationens text"), blank=True)

    history = change_history()

    class Meta:
        verbose_name = _("reservation")
        verbose_name_plural = _("reservationer")
        ordering = ["item", "id"]
        indexes = [
            models.Index(fields=["party", "item"], name="reservation_party_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.party or '-'})"


# A vote's choice as stored, and the attribute its tallies count it in.
CHOICE_TALLIES = {"ja": "yes", "nej": "no", "avstår": "abstain", "frånvarande": "absent"}


class PartyVotes:
    """One party's votes in a votering: ja, nej, avstår and frånvarande counted."""

    def __init__(self, party: Party | None) -> None:
        self.party = party
        self.yes = self.no = self.abstain = self.absent = 0

    def add(self, choice: str) -> None:
        field = CHOICE_TALLIES[choice]
        setattr(self, field, getattr(self, field) + 1)


class Vote(models.Model):
    """A votering on an item."""

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="votes", verbose_name=_("paragraf")
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    text = models.TextField(_("vad som ställdes mot vad"), blank=True)
    yes = models.PositiveIntegerField(_("ja"), null=True, blank=True)
    no = models.PositiveIntegerField(_("nej"), null=True, blank=True)
    abstain = models.PositiveIntegerField(_("avstår"), null=True, blank=True)
    chair_decided = models.BooleanField(_("ordförandens utslagsröst"), default=False)

    history = change_history()

    class Meta:
        verbose_name = _("votering")
        verbose_name_plural = _("voteringar")
        ordering = ["item", "position"]

    def __str__(self) -> str:
        return f"{self.yes}–{self.no}–{self.abstain}"

    def roll_by_party(self) -> list[PartyVotes]:
        """How each party's members voted, parties in the order the roll first names them
        (members without a party together, `party` None). Reads `roll.all()`, so a
        prefetched roll costs no query."""
        tallies: dict[int | None, PartyVotes] = {}
        for cast in self.roll.all():
            tally = tallies.setdefault(cast.party_id, PartyVotes(cast.party))
            tally.add(cast.choice)
        return list(tallies.values())


class VoteCast(models.Model):
    """One member's vote where the roll is printed."""

    class Choice(models.TextChoices):
        YES = "ja", _("ja")
        NO = "nej", _("nej")
        ABSTAIN = "avstår", _("avstår")
        ABSENT = "frånvarande", _("frånvarande")

    vote = models.ForeignKey(
        Vote, on_delete=models.CASCADE, related_name="roll", verbose_name=_("votering")
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, verbose_name=_("person"))
    party = models.ForeignKey(
        Party, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("parti")
    )
    choice = models.CharField(_("röst"), max_length=16, choices=Choice.choices)

    class Meta:
        verbose_name = _("röst")
        verbose_name_plural = _("röster")

    def __str__(self) -> str:
        return f"{self.person}: {self.choice}"


class Note(models.Model):
    """A protokollsanteckning, `noteras till protokollet`, `deltar ej i beslutet` or jäv."""

    class Kind(models.TextChoices):
        ENTRY = "protokollsanteckning", _("protokollsanteckning")
        NOTED = "noteras", _("noteras till protokollet")
        ABSTAINS = "deltar ej", _("deltar ej i beslutet")
        CONFLICT = "jäv", _("jäv")

    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="notes", verbose_name=_("paragraf")
    )
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    text = models.TextField(_("text"))
    persons = models.ManyToManyField(
        Person, related_name="notes", blank=True, verbose_name=_("personer")
    )

    history = change_history()

    class Meta:
        verbose_name = _("anteckning")
        verbose_name_plural = _("anteckningar")
        ordering = ["item", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"
