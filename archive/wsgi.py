"""WSGI entry point for gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

application = get_wsgi_application()
get_resolver().url_patterns  # noqa: B018 - import every view now, not at the first request

# What start-up loaded (Django, the apps, the URLs: ≈ 100,000 objects) lives as long as
# the process: kept out of the garbage collector's full passes, each of which otherwise
# stalls a request by ≈ 30 ms (measured in the search benchmark, docs/performance.md).
gc.freeze()
