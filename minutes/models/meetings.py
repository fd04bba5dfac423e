"""Meetings, who attended them, and the record of each import."""

import datetime as dt

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .history import change_history
from .organisation import Committee, Party, Person

APPEAL_PERIOD = dt.timedelta(weeks=3)


class PublishedMeetingQuerySet(models.QuerySet):
    def published(self) -> "PublishedMeetingQuerySet":
        """Only what citizens may see: meetings a clerk has published."""
        return self.filter(is_published=True)


class Meeting(models.Model):
    """One sammanträde of a committee, read from one protocol file."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("organ")
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    end_time = models.TimeField(_("sluttid"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=300, blank=True)
    protocol_dnr = models.CharField(_("protokollets diarienummer"), max_length=100, blank=True)
    chair = models.CharField(_("ordförande"), max_length=200, blank=True)
    secretary = models.CharField(_("sekreterare"), max_length=200, blank=True)
    adjusters = ArrayField(
        models.CharField(max_length=200), default=list, blank=True, verbose_name=_("justerare")
    )
    adjusted_on = models.DateField(_("justerat"), null=True, blank=True)
    notice_posted_on = models.DateField(_("anslaget uppsatt"), null=True, blank=True)
    notice_removed_on = models.DateField(_("anslaget nedtaget"), null=True, blank=True)
    source_file = models.FileField(_("originalfil"), upload_to="protokoll/%Y/", blank=True)
    source_filename = models.CharField(_("filnamn"), max_length=255, blank=True)
    sha256 = models.CharField(_("sha256"), max_length=64, unique=True)
    page_count = models.PositiveIntegerField(_("sidor"), null=True, blank=True)
    imported_at = models.DateTimeField(_("importerat"), auto_now_add=True)
    parse_warnings = models.JSONField(_("varningar vid inläsning"), default=list, blank=True)
    is_published = models.BooleanField(_("publicerat"), default=True, db_index=True)
    # What a clerk corrected in the admin (field names, and "attendances" for the list of
    # attendance): a replacing import keeps these unless the clerk says otherwise.
    corrected_fields = ArrayField(
        models.CharField(max_length=40),
        default=list,
        db_default=[],
        blank=True,
        editable=False,
        verbose_name=_("rättade uppgifter"),
    )
    # The latest correction of the meeting or of any of its §§ (the page cache's key).
    corrected_at = models.DateTimeField(_("rättad"), null=True, blank=True, editable=False)

    objects = PublishedMeetingQuerySet.as_manager()
    history = change_history(excluded_fields=("parse_warnings", "corrected_fields", "corrected_at"))

    class Meta:
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        ordering = ["-date", "committee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date", "start_time"],
                name="meeting_unique_per_committee_date_time",
                nulls_distinct=False,
            ),
        ]
        indexes = [
            models.Index(fields=["date"], name="meeting_date_idx"),
            models.Index(fields=["committee", "-date"], name="meeting_committee_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.committee.name} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        committee = self.committee
        return reverse(
            "minutes:meeting",
            kwargs={
                "body": committee.body.slug,
                "committee": committee.slug,
                "date": self.date.isoformat(),
            },
        )

    @property
    def appeal_deadline(self) -> dt.date | None:
        """The last day to appeal (laglighetsprövning): three weeks from the day the
        justering was announced on the anslagstavla (Kommunallagen 13 kap. 6 §)."""
        if self.notice_posted_on is None:
            return None
        return self.notice_posted_on + APPEAL_PERIOD


class Attendance(models.Model):
    """A person's presence at a meeting, in one role."""

    class Role(models.TextChoices):
        CHAIR = "ordförande", _("ordförande")
        VICE_CHAIR = "vice ordförande", _("vice ordförande")
        MEMBER = "ledamot", _("ledamot")
        SERVING_SUBSTITUTE = "tjänstgörande ersättare", _("tjänstgörande ersättare")
        SUBSTITUTE = "ersättare", _("ersättare")
        OFFICIAL = "tjänsteperson", _("tjänsteperson")
        SECRETARY = "sekreterare", _("sekreterare")
        ADJUSTER = "justerare", _("justerare")
        OTHER = "övrig närvarande", _("övrig närvarande")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("sammanträde")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="attendances", verbose_name=_("person")
    )
    party = models.ForeignKey(
        Party,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("parti"),
    )
    role = models.CharField(_("roll"), max_length=40, choices=Role.choices, default=Role.MEMBER)
    substitute_for = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="substituted_by",
        verbose_name=_("ersättare för"),
    )
    municipality = models.CharField(_("företräder"), max_length=200, blank=True)
    note = models.CharField(_("anteckning"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("ordning"), default=0)

    history = change_history()

    class Meta:
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")
        ordering = ["meeting", "position"]
        indexes = [
            models.Index(fields=["person", "meeting"], name="attendance_person_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"


class ImportRecord(models.Model):
    """Who brought which file into the archive, and whether it replaced an earlier reading."""

    class Action(models.TextChoices):
        IMPORTED = "imported", _("importerad")
        REPLACED = "replaced", _("ersatte tidigare inläsning")

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="import_records",
        verbose_name=_("sammanträde"),
    )
    action = models.CharField(_("händelse"), max_length=20, choices=Action.choices)
    filename = models.CharField(_("filnamn"), max_length=255)
    sha256 = models.CharField(_("sha256"), max_length=64)
    replaced_sha256 = models.CharField(_("ersatt sha256"), max_length=64, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("användare"),
    )
    created_at = models.DateTimeField(_("tidpunkt"), auto_now_add=True)
    # What a replacement changed: the §§ added, removed and changed, and the meeting fields
    # before and after (`selectors.versions.ReadingChanges.as_json`).
    changes = models.JSONField(_("ändringar"), default=dict, db_default={}, blank=True)
    reason = models.TextField(_("skäl"), blank=True, default="", db_default="")

    class Meta:
        verbose_name = _("importhändelse")
        verbose_name_plural = _("importhändelser")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.filename}"


class Upload(models.Model):
    """A protocol a clerk has uploaded but not yet published: nothing public until then.

    The file is parsed once, when it is uploaded: its reading (the protocol JSON) is kept in
    `reading` for the review page and publishing, which read the file again only when that
    reading is missing or of an older format. The clerk's corrections of the meeting fields
    are kept in `overrides` and applied when publishing.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("väntar på granskning")
        PUBLISHED = "published", _("publicerad")
        CANCELLED = "cancelled", _("avbruten")

    file = models.FileField(_("fil"), upload_to="uppladdningar/%Y/")
    filename = models.CharField(_("filnamn"), max_length=255)
    sha256 = models.CharField(_("sha256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("uppladdad av"),
    )
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    overrides = models.JSONField(_("rättade mötesuppgifter"), default=dict, blank=True)
    reading = models.JSONField(_("tolkning"), null=True, blank=True, editable=False)
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uploads",
        verbose_name=_("sammanträde"),
    )

    class Meta:
        verbose_name = _("uppladdning")
        verbose_name_plural = _("uppladdningar")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename
