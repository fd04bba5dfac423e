"""Each item's stored vector holds its title, clauses, reservations, yrkanden and text."""

from __future__ import annotations

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

from minutes import models
from minutes.services.search_index import update_search_vectors


@pytest.mark.django_db
def test_vector_weights_title_and_clauses_above_section_text(meeting):
    strong = models.Item.objects.create(meeting=meeting, number=1, title="Ny vårdcentral")
    decision = models.Decision.objects.create(item=strong, decided_by="Testnämnden")
    models.Clause.objects.create(decision=decision, position=0, text="bygga vårdcentralen")
    weak = models.Item.objects.create(
        meeting=meeting, number=2, title="Budget", text="En vårdcentral nämndes i förbigående."
    )
    person = models.Person.objects.create(body=meeting.committee.body, name="Eva Lind", slug="e")
    models.Reservation.objects.create(item=weak, person=person, reason="mot nedskärningarna")
    assert update_search_vectors([strong.pk, weak.pk]) == 2

    query = SearchQuery("vårdcentral", config="swedish", search_type="websearch")
    ranked = list(
        models.Item.objects.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank")
        .values_list("number", flat=True)
    )
    assert ranked == [1, 2]
    reserved = SearchQuery("nedskärning", config="swedish")
    assert list(
        models.Item.objects.filter(search_vector=reserved).values_list("number", flat=True)
    ) == [2]
    assert update_search_vectors([]) == 0
