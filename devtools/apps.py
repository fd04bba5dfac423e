from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """The development commands: sample protocols and the benchmarks."""

    name = "devtools"
    verbose_name = "Utvecklingsverktyg"
