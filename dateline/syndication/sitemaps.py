"""Sitemaps: one per edition, listed by a sitemap index. Django paginates each at 50,000 URLs."""

from django.conf import settings
from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale


class EditionSitemap(Sitemap):
    """Every live, public page of one edition (its home page and everything under it)."""

    def __init__(self, request, language):
        super().__init__(request)
        self.language = language

    def items(self):
        site = self.get_wagtail_site()
        locale = Locale.objects.filter(language_code=self.language).first()
        home = site.root_page.get_translation_or_none(locale) if locale else None
        if home is None:
            return site.root_page.get_descendants().none()
        return (
            home.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def get_latest_lastmod(self):
        # Django's default computes lastmod for every item; one aggregate query is enough.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


def edition_sitemaps(request):
    return {code: EditionSitemap(request, code) for code, _ in settings.LANGUAGES}
