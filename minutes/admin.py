"""The clerks' editing interface: every model, with filters, search and inlines."""

from django.contrib import admin
from django.contrib.postgres.search import SearchQuery
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from . import models
from .admin_forms import REASON_FIELD, CorrectionForm, ItemCorrectionForm, reason_of
from .services.corrections import history_baseline, item_mark_corrected, meeting_mark_corrected
from .services.search_index import SEARCH_CONFIG
from .warning_texts import in_swedish

admin.site.site_header = _("Protokollarkivet – administration")
admin.site.site_title = _("Protokollarkivet")
admin.site.index_title = _("Redigera arkivet")


class RecordsReasons(SimpleHistoryAdmin):
    """Every change is kept in the object's history (django-simple-history) with the
    reason the clerk writes in the form (`CorrectionForm`), for the object and its inlines."""

    form = CorrectionForm

    def save_model(self, request, obj, form, change) -> None:
        history_baseline(objects=[obj])
        obj._change_reason = reason_of(form)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change) -> None:
        changed = [f.instance for f in formset.forms if f.instance.pk and f.has_changed()]
        history_baseline(objects=changed)
        for inline_form in formset.forms:
            inline_form.instance._change_reason = reason_of(form)
        super().save_formset(request, form, formset, change)

    def delete_model(self, request, obj) -> None:
        obj._change_reason = str(_("Borttagen i administrationen."))
        super().delete_model(request, obj)


def changed_fields(form) -> list[str]:
    """The model fields a clerk changed in an admin form (not the reason)."""
    return [name for name in form.changed_data if name != REASON_FIELD]


def formset_changed(formset) -> bool:
    """Whether an inline's rows were changed, added or deleted."""
    return formset.has_changed() or bool(formset.deleted_objects)


class MarksCorrections(RecordsReasons):
    """Stamp the item a clerk edits as corrected, so a re-import can keep the correction.

    `corrected_item_id` says which item an edited object belongs to; an edit of the object
    itself or of any of its inlines counts.
    """

    def corrected_item_id(self, obj) -> int | None:
        return obj.item_id

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if changed_fields(form):
            item_mark_corrected(item_id=self.corrected_item_id(obj))

    def save_formset(self, request, form, formset, change) -> None:
        super().save_formset(request, form, formset, change)
        if formset_changed(formset):
            item_mark_corrected(item_id=self.corrected_item_id(form.instance))

    def delete_model(self, request, obj) -> None:
        # A deleted reservation or clause is a correction of its item (a deleted item
        # has nothing left to stamp: the call is then a no-op).
        item_id = self.corrected_item_id(obj)
        super().delete_model(request, obj)
        item_mark_corrected(item_id=item_id)


class CommitteeListFilter(admin.RelatedFieldListFilter):
    """A committee filter whose choices are read with their bodies: a committee is shown
    as "name (body)", and Django's own filter read each body apart (336 queries a page)."""

    def field_choices(self, field, request, model_admin):
        committees = models.Committee.objects.select_related("body").order_by("name", "body__name")
        return [(committee.pk, str(committee)) for committee in committees]


