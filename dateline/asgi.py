import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.production")

django_application = get_asgi_application()

# In front of Django, in this order: the live streams (Server-Sent Events) and the page cache's
# hits are answered without middleware or threads; everything else is Django's.
from dateline.live.stream import LiveStreamApp  # noqa: E402
from dateline.pagecache.asgi import PageCacheApp  # noqa: E402

application = LiveStreamApp(PageCacheApp(django_application))
