"""The forms of the alerts: following a search, and changing how often it is mailed."""

from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .models import Subscription
from .selectors import FollowedSearch, followed_search
from .services.subscribing import subscription_request


class FrequencyForm(forms.Form):
    """How often the new matches are mailed."""

    frequency = forms.ChoiceField(
        label=_("Hur ofta"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.DAILY,
        widget=forms.RadioSelect,
    )


class FollowForm(FrequencyForm):
    """An address and a search (its URL parameters, carried in a hidden field)."""

    email = forms.EmailField(
        label=_("E-postadress"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    query = forms.CharField(widget=forms.HiddenInput, max_length=2000)

    field_order = ["email", "frequency", "query"]

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", "bevaka-%s")
        super().__init__(*args, **kwargs)

    def clean_query(self) -> FollowedSearch:
        search = followed_search(QueryDict(self.cleaned_data["query"]))
        if search is None:
            raise forms.ValidationError(
                _("Sökningen har varken sökord eller filter: det finns inget att bevaka.")
            )
        return search

    def save(self) -> Subscription | None:
        """Store the request and mail its confirmation (services.subscribing)."""
        return subscription_request(
            email=self.cleaned_data["email"],
            search=self.cleaned_data["query"],
            frequency=self.cleaned_data["frequency"],
        )