@admin.register(models.Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "body"]
    list_filter = ["body"]
    search_fields = ["name", "body__name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["body"]


@admin.register(models.Party)
class PartyAdmin(admin.ModelAdmin):
    list_display = ["abbreviation", "name", "is_known"]
    list_filter = ["is_known"]
    search_fields = ["abbreviation", "name"]


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "body"]
    list_filter = ["body"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["body"]


class AttendanceInline(admin.TabularInline):
    model = models.Attendance
    fk_name = "meeting"
    extra = 0
    autocomplete_fields = ["person", "substitute_for", "party"]


class ItemInline(admin.TabularInline):
    model = models.Item
    extra = 0
    fields = ["number", "title", "dnr", "withdrawn", "tabled"]
    show_change_link = True


class AppendOnly:
    """The import log is written by imports only: shown, never added, changed or deleted
    in the admin (by anyone)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ImportRecordInline(AppendOnly, admin.TabularInline):
    model = models.ImportRecord
    extra = 0
    fields = readonly_fields = [
        "action", "filename", "sha256", "replaced_sha256", "user", "created_at", "reason",
    ]  # fmt: skip
    can_delete = False


@admin.register(models.Meeting)
class MeetingAdmin(RecordsReasons):
    list_display = ["committee", "date", "start_time", "place", "is_published", "imported_at"]
    list_filter = ["is_published", "committee__body", ("committee", CommitteeListFilter), "date"]
    search_fields = ["committee__name", "place", "protocol_dnr", "source_filename"]
    date_hierarchy = "date"
    readonly_fields = ["sha256", "imported_at", "page_count", "warnings"]
    exclude = ["parse_warnings"]  # shown, in Swedish, as `warnings`
    # A select of every committee would read each one's body to name it.
    autocomplete_fields = ["committee"]
    list_select_related = ["committee__body"]
    inlines = [AttendanceInline, ItemInline, ImportRecordInline]

    @admin.display(description=_("varningar vid inläsning"))
    def warnings(self, meeting: models.Meeting) -> str:
        """The stored reading's warnings (the parser's and the importer's), in Swedish
        (`in_swedish`: by code; a string stored before codes as written), escaped, one to a
        line."""
        return (
            format_html_join(
                "", "<p>{}</p>", ((in_swedish(warning),) for warning in meeting.parse_warnings)
            )
            or "–"
        )

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if change:
            # A replacing import keeps these (`services.importing`).
            meeting_mark_corrected(meeting_id=obj.pk, fields=changed_fields(form))

    def save_formset(self, request, form, formset, change) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is models.Item:
            # Items edited in the meeting's list are corrections too.
            for item_form in formset.forms:
                if item_form.has_changed() and item_form.instance.pk:
                    item_mark_corrected(item_id=item_form.instance.pk)
        elif formset.model is models.Attendance and change and formset_changed(formset):
            meeting_mark_corrected(meeting_id=form.instance.pk, fields=["attendances"])


class DecisionInline(admin.StackedInline):
    model = models.Decision
    extra = 0
    show_change_link = True


class YrkandeInline(admin.TabularInline):
    model = models.Yrkande
    extra = 0
    show_change_link = True


class ReservationInline(admin.TabularInline):
    model = models.Reservation
    extra = 0
    autocomplete_fields = ["person", "party"]


class VoteInline(admin.TabularInline):
    model = models.Vote
    extra = 0
    show_change_link = True


class NoteInline(admin.TabularInline):
    model = models.Note
    extra = 0
    autocomplete_fields = ["persons"]


@admin.register(models.Item)
class ItemAdmin(MarksCorrections):
    list_display = ["number", "title", "meeting", "withdrawn"]
    list_filter = [
        "withdrawn",
        "tabled",
        "meeting__committee__body",
        ("meeting__committee", CommitteeListFilter),
    ]
    search_fields = ["title"]  # shows the search box; `get_search_results` searches
    search_help_text = _("Söker bland orden i paragraferna, som arkivets sökning.")
    raw_id_fields = ["meeting"]
    autocomplete_fields = ["cases"]
    list_select_related = ["meeting__committee"]
    inlines = [DecisionInline, YrkandeInline, ReservationInline, VoteInline, NoteInline]
    form = ItemCorrectionForm
    readonly_fields = ["depublished_at"]

    def corrected_item_id(self, obj) -> int:
        return obj.pk

    def get_search_results(self, request, queryset, search_term):
        """The items whose stored vectors match the words (as the public search reads
        them), through their index, rather than ILIKE over every § text."""
        if not search_term.strip():
            return queryset, False
        words = SearchQuery(search_term, config=SEARCH_CONFIG, search_type="websearch")
        return queryset.filter(search_vector=words), False


class ClauseInline(admin.TabularInline):
    model = models.Clause
    extra = 0


@admin.register(models.Decision)
class DecisionAdmin(MarksCorrections):
    list_display = ["item", "decided_by", "kind", "immediately_adjusted"]
    list_filter = ["kind", "immediately_adjusted"]
    search_fields = ["decided_by", "item__title", "clauses__text"]
    raw_id_fields = ["item"]
    inlines = [ClauseInline]


@admin.register(models.Clause)
class ClauseAdmin(MarksCorrections):
    list_display = ["decision", "position", "text"]
    search_fields = ["text"]
    raw_id_fields = ["decision"]

    def corrected_item_id(self, obj) -> int:
        return obj.decision.item_id


class YrkandePersonInline(admin.TabularInline):
    model = models.YrkandePerson
    extra = 0
    autocomplete_fields = ["person", "party"]


@admin.register(models.Yrkande)
class YrkandeAdmin(MarksCorrections):
    list_display = ["item", "text", "won"]
    list_filter = ["won"]
    search_fields = ["text", "persons__name"]
    raw_id_fields = ["item"]
    inlines = [YrkandePersonInline]


@admin.register(models.Reservation)
class ReservationAdmin(MarksCorrections):
    list_display = ["person", "party", "item", "written"]
    list_filter = ["written", "party"]
    # Django follows only non-null keys by itself: the party was read row by row.
    list_select_related = ["person", "party", "item"]
    search_fields = ["person__name", "reason", "text"]
    raw_id_fields = ["item"]
    autocomplete_fields = ["person", "party"]


class VoteCastInline(admin.TabularInline):
    model = models.VoteCast
    extra = 0
    autocomplete_fields = ["person", "party"]


@admin.register(models.Vote)
class VoteAdmin(MarksCorrections):
    list_display = ["item", "yes", "no", "abstain", "chair_decided"]
    list_filter = ["chair_decided"]
    raw_id_fields = ["item"]
    inlines = [VoteCastInline]


@admin.register(models.Note)
class NoteAdmin(MarksCorrections):
    list_display = ["kind", "item", "text"]
    list_filter = ["kind"]
    search_fields = ["text", "persons__name"]
    raw_id_fields = ["item"]
    autocomplete_fields = ["persons"]


@admin.register(models.Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["dnr", "key", "body"]
    list_filter = ["body"]
    search_fields = ["dnr", "key"]
    list_select_related = ["body"]


@admin.register(models.ImportRecord)
class ImportRecordAdmin(AppendOnly, admin.ModelAdmin):
    list_display = ["created_at", "action", "filename", "meeting", "user"]
    list_select_related = ["meeting__committee", "user"]
    list_filter = ["action"]
    search_fields = ["filename", "sha256"]
    raw_id_fields = ["meeting"]
    readonly_fields = ["created_at"]
