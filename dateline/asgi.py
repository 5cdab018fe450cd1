import os
import sys
import types
from contextlib import contextmanager

import django
from django.conf import settings
from wagtail.hooks import search_for_hooks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.production")

# Wagtail 8 sets up its v3 API in the ready() of five of its apps, installed or not: Django
# Ninja's routers, and pydantic read/create/patch schemas built for every page, snippet, image
# and document model (about 12 MB of each server process, a tenth of it). Dateline serves no v3
# API (the content API is v2: dateline/syndication/api), so while the server process starts,
# these stand in for the modules those ready() methods import; they are forgotten afterwards,
# and anything importing the v3 API later gets the real one.
SKIPPED_WAGTAIL_V3_MODULES = {
    "wagtail.api.v3.api": ["api"],
    "wagtail.images.api.v3.registry": ["register_content_types"],
    "wagtail.images.api.v3.router": ["router"],
    "wagtail.documents.api.v3.registry": ["register_content_types"],
    "wagtail.documents.api.v3.router": ["router"],
    "wagtail.snippets.api.v3": ["register_content_types"],
    "wagtail.snippets.api.v3.router": ["router"],
    "wagtail.locales.api.v3": ["router"],
    "wagtail.contrib.redirects.api.v3": ["router"],
}


class _UnservedAPI:
    def add_router(self, prefix, router):
        pass


def _register_nothing():
    pass


@contextmanager
def without_wagtail_v3_api():
    if "wagtail.api.v3" in settings.INSTALLED_APPS or any(
        name in sys.modules for name in SKIPPED_WAGTAIL_V3_MODULES
    ):
        yield
        return
    values = {"api": _UnservedAPI(), "router": None, "register_content_types": _register_nothing}
    stand_ins = {}
    for name, attributes in SKIPPED_WAGTAIL_V3_MODULES.items():
        module = stand_ins[name] = types.ModuleType(name, "Wagtail's v3 API, not served")
        for attribute in attributes:
            setattr(module, attribute, values[attribute])
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


with without_wagtail_v3_api():
    django.setup(set_prefix=False)

# Every Django view is synchronous: each request runs in one thread (dateline/handler.py).
from dateline.handler import ThreadedASGIHandler  # noqa: E402

django_application = ThreadedASGIHandler(settings.DATELINE_DJANGO_CONCURRENCY)
# As after a full setup (the v3 API's registrations looked the snippets up): every app's
# wagtail_hooks module loaded before the first request.
search_for_hooks()

# In front of Django, in this order: the live streams (Server-Sent Events) and the page cache's
# hits are answered without middleware or threads; everything else is Django's.
from dateline.live.stream import LiveStreamApp  # noqa: E402
from dateline.pagecache.asgi import PageCacheApp  # noqa: E402

application = LiveStreamApp(PageCacheApp(django_application))
