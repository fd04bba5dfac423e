"""`{% follow_form params %}`: the form that follows the search of a results page (or, with
`dnr=`, a case), for the archive's own templates."""

from __future__ import annotations

from collections.abc import Mapping

from django import template
from django.http import QueryDict

from ..forms import FollowForm
from ..selectors import followed_search

register = template.Library()


@register.inclusion_tag("alerts/_follow_form.html")
def follow_form(
    params: Mapping[str, str] | None = None, dnr: str = "", case_key: str | None = None
) -> dict:
    """The follow form for the search in `params` (a page's GET), or for the case `dnr`
    (whose `case_key` its page knows); nothing when the search asks for nothing."""
    if dnr:
        params = QueryDict(mutable=True)
        params["q"] = dnr
    search = followed_search(params or QueryDict(), case_key=case_key)
    if search is None:
        return {"search": None}
    return {"search": search, "form": FollowForm(initial={"query": search.query})}
