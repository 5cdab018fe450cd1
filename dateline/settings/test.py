import os

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test run writes media under a throwaway directory.
MEDIA_ROOT = Path(env("TEST_MEDIA_ROOT", VAR_DIR / "test-media"))  # noqa: F405
WHITENOISE_AUTOREFRESH = True

# The test runner creates and drops its own database: plain connections, no pool.
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)  # noqa: F405

if "KEY_PREFIX" in CACHES["default"]:  # noqa: F405
    # A shared Redis must not mix entries between test processes or with earlier runs.
    for _alias in CACHES.values():  # noqa: F405
        _alias["KEY_PREFIX"] = f"dateline-test-{os.getpid()}-{_alias['KEY_PREFIX']}"
# Purges go out as soon as the change commits, in the test's own thread.
DATELINE_PURGE_INLINE = True
# Renditions readers asked for are made once the request's response is done (mediabank/tasks.py).
DATELINE_RENDITIONS_MAKER = "after-response"
