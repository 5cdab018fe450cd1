from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.syndication import urls as syndication_urls
from dateline.syndication.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(syndication_urls)),
    path("api/v2/", api_router.urls),
    path("live/", include("dateline.live.urls")),
    # Photos' files, behind the embargo and originals rules of the media bank.
    path(settings.MEDIA_URL.lstrip("/"), include("dateline.mediabank.media_urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("account/", include("dateline.accounts.urls")),
    path("mediabank/", include("dateline.mediabank.urls")),
    path("discussion/", include("dateline.discussion.urls")),
    path("newsroom/", include("dateline.newsroom.urls")),
    path("feeds/", include(syndication_urls.feed_urlpatterns)),
    # Wagtail's page serving, and its forms of restricted pages.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
