"""Post an admin change form as a clerk would: every field as the page shows it, with
the inlines' management forms, changed where the test says."""

from __future__ import annotations

from typing import Any

from django import forms


def _encoded(field, value) -> Any:
    """A field's shown value (`BoundField.value()`, already prepared) as a browser posts it."""
    if isinstance(field, forms.NullBooleanField):
        return {True: "true", False: "false"}.get(value, "unknown")
    if value is None:
        return ""
    if value is True:
        return "on"
    return value


def _form_data(form) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = _encoded(field, form[name].value())
        if value is False or value == []:
            continue
        data[form.add_prefix(name)] = value
        if field.show_hidden_initial:  # the page carries the initial value (callable defaults)
            data[form.add_initial_prefix(name)] = value
    return data


def admin_form_data(client, url: str) -> dict[str, Any]:
    """The POST data of the admin change page at `url`, as it stands."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(_form_data(formset.management_form))
        for form in formset.forms:
            data.update(_form_data(form))
    return data
