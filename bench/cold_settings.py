"""Production settings with nothing kept between requests, for the "cold" benchmark rows.

Fragments off, and both cache aliases a dummy backend: Wagtail's site root paths and
rendition lookups go to the database on every request too. Used by bench/serving.py,
bench/archive.py --cold and bench/pages.py --cold (the repository root on PYTHONPATH).
"""

from dateline.settings.production import *  # noqa: F403

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
DATELINE_FRAGMENTS = False
