"""The clerks' admin at the archive's size: lists in a fixed number of queries, search by words."""

from __future__ import annotations

import pytest

from minutes.parsing.warning_codes import as_data, warn
from minutes.services.import_warnings import import_warning
from minutes.services.search_index import update_search_vectors
from tests import factories as f

pytestmark = pytest.mark.django_db

# Each list with the rows it holds in `many`.
LISTS = {
    "meeting": 30,
    "item": 30,
    "reservation": 30,
    "case": 30,
    "committee": 30,
    "person": 30,
    "importrecord": 0,
}


@pytest.fixture
def many():
    """Thirty committees in thirty bodies, each with a meeting, an item, a reservation by a
    party of its own and a case: what a list or a filter names row by row would show."""
    for n in range(30):
        committee = f.CommitteeFactory(body=f.BodyFactory(name=f"Kommun {n}"))
        item = f.ItemFactory(meeting=f.MeetingFactory(committee=committee), title=f"Ärende {n}")
        f.ReservationFactory(item=item, party=f.PartyFactory(abbreviation=f"P{n}", name=""))
        f.CaseFactory(body=committee.body)


@pytest.mark.parametrize(("model", "rows"), LISTS.items())
def test_an_admin_list_reads_a_fixed_number_of_queries(
    admin_client, many, django_assert_max_num_queries, model, rows
):
    with django_assert_max_num_queries(12, info=model):
        response = admin_client.get(f"/admin/minutes/{model}/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == rows


def test_a_meetings_edit_page_does_not_read_every_committee(
    admin_client, many, django_assert_max_num_queries
):
    meeting = f.MeetingFactory(committee=f.CommitteeFactory(name="Vårdnämnden"))
    with django_assert_max_num_queries(25):
        response = admin_client.get(f"/admin/minutes/meeting/{meeting.pk}/change/")
    assert response.status_code == 200
    assert "Vårdnämnden" in response.content.decode(), "the chosen committee is shown"


def test_the_admins_item_search_finds_words_as_the_archive_does(admin_client):
    care = f.ItemFactory(title="Vårdplan för äldre", text="Planen gäller hemtjänsten.")
    f.ItemFactory(title="Budget 2025", text="Budgeten för nästa år.")
    update_search_vectors()
    response = admin_client.get("/admin/minutes/item/", {"q": "vårdplanen hemtjänst"})
    assert [item.pk for item in response.context["cl"].result_list] == [care.pk]
    nothing = admin_client.get("/admin/minutes/item/", {"q": '"'})
    assert nothing.status_code == 200


def test_a_meetings_edit_page_shows_its_reading_warnings_in_swedish(admin_client):
    meeting = f.MeetingFactory(
        parse_warnings=[
            as_data(warn("no_title", item=4)),
            as_data(warn("attendance_text_ignored", text="<b>Kaffe</b>")),
            import_warning("import_party_unknown", party="BLP"),
            "<i>an old reading's warning</i> in § 5",  # stored before warnings had codes
        ],
    )
    html = admin_client.get(f"/admin/minutes/meeting/{meeting.pk}/change/").content.decode()
    assert "<p>§ 4: ingen rubrik hittades</p>" in html
    assert "<p>text i närvarolistan utan namn hoppades över: ”&lt;b&gt;Kaffe&lt;/b&gt;”</p>" in html
    assert "<p>okänt parti ”BLP”: sparat och flaggat som okänt</p>" in html
    assert "<p>&lt;i&gt;an old reading&#x27;s warning&lt;/i&gt; in § 5</p>" in html, "as written"
    assert 'name="parse_warnings"' not in html, "not an editable field"
