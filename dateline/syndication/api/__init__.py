"""The public content API, read-only: Wagtail's API v2 at /api/v2/ (see docs/syndication.md)."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import ArticlesAPIViewSet, PhotosAPIViewSet

api_router = WagtailAPIRouter("api")
api_router.register_endpoint("pages", ArticlesAPIViewSet)
api_router.register_endpoint("images", PhotosAPIViewSet)
