"""/media/: mounted at MEDIA_URL by dateline/urls.py (see media.py)."""

from django.urls import path

from .media import serve_media

urlpatterns = [path("<path:path>", serve_media, name="media")]
