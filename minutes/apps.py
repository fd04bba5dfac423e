from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "minutes"
    verbose_name = _("Protokoll")
    default_auto_field = "django.db.models.BigAutoField"
