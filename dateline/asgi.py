"""The production entry point: Django's own ASGI handler, with the live streams beside it.

The live streams (Server-Sent Events, dateline/live/stream.py) are long-lived and answered on
the event loop; every other request is Django's.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.production")

django_application = get_asgi_application()

from dateline.guard.bodies import BodyLimitASGI  # noqa: E402
from dateline.live.stream import LiveStreamApp  # noqa: E402

# Bodies over their route's cap are refused before Django's handler reads them.
application = BodyLimitASGI(LiveStreamApp(django_application))
