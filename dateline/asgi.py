import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.production")

django_application = get_asgi_application()

# The live streams (Server-Sent Events) are answered before Django: no middleware, no thread.
from dateline.live.stream import LiveStreamApp  # noqa: E402

application = LiveStreamApp(django_application)
