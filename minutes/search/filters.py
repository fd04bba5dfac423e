"""Filters for lists of items (§), in the URL: `?q=…&huvudman=…&organ=…&fran=…&parti=…`.

`ItemFilter` narrows any `Item` queryset, so the search results and every browse list share
one vocabulary of parameters. A blank parameter is a no-op; a malformed one fails its form
field and is left out of `cleaned_data` (django-filter's FilterSet then ignores it), and
`invalid_filters` names it so the page can say so. Filters through the many-sided relations
(reservations, yrkanden, decisions, notes) read the item's own tags (`Item.tags`, kept with
its search vector): no joins, no duplicate rows, and one GIN index that PostgreSQL combines
with the words' index.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from ..models import Body, Decision, Item, Party, Person
from ..selectors.public import public_bodies, public_committees, public_parties, public_people
from ..services.search_index import TAG_KIND, TAG_PARTY, TAG_PERSON, TAG_RESERVED, TAG_RESERVED_BY

YES, NO = "ja", "nej"
YES_NO_CHOICES = [(YES, _("Ja")), (NO, _("Nej"))]

# Readable URL values for the decision kinds (`?typ=utan-forslag`), in the order people
# think of them.
KIND_BY_SLUG = {
    "beslutar": Decision.Kind.DECIDES,
    "foreslar": Decision.Kind.PROPOSES,
    "utan-forslag": Decision.Kind.NO_PROPOSAL,
    "information": Decision.Kind.INFORMATION,
}
SLUG_BY_KIND = {kind.value: slug for slug, kind in KIND_BY_SLUG.items()}
KIND_CHOICES = [(slug, kind.label) for slug, kind in KIND_BY_SLUG.items()]


class _TextSafeModelChoiceField(ModelChoiceField):
    """A model choice that rejects NUL characters before they reach PostgreSQL.

    psycopg refuses a text parameter holding NUL with an error the form does not catch,
    which would turn `?parti=%00` into a server error instead of an ignored filter.
    """

    def to_python(self, value):
        if isinstance(value, str) and "\x00" in value:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class _ModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _TextSafeModelChoiceField


class _YearFilter(django_filters.NumberFilter):
    # An integer within a calendar's range: `?ar=1e308` must fail validation, not the lookup.
    field_class = forms.IntegerField


class SearchForm(forms.Form):
    """The words of a search (`?q=`, `?exakt=1`); CharField also refuses NUL, which PostgreSQL
    cannot take."""

    q = forms.CharField(label=_("Sökord eller diarienummer"), max_length=300, required=False)
    # `?exakt=1`: the words only, without their compounds and inflected forms.
    exakt = forms.BooleanField(required=False)

    @property
    def query(self) -> str:
        """The valid words, or an empty string when there are none or they are unreadable."""
        return self.cleaned_data["q"] if self.is_valid() else ""

    @property
    def exact(self) -> bool:
        """True when the words are to be found as typed only (minutes.search.expansion)."""
        return self.is_valid() and self.cleaned_data["exakt"]


def _tagged(tag: str) -> Q:
    """Items carrying `tag` (`Item.tags`, minutes.services.search_index: one GIN lookup)."""
    return Q(tags__contains=[tag])


class ItemFilter(django_filters.FilterSet):
    """Body, committee, dates, party, person, decision kind, reservation and withdrawn."""

    huvudman = _ModelChoiceFilter(
        queryset=public_bodies(),
        to_field_name="slug",
        label=_("Huvudman"),
        method="filter_body",
    )
    organ = _ModelChoiceFilter(
        field_name="committee",
        queryset=public_committees().select_related("body"),
        label=_("Organ"),
    )
    fran = django_filters.DateFilter(
        field_name="meeting_date",
        lookup_expr="gte",
        label=_("Från och med datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    till = django_filters.DateFilter(
        field_name="meeting_date",
        lookup_expr="lte",
        label=_("Till och med datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    ar = _YearFilter(
        field_name="meeting_date",
        lookup_expr="year",
        label=_("År"),
        min_value=1000,
        max_value=9999,
    )
    parti = _ModelChoiceFilter(
        queryset=public_parties(),
        to_field_name="abbreviation",
        method="filter_party",
        label=_("Parti (reservation eller yrkande)"),
    )
    reserverat = _ModelChoiceFilter(
        queryset=public_parties(),
        to_field_name="abbreviation",
        method="filter_reserving_party",
        label=_("Reservation av parti"),
    )
    person = _ModelChoiceFilter(
        queryset=public_people().select_related("body"),
        method="filter_person",
        label=_("Person"),
    )
    typ = django_filters.ChoiceFilter(
        choices=KIND_CHOICES,
        method="filter_kind",
        label=_("Typ av beslut"),
        empty_label=_("Alla"),
    )
    reservation = django_filters.ChoiceFilter(
        choices=YES_NO_CHOICES,
        method="filter_has_reservation",
        label=_("Med reservation"),
        empty_label=_("Alla"),
    )
    utgar = django_filters.ChoiceFilter(
        choices=YES_NO_CHOICES,
        method="filter_withdrawn",
        label=_("Ärendet utgick"),
        empty_label=_("Alla"),
    )

    class Meta:
        model = Item
        fields: list[str] = []

    def filter_body(self, queryset: QuerySet[Item], name: str, value: Body) -> QuerySet[Item]:
        """Items of the body's committees, named by id: the newest-first index then tests
        each entry itself instead of joining committees."""
        return queryset.filter(committee__in=list(value.committees.values_list("pk", flat=True)))

    def filter_party(self, queryset: QuerySet[Item], name: str, value: Party) -> QuerySet[Item]:
        """Items where the party reserved itself or moved a yrkande."""
        return queryset.filter(_tagged(f"{TAG_PARTY}{value.pk}"))

    def filter_reserving_party(
        self, queryset: QuerySet[Item], name: str, value: Party
    ) -> QuerySet[Item]:
        """Items with a reservation by the party (what the party facet counts)."""
        return queryset.filter(_tagged(f"{TAG_RESERVED_BY}{value.pk}"))

    def filter_person(self, queryset: QuerySet[Item], name: str, value: Person) -> QuerySet[Item]:
        """Items where the person reserved, moved a yrkande or is named in a note."""
        return queryset.filter(_tagged(f"{TAG_PERSON}{value.pk}"))

    def filter_kind(self, queryset: QuerySet[Item], name: str, value: str) -> QuerySet[Item]:
        """Items with at least one decision of the kind."""
        return queryset.filter(_tagged(f"{TAG_KIND}{KIND_BY_SLUG[value]}"))

    def filter_has_reservation(
        self, queryset: QuerySet[Item], name: str, value: str
    ) -> QuerySet[Item]:
        """Items with (`ja`) or without (`nej`) any reservation."""
        reserved = _tagged(TAG_RESERVED)
        return queryset.filter(reserved if value == YES else ~reserved)

    def filter_withdrawn(self, queryset: QuerySet[Item], name: str, value: str) -> QuerySet[Item]:
        """Items that were (`ja`) or were not (`nej`) withdrawn from the agenda."""
        return queryset.filter(withdrawn=value == YES)

    @property
    def requires_tag(self) -> bool:
        """True when a set filter is a tag every item must carry (`parti`, `reserverat`,
        `person`, `typ`, `reservation=ja`): a lookup in the GIN index that also holds the
        words (`reservation=nej` asks for a tag's absence, which no index serves)."""
        values = self.active_values
        tagged = ("parti", "reserverat", "person", "typ")
        return any(name in values for name in tagged) or values.get("reservation") == YES

    @property
    def active_values(self) -> dict[str, object]:
        """The filters that are set and valid, by parameter name, with their cleaned value."""
        self.errors  # noqa: B018 - validates the form so cleaned_data exists
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "", [])
        }

    @property
    def invalid_filters(self) -> list[str]:
        """Labels of the parameters whose value could not be read (and was ignored)."""
        return [str(self.filters[name].label) for name in self.errors if name in self.filters]
