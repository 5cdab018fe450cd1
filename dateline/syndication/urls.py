from django.urls import path, register_converter

from dateline.caching.middleware import query_params

from . import feeds, views

urlpatterns = [
    path("robots.txt", query_params()(views.robots_txt), name="robots_txt"),
    path("sitemap.xml", query_params()(views.sitemap_index), name="sitemap"),
    path(
        "sitemap-<str:section>.xml",
        query_params("p")(views.sitemap_edition),
        name="sitemap_edition",
    ),
]


class FeedFormatConverter:
    regex = "|".join(feeds.FORMATS)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FeedFormatConverter, "feedformat")

# Mounted under each edition's prefix: /en/feeds/rss/, /ru/feeds/section/politics/atom/...
feed_urlpatterns = [
    path(
        "<feedformat:feed_format>/",
        query_params()(feeds.feed),
        {"scope": "edition"},
        name="edition_feed",
    ),
    *(
        path(
            f"{scope}/<slug:slug>/<feedformat:feed_format>/",
            query_params()(feeds.feed),
            {"scope": scope},
            name=f"{scope}_feed",
        )
        for scope in ("section", "topic", "author")
    ),
]
