"""The API's URLs on their own, without language prefixes (see PublicAPIMixin.finalize_response).

The site mounts the same router in dateline/urls.py.
"""

from django.urls import path

from . import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
