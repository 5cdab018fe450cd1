"""The demo (scripts/demo): the reader site as readers get it, on the embedded defaults.

DEBUG stays off, so a reader meets the designed 404 and 500 pages of their edition, never
Django's debug page and its list of URL patterns. Static files are served from the apps'
folders (no collectstatic step) and e-mail is printed to the console.
"""

from .base import *  # noqa: F403

DEBUG = False
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
