"""Who decides: bodies, their committees, parties and people."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import models
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..services.search_index import SEARCH_CONFIG


class Body(models.Model):
    """The authority: a region or a kommun."""

    name = models.CharField(_("namn"), max_length=200, unique=True)
    slug = models.SlugField(_("kortnamn"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("huvudman")
        verbose_name_plural = _("huvudmän")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("minutes:body", kwargs={"slug": self.slug})


class Committee(models.Model):
    """An organ of a body: nämnd, utskott, styrelse, fullmäktige, samverkansråd."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="committees", verbose_name=_("huvudman")
    )
    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn"), max_length=200)

    class Meta:
        verbose_name = _("organ")
        verbose_name_plural = _("organ")
        ordering = ["body__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "slug"], name="committee_unique_slug_per_body"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.body.name})"

    def get_absolute_url(self) -> str:
        return reverse("minutes:committee", kwargs={"body": self.body.slug, "slug": self.slug})


class Party(models.Model):
    """A political party by its abbreviation (`S`, `SJVP`); unknown codes are kept, flagged."""

    abbreviation = models.CharField(_("förkortning"), max_length=12, unique=True)
    name = models.CharField(_("namn"), max_length=200, blank=True)
    is_known = models.BooleanField(
        _("känt parti"),
        default=True,
        help_text=_("Falskt för förkortningar som importen inte kände igen."),
    )

    class Meta:
        verbose_name = _("parti")
        verbose_name_plural = _("partier")
        ordering = ["abbreviation"]
        constraints = [
            models.UniqueConstraint(Upper("abbreviation"), name="party_unique_abbreviation_ci"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.name else self.abbreviation

    def get_absolute_url(self) -> str:
        return reverse("minutes:party", kwargs={"abbreviation": self.abbreviation})


class Person(models.Model):
    """One row per real person within a body, as named in its protocols."""

    body = models.ForeignKey(
        Body, on_delete=models.PROTECT, related_name="people", verbose_name=_("huvudman")
    )
    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn"), max_length=200)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="person_unique_name_per_body"),
            models.UniqueConstraint(fields=["body", "slug"], name="person_unique_slug_per_body"),
        ]
        # The API's list of people goes by name: read in this order, a page tests its fifty
        # people for a published appearance and stops, instead of testing everyone.
        indexes = [
            models.Index(fields=["name", "id"], name="person_name_idx"),
            # The names' lexemes (`engström`): search never widens `ström` to a surname
            # (minutes.search.expansion); the expression is the one it queries.
            GinIndex(SearchVector("name", config=SEARCH_CONFIG), name="person_name_lexemes_gin"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("minutes:person", kwargs={"body": self.body.slug, "slug": self.slug})
