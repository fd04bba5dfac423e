"""What a correction changed, in Swedish: the field or part of a § or meeting, as a reader
names it in "Rättad 2026-03-02: titeln"."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

FIELD_LABELS: dict[str, Promise] = {
    # a §
    "title": _("titeln"),
    "text": _("texten"),
    "dnr": _("diarienumret"),
    "responsible": _("ärendeansvarig"),
    "handlers": _("handläggare"),
    "withdrawn": _("uppgiften om att ärendet utgår"),
    "tabled": _("uppgiften om bordläggning"),
    "sections": _("avsnitten"),
    "number": _("paragrafnumret"),
    "depublished_at": _("publiceringen"),
    "depublished_reason": _("skälet till avpubliceringen"),
    # a meeting
    "date": _("datumet"),
    "start_time": _("starttiden"),
    "end_time": _("sluttiden"),
    "place": _("platsen"),
    "protocol_dnr": _("protokollets diarienummer"),
    "chair": _("ordföranden"),
    "secretary": _("sekreteraren"),
    "adjusters": _("justerarna"),
    "adjusted_on": _("justeringsdagen"),
    "notice_posted_on": _("anslagsdagen"),
    "notice_removed_on": _("dagen då anslaget togs ned"),
    "is_published": _("publiceringen"),
    "attendances": _("närvarolistan"),
}

# A correction of what is under a § names the part (model name, lower case).
PART_LABELS: dict[str, Promise] = {
    "decision": _("ett beslut"),
    "clause": _("en att-sats"),
    "yrkande": _("ett yrkande"),
    "reservation": _("en reservation"),
    "vote": _("en votering"),
    "note": _("en anteckning"),
    "attendance": _("närvarolistan"),
}


def field_label(name: str) -> Promise | str:
    """The Swedish name of a corrected field (`name` itself when it has none)."""
    return FIELD_LABELS.get(name, name)


def part_label(model_name: str) -> Promise | str:
    """The Swedish name of a corrected part of a § (`model_name` when it has none)."""
    return PART_LABELS.get(model_name, model_name)
