"""The admin's forms: every change asks for the clerk's reason; a § can be taken off the
public site with one."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REASON_FIELD = "change_reason"


class CorrectionForm(forms.ModelForm):
    """A model's admin form with the reason for the change, required when a stored row is
    changed (it goes into the row's history with the clerk's name and the time)."""

    change_reason = forms.CharField(
        label=_("Skäl till ändringen"),
        help_text=_("Sparas i historiken och visas med rättelsen på den publika sidan."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Skriv varför du ändrar uppgifterna.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[REASON_FIELD].required = self.instance.pk is not None


def reason_of(form: forms.Form) -> str | None:
    """The reason a clerk gave in an admin form (None when there was none)."""
    return (getattr(form, "cleaned_data", {}) or {}).get(REASON_FIELD) or None


class ItemCorrectionForm(CorrectionForm):
    """A §'s admin form: besides corrections, take it off the public site with a reason."""

    depublish = forms.BooleanField(
        label=_("Ta bort paragrafen från den publika webbplatsen"),
        help_text=_(
            "T.ex. när personuppgifter publicerats av misstag. Paragrafen försvinner genast "
            "från sökningen, flöden, exporter, API:t och sammanträdets sida; dess adress "
            "svarar med skälet nedan."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["depublish"].initial = self.instance.depublished_at is not None

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("depublish") and not (cleaned.get("depublished_reason") or "").strip():
            self.add_error(
                "depublished_reason", _("Skriv skälet som visas i stället för paragrafen.")
            )
        return cleaned

    def save(self, commit: bool = True):
        item = self.instance
        if self.cleaned_data.get("depublish"):
            item.depublished_at = item.depublished_at or timezone.now()
        else:
            item.depublished_at = None
            item.depublished_reason = ""
        return super().save(commit=commit)
